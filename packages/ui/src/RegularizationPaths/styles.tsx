/** RegularizationPaths' own CSS (classes `gl-rp-*`), hoisted once per document; `--gl-*` tokens only. */
export const rpCss = String.raw`
.gl-rp-chart { display: block; max-width: 100%; overflow: visible; font-family: var(--gl-font); }
.gl-rp-area { fill: transparent; cursor: ew-resize; }
.gl-rp-path { fill: none; stroke-width: 2; }
.gl-rp-zero { stroke: var(--gl-border); stroke-width: 1; }
.gl-rp-lambda { stroke: var(--gl-fg); stroke-width: 1.5; stroke-dasharray: 2 3; pointer-events: none; }
.gl-rp-entry { fill: var(--gl-bg); stroke-width: 2; }
.gl-rp-now { stroke: var(--gl-bg); stroke-width: 1; pointer-events: none; }
.gl-rp-best text { font-size: 11px; fill: var(--gl-muted); }
.gl-rp-curve-labels text { font-size: 11px; font-weight: 600; }
.gl-rp-diagonal { stroke: var(--gl-muted); stroke-dasharray: 4 4; }
.gl-rp-dot { fill-opacity: 0.7; }
.gl-rp-note { font-family: var(--gl-font); color: var(--gl-muted); font-size: 0.9em; margin: 4px 0 0; max-width: 40em; }
.gl-rp-side { display: flex; flex-direction: column; gap: 8px; min-width: 0; }
.gl-rp-main { display: flex; flex-direction: column; gap: 8px; min-width: 0; }
`;

/** Renders {@link rpCss} once per document. */
export function RegularizationPathsStyles() {
  return (
    <style href="gl-rp" precedence="default">
      {rpCss}
    </style>
  );
}
