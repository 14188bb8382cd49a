/** The kernel-PCA explorer's CSS (classes `gl-kpca-*`), a React 19 hoisted `<style>`. */
export const kpcaCss = String.raw`
.gl-kpca-plot { display: block; max-width: 100%; }
.gl-kpca-plot[data-busy] .gl-kpca-points { opacity: 0.45; }
.gl-kpca-area { fill: var(--gl-bg); stroke: var(--gl-border); }
.gl-kpca-title { font-size: 13px; font-weight: 600; fill: var(--gl-fg); }
.gl-kpca-empty { font-size: 12px; fill: var(--gl-muted); }
.gl-kpca-point { stroke: var(--gl-bg); stroke-width: 0.6; }
.gl-kpca-pre { fill: none; stroke: currentColor; stroke-width: 1.3; }
.gl-kpca-link { stroke: var(--gl-muted); stroke-width: 0.6; opacity: 0.6; }
.gl-kpca-scores { margin: 0; font-size: 0.92em; font-variant-numeric: tabular-nums; }
@media (prefers-reduced-motion: no-preference) { .gl-kpca-points { transition: opacity 0.2s; } }
`;

/** Renders {@link kpcaCss} once per document. */
export function KpcaStyles() {
  return (
    <style href="gl-kpca" precedence="default">
      {kpcaCss}
    </style>
  );
}
