/**
 * The seismogram's own CSS (classes `gl-seis-*`), rendered once per document as a React 19
 * hoisted `<style>`. Colours come from the `--gl-*` tokens only, so dark mode works.
 */
export const seismogramCss = String.raw`
.gl-seis-svg { overflow: visible; }
.gl-seis-frame { fill: none; stroke: var(--gl-border); }
.gl-seis-track-label { font-size: 13px; font-weight: 600; fill: var(--gl-fg); paint-order: stroke; stroke: var(--gl-bg); stroke-width: 3px; }
.gl-seis-small { font-size: 11px; fill: var(--gl-fg); paint-order: stroke; stroke: var(--gl-bg); stroke-width: 3px; }
.gl-seis-units { font-size: 11px; }
.gl-seis-svg .gl-seis-amp text { font-size: 10px; fill: var(--gl-fg); }
.gl-seis-svg .gl-seis-amp line { stroke: var(--gl-muted); }
.gl-seis-marker line { stroke-width: 1.5; }
.gl-seis-marker[data-picked] line { stroke-width: 2; stroke-dasharray: 5 3; }
.gl-seis-marker text { font-size: 11px; font-weight: 600; }
.gl-seis-cursor { stroke: var(--gl-muted); stroke-dasharray: 2 3; }
.gl-seis-threshold { stroke: var(--gl-accent); stroke-width: 1.5; stroke-dasharray: 6 3; }
.gl-seis-warmup { fill: var(--gl-muted); fill-opacity: 0.18; }
.gl-seis-surface { fill: transparent; cursor: grab; touch-action: none; stroke: none; }
.gl-seis-surface[data-focused] { stroke: var(--gl-focus); stroke-width: 2; }
.gl-focusable:focus-visible .gl-seis-surface { stroke: var(--gl-focus); stroke-width: 3; }
.gl-seis-readout { font-variant-numeric: tabular-nums; color: var(--gl-muted); }
.gl-explainer .gl-status[data-testid="status"] { font-variant-numeric: tabular-nums; }
.gl-seis-pick-p { color: var(--gl-p-wave); font-weight: 600; }
.gl-seis-pick-s { color: var(--gl-s-wave); font-weight: 600; }
.gl-seis-row { flex: 1 1 100%; display: flex; flex-wrap: wrap; gap: 8px; align-items: center; min-width: 0; max-width: 100%; }
.gl-seis-fdsn { display: flex; flex-direction: column; gap: 8px; margin-top: 8px; padding: 8px; border: 1px solid var(--gl-border); border-radius: 6px; min-width: 0; max-width: 100%; box-sizing: border-box; }
.gl-seis-fdsn-fields { display: flex; flex-wrap: wrap; gap: 8px 14px; min-width: 0; }
.gl-seis-text { max-width: 100%; }
.gl-seis-text-input {
  min-height: 44px; max-width: 100%; box-sizing: border-box; padding: 0 8px; font: inherit; font-variant-numeric: tabular-nums;
  color: var(--gl-fg); background: var(--gl-bg); border: 1px solid var(--gl-border); border-radius: 6px;
}
.gl-seis-text-input:focus-visible { outline: 3px solid var(--gl-focus); outline-offset: 2px; }
.gl-seis-fdsn-message { display: block; overflow-wrap: anywhere; font-size: 0.9em; }
.gl-seis-fdsn-message:empty { display: none; }
.gl-seis-fdsn[data-state="error"] .gl-seis-fdsn-message { color: var(--gl-diverged); }
.gl-seis-readout { overflow-wrap: anywhere; }
`;

/** Renders {@link seismogramCss} once per document (deduplicated by `href`). */
export function SeismogramStyles() {
  return (
    <style href="gl-seismogram" precedence="default">
      {seismogramCss}
    </style>
  );
}
