/**
 * The clustering comparison's own CSS (classes `gl-cc-*`), rendered once per document as a
 * React 19 hoisted `<style>`. Tokens only; geometry (cell sizes) comes inline.
 */
export const clusteringComparisonCss = String.raw`
.gl-cc-main { min-width: 0; max-width: 100%; }
.gl-cc-grid { display: grid; gap: 6px; align-items: start; min-width: 0; max-width: 100%; }
.gl-cc-colhead { font-size: 0.85em; font-weight: 600; display: flex; flex-direction: column; gap: 2px; align-items: flex-start; min-width: 0; }
.gl-cc-rowhead { font-size: 0.85em; font-weight: 600; align-self: center; min-width: 0; hyphens: auto; }
.gl-cc-block { display: flex; flex-direction: column; gap: 6px; min-width: 0; }
.gl-cc-block-title { margin: 8px 0 0; font-size: 0.95em; }
.gl-cc-cells { display: flex; flex-wrap: wrap; gap: 8px; min-width: 0; }
.gl-cc-cell { display: flex; flex-direction: column; gap: 2px; padding: 0; margin: 0; border: 1px solid var(--gl-border); border-radius: 4px; background: var(--gl-bg); color: var(--gl-fg); font: inherit; text-align: left; cursor: pointer; min-width: 44px; min-height: 44px; }
.gl-cc-cell:hover { border-color: var(--gl-accent); }
.gl-cc-cell:focus-visible { outline: 3px solid var(--gl-focus); outline-offset: 1px; }
.gl-cc-cell[aria-expanded="true"] { outline: 3px solid var(--gl-accent); outline-offset: 1px; }
.gl-cc-cell-title { font-size: 0.78em; font-weight: 600; padding: 2px 4px 0; line-height: 1.2; min-height: 2.4em; }
.gl-cc-canvas { display: block; border-radius: 3px 3px 0 0; }
.gl-cc-line { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0 4px; font-size: 0.72em; padding: 1px 3px 3px; font-variant-numeric: tabular-nums; color: var(--gl-fg); }
.gl-cc-line > span { white-space: nowrap; }
/* A fixed box for the measured time, so the line's layout (and a snapshot's mask) never moves with its digits. */
.gl-cc-line > [data-gl-timing] { display: inline-block; width: 4.6em; text-align: right; overflow: hidden; }
.gl-cc-cell[data-state="stale"] .gl-cc-line, .gl-cc-cell[data-state="invalid"] .gl-cc-line { color: var(--gl-muted); }
.gl-cc-cell[data-state="invalid"] .gl-cc-line { color: var(--gl-diverged); white-space: normal; }
.gl-cc-grid[data-overlay] .gl-cc-cell { position: relative; }
.gl-cc-grid[data-overlay] .gl-cc-canvas { border-radius: 3px; }
.gl-cc-grid[data-overlay] .gl-cc-line { position: absolute; left: 0; right: 0; bottom: 0; font-size: 0.66em; padding: 0 2px; background: color-mix(in srgb, var(--gl-bg) 82%, transparent); }
.gl-cc-grid[data-overlay] .gl-cc-colhead { font-size: 0.78em; }
.gl-cc-tag { display: inline-block; font-size: 0.78em; font-weight: 500; padding: 0 6px; border-radius: 8px; border: 1px solid var(--gl-border); background: var(--gl-surface); color: var(--gl-muted); white-space: nowrap; }
.gl-cc-tag[data-definition="bottom-up"] { border-style: dashed; }
.gl-cc-defs { display: flex; flex-direction: column; gap: 10px; min-width: 0; }
.gl-cc-def { margin: 0; padding: 8px 10px; border: 1px solid var(--gl-border); border-radius: 6px; background: var(--gl-surface); }
.gl-cc-def[data-definition="bottom-up"] { border-style: dashed; }
.gl-cc-def h3 { margin: 0 0 4px; font-size: 0.95em; }
.gl-cc-def p { margin: 0 0 6px; font-size: 0.9em; }
.gl-cc-def ul { margin: 0; padding-left: 1.2em; font-size: 0.85em; display: grid; gap: 3px; }
.gl-cc-def-note { margin: 0; font-size: 0.85em; color: var(--gl-muted); }
.gl-cc-panel { grid-column: 1 / -1; border: 2px solid var(--gl-accent); border-radius: 6px; padding: 8px 10px; background: var(--gl-surface); display: flex; flex-direction: column; gap: 8px; min-width: 0; }
.gl-cc-panel h3 { margin: 0; font-size: 0.95em; }
.gl-cc-panel-controls { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: flex-end; min-width: 0; }
.gl-cc-panel-note { margin: 0; font-size: 0.85em; color: var(--gl-muted); }
.gl-cc-toolbar { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; min-width: 0; max-width: 100%; }
.gl-progress.gl-cc-controls-progress { flex: 1 1 320px; max-width: 560px; flex-wrap: nowrap; }
.gl-cc-controls-progress .gl-progress-label { white-space: nowrap; }
`;

/** Renders {@link clusteringComparisonCss} once per document (deduplicated by `href`). */
export function ClusteringComparisonStyles() {
  return (
    <style href="gl-clustering-comparison" precedence="default">
      {clusteringComparisonCss}
    </style>
  );
}
