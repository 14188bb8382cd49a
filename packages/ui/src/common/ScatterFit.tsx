import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { Axis } from './Axis';
import { conceptColor } from './colors';
import { cssVar } from './theme';

/** One sample of a {@link ScatterFit}. */
export interface ScatterPoint {
  x: number;
  y: number;
  /** Test points are drawn hollow. Default 'train'. */
  kind?: 'train' | 'test';
}

/** Props of {@link ScatterFit}. */
export interface ScatterFitProps {
  /** Width in px. */
  width: number;
  /** Height in px. */
  height: number;
  /** The samples (xᵢ, yᵢ). */
  points: readonly ScatterPoint[];
  /** The model f_θ(x), drawn as a curve; omitted when absent. */
  model?: (x: number) => number;
  /** Draw the residuals yᵢ − f_θ(xᵢ) of the training points as vertical segments. */
  residuals?: boolean;
  /** x domain; default the data's extent with a margin. */
  xDomain?: readonly [number, number];
  /** y domain; default the data's extent with a margin. */
  yDomain?: readonly [number, number];
  /** Title of the x axis. Default "x". */
  xLabel?: string;
  /** Title of the y axis. Default "y". */
  yLabel?: string;
  /** Accessible description (the panel is a picture: role="img"). */
  label: string;
  /** `data-testid` of the svg. */
  testId?: string;
}

const M = { top: 8, right: 8, bottom: 36, left: 40 };

function extent(v: number[], pad = 0.1): [number, number] {
  let lo = Math.min(...v);
  let hi = Math.max(...v);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (hi === lo) [lo, hi] = [lo - 1, hi + 1];
  const d = (hi - lo) * pad;
  return [lo - d, hi + d];
}

/** Data points with a fitted curve and its residuals: the data and the model of the slides. */
export function ScatterFit({ width, height, points, model, residuals = false, xDomain, yDomain, xLabel = 'x', yLabel = 'y', label, testId }: ScatterFitProps) {
  const pw = Math.max(20, width - M.left - M.right);
  const ph = Math.max(20, height - M.top - M.bottom);
  const xd = xDomain ?? extent(points.map((p) => p.x));
  const yd = yDomain ?? extent(points.map((p) => p.y), 0.2);
  const xs = scaleLinear().domain(xd).range([0, pw]);
  const ys = scaleLinear().domain(yd).range([ph, 0]);
  const curve: [number, number][] = [];
  if (model) {
    const span = yd[1] - yd[0];
    for (let k = 0; k <= 160; k++) {
      const x = xd[0] + ((xd[1] - xd[0]) * k) / 160;
      const y = model(x);
      // Keep far-off values finite and just outside the box, so the curve leaves it cleanly.
      curve.push([x, Number.isFinite(y) ? Math.max(yd[0] - span, Math.min(yd[1] + span, y)) : NaN]);
    }
  }
  const d = line<[number, number]>()
    .defined(([, y]) => Number.isFinite(y))
    .x(([x]) => xs(x))
    .y(([, y]) => ys(y))(curve);
  return (
    <svg width={width} height={height} role="img" aria-label={label} data-testid={testId} style={{ display: 'block', overflow: 'visible' }}>
      <g transform={`translate(${M.left},${M.top})`}>
        <rect width={pw} height={ph} fill={cssVar('--gl-surface')} stroke={cssVar('--gl-border')} />
        <Axis scale={xs} orient="bottom" offset={ph} label={xLabel} ticks={Math.max(2, Math.floor(pw / 60))} />
        <Axis scale={ys} orient="left" offset={0} label={yLabel} ticks={Math.max(2, Math.floor(ph / 40))} />
        <svg width={pw} height={ph} overflow="hidden">
          {model && residuals &&
            points
              .filter((p) => p.kind !== 'test')
              .map((p, i) => (
                <line key={i} x1={xs(p.x)} x2={xs(p.x)} y1={ys(p.y)} y2={ys(model(p.x))} stroke={conceptColor('residual')} strokeWidth={1.5} data-testid="residual" />
              ))}
          {d && <path d={d} fill="none" stroke={cssVar('--gl-accent')} strokeWidth={2.5} data-testid="model-curve" />}
          {points.map((p, i) => (
            <circle
              key={i}
              cx={xs(p.x)}
              cy={ys(p.y)}
              r={4}
              fill={p.kind === 'test' ? cssVar('--gl-bg') : conceptColor('data')}
              stroke={conceptColor('data')}
              strokeWidth={1.5}
            />
          ))}
        </svg>
      </g>
    </svg>
  );
}
