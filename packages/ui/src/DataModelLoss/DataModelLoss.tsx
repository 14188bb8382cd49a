import { makeLine, mseLineObjective } from '@geolearn/algorithms';
import { scaleLinear } from 'd3-scale';
import { useId, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent } from 'react';
import { Axis } from '../common/Axis';
import { formatNumber } from '../common/LineChart';
import { Tex } from '../common/Tex';
import { buttonStyle, cssVar, rootStyle } from '../common/theme';
import { useAnimationLoop } from '../hooks/useAnimationLoop';
import { useControllableState } from '../hooks/useControllableState';
import { useReducedMotion } from '../hooks/useReducedMotion';

/** The explainer's state: plain JSON, so it can live in a permalink. */
export interface DataModelLossState {
  /** The data 𝓓 = {(xᵢ, yᵢ)}, each point [x, y]. */
  points: [number, number][];
  /** Slope a of the model y = a·x + b. */
  a: number;
  /** Intercept b of the model. */
  b: number;
}

/** Props of {@link DataModelLoss}. */
export interface DataModelLossProps {
  /** Width in px. Default 520. */
  width?: number;
  /** Height of the plot in px. Default 420. */
  height?: number;
  /** Seed of the generated points. Default 0. */
  seed?: number;
  /** Number of generated points. Default 8. */
  nPoints?: number;
  /** Controlled state. */
  value?: DataModelLossState;
  /** Initial state when uncontrolled (missing fields are generated from the seed). */
  defaultValue?: Partial<DataModelLossState>;
  /** Called with every new state (drag, key press, fit). */
  onValueChange?: (state: DataModelLossState) => void;
  /** Accessible name of the widget. Default "Data, model and loss". */
  label?: string;
  /** Class of the root element. */
  className?: string;
  /** Style of the root element (set `--gl-*` variables here to theme it). */
  style?: CSSProperties;
}

/** The plotted window, the same in x and y so that a residual square is a square. */
const LO = 0;
const HI = 6;
const X_A = 5; // The slope handle sits on the line at x = 5; the intercept handle at x = 0.
const M = { top: 12, right: 16, bottom: 44, left: 48 };

function clamp(v: number, lo = LO, hi = HI) {
  return Math.min(hi, Math.max(lo, v));
}

/**
 * The three ingredients of learning, in the slides' words: the data 𝓓 = {(xᵢ, yᵢ)}, the model
 * f_θ(x) = a·x + b with θ = (a, b), and the loss 𝓛(θ) = (1/N) Σ (f_θ(xᵢ) − yᵢ)². Each
 * residual is drawn as a square of side |f_θ(xᵢ) − yᵢ|, so the mean area of the squares
 * is the loss. Drag the points or the line's handles; "Fit" moves θ to θ* = argmin 𝓛(θ).
 */
