/**
 * The waveform-features CSS (classes `gl-wf-*`), rendered once per document as a React 19
 * hoisted `<style>`. Colours come from the `--gl-*` tokens only, so dark mode works.
 */
export const waveformFeaturesCss = String.raw`
.gl-wf-wave { display: block; max-width: 100%; overflow: visible; }
.gl-wf-bg { fill: var(--gl-surface); }
.gl-wf-onset { stroke: var(--gl-fg); stroke-dasharray: 4 3; }
.gl-wf-small { font-size: 11px; fill: var(--gl-fg); }
.gl-wf-scroll { overflow: auto; border: 1px solid var(--gl-border); border-radius: 6px; max-width: 100%; }
.gl-wf-table { border-collapse: collapse; width: 100%; font-size: 13px; font-variant-numeric: tabular-nums; }
.gl-wf-table caption { text-align: left; padding: 4px 8px; font-weight: 600; }
.gl-wf-table thead { position: sticky; top: 0; background: var(--gl-bg); }
.gl-wf-table th, .gl-wf-table td { padding: 2px 8px; border-bottom: 1px solid var(--gl-border); text-align: left; white-space: nowrap; }
.gl-wf-table tbody th { font-weight: 400; }
.gl-wf-table[data-compact] th, .gl-wf-table[data-compact] td { padding: 2px 4px; }
.gl-wf-table[data-compact] tbody th { white-space: normal; }
.gl-wf-table .gl-wf-num { text-align: right; }
.gl-wf-table .gl-wf-chart-cell { padding: 0 4px; }
.gl-wf-scale { display: flex; justify-content: space-between; }
.gl-wf-chart { display: block; }
.gl-wf-zero { stroke: var(--gl-muted); }
.gl-wf-bar { fill: var(--gl-muted); }
.gl-wf-name { color: var(--gl-muted); }
.gl-segment[data-state="on"] .gl-wf-name { color: inherit; }
.gl-wf-seed { display: inline-flex; align-items: center; gap: 6px; }
.gl-wf-seed input { width: 90px; min-height: 44px; padding: 0 8px; font: inherit; color: var(--gl-fg); background: var(--gl-bg); border: 1px solid var(--gl-border); border-radius: 6px; }
`;

/** Renders {@link waveformFeaturesCss} once per document (deduplicated by `href`). */
export function WaveformFeaturesStyles() {
  return (
    <style href="gl-waveform-features" precedence="default">
      {waveformFeaturesCss}
    </style>
  );
}
