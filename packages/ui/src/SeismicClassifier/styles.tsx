/**
 * The seismic classifier's own CSS (classes `gl-sc-*`), rendered once per document as a
 * React 19 hoisted `<style>`; tokens only. The confusion matrices reuse `gl-cm-*`.
 */
export const scCss = String.raw`
.gl-sc-wide { flex: 1 1 100%; min-width: 0; }
.gl-sc-pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 400px), 1fr)); gap: 16px; min-width: 0; width: 100%; }
.gl-sc-pair .gl-cm-axis-long { display: none; }
.gl-sc-pair .gl-cm-axis-short { display: block; }
.gl-sc-pair .gl-cm-grid th, .gl-sc-pair .gl-cm-grid td { padding: 1px 3px; }
.gl-sc-pair .gl-cm-margin-head { max-width: 56px; white-space: normal; }
.gl-sc-pair .gl-cm-margin .gl-cm-metric { font-size: 11px; }
.gl-sc-pair .gl-cm-grid { border-spacing: 1px; }
.gl-sc-side { min-width: 0; display: grid; gap: 6px; align-content: start; }
.gl-sc-heading { margin: 0; font-size: 14px; font-weight: 600; color: var(--gl-fg); }
.gl-sc-score { margin: 0; font-size: 13px; color: var(--gl-muted); font-variant-numeric: tabular-nums; }
.gl-sc-score strong { color: var(--gl-fg); }
.gl-sc-wait, .gl-sc-note { margin: 0; font-size: 12px; color: var(--gl-muted); }
.gl-sc-diverged { margin: 0; font-size: 13px; color: var(--gl-diverged); }
.gl-sc-cnn-run { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; min-width: 0; }
.gl-sc-epochs { display: flex; align-items: flex-end; gap: 2px; height: 30px; min-width: 0; overflow: hidden; }
.gl-sc-epoch { display: block; width: 6px; background: var(--gl-accent); border-radius: 1px; flex: none; }
.gl-sc-epoch-label { margin-left: 6px; font-size: 12px; color: var(--gl-muted); white-space: nowrap; align-self: center; }
.gl-sc-ablation { display: grid; gap: 6px; min-width: 0; width: 100%; }
.gl-sc-bars { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; width: min(520px, 100%); }
.gl-sc-bar-row { display: grid; grid-template-columns: 10em 1fr 4.5em; gap: 6px; align-items: center; font-size: 13px; }
.gl-sc-bar-track { height: 12px; background: var(--gl-surface); border: 1px solid var(--gl-border); border-radius: 3px; overflow: hidden; }
.gl-sc-bar { display: block; height: 100%; background: var(--gl-data); }
.gl-sc-bar-row[data-best] .gl-sc-bar { background: var(--gl-optimum); }
.gl-sc-bar-value { text-align: right; font-variant-numeric: tabular-nums; }
.gl-explainer[data-compact] .gl-sc-pair .gl-cm-grid th, .gl-explainer[data-compact] .gl-sc-pair .gl-cm-grid td { min-width: 34px; height: 34px; padding: 1px 2px; font-size: 11px; }
.gl-explainer[data-compact] .gl-sc-pair .gl-cm-margin-head { max-width: 44px; }
.gl-explainer[data-compact] .gl-sc-pair .gl-cm-margin, .gl-explainer[data-compact] .gl-sc-pair .gl-cm-margin .gl-cm-metric { font-size: 10px; }
.gl-explainer[data-compact] .gl-sc-pair .gl-cm-corner { font-size: 10px; }
.gl-explainer[data-compact] .gl-sc-bar-row { grid-template-columns: 8em 1fr 4em; font-size: 12px; }
`;

/** Renders {@link scCss} once per document (deduplicated by `href`). */
export function ScStyles() {
  return (
    <style href="gl-sc" precedence="default">
      {scCss}
    </style>
  );
}
