import {
  OPTIMIZERS,
  makeLine,
  minimizeSteps,
  mseLineObjective,
  type Objective,
  type OptimizerName,
  type OptimizerStep,
} from '@geolearn/algorithms';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useEffect, useId, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent } from 'react';
import { Axis } from '../common/Axis';
import { drawFilledContours, logThresholds, sampleField } from '../common/field';
import { Tex } from '../common/Tex';
import { buttonStyle, cssVar, rootStyle } from '../common/theme';
import { useAnimationLoop } from '../hooks/useAnimationLoop';
import { useControllableState } from '../hooks/useControllableState';
import { useReducedMotion } from '../hooks/useReducedMotion';

/** The explainer's state: plain JSON, so it can live in a permalink. */
export interface LossLandscapeState {
  /** The starting point θ₀ = (a, b). */
  start: [number, number];
  /** Learning rate η. */
  learningRate: number;
  /** The update rule. */
  optimizer: OptimizerName;
  /** How many steps have been taken from θ₀. */
  iteration: number;
}

/** Props of {@link LossLandscape}. */
export interface LossLandscapeProps {
  /** Width of the plot in px. Default 560. */
  width?: number;
  /** Height of the plot in px. Default 400. */
  height?: number;
  /** The (x, y) data whose line fit y = a·x + b defines the MSE; a seeded noisy line when absent. */
  data?: { x: number[]; y: number[] };
  /** Another objective over two parameters instead of the MSE (a bowl, Rosenbrock…). */
  objective?: Objective;
  /** Seed of the generated data. Default 0. */
  seed?: number;
  /** Controlled state. */
  value?: LossLandscapeState;
  /** Initial state when uncontrolled. */
  defaultValue?: Partial<LossLandscapeState>;
  /** Called with every new state (step, drag, η change…). */
  onValueChange?: (state: LossLandscapeState) => void;
  /** Most steps the path may take. Default 100. */
  maxIterations?: number;
  /** Grid resolution of the contour field per side. Default 120. */
  gridSize?: number;
  /** Accessible name of the widget. Default "Loss landscape". */
  label?: string;
  /** Class of the root element. */
  className?: string;
  /** Style of the root element (set `--gl-*` variables here to theme it). */
  style?: CSSProperties;
}

const MARGIN = { top: 12, right: 12, bottom: 44, left: 52 };

/**
 * The loss 𝓛(θ) over two parameters as filled contours (canvas), with gradient descent's
 * path, the gradient arrow at the current θ and the optimum drawn over it (SVG).
 * Learning is finding θ* = argmin 𝓛(θ); gradient descent gets there by θ ← θ − η∇𝓛(θ).
 */
