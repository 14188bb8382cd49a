/**
 * The tree-and-forest explainer's own CSS (classes `gl-tree-*`), rendered once per document
 * as a React 19 hoisted `<style>`. Colours from `--gl-*` tokens only.
 */
export const treeCss = String.raw`
.gl-tree-diagram { display: block; overflow: visible; }
.gl-tree-edge { stroke: var(--gl-muted); stroke-width: 1.5; }
.gl-tree-node { cursor: pointer; }
.gl-tree-node[data-state="pending"] .gl-tree-box { stroke-dasharray: 4 3; }
.gl-tree-box { stroke-width: 1.5; }
.gl-tree-node[aria-pressed="true"] .gl-tree-box { stroke-width: 3; }
.gl-tree-node:focus-visible .gl-tree-box { stroke: var(--gl-focus); stroke-width: 3; }
.gl-tree-node:focus { outline: none; }
.gl-tree-text { fill: var(--gl-fg); font-family: var(--gl-font); font-size: 12px; font-variant-numeric: tabular-nums; }
.gl-tree-head { font-weight: 600; }
.gl-tree-canvas { position: absolute; }
.gl-tree-canvas > canvas { display: block; }
.gl-tree-frame { stroke: var(--gl-border); }
.gl-tree-region { stroke: none; }
.gl-tree-split { stroke: var(--gl-fg); stroke-width: 2; }
.gl-tree-point { stroke: var(--gl-bg); stroke-width: 0.75; }
.gl-tree-focus { fill: none; stroke: var(--gl-focus); stroke-width: 3; pointer-events: none; }
.gl-tree-note { margin: 6px 0 0; color: var(--gl-muted); font-size: 0.9em; }
.gl-tree-side { display: flex; flex-direction: column; gap: 8px; min-width: 0; }
.gl-tree-grid { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px; max-width: 100%; }
.gl-tree-thumb { position: relative; }
.gl-tree-thumb > svg { position: absolute; left: 0; top: 0; }
.gl-tree-thumb-canvas { position: absolute; }
.gl-tree-thumb-canvas > canvas { display: block; }
.gl-tree-bar-bg { fill: var(--gl-surface); stroke: var(--gl-border); }
.gl-tree-votes { display: block; max-width: 100%; }
`;

/** Renders {@link treeCss} once per document (deduplicated by `href`). */
export function TreeStyles() {
  return (
    <style href="gl-tree" precedence="default">
      {treeCss}
    </style>
  );
}
