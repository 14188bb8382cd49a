import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { useMemo, useRef, type MouseEvent } from 'react';
import { Axis } from '../common/Axis';
import { classAttr } from '../common/colors';
import { clientToLocal } from '../hooks/useMovable';
import { equalDomain, MARGIN, nearest, type Pt } from './model';
import type { DbscanModel } from './useDbscan';

type Scale = ScaleLinear<number, number>;

/** Props of {@link DbscanPlot}. */
export interface DbscanPlotProps {
  /** The stepper's state and actions. */
  model: DbscanModel;
  /** Size of the plot, px. */
  width: number;
  height: number;
  /** Accessible name of the explainer. */
  label: string;
}

/**
 * The samples as they are reached: grey dots not yet reached; core samples filled discs,
 * border samples rings, in their cluster's colour; noise (at the end) crosses. The ring
 * added at this step is outlined, and its core samples carry their dashed ε-circles (the
 * next ring comes from inside them). A click picks the seed sample.
 */
export function DbscanPlot({ model, width, height, label }: DbscanPlotProps) {
  const { X, growth, frame, state, actions } = model;
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const domain = useMemo(() => equalDomain(X, plotH / Math.max(1, plotW)), [X, plotW, plotH]);
  const xs = useMemo(() => scaleLinear().domain([domain[0], domain[1]]).range([0, plotW]), [domain, plotW]);
  const ys = useMemo(() => scaleLinear().domain([domain[2], domain[3]]).range([plotH, 0]), [domain, plotH]);
  const area = useRef<SVGRectElement>(null);
  const pick = (e: MouseEvent<SVGRectElement>) => {
    const p = area.current && clientToLocal(area.current, e.clientX, e.clientY);
    if (p) actions.setSeed(nearest(X, [xs.invert(p[0]), ys.invert(p[1])]));
  };
  const rPx = growth.error ? 0 : Math.abs(xs(state.eps) - xs(0));
  const circles = frame.done ? [] : frame.frontier.filter((i) => growth.core[i]);
  const clusters = growth.starts.length;
  const describe = `${label}: ${X.length} samples, ${frame.labels.filter((l) => l >= 0).length} reached${frame.done ? `, ${clusters} clusters` : ''}. Click a sample to grow from it.`;
  return (
    <div className="gl-panel" data-gl-panel="plot">
      <svg width={width} height={height} role="group" aria-label={describe} className="gl-dbscan-plot" data-testid="plot">
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          <rect ref={area} width={plotW} height={plotH} className="gl-dbscan-area" onClick={pick} data-testid="plot-area" />
          <svg width={plotW} height={plotH} overflow="hidden" aria-hidden="true" pointerEvents="none">
            {circles.map((i) => (
              <circle key={`e${i}`} className="gl-dbscan-eps" cx={xs(X[i][0])} cy={ys(X[i][1])} r={rPx} {...classAttr(frame.cluster)} />
            ))}
            <Marks model={model} xs={xs} ys={ys} />
            {growth.start >= 0 && <circle className="gl-dbscan-seed" cx={xs(X[growth.start][0])} cy={ys(X[growth.start][1])} r={9} data-testid="seed" data-index={growth.start} />}
          </svg>
          <Axis scale={xs} orient="bottom" offset={plotH} label="x₁" />
          <Axis scale={ys} orient="left" offset={0} label="x₂" />
        </g>
      </svg>
    </div>
  );
}

/** One mark per sample: its shape says its kind, its colour its cluster. */
function Marks({ model, xs, ys }: { model: DbscanModel; xs: Scale; ys: Scale }) {
  const { X, growth, frame } = model;
  const isNew = new Set(frame.frontier);
  const counts = { unvisited: 0, core: 0, border: 0, noise: 0 };
  const marks = X.map((p: Pt, i) => {
    const [cx, cy] = [xs(p[0]), ys(p[1])];
    const l = frame.labels[i];
    if (l < 0 && !frame.done) {
      counts.unvisited++;
      return <circle key={i} className="gl-dbscan-unvisited" cx={cx} cy={cy} r={2.5} />;
    }
    if (l < 0) {
      counts.noise++;
      return <path key={i} className="gl-dbscan-noise" d={`M${cx - 3.5},${cy - 3.5}L${cx + 3.5},${cy + 3.5}M${cx - 3.5},${cy + 3.5}L${cx + 3.5},${cy - 3.5}`} />;
    }
    const cls = `${growth.core[i] ? 'gl-dbscan-core' : 'gl-dbscan-border'}${isNew.has(i) ? ' gl-dbscan-new' : ''}`;
    counts[growth.core[i] ? 'core' : 'border']++;
    return <circle key={i} className={cls} cx={cx} cy={cy} r={growth.core[i] ? 4 : 3.5} {...classAttr(l)} />;
  });
  return (
    <g data-testid="points" data-unvisited={counts.unvisited} data-core={counts.core} data-border={counts.border} data-noise={counts.noise}>
      {marks}
    </g>
  );
}