export function LossLandscape({
  width = 560,
  height = 400,
  data,
  objective: objectiveProp,
  seed = 0,
  value,
  defaultValue,
  onValueChange,
  maxIterations = 100,
  gridSize = 120,
  label = 'Loss landscape',
  className,
  style,
}: LossLandscapeProps) {
  const id = useId();
  const objective = useMemo(() => {
    if (objectiveProp) return objectiveProp;
    const d = data ?? makeLine({ nSamples: 30, slope: 2, intercept: 1, noise: 1.5, randomState: seed });
    return mseLineObjective(d.x, d.y);
  }, [objectiveProp, data, seed]);
  const domain = useMemo(() => objective.domain ?? ([-3, 3, -3, 3] as const), [objective]);
  const isMse = !objectiveProp;
  const names: [string, string] = isMse ? ['a', 'b'] : ['θ₁', 'θ₂'];

  const initial: LossLandscapeState = {
    start: [domain[0] + 0.12 * (domain[1] - domain[0]), domain[2] + 0.88 * (domain[3] - domain[2])],
    learningRate: isMse ? 0.05 : 0.1,
    optimizer: 'gd',
    iteration: 0,
    ...defaultValue,
  };
  const [state, setState] = useControllableState<LossLandscapeState>({ value, defaultValue: initial, onChange: onValueChange });
  const [playing, setPlaying] = useState(false);
  const reducedMotion = useReducedMotion();

  const plotW = Math.max(40, width - MARGIN.left - MARGIN.right);
  const plotH = Math.max(40, height - MARGIN.top - MARGIN.bottom);
  const xs = useMemo(() => scaleLinear().domain([domain[0], domain[1]]).range([0, plotW]), [domain, plotW]);
  const ys = useMemo(() => scaleLinear().domain([domain[2], domain[3]]).range([plotH, 0]), [domain, plotH]);

  // The path is a pure function of the state: replay the stepper from θ₀.
  const steps = useMemo(() => {
    const out: OptimizerStep[] = [];
    const it = minimizeSteps(objective, state.start, { optimizer: state.optimizer, learningRate: state.learningRate, maxIter: state.iteration });
    for (const s of it) out.push(s);
    return out;
  }, [objective, state.start, state.optimizer, state.learningRate, state.iteration]);
  const current = steps[steps.length - 1];
  const diverged = current.diverged;
  const done = diverged || state.iteration >= maxIterations;

  const field = useMemo(() => sampleField((t) => objective.loss(t), domain, gridSize, gridSize), [objective, domain, gridSize]);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = typeof window !== 'undefined' ? window.devicePixelRatio || 1 : 1;
    canvas.width = Math.round(plotW * dpr);
    canvas.height = Math.round(plotH * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawFilledContours(ctx, field, plotW, plotH, logThresholds(field));
  }, [field, plotW, plotH]);

  const figureRef = useRef<HTMLElement>(null);
  const stats = useAnimationLoop({
    running: playing && !done,
    target: figureRef,
    minInterval: reducedMotion ? 250 : 40,
    onFrame: () => {
      setState((s) => ({ ...s, iteration: Math.min(maxIterations, s.iteration + 1) }));
    },
  });
  useEffect(() => {
    if (done && playing) setPlaying(false);
  }, [done, playing]);

  const clampToDomain = (p: [number, number]): [number, number] => [
    Math.min(domain[1], Math.max(domain[0], p[0])),
    Math.min(domain[3], Math.max(domain[2], p[1])),
  ];
  const moveStart = (p: [number, number]) => {
    setPlaying(false);
    setState((s) => ({ ...s, start: clampToDomain(p), iteration: 0 }));
  };

  const dragging = useRef(false);
  const toTheta = (e: PointerEvent<SVGElement>): [number, number] => {
    const svg = (e.currentTarget as SVGElement).ownerSVGElement ?? (e.currentTarget as SVGSVGElement);
    const r = svg.getBoundingClientRect();
    return [xs.invert(e.clientX - r.left - MARGIN.left), ys.invert(e.clientY - r.top - MARGIN.top)];
  };
  const onPointerDown = (e: PointerEvent<SVGRectElement>) => {
    dragging.current = true;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    moveStart(toTheta(e));
  };
  const onPointerMove = (e: PointerEvent<SVGRectElement>) => {
    if (dragging.current) moveStart(toTheta(e));
  };
  const onPointerUp = (e: PointerEvent<SVGRectElement>) => {
    dragging.current = false;
    e.currentTarget.releasePointerCapture?.(e.pointerId);
  };
  const onHandleKey = (e: KeyboardEvent<SVGGElement>) => {
    const fx = (domain[1] - domain[0]) * (e.shiftKey ? 0.1 : 0.02);
    const fy = (domain[3] - domain[2]) * (e.shiftKey ? 0.1 : 0.02);
    const d: Record<string, [number, number]> = { ArrowLeft: [-fx, 0], ArrowRight: [fx, 0], ArrowUp: [0, fy], ArrowDown: [0, -fy] };
    const delta = d[e.key];
    if (!delta) return;
    e.preventDefault();
    moveStart([state.start[0] + delta[0], state.start[1] + delta[1]]);
  };

  const step = () => setState((s) => (done ? s : { ...s, iteration: s.iteration + 1 }));
  const reset = () => {
    setPlaying(false);
    setState((s) => ({ ...s, iteration: 0 }));
  };

  const pathD = line<OptimizerStep>()
    .x((s) => xs(s.params[0]))
    .y((s) => ys(s.params[1]))(steps) ?? '';
  const [cx, cy] = [xs(current.params[0]), ys(current.params[1])];
  // The gradient arrow points downhill (−∇𝓛), scaled to a fixed on-screen length.
  const g = current.gradient;
  const gpx = [xs(current.params[0] - g[0]) - cx, ys(current.params[1] - g[1]) - cy];
  const glen = Math.hypot(gpx[0], gpx[1]);
  const arrow = glen > 1e-9 ? [(gpx[0] / glen) * 36, (gpx[1] / glen) * 36] : [0, 0];
  const opt = objective.minimum;
  const fmt = (v: number) => (Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(2) : v.toFixed(3));
  const status = diverged
    ? `Diverged at step ${current.divergedAt}: η = ${state.learningRate} is too large.`
    : `Step ${current.iteration} of ${maxIterations} · loss ${fmt(current.loss)}`;

  return (
    <figure
      ref={figureRef}
      className={className}
      aria-labelledby={`${id}-title`}
      style={rootStyle({ margin: 0, display: 'inline-flex', flexDirection: 'column', gap: 8, maxWidth: '100%', ...style })}
    >
      <div id={`${id}-title`} style={{ fontWeight: 600 }}>{label}</div>
      <div style={{ position: 'relative', width, height, touchAction: 'none' }}>
        <canvas
          ref={canvasRef}
          aria-hidden="true"
          style={{ position: 'absolute', left: MARGIN.left, top: MARGIN.top, width: plotW, height: plotH }}
        />
        <svg
          width={width}
          height={height}
          role="group"
          aria-label={`${label}: contours of the loss over ${names[0]} and ${names[1]}, with the gradient-descent path (${steps.length} points).`}
          style={{ position: 'absolute', left: 0, top: 0, overflow: 'visible' }}
        >
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <rect
              width={plotW}
              height={plotH}
              fill="transparent"
              style={{ cursor: 'crosshair' }}
              onPointerDown={onPointerDown}
              onPointerMove={onPointerMove}
              onPointerUp={onPointerUp}
              onPointerCancel={onPointerUp}
            />
            <Axis scale={xs} orient="bottom" offset={plotH} label={isMse ? 'slope a' : names[0]} />
            <Axis scale={ys} orient="left" offset={0} label={isMse ? 'intercept b' : names[1]} />
            {/* A nested svg clips the path to the plot when a run flies off. */}
            <svg width={plotW} height={plotH} overflow="hidden" pointerEvents="none">
            {opt && (
              <g transform={`translate(${xs(opt[0])},${ys(opt[1])})`} data-testid="optimum" pointerEvents="none">
                <path d="M-7,-7L7,7M-7,7L7,-7" stroke={cssVar('--gl-optimum')} strokeWidth={3} />
                <text x={10} y={-8} fontSize={12} fill="#fff" stroke="#000" strokeWidth={3} paintOrder="stroke">θ*</text>
              </g>
            )}
            <path d={pathD} fill="none" stroke={cssVar('--gl-path')} strokeWidth={2} data-testid="gd-path" data-points={steps.length} pointerEvents="none" />
            {steps.map((s) => (
              <circle key={s.iteration} cx={xs(s.params[0])} cy={ys(s.params[1])} r={2.5} fill={cssVar('--gl-path')} pointerEvents="none" />
            ))}
            {arrow[0] !== 0 || arrow[1] !== 0 ? (
              <g pointerEvents="none" stroke="#fff" strokeWidth={2}>
                <line x1={cx} y1={cy} x2={cx + arrow[0]} y2={cy + arrow[1]} />
                <circle cx={cx + arrow[0]} cy={cy + arrow[1]} r={3} fill="#fff" />
              </g>
            ) : null}
            </svg>
            <g
              role="button"
              tabIndex={0}
              aria-roledescription="draggable point"
              aria-label={`Starting point θ₀ = (${fmt(state.start[0])}, ${fmt(state.start[1])}). Arrow keys move it; Shift moves it further.`}
              transform={`translate(${xs(state.start[0])},${ys(state.start[1])})`}
              onKeyDown={onHandleKey}
              style={{ cursor: 'grab', outline: 'none' }}
              className="gl-focus-ring"
            >
              <circle r={22} fill="transparent" pointerEvents="none" />
              <circle r={8} fill="#fff" stroke={cssVar('--gl-path')} strokeWidth={3} pointerEvents="none" />
            </g>
          </g>
        </svg>
      </div>
      <div role="group" aria-label="Controls" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <button type="button" style={buttonStyle} onClick={step} disabled={done}>Step</button>
        <button type="button" style={buttonStyle} onClick={() => setPlaying((p) => !p)} disabled={done} aria-pressed={playing}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" style={buttonStyle} onClick={reset}>Reset</button>
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          Learning rate η
          <input
            type="range"
            min={-3}
            max={0}
            step={0.01}
            value={Math.log10(state.learningRate)}
            aria-valuetext={`η = ${state.learningRate}`}
            onChange={(e) => setState((s) => ({ ...s, learningRate: Number((10 ** Number(e.target.value)).toPrecision(3)), iteration: 0 }))}
            style={{ minHeight: 44 }}
          />
          <span style={{ fontVariantNumeric: 'tabular-nums', minWidth: 48 }}>{state.learningRate}</span>
        </label>
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          Optimizer
          <select
            value={state.optimizer}
            onChange={(e) => setState((s) => ({ ...s, optimizer: e.target.value as OptimizerName, iteration: 0 }))}
            style={{ ...buttonStyle, padding: '0 8px' }}
          >
            {OPTIMIZERS.map((o) => (
              <option key={o} value={o}>{OPTIMIZER_LABELS[o]}</option>
            ))}
          </select>
        </label>
      </div>
      <output aria-live="polite" data-testid="status" data-loss={current.loss} data-diverged={diverged} style={{ fontVariantNumeric: 'tabular-nums', color: diverged ? cssVar('--gl-path') : undefined, fontWeight: diverged ? 600 : undefined }}>
        {status}
      </output>
      {playing && (
        <small aria-hidden="true" style={{ color: cssVar('--gl-muted') }}>
          {stats.fps.toFixed(0)} FPS · {stats.frameTime.toFixed(1)} ms per frame
        </small>
      )}
      <figcaption style={{ color: cssVar('--gl-fg'), display: 'grid', gap: 4 }}>
        {isMse ? (
          <Tex block>{String.raw`\mathcal{L}(a,b)=\frac{1}{n}\sum_{i=1}^{n}\bigl(y_i-(a\,x_i+b)\bigr)^2`}</Tex>
        ) : (
          <Tex block>{String.raw`\mathcal{L}(\theta_1,\theta_2)\ \text{(${objective.name})}`}</Tex>
        )}
        <Tex block>{String.raw`\theta \leftarrow \theta-\eta\,\nabla_\theta\mathcal{L}(\theta),\qquad \theta^*=\arg\min_\theta \mathcal{L}(\theta)`}</Tex>
      </figcaption>
    </figure>
  );
}

const OPTIMIZER_LABELS: Record<OptimizerName, string> = {
  gd: 'Gradient descent',
  momentum: 'Momentum',
  nesterov: 'Nesterov',
  rmsprop: 'RMSprop',
  adam: 'Adam',
};
