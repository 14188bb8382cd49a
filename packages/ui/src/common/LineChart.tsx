import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { useId } from 'react';
import { Axis, leftAxisMargin, type AxisScale } from './Axis';
import { cssVar } from './theme';

/** One line of a {@link LineChart}. */
export interface ChartSeries {
  /** Legend label (also read to screen readers). */
  label: string;
  /** Stroke colour: any CSS colour or `var(--gl-…)`. */
  color: string;
  /** The (x, y) points; a non-finite y breaks the line. */
  points: ReadonlyArray<readonly [number, number]>;
  /** Dashed stroke, e.g. for a test-set curve. */
  dashed?: boolean;
  /** Dots at the points. */
  dots?: boolean;
}

/** Props of {@link LineChart}. */
export interface LineChartProps {
  /** Width in px. */
  width: number;
  /** Height in px. */
  height: number;
  /** The lines. */
  series: readonly ChartSeries[];
  /** Title of the x axis. */
  xLabel?: string;
  /** Title of the y axis. */
  yLabel?: string;
  /** Log-scaled y (losses that span decades). Values ≤ 0 are clamped to the smallest positive one. */
  logY?: boolean;
  /** x domain; default the data's extent. */
  xDomain?: readonly [number, number];
  /** y domain; default the data's extent. */
  yDomain?: readonly [number, number];
  /** Values below this are drawn at it (a converged curve stays visible). Default none (log: nine decades under the top). */
  yFloor?: number;
  /** Text shown when there is no data yet. Default "no data yet". */
  emptyText?: string;
  /** A vertical marker at this x (the current degree, iteration…). */
  markerX?: number;
  /** Text beside the marker. */
  markerLabel?: string;
  /** Accessible description of the chart (it is a picture: role="img"). */
  label: string;
  /** `data-testid` of the svg. */
  testId?: string;
}

const M = { top: 10, right: 10, bottom: 38 };

/**
 * A small SVG line chart (loss against iteration, error against degree…) shared by the
 * explainers (class `gl-line-chart`): React renders it from d3 scales; it is a picture for
 * screen readers, whose label should say what it shows. Each series' point count is in
 * `data-points`. Converged curves stay visible: on a log axis values below the floor (at
 * most nine decades under the top) are drawn on the floor, and a linear axis is padded so
 * that a curve at 0 does not vanish into the x-axis. With no finite point it says
 * "no data yet" instead of inventing a −1…1 range (`data-state="empty"`).
 */
