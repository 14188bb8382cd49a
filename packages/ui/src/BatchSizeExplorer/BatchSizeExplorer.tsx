import { makeLine, minimizeSteps, mseLineObjective, type OptimizerStep } from '@geolearn/algorithms';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useEffect, useId, useMemo, useRef, type CSSProperties } from 'react';
import { Axis } from '../common/Axis';
import { drawFilledContours, logThresholds, sampleField } from '../common/field';
import { LineChart, SERIES_COLORS, formatNumber } from '../common/LineChart';
import { Tex } from '../common/Tex';
import { buttonStyle, cssVar, rootStyle } from '../common/theme';
import { useControllableState } from '../hooks/useControllableState';
import { usePlayback } from '../hooks/usePlayback';
import { LogSlider, PlaybackButtons } from '../common/controls';
import { prepareCanvas } from '../common/canvas';

/** The explainer's state: plain JSON, so it can live in a permalink. */
export interface BatchSizeExplorerState {
  /** Samples per step of the mini-batch run (full batch uses all N, stochastic uses 1). */
  batchSize: number;
  /** Learning rate η, the same for the three runs. */
  learningRate: number;
  /** Epochs (passes over the data) run so far. */
  epochs: number;
}

/** Props of {@link BatchSizeExplorer}. */
export interface BatchSizeExplorerProps {
  /** Width in px. Default 760. */
  width?: number;
  /** Height of the pictures in px. Default 360. */
  height?: number;
  /** Seed of the data and of the shuffles. Default 0. */
  seed?: number;
  /** Number of samples N. Default 64. */
  nSamples?: number;
  /** Most epochs. Default 20. */
  maxEpochs?: number;
  /** Modelled cost of one update, ms (overhead: a call, a kernel launch). Default 0.5. */
  stepCost?: number;
  /** Modelled cost per sample in a batch, ms. Default 0.02. */
  sampleCost?: number;
  /** Controlled state. */
  value?: BatchSizeExplorerState;
  /** Initial state when uncontrolled. */
  defaultValue?: Partial<BatchSizeExplorerState>;
  /** Called with every new state. */
  onValueChange?: (state: BatchSizeExplorerState) => void;
  /** Accessible name. Default "Batch size". */
  label?: string;
  /** Class of the root element. */
  className?: string;
  /** Style of the root element (set `--gl-*` variables here to theme it). */
  style?: CSSProperties;
}

const M = { top: 10, right: 10, bottom: 40, left: 48 };
const BATCH_SIZES = [2, 4, 8, 16, 32];

/** Path length over straight distance from θ₀ to θ: 1 for a straight path, larger for a noisy one. */
export function pathTortuosity(steps: readonly OptimizerStep[]): number {
  let len = 0;
  for (let k = 1; k < steps.length; k++) len += Math.hypot(steps[k].params[0] - steps[k - 1].params[0], steps[k].params[1] - steps[k - 1].params[1]);
  const a = steps[0].params;
  const b = steps[steps.length - 1].params;
  const d = Math.hypot(b[0] - a[0], b[1] - a[1]);
  return d > 0 ? len / d : 1;
}

/**
 * Full-batch, stochastic and mini-batch gradient descent on the same least-squares line fit.
 * The full-batch gradient (1/N) Σᵢ ∇𝓛⁽ⁱ⁾(θ) is exact; a batch of B samples estimates it,
 * more noisily for smaller B, but takes N/B steps per epoch. The loss is drawn per epoch and
 * per (modelled) second: each step costs c₀ + B·c₁.
 */
