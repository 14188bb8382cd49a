/**
 * The confusion matrix's own CSS (classes `gl-cm-*`), rendered once per document as a
 * React 19 hoisted `<style>`. Colours come from the `--gl-*` tokens only: correct cells
 * (the diagonal) tint toward `--gl-optimum`, errors toward `--gl-diverged`, by their share
 * of the true class (`--gl-cm-share`, set per cell).
 */
export const cmCss = String.raw`
.gl-cm-main { min-width: 0; }
.gl-cm-grid-wrap { max-width: 100%; overflow-x: auto; }
.gl-cm-grid { border-collapse: separate; border-spacing: 2px; font-variant-numeric: tabular-nums; font-size: 13px; }
.gl-cm-grid th, .gl-cm-grid td { padding: 2px 6px; text-align: center; min-width: 44px; height: 44px; box-sizing: border-box; }
.gl-cm-head { font-weight: 600; color: var(--gl-fg); }
.gl-cm-margin-head { font-weight: 400; font-size: 11px; color: var(--gl-muted); max-width: 84px; }
.gl-cm-corner { font-weight: 400; font-size: 11px; color: var(--gl-muted); text-align: left; }
.gl-cm-axis { display: block; white-space: nowrap; }
.gl-cm-cell { cursor: default; border-radius: 4px; color: var(--gl-fg); outline: 2px solid transparent; outline-offset: -2px;
  background: color-mix(in srgb, var(--gl-diverged) var(--gl-cm-share, 10%), var(--gl-bg)); }
.gl-cm-cell[data-diagonal] { background: color-mix(in srgb, var(--gl-optimum) var(--gl-cm-share, 10%), var(--gl-bg)); font-weight: 600; }
.gl-cm-cell:focus-visible { outline: 3px solid var(--gl-focus); }
.gl-cm-cell[data-role="row"], .gl-cm-cell[data-role="col"] { outline: 2px dashed var(--gl-fg); }
.gl-cm-cell[data-role="tp"] { outline: 3px solid var(--gl-optimum); }
.gl-cm-cell[data-role="fn-fp"] { outline: 3px solid var(--gl-diverged); }
.gl-cm-cell[data-role="tp"]:focus-visible, .gl-cm-cell[data-role="fn-fp"]:focus-visible { box-shadow: 0 0 0 3px var(--gl-focus); }
.gl-cm-margin { font-size: 11px; color: var(--gl-muted); background: var(--gl-surface); border-radius: 4px; line-height: 1.25; }
.gl-cm-margin > span { display: block; white-space: nowrap; }
.gl-cm-margin .gl-cm-metric { color: var(--gl-fg); font-weight: 600; font-size: 12px; }
.gl-cm-margin[data-active] { outline: 2px dashed var(--gl-fg); outline-offset: -2px; }
.gl-cm-margin > span.gl-cm-printed { white-space: normal; }
.gl-cm-margin[data-mismatch] .gl-cm-printed { color: var(--gl-diverged); font-weight: 600; }
.gl-cm-maths { min-width: 0; max-width: 100%; font-size: 14px; }
.gl-cm-maths .gl-term { border-radius: 3px; padding: 0 1px; }
.gl-cm-maths[data-role="tp"] .gl-term-tp, .gl-cm-maths[data-role="fn-fp"] .gl-term-tp { background: color-mix(in srgb, var(--gl-optimum) 22%, transparent); }
.gl-cm-maths[data-role="fn-fp"] .gl-term-fp, .gl-cm-maths[data-role="fn-fp"] .gl-term-fn { background: color-mix(in srgb, var(--gl-diverged) 25%, transparent); }
.gl-cm-maths .gl-term-cell { outline: 2px solid var(--gl-focus); outline-offset: 1px; }
.gl-cm-hint { margin: 4px 0; color: var(--gl-muted); font-size: 13px; }
.gl-cm-report { min-width: 0; display: grid; gap: 10px; font-size: 13px; justify-items: start; }
.gl-cm-table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
.gl-cm-table caption { text-align: left; font-size: 12px; color: var(--gl-muted); padding-bottom: 2px; }
.gl-cm-table th, .gl-cm-table td { padding: 2px 8px; text-align: right; white-space: nowrap; }
.gl-cm-table th[scope="row"] { text-align: left; }
.gl-cm-table thead th { border-bottom: 1px solid var(--gl-border); font-weight: 600; }
.gl-cm-table tr[data-active] { background: var(--gl-surface); }
.gl-cm-avg th, .gl-cm-avg td { color: var(--gl-muted); }
.gl-cm-avg:first-of-type th, .gl-cm-table tbody tr.gl-cm-avg:nth-last-child(2) td, .gl-cm-table tbody tr.gl-cm-avg:nth-last-child(2) th { border-top: 1px solid var(--gl-border); }
.gl-cm-bars { display: grid; gap: 3px; width: min(360px, 100%); }
.gl-cm-bar-row { display: grid; grid-template-columns: 9.5em 1fr 4.2em; gap: 6px; align-items: center; }
.gl-cm-bar-label { font-size: 12px; }
.gl-cm-bar-track { height: 10px; background: var(--gl-surface); border-radius: 3px; overflow: hidden; }
.gl-cm-bar { display: block; height: 100%; background: var(--gl-data); }
.gl-cm-bar-row[data-kind="accuracy"] .gl-cm-bar { background: var(--gl-accent); }
.gl-cm-bar-row[data-kind="baseline"] .gl-cm-bar { background: var(--gl-muted); }
.gl-cm-bar-value { text-align: right; font-variant-numeric: tabular-nums; font-size: 12px; }
.gl-cm-mismatch { font-size: 12px; }
.gl-cm-mismatch p { margin: 0 0 2px; }
.gl-cm-mismatch ul { margin: 0; padding-left: 1.3em; color: var(--gl-diverged); }
.gl-cm-plot { display: block; max-width: 100%; }
.gl-cm-plot-bg { fill: var(--gl-bg); stroke: var(--gl-border); }
.gl-cm-region { fill: currentColor; fill-opacity: 0.12; stroke: none; }
.gl-cm-boundary { fill: none; stroke: var(--gl-fg); stroke-width: 2; }
.gl-cm-train { fill: currentColor; fill-opacity: 0.45; }
.gl-cm-test-dot { fill: currentColor; stroke: var(--gl-bg); stroke-width: 1.5; }
.gl-cm-wrong { fill: none; stroke: var(--gl-diverged); stroke-width: 2; }
.gl-cm-test[data-in-cell] .gl-cm-test-dot { stroke: var(--gl-fg); stroke-width: 3; }
.gl-explainer[data-compact] .gl-cm-grid { font-size: 11px; border-spacing: 1px; }
.gl-explainer[data-compact] .gl-cm-grid th, .gl-explainer[data-compact] .gl-cm-grid td { padding: 1px 3px; }
.gl-explainer[data-compact] .gl-cm-table th, .gl-explainer[data-compact] .gl-cm-table td { padding: 2px 4px; font-size: 12px; }
.gl-cm-axis-short { display: none; }
.gl-explainer[data-compact] .gl-cm-axis-long { display: none; }
.gl-explainer[data-compact] .gl-cm-axis-short { display: block; }
.gl-explainer[data-compact] .gl-cm-margin-head { max-width: 56px; white-space: normal; }
`;

/** Renders {@link cmCss} once per document (deduplicated by `href`). */
export function CmStyles() {
  return (
    <style href="gl-cm" precedence="default">
      {cmCss}
    </style>
  );
}
