/**
 * The lidar explainer's own CSS (classes `gl-lidar-*`), rendered once per document as a React 19
 * hoisted `<style>`. Colours from `--gl-*` tokens only.
 */
export const lidarCss = String.raw`
.gl-lidar-view { position: relative; touch-action: none; }
.gl-lidar-canvas, .gl-lidar-overlay { position: absolute; left: 0; top: 0; display: block; }
.gl-lidar-side { display: flex; flex-direction: column; gap: 10px; min-width: 0; }
.gl-lidar-note { margin: 0; color: var(--gl-muted); font-size: 0.9em; }
.gl-lidar-cm-wrap { max-width: 100%; overflow-x: auto; }
.gl-lidar-cm { border-collapse: collapse; font-family: var(--gl-font); font-size: 12px; font-variant-numeric: tabular-nums; color: var(--gl-fg); }
.gl-lidar-cm caption { text-align: left; font-weight: 600; padding-bottom: 4px; }
.gl-lidar-cm th, .gl-lidar-cm td { border: 1px solid var(--gl-border); padding: 2px 4px; text-align: right; }
.gl-lidar-cm abbr { text-decoration: none; }
.gl-lidar-cm-corner { font-size: 11px; font-weight: 400; max-width: 64px; }
.gl-lidar-cm th { font-weight: 600; background: var(--gl-surface); }
.gl-lidar-cm[data-state="stale"] td { color: var(--gl-muted); }
.gl-lidar-cm thead .gl-lidar-cm-head { border-bottom-width: 3px; }
.gl-lidar-cm tbody .gl-lidar-cm-head { border-left-width: 4px; text-align: left; }
.gl-lidar-cm-head[data-class="0"] { border-bottom-color: var(--gl-class-0); border-left-color: var(--gl-class-0); }
.gl-lidar-cm-head[data-class="1"] { border-bottom-color: var(--gl-class-1); border-left-color: var(--gl-class-1); }
.gl-lidar-cm-head[data-class="2"] { border-bottom-color: var(--gl-class-2); border-left-color: var(--gl-class-2); }
.gl-lidar-cm-head[data-class="3"] { border-bottom-color: var(--gl-class-3); border-left-color: var(--gl-class-3); }
.gl-lidar-cm-head[data-class="4"] { border-bottom-color: var(--gl-class-4); border-left-color: var(--gl-class-4); }
.gl-lidar-cm-cell[data-kind="right"] { font-weight: 700; color: var(--gl-optimum); }
.gl-lidar-cm-cell[data-kind="wrong"] { color: var(--gl-diverged); }
.gl-lidar-cm-cell[data-kind="zero"] { color: var(--gl-muted); }
.gl-lidar-cm-recall { color: var(--gl-muted); }
.gl-lidar-imp { margin: 0; }
.gl-lidar-imp figcaption { font-weight: 600; font-size: 12px; margin-bottom: 4px; }
.gl-lidar-imp svg { display: block; max-width: 100%; }
.gl-lidar-imp-label { fill: var(--gl-fg); font-family: var(--gl-font); font-size: 11px; }
.gl-lidar-imp-bar { fill: var(--gl-accent); }
`;

/** Renders {@link lidarCss} once per document (deduplicated by `href`). */
export function LidarStyles() {
  return (
    <style href="gl-lidar" precedence="default">
      {lidarCss}
    </style>
  );
}
