import { gridSearch, makeLine, minimizeSteps, mseLineObjective, randomSearch, type Objective, type OptimizerStep } from '@geolearn/algorithms';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useEffect, useId, useMemo, useRef, type CSSProperties, type ReactNode } from 'react';
import { Axis } from '../common/Axis';
import { drawFilledContours, logThresholds, sampleField, type Field } from '../common/field';
import { SERIES_COLORS, formatNumber } from '../common/LineChart';
import { Tex } from '../common/Tex';
import { buttonStyle, cssVar, rootStyle } from '../common/theme';
import { useControllableState } from '../hooks/useControllableState';
import { usePlayback } from '../hooks/usePlayback';
import { PlaybackButtons } from '../common/controls';
import { prepareCanvas } from '../common/canvas';

/** The explainer's state: plain JSON, so it can live in a permalink. */
export interface SearchComparisonState {
  /** Grid values per parameter of the grid search (it costs its square). */
  gridPoints: number;
  /** Random θ drawn by the random search. */
  randomSamples: number;
  /** Learning rate η of gradient descent. */
  learningRate: number;
  /** Loss evaluations shown so far, for the animation; absent shows every evaluation. */
  shown?: number;
  /** The slide's cost arithmetic: seconds per loss evaluation. */
  secondsPerEvaluation: number;
  /** The slide's cost arithmetic: grid values per parameter. */
  valuesPerParameter: number;
}

/** Props of {@link SearchComparison}. */
export interface SearchComparisonProps {
  /** Width in px. Default 780. */
  width?: number;
  /** Height of the three maps in px. Default 280. */
  height?: number;
  /** Seed of the data and of the random search. Default 0. */
  seed?: number;
  /** Controlled state. */
  value?: SearchComparisonState;
  /** Initial state when uncontrolled. */
  defaultValue?: Partial<SearchComparisonState>;
  /** Called with every new state. */
  onValueChange?: (state: SearchComparisonState) => void;
  /** Accessible name. Default "Grid search, random search and gradient descent". */
  label?: string;
  /** Class of the root element. */
  className?: string;
  /** Style of the root element (set `--gl-*` variables here to theme it). */
  style?: CSSProperties;
}

/** A duration in the unit a person would say: s, min, h, days or years. */
export function humanDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '∞';
  const units: [number, string][] = [
    [365.25 * 86400, 'years'],
    [86400, 'days'],
    [3600, 'hours'],
    [60, 'minutes'],
  ];
  for (const [s, name] of units) if (seconds >= s) return `${formatNumber(seconds / s)} ${name}`;
  return `${formatNumber(seconds)} s`;
}

/** Cost of an exhaustive grid: k values per parameter, d parameters, t seconds each: kᵈ evaluations, kᵈ·t seconds. */
export function gridSearchCost(valuesPerParameter: number, parameters: number, secondsPerEvaluation: number) {
  const evaluations = valuesPerParameter ** parameters;
  return { evaluations, seconds: evaluations * secondsPerEvaluation };
}

const M = { top: 10, right: 10, bottom: 40, left: 44 };
/** Whole counts with thousands separators up to ten million, then in exponent form. */
const formatCount = (n: number) => (n < 1e7 ? Math.round(n).toLocaleString('en-US') : n.toExponential(2));
const formatSeconds = (s: number) => (s >= 1 && s < 1e7 && Math.abs(s - Math.round(s)) < 1e-6 ? formatCount(s) : formatNumber(s));
const superscript = (n: number) => String(n).replace(/\d/g, (c) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(c)]);

interface MapProps {
  width: number;
  height: number;
  field: Field;
  domain: readonly [number, number, number, number];
  title: string;
  children: (xs: (v: number) => number, ys: (v: number) => number) => ReactNode;
  summary: string;
  testId: string;
  count: number;
}

