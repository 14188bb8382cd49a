/**
 * The DBSCAN stepper's CSS (classes `gl-dbscan-*`), a React 19 hoisted `<style>`. A
 * cluster's colour is set inline as `color` and read here as `currentColor`.
 */
export const dbscanCss = String.raw`
.gl-dbscan-plot { display: block; max-width: 100%; touch-action: manipulation; }
.gl-dbscan-area { fill: var(--gl-bg); stroke: var(--gl-border); cursor: crosshair; }
.gl-dbscan-eps { fill: currentColor; fill-opacity: 0.07; stroke: currentColor; stroke-opacity: 0.6; stroke-width: 1; stroke-dasharray: 3 2; pointer-events: none; }
.gl-dbscan-unvisited { fill: var(--gl-muted); opacity: 0.55; }
.gl-dbscan-core { fill: currentColor; stroke: var(--gl-bg); stroke-width: 0.75; }
.gl-dbscan-border { fill: var(--gl-bg); stroke: currentColor; stroke-width: 1.75; }
.gl-dbscan-noise { fill: none; stroke: var(--gl-fg); stroke-width: 1.5; stroke-linecap: round; }
.gl-dbscan-new { stroke: var(--gl-fg); stroke-width: 2; }
.gl-dbscan-seed { fill: none; stroke: var(--gl-fg); stroke-width: 2.5; pointer-events: none; }
.gl-dbscan-side { min-width: 0; display: grid; gap: 8px; align-content: start; }
.gl-dbscan-counts { margin: 0; display: grid; grid-template-columns: auto auto; gap: 2px 12px; font-size: 0.92em; }
.gl-dbscan-counts dt { color: var(--gl-muted); }
.gl-dbscan-counts dd { margin: 0; font-variant-numeric: tabular-nums; }
.gl-dbscan-rules { margin: 0; padding-left: 1.2em; font-size: 0.9em; display: grid; gap: 4px; }
`;

/** Renders {@link dbscanCss} once per document. */
export function DbscanStyles() {
  return (
    <style href="gl-dbscan" precedence="default">
      {dbscanCss}
    </style>
  );
}
