import { scaleLinear, scaleLog, type ScaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useId } from 'react';
import { Axis } from './Axis';
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
  /** A vertical marker at this x (the current degree, iteration…). */
  markerX?: number;
  /** Text beside the marker. */
  markerLabel?: string;
  /** Accessible description of the chart (it is a picture: role="img"). */
  label: string;
  /** `data-testid` of the svg. */
  testId?: string;
}

const M = { top: 10, right: 10, bottom: 38, left: 50 };

/**
 * A small SVG line chart (loss against iteration, error against degree…) shared by the
 * explainers: React renders it from d3 scales; it is a picture for screen readers, whose
 * label should say what it shows. Each series' point count is in `data-points`.
 */
export function LineChart({ width, height, series, xLabel, yLabel, logY = false, xDomain, yDomain, markerX, markerLabel, label, testId }: LineChartProps) {
  const id = useId();
  const pw = Math.max(20, width - M.left - M.right);
  const ph = Math.max(20, height - M.top - M.bottom);
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
  if (!(x1 > x0)) [x0, x1] = Number.isFinite(x0) ? [x0 - 1, x0 + 1] : [0, 1];
  if (logY) {
    // Nine decades at most: a run that converged to 1e-30 should not flatten the rest.
    const lo = Number.isFinite(minPos) ? Math.max(minPos, y1 * 1e-9) : 1e-3;
    [y0, y1] = [lo, Math.max(lo * 10, y1)];
  } else if (!(y1 > y0)) [y0, y1] = Number.isFinite(y0) ? [y0 - 1, y0 + 1] : [0, 1];
  const xd = xDomain ?? [x0, x1];
  const yd = yDomain ?? [y0, y1];
  const xs = scaleLinear().domain(xd).range([0, pw]);
  const ys = (logY ? scaleLog().domain([Math.max(yd[0], 1e-300), yd[1]]).range([ph, 0]).clamp(true) : scaleLinear().domain(yd).range([ph, 0]).clamp(true)) as unknown as ScaleLinear<number, number>;
  const floor = logY ? ys.domain()[0] : -Infinity;
  // Log axes: ticks at powers of ten (at most five), written 0.01, 100, 1e-6…
  let axisY = ys;
  if (logY) {
    const [d0, d1] = ys.domain();
    const e0 = Math.ceil(Math.log10(d0) - 1e-9);
    const e1 = Math.floor(Math.log10(d1) + 1e-9);
    let ticks: number[] = [];
    if (e1 >= e0) {
      const stride = Math.ceil((e1 - e0 + 1) / 5);
      for (let e = e1; e >= e0; e -= stride) ticks.push(10 ** e);
    } else ticks = [d0, d1];
    const fmt = (v: number) => {
      const e = Math.round(Math.log10(v));
      if (Math.abs(v - 10 ** e) > 1e-9 * v) return formatNumber(v);
      return e >= -3 && e <= 4 ? String(10 ** e) : `1e${e}`;
    };
    axisY = Object.assign((v: number) => ys(v), { ticks: () => ticks, tickFormat: () => fmt, range: () => ys.range() }) as unknown as ScaleLinear<number, number>;
  }
  const path = line<readonly [number, number]>()
    .defined(([x, y]) => Number.isFinite(x) && Number.isFinite(y))
    .x(([x]) => xs(x))
    .y(([, y]) => ys(Math.max(floor, y)));
  const clip = `${id}-clip`.replace(/:/g, '');
  return (
    <svg
      width={width}
      height={height}
      role="img"
      aria-label={label}
      data-testid={testId}
      data-points={series.map((s) => s.points.length).join(',')}
      style={{ overflow: 'visible', display: 'block' }}
    >
      <defs>
        <clipPath id={clip}>
          <rect x={-4} y={-4} width={pw + 8} height={ph + 8} />
        </clipPath>
      </defs>
      <g transform={`translate(${M.left},${M.top})`}>
        <rect width={pw} height={ph} fill={cssVar('--gl-surface')} stroke={cssVar('--gl-border')} />
        <Axis scale={xs} orient="bottom" offset={ph} label={xLabel} ticks={Math.max(2, Math.floor(pw / 60))} />
        <Axis scale={axisY} orient="left" offset={0} label={yLabel} ticks={Math.max(2, Math.floor(ph / 40))} />
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
          {series.map((s) => (
            <g key={s.label}>
              <path d={path(s.points) ?? ''} fill="none" stroke={s.color} strokeWidth={2} strokeDasharray={s.dashed ? '5 3' : undefined} />
              {s.dots &&
                s.points.map(([x, y], i) =>
                  Number.isFinite(x) && Number.isFinite(y) ? <circle key={i} cx={xs(x)} cy={ys(Math.max(floor, y))} r={2.5} fill={s.color} /> : null,
                )}
            </g>
          ))}
        </g>
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
