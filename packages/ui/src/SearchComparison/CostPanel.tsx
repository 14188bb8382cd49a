import { useId } from 'react';
import { formatCount, formatSeconds, gridSearchCost, humanDuration, superscript, type SearchComparisonState } from './model';

/** Props of {@link CostPanel}. */
export interface CostPanelProps {
  state: SearchComparisonState;
  /** Loss evaluations gradient descent used. */
  gdEvaluations: number;
  /** Width of the panel, px. */
  width: number;
  onChange: (f: (s: SearchComparisonState) => SearchComparisonState) => void;
}

/**
 * The slide's arithmetic, done live: an exhaustive grid of k values per parameter over d
 * parameters costs kᵈ evaluations of t seconds each; random search costs what you spend.
 */
export function CostPanel({ state, gdEvaluations, width, onChange }: CostPanelProps) {
  const id = useId();
  const k = state.valuesPerParameter;
  const t = state.secondsPerEvaluation;
  return (
    <section className="gl-panel gl-search-cost" data-gl-panel="cost" aria-labelledby={`${id}-cost`} style={{ width }}>
      <h3 id={`${id}-cost`}>What an exhaustive grid costs</h3>
      <div className="gl-search-fields">
        <CountField label="Seconds per evaluation" value={t} min={0.001} step={0.01} onChange={(v) => v > 0 && onChange((s) => ({ ...s, secondsPerEvaluation: v }))} />
        <CountField
          label="Values per parameter"
          value={k}
          min={2}
          step={1}
          onChange={(v) => {
            const n = Math.round(v);
            if (n >= 2) onChange((s) => ({ ...s, valuesPerParameter: n }));
          }}
        />
      </div>
      <ul>
        {[2, 5].map((d) => {
          const c = gridSearchCost(k, d, t);
          return (
            <li key={d} data-testid={`cost-${d}`}>
              {d} parameters: {k}
              {superscript(d)} = {formatCount(c.evaluations)} evaluations × {t} s = {formatSeconds(c.seconds)} s ≈ <strong>{humanDuration(c.seconds)}</strong>
            </li>
          );
        })}
      </ul>
      <p>
        Random search costs what you choose to spend (here {state.randomSamples} evaluations ≈ {humanDuration(state.randomSamples * t)}), whatever the number of
        parameters; gradient descent used {gdEvaluations} evaluations ≈ {humanDuration(gdEvaluations * t)}, plus a gradient per step.
      </p>
    </section>
  );
}

/**
 * A native number input (role spinbutton, kept for the stories and for the browser's own
 * stepper) dressed in the kit's `gl-number` classes; values that are not numbers are ignored.
 */
function CountField({ label, value, min, step, onChange }: { label: string; value: number; min: number; step: number; onChange: (v: number) => void }) {
  const id = useId();
  return (
    <span className="gl-field gl-number">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        className="gl-number-input"
        min={min}
        step={step}
        value={value}
        onChange={(e) => {
          const v = Number(e.target.value);
          if (e.target.value !== '' && Number.isFinite(v)) onChange(v);
        }}
      />
    </span>
  );
}
