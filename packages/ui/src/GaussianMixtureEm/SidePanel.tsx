import { classAttr, conceptColor } from '../common/colors';
import { LineChart } from '../common/LineChart';
import type { GmmModel } from './useGaussianMixtureEm';

/** Beside the plot: the mean log-likelihood after each EM iteration and the mixing weights πₖ. */
export function SidePanel({ model, width, height }: { model: GmmModel; width: number; height: number }) {
  const { run, stepIndex, shown } = model;
  const series = run.steps.slice(0, stepIndex + 1).flatMap((s) => (s.lowerBound === null ? [] : [[s.iteration, s.lowerBound] as const]));
  const xMax = Math.max(5, run.steps.length - 1);
  const lastLl = series.length ? series[series.length - 1][1] : null;
  return (
    <div className="gl-panel gl-gmm-side" data-gl-panel="side" style={{ width }}>
      <LineChart
        width={width}
        height={height}
        series={[{ label: 'mean log-likelihood', color: conceptColor('train'), points: series, dots: true }]}
        xDomain={[0, xMax]}
        xLabel="EM iteration"
        yLabel="(1/n) Σ log p(xᵢ)"
        emptyText="log-likelihood after the first E-step"
        label={`Mean log-likelihood after each EM iteration: ${lastLl === null ? 'none yet' : lastLl.toFixed(4)}.`}
        testId="ll-chart"
      />
      {shown && (
        <ul className="gl-gmm-weights" aria-label="Mixing weights" data-testid="weights">
          {shown.weights.map((w, i) => (
            <li key={i} {...classAttr(i)}>
              <svg width={64} height={12} aria-hidden="true">
                <rect className="gl-gmm-bar" width={Math.max(1, 64 * w)} height={12} />
              </svg>
              <span className="gl-gmm-weight-text">
                π{'₁₂₃₄₅₆'[i] ?? i + 1} = {w.toFixed(3)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
