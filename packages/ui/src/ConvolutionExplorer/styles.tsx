/**
 * The convolution explorer's CSS (classes `gl-conv-*`), rendered once per document as a
 * React 19 hoisted `<style>`. Colours come from the `--gl-*` tokens only.
 */
export const convCss = String.raw`
.gl-conv-title { font-size: 13px; }
.gl-conv-input { flex: none; }
.gl-conv-image { position: absolute; }
.gl-conv-overlay { overflow: visible; }
.gl-conv-pad { fill: var(--gl-surface); stroke: var(--gl-muted); stroke-dasharray: 4 3; }
.gl-conv-zero { font-size: 8px; fill: var(--gl-muted); }
.gl-conv-area { fill: transparent; cursor: crosshair; touch-action: none; }
.gl-conv-image-edge { fill: none; stroke: var(--gl-border); }
.gl-conv-window-box { fill: var(--gl-accent); fill-opacity: 0.12; stroke: var(--gl-accent); stroke-width: 2; }
.gl-conv-window-dot { fill: var(--gl-accent); stroke: var(--gl-bg); stroke-width: 1; pointer-events: none; }
.gl-conv-window .gl-handle-ring { fill: none; }
.gl-conv-cursor { fill: none; stroke: var(--gl-accent); stroke-width: 2; }
.gl-conv-grid { display: block; overflow: visible; }
.gl-conv-cell-bg { fill: var(--gl-bg); stroke: var(--gl-border); }
.gl-conv-cell { stroke: var(--gl-border); }
.gl-conv-cell-text { font-size: 10px; fill: var(--gl-fg); font-variant-numeric: tabular-nums; paint-order: stroke; stroke: var(--gl-bg); stroke-width: 2.5px; }
.gl-conv-grid g[data-padded] .gl-conv-cell-bg { fill: var(--gl-surface); stroke-dasharray: 3 2; stroke: var(--gl-muted); }
.gl-conv-sum { font-variant-numeric: tabular-nums; }
.gl-conv-editor-grid { display: grid; gap: 4px; max-width: 100%; overflow-x: auto; }
.gl-conv-kernel-input { width: 7.5em; }
.gl-explainer[data-compact] .gl-conv-kernel-input { width: 5.5em; }
`;

/** Renders {@link convCss} once per document (deduplicated by `href`). */
export function ConvStyles() {
  return (
    <style href="gl-conv" precedence="default">
      {convCss}
    </style>
  );
}
