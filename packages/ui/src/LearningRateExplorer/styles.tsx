/**
 * The learning-rate explorer's CSS (classes `gl-lr-*`), rendered once per document as a
 * React 19 hoisted `<style>`. Colours come from the `--gl-*` tokens only, so dark mode works.
 */
export const lrCss = String.raw`
.gl-lr-run { display: grid; gap: 2px; min-width: 0; }
.gl-lr-run-title { font-size: 13px; font-weight: 600; }
.gl-lr-run-picture { position: relative; }
.gl-lr-svg { display: block; }
.gl-lr-curve { fill: none; stroke: var(--gl-muted); stroke-width: 2; }
.gl-lr-zero { stroke: var(--gl-border); }
.gl-lr-diverged { position: absolute; left: 0; right: 0; top: 45%; text-align: center; font-weight: 700; font-size: 15px;
  color: var(--gl-diverged); text-shadow: 0 0 3px var(--gl-bg), 0 0 3px var(--gl-bg), 0 0 3px var(--gl-bg); pointer-events: none; }
.gl-lr-run-status { font-size: 13px; font-variant-numeric: tabular-nums; }
.gl-lr-run-status[data-diverged="true"] { color: var(--gl-diverged); font-weight: 700; }
.gl-lr-minis { display: grid; gap: 8px; }
.gl-lr-diagnosis { margin: 0; font-size: 14px; }
.gl-lr-diagnosis[data-diagnosis="growing"] { color: var(--gl-diverged); font-weight: 600; }
.gl-lr-ruler { display: block; max-width: 100%; overflow: visible; }
.gl-lr-zone-label { font-size: 10px; fill: var(--gl-fg); }
.gl-lr-eta-max { stroke: var(--gl-fg); stroke-width: 2; }
.gl-lr-eta-max-label { font-size: 11px; fill: var(--gl-fg); }
.gl-lr-eta-mark { fill: var(--gl-accent); }
`;

/** Renders {@link lrCss} once per document (deduplicated by `href`). */
export function LrStyles() {
  return (
    <style href="gl-lr" precedence="default">
      {lrCss}
    </style>
  );
}
