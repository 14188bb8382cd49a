/**
 * The quiz's own CSS (classes `gl-spot-*`), rendered once per document as a React 19 hoisted
 * `<style>`. Colours come from the `--gl-*` tokens only, so dark mode works.
 */
export const spotCss = String.raw`
.gl-spot-fieldset { border: 0; margin: 0; padding: 0; min-width: 0; max-width: 100%; }
.gl-spot-fieldset > legend { padding: 0; margin-bottom: 6px; }
.gl-spot-grid { display: grid; gap: 12px; max-width: 100%; }
.gl-spot-card { border: 2px solid var(--gl-border); border-radius: 8px; padding: 6px; background: var(--gl-bg); gap: 4px; }
.gl-spot-card[data-state="chosen"] { border-color: var(--gl-accent); }
.gl-spot-card[data-state="right"], .gl-spot-card[data-state="answer"] { border-color: var(--gl-optimum); }
.gl-spot-card[data-state="wrong"] { border-color: var(--gl-diverged); }
.gl-spot-choice { display: flex; align-items: center; gap: 8px; min-height: 44px; cursor: pointer; font-weight: 600; }
.gl-spot-choice input { width: 22px; height: 22px; margin: 0; accent-color: var(--gl-accent); }
.gl-explainer[data-state="done"] .gl-spot-choice { cursor: default; }
.gl-spot-name { margin-top: -8px; }
.gl-spot-card[data-state="right"] .gl-spot-name, .gl-spot-card[data-state="answer"] .gl-spot-name { color: var(--gl-optimum); font-weight: 600; }
.gl-spot-plot { display: block; overflow: hidden; }
.gl-spot-bg { fill: var(--gl-surface); }
.gl-spot-trace { fill: none; stroke: var(--gl-fg); stroke-width: 1; }
.gl-spot-spectrum { fill: none; stroke: var(--gl-accent); stroke-width: 2; }
.gl-spot-fit { fill: none; stroke: var(--gl-fg); stroke-width: 1.5; stroke-dasharray: 5 3; }
.gl-spot-text { font-size: 10px; fill: var(--gl-fg); }
.gl-spot-onset-label { font-size: 12px; font-weight: 600; }
.gl-spot-hidden { display: grid; place-items: center; color: var(--gl-muted); font-size: 13px; background: var(--gl-surface); border-radius: 4px; text-align: center; padding: 4px; }
.gl-spot-why { margin: 0; font-size: 13px; }
.gl-explainer[data-state="done"] .gl-status[data-correct="true"] { color: var(--gl-optimum); font-weight: 600; }
.gl-explainer[data-state="done"] .gl-status[data-correct="false"] { color: var(--gl-diverged); font-weight: 600; }
`;

/** Renders {@link spotCss} once per document (deduplicated by `href`). */
export function SpotStyles() {
  return (
    <style href="gl-spot" precedence="default">
      {spotCss}
    </style>
  );
}