/** One method's map: the loss contours (canvas) with the θ it evaluated (SVG). */
function SearchMap({ width, height, field, domain, title, children, summary, testId, count }: MapProps) {
  const pw = Math.max(20, width - M.left - M.right);
  const ph = Math.max(20, height - M.top - M.bottom);
  const xs = scaleLinear().domain([domain[0], domain[1]]).range([0, pw]);
  const ys = scaleLinear().domain([domain[2], domain[3]]).range([ph, 0]);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = prepareCanvas(canvasRef.current, pw, ph);
    if (!ctx) return;
    drawFilledContours(ctx, field, pw, ph, logThresholds(field), (t) => `rgb(${Math.round(255 - 70 * (1 - t))},${Math.round(255 - 55 * (1 - t))},${Math.round(255 - 20 * (1 - t))})`);
  }, [field, pw, ph]);
  return (
    <div style={{ width, display: 'grid', gap: 2 }}>
      <div style={{ fontWeight: 600, fontSize: 14 }}>{title}</div>
      <div style={{ position: 'relative', width, height }}>
        <canvas ref={canvasRef} aria-hidden="true" style={{ position: 'absolute', left: M.left, top: M.top, width: pw, height: ph }} />
        <svg width={width} height={height} role="img" aria-label={`${title}: ${summary}`} data-testid={testId} data-count={count} style={{ position: 'absolute', inset: 0, overflow: 'visible' }}>
          <g transform={`translate(${M.left},${M.top})`}>
            <Axis scale={xs} orient="bottom" offset={ph} label="slope a" ticks={4} />
            <Axis scale={ys} orient="left" offset={0} label="intercept b" ticks={4} />
            <svg width={pw} height={ph} overflow="hidden">
              {children(xs, ys)}
            </svg>
          </g>
        </svg>
      </div>
      <div style={{ fontSize: 13, fontVariantNumeric: 'tabular-nums' }} data-testid={`${testId}-summary`}>{summary}</div>
    </div>
  );
}

function bestOf(evals: ReadonlyArray<{ params: readonly number[]; loss: number }>) {
  let best = evals[0];
  for (const e of evals) if (e.loss < best.loss) best = e;
  return best;
}

/**
 * How do we minimise the loss? The slides' three answers on the same line fit
 * 𝓛(a, b) = (1/N) Σ (a xᵢ + b − yᵢ)²: an exhaustive grid (kᵈ evaluations), random search
 * (as many as you pay for) and gradient descent (one evaluation and one gradient per step),
 * with the count of loss evaluations each used and the slide's cost arithmetic done live.
 */
