import {
  OPTIMIZERS,
  makeLine,
  minimizeSteps,
  mseLineObjective,
  multiMinimaObjective,
  plateauObjective,
  quadraticObjective,
  rosenbrockObjective,
  saddleObjective,
  type Objective,
  type OptimizerName,
  type OptimizerStep,
} from '@geolearn/algorithms';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useEffect, useId, useMemo, useRef, type CSSProperties, type KeyboardEvent, type PointerEvent } from 'react';
import { Axis } from '../common/Axis';
import { drawFilledContours, logThresholds, sampleField } from '../common/field';
import { LineChart } from '../common/LineChart';
import { ScatterFit } from '../common/ScatterFit';
import { Tex } from '../common/Tex';
import { buttonStyle, cssVar, rootStyle } from '../common/theme';
import { useControllableState } from '../hooks/useControllableState';
import { usePlayback } from '../hooks/usePlayback';
import { drawSurface, heightOf, project, type View3D } from './surface';
import { LogSlider, PlaybackButtons } from '../common/controls';
import { prepareCanvas } from '../common/canvas';

/** The objectives the chooser offers: the line fit's MSE and the slides' trouble-makers. */
export type LandscapeObjectiveName = 'mse' | 'ill-conditioned' | 'rosenbrock' | 'saddle' | 'plateau' | 'local-minima';

/** Each objective of the chooser with its label, a start that shows its trouble and a workable η. */
export const LANDSCAPE_OBJECTIVES: Record<
  Exclude<LandscapeObjectiveName, 'mse'>,
  { label: string; make: () => Objective; start: [number, number]; learningRate: number }
> = {
  'ill-conditioned': {
    label: 'Badly conditioned bowl (κ = 20)',
    make: () => quadraticObjective({ eigenvalues: [10, 0.5], angle: Math.PI / 6 }),
    start: [-2.4, 2.2],
    learningRate: 0.15,
  },
  rosenbrock: { label: 'Rosenbrock valley', make: () => rosenbrockObjective(), start: [-1.5, 2.4], learningRate: 0.001 },
  saddle: { label: 'Saddle point', make: () => saddleObjective(), start: [1.8, 0.02], learningRate: 0.1 },
  plateau: { label: 'Plateau', make: () => plateauObjective(), start: [2.2, 1.5], learningRate: 0.5 },
  'local-minima': { label: 'Several local minima', make: () => multiMinimaObjective(), start: [3, 2.6], learningRate: 0.05 },
};

/** Colour of each optimizer's path, legend and loss curve. */
export const OPTIMIZER_COLORS: Record<OptimizerName, string> = {
  gd: 'var(--gl-path, #cf222e)',
  momentum: '#0969da',
  nesterov: '#8250df',
  rmsprop: '#bc4c00',
  adam: '#bf3989',
};

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
  /** Optimizers racing from θ₀ (each with its path); absent means just `optimizer`. */
  optimizers?: OptimizerName[];
  /** The objective of the chooser (ignored when the `objective` prop is given). Default 'mse'. */
  objective?: LandscapeObjectiveName;
  /** Filled contours seen from above, or the 3-D surface. Default 'contours'. */
  view?: 'contours' | 'surface';
  /** Camera of the surface view: [azimuth, elevation] in degrees. Default [35, 40]. */
  rotation?: [number, number];
}

