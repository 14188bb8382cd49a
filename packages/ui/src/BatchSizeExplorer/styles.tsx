/**
 * The batch-size explorer's CSS (classes `gl-batch-*`), rendered once per document as a
 * React 19 hoisted `<style>`. Colours come from the `--gl-*` tokens only, so dark mode works.
 */
export const batchCss = String.raw`
.gl-batch-table-wrap { max-width: 100%; overflow-x: auto; }
.gl-batch-table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 14px; }
.gl-batch-table th, .gl-batch-table td { text-align: left; padding: 2px 10px 2px 0; }
.gl-batch-table thead th { border-bottom: 1px solid var(--gl-border); }
.gl-batch-table tbody th { font-weight: 400; }
.gl-batch-swatch { display: inline-block; width: 14px; height: 4px; margin-right: 6px; vertical-align: middle; background: currentColor; }
.gl-batch-note { margin: 0; font-size: 13px; color: var(--gl-muted); }
`;

/** Renders {@link batchCss} once per document (deduplicated by `href`). */
export function BatchStyles() {
  return (
    <style href="gl-batch" precedence="default">
      {batchCss}
    </style>
  );
}
