/**
 * The maths stylesheet: the shipped math font and how formulas sit in the page. `<Tex>`
 * renders it once as a React 19 hoisted `<style>` (so no bundler CSS import is needed and
 * server rendering includes it); the package's styles.css may concatenate {@link texCss}.
 */
import { mathFontUrl } from '../mathFont';

/**
 * Font family of the shipped font. Same name as the `--gl-math-font` token's first choice,
 * so setting the token to another OpenType math font (STIX Two Math, Latin Modern Math…)
 * switches every formula, and leaving it unset still uses the shipped file.
 */
export const MATH_FONT_FAMILY = 'Noto Sans Math';

/** The maths CSS, with the font's URL resolved for this build (bundler asset or file URL). */
export function texCss(fontUrl: string = mathFontUrl()): string {
  return `@font-face{font-family:"${MATH_FONT_FAMILY}";src:url("${fontUrl}") format("woff2");font-style:normal;font-weight:400;font-display:swap}
.gl-tex math{font-family:var(--gl-math-font,"${MATH_FONT_FAMILY}",math);font-style:normal;font-weight:normal;letter-spacing:normal;word-spacing:normal;text-transform:none;text-indent:0;line-height:normal;direction:ltr}
.gl-tex[data-display="inline"]{white-space:nowrap}
.gl-tex[data-display="block"]{display:block;max-width:100%;overflow-x:auto;overflow-y:hidden;padding:0.15em 0;font-size:1.1em}
.gl-tex[data-display="block"]>math{display:block math;margin:0 auto}
/* Accents over italic letters: Temml marks them chr-sml/-med/-lrg; shift by the italic slant. */
.gl-tex mo.chr-sml{transform:translate(0.07em,0)}.gl-tex mo.chr-med{transform:translate(0.14em,0)}.gl-tex mo.chr-lrg{transform:translate(0.21em,0)}
.gl-tex .temml-error{font-family:ui-monospace,monospace;font-size:0.85em}`;
}
