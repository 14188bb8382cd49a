/**
 * The manifold explainer's own CSS (classes `gl-mf-*`), rendered once per document as a
 * React 19 hoisted `<style>`; tokens only (a point's class colour is set as `color` inline).
 */
export const mfCss = String.raw`
.gl-mf-images, .gl-mf-windows { display: grid; gap: 6px; min-width: 0; justify-items: start; align-content: start; }
.gl-mf-heading { margin: 0; font-size: 14px; font-weight: 600; color: var(--gl-fg); }
.gl-mf-random { display: grid; grid-template-columns: repeat(3, auto); gap: 4px; }
.gl-mf-images canvas { image-rendering: pixelated; border: 1px solid var(--gl-border); display: block; }
.gl-mf-note { margin: 0; font-size: 12px; color: var(--gl-muted); max-width: 100%; }
.gl-mf-col { display: grid; gap: 8px; justify-items: start; min-width: 0; max-width: 100%; }
.gl-mf-row { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-end; min-width: 0; max-width: 100%; }
.gl-mf-plot { display: block; max-width: 100%; transition: opacity 120ms linear; }
.gl-mf-windows[data-stale] .gl-mf-plot { opacity: 0.55; }
.gl-mf-placeholder { max-width: 100%; border: 1px dashed var(--gl-border); box-sizing: border-box; }
.gl-mf-bg { fill: var(--gl-bg); stroke: var(--gl-border); }
.gl-mf-dot { fill: currentColor; fill-opacity: 0.75; stroke: var(--gl-bg); stroke-width: 0.5; }
.gl-mf-axis3 line { stroke: var(--gl-muted); stroke-width: 1.5; }
.gl-mf-axis3 text { fill: var(--gl-muted); font-size: 11px; font-family: var(--gl-font); text-anchor: middle; }
`;

/** Renders {@link mfCss} once per document (deduplicated by `href`). */
export function MfStyles() {
  return (
    <style href="gl-mf" precedence="default">
      {mfCss}
    </style>
  );
}
