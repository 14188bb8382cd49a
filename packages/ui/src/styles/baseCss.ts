import { tokens, type TokenValue } from './tokens';

/**
 * The package's base CSS, as one string: the `--gl-*` tokens (light, dark by
 * `prefers-color-scheme`, and forced by `data-theme`), the frame's layout, the controls,
 * the plot parts and the focus rings. `<Explainer>` renders it once into the document
 * head (a React 19 hoisted `<style>`, deduplicated), and the build writes the same string
 * to `@geolearn/ui/styles.css`. The classes are public API: see `src/styles/README.md`.
 */
function block(selector: string, theme: keyof TokenValue, extra = ''): string {
  const decls = Object.entries(tokens as Record<string, TokenValue>)
    .map(([name, v]) => `  ${name}: ${v[theme]};`)
    .join('\n');
  return `${selector} {\n${decls}\n${extra}}\n`;
}

const layout = String.raw`
.gl-explainer {
  box-sizing: border-box; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px;
  max-width: 100%; min-width: 0; font-family: var(--gl-font); color: var(--gl-fg); background: var(--gl-bg);
  line-height: 1.4; -webkit-text-size-adjust: 100%; color-scheme: light;
}
@media (prefers-color-scheme: dark) { .gl-explainer:not([data-theme="light"]) { color-scheme: dark; } }
.gl-explainer[data-theme="dark"], [data-theme="dark"] .gl-explainer:not([data-theme="light"]) { color-scheme: dark; }
.gl-explainer *, .gl-explainer *::before, .gl-explainer *::after { box-sizing: border-box; }
.gl-explainer[data-fit] { max-width: 960px; max-height: 700px; overflow: auto; }
.gl-title { font-weight: 600; margin: 0; }
.gl-body { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-start; min-width: 0; max-width: 100%; }
.gl-explainer[data-compact] .gl-body { flex-direction: column; flex-wrap: nowrap; }
.gl-panel { min-width: 0; max-width: 100%; display: flex; flex-direction: column; gap: 8px; }
.gl-stack { position: relative; max-width: 100%; touch-action: none; }
.gl-stack > canvas, .gl-stack > svg { position: absolute; left: 0; top: 0; }
.gl-controls { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; min-width: 0; }
.gl-status { display: block; font-variant-numeric: tabular-nums; min-height: 1.4em; }
.gl-explainer[data-state="diverged"] .gl-status { color: var(--gl-diverged); font-weight: 600; }
.gl-caption { display: grid; gap: 4px; color: var(--gl-fg); margin: 0; min-width: 0; }
.gl-maths { font-family: var(--gl-math-font); max-width: 100%; overflow-x: auto; overflow-y: hidden; }
/* Short formulas side by side that wrap onto more lines on a phone (390 px) instead of scrolling. */
.gl-maths-flow { display: flex; flex-wrap: wrap; column-gap: 2.5em; align-items: center; min-width: 0; }
.gl-maths-flow > * { min-width: 0; max-width: 100%; }
.gl-size-error { margin: 0; padding: 12px; border: 2px dashed var(--gl-diverged); color: var(--gl-diverged); border-radius: 6px; }
.gl-perf { color: var(--gl-muted); font-size: 0.85em; font-variant-numeric: tabular-nums; }
.gl-legend-row { display: flex; flex-wrap: wrap; gap: 8px 20px; align-items: center; min-width: 0; max-width: 100%; }
.gl-legend { display: flex; flex-wrap: wrap; gap: 4px 14px; align-items: center; font-size: 0.9em; margin: 0; padding: 0; list-style: none; }
.gl-legend-item { display: inline-flex; align-items: center; gap: 6px; }
.gl-swatch { display: inline-block; flex: none; width: 16px; height: 4px; border-radius: 2px; background: currentColor; }
.gl-swatch[data-shape="dot"] { width: 10px; height: 10px; border-radius: 50%; }
.gl-swatch-svg { flex: none; overflow: visible; }
.gl-layer-map { border: 1px solid var(--gl-border); }
${[0, 1, 2, 3, 4, 5].map((k) => `.gl-explainer [data-gl-class="${k}"] { color: var(--gl-class-${k}); }`).join('\n')}
`;

