/** The ICA-against-PCA explainer's own CSS (classes `gl-ica-*`), only `--gl-*` tokens. */
export const icaCss = String.raw`
.gl-ica-scatters { display: flex; flex-wrap: wrap; gap: 12px; min-width: 0; max-width: 100%; }
.gl-ica-title { font-weight: 600; font-size: 0.92em; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.gl-ica-svg { display: block; max-width: 100%; touch-action: none; overflow: visible; }
.gl-ica-area { fill: var(--gl-bg); stroke: var(--gl-border); }
.gl-ica-zero { stroke: var(--gl-border); stroke-width: 1; }
.gl-ica-cloud { fill: none; stroke: var(--gl-data); stroke-width: 3.5; stroke-linecap: round; stroke-opacity: 0.45; }
.gl-ica-empty { fill: var(--gl-muted); font-size: 12px; }
.gl-ica-vector { stroke: currentColor; stroke-width: 3; }
.gl-ica-waves { gap: 4px; }
.gl-ica-pair { display: flex; gap: 16px; flex-wrap: wrap; }
.gl-ica-wavebox { margin: 0; }
.gl-ica-wavelabel { font-size: 0.82em; color: var(--gl-muted); font-family: var(--gl-math-font, inherit); }
.gl-ica-wave { display: block; max-width: 100%; }
.gl-ica-trace { fill: none; stroke: currentColor; stroke-width: 1.2; }
.gl-ica-none { color: var(--gl-muted); display: flex; align-items: center; justify-content: center; border: 1px dashed var(--gl-border); }
.gl-ica-table { border-collapse: collapse; font-size: 0.9em; font-variant-numeric: tabular-nums; }
.gl-ica-table caption { text-align: left; font-weight: 600; padding-bottom: 4px; }
.gl-ica-table th, .gl-ica-table td { padding: 3px 10px; border-bottom: 1px solid var(--gl-border); text-align: right; }
.gl-ica-table th[scope="row"], .gl-ica-table thead th:first-child { text-align: left; }
.gl-ica-table td[data-high] { color: var(--gl-optimum); font-weight: 700; }
.gl-ica-matrix { display: grid; grid-template-columns: repeat(2, minmax(0, 8em)); gap: 4px 8px; border: 0; padding: 0; margin: 0; }
.gl-ica-matrix legend { padding: 0 0 4px; }
`;

/** Renders {@link icaCss} once per document. */
export function IcaStyles() {
  return (
    <style href="gl-ica-vs-pca" precedence="default">
      {icaCss}
    </style>
  );
}
