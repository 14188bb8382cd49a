/**
 * The neuron's own CSS (classes `gl-neuron-*`), rendered once per document as a React 19
 * hoisted `<style>`. Colours come from the `--gl-*` tokens only, so dark mode works.
 */
export const neuronCss = String.raw`
.gl-neuron-diagram, .gl-neuron-plot { display: block; max-width: 100%; overflow: visible; }
.gl-neuron-text { font-size: 12px; fill: var(--gl-fg); }
.gl-neuron-small { font-size: 11px; }
.gl-neuron-big { font-size: 13px; }
.gl-neuron-halo { paint-order: stroke; stroke: var(--gl-bg); stroke-width: 3px; }
.gl-neuron-output { font-size: 13px; font-weight: 600; }
.gl-neuron-link { stroke-opacity: 0.85; }
.gl-neuron-input { fill: var(--gl-surface); stroke: var(--gl-border); }
.gl-neuron-unit { fill: var(--gl-bg); stroke: var(--gl-fg); stroke-width: 2; }
.gl-neuron-wire { stroke: var(--gl-fg); stroke-width: 2; }
.gl-neuron-flat { fill: var(--gl-muted); fill-opacity: 0.22; }
.gl-neuron-curve { fill: none; stroke: var(--gl-accent); stroke-width: 2.5; }
.gl-neuron-guide { stroke: var(--gl-fg); stroke-dasharray: 4 3; }
.gl-neuron-point { fill: var(--gl-fg); stroke: var(--gl-bg); stroke-width: 2; }
.gl-neuron-sliders { display: grid; grid-template-columns: repeat(2, max-content); column-gap: 16px; min-width: 0; }
.gl-explainer[data-compact] .gl-neuron-sliders { grid-template-columns: minmax(0, 1fr); }
.gl-explainer[data-state] .gl-status[data-flat="true"] { font-weight: 600; }
`;

/** Renders {@link neuronCss} once per document (deduplicated by `href`). */
export function NeuronStyles() {
  return (
    <style href="gl-neuron" precedence="default">
      {neuronCss}
    </style>
  );
}