export function SearchComparison({
  width = 780,
  height = 280,
  seed = 0,
  value,
  defaultValue,
  onValueChange,
  label = 'Grid search, random search and gradient descent',
  className,
  style,
}: SearchComparisonProps) {
  const id = useId();
  const [state, setState] = useControllableState<SearchComparisonState>({
    value,
    defaultValue: { gridPoints: 10, randomSamples: 100, learningRate: 0.1, secondsPerEvaluation: 0.1, valuesPerParameter: 100, ...defaultValue },
    onChange: onValueChange,
  });
  const objective: Objective = useMemo(() => {
    const d = makeLine({ nSamples: 30, slope: 2, intercept: 1, noise: 1.5, xRange: [-2, 3], randomState: seed });
    return mseLineObjective(d.x, d.y);
  }, [seed]);
  const domain = objective.domain!;
  const field = useMemo(() => sampleField((t) => objective.loss(t), domain, 80, 80), [objective, domain]);
  const bounds: [number, number][] = useMemo(
    () => [
      [domain[0], domain[1]],
      [domain[2], domain[3]],
    ],
    [domain],
  );
  const grid = useMemo(() => gridSearch(objective, { bounds, nPoints: state.gridPoints }), [objective, bounds, state.gridPoints]);
  const random = useMemo(() => randomSearch(objective, { bounds, nIter: state.randomSamples, randomState: seed }), [objective, bounds, state.randomSamples, seed]);
  const gd = useMemo(() => {
    const steps: OptimizerStep[] = [];
    const start = [domain[0] + 0.1 * (domain[1] - domain[0]), domain[2] + 0.9 * (domain[3] - domain[2])];
    for (const s of minimizeSteps(objective, start, { learningRate: state.learningRate, maxIter: 300, tol: 0.01 })) steps.push(s);
    return steps;
  }, [objective, domain, state.learningRate]);
  const total = Math.max(grid.nLossEvaluations, random.nLossEvaluations, gd.length);
  const shown = state.shown === undefined ? total : Math.max(0, Math.min(total, state.shown));
  const done = shown >= total;
  const gridShown = grid.evaluations.slice(0, shown);
  const randomShown = random.evaluations.slice(0, shown);
  const gdShown = gd.slice(0, Math.max(1, shown));
  const gdLast = gdShown[gdShown.length - 1];
  const optimum = objective.minimum!;
  const optLoss = objective.loss(optimum);

  const figureRef = useRef<HTMLElement>(null);
  const { playing, setPlaying, stats } = usePlayback({
    done,
    target: figureRef,
    interval: 40,
    onFrame: () => setState((s) => ({ ...s, shown: Math.min(total, (s.shown ?? total) + Math.max(1, Math.round(total / 80))) })),
  });

  const mapW = Math.floor((width - 2 * 12) / 3);
  const summary = (n: number, best: { loss: number } | undefined) => `${n} loss evaluations · best 𝓛 = ${best ? formatNumber(best.loss) : '–'}`;
  const gdSummary = gdLast.diverged
    ? `diverged at step ${gdLast.divergedAt} (${gdShown.length} loss evaluations)`
    : `${gdShown.length} loss evaluations + ${gdShown.length - 1} gradients · 𝓛 = ${formatNumber(gdLast.loss)}`;
  const cost = (d: number) => gridSearchCost(state.valuesPerParameter, d, state.secondsPerEvaluation);
  const k = state.valuesPerParameter;
  const t = state.secondsPerEvaluation;
  const dot = (xs: (v: number) => number, ys: (v: number) => number, e: { params: readonly number[] }, i: number, color: string) => (
    <circle key={i} cx={xs(e.params[0])} cy={ys(e.params[1])} r={2.5} fill={color} />
  );
  const bestMark = (xs: (v: number) => number, ys: (v: number) => number, p: readonly number[] | undefined) =>
    p ? <circle cx={xs(p[0])} cy={ys(p[1])} r={7} fill="none" stroke={cssVar('--gl-fg')} strokeWidth={2.5} /> : null;
  const optMark = (xs: (v: number) => number, ys: (v: number) => number) => (
    <path d={`M${xs(optimum[0]) - 6},${ys(optimum[1]) - 6}l12,12m0,-12l-12,12`} stroke={cssVar('--gl-optimum')} strokeWidth={3} />
  );
  const gridBest = gridShown.length ? bestOf(gridShown) : undefined;
  const randomBest = randomShown.length ? bestOf(randomShown) : undefined;

  return (
    <figure
      ref={figureRef}
      className={className}
      aria-labelledby={`${id}-title`}
      style={rootStyle({ margin: 0, display: 'inline-flex', flexDirection: 'column', gap: 8, maxWidth: '100%', ...style })}
    >
      <div id={`${id}-title`} style={{ fontWeight: 600 }}>{label}</div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
        <SearchMap width={mapW} height={height} field={field} domain={domain} title={`Grid search (${state.gridPoints} × ${state.gridPoints})`} summary={summary(gridShown.length, gridBest)} testId="grid" count={gridShown.length}>
          {(xs, ys) => (
            <>
              {optMark(xs, ys)}
              {gridShown.map((e, i) => dot(xs, ys, e, i, SERIES_COLORS[1]))}
              {bestMark(xs, ys, gridBest?.params)}
            </>
          )}
        </SearchMap>
        <SearchMap width={mapW} height={height} field={field} domain={domain} title={`Random search (${state.randomSamples} draws)`} summary={summary(randomShown.length, randomBest)} testId="random" count={randomShown.length}>
          {(xs, ys) => (
            <>
              {optMark(xs, ys)}
              {randomShown.map((e, i) => dot(xs, ys, e, i, SERIES_COLORS[2]))}
              {bestMark(xs, ys, randomBest?.params)}
            </>
          )}
        </SearchMap>
        <SearchMap width={mapW} height={height} field={field} domain={domain} title={`Gradient descent (η = ${state.learningRate})`} summary={gdSummary} testId="gd" count={gdShown.length}>
          {(xs, ys) => (
            <>
              {optMark(xs, ys)}
              <path
                d={
                  line<OptimizerStep>()
                    .x((s) => xs(s.params[0]))
                    .y((s) => ys(s.params[1]))(gdShown) ?? ''
                }
                fill="none"
                stroke={SERIES_COLORS[0]}
                strokeWidth={2}
              />
              {gdShown.map((e, i) => dot(xs, ys, e, i, SERIES_COLORS[0]))}
            </>
          )}
        </SearchMap>
      </div>
      <div role="group" aria-label="Controls" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <PlaybackButtons
          onStep={() => setState((s) => ({ ...s, shown: Math.min(total, (s.shown ?? total) >= total ? 1 : (s.shown ?? 0) + 1) }))}
          onTogglePlay={() => {
            if (!playing && done) setState((s) => ({ ...s, shown: 0 }));
            setPlaying((p) => !p);
          }}
          onReset={() => {
            setPlaying(false);
            setState((s) => ({ ...s, shown: 0 }));
          }}
          playing={playing}
        />
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          Grid values per parameter
          <input type="range" min={2} max={30} step={1} value={state.gridPoints} onChange={(e) => setState((s) => ({ ...s, gridPoints: Number(e.target.value), shown: undefined }))} style={{ minHeight: 44 }} />
          <span style={{ minWidth: 24, fontVariantNumeric: 'tabular-nums' }}>{state.gridPoints}</span>
        </label>
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          Random draws
          <input type="range" min={5} max={900} step={5} value={state.randomSamples} onChange={(e) => setState((s) => ({ ...s, randomSamples: Number(e.target.value), shown: undefined }))} style={{ minHeight: 44 }} />
          <span style={{ minWidth: 32, fontVariantNumeric: 'tabular-nums' }}>{state.randomSamples}</span>
        </label>
      </div>
      <output aria-live="polite" data-testid="status" style={{ fontVariantNumeric: 'tabular-nums' }}>
        Loss evaluations: grid {gridShown.length}, random {randomShown.length}, gradient descent {gdShown.length}. The least-squares optimum θ* has 𝓛 = {formatNumber(optLoss)}.
      </output>
      {playing && (
        <small aria-hidden="true" style={{ color: cssVar('--gl-muted') }}>
          {stats.fps.toFixed(0)} FPS · {stats.frameTime.toFixed(1)} ms per frame
        </small>
      )}
      <section aria-labelledby={`${id}-cost`} style={{ display: 'grid', gap: 6 }}>
        <div id={`${id}-cost`} style={{ fontWeight: 600 }}>What an exhaustive grid costs</div>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'center' }}>
          <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
            Seconds per evaluation
            <input
              type="number"
              min={0.001}
              step={0.01}
              value={t}
              onChange={(e) => {
                const v = Number(e.target.value);
                if (v > 0) setState((s) => ({ ...s, secondsPerEvaluation: v }));
              }}
              style={{ ...buttonStyle, width: 90, padding: '0 8px' }}
            />
          </label>
          <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
            Values per parameter
            <input
              type="number"
              min={2}
              step={1}
              value={k}
              onChange={(e) => {
                const v = Math.round(Number(e.target.value));
                if (v >= 2) setState((s) => ({ ...s, valuesPerParameter: v }));
              }}
              style={{ ...buttonStyle, width: 90, padding: '0 8px' }}
            />
          </label>
        </div>
        <ul style={{ margin: 0, paddingLeft: 20, fontVariantNumeric: 'tabular-nums' }}>
          {[2, 5].map((d) => (
            <li key={d} data-testid={`cost-${d}`}>
              {d} parameters: {k}
              {superscript(d)} = {formatCount(cost(d).evaluations)} evaluations × {t} s = {formatSeconds(cost(d).seconds)} s ≈ <strong>{humanDuration(cost(d).seconds)}</strong>
            </li>
          ))}
        </ul>
        <div style={{ fontSize: 14 }}>
          Random search costs what you choose to spend (here {state.randomSamples} evaluations ≈ {humanDuration(state.randomSamples * t)}), whatever the
          number of parameters; gradient descent used {gdShown.length} evaluations ≈ {humanDuration(gdShown.length * t)}, plus a gradient per step.
        </div>
      </section>
      <figcaption style={{ display: 'grid', gap: 4 }}>
        <Tex block>{String.raw`\mathcal{L}(a,b)=\frac{1}{N}\sum_{i=1}^{N}\bigl(a\,x_i+b-y_i\bigr)^2,\qquad \theta^*=\operatorname{argmin}_\theta\mathcal{L}(\theta)`}</Tex>
        <Tex block>{String.raw`\text{grid: } k^d \text{ evaluations}\qquad \text{gradient descent: } \theta\leftarrow\theta-\eta\nabla\mathcal{L}(\theta)`}</Tex>
      </figcaption>
    </figure>
  );
}
