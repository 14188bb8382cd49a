/**
 * The k-means stepper's own CSS (classes `gl-kmeans-*`), rendered once per document as a
 * React 19 hoisted `<style>`. Colours come from the `--gl-*` tokens (a cluster's colour is
 * set as `color` inline and read here as `currentColor`).
 */
export const kmeansCss = String.raw`
.gl-kmeans-plot { display: block; max-width: 100%; touch-action: none; }
.gl-kmeans-area { fill: var(--gl-bg); stroke: var(--gl-border); }
.gl-kmeans-cell { fill: currentColor; fill-opacity: 0.12; stroke: currentColor; stroke-opacity: 0.55; stroke-width: 1.5; }
.gl-kmeans-point { stroke: var(--gl-bg); stroke-width: 0.75; }
.gl-kmeans-point[data-hollow] { fill: var(--gl-bg); stroke: currentColor; stroke-width: 1.5; }
.gl-kmeans-trail { fill: none; stroke: currentColor; stroke-width: 2; stroke-dasharray: 4 3; }
.gl-kmeans-centroid { fill: currentColor; stroke: var(--gl-fg); stroke-width: 2; }
.gl-kmeans-centroid[data-hollow] { fill: var(--gl-bg); stroke: currentColor; stroke-width: 3; }
.gl-kmeans-best { fill: none; stroke: var(--gl-optimum); stroke-width: 3.5; stroke-linecap: round; }
.gl-kmeans-side { min-width: 0; }
.gl-kmeans-steps { margin: 0; padding-left: 1.6em; display: grid; gap: 2px; font-size: 0.92em; }
.gl-kmeans-steps li { padding: 2px 6px; border-radius: 4px; color: var(--gl-muted); }
.gl-kmeans-steps li[data-active] { color: var(--gl-fg); background: var(--gl-surface); outline: 2px solid var(--gl-accent); font-weight: 600; }
.gl-kmeans-bestof { margin: 0; display: grid; gap: 2px; font-size: 0.9em; }
.gl-kmeans-bestof svg { display: block; max-width: 100%; }
.gl-kmeans-bar { fill: var(--gl-data); }
.gl-kmeans-bar[data-best] { fill: var(--gl-optimum); }
.gl-kmeans-bar-label { font-size: 11px; fill: var(--gl-fg); }
@media (prefers-reduced-motion: no-preference) { .gl-kmeans-centroid { transition: x 0.3s, y 0.3s; } }
`;

/** Renders {@link kmeansCss} once per document (deduplicated by `href`). */
export function KMeansStyles() {
  return (
    <style href="gl-kmeans" precedence="default">
      {kmeansCss}
    </style>
  );
}
