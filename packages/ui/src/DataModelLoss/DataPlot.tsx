import { scaleLinear } from 'd3-scale';
import { useRef, type RefObject } from 'react';
import { Axis } from '../common/Axis';
import { conceptColor } from '../common/colors';
import { MovablePoint } from '../kit/MovablePoint';
import { useMovable, type MovableScale, type Point2 } from '../hooks/useMovable';
import { clamp, fmt, HI, KEY_STEP, LO, MARGIN, squareLeft, withIntercept, withPoint, withSlope, X_A, type DataModelLossState } from './model';

/** Props of {@link DataPlot}. */
export interface DataPlotProps {
  /** The data and the line. */
  state: DataModelLossState;
  /** The loss of the line (for the description). */
  loss: number;
  /** Side of the square plot area, px. */
  side: number;
  /** Called with each new state (a drag or key press). */
  onChange: (f: (s: DataModelLossState) => DataModelLossState) => void;
  /** Accessible name of the explainer. */
  label: string;
}

/**
 * The data, the line, and each residual drawn as a square on its residual segment (x and y
 * share one scale, so a square is a square). The points and the line's two handles move by
 * pointer (mapped by `useMovable`, right under CSS transforms) or by the arrow keys.
 */
export function DataPlot({ state, loss, side, onChange, label }: DataPlotProps) {
  const area = useRef<SVGRectElement>(null);
  const xs = scaleLinear().domain([LO, HI]).range([0, side]);
  const ys = scaleLinear().domain([LO, HI]).range([side, 0]);
  const f = (x: number) => state.a * x + state.b;
  const len = (v: number) => xs(v) - xs(0);
  return (
    <div className="gl-panel" data-gl-panel="data">
      <svg
        className="gl-dml-plot"
        width={side + MARGIN.left + MARGIN.right}
        height={side + MARGIN.top + MARGIN.bottom}
        role="group"
        aria-label={`${label}: ${state.points.length} data points, the line y = ${fmt(state.a)}·x + ${fmt(state.b)} and a square on each residual; the mean area of the squares is the loss ${fmt(loss)}.`}
      >
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          <rect ref={area} className="gl-plot-bg" width={side} height={side} />
          <Axis scale={xs} orient="bottom" offset={side} label="x" />
          <Axis scale={ys} orient="left" offset={0} label="y" />
          <svg width={side} height={side} overflow="hidden" pointerEvents="none">
            {state.points.map(([x, y], i) => {
              const s = len(Math.abs(y - f(x)));
              return <rect key={i} className="gl-dml-square" data-testid="residual-square" x={squareLeft(xs(x), s, side)} y={ys(Math.max(y, f(x)))} width={s} height={s} />;
            })}
            <line className="gl-dml-line" x1={xs(LO)} x2={xs(HI)} y1={ys(f(LO))} y2={ys(f(HI))} data-testid="model-line" />
            {state.points.map(([x, y], i) => (
              <line key={i} className="gl-dml-residual" x1={xs(x)} x2={xs(x)} y1={ys(y)} y2={ys(f(x))} />
            ))}
          </svg>
          {state.points.map(([x, y], i) => (
            <g key={i} className="gl-dml-point">
              <MovablePoint
                point={[x, y]}
                x={xs}
                y={ys}
                area={area}
                step={KEY_STEP}
                radius={6}
                color={conceptColor('data')}
                label={`Data point ${i + 1}: x = ${fmt(x)}, y = ${fmt(y)}, residual ${fmt(y - f(x))}`}
                onMove={(p) => onChange((s) => withPoint(s, i, p))}
              />
            </g>
          ))}
          <Handle
            point={[0, state.b]}
            at={[xs(0), ys(clamp(state.b))]}
            xs={xs}
            ys={ys}
            area={area}
            label={`Intercept b = ${fmt(state.b)}. Up and down arrow keys change it`}
            onMove={(p) => onChange((s) => withIntercept(s, p[1]))}
          />
          <g className="gl-dml-line-handle">
            <MovablePoint
              point={[X_A, f(X_A)]}
              at={[xs(X_A), ys(clamp(f(X_A)))]}
              x={xs}
              y={ys}
              area={area}
              step={KEY_STEP}
              constrain={free}
              color="var(--gl-accent)"
              label={`Slope a = ${fmt(state.a)}. Up and down arrow keys turn the line about its intercept`}
              onMove={(p) => onChange((s) => withSlope(s, p[1]))}
            />
          </g>
        </g>
      </svg>
    </div>
  );
}

/** The line's handles may leave the window (b ∈ [−6, 12]); the model clamps them. */
const free = (p: Point2): Point2 => [p[0], p[1]];

/**
 * The intercept's square handle (`g.gl-handle`), built on `useMovable` as `MovablePoint`
 * is, but square, so that it reads apart from the slope's round handle.
 */
function Handle({ point, at, xs, ys, area, onMove, label }: {
  point: readonly [number, number];
  at: readonly [number, number];
  xs: MovableScale;
  ys: MovableScale;
  area: RefObject<Element | null>;
  onMove: (p: Point2) => void;
  label: string;
}) {
  const { handleProps } = useMovable({ point, onMove, x: xs, y: ys, area, step: KEY_STEP, constrain: free });
  return (
    <g
      className="gl-handle gl-dml-line-handle"
      role="button"
      aria-roledescription="draggable handle"
      aria-label={`${label}. Arrow keys move it, Shift moves it further.`}
      transform={`translate(${at[0]},${at[1]})`}
      data-testid="intercept-handle"
      {...handleProps}
    >
      <circle className="gl-handle-hit" r={22} fill="transparent" />
      <rect className="gl-handle-ring" x={-12} y={-12} width={24} height={24} fill="none" />
      <rect className="gl-handle-dot" x={-7} y={-7} width={14} height={14} />
    </g>
  );
}
