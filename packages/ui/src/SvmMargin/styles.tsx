/**
 * The SVM explainers' own CSS (classes `gl-svm-*`, shared by SvmMargin and KernelTrick),
 * rendered once per document as a React 19 hoisted `<style>`. Colours from `--gl-*` tokens only.
 */
export const svmCss = String.raw`
.gl-svm-canvas { position: absolute; }
.gl-svm-canvas > canvas { display: block; image-rendering: auto; }
.gl-svm-frame { stroke: var(--gl-border); }
.gl-svm-boundary { stroke-width: 2.5; }
.gl-svm-margin { stroke-width: 2; stroke-dasharray: 6 4; }
.gl-svm-hinge { stroke-width: 2; }
.gl-svm-point .gl-svm-mark { stroke: var(--gl-bg); stroke-width: 1.5; }
.gl-svm-sv-ring { stroke: var(--gl-fg); stroke-width: 2; }
.gl-svm-add-area { cursor: crosshair; }
.gl-svm-baseline { stroke: var(--gl-fg); }
.gl-svm-mean { stroke-width: 2; stroke-dasharray: 5 3; }
.gl-svm-label { font-size: 12px; fill: var(--gl-fg); paint-order: stroke; stroke: var(--gl-bg); stroke-width: 3px; }
.gl-svm-readout { margin: 0; font-variant-numeric: tabular-nums; color: var(--gl-fg); font-size: 0.95em; }
.gl-svm-readout dt { color: var(--gl-muted); }
.gl-svm-readout dd { margin: 0 0 4px 0; }
.gl-svm-contour { fill: none; stroke-width: 2.5; }
.gl-svm-contour[data-level="margin"] { stroke-width: 1.5; stroke-dasharray: 6 4; }
.gl-svm-projected { fill: none; stroke-width: 3; stroke-dasharray: 0.1 6; stroke-linecap: round; stroke-linejoin: round; }
.gl-svm-cube { fill: none; stroke: var(--gl-border); }
.gl-svm-plane { fill: var(--gl-fg); fill-opacity: 0.12; stroke: var(--gl-fg); stroke-width: 1.5; }
.gl-svm-axis-label { font-size: 12px; fill: var(--gl-muted); }
.gl-svm-3d-point { stroke: var(--gl-bg); stroke-width: 1; }
.gl-svm-landmark { stroke: var(--gl-fg); }
`;

/** Renders {@link svmCss} once per document (deduplicated by `href`). */
export function SvmStyles() {
  return (
    <style href="gl-svm" precedence="default">
      {svmCss}
    </style>
  );
}
