/**
 * The CSS of "data, model and loss" (classes `gl-dml-*`), rendered once per document as a
 * React 19 hoisted `<style>`. Colours come from the `--gl-*` tokens only, so dark mode works.
 */
export const dmlCss = String.raw`
.gl-dml-ingredients { font-family: var(--gl-font); display: grid; gap: 6px; align-content: start; }
.gl-dml-plot { display: block; max-width: 100%; overflow: visible; touch-action: none; }
.gl-dml-line { stroke: var(--gl-accent); stroke-width: 3; }
.gl-dml-square { fill: var(--gl-residual); fill-opacity: 0.15; stroke: var(--gl-residual); }
.gl-dml-residual { stroke: var(--gl-residual); stroke-width: 2; }
.gl-dml-point .gl-handle-dot { fill: var(--gl-data); stroke: var(--gl-bg); stroke-width: 1.5; }
.gl-dml-line-handle { color: var(--gl-accent); }
.gl-dml-line-handle .gl-handle-dot { fill: var(--gl-bg); stroke: currentColor; stroke-width: 3; }
`;

/** Renders {@link dmlCss} once per document (deduplicated by `href`). */
export function DmlStyles() {
  return (
    <style href="gl-dml" precedence="default">
      {dmlCss}
    </style>
  );
}