/** Props of {@link LossLandscape}. */
export interface LossLandscapeProps {
  /** Width of the plot in px. Default 560. */
  width?: number;
  /** Height of the plot in px. Default 400. */
  height?: number;
  /** The (x, y) data whose line fit y = a·x + b defines the MSE; a seeded noisy line when absent. */
  data?: { x: number[]; y: number[] };
  /** Another objective over two parameters instead of the MSE (a bowl, Rosenbrock…); hides the chooser. */
  objective?: Objective;
  /** Show the data with the current line and residuals, and the loss-versus-iteration chart, beside the plot. Default true. */
  showPanels?: boolean;
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

interface Run {
  name: OptimizerName;
  steps: OptimizerStep[];
}

/**
 * The loss 𝓛(θ) over two parameters as filled contours (canvas) or as a 3-D surface, with
 * the paths of one or several optimizers racing from θ₀, the gradient arrow at the current
 * θ and the optimum drawn over it (SVG), and beside it the data with the current line and
 * its residuals and the loss against iteration. Learning is finding θ* = argmin 𝓛(θ);
 * gradient descent gets there by θ ← θ − η∇𝓛(θ).
 */
export function LossLandscape({
  width = 560,
  height = 400,
  data,
  objective: objectiveProp,
  showPanels = true,
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
  const dataset = useMemo(() => data ?? makeLine({ nSamples: 30, slope: 2, intercept: 1, noise: 1.5, randomState: seed }), [data, seed]);
  const mse = useMemo(() => mseLineObjective(dataset.x, dataset.y), [dataset]);
  const presetStart = (name: LandscapeObjectiveName | undefined): [number, number] => {
    if (name && name !== 'mse') return LANDSCAPE_OBJECTIVES[name].start;
    const d = (objectiveProp ?? mse).domain ?? [-3, 3, -3, 3];
    return [d[0] + 0.12 * (d[1] - d[0]), d[2] + 0.88 * (d[3] - d[2])];
  };
  const presetRate = (name: LandscapeObjectiveName | undefined) =>
    name && name !== 'mse' ? LANDSCAPE_OBJECTIVES[name].learningRate : objectiveProp ? 0.1 : 0.05;

  const initialName = objectiveProp ? undefined : (value ?? defaultValue)?.objective;
  const initial: LossLandscapeState = {
    start: presetStart(initialName),
    learningRate: presetRate(initialName),
    optimizer: 'gd',
    iteration: 0,
    ...defaultValue,
  };
  const [state, setState] = useControllableState<LossLandscapeState>({ value, defaultValue: initial, onChange: onValueChange });
  const objectiveName: LandscapeObjectiveName = objectiveProp ? 'mse' : state.objective ?? 'mse';
  const objective = useMemo(
    () => objectiveProp ?? (objectiveName === 'mse' ? mse : LANDSCAPE_OBJECTIVES[objectiveName].make()),
    [objectiveProp, objectiveName, mse],
  );
  const domain = useMemo(() => objective.domain ?? ([-3, 3, -3, 3] as const), [objective]);
  const isMse = !objectiveProp && objectiveName === 'mse';
  const names: [string, string] = isMse ? ['a', 'b'] : ['θ₁', 'θ₂'];
  const view = state.view ?? 'contours';
  const [azimuth, elevation] = state.rotation ?? [35, 40];
  const active = state.optimizers && state.optimizers.length > 0 ? state.optimizers : [state.optimizer];

  const plotW = Math.max(40, width - MARGIN.left - MARGIN.right);
  const plotH = Math.max(40, height - MARGIN.top - MARGIN.bottom);
  const xs = useMemo(() => scaleLinear().domain([domain[0], domain[1]]).range([0, plotW]), [domain, plotW]);
  const ys = useMemo(() => scaleLinear().domain([domain[2], domain[3]]).range([plotH, 0]), [domain, plotH]);

  // Each path is a pure function of the state: replay the stepper from θ₀.
  const activeKey = active.join(',');
  const runs = useMemo<Run[]>(
    () =>
      activeKey.split(',').map((name) => {
        const out: OptimizerStep[] = [];
        const it = minimizeSteps(objective, state.start, { optimizer: name as OptimizerName, learningRate: state.learningRate, maxIter: state.iteration });
        for (const s of it) out.push(s);
        return { name: name as OptimizerName, steps: out };
      }),
    [objective, state.start, activeKey, state.learningRate, state.iteration],
  );
  const primary = runs[0];
  const current = primary.steps[primary.steps.length - 1];
  const lastOf = (r: Run) => r.steps[r.steps.length - 1];
  const diverged = current.diverged;
  const done = runs.every((r) => lastOf(r).diverged) || state.iteration >= maxIterations;

  const field = useMemo(() => sampleField((t) => objective.loss(t), domain, gridSize, gridSize), [objective, domain, gridSize]);
  const coarse = useMemo(() => sampleField((t) => objective.loss(t), domain, 44, 44), [objective, domain]);
  const view3d: View3D = { azimuth, elevation, cx: plotW / 2, cy: plotH / 2 + plotH * 0.04, scale: Math.min(plotW, plotH) * 0.36 };
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = prepareCanvas(canvasRef.current, plotW, plotH);
    if (!ctx) return;
    if (view === 'surface') {
      drawSurface(ctx, coarse, plotW, plotH, { azimuth, elevation, cx: plotW / 2, cy: plotH / 2 + plotH * 0.04, scale: Math.min(plotW, plotH) * 0.36 });
    } else drawFilledContours(ctx, field, plotW, plotH, logThresholds(field));
  }, [field, coarse, plotW, plotH, view, azimuth, elevation]);

  const figureRef = useRef<HTMLElement>(null);
  const { playing, setPlaying, stats } = usePlayback({
    done,
    target: figureRef,
    interval: 40,
    onFrame: () => {
      setState((s) => ({ ...s, iteration: Math.min(maxIterations, s.iteration + 1) }));
    },
  });

