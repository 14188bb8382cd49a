import { BASE_CSS_HREF, baseCss } from '../styles/baseCss';

/**
 * Renders the package's base CSS once per document: React 19 hoists a `<style>` with
 * `href` and `precedence` into the head and deduplicates it by `href`, on the client and
 * in server rendering. Every frame and kit control renders it, so no bundler CSS import is
 * needed; `@geolearn/ui/styles.css` holds the same text for pages that prefer a link.
 */
export function BaseStyles() {
  return (
    <style href={BASE_CSS_HREF} precedence="default">
      {baseCss}
    </style>
  );
}
