/** The transfer-learning explainer's CSS (classes `gl-tl-*`), tokens only, rendered once per document. */
export const tlCss = String.raw`
.gl-tl-chart { flex: 1 1 320px; min-width: 0; display: grid; gap: 6px; }
.gl-tl-side { flex: 0 1 280px; min-width: 0; display: grid; gap: 8px; align-content: start; }
.gl-tl-regions { border-collapse: collapse; font-size: 12px; font-variant-numeric: tabular-nums; }
.gl-tl-regions caption { text-align: left; color: var(--gl-muted); padding-bottom: 4px; }
.gl-tl-regions th, .gl-tl-regions td { padding: 3px 6px; border-bottom: 1px solid var(--gl-border); text-align: left; }
.gl-tl-note { margin: 0; font-size: 12px; color: var(--gl-muted); }
.gl-explainer[data-compact] .gl-tl-chart, .gl-explainer[data-compact] .gl-tl-side { flex: 0 0 auto; width: 100%; }
`;

/** Renders {@link tlCss} once per document (deduplicated by `href`). */
export function TlStyles() {
  return (
    <style href="gl-tl" precedence="default">
      {tlCss}
    </style>
  );
}
