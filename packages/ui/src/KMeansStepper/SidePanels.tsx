import { scaleLinear } from 'd3-scale';
import { LineChart } from '../common/LineChart';
import { conceptColor } from '../common/colors';
import { fmt, STEP_TEXT, type ShownStep } from './model';
import type { KMeansModel } from './useKMeansStepper';

/** Props of {@link SidePanels}. */
export interface KMeansSideProps {
  /** The stepper's state. */
  model: KMeansModel;
  /** Each chart's size, px. */
  width: number;
  height: number;
  /** Slide mode: two columns (steps and inertia; elbow and best of 10) instead of one. */
  split?: boolean;
}

const ORDER: ShownStep['step'][] = ['initialise', 'assign', 'update', 'repeat'];

/**
 * Beside the plot: the slide's four steps with the current one marked, the inertia after
 * each step, the elbow curve (best inertia against k) and, when asked, the best of 10 runs.
 * In slide mode (`split`) the elbow and the best of 10 runs take a second column.
 */
export function SidePanels({ model, width, height, split = false }: KMeansSideProps) {
  const { run, stepIndex, shown, best } = model;
  const series = run.steps.slice(0, stepIndex + 1).flatMap((s, j) => (s.inertia === null ? [] : [[j, s.inertia] as const]));
  const xMax = Math.max(8, run.steps.length - 1);
  const first = (
    <>
      <ol className="gl-kmeans-steps" aria-label="The algorithm's steps" data-testid="steps">
        {ORDER.map((name) => (
          <li key={name} data-active={shown?.step === name ? '' : undefined} aria-current={shown?.step === name ? 'step' : undefined}>
            {STEP_TEXT[name]}
          </li>
        ))}
      </ol>
      <LineChart
        width={width}
        height={height}
        series={[
          { label: 'inertia', color: conceptColor('train'), points: series, dots: true },
          ...(best ? [{ label: 'best of 10 runs', color: conceptColor('optimum'), points: [[0, best.inertias[best.best]], [xMax, best.inertias[best.best]]] as const, dashed: true }] : []),
        ]}
        xDomain={[0, xMax]}
        xLabel="step"
        yLabel="inertia"
        emptyText="inertia after the first assignment"
        label={`Inertia after each step: ${series.length ? fmt(series[series.length - 1][1]) : 'none yet'}.`}
        testId="inertia-chart"
      />
    </>
  );
  if (!split) {
    return (
      <div className="gl-panel gl-kmeans-side" data-gl-panel="side" style={{ width }}>
        {first}
        <ElbowAndBest model={model} width={width} height={height} />
      </div>
    );
  }
  return (
    <>
      <div className="gl-panel gl-kmeans-side" data-gl-panel="side" style={{ width }}>
        {first}
      </div>
      <div className="gl-panel gl-kmeans-side" data-gl-panel="side-2" style={{ width }}>
        <ElbowAndBest model={model} width={width} height={Math.max(120, Math.min(height, 170))} />
      </div>
    </>
  );
}

/** The elbow chart and, when asked, the best of 10 runs. */
function ElbowAndBest({ model, width, height }: { model: KMeansModel; width: number; height: number }) {
  const { elbow, state, best } = model;
  return (
    <>
      <LineChart
        width={width}
        height={height}
        series={[{ label: 'best inertia', color: conceptColor('data'), points: elbow ?? [], dots: true }]}
        emptyText="computing the elbow…"
        xDomain={[1, 8]}
        xLabel="k (elbow)"
        yLabel="inertia"
        markerX={state.k}
        markerLabel={`k = ${state.k}`}
        label={elbow ? `Elbow: the best inertia for k = 1 to ${elbow.length}: ${elbow.map(([k, v]) => `${k}: ${fmt(v)}`).join(', ')}.` : 'Elbow: computing the best inertia for k = 1 to 8.'}
        testId="elbow-chart"
      />
      {best && <BestOfBars model={model} width={width} />}
    </>
  );
}

/** The final inertia of each of the 10 runs as bars; the lowest (the one kept) in green. */
function BestOfBars({ model, width }: { model: KMeansModel; width: number }) {
  const best = model.best!;
  const h = 96;
  const top = Math.max(...best.inertias.filter(Number.isFinite));
  const y = scaleLinear().domain([0, top]).range([0, h - 30]);
  const bw = (width - 8) / best.inertias.length;
  return (
    <figure className="gl-kmeans-bestof" data-testid="best-of" data-best={best.best} data-inertias={best.inertias.map(fmt).join(',')}>
      <svg width={width} height={h} role="img" aria-label={`Final inertia of 10 runs: ${best.inertias.map(fmt).join(', ')}. Run ${best.best + 1} is the best.`}>
        {best.inertias.map((v, i) => (
          <g key={i} transform={`translate(${4 + i * bw},0)`}>
            <rect className="gl-kmeans-bar" data-best={i === best.best ? '' : undefined} x={2} y={h - 16 - y(v)} width={Math.max(2, bw - 4)} height={y(v)} />
            <text className="gl-kmeans-bar-label" x={bw / 2} y={h - 4} textAnchor="middle">
              {i + 1}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        Best of 10 runs (n_init = 10): run {best.best + 1}, inertia {fmt(best.inertias[best.best])}; worst {fmt(top)}.
      </figcaption>
    </figure>
  );
}
