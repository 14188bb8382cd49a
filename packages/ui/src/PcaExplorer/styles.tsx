/**
 * The PCA explorer's own CSS (classes `gl-pca-*`), rendered once per document as a React 19
 * hoisted `<style>`. Colours come from the `--gl-*` tokens (a component's colour is set as
 * `color` inline and read here as `currentColor`).
 */
export const pcaCss = String.raw`
.gl-pca-plot { display: block; max-width: 100%; touch-action: none; }
.gl-pca-area { fill: var(--gl-bg); stroke: var(--gl-border); }
.gl-pca-point { stroke: var(--gl-bg); stroke-width: 0.6; fill-opacity: 0.85; }
.gl-pca-ellipse { fill: var(--gl-muted); fill-opacity: 0.1; stroke: var(--gl-muted); stroke-width: 2; }
.gl-pca-mean { fill: var(--gl-fg); }
.gl-pca-arrow line { stroke: currentColor; stroke-width: 3.5; }
.gl-pca-arrow polygon { fill: currentColor; }
.gl-pca-arrow text { fill: currentColor; font-size: 13px; font-weight: 600; paint-order: stroke; stroke: var(--gl-bg); stroke-width: 3px; }
.gl-pca-axis { stroke: var(--gl-class-0); stroke-width: 1.5; stroke-dasharray: 6 4; }
.gl-pca-residual { stroke: var(--gl-residual); stroke-width: 1; }
.gl-pca-guide { stroke: var(--gl-muted); stroke-width: 1; stroke-dasharray: 2 3; pointer-events: none; }
.gl-pca-side { font-variant-numeric: tabular-nums; }
.gl-pca-side section { display: grid; gap: 4px; }
.gl-pca-heading { margin: 0; font-size: 0.95em; font-weight: 600; }
.gl-pca-matrix { display: flex; align-items: center; gap: 8px; font-family: var(--gl-math-font); }
.gl-pca-bracket { border-collapse: separate; border-left: 2px solid var(--gl-fg); border-right: 2px solid var(--gl-fg); border-radius: 6px; padding: 0 4px; }
.gl-pca-bracket td { padding: 1px 8px; text-align: right; }
.gl-pca-eigen { border-collapse: collapse; font-size: 0.88em; }
.gl-pca-eigen th, .gl-pca-eigen td { padding: 2px 5px; text-align: right; white-space: nowrap; }
.gl-pca-eigen thead th { color: var(--gl-muted); font-weight: 600; }
.gl-pca-pairs { list-style: none; margin: 0; padding: 0; font-weight: 600; font-size: 0.92em; }
.gl-pca-bars { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
.gl-pca-bars li { display: flex; align-items: center; gap: 8px; color: var(--gl-muted); }
.gl-pca-bars li[data-kept] { color: var(--gl-fg); font-weight: 600; }
.gl-pca-bar-bg { fill: var(--gl-surface); stroke: var(--gl-border); }
.gl-pca-bar { fill: currentColor; }
.gl-pca-readout { margin: 0; }
.gl-pca-svd-fields .gl-number-input { width: 5em; }
.gl-pca-svd-stages { display: flex; flex-wrap: wrap; gap: 6px; }
.gl-pca-svd-stage { margin: 0; display: grid; gap: 2px; justify-items: center; font-size: 0.9em; }
.gl-pca-svd-curve { fill: var(--gl-muted); fill-opacity: 0.12; stroke: var(--gl-fg); stroke-width: 1.5; }
.gl-pca-svd-vec { stroke: currentColor; stroke-width: 3; stroke-linecap: round; }
`;

/** Renders {@link pcaCss} once per document (deduplicated by `href`). */
export function PcaStyles() {
  return (
    <style href="gl-pca" precedence="default">
      {pcaCss}
    </style>
  );
}