const controls = String.raw`
.gl-button, .gl-toggle, .gl-segment, .gl-select {
  min-height: 44px; min-width: 44px; padding: 0 14px; font: inherit; color: var(--gl-fg);
  background: var(--gl-surface); border: 1px solid var(--gl-border); border-radius: 6px; cursor: pointer;
}
.gl-select { padding: 0 8px; max-width: 100%; }
.gl-button:hover:not(:disabled), .gl-toggle:hover:not(:disabled), .gl-segment:hover:not(:disabled) { border-color: var(--gl-muted); }
.gl-button:disabled, .gl-toggle:disabled, .gl-segment:disabled, .gl-select:disabled { opacity: 0.55; cursor: not-allowed; }
.gl-toggle[aria-pressed="true"], .gl-button[aria-pressed="true"] {
  background: var(--gl-accent); color: var(--gl-on-accent); border-color: var(--gl-accent);
  box-shadow: inset 0 2px 4px rgb(0 0 0 / 0.3);
}
.gl-segmented { display: inline-flex; flex-wrap: wrap; align-items: center; gap: 6px; border: 0; margin: 0; padding: 0; }
.gl-segmented-options { display: inline-flex; flex-wrap: wrap; }
.gl-segment { border-radius: 0; margin-left: -1px; }
.gl-segment:first-child { border-radius: 6px 0 0 6px; margin-left: 0; }
.gl-segment:last-child { border-radius: 0 6px 6px 0; }
.gl-segment[aria-checked="true"] { background: var(--gl-accent); color: var(--gl-on-accent); border-color: var(--gl-accent); position: relative; }
.gl-field { display: inline-flex; flex-wrap: wrap; align-items: center; gap: 6px; min-width: 0; }
.gl-slider-input { min-height: 44px; width: var(--gl-slider-width, 140px); max-width: 100%; margin: 0; accent-color: var(--gl-accent); }
.gl-slider-value { font-variant-numeric: tabular-nums; min-width: 3.5em; }
.gl-number-input {
  min-height: 44px; width: 7em; padding: 0 8px; font: inherit; color: var(--gl-fg);
  background: var(--gl-bg); border: 1px solid var(--gl-border); border-radius: 6px;
}
.gl-number[data-state="invalid"] .gl-number-input { border: 2px solid var(--gl-diverged); }
.gl-number-error { color: var(--gl-diverged); font-size: 0.85em; flex-basis: 100%; }
.gl-playback { display: inline-flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.gl-checkbox { display: inline-flex; align-items: center; gap: 6px; min-height: 44px; padding-right: 8px; cursor: pointer; }
.gl-checkbox input { width: 20px; height: 20px; margin: 0; accent-color: var(--gl-accent); }
.gl-fieldset { border: 1px solid var(--gl-border); border-radius: 6px; display: flex; flex-wrap: wrap; gap: 4px; margin: 0; padding: 0 8px 4px; min-width: 0; }
`;

const focus = String.raw`
.gl-explainer :focus-visible, .gl-button:focus-visible, .gl-toggle:focus-visible, .gl-segment:focus-visible,
.gl-select:focus-visible, .gl-slider-input:focus-visible, .gl-number-input:focus-visible, .gl-checkbox input:focus-visible {
  outline: 3px solid var(--gl-focus); outline-offset: 2px;
}
.gl-explainer svg :focus-visible, svg .gl-handle:focus-visible, svg .gl-focusable:focus-visible { outline: none; }
.gl-handle { cursor: grab; outline: none; touch-action: none; }
.gl-handle[data-state="dragging"] { cursor: grabbing; }
.gl-handle-hit { fill: transparent; }
.gl-handle-dot { fill: var(--gl-bg); stroke-width: 3; }
.gl-handle-ring { fill: none; stroke: none; }
.gl-handle:focus-visible .gl-handle-ring, .gl-handle[data-state="dragging"] .gl-handle-ring { stroke: var(--gl-focus); stroke-width: 3; }
.gl-focusable .gl-focus-box { fill: none; stroke: none; }
.gl-focusable:focus-visible .gl-focus-box { stroke: var(--gl-focus); stroke-width: 3; }
.gl-focus-ring:focus-visible > circle:last-child { stroke: var(--gl-focus); stroke-width: 4px; }
`;

const plots = String.raw`
.gl-axis { font-size: 11px; fill: var(--gl-fg); }
.gl-axis line, .gl-axis path { stroke: var(--gl-muted); }
.gl-axis-title { font-size: 13px; }
.gl-plot-bg { fill: var(--gl-surface); stroke: var(--gl-border); }
.gl-line-chart, .gl-color-legend { display: block; overflow: visible; max-width: 100%; }
.gl-empty { fill: var(--gl-muted); font-size: 12px; }
.gl-heatmap, .gl-contour { position: relative; max-width: 100%; }
/* The overlay's axis labels may reach past the plot's box. */
.gl-heatmap > svg, .gl-contour > svg { overflow: visible; }
/* Pointer areas: drag to rotate a 3-D view; press anywhere to place a point. */
.gl-rotate-area { cursor: grab; }
.gl-press-area { cursor: crosshair; }
@media (prefers-reduced-motion: reduce) {
  .gl-explainer *, .gl-explainer *::before, .gl-explainer *::after { animation: none !important; transition: none !important; }
}
`;

/** The whole base stylesheet (the text of `@geolearn/ui/styles.css`). */
export const baseCss: string =
  '/* @geolearn/ui base styles: generated from src/styles/baseCss.ts; do not edit. */\n' +
  block(':where(:root)', 'light') +
  `@media (prefers-color-scheme: dark) {\n${block(':where(:root)', 'dark')}}\n` +
  block(':where([data-theme="dark"])', 'dark', '  color-scheme: dark;\n') +
  block(':where([data-theme="light"])', 'light', '  color-scheme: light;\n') +
  layout +
  controls +
  focus +
  plots;

/** The `href` that deduplicates the hoisted `<style>` (React 19). */
export const BASE_CSS_HREF = 'gl-base';