export function LineChart({ width, height, series, xLabel, yLabel, logY = false, xDomain, yDomain, yFloor, markerX, markerLabel, label, testId, emptyText = 'no data yet' }: LineChartProps) {
  const id = useId();
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  let minPos = Infinity;
  for (const s of series) {
    for (const [x, y] of s.points) {
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
      if (y > 0) minPos = Math.min(minPos, y);
    }
  }
  const empty = !Number.isFinite(y0) || (logY && !Number.isFinite(minPos) && !yDomain);
  if (!(x1 > x0)) [x0, x1] = Number.isFinite(x0) ? [x0 - 1, x0 + 1] : [0, 1];
  if (logY) {
    // Nine decades at most: a run that converged to 1e-30 should not flatten the rest.
    const lo = Number.isFinite(minPos) ? Math.max(minPos, y1 * 1e-9, yFloor ?? 0) : 1e-3;
    [y0, y1] = [lo, Math.max(lo * 10, y1)];
  } else if (Number.isFinite(y0)) {
    if (!(y1 > y0)) [y0, y1] = [y0 - 1, y0 + 1];
    // Pad 5 % so that a curve that converged to its minimum stays off the axis line.
    const pad = (y1 - y0) * 0.05;
    [y0, y1] = [Math.min(y0 - pad, yFloor ?? Infinity), y1 + pad];
  } else [y0, y1] = [0, 1];
  const xd = xDomain ?? [x0, x1];
  const yd = yDomain ?? [y0, y1];
  const ys: AxisScale = logY
    ? scaleLog().domain([Math.max(yd[0], 1e-300), Math.max(yd[1], yd[0] * 10, 1e-299)]).clamp(true)
    : scaleLinear().domain(yd).clamp(true);
  const yTicks = Math.max(2, Math.floor((height - M.top - M.bottom) / 40));
  const left = empty ? 16 : Math.max(40, leftAxisMargin(ys, yTicks, Boolean(yLabel)));
  const pw = Math.max(20, width - left - M.right);
  const ph = Math.max(20, height - M.top - M.bottom);
  const xs = scaleLinear().domain(xd).range([0, pw]);
  ys.range([ph, 0]);
  const floor = logY ? ys.domain()[0] : yFloor ?? -Infinity;
  const yOf = (y: number) => (ys as (v: number) => number)(Math.max(floor, y));
  const path = line<readonly [number, number]>()
    .defined(([x, y]) => Number.isFinite(x) && Number.isFinite(y))
    .x(([x]) => xs(x))
    .y(([, y]) => yOf(y));
  const clip = `${id}-clip`.replace(/:/g, '');
  return (
    <svg
      width={width}
      height={height}
      role="img"
      aria-label={empty ? `${label} (${emptyText})` : label}
      data-testid={testId}
      data-points={series.map((s) => s.points.length).join(',')}
      data-state={empty ? 'empty' : 'ready'}
      className="gl-line-chart"
    >
      <defs>
        <clipPath id={clip}>
          <rect x={-4} y={-4} width={pw + 8} height={ph + 8} />
        </clipPath>
      </defs>
      <g transform={`translate(${left},${M.top})`}>
        <rect className="gl-plot-bg" width={pw} height={ph} fill={cssVar('--gl-surface')} stroke={cssVar('--gl-border')} />
        {empty ? (
          <>
            {xDomain && <Axis scale={xs} orient="bottom" offset={ph} label={xLabel} ticks={Math.max(2, Math.floor(pw / 60))} />}
            <text className="gl-empty" x={pw / 2} y={ph / 2} dy="0.32em" textAnchor="middle" fontSize={12} fill={cssVar('--gl-muted')}>
              {emptyText}
            </text>
          </>
        ) : (
          <>
            <Axis scale={xs} orient="bottom" offset={ph} label={xLabel} ticks={Math.max(2, Math.floor(pw / 60))} />
            <Axis scale={ys} orient="left" offset={0} label={yLabel} ticks={yTicks} />
          </>
        )}
        <g clipPath={`url(#${clip})`}>
          {markerX !== undefined && Number.isFinite(markerX) && (
            <g aria-hidden="true">
              <line x1={xs(markerX)} x2={xs(markerX)} y1={0} y2={ph} stroke={cssVar('--gl-fg')} strokeDasharray="3 3" />
              {markerLabel && (
                <text x={xs(markerX) + (xs(markerX) > pw * 0.7 ? -4 : 4)} y={ph - 6} fontSize={11} textAnchor={xs(markerX) > pw * 0.7 ? 'end' : 'start'} fill={cssVar('--gl-fg')}>
                  {markerLabel}
                </text>
              )}
            </g>
          )}
          {!empty &&
            series.map((s) => (
              <g key={s.label} className="gl-series">
                <path d={path(s.points) ?? ''} fill="none" stroke={s.color} strokeWidth={2} strokeDasharray={s.dashed ? '5 3' : undefined} />
                {s.dots &&
                  s.points.map(([x, y], i) =>
                    Number.isFinite(x) && Number.isFinite(y) ? <circle key={i} cx={xs(x)} cy={yOf(y)} r={2.5} fill={s.color} /> : null,
                  )}
              </g>
            ))}
        </g>
        {!empty && (
          <g aria-hidden="true" fontSize={11} fill={cssVar('--gl-fg')}>
            {series.map((s, i) => (
              <g key={s.label} transform={`translate(${pw - 6},${10 + i * 14})`}>
                <line x1={-16} x2={-2} y1={0} y2={0} stroke={s.color} strokeWidth={3} strokeDasharray={s.dashed ? '4 2' : undefined} />
                <text x={-20} dy="0.32em" textAnchor="end" stroke={cssVar('--gl-surface')} strokeWidth={3} paintOrder="stroke">
                  {s.label}
                </text>
              </g>
            ))}
          </g>
        )}
      </g>
    </svg>
  );
}

/** Distinct line colours (≥ 3:1 against white) for several runs, optimizers or methods. */
export const SERIES_COLORS = ['#cf222e', '#0969da', '#8250df', '#bc4c00', '#1a7f37', '#bf3989'] as const;

/** A compact number for readouts: 3 significant digits, exponent form when tiny or huge. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(2);
  return Number(v.toPrecision(3)).toString();
}
