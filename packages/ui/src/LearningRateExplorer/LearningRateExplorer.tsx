import { minimizeSteps, quadraticObjective, type Objective, type OptimizerStep } from '@geolearn/algorithms';
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { useEffect, useId, useMemo, useRef, type CSSProperties } from 'react';
import { drawFilledContours, logThresholds, sampleField, type Field } from '../common/field';
import { LineChart, SERIES_COLORS, formatNumber } from '../common/LineChart';
import { Tex } from '../common/Tex';
import { buttonStyle, cssVar, rootStyle } from '../common/theme';
import { useControllableState } from '../hooks/useControllableState';
import { usePlayback } from '../hooks/usePlayback';
import { LogSlider, PlaybackButtons } from '../common/controls';
import { prepareCanvas } from '../common/canvas';

/** The explainer's state: plain JSON, so it can live in a permalink. */
export interface LearningRateExplorerState {
  /** Your learning rate η. */
  learningRate: number;
  /** The 1-D parabola 𝓛(θ) = ½Lθ² or the 2-D bowl. */
  problem: 'parabola' | 'bowl';
  /** Steps taken by every run. */
  iteration: number;
}

/** Props of {@link LearningRateExplorer}. */
export interface LearningRateExplorerProps {
  /** Width in px. Default 760. */
  width?: number;
  /** Height of the pictures in px (controls and maths come below). Default 480. */
  height?: number;
  /** The curvature L: the parabola's second derivative, the bowl's largest Hessian eigenvalue. Default 4 (so 2/L = 0.5). */
  curvature?: number;
  /** Most steps. Default 40. */
  maxIterations?: number;
  /** Controlled state. */
  value?: LearningRateExplorerState;
  /** Initial state when uncontrolled. */
  defaultValue?: Partial<LearningRateExplorerState>;
  /** Called with every new state. */
  onValueChange?: (state: LearningRateExplorerState) => void;
  /** Accessible name. Default "Learning rate". */
  label?: string;
  /** Class of the root element. */
  className?: string;
  /** Style of the root element (set `--gl-*` variables here to theme it). */
  style?: CSSProperties;
}

/** How a learning rate behaves on a quadratic of curvature L. */
export type LearningRateRegime = 'too-small' | 'good' | 'too-large' | 'diverging';

/**
 * On a quadratic, one GD step multiplies the distance to θ* by (1 − ηλ) along each
 * eigenvector: it shrinks for 0 < ηL < 2, alternates in sign once ηL > 1 and grows once
 * ηL > 2. So η < 0.3/L crawls, η up to 1.5/L is good, up to 2/L it oscillates, beyond diverges.
 */
export function learningRateRegime(eta: number, L: number): LearningRateRegime {
  const r = eta * L;
  if (r > 2) return 'diverging';
  if (r > 1.5) return 'too-large';
  if (r >= 0.3) return 'good';
  return 'too-small';
}

const REGIME_TEXT: Record<LearningRateRegime, string> = {
  'too-small': 'too small: slow',
  good: 'good',
  'too-large': 'too large: oscillating',
  diverging: 'diverging',
};

/** The four preset runs, as fractions of the largest stable η = 2/L. */
const PRESETS: { fraction: number; title: string }[] = [
  { fraction: 0.04, title: 'Too small' },
  { fraction: 0.6, title: 'Good' },
  { fraction: 0.94, title: 'Too large' },
  { fraction: 1.4, title: 'Diverging' },
];

function parabola(L: number): Objective {
  return {
    dim: 1,
    name: 'parabola',
    minimum: [0],
    loss: (t) => 0.5 * L * t[0] * t[0],
    grad: (t) => Float64Array.of(L * t[0]),
  };
}

const START_1D = [2.5];
const START_2D = [-2.2, 2];
const BOX = [-3, 3, -3, 3] as const;

function runOf(objective: Objective, start: number[], eta: number, n: number): OptimizerStep[] {
  const out: OptimizerStep[] = [];
  for (const s of minimizeSteps(objective, start, { learningRate: eta, maxIter: n })) out.push(s);
  return out;
}

/** The text under a run: its loss so far, or where it diverged. */
function runStatus(steps: OptimizerStep[]): string {
  const last = steps[steps.length - 1];
  return last.diverged ? `diverged at step ${last.divergedAt}` : `step ${last.iteration} · 𝓛 = ${formatNumber(last.loss)}`;
}

