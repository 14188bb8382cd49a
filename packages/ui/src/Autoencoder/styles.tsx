/**
 * The autoencoder explainer's own CSS (classes `gl-ae-*`), rendered once per document as a
 * React 19 hoisted `<style>`. Colours come from the `--gl-*` tokens only.
 */
export const autoencoderCss = String.raw`
.gl-ae-latent-svg { display: block; max-width: 100%; touch-action: none; }
.gl-ae-area { fill: var(--gl-surface); cursor: crosshair; }
.gl-ae-dot { stroke-width: 1.5; cursor: pointer; }
.gl-ae-dot[data-selected] { stroke: var(--gl-fg); stroke-width: 2; }
.gl-ae-selected { fill: none; stroke: var(--gl-fg); stroke-width: 1.5; stroke-dasharray: 3 2; pointer-events: none; }
.gl-ae-empty { fill: var(--gl-muted); font-size: 13px; }
.gl-ae-waves { display: flex; flex-direction: column; gap: 2px; min-width: 0; }
.gl-ae-heading { margin: 0; font-size: 13px; color: var(--gl-fg); }
.gl-ae-figure { color: var(--gl-muted); font-variant-numeric: tabular-nums; }
.gl-ae-figures { font-size: 13px; color: var(--gl-fg); max-width: 100%; }
.gl-ae-figures p { margin: 0 0 4px; }
.gl-ae-list { margin: 0 0 4px; padding-left: 18px; font-variant-numeric: tabular-nums; }
.gl-ae-note { color: var(--gl-muted); }
.gl-ae-training { min-width: 0; }
.gl-ae-warning { margin: 4px 0 0; color: var(--gl-diverged); font-size: 13px; }
.gl-ae-grid { display: grid; grid-template-columns: auto minmax(0, 1fr); gap: 16px; align-items: start; width: 100%; }
.gl-explainer[data-compact] .gl-ae-grid { grid-template-columns: minmax(0, 1fr); }
.gl-ae-side { display: flex; flex-direction: column; gap: 12px; min-width: 0; }
`;

/** Renders {@link autoencoderCss} once per document (deduplicated by `href`). */
export function AutoencoderStyles() {
  return (
    <style href="gl-autoencoder" precedence="default">
      {autoencoderCss}
    </style>
  );
}