  const clampToDomain = (p: [number, number]): [number, number] => [
    Math.min(domain[1], Math.max(domain[0], p[0])),
    Math.min(domain[3], Math.max(domain[2], p[1])),
  ];
  const moveStart = (p: [number, number]) => {
    setPlaying(false);
    setState((s) => ({ ...s, start: clampToDomain(p), iteration: 0 }));
  };
  const rotate = (dAz: number, dEl: number) =>
    setState((s) => {
      const [az, el] = s.rotation ?? [35, 40];
      return { ...s, rotation: [Math.round((((az + dAz) % 360) + 360) % 360), Math.round(Math.min(90, Math.max(5, el + dEl)))] };
    });

  const drag = useRef<{ x: number; y: number } | null>(null);
  const toTheta = (e: PointerEvent<SVGElement>): [number, number] => {
    const svg = (e.currentTarget as SVGElement).ownerSVGElement ?? (e.currentTarget as SVGSVGElement);
    const r = svg.getBoundingClientRect();
    return [xs.invert(e.clientX - r.left - MARGIN.left), ys.invert(e.clientY - r.top - MARGIN.top)];
  };
  const onPointerDown = (e: PointerEvent<SVGRectElement>) => {
    drag.current = { x: e.clientX, y: e.clientY };
    e.currentTarget.setPointerCapture?.(e.pointerId);
    if (view === 'contours') moveStart(toTheta(e));
  };
  const onPointerMove = (e: PointerEvent<SVGRectElement>) => {
    const d = drag.current;
    if (!d) return;
    if (view === 'contours') moveStart(toTheta(e));
    else {
      const [dx, dy] = [e.clientX - d.x, e.clientY - d.y];
      if (Math.abs(dx) + Math.abs(dy) < 2) return;
      drag.current = { x: e.clientX, y: e.clientY };
      rotate(-dx * 0.5, dy * 0.5);
    }
  };
  const onPointerUp = (e: PointerEvent<SVGRectElement>) => {
    drag.current = null;
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
  const onRotateKey = (e: KeyboardEvent<SVGGElement>) => {
    const k = e.shiftKey ? 15 : 5;
    const d: Record<string, [number, number]> = { ArrowLeft: [-k, 0], ArrowRight: [k, 0], ArrowUp: [0, k], ArrowDown: [0, -k] };
    const delta = d[e.key];
    if (!delta) return;
    e.preventDefault();
    rotate(delta[0], delta[1]);
  };

  const step = () => setState((s) => (done ? s : { ...s, iteration: s.iteration + 1 }));
  const reset = () => {
    setPlaying(false);
    setState((s) => ({ ...s, iteration: 0 }));
  };
  const chooseObjective = (name: LandscapeObjectiveName) => {
    setPlaying(false);
    setState((s) => ({ ...s, objective: name, start: presetStart(name), learningRate: presetRate(name), iteration: 0 }));
  };
  const toggleOptimizer = (name: OptimizerName, on: boolean) => {
    setPlaying(false);
    setState((s) => {
      const now = s.optimizers && s.optimizers.length > 0 ? s.optimizers : [s.optimizer];
      const next = OPTIMIZERS.filter((o) => (o === name ? on : now.includes(o)));
      if (next.length === 0) return s;
      return { ...s, optimizers: next, optimizer: next[0], iteration: 0 };
    });
  };

  // Screen position of θ: the map in the contour view, the projected surface in 3-D.
  const height3d = heightOf(coarse);
  const toScreen = (p: readonly number[], loss: number): [number, number] => {
    if (view === 'contours') return [xs(p[0]), ys(p[1])];
    const u = -1 + (2 * (p[0] - domain[0])) / (domain[1] - domain[0]);
    const v = -1 + (2 * (p[1] - domain[2])) / (domain[3] - domain[2]);
    const [X, Y] = project(Math.max(-1.05, Math.min(1.05, u)), Math.max(-1.05, Math.min(1.05, v)), height3d(loss), view3d);
    return [X, Y];
  };
  const pathOf = (steps: OptimizerStep[]) =>
    line<OptimizerStep>()
      .x((s) => toScreen(s.params, s.loss)[0])
      .y((s) => toScreen(s.params, s.loss)[1])(steps) ?? '';
  const [cx, cy] = toScreen(current.params, current.loss);
  // The gradient arrow points downhill (−∇𝓛), scaled to a fixed on-screen length (in the map view).
  const g = current.gradient;
  const gpx = [xs(current.params[0] - g[0]) - xs(current.params[0]), ys(current.params[1] - g[1]) - ys(current.params[1])];
  const glen = Math.hypot(gpx[0], gpx[1]);
  const arrow = glen > 1e-9 && view === 'contours' ? [(gpx[0] / glen) * 36, (gpx[1] / glen) * 36] : [0, 0];
  const opt = objective.minimum;
  const startLoss = primary.steps[0].loss;
  const [sx, sy] = toScreen(state.start, startLoss);
  const fmt = (v: number) => (Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(2) : v.toFixed(3));
  const status =
    runs.length === 1
      ? diverged
        ? `Diverged at step ${current.divergedAt}: η = ${state.learningRate} is too large.`
        : `Step ${current.iteration} of ${maxIterations} · loss ${fmt(current.loss)}`
      : `Step ${Math.min(state.iteration, maxIterations)} of ${maxIterations} · ` +
        runs
          .map((r) => {
            const l = lastOf(r);
            return l.diverged ? `${OPTIMIZER_LABELS[r.name]} diverged at step ${l.divergedAt}` : `${OPTIMIZER_LABELS[r.name]} ${fmt(l.loss)}`;
          })
          .join(' · ');

  const sideW = Math.round(Math.min(300, Math.max(220, width * 0.45)));
  const sideH = Math.max(140, Math.round(height / 2) - 4);
  const line0 = isMse ? (x: number) => current.params[0] * x + current.params[1] : undefined;

  /** The same pointer handlers on the contour map (drag θ₀) and the 3-D view (rotate). */
  const dragHandlers = { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp };

  return (
    <figure
      ref={figureRef}
      className={className}
      aria-labelledby={`${id}-title`}
      style={rootStyle({ margin: 0, display: 'inline-flex', flexDirection: 'column', gap: 8, maxWidth: '100%', ...style })}
    >
      <div id={`${id}-title`} style={{ fontWeight: 600 }}>{label}</div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-start' }}>
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
          aria-label={`${label}: ${view === 'surface' ? '3-D surface' : 'contours'} of the loss over ${names[0]} and ${names[1]}, with the path of ${runs.map((r) => OPTIMIZER_LABELS[r.name]).join(', ')} (${primary.steps.length} points).`}
          style={{ position: 'absolute', left: 0, top: 0, overflow: 'visible' }}
          data-view={view}
        >
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            {view === 'contours' ? (
              <rect
                width={plotW}
                height={plotH}
                fill="transparent"
                style={{ cursor: 'crosshair' }}
                {...dragHandlers}
              />
            ) : (
              <g
                role="button"
                tabIndex={0}
                aria-roledescription="rotatable 3-D view"
                aria-label={`3-D surface seen from azimuth ${azimuth}° and elevation ${elevation}°. Drag or use the arrow keys to rotate it.`}
                onKeyDown={onRotateKey}
                className="gl-focus-ring"
                style={{ outline: 'none' }}
                data-testid="surface"
                data-rotation={`${azimuth},${elevation}`}
              >
                <rect
                  width={plotW}
                  height={plotH}
                  fill="transparent"
                  style={{ cursor: 'grab' }}
                  {...dragHandlers}
                />
              </g>
            )}
            {view === 'contours' && (
              <>
                <Axis scale={xs} orient="bottom" offset={plotH} label={isMse ? 'slope a' : names[0]} />
                <Axis scale={ys} orient="left" offset={0} label={isMse ? 'intercept b' : names[1]} />
              </>
            )}
            {/* A nested svg clips the paths to the plot when a run flies off. */}
            <svg width={plotW} height={plotH} overflow="hidden" pointerEvents="none">
            {opt && (
              <g transform={`translate(${toScreen(opt, objective.loss(opt)).join(',')})`} data-testid="optimum" pointerEvents="none">
                <path d="M-7,-7L7,7M-7,7L7,-7" stroke={cssVar('--gl-optimum')} strokeWidth={3} />
                <text x={10} y={-8} fontSize={12} fill="#fff" stroke="#000" strokeWidth={3} paintOrder="stroke">θ*</text>
              </g>
            )}
            {runs.map((r) => (
              <g key={r.name} pointerEvents="none">
                <path d={pathOf(r.steps)} fill="none" stroke={OPTIMIZER_COLORS[r.name]} strokeWidth={2} data-testid="gd-path" data-optimizer={r.name} data-points={r.steps.length} />
                {r.steps.map((s) => {
                  const [px, py] = toScreen(s.params, s.loss);
                  return <circle key={s.iteration} cx={px} cy={py} r={2.5} fill={OPTIMIZER_COLORS[r.name]} />;
                })}
              </g>
            ))}
            {arrow[0] !== 0 || arrow[1] !== 0 ? (
              <g pointerEvents="none" stroke="#fff" strokeWidth={2} data-testid="gradient-arrow">
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
              transform={`translate(${sx},${sy})`}
              onKeyDown={onHandleKey}
              style={{ cursor: 'grab', outline: 'none' }}
              className="gl-focus-ring"
            >
              <circle r={22} fill="transparent" pointerEvents="none" />
              <circle r={8} fill="#fff" stroke={OPTIMIZER_COLORS[primary.name]} strokeWidth={3} pointerEvents="none" />
            </g>
          </g>
        </svg>
      </div>
      {showPanels && (
        <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
          {isMse && (
            <ScatterFit
              width={sideW}
              height={sideH}
              points={dataset.x.map((x, i) => ({ x, y: dataset.y[i] }))}
              model={line0}
              residuals
              label={`The data with the current line y = ${fmt(current.params[0])}·x + ${fmt(current.params[1])} and its residuals.`}
              testId="data-panel"
            />
          )}
          <LineChart
            width={sideW}
            height={sideH}
            logY
            series={runs.map((r) => ({ label: OPTIMIZER_LABELS[r.name], color: OPTIMIZER_COLORS[r.name], points: r.steps.map((s) => [s.iteration, s.loss] as const) }))}
            xDomain={[0, Math.max(10, state.iteration)]}
            xLabel="iteration"
            yLabel="loss 𝓛"
            label={`Loss against iteration: ${runs.map((r) => `${OPTIMIZER_LABELS[r.name]} ${fmt(lastOf(r).loss)}`).join(', ')}.`}
            testId="loss-chart"
          />
        </div>
      )}
      </div>
      <div role="group" aria-label="Controls" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <PlaybackButtons onStep={step} onTogglePlay={() => setPlaying((p) => !p)} onReset={reset} playing={playing} done={done} />
        <button
          type="button"
          style={buttonStyle}
          aria-pressed={view === 'surface'}
          onClick={() => setState((s) => ({ ...s, view: (s.view ?? 'contours') === 'surface' ? 'contours' : 'surface' }))}
        >
          3-D surface
        </button>
        <LogSlider label="Learning rate η" value={state.learningRate} onChange={(learningRate) => setState((s) => ({ ...s, learningRate, iteration: 0 }))} />
        {!objectiveProp && (
          <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
            Objective
            <select value={objectiveName} onChange={(e) => chooseObjective(e.target.value as LandscapeObjectiveName)} style={{ ...buttonStyle, padding: '0 8px' }}>
              <option value="mse">Line fit: MSE of y = a·x + b</option>
              {Object.entries(LANDSCAPE_OBJECTIVES).map(([k, o]) => (
                <option key={k} value={k}>{o.label}</option>
              ))}
            </select>
          </label>
        )}
      </div>
      <fieldset style={{ border: `1px solid ${cssVar('--gl-border')}`, borderRadius: 6, display: 'flex', flexWrap: 'wrap', gap: 4, margin: 0, padding: '0 8px 4px' }}>
        <legend>Optimizers</legend>
        {OPTIMIZERS.map((o) => (
          <label key={o} style={{ display: 'inline-flex', alignItems: 'center', gap: 6, minHeight: 44, paddingRight: 8 }}>
            <input type="checkbox" checked={active.includes(o)} onChange={(e) => toggleOptimizer(o, e.target.checked)} style={{ width: 20, height: 20 }} />
            <span aria-hidden="true" style={{ width: 14, height: 4, background: OPTIMIZER_COLORS[o], display: 'inline-block' }} />
            {OPTIMIZER_LABELS[o]}
          </label>
        ))}
      </fieldset>
      <output aria-live="polite" data-testid="status" data-loss={current.loss} data-diverged={diverged} style={{ fontVariantNumeric: 'tabular-nums', color: diverged ? cssVar('--gl-path') : undefined, fontWeight: diverged ? 600 : undefined }}>
        {status}
      </output>
      {playing && (
        <small aria-hidden="true" style={{ color: cssVar('--gl-muted') }} data-testid="fps">
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

/** Display names of the optimizers. */
export const OPTIMIZER_LABELS: Record<OptimizerName, string> = {
  gd: 'Gradient descent',
  momentum: 'Momentum',
  nesterov: 'Nesterov',
  rmsprop: 'RMSprop',
  adam: 'Adam',
};