interface PanelProps {
  width: number;
  height: number;
  problem: 'parabola' | 'bowl';
  L: number;
  field: Field;
  steps: OptimizerStep[];
  color: string;
  title: string;
  testId: string;
}

/** One run drawn on its problem: iterates on the parabola, or the path on the bowl's contours. */
function RunPanel({ width, height, problem, L, field, steps, color, title, testId }: PanelProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const w = Math.max(40, width);
  const h = Math.max(40, height - 40);
  useEffect(() => {
    if (problem !== 'bowl') return;
    const ctx = prepareCanvas(canvasRef.current, w, h);
    if (!ctx) return;
    drawFilledContours(ctx, field, w, h, logThresholds(field, 10));
  }, [problem, field, w, h]);
  const last = steps[steps.length - 1];
  const status = runStatus(steps);
  let picture;
  if (problem === 'parabola') {
    const xs = scaleLinear().domain([-4, 4]).range([6, w - 6]);
    const ys = scaleLinear().domain([0, 0.5 * L * 16]).range([h - 6, 6]);
    const curve = line<number>()
      .x((t) => xs(t))
      .y((t) => ys(0.5 * L * t * t))(Array.from({ length: 81 }, (_, k) => -4 + k / 10));
    const pts = steps.map((s) => [xs(s.params[0]), ys(s.loss)] as const);
    picture = (
      <>
        <path d={curve ?? ''} fill="none" stroke={cssVar('--gl-muted')} strokeWidth={2} />
        <line x1={xs(0)} x2={xs(0)} y1={6} y2={h - 6} stroke={cssVar('--gl-border')} />
        <path d={line()(pts as [number, number][]) ?? ''} fill="none" stroke={color} strokeWidth={1.5} />
        {pts.map(([x, y], i) => (
          <circle key={i} cx={x} cy={y} r={3} fill={color} />
        ))}
      </>
    );
  } else {
    const xs = scaleLinear().domain([BOX[0], BOX[1]]).range([0, w]);
    const ys = scaleLinear().domain([BOX[2], BOX[3]]).range([h, 0]);
    const d = line<OptimizerStep>()
      .x((s) => xs(s.params[0]))
      .y((s) => ys(s.params[1]))(steps);
    picture = (
      <>
        <path d={d ?? ''} fill="none" stroke="#fff" strokeWidth={3.5} />
        <path d={d ?? ''} fill="none" stroke={color} strokeWidth={2} />
        {steps.map((s) => (
          <circle key={s.iteration} cx={xs(s.params[0])} cy={ys(s.params[1])} r={2.5} fill={color} stroke="#fff" strokeWidth={0.8} />
        ))}
      </>
    );
  }
  return (
    <div style={{ width: w, display: 'grid', gap: 2 }}>
      <div style={{ fontSize: 13, fontWeight: 600 }}>{title}</div>
      <div style={{ position: 'relative', width: w, height: h, background: cssVar('--gl-surface'), border: `1px solid ${cssVar('--gl-border')}` }}>
        {problem === 'bowl' && <canvas ref={canvasRef} aria-hidden="true" style={{ position: 'absolute', inset: 0, width: w, height: h }} />}
        <svg width={w} height={h} role="img" aria-label={`${title}: ${status}.`} style={{ position: 'absolute', inset: 0 }} data-testid={testId} data-points={steps.length}>
          <svg width={w} height={h} overflow="hidden">
            {picture}
          </svg>
          {last.diverged && (
            <text x={w / 2} y={h / 2} textAnchor="middle" fontSize={15} fontWeight={700} fill={cssVar('--gl-path')} stroke={cssVar('--gl-bg')} strokeWidth={4} paintOrder="stroke">
              diverged at step {last.divergedAt}
            </text>
          )}
        </svg>
      </div>
      <div data-testid={`${testId}-status`} data-diverged={last.diverged} style={{ fontSize: 13, fontVariantNumeric: 'tabular-nums', color: last.diverged ? cssVar('--gl-path') : undefined, fontWeight: last.diverged ? 700 : undefined }}>
        {status}
      </div>
    </div>
  );
}

/**
 * The learning rate η of θ ← θ − η∇𝓛(θ), explored on a quadratic of curvature L: your η
 * on a log slider, beside four runs that show the regimes of the slides — too small (slow),
 * good, too large (oscillating) and diverging — with the largest stable η = 2/L marked.
 */
