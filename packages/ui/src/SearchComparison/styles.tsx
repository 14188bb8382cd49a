/**
 * The search comparison's CSS (classes `gl-search-*`), rendered once per document as a
 * React 19 hoisted `<style>`. Colours come from the `--gl-*` tokens only, so dark mode works.
 */
export const searchCss = String.raw`
.gl-search-map { display: grid; gap: 2px; min-width: 0; }
.gl-search-title { font-weight: 600; font-size: 14px; }
.gl-search-summary { font-size: 13px; font-variant-numeric: tabular-nums; }
.gl-search-cost { display: grid; gap: 6px; min-width: 0; }
.gl-search-cost h3 { font-size: 1em; margin: 0; }
.gl-search-cost ul { margin: 0; padding-left: 20px; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.gl-search-cost p { margin: 0; font-size: 14px; }
.gl-search-fields { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; }
.gl-search-fields .gl-number-input { width: 90px; }
`;

/** Renders {@link searchCss} once per document (deduplicated by `href`). */
export function SearchStyles() {
  return (
    <style href="gl-search" precedence="default">
      {searchCss}
    </style>
  );
}
