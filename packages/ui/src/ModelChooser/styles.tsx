/** ModelChooser's own CSS (classes `gl-mc-*`), hoisted once per document; `--gl-*` tokens only. */
export const mcCss = String.raw`
.gl-mc-question { display: flex; flex-direction: column; gap: 8px; border: 1px solid var(--gl-border); border-radius: 8px; padding: 12px; background: var(--gl-surface); max-width: 40em; }
.gl-mc-q-text { margin: 0; font-size: 1.15em; font-weight: 600; color: var(--gl-fg); }
.gl-mc-q-text:focus { outline: none; }
.gl-mc-q-text:focus-visible { outline: 2px solid var(--gl-focus); outline-offset: 2px; }
.gl-mc-area { margin: 0; color: var(--gl-muted); font-size: 0.9em; }
.gl-mc-buttons { display: flex; flex-wrap: wrap; gap: 8px; }
.gl-mc-models { margin: 0; padding-left: 1.2em; display: grid; gap: 6px; }
.gl-mc-models a { color: var(--gl-accent); display: inline-flex; align-items: center; min-height: 44px; }
.gl-mc-models a:focus-visible { outline: 2px solid var(--gl-focus); outline-offset: 2px; }
.gl-mc-chart { display: block; max-width: 100%; overflow: visible; font-family: var(--gl-font); }
.gl-mc-edge { fill: none; stroke: var(--gl-border); stroke-width: 1.5; }
.gl-mc-edge[data-on-path] { stroke: var(--gl-accent); stroke-width: 3.5; }
.gl-mc-edge-label { font-size: 10px; fill: var(--gl-muted); }
.gl-mc-edge-label[data-on-path] { fill: var(--gl-fg); font-weight: 700; }
.gl-mc-node .gl-mc-box { fill: var(--gl-bg); stroke: var(--gl-border); stroke-width: 1.5; }
.gl-mc-node text { font-size: 11px; fill: var(--gl-muted); }
.gl-mc-node[data-on-path] .gl-mc-box { stroke: var(--gl-accent); stroke-width: 2.5; fill: var(--gl-surface); }
.gl-mc-node[data-on-path] text { fill: var(--gl-fg); font-weight: 600; }
.gl-mc-node[data-current] .gl-mc-box { stroke-width: 4; }
.gl-mc-node[role="button"] { cursor: pointer; }
.gl-mc-node[role="button"]:focus { outline: none; }
.gl-mc-node[role="button"]:focus-visible .gl-mc-box { stroke: var(--gl-focus); stroke-width: 4; }
.gl-mc-list { margin: 0; padding-left: 1.4em; display: grid; gap: 4px; }
.gl-mc-list li[data-current] { font-weight: 700; }
.gl-mc-list .gl-mc-answer { color: var(--gl-muted); }
.gl-mc-list .gl-button { text-align: left; }
`;

/** Renders {@link mcCss} once per document. */
export function ModelChooserStyles() {
  return (
    <style href="gl-mc" precedence="default">
      {mcCss}
    </style>
  );
}
