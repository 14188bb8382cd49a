/**
 * The Gaussian-mixture stepper's CSS (classes `gl-gmm-*`), a React 19 hoisted `<style>`.
 * A component's colour is set inline as `color` and read here as `currentColor`.
 */
export const gmmCss = String.raw`
.gl-gmm-area { fill: none; stroke: var(--gl-border); }
.gl-gmm-stack { position: relative; max-width: 100%; }
.gl-gmm-stack > canvas, .gl-gmm-stack > svg { position: absolute; left: 0; top: 0; }
.gl-gmm-stack > svg { overflow: visible; }
.gl-gmm-bg { background: var(--gl-bg); }
.gl-gmm-ellipse { fill: none; stroke: currentColor; stroke-width: 2.5; }
.gl-gmm-ellipse[data-sigma="2"] { stroke-width: 1.5; stroke-dasharray: 6 4; }
.gl-gmm-halo { fill: none; stroke: var(--gl-bg); stroke-width: 5; opacity: 0.8; }
.gl-gmm-mean { fill: currentColor; stroke: var(--gl-fg); stroke-width: 2; }
.gl-gmm-side { min-width: 0; display: grid; gap: 8px; align-content: start; }
.gl-gmm-weights { margin: 0; padding: 0; list-style: none; display: grid; gap: 3px; font-size: 0.9em; font-variant-numeric: tabular-nums; }
.gl-gmm-weights li { display: flex; align-items: center; gap: 6px; }
.gl-gmm-weights svg { flex: none; }
.gl-gmm-bar { fill: currentColor; }
.gl-gmm-weight-text { color: var(--gl-fg); }
`;

/** Renders {@link gmmCss} once per document. */
export function GmmStyles() {
  return (
    <style href="gl-gmm" precedence="default">
      {gmmCss}
    </style>
  );
}
