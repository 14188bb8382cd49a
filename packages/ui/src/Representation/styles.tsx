/**
 * The representation morph's own CSS (classes `gl-rep-*`), rendered once per document as a
 * React 19 hoisted `<style>`. Colours come from the `--gl-*` tokens only (a ring's colour is
 * set as `color` inline and read here as `currentColor`).
 */
export const repCss = String.raw`
.gl-rep-plot { display: block; max-width: 100%; }
.gl-rep-bg { fill: var(--gl-bg); stroke: var(--gl-border); }
.gl-rep-dot { fill: currentColor; stroke: var(--gl-bg); stroke-width: 1; }
.gl-rep-wrong { fill: none; stroke: var(--gl-diverged); stroke-width: 1.5; }
.gl-rep-line { fill: none; stroke: var(--gl-fg); stroke-width: 4; }
.gl-rep-polar-line { fill: none; stroke: var(--gl-accent); stroke-width: 2; stroke-dasharray: 7 4; }
.gl-rep-cart-line { fill: none; stroke: var(--gl-muted); stroke-width: 2; stroke-dasharray: 2 3; }
.gl-rep-side { display: grid; gap: 10px; min-width: 0; justify-items: start; }
.gl-rep-table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 13px; }
.gl-rep-table caption { text-align: left; font-size: 12px; color: var(--gl-muted); padding-bottom: 2px; }
.gl-rep-table th, .gl-rep-table td { padding: 3px 8px; text-align: left; font-weight: 400; }
.gl-rep-table td { text-align: right; font-weight: 600; }
.gl-rep-table tr[data-active] { background: var(--gl-surface); }
`;

/** Renders {@link repCss} once per document (deduplicated by `href`). */
export function RepStyles() {
  return (
    <style href="gl-rep" precedence="default">
      {repCss}
    </style>
  );
}
