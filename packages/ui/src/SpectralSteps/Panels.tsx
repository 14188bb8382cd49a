import { scaleLinear } from 'd3-scale';
import type { ReactNode } from 'react';
import { Axis } from '../common/Axis';
import { classAttr, ON_MAP } from '../common/colors';
import { ColorLegend } from '../kit/ColorLegend';
import { Heatmap } from '../kit/Heatmap';

/** A titled panel (`div.gl-panel`). */
export function Panel({ title, width, name, children, testId, stale = false }: { title: ReactNode; width: number; name: string; children: ReactNode; testId?: string; stale?: boolean }) {
  return (
    <div className="gl-panel gl-spectral-panel" data-gl-panel={name} style={{ width }} data-testid={testId} data-stale={stale ? '' : undefined}>
      <div className="gl-spectral-title">{title}</div>
      {children}
    </div>
  );
}

/** Props of {@link MatrixView}. */
export interface MatrixViewProps {
  values: Float64Array;
  n: number;
  size: number;
  kind: 'sequential' | 'diverging';
  domain: readonly [number, number];
  /** Index of the first sample of the second true class (the block border). */
  split: number;
  label: string;
  legendTitle: string;
  testId?: string;
}

/** An n × n matrix as a heatmap, with the border between the true classes and its colour legend. */
export function MatrixView({ values, n, size, kind, domain, split, label, legendTitle, testId }: MatrixViewProps) {
  const at = (split / n) * size;
  return (
    <>
      <Heatmap values={values} rows={n} cols={n} width={size} height={size} kind={kind} domain={domain} label={label} testId={testId}>
        <rect width={size} height={size} className="gl-spectral-frame" />
        {/* On the dark end of viridis the border is drawn in the on-map white; on the diverging map in the text colour. */}
        <line x1={at} x2={at} y1={0} y2={size} className="gl-spectral-split" stroke={kind === 'sequential' ? ON_MAP.fill : undefined} data-on-map={kind === 'sequential' ? '' : undefined} />
        <line y1={at} y2={at} x1={0} x2={size} className="gl-spectral-split" stroke={kind === 'sequential' ? ON_MAP.fill : undefined} data-on-map={kind === 'sequential' ? '' : undefined} />
      </Heatmap>
      <ColorLegend kind={kind} domain={domain} title={legendTitle} width={Math.min(size, 220)} ticks={3} />
    </>
  );
}

const M = { left: 46, right: 8, top: 6, bottom: 30 };

/** Props of {@link PointsView}. */
export interface PointsViewProps {
  /** One [x, y] per sample. */
  points: readonly (readonly number[])[];
  /** Cluster of each sample (colour), or null for none yet. */
  labels: readonly number[] | null;
  /** Graph edges to draw under the points. */
  edges?: readonly (readonly [number, number])[];
  width: number;
  xLabel: string;
  yLabel: string;
  label: string;
  testId?: string;
}

/** A scatter plot of samples coloured by cluster, optionally over the graph's edges. Equal-looking padding; a flat axis is widened. */
export function PointsView({ points, labels, edges, width, xLabel, yLabel, label, testId }: PointsViewProps) {
  const pw = Math.max(60, width - M.left - M.right);
  const ph = Math.round(pw * 0.8);
  // Padded extent; a flat coordinate (u₁ of a connected graph is constant: λ₁ = 0) gets a
  // window around its value instead of rounding noise blown up to the full width.
  const ext = (c: number): [number, number] => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of points) {
      lo = Math.min(lo, p[c]);
      hi = Math.max(hi, p[c]);
    }
    if (!Number.isFinite(lo)) return [-1, 1];
    const mid = (lo + hi) / 2;
    const flatAxis = hi - lo <= 1e-6 * Math.max(Math.abs(mid), 1e-12);
    const pad = flatAxis ? Math.max(Math.abs(mid) * 0.5, 1e-3) : (hi - lo) * 0.06;
    return flatAxis ? [mid - pad, mid + pad] : [lo - pad, hi + pad];
  };
  const xs = scaleLinear().domain(ext(0)).range([0, pw]);
  const ys = scaleLinear().domain(ext(1)).range([ph, 0]);
  let d = '';
  for (const [i, j] of edges ?? []) d += `M${xs(points[i][0]).toFixed(1)},${ys(points[i][1]).toFixed(1)}L${xs(points[j][0]).toFixed(1)},${ys(points[j][1]).toFixed(1)}`;
  return (
    <svg width={width} height={ph + M.top + M.bottom} className="gl-spectral-svg" role="img" aria-label={label} data-testid={testId}>
      <g transform={`translate(${M.left},${M.top})`}>
        <rect width={pw} height={ph} className="gl-spectral-area" />
        {d && <path d={d} className="gl-spectral-edges" />}
        {points.map((p, i) => (
          <circle key={i} cx={xs(p[0])} cy={ys(p[1])} r={3} className="gl-spectral-point" {...(labels ? classAttr(labels[i]) : {})} data-unlabelled={labels ? undefined : ''} />
        ))}
        <Axis scale={xs} orient="bottom" offset={ph} ticks={4} label={xLabel} format={tick} />
        <Axis scale={ys} orient="left" offset={0} ticks={4} label={yLabel} format={tick} />
      </g>
    </svg>
  );
}

/** Tick labels with at most 2 significant digits (the embedding's values are small). */
const tick = (v: number): string => (v === 0 ? '0' : Number(v.toPrecision(2)).toString().replace('-', '−'));
