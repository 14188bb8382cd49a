import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { memo, useMemo, useRef } from 'react';
import { Axis } from '../common/Axis';
import { classAttr, classColor, conceptColor } from '../common/colors';
import { MovablePoint } from '../kit/MovablePoint';
import { assigningCenters, equalAspectDomain, fmt, MARGIN, voronoiCells, type Pt } from './model';
import type { KMeansModel } from './useKMeansStepper';

type Scale = ScaleLinear<number, number>;

/** Props of {@link KMeansPlot}. */
export interface KMeansPlotProps {
  /** The stepper's state and actions. */
  model: KMeansModel;
  /** Size of the plot, px. */
  width: number;
  height: number;
  /** Accessible name of the explainer. */
  label: string;
}

/**
 * The samples coloured by cluster, the Voronoi cells of the centroids that assigned them,
 * each centroid's trail from its start, the current centroids (squares) and the draggable
 * initial centroids μᵢ⁽⁰⁾ (rings); with the best of 10 runs, that run's centroids (green ✕).
 */
export function KMeansPlot({ model, width, height, label }: KMeansPlotProps) {
  const { X, run, stepIndex, shown, state, centers, actions, best } = model;
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const domain = useMemo(() => equalAspectDomain(X, plotH / Math.max(1, plotW)), [X, plotW, plotH]);
  const xs = useMemo(() => scaleLinear().domain([domain[0], domain[1]]).range([0, plotW]), [domain, plotW]);
  const ys = useMemo(() => scaleLinear().domain([domain[2], domain[3]]).range([plotH, 0]), [domain, plotH]);
  const area = useRef<SVGRectElement>(null);
  const labels = shown?.labels ?? null;
  const assigning = assigningCenters(run.steps, stepIndex);
  const cells = useMemo(() => (state.voronoi === false || !assigning ? null : voronoiCells(assigning, domain)), [state.voronoi, assigning, domain]);
  const step = [(domain[1] - domain[0]) / 50, (domain[3] - domain[2]) / 50] as const;
  const describe = `${label}: ${X.length} samples${labels ? ' coloured by cluster' : ''}, ${centers.length} centroids${cells ? ' with their Voronoi cells' : ''}.`;
  return (
    <div className="gl-panel" data-gl-panel="plot">
      <svg width={width} height={height} role="group" aria-label={describe} className="gl-kmeans-plot" data-testid="plot" data-step={shown?.step ?? 'none'}>
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          <rect ref={area} width={plotW} height={plotH} className="gl-kmeans-area" />
          <svg width={plotW} height={plotH} overflow="hidden" aria-hidden="true">
            {cells && <Cells cells={cells} xs={xs} ys={ys} />}
            <Points X={X} labels={labels} xs={xs} ys={ys} />
            {shown && stepIndex > 0 && <Trails model={model} xs={xs} ys={ys} />}
            {best && <BestCenters centers={best.centers} xs={xs} ys={ys} />}
          </svg>
          <Axis scale={xs} orient="bottom" offset={plotH} label="x₁" />
          <Axis scale={ys} orient="left" offset={0} label="x₂" />
          {centers.map((c, i) => (
            <MovablePoint
              key={i}
              point={c}
              onMove={(p) => actions.moveCenter(i, p)}
              onStart={actions.stop}
              x={xs}
              y={ys}
              area={area}
              step={step}
              radius={7}
              label={`Initial centroid μ${sub(i + 1)} = (${fmt(c[0])}, ${fmt(c[1])})`}
              color={classColor(i)}
              testId={`centroid-${i}`}
            />
          ))}
        </g>
      </svg>
    </div>
  );
}

const SUB = '₀₁₂₃₄₅₆₇₈₉';
/** A number as Unicode subscripts (μ₁, μ₂…). */
export const sub = (n: number): string => String(n).replace(/\d/g, (d) => SUB[Number(d)]);

/** The Voronoi cells, one tinted polygon per centroid. */
function Cells({ cells, xs, ys }: { cells: Pt[][]; xs: Scale; ys: Scale }) {
  return (
    <g data-testid="voronoi" data-cells={cells.filter((c) => c.length > 2).length}>
      {cells.map((poly, i) =>
        poly.length > 2 ? <polygon key={i} className="gl-kmeans-cell" points={poly.map((p) => `${xs(p[0])},${ys(p[1])}`).join(' ')} {...classAttr(i)} /> : null,
      )}
    </g>
  );
}

/** The samples: grey before the first assignment, then in their cluster's colour. Memoised: a drag at step 0 does not redraw them. */
const Points = memo(function Points({ X, labels, xs, ys }: { X: readonly Pt[]; labels: readonly number[] | null; xs: Scale; ys: Scale }) {
  const data = conceptColor('data');
  return (
    <g data-testid="points" data-n={X.length} data-labelled={labels ? 'yes' : 'no'}>
      {X.map((p, i) => (
        // Six class colours: clusters 7 and 8 reuse the first two, drawn hollow to tell them apart.
        <circle key={i} className="gl-kmeans-point" cx={xs(p[0])} cy={ys(p[1])} r={3} fill={labels ? classColor(labels[i]) : data} data-hollow={labels && labels[i] >= 6 ? '' : undefined} {...(labels && labels[i] >= 6 ? classAttr(labels[i]) : {})} />
      ))}
    </g>
  );
});

/** Each centroid's path from its start through every update, and the current centroids as squares. */
function Trails({ model, xs, ys }: { model: KMeansModel; xs: Scale; ys: Scale }) {
  const { run, stepIndex, shown } = model;
  if (!shown) return null;
  const k = shown.centers.length;
  const paths: string[] = Array.from({ length: k }, () => '');
  let prev: Pt[] | null = null;
  for (let j = 0; j <= stepIndex; j++) {
    const s = run.steps[j];
    if (prev && s.centers.every((c, i) => c[0] === prev![i][0] && c[1] === prev![i][1])) continue;
    s.centers.forEach((c, i) => {
      paths[i] += `${paths[i] ? 'L' : 'M'}${xs(c[0])},${ys(c[1])}`;
    });
    prev = s.centers;
  }
  return (
    <g data-testid="centroids">
      {paths.map((d, i) => (
        <path key={`t${i}`} d={d} className="gl-kmeans-trail" {...classAttr(i)} />
      ))}
      {shown.centers.map((c, i) => (
        <rect key={`c${i}`} className="gl-kmeans-centroid" data-hollow={i >= 6 ? '' : undefined} x={xs(c[0]) - 7} y={ys(c[1]) - 7} width={14} height={14} {...classAttr(i)} />
      ))}
    </g>
  );
}

/** The centroids of the best of the 10 runs, as green crosses. */
function BestCenters({ centers, xs, ys }: { centers: Pt[]; xs: Scale; ys: Scale }) {
  return (
    <g data-testid="best-centers">
      {centers.map((c, i) => (
        <path key={i} className="gl-kmeans-best" transform={`translate(${xs(c[0])},${ys(c[1])})`} d="M-7,-7L7,7M-7,7L7,-7" />
      ))}
    </g>
  );
}