export function LearningRateExplorer({
  width = 760,
  height = 480,
  curvature: L = 4,
  maxIterations = 40,
  value,
  defaultValue,
  onValueChange,
  label = 'Learning rate',
  className,
  style,
}: LearningRateExplorerProps) {
  const id = useId();
  const [state, setState] = useControllableState<LearningRateExplorerState>({
    value,
    defaultValue: { learningRate: 0.1, problem: 'parabola', iteration: 0, ...defaultValue },
    onChange: onValueChange,
  });
  const etaMax = 2 / L;
  const objective = useMemo(() => (state.problem === 'parabola' ? parabola(L) : quadraticObjective({ eigenvalues: [L, L / 4], angle: 0.5 })), [state.problem, L]);
  const start = state.problem === 'parabola' ? START_1D : START_2D;
  const field = useMemo(() => sampleField((t) => objective.loss(t), BOX, 60, 60), [objective]);
  const n = Math.min(state.iteration, maxIterations);
  const mine = useMemo(() => runOf(objective, start, state.learningRate, n), [objective, start, state.learningRate, n]);
  const presets = useMemo(() => PRESETS.map((p) => runOf(objective, start, Number((p.fraction * etaMax).toPrecision(3)), n)), [objective, start, etaMax, n]);
  const done = n >= maxIterations;

  const figureRef = useRef<HTMLElement>(null);
  const { playing, setPlaying, stats } = usePlayback({
    done,
    target: figureRef,
    interval: 120,
    onFrame: () => setState((s) => ({ ...s, iteration: Math.min(maxIterations, s.iteration + 1) })),
  });

  const regime = learningRateRegime(state.learningRate, L);
  const last = mine[mine.length - 1];
  const status = last.diverged
    ? `Your η = ${state.learningRate} (${REGIME_TEXT[regime]}): diverged at step ${last.divergedAt}.`
    : `Step ${n} of ${maxIterations} · your η = ${state.learningRate} (${REGIME_TEXT[regime]}) · 𝓛 = ${formatNumber(last.loss)}`;

  const topH = Math.round(height * 0.55);
  const mainW = Math.round(width * 0.5);
  const chartW = Math.max(200, width - mainW - 16);
  const miniW = Math.floor((width - 3 * 8) / 4);
  const miniH = height - topH - 12;
  const etaText = (eta: number) => `η = ${eta} (${formatNumber(eta / etaMax)} × 2/L)`;

  // The η ruler: a log axis with the four regimes shaded and 2/L marked.
  const rulerW = Math.min(420, width - 40);
  const rs = scaleLog().domain([etaMax / 100, 3 * etaMax]).range([8, rulerW - 8]).clamp(true);
  const zones: [number, number, string, string][] = [
    [rs.domain()[0], 0.15 * etaMax, '#fff8c5', 'too small'],
    [0.15 * etaMax, 0.75 * etaMax, '#dafbe1', 'good'],
    [0.75 * etaMax, etaMax, '#ffb3ad', 'too large'],
    [etaMax, rs.domain()[1], '#ffcecb', 'diverges'],
  ];
  return (
    <figure
      ref={figureRef}
      className={className}
      aria-labelledby={`${id}-title`}
      style={rootStyle({ margin: 0, display: 'inline-flex', flexDirection: 'column', gap: 8, maxWidth: '100%', ...style })}
    >
      <div id={`${id}-title`} style={{ fontWeight: 600 }}>{label}</div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'flex-start' }}>
        <RunPanel
          width={mainW}
          height={topH}
          problem={state.problem}
          L={L}
          field={field}
          steps={mine}
          color={cssVar('--gl-accent')}
          title={`Your run: ${etaText(state.learningRate)}, ${REGIME_TEXT[regime]}`}
          testId="run-yours"
        />
        <LineChart
          width={chartW}
          height={topH}
          logY
          series={[
            ...PRESETS.map((p, k) => ({ label: p.title, color: SERIES_COLORS[[4, 1, 3, 0][k]], points: presets[k].map((s) => [s.iteration, s.loss] as const) })),
            { label: 'Yours', color: cssVar('--gl-fg'), dashed: true, points: mine.map((s) => [s.iteration, s.loss] as const) },
          ]}
          xDomain={[0, maxIterations]}
          xLabel="iteration"
          yLabel="loss 𝓛"
          label={`Loss against iteration for the four preset runs and yours: ${PRESETS.map((p, k) => `${p.title} ${runStatus(presets[k])}`).join(', ')}.`}
          testId="loss-chart"
        />
      </div>
      <div style={{ display: 'flex', gap: 8 }}>
        {PRESETS.map((p, k) => (
          <RunPanel
            key={p.title}
            width={miniW}
            height={miniH}
            problem={state.problem}
            L={L}
            field={field}
            steps={presets[k]}
            color={SERIES_COLORS[[4, 1, 3, 0][k]]}
            title={`${p.title}: η = ${Number((p.fraction * etaMax).toPrecision(3))}`}
            testId={`run-${p.title.toLowerCase().replace(' ', '-')}`}
          />
        ))}
      </div>
      <div role="group" aria-label="Controls" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <PlaybackButtons
          onStep={() => setState((s) => ({ ...s, iteration: Math.min(maxIterations, s.iteration + 1) }))}
          onTogglePlay={() => setPlaying((p) => !p)}
          onReset={() => {
            setPlaying(false);
            setState((s) => ({ ...s, iteration: 0 }));
          }}
          playing={playing}
          done={done}
        />
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6, minHeight: 44 }}>
          Problem
          <select
            value={state.problem}
            onChange={(e) => setState((s) => ({ ...s, problem: e.target.value as 'parabola' | 'bowl' }))}
            style={{ ...buttonStyle, padding: '0 8px' }}
          >
            <option value="parabola">1-D parabola</option>
            <option value="bowl">2-D bowl</option>
          </select>
        </label>
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
        <LogSlider
          label="Learning rate η"
          value={state.learningRate}
          maxExp={0.5}
          valueText={`η = ${state.learningRate}, ${REGIME_TEXT[regime]}`}
          testId="eta"
          onChange={(learningRate) => setState((s) => ({ ...s, learningRate }))}
        />
        <svg width={rulerW} height={40} role="img" aria-label={`Learning-rate scale: the largest stable η is 2/L = ${etaMax}; yours is ${state.learningRate}.`}>
          {zones.map(([a, b, fill, t]) => (
            <g key={t}>
              <rect x={rs(a)} width={Math.max(0, rs(b) - rs(a))} y={4} height={16} fill={fill} />
              {rs(b) - rs(a) > 44 && (
                <text x={(rs(a) + rs(b)) / 2} y={15} fontSize={10} textAnchor="middle" fill="#1f2328">{t}</text>
              )}
            </g>
          ))}
          <line x1={rs(etaMax)} x2={rs(etaMax)} y1={0} y2={24} stroke="#1f2328" strokeWidth={2} data-testid="eta-max" />
          <text x={rs(etaMax)} y={36} fontSize={11} textAnchor="middle" fill={cssVar('--gl-fg')}>2/L = {etaMax}</text>
          <path d={`M${rs(state.learningRate)},22l-5,8h10z`} fill={cssVar('--gl-accent')} />
        </svg>
      </div>
      <output aria-live="polite" data-testid="status" data-loss={last.loss} data-diverged={last.diverged} style={{ fontVariantNumeric: 'tabular-nums', color: last.diverged ? cssVar('--gl-path') : undefined, fontWeight: last.diverged ? 700 : undefined }}>
        {status}
      </output>
      {playing && (
        <small aria-hidden="true" style={{ color: cssVar('--gl-muted') }}>
          {stats.fps.toFixed(0)} FPS · {stats.frameTime.toFixed(1)} ms per frame
        </small>
      )}
      <figcaption style={{ display: 'grid', gap: 4 }}>
        <Tex block>{String.raw`\theta \leftarrow \theta-\eta\,\nabla\mathcal{L}(\theta)`}</Tex>
        {state.problem === 'parabola' ? (
          <Tex block>{String.raw`\mathcal{L}(\theta)=\tfrac{1}{2}L\theta^2:\ \ \theta_{t+1}=(1-\eta L)\,\theta_t,\ \ \text{stable iff } \eta<\tfrac{2}{L}=${etaMax}`}</Tex>
        ) : (
          <Tex block>{String.raw`\mathcal{L}(\theta)=\tfrac{1}{2}\theta^\top H\theta,\ L=\lambda_{\max}(H)=${L}:\ \ \text{stable iff } \eta<\tfrac{2}{L}=${etaMax}`}</Tex>
        )}
      </figcaption>
    </figure>
  );
}
