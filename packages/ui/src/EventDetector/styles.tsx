/** The event detector's CSS (classes `gl-ed-*`), tokens only, rendered once per document. */
export const edCss = String.raw`
.gl-ed-main { flex: 1 1 100%; min-width: 0; }
.gl-ed-side { flex: 1 1 260px; min-width: 0; display: grid; gap: 8px; align-content: start; }
.gl-ed-stream { display: block; max-width: 100%; touch-action: manipulation; }
.gl-ed-trace { fill: none; stroke-width: 1; }
.gl-ed-curve { fill: none; stroke-width: 1.5; }
.gl-ed-arrival { stroke-width: 1.5; }
.gl-ed-arrival[data-phase="S"] { stroke-dasharray: 4 3; }
.gl-ed-threshold { stroke: var(--gl-muted); stroke-dasharray: 5 4; }
.gl-ed-window { fill: var(--gl-accent); fill-opacity: 0.12; stroke: var(--gl-accent); stroke-opacity: 0.6; }
.gl-ed-label, .gl-ed-north, .gl-ed-p0 { font-size: 11px; fill: var(--gl-muted); font-family: var(--gl-font); }
.gl-ed-p0 { fill: var(--gl-fg); font-size: 12px; }
.gl-ed-map { margin: 0; }
.gl-ed-cell { stroke: var(--gl-border); stroke-width: 1; }
.gl-ed-cell[data-state="best"] { stroke: var(--gl-fg); stroke-width: 2.5; }
.gl-ed-cell-p { font-size: 11px; font-family: var(--gl-font); stroke-width: 2.5; paint-order: stroke; }
.gl-ed-station { fill: var(--gl-fg); }
.gl-ed-epicentre { fill: none; stroke-width: 3; }
.gl-ed-heading { margin: 0; font-size: 14px; font-weight: 600; color: var(--gl-fg); }
.gl-ed-row { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-end; min-width: 0; }
.gl-ed-lambda { display: grid; gap: 6px; min-width: 0; }
.gl-ed-runs { margin: 0; padding-left: 1.2em; font-size: 12px; color: var(--gl-muted); }
.gl-ed-runs li[data-state="diverged"] { color: var(--gl-diverged); }
.gl-ed-score { border-collapse: collapse; font-size: 13px; font-variant-numeric: tabular-nums; }
.gl-ed-score caption { text-align: left; font-size: 12px; color: var(--gl-muted); padding-bottom: 4px; }
.gl-ed-score th, .gl-ed-score td { padding: 3px 8px; border-bottom: 1px solid var(--gl-border); text-align: right; }
.gl-ed-score th[scope="row"], .gl-ed-score th:first-child { text-align: left; }
.gl-ed-score td[data-state="right"] { color: var(--gl-optimum); font-weight: 600; }
.gl-ed-score td[data-state="wrong"] { color: var(--gl-diverged); }
.gl-ed-note { margin: 0; font-size: 12px; color: var(--gl-muted); }
.gl-explainer[data-compact] .gl-ed-side, .gl-explainer[data-compact] .gl-ed-main { flex: 0 0 auto; width: 100%; }
`;

/** Renders {@link edCss} once per document (deduplicated by `href`). */
export function EdStyles() {
  return (
    <style href="gl-ed" precedence="default">
      {edCss}
    </style>
  );
}
