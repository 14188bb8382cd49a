/** ParameterCount's own CSS (classes `gl-pc-*`), hoisted once per document; `--gl-*` tokens only. */
export const pcCss = String.raw`
.gl-pc-bars { display: block; max-width: 100%; overflow: visible; }
.gl-pc-bar-name { font-size: 13px; fill: var(--gl-fg); }
.gl-pc-bar-value { font-size: 12px; fill: var(--gl-fg); font-variant-numeric: tabular-nums; }
.gl-pc-on-bar { fill: var(--gl-bg); font-weight: 600; }
.gl-pc-table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 0.9em; }
.gl-pc-table caption { text-align: left; font-weight: 600; padding-bottom: 4px; }
.gl-pc-table th, .gl-pc-table td { padding: 2px 8px; text-align: right; border-bottom: 1px solid var(--gl-border); }
.gl-pc-table th[scope="row"], .gl-pc-table thead th:first-child { text-align: left; }
.gl-pc-scroll { overflow-x: auto; max-width: 100%; }
.gl-pc-note { color: var(--gl-muted); font-size: 0.9em; margin: 0; max-width: 36em; }
`;

/** Renders {@link pcCss} once per document. */
export function ParameterCountStyles() {
  return (
    <style href="gl-pc" precedence="default">
      {pcCss}
    </style>
  );
}
