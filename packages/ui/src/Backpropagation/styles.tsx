/** Backpropagation's own CSS (classes `gl-bp-*`), hoisted once per document; `--gl-*` tokens only. */
export const bpCss = String.raw`
.gl-bp-diagram { display: block; max-width: 100%; overflow: visible; }
.gl-bp-text { font-size: 12px; fill: var(--gl-fg); font-variant-numeric: tabular-nums; }
.gl-bp-strong { font-weight: 600; }
.gl-bp-name { font-size: 13px; fill: var(--gl-fg); font-style: italic; }
.gl-bp-grad { font-size: 12px; fill: var(--gl-fg); font-style: italic; font-weight: 600; font-variant-numeric: tabular-nums; }
.gl-bp-halo { paint-order: stroke; stroke: var(--gl-bg); stroke-width: 4px; stroke-linejoin: round; }
.gl-bp-unit-bg { fill: var(--gl-bg); }
.gl-bp-unit-ring { stroke: var(--gl-fg); stroke-width: 1.5; }
.gl-bp-wire { stroke: var(--gl-fg); stroke-width: 2; }
.gl-bp-loss-box { fill: var(--gl-surface); stroke: var(--gl-border); }
.gl-bp-link, .gl-bp-bias { cursor: pointer; outline: none; }
.gl-bp-hit { stroke: transparent; stroke-width: 44; }
.gl-bp-bias-hit { fill: transparent; }
.gl-bp-selected { stroke: var(--gl-focus); stroke-width: 12; stroke-opacity: 0.45; stroke-linecap: round; }
.gl-bp-link:focus-visible .gl-bp-focus-line { stroke-dasharray: 6 3; }
.gl-bp-link:focus-visible .gl-bp-hit { stroke: var(--gl-focus); stroke-opacity: 0.25; }
.gl-bp-bias-box { fill: var(--gl-bg); stroke: var(--gl-border); }
.gl-bp-bias-selected { stroke: var(--gl-focus); stroke-width: 3; }
.gl-bp-bias:focus-visible .gl-bp-bias-box { stroke: var(--gl-focus); stroke-width: 3; stroke-dasharray: 4 2; }
.gl-bp-check { gap: 6px; }
.gl-bp-title { margin: 0; font-weight: 600; }
.gl-bp-dl { display: grid; grid-template-columns: 1fr; gap: 0; margin: 0; font-variant-numeric: tabular-nums; }
.gl-bp-dl dt { color: var(--gl-muted); font-size: 0.85em; margin-top: 4px; }
.gl-bp-dl dd { margin: 0; font-family: var(--gl-math-font); overflow-wrap: anywhere; }
.gl-bp-dl dd[data-verdict="right"] { color: var(--gl-optimum); font-weight: 600; }
.gl-bp-phases { display: flex; flex-wrap: wrap; gap: 4px 6px; margin: 0; padding: 0; list-style: none; font-size: 0.9em; }
.gl-bp-phases li { padding: 2px 10px; border: 1px solid var(--gl-border); border-radius: 999px; color: var(--gl-muted); }
.gl-bp-phases li[aria-current="step"] { background: var(--gl-accent); color: var(--gl-on-accent); border-color: var(--gl-accent); }
.gl-bp-phases li[data-done] { color: var(--gl-fg); }
`;

/** Renders {@link bpCss} once per document. */
export function BackpropStyles() {
  return (
    <style href="gl-bp" precedence="default">
      {bpCss}
    </style>
  );
}
