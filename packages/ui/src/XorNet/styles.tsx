/**
 * XOR's own CSS (classes `gl-xor-*`), rendered once per document as a React 19 hoisted
 * `<style>`. Colours come from the `--gl-*` tokens only, so dark mode and overrides apply.
 */
export const xorCss = String.raw`
.gl-xor-diagram { display: block; max-width: 100%; }
.gl-xor-unit-bg { fill: var(--gl-bg); }
.gl-xor-unit-fill { stroke: var(--gl-fg); stroke-width: 1.5; }
.gl-xor-value { font-size: 12px; fill: var(--gl-fg); paint-order: stroke; stroke: var(--gl-bg); stroke-width: 3px; }
.gl-xor-label { font-size: 12px; fill: var(--gl-fg); }
.gl-xor-note { font-size: 11px; fill: var(--gl-fg); }
.gl-xor-wire { stroke: var(--gl-fg); stroke-width: 2; }
.gl-xor-point-ring { fill: var(--gl-fg); stroke: var(--gl-bg); stroke-width: 3; }
.gl-xor-point[data-selected] .gl-xor-point-ring { stroke: var(--gl-focus); stroke-width: 4; }
.gl-xor-point-dot { stroke: var(--gl-bg); stroke-width: 2; }
.gl-xor-point-label { font-size: 11px; fill: var(--gl-fg); paint-order: stroke; stroke: var(--gl-bg); stroke-width: 3px; }
.gl-xor-table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
.gl-xor-table caption { text-align: left; font-size: 13px; }
.gl-xor-table th, .gl-xor-table td { padding: 2px 8px; text-align: center; }
.gl-xor-table tr[data-verdict="right"] { background: color-mix(in srgb, var(--gl-optimum) 20%, var(--gl-bg)); }
.gl-xor-table tr[data-verdict="wrong"] { background: color-mix(in srgb, var(--gl-diverged) 20%, var(--gl-bg)); }
.gl-xor-table tr[data-verdict="undecided"] { background: var(--gl-surface); }
.gl-xor-table tr[data-selected] { outline: 2px solid var(--gl-fg); outline-offset: -2px; }
.gl-xor-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.gl-xor-seed { color: var(--gl-muted); font-size: 0.9em; font-variant-numeric: tabular-nums; }
`;

/** Renders {@link xorCss} once per document (deduplicated by `href`). */
export function XorStyles() {
  return (
    <style href="gl-xor" precedence="default">
      {xorCss}
    </style>
  );
}