export function DataModelLoss({
  width = 520,
  height = 420,
  seed = 0,
  nPoints = 8,
  value,
  defaultValue,
  onValueChange,
  label = 'Data, model and loss',
  className,
  style,
}: DataModelLossProps) {
  const id = useId();
  const initial = useMemo<DataModelLossState>(() => {
    const d = makeLine({ nSamples: nPoints, slope: 0.7, intercept: 1.2, noise: 0.7, xRange: [0.5, 5.5], randomState: seed });
    const round = (v: number) => Math.round(v * 100) / 100;
    return { points: d.x.map((x, i) => [round(x), round(clamp(d.y[i], 0.2, 5.8))]), a: 0.1, b: 3.5, ...defaultValue };
    // The initial state is read once, as useState does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const [state, setState] = useControllableState<DataModelLossState>({ value, defaultValue: initial, onChange: onValueChange });
  const reducedMotion = useReducedMotion();

  const plot = Math.max(80, Math.min(width - M.left - M.right, height - M.top - M.bottom));
  const s = useMemo(() => scaleLinear().domain([LO, HI]).range([0, plot]), [plot]);
  const sy = useMemo(() => scaleLinear().domain([LO, HI]).range([plot, 0]), [plot]);

  const xs = state.points.map((p) => p[0]);
  const ys = state.points.map((p) => p[1]);
  const objective = useMemo(() => (state.points.length > 0 ? mseLineObjective(xs, ys) : null), [JSON.stringify(state.points)]); // eslint-disable-line react-hooks/exhaustive-deps
  const loss = objective ? objective.loss([state.a, state.b]) : 0;
  const best = objective?.minimum ?? [0, 0];
  const bestLoss = objective ? objective.loss(best) : 0;
  const fitted = Math.abs(loss - bestLoss) <= 1e-9 * Math.max(1, bestLoss);

  // "Fit": glide from θ to θ* (or jump there under reduced motion).
  const [fitting, setFitting] = useState(false);
  const glide = useRef<{ from: [number, number]; t: number }>({ from: [0, 0], t: 0 });
  const figureRef = useRef<HTMLElement>(null);
  useAnimationLoop({
    running: fitting,
    target: figureRef,
    onFrame: () => {
      const g = glide.current;
      g.t = Math.min(1, g.t + 1 / 30);
      const e = 1 - (1 - g.t) ** 3;
      setState((st) => ({ ...st, a: g.from[0] + e * (best[0] - g.from[0]), b: g.from[1] + e * (best[1] - g.from[1]) }));
      if (g.t >= 1) {
        setFitting(false);
        return false;
      }
    },
  });
  const fit = () => {
    if (!objective) return;
    if (reducedMotion) {
      setState((st) => ({ ...st, a: best[0], b: best[1] }));
      return;
    }
    glide.current = { from: [state.a, state.b], t: 0 };
    setFitting(true);
  };

  // Dragging: a point (index ≥ 0), the intercept handle ('b') or the slope handle ('a').
  const drag = useRef<number | 'a' | 'b' | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const toData = (e: PointerEvent): [number, number] => {
    const r = svgRef.current!.getBoundingClientRect();
    return [s.invert(e.clientX - r.left - M.left), sy.invert(e.clientY - r.top - M.top)];
  };
  const apply = (target: number | 'a' | 'b', [x, y]: [number, number]) => {
    setFitting(false);
    setState((st) => {
      if (target === 'b') return { ...st, b: clamp(y, -HI, 2 * HI) };
      if (target === 'a') return { ...st, a: (clamp(y, -HI, 2 * HI) - st.b) / X_A };
      const points = st.points.map((p, i) => (i === target ? ([clamp(x), clamp(y)] as [number, number]) : p));
      return { ...st, points };
    });
  };
  const onDown = (target: number | 'a' | 'b') => (e: PointerEvent<SVGGElement>) => {
    drag.current = target;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    e.stopPropagation();
  };
  const onMove = (e: PointerEvent<SVGGElement>) => {
    if (drag.current !== null) apply(drag.current, toData(e));
  };
  const onUp = (e: PointerEvent<SVGGElement>) => {
    drag.current = null;
    e.currentTarget.releasePointerCapture?.(e.pointerId);
  };
  const onKey = (target: number | 'a' | 'b') => (e: KeyboardEvent<SVGGElement>) => {
    const k = e.shiftKey ? 0.5 : 0.1;
    const d: Record<string, [number, number]> = { ArrowLeft: [-k, 0], ArrowRight: [k, 0], ArrowUp: [0, k], ArrowDown: [0, -k] };
    const delta = d[e.key];
    if (!delta) return;
    e.preventDefault();
    if (target === 'a') {
      if (delta[1] === 0) return;
      apply('a', [X_A, state.a * X_A + state.b + delta[1]]);
    } else if (target === 'b') {
      if (delta[1] === 0) return;
      apply('b', [0, state.b + delta[1]]);
    } else {
      const p = state.points[target];
      apply(target, [p[0] + delta[0], p[1] + delta[1]]);
    }
  };
  const handleProps = (target: number | 'a' | 'b') => ({
    role: 'button',
    tabIndex: 0,
    onPointerDown: onDown(target),
    onPointerMove: onMove,
    onPointerUp: onUp,
    onPointerCancel: onUp,
    onKeyDown: onKey(target),
    className: 'gl-focus-ring',
    style: { cursor: 'grab', outline: 'none', touchAction: 'none' } as CSSProperties,
  });

  const f = (x: number) => state.a * x + state.b;
  const fmt = formatNumber;
  const px = (v: number) => s(v) - s(0);
  return (
    <figure
      ref={figureRef}
      className={className}
      aria-labelledby={`${id}-title`}
      style={rootStyle({ margin: 0, display: 'inline-flex', flexDirection: 'column', gap: 8, maxWidth: '100%', ...style })}
    >
      <div id={`${id}-title`} style={{ fontWeight: 600 }}>{label}</div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'flex-start' }}>
        <svg
          ref={svgRef}
          width={plot + M.left + M.right}
          height={plot + M.top + M.bottom}
          role="group"
          aria-label={`${label}: ${state.points.length} data points, the line y = ${fmt(state.a)}·x + ${fmt(state.b)} and a square on each residual; the mean area of the squares is the loss ${fmt(loss)}.`}
          style={{ touchAction: 'none', overflow: 'visible' }}
        >
          <g transform={`translate(${M.left},${M.top})`}>
            <rect width={plot} height={plot} fill={cssVar('--gl-surface')} stroke={cssVar('--gl-border')} />
            <Axis scale={s} orient="bottom" offset={plot} label="x" />
            <Axis scale={sy} orient="left" offset={0} label="y" />
            <svg width={plot} height={plot} overflow="hidden" pointerEvents="none">
              {state.points.map(([x, y], i) => {
                const r = y - f(x);
                const side = px(Math.abs(r));
                // The square stands on the residual segment, to the right unless that leaves the plot.
                const left = s(x) + side > plot ? s(x) - side : s(x);
                return (
                  <rect
                    key={i}
                    data-testid="residual-square"
                    x={left}
                    y={sy(Math.max(y, f(x)))}
                    width={side}
                    height={side}
                    fill={cssVar('--gl-path')}
                    fillOpacity={0.15}
                    stroke={cssVar('--gl-path')}
                  />
                );
              })}
              <line x1={s(LO)} x2={s(HI)} y1={sy(f(LO))} y2={sy(f(HI))} stroke={cssVar('--gl-accent')} strokeWidth={3} data-testid="model-line" />
              {state.points.map(([x, y], i) => (
                <line key={i} x1={s(x)} x2={s(x)} y1={sy(y)} y2={sy(f(x))} stroke={cssVar('--gl-path')} strokeWidth={2} />
              ))}
            </svg>
            {state.points.map(([x, y], i) => (
              <g
                key={i}
                transform={`translate(${s(x)},${sy(y)})`}
                {...handleProps(i)}
                aria-roledescription="draggable point"
                aria-label={`Data point ${i + 1}: x = ${fmt(x)}, y = ${fmt(y)}, residual ${fmt(y - f(x))}. Arrow keys move it.`}
              >
                <circle r={22} fill="transparent" />
                <circle r={6} fill={cssVar('--gl-fg')} stroke={cssVar('--gl-bg')} strokeWidth={1.5} />
              </g>
            ))}
            <g
              transform={`translate(${s(0)},${sy(clamp(state.b))})`}
              {...handleProps('b')}
              aria-roledescription="draggable handle"
              aria-label={`Intercept b = ${fmt(state.b)}. Up and down arrow keys change it.`}
            >
              <circle r={22} fill="transparent" />
              <rect x={-7} y={-7} width={14} height={14} fill={cssVar('--gl-bg')} stroke={cssVar('--gl-accent')} strokeWidth={3} />
            </g>
            <g
              transform={`translate(${s(X_A)},${sy(clamp(f(X_A)))})`}
              {...handleProps('a')}
              aria-roledescription="draggable handle"
              aria-label={`Slope a = ${fmt(state.a)}. Up and down arrow keys turn the line about its intercept.`}
            >
              <circle r={22} fill="transparent" />
              <circle r={8} fill={cssVar('--gl-bg')} stroke={cssVar('--gl-accent')} strokeWidth={3} />
            </g>
          </g>
        </svg>
        <div style={{ display: 'grid', gap: 6, maxWidth: 300, alignContent: 'start' }}>
          <div><strong>The data</strong> <Tex>{String.raw`\mathcal{D}=\{(x_i,y_i)\}_{i=1}^{N}`}</Tex>, N = {state.points.length}</div>
          <div><strong>The model</strong> <Tex>{String.raw`f_\theta(x)=a\,x+b,\ \theta=(a,b)`}</Tex></div>
          <div>
            <strong>The loss</strong>
            <Tex block>{String.raw`\mathcal{L}(\theta)=\frac{1}{N}\sum_{i=1}^{N}\bigl(f_\theta(x_i)-y_i\bigr)^2`}</Tex>
            the mean area of the red squares.
          </div>
          <div>
            <strong>Learning</strong>
            <Tex block>{String.raw`\theta^*=\operatorname{argmin}_\theta\,\mathcal{L}(\theta)`}</Tex>
          </div>
          <output aria-live="polite" data-testid="status" data-loss={loss} data-fitted={fitted} style={{ fontVariantNumeric: 'tabular-nums' }}>
            θ = ({fmt(state.a)}, {fmt(state.b)}) · 𝓛 = {fmt(loss)}
            {fitted ? ' · this is θ*, the least loss' : ` · θ* = (${fmt(best[0])}, ${fmt(best[1])}) gives 𝓛 = ${fmt(bestLoss)}`}
          </output>
          <div>
            <button type="button" style={buttonStyle} onClick={fit} disabled={!objective || fitted}>
              Fit: θ ← θ*
            </button>
          </div>
        </div>
      </div>
    </figure>
  );
}
