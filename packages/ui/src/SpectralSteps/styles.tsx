/** The spectral-steps explainer's own CSS (classes `gl-spectral-*`), only `--gl-*` tokens. */
export const spectralCss = String.raw`
.gl-spectral-row { flex: 1 1 100%; display: flex; flex-wrap: wrap; gap: 12px; min-width: 0; max-width: 100%; align-items: flex-start; }
.gl-spectral-title { font-weight: 600; font-size: 0.92em; }
.gl-spectral-svg { display: block; max-width: 100%; overflow: visible; }
.gl-spectral-area { fill: var(--gl-bg); stroke: var(--gl-border); }
.gl-spectral-edges { fill: none; stroke: var(--gl-data); stroke-width: 0.7; stroke-opacity: 0.35; }
.gl-spectral-point { fill: currentColor; stroke: var(--gl-bg); stroke-width: 0.6; }
.gl-spectral-point[data-unlabelled] { fill: var(--gl-muted); }
.gl-spectral-frame { fill: none; stroke: var(--gl-border); }
.gl-spectral-split { stroke-width: 1.25; stroke-dasharray: 3 3; }
.gl-spectral-split:not([data-on-map]) { stroke: var(--gl-fg); }
.gl-spectral-panel[data-stale] { opacity: 0.55; }
.gl-spectral-steps { margin: 0; padding-left: 1.4em; display: grid; gap: 4px; font-size: 0.92em; }
.gl-spectral-note { margin: 0; font-size: 0.88em; color: var(--gl-muted); }
.gl-spectral-score { font-variant-numeric: tabular-nums; font-weight: 600; }
`;

/** Renders {@link spectralCss} once per document. */
export function SpectralStyles() {
  return (
    <style href="gl-spectral-steps" precedence="default">
      {spectralCss}
    </style>
  );
}
