/**
 * The CSS of "types of learning" (classes `gl-lt-*`), rendered once per document as a
 * React 19 hoisted `<style>`. Colours come from the `--gl-*` tokens only, so dark mode works.
 */
export const ltCss = String.raw`
.gl-lt-definition { margin: 0; font-family: var(--gl-font); line-height: 1.45; }
.gl-lt-cards { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
.gl-lt-card { display: grid; grid-template-columns: minmax(150px, auto) 1fr; gap: 10px; align-items: center; padding: 6px; border: 1px solid var(--gl-border); border-radius: 6px; background: var(--gl-surface); }
.gl-lt-card[data-state="off"] .gl-lt-card-text { color: var(--gl-muted); font-style: italic; }
.gl-explainer[data-compact] .gl-lt-card { grid-template-columns: 1fr; }
.gl-lt-verdict { margin: 0; font-weight: 600; }
.gl-lt-verdict[data-state="learning"] { color: var(--gl-optimum); }
.gl-lt-verdict[data-state="not-learning"] { color: var(--gl-diverged); }
.gl-lt-symbols { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px; }
.gl-lt-symbol { min-height: 44px; min-width: 44px; display: inline-flex; flex-direction: column; align-items: flex-start; justify-content: center; gap: 2px; padding: 4px 8px; font: inherit; color: var(--gl-fg); background: var(--gl-surface); border: 1px solid var(--gl-border); border-radius: 6px; cursor: pointer; }
.gl-lt-symbol[data-state="on"] { border-color: var(--gl-accent); box-shadow: inset 0 0 0 2px var(--gl-accent); }
.gl-lt-symbol:focus-visible { outline: 3px solid var(--gl-focus); outline-offset: 2px; }
.gl-lt-symbol-name { font-size: 0.75em; color: var(--gl-muted); }
.gl-lt-table-wrap { max-width: 100%; overflow-x: auto; }
.gl-lt-table { border-collapse: collapse; font-family: var(--gl-font); font-size: 0.9em; width: 100%; }
.gl-lt-table caption { text-align: left; color: var(--gl-muted); padding-bottom: 4px; }
.gl-lt-table th, .gl-lt-table td { border: 1px solid var(--gl-border); padding: 4px 6px; text-align: right; }
.gl-lt-table td:last-child, .gl-lt-table thead th:last-child { text-align: left; }
.gl-lt-table [data-lit="on"] { background: color-mix(in srgb, var(--gl-accent) 22%, var(--gl-bg)); outline: 2px solid var(--gl-accent); outline-offset: -2px; }
.gl-lt-space { margin: 0; padding: 2px 6px; border-radius: 4px; }
.gl-lt-space[data-lit="on"] { background: color-mix(in srgb, var(--gl-accent) 22%, var(--gl-bg)); outline: 2px solid var(--gl-accent); outline-offset: -2px; }
.gl-lt-img, .gl-lt-scatter, .gl-lt-grid { display: block; max-width: 100%; overflow: visible; }
.gl-lt-img text, .gl-lt-scatter text, .gl-lt-grid text { fill: var(--gl-fg); font-family: var(--gl-font); font-size: 12px; }
.gl-lt-pixel { stroke: var(--gl-bg); stroke-width: 0.5; }
.gl-lt-dim line { stroke: var(--gl-muted); stroke-width: 1.5; }
.gl-lt-dim[data-lit="on"] line { stroke: var(--gl-accent); stroke-width: 4; }
.gl-lt-dim[data-lit="on"] text { fill: var(--gl-accent); font-weight: 700; }
.gl-lt-heading { margin: 0; font-size: 1.05em; }
.gl-lt-lead, .gl-lt-note { margin: 0; font-size: 0.9em; line-height: 1.4; }
.gl-lt-note { color: var(--gl-muted); }
.gl-lt-frame { fill: none; stroke: var(--gl-border); }
.gl-lt-boundary { stroke: var(--gl-fg); stroke-width: 2.5; stroke-dasharray: 6 4; }
.gl-lt-dot { stroke: var(--gl-bg); stroke-width: 1.5; }
.gl-lt-hit { fill: transparent; }
.gl-lt-point { cursor: pointer; }
.gl-lt-center path { stroke: currentColor; stroke-width: 3; fill: none; }
.gl-lt-cell rect { fill: var(--gl-surface); stroke: var(--gl-border); }
.gl-lt-cell[data-kind="goal"] rect { fill: color-mix(in srgb, var(--gl-optimum) 30%, var(--gl-bg)); }
.gl-lt-cell[data-kind="pit"] rect { fill: color-mix(in srgb, var(--gl-diverged) 30%, var(--gl-bg)); }
.gl-lt-cell text { font-weight: 700; }
.gl-lt-arrow { stroke: var(--gl-accent); stroke-width: 2.5; }
.gl-lt-unlearned { fill: var(--gl-muted); }
.gl-lt-arrowhead { fill: var(--gl-accent); }
.gl-lt-path { fill: none; stroke: var(--gl-data); stroke-width: 3; stroke-opacity: 0.55; stroke-linejoin: round; }
`;

/** Renders {@link ltCss} once per document (deduplicated by `href`). */
export function LtStyles() {
  return (
    <style href="gl-learning-types" precedence="default">
      {ltCss}
    </style>
  );
}
