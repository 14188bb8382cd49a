/**
 * PoolingStride's own CSS (classes `gl-pool-*`), rendered once per document as a React 19
 * hoisted `<style>`. Colours come from the `--gl-*` tokens only.
 */
export const poolCss = String.raw`
.gl-pool-grid { display: block; max-width: 100%; overflow: visible; }
.gl-pool-cell { stroke: var(--gl-border); stroke-width: 1; }
.gl-pool-cell[data-pad] { fill: var(--gl-surface); stroke: var(--gl-muted); stroke-dasharray: 3 3; }
.gl-pool-cell[data-unused] { fill: var(--gl-surface); }
.gl-pool-num { fill: var(--gl-fg); font-variant-numeric: tabular-nums; pointer-events: none; }
.gl-pool-num[data-pad], .gl-pool-num[data-unused] { fill: var(--gl-muted); }
.gl-pool-num[data-max] { font-weight: 700; }
.gl-pool-window { fill: none; stroke: var(--gl-accent); stroke-width: 3; pointer-events: none; }
.gl-pool-current { fill: none; stroke: var(--gl-accent); stroke-width: 3; pointer-events: none; }
.gl-pool-maxring { fill: none; stroke: var(--gl-fg); stroke-width: 1.5; pointer-events: none; }
.gl-pool-out-cell { cursor: pointer; }
.gl-pool-caption { font-size: 13px; fill: var(--gl-fg); }
.gl-pool-empty { fill: var(--gl-muted); font-size: 13px; }
.gl-pool-panel-title { margin: 0; font-size: 0.95em; font-weight: 600; }
`;

/** Renders {@link poolCss} once per document (deduplicated by `href`). */
export function PoolStyles() {
  return (
    <style href="gl-pool" precedence="default">
      {poolCss}
    </style>
  );
}
