/**
 * The CSS of the feature maps and the drawing pad (classes `gl-fm-*`, `gl-pad-*`), rendered
 * once per document as a React 19 hoisted `<style>`. Colours come from the `--gl-*` tokens only.
 */
export const featureMapsCss = String.raw`
.gl-fm-layer { display: flex; flex-direction: column; gap: 4px; min-width: 0; max-width: 100%; }
.gl-fm-layer-head { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 16px; }
.gl-fm-layer-title { font-size: 13px; }
.gl-fm-shape { color: var(--gl-muted); }
.gl-fm-maps { display: flex; flex-wrap: wrap; gap: 6px; max-width: 100%; }
.gl-fm-map { display: flex; flex-direction: column; align-items: center; gap: 2px; cursor: zoom-in; }
.gl-fm-map .gl-heatmap { outline: 1px solid var(--gl-border); }
.gl-fm-map[data-selected] .gl-heatmap { outline: 3px solid var(--gl-focus); }
.gl-fm-k { font-size: 10px; color: var(--gl-muted); font-variant-numeric: tabular-nums; }
.gl-fm-dense { display: block; max-width: 100%; overflow: visible; }
.gl-fm-cell-bg { fill: var(--gl-bg); stroke: var(--gl-border); }
.gl-fm-digit { font-size: 13px; font-weight: 600; fill: var(--gl-fg); }
.gl-fm-prob { font-size: 10px; fill: var(--gl-muted); font-variant-numeric: tabular-nums; }
.gl-fm-enlarged-row, .gl-fm-row { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-start; }
.gl-fm-layers { margin: 0; padding-left: 1.4em; font-size: 13px; }
.gl-fm-layers li[data-present="false"] { color: var(--gl-muted); }
.gl-fm-digit-box { outline: 1px solid var(--gl-border); width: fit-content; line-height: 0; }
.gl-fm-ink { display: block; image-rendering: pixelated; }
.gl-fm-caution { font-weight: 600; }
.gl-pad-layers > .gl-fm-layer-list { flex-basis: 100%; display: grid; gap: 8px; min-width: 0; }
.gl-pad-surface { display: block; border: 1px solid var(--gl-border); touch-action: none; cursor: crosshair; background: var(--gl-bg); }
.gl-pad-surface[hidden] { display: none; }
.gl-pad-label { font-size: 13px; }
.gl-pad-guesses { font-variant-numeric: tabular-nums; line-height: 1.6; }
.gl-pad-bars { display: block; max-width: 100%; }
.gl-pad-bar-bg { fill: var(--gl-surface); stroke: var(--gl-border); }
.gl-pad-bar { fill: var(--gl-muted); }
.gl-pad-bar[data-top] { fill: var(--gl-accent); }
.gl-pad-text { font-size: 13px; fill: var(--gl-fg); font-variant-numeric: tabular-nums; }
`;

/** Renders {@link featureMapsCss} once per document (deduplicated by `href`). */
export function FeatureMapsStyles() {
  return (
    <style href="gl-feature-maps" precedence="default">
      {featureMapsCss}
    </style>
  );
}
