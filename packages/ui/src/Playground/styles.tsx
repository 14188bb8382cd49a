/**
 * The playground's own CSS (classes `gl-pg-*`, public like the kit's), rendered once per
 * document as a React 19 hoisted `<style>` beside the base CSS. Colours come from the
 * `--gl-*` tokens only, so dark mode and user overrides apply.
 */
export const playgroundCss = String.raw`
.gl-pg-network { position: relative; }
.gl-pg-network > svg { position: absolute; left: 0; top: 0; overflow: visible; }
.gl-pg-layer-title { font-size: 12px; fill: var(--gl-fg); }
.gl-pg-edge { fill: none; cursor: pointer; }
.gl-pg-edge[data-sign="pos"] { stroke: var(--gl-weight-pos); }
.gl-pg-edge[data-sign="neg"] { stroke: var(--gl-weight-neg); }
.gl-pg-edge[data-state="selected"] { stroke-dasharray: 6 3; }
.gl-pg-edge-hit { fill: none; stroke: transparent; cursor: pointer; }
.gl-pg-edge-hit:focus-visible { stroke: var(--gl-focus); stroke-opacity: 0.35; outline: none; }
.gl-pg-weight-label { font-size: 12px; fill: var(--gl-fg); paint-order: stroke; stroke: var(--gl-bg); stroke-width: 3px; pointer-events: none; }
.gl-pg-node {
  position: absolute; padding: 0; margin: 0; border: 1px solid var(--gl-border); background: var(--gl-bg);
  border-radius: 4px; overflow: visible; display: block;
}
.gl-pg-node > canvas { display: block; border-radius: 3px; }
.gl-pg-node[data-state="preview"], .gl-pg-node:hover { border-color: var(--gl-fg); box-shadow: 0 0 0 2px var(--gl-focus); }
.gl-pg-feature { cursor: pointer; border-width: 2px; }
.gl-pg-feature[aria-pressed="true"] { border-color: var(--gl-accent); }
.gl-pg-feature[aria-pressed="false"] > canvas { opacity: 0.3; }
.gl-pg-feature-label { position: absolute; right: calc(100% + 6px); top: 50%; transform: translateY(-50%); font-size: 12px; white-space: nowrap; color: var(--gl-fg); }
.gl-pg-output-node { border-color: var(--gl-fg); }
.gl-pg-layer-buttons { display: inline-flex; gap: 2px; }
.gl-pg-network > .gl-pg-layer-buttons { position: absolute; }
.gl-pg-layer-buttons[data-stacked] { flex-direction: column; }
.gl-pg-layer-buttons .gl-button { padding: 0; }
.gl-pg-weight-editor {
  position: absolute; z-index: 2; display: flex; flex-wrap: wrap; align-items: center; gap: 4px; padding: 4px 6px; max-width: 220px;
  background: var(--gl-surface); border: 1px solid var(--gl-border); border-radius: 6px; box-shadow: 0 2px 8px rgb(0 0 0 / 0.2);
  font-size: 13px;
}
.gl-pg-weight-editor input { width: 6em; min-height: 36px; }
.gl-pg-plot { cursor: default; }
.gl-pg-plot[data-state="adding"] { cursor: copy; }
.gl-pg-point { stroke: var(--gl-bg); stroke-width: 1; }
.gl-pg-point[data-split="test"] { stroke: var(--gl-fg); stroke-width: 1.5; }
.gl-pg-row { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; min-width: 0; }
.gl-pg-datasets .gl-segmented-options { gap: 4px; }
.gl-pg-datasets .gl-segment { border-radius: 6px; margin: 0; padding: 4px; display: inline-flex; flex-direction: column; align-items: center; gap: 2px; font-size: 11px; width: 76px; }
.gl-pg-datasets .gl-segment canvas { display: block; border: 1px solid var(--gl-border); border-radius: 3px; }
.gl-pg-csv { font: inherit; font-size: 12px; color: var(--gl-fg); background: var(--gl-bg); border: 1px solid var(--gl-border); border-radius: 6px; max-width: 100%; }
.gl-pg-message[data-state="error"] { color: var(--gl-diverged); font-weight: 600; margin: 0; }
.gl-pg-message { margin: 0; }
.gl-pg-progress { display: flex; align-items: center; gap: 8px; }
.gl-pg-progress progress { width: 200px; max-width: 60vw; accent-color: var(--gl-accent); }
.gl-pg-keys kbd { font: inherit; font-size: 12px; padding: 0 4px; border: 1px solid var(--gl-border); border-radius: 3px; }
.gl-pg-keys { margin: 0; font-size: 13px; color: var(--gl-muted); }
.gl-pg-file { position: relative; display: inline-flex; align-items: center; }
.gl-pg-file input { position: absolute; width: 1px; height: 1px; opacity: 0; }
.gl-pg-link { flex: 1; min-width: 0; min-height: 44px; font: inherit; }
`;

/** Renders {@link playgroundCss} once per document (deduplicated by `href`). */
export function PlaygroundStyles() {
  return (
    <style href="gl-playground" precedence="default">
      {playgroundCss}
    </style>
  );
}
