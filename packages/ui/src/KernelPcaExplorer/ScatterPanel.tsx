import { scaleLinear } from 'd3-scale';
import type { ReactNode } from 'react';
import { Axis } from '../common/Axis';
import { classAttr, classColor } from '../common/colors';
import { MARGIN, type Pt } from './model';

/** Props of {@link ScatterPanel}. */
export interface ScatterPanelProps {
  /** Heading of the panel. */
  title: ReactNode;
  /** Accessible description of the picture. */
  label: string;
  /** The points (null: nothing yet) and their classes. */
  points: readonly Pt[] | null;
  y: readonly number[];
  /** Axis titles. */
  xLabel: string;
  yLabel: string;
  /** Size, px. */
  width: number;
  height: number;
  /** Pre-images drawn as hollow diamonds, with a thin line from each sample. */
  preImages?: readonly Pt[] | null;
  /** Dim the points (a new fit is running). */
  busy?: boolean;
  /** What to say where there are no points. */
  emptyText?: string;
  testId: string;
  /** Which panel (`data-gl-panel`). */
  panel: string;
}

/** Extent of points, padded 8 %. */
function extent(points: readonly Pt[], axis: 0 | 1): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of points) {
    lo = Math.min(lo, p[axis]);
    hi = Math.max(hi, p[axis]);
  }
  if (!Number.isFinite(lo)) return [-1, 1];
  const pad = 0.08 * (hi - lo || 1);
  return [lo - pad, hi + pad];
}

/**
 * One scatter plot of the explorer: the samples coloured by class (outer circle / inner
 * circle, or the two moons; class 1 drawn as squares so shape tells them apart too), and
 * optionally their pre-images.
 */
export function ScatterPanel({ title, label, points, y, xLabel, yLabel, width, height, preImages, busy, emptyText = 'fitting…', testId, panel }: ScatterPanelProps) {
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const all = points ? [...points, ...(preImages ?? [])] : [];
  const xs = scaleLinear().domain(extent(all, 0)).range([0, plotW]);
  const ys = scaleLinear().domain(extent(all, 1)).range([plotH, 0]);
  return (
    <div className="gl-panel gl-kpca-panel" data-gl-panel={panel}>
      <svg width={width} height={height} role="img" aria-label={label} className="gl-kpca-plot" data-testid={testId} data-busy={busy ? '' : undefined} aria-busy={busy ? true : undefined} data-n={points?.length ?? 0}>
        <text className="gl-kpca-title" x={MARGIN.left} y={16}>
          {title}
        </text>
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          <rect className="gl-kpca-area" width={plotW} height={plotH} />
          {points ? (
            <g className="gl-kpca-points">
              {preImages &&
                preImages.map((r, i) => <line key={`l${i}`} className="gl-kpca-link" x1={xs(points[i][0])} y1={ys(points[i][1])} x2={xs(r[0])} y2={ys(r[1])} />)}
              {points.map((p, i) =>
                y[i] === 1 ? (
                  <rect key={i} className="gl-kpca-point" x={xs(p[0]) - 2.6} y={ys(p[1]) - 2.6} width={5.2} height={5.2} fill={classColor(1)} />
                ) : (
                  <circle key={i} className="gl-kpca-point" cx={xs(p[0])} cy={ys(p[1])} r={3} fill={classColor(0)} />
                ),
              )}
              {preImages && (
                <g data-testid="pre-images" data-n={preImages.length}>
                  {preImages.map((r, i) => (
                    <path key={`r${i}`} className="gl-kpca-pre" d={`M${xs(r[0])},${ys(r[1]) - 4}l4,4l-4,4l-4,-4z`} {...classAttr(y[i])} />
                  ))}
                </g>
              )}
            </g>
          ) : (
            <text className="gl-kpca-empty" x={plotW / 2} y={plotH / 2} textAnchor="middle">
              {emptyText}
            </text>
          )}
          <Axis scale={xs} orient="bottom" offset={plotH} label={xLabel} ticks={4} />
          <Axis scale={ys} orient="left" offset={0} label={yLabel} ticks={4} />
        </g>
      </svg>
    </div>
  );
}