export function BatchSizeExplorer({
  width = 760,
  height = 360,
  seed = 0,
  nSamples = 64,
  maxEpochs = 20,
  stepCost = 0.5,
  sampleCost = 0.02,
  value,
  defaultValue,
  onValueChange,
  label = 'Batch size',
  className,
  style,
}: BatchSizeExplorerProps) {
  const id = useId();
  const [state, setState] = useControllableState<BatchSizeExplorerState>({
    value,
    defaultValue: { batchSize: 8, learningRate: 0.1, epochs: 0, ...defaultValue },
    onChange: onValueChange,
  });
  const objective = useMemo(() => {
    const d = makeLine({ nSamples, slope: 2, intercept: 1, noise: 1.5, xRange: [-2, 2], randomState: seed });
    return mseLineObjective(d.x, d.y);
  }, [nSamples, seed]);
  const domain = objective.domain!;
  const start: [number, number] = [domain[0] + 0.1 * (domain[1] - domain[0]), domain[2] + 0.9 * (domain[3] - domain[2])];
  const epochs = Math.min(state.epochs, maxEpochs);
  const methods = useMemo(
    () =>
      [
        { key: 'full', name: 'Full batch', batch: nSamples, color: SERIES_COLORS[1] },
        { key: 'stochastic', name: 'Stochastic (B = 1)', batch: 1, color: SERIES_COLORS[0] },
        { key: 'mini', name: `Mini-batch (B = ${state.batchSize})`, batch: Math.min(nSamples, Math.max(1, Math.round(state.batchSize))), color: SERIES_COLORS[4] },
      ] as const,
    [nSamples, state.batchSize],
  );
  const runs = useMemo(
    () =>
      methods.map((m) => {
        const perEpoch = Math.ceil(nSamples / m.batch);
        const steps: OptimizerStep[] = [];
        const it = minimizeSteps(objective, start, { learningRate: state.learningRate, batchSize: m.batch, maxIter: epochs * perEpoch, randomState: seed });
        for (const s of it) steps.push(s);
        const msPerStep = stepCost + m.batch * sampleCost;
        return { ...m, steps, perEpoch, msPerStep };
      }),
    // start is derived from the objective's domain.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [methods, objective, state.learningRate, epochs, seed, stepCost, sampleCost, nSamples],
  );
  const done = epochs >= maxEpochs;

  const mapW = Math.round(Math.min(height, width * 0.4));
  const chartW = Math.max(180, Math.floor((width - mapW - 2 * 12) / 2));
  const pw = mapW - M.left - M.right;
  const ph = height - M.top - M.bottom;
  const xs = useMemo(() => scaleLinear().domain([domain[0], domain[1]]).range([0, pw]), [domain, pw]);
  const ys = useMemo(() => scaleLinear().domain([domain[2], domain[3]]).range([ph, 0]), [domain, ph]);
  const field = useMemo(() => sampleField((t) => objective.loss(t), domain, 100, 100), [objective, domain]);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = prepareCanvas(canvasRef.current, pw, ph);
    if (!ctx) return;
    drawFilledContours(ctx, field, pw, ph, logThresholds(field));
  }, [field, pw, ph]);

  const figureRef = useRef<HTMLElement>(null);
  const { playing, setPlaying, stats } = usePlayback({
    done,
    target: figureRef,
    interval: 150,
    onFrame: () => setState((s) => ({ ...s, epochs: Math.min(maxEpochs, s.epochs + 1) })),
  });

  const path = line<OptimizerStep>()
    .x((s) => xs(s.params[0]))
    .y((s) => ys(s.params[1]));
  const summary = runs.map((r) => {
    const last = r.steps[r.steps.length - 1];
    return { ...r, last, noise: pathTortuosity(r.steps), ms: (r.steps.length - 1) * r.msPerStep };
  });
  const status =
    `Epoch ${epochs} of ${maxEpochs} · ` +
    summary.map((r) => `${r.name}: ${r.last.diverged ? `diverged at step ${r.last.divergedAt}` : `𝓛 = ${formatNumber(r.last.loss)}`}`).join(' · ');
  const opt = objective.minimum!;

  return (
    <figure
      ref={figureRef}
      className={className}
      aria-labelledby={`${id}-title`}
      style={rootStyle({ margin: 0, display: 'inline-flex', flexDirection: 'column', gap: 8, maxWidth: '100%', ...style })}
    >
      <div id={`${id}-title`} style={{ fontWeight: 600 }}>{label}</div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-start' }}>
        <div style={{ position: 'relative', width: mapW, height }}>
          <canvas ref={canvasRef} aria-hidden="true" style={{ position: 'absolute', left: M.left, top: M.top, width: pw, height: ph }} />
          <svg
            width={mapW}
            height={height}
            role="img"
            aria-label={`Contours of the loss over the slope a and intercept b, with the three paths after ${epochs} epochs.`}
            style={{ position: 'absolute', inset: 0, overflow: 'visible' }}
          >
            <g transform={`translate(${M.left},${M.top})`}>
              <Axis scale={xs} orient="bottom" offset={ph} label="slope a" ticks={4} />
              <Axis scale={ys} orient="left" offset={0} label="intercept b" ticks={4} />
              <svg width={pw} height={ph} overflow="hidden">
                <path d={`M${xs(opt[0]) - 6},${ys(opt[1]) - 6}l12,12m0,-12l-12,12`} stroke={cssVar('--gl-optimum')} strokeWidth={3} />
                {summary.map((r) => (
                  <g key={r.key}>
                    <path d={path(r.steps) ?? ''} fill="none" stroke="#fff" strokeWidth={3} strokeOpacity={0.7} />
                    <path d={path(r.steps) ?? ''} fill="none" stroke={r.color} strokeWidth={1.5} data-testid={`path-${r.key}`} data-points={r.steps.length} />
                  </g>
                ))}
                <circle cx={xs(start[0])} cy={ys(start[1])} r={6} fill="#fff" stroke={cssVar('--gl-fg')} strokeWidth={2} />
              </svg>
            </g>
          </svg>
        </div>
        <LineChart
          width={chartW}
          height={height}
          logY
          series={summary.map((r) => ({ label: r.name, color: r.color, points: r.steps.map((s) => [s.epoch, s.loss] as const) }))}
          xDomain={[0, Math.max(1, epochs)]}
          xLabel="epoch"
          yLabel="loss 𝓛"
          label={`Loss per epoch: ${summary.map((r) => `${r.name} ${formatNumber(r.last.loss)}`).join(', ')}.`}
          testId="loss-per-epoch"
        />
        <LineChart
          width={chartW}
          height={height}
          logY
          series={summary.map((r) => ({ label: r.name, color: r.color, points: r.steps.map((s, k) => [k * r.msPerStep, s.loss] as const) }))}
          xDomain={[0, Math.max(1, ...summary.map((r) => r.ms))]}
          xLabel="modelled compute time (ms)"
          yLabel="loss 𝓛"
          label={`Loss against modelled compute time: ${summary.map((r) => `${r.name} ${formatNumber(r.ms)} ms`).join(', ')}.`}
          testId="loss-per-second"
        />
      </div>
      <table style={{ borderCollapse: 'collapse', fontVariantNumeric: 'tabular-nums', fontSize: 14 }} data-testid="summary">
        <thead>
          <tr>
            {['Method', 'Steps per epoch', 'Steps', 'Loss 𝓛', 'Path noise (length ÷ distance)', 'Modelled time'].map((h) => (
              <th key={h} scope="col" style={{ textAlign: 'left', padding: '2px 10px 2px 0', borderBottom: `1px solid ${cssVar('--gl-border')}` }}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {summary.map((r) => (
            <tr key={r.key}>
              <th scope="row" style={{ textAlign: 'left', padding: '2px 10px 2px 0', fontWeight: 400 }}>
                <span aria-hidden="true" style={{ display: 'inline-block', width: 14, height: 4, background: r.color, marginRight: 6, verticalAlign: 'middle' }} />
                {r.name}
              </th>
              <td>{r.perEpoch}</td>
              <td>{r.steps.length - 1}</td>
              <td data-testid={`loss-${r.key}`}>{r.last.diverged ? `diverged at step ${r.last.divergedAt}` : formatNumber(r.last.loss)}</td>
              <td data-testid={`noise-${r.key}`}>{formatNumber(r.noise)}</td>
              <td>{formatNumber(r.ms)} ms</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div role="group" aria-label="Controls" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <PlaybackButtons
          stepLabel="Step one epoch"
          onStep={() => setState((s) => ({ ...s, epochs: Math.min(maxEpochs, s.epochs + 1) }))}
          onTogglePlay={() => setPlaying((p) => !p)}
          onReset={() => {
            setPlaying(false);
            setState((s) => ({ ...s, epochs: 0 }));
          }}
          playing={playing}
          done={done}
        />
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6, minHeight: 44 }}>
          Mini-batch size B
          <select value={state.batchSize} onChange={(e) => setState((s) => ({ ...s, batchSize: Number(e.target.value) }))} style={{ ...buttonStyle, padding: '0 8px' }}>
            {BATCH_SIZES.filter((b) => b < nSamples).map((b) => (
              <option key={b} value={b}>{b}</option>
            ))}
          </select>
        </label>
        <LogSlider label="Learning rate η" value={state.learningRate} onChange={(learningRate) => setState((s) => ({ ...s, learningRate }))} />
      </div>
      <output aria-live="polite" data-testid="status" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {status}
      </output>
      {playing && (
        <small aria-hidden="true" style={{ color: cssVar('--gl-muted') }}>
          {stats.fps.toFixed(0)} FPS · {stats.frameTime.toFixed(1)} ms per frame
        </small>
      )}
      <figcaption style={{ display: 'grid', gap: 4 }}>
        <Tex block>{String.raw`\text{full batch: } \frac{\partial\mathcal{L}}{\partial\theta}=\frac{1}{N}\sum_{i=1}^{N}\frac{\partial\mathcal{L}^{(i)}}{\partial\theta}\qquad \text{mini-batch } \mathcal{B}: \ \frac{1}{B}\sum_{i\in\mathcal{B}}\frac{\partial\mathcal{L}^{(i)}}{\partial\theta}`}</Tex>
        <Tex block>{String.raw`\theta \leftarrow \theta-\eta\,\widehat{\nabla\mathcal{L}}(\theta),\quad \text{time per step } = c_0 + B\,c_1 = ${stepCost} + B\cdot${sampleCost}\ \text{ms}`}</Tex>
      </figcaption>
    </figure>
  );
}
