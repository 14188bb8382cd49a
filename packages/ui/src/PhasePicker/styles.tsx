/**
 * The PhasePicker's own CSS (classes `gl-pp-*`), rendered once per document as a React 19
 * hoisted `<style>`; tokens only.
 */
export const ppCss = String.raw`
.gl-pp-main { flex: 1 1 100%; min-width: 0; display: grid; gap: 6px; }
.gl-pp-side { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 300px), 1fr)); gap: 16px; flex: 1 1 100%; min-width: 0; align-items: start; }
.gl-pp-svg { display: block; overflow: visible; }
.gl-pp-frame { fill: none; stroke: var(--gl-border); }
.gl-pp-trace { fill: none; stroke: var(--gl-data); stroke-width: 1; }
.gl-pp-curve { fill: none; stroke-width: 2; }
.gl-pp-noise { fill: none; stroke: var(--gl-muted); stroke-width: 1.5; stroke-dasharray: 4 3; }
.gl-pp-threshold { stroke: var(--gl-fg); stroke-width: 1; stroke-dasharray: 2 3; opacity: 0.7; }
.gl-pp-track-label { font: 600 12px var(--gl-font); fill: var(--gl-fg); }
.gl-pp-wait, .gl-pp-pick-label { font: 11px var(--gl-font); fill: var(--gl-muted); }
.gl-pp-pick-label { paint-order: stroke; stroke: var(--gl-bg); stroke-width: 3px; }
.gl-pp-pick line { stroke-width: 2; }
.gl-pp-pick[data-kind="sta"] line { stroke-dasharray: 6 4; }
.gl-pp-pick[data-kind="mine"] line { stroke-dasharray: 1 3; stroke-width: 3; stroke-linecap: round; }
.gl-pp-pick[data-kind="truth"] line { stroke-dasharray: 8 2 2 2; }
.gl-pp-area { fill: transparent; cursor: crosshair; touch-action: none; }
.gl-focusable:focus-visible .gl-pp-area, .gl-pp-area[data-focused] { stroke: var(--gl-focus); stroke-width: 3; }
.gl-pp-zero { stroke: var(--gl-fg); stroke-width: 1; opacity: 0.5; }
.gl-pp-heading { margin: 0 0 4px; font-size: 14px; font-weight: 600; color: var(--gl-fg); text-align: left; }
.gl-pp-table { border-collapse: collapse; font-size: 13px; font-variant-numeric: tabular-nums; width: 100%; max-width: 420px; }
.gl-pp-table th, .gl-pp-table td { padding: 2px 8px 2px 0; text-align: left; border-bottom: 1px solid var(--gl-border); }
.gl-pp-table thead th { color: var(--gl-muted); font-weight: 500; }
.gl-pp-table td[data-good] { color: var(--gl-optimum); font-weight: 600; }
.gl-pp-hist, .gl-pp-whole { min-width: 0; display: grid; gap: 6px; align-content: start; }
.gl-pp-run { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; min-width: 0; }
.gl-pp-scores { list-style: none; margin: 0; padding: 0; display: grid; gap: 2px; font-size: 12px; color: var(--gl-fg); }
.gl-pp-phase[data-phase="P"] { color: var(--gl-p-wave); }
.gl-pp-phase[data-phase="S"] { color: var(--gl-s-wave); }
.gl-pp-hist [data-series="P"] { --gl-pp-series: var(--gl-p-wave); }
.gl-pp-hist [data-series="S"] { --gl-pp-series: var(--gl-s-wave); }
.gl-pp-hist [data-series="STA"] { --gl-pp-series: var(--gl-muted); }
.gl-pp-bar { fill: var(--gl-pp-series); }
.gl-pp-swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; vertical-align: middle; background: var(--gl-pp-series); }
.gl-pp-small, .gl-pp-note { margin: 0; font-size: 12px; color: var(--gl-muted); }
`;

/** Renders {@link ppCss} once per document (deduplicated by `href`). */
export function PpStyles() {
  return (
    <style href="gl-pp" precedence="default">
      {ppCss}
    </style>
  );
}
