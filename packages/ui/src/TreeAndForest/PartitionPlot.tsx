import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { useMemo, useRef, type ReactNode, type RefObject } from 'react';
import { Axis, leftAxisMargin } from '../common/Axis';
import { classColor } from '../common/colors';
import { FieldCanvas } from '../Playground/FieldCanvas';
import { MovablePoint } from '../kit/MovablePoint';
import { fmt, partition, reaches, splitsOf, splitText } from './model';
import type { TreeModel } from './useTreeAndForest';

const M0 = { top: 8, right: 10, bottom: 40 } as const;

/** What a plane's overlay receives. */
interface Plane {
  xs: ScaleLinear<number, number>;
  ys: ScaleLinear<number, number>;
  pw: number;
  ph: number;
  area: RefObject<SVGRectElement | null>;
}

/** Axes, a plot-area rect and an optional canvas field under an SVG overlay. */
function PlaneFrame({ model, size, label, field, children }: { model: TreeModel; size: number; label: string; field?: Float32Array | null; children: (p: Plane) => ReactNode }) {
  const { domain, data, features } = model;
  const ph = Math.max(10, size - M0.top - M0.bottom);
  const ys = useMemo(() => scaleLinear().domain([domain[2], domain[3]]).range([ph, 0]), [domain, ph]);
  const M = { ...M0, left: leftAxisMargin(ys) };
  const pw = Math.max(10, size - M.left - M.right);
  const xs = useMemo(() => scaleLinear().domain([domain[0], domain[1]]).range([0, pw]), [domain, pw]);
  const area = useRef<SVGRectElement>(null);
  const title = (f: number) => (data.featureTitles[f] === data.featureNames[f] ? data.featureNames[f] : `${data.featureNames[f]}: ${data.featureTitles[f]}`);
  return (
    <div className="gl-stack" style={{ width: size, height: size }}>
      {field && (
        <div className="gl-tree-canvas" style={{ left: M.left, top: M.top, width: pw, height: ph }}>
          <FieldCanvas values={field} size={64} width={pw} height={ph} kind="classes" testId="forest-field" />
        </div>
      )}
      <svg width={size} height={size} role="group" aria-label={label}>
        <g transform={`translate(${M.left},${M.top})`}>
          <rect ref={area} width={pw} height={ph} fill="transparent" />
          <Axis scale={xs} orient="bottom" offset={ph} label={title(features[0])} />
          <Axis scale={ys} orient="left" offset={0} label={title(features[1])} />
          {children({ xs, ys, pw, ph, area })}
          <rect className="gl-tree-frame" width={pw} height={ph} fill="none" pointerEvents="none" />
        </g>
      </svg>
    </div>
  );
}

const clip = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * The tree's axis-aligned partition of the plotted plane: each region (frontier node) filled
 * with its majority class (stronger when purer), the grown splits as lines, the training
 * points; the focused node's box outlined and its samples emphasised. Splits on unplotted
 * features (iris) are listed under the plot.
 */
export function PartitionPlot({ model, size }: { model: TreeModel; size: number }) {
  const { data, features: f, held, vis, boxes, grown, focus, domain } = model;
  const nodes = model.tree?.nodes ?? [];
  const regions = partition(nodes, vis, boxes, f, held);
  const { lines, hidden } = splitsOf(nodes, grown, boxes, f, held);
  const iris = data.X[0].length > 2;
  const fb = focus !== null && boxes[focus] ? boxes[focus] : null;
  const inFocus = (i: number) => focus === null || reaches(nodes, data.X[i], focus);
  return (
    <div className="gl-panel" data-gl-panel="plane">
      <PlaneFrame model={model} size={size} label={`The tree's partition of the plane ${data.featureNames[f[0]]}, ${data.featureNames[f[1]]}: ${regions.length} regions`}>
        {({ xs, ys, pw, ph }) => {
          const X = (v: number) => clip(xs(clip(v, domain[0], domain[1])), 0, pw);
          const Y = (v: number) => clip(ys(clip(v, domain[2], domain[3])), 0, ph);
          return (
            <>
              {regions.map((r) => (
                <rect key={r.node} className="gl-tree-region" data-testid="region" data-node={r.node} x={X(r.box[0])} y={Y(r.box[3])} width={X(r.box[1]) - X(r.box[0])} height={Y(r.box[2]) - Y(r.box[3])} fill={classColor(r.cls)} fillOpacity={0.08 + 0.27 * r.purity} />
              ))}
              {lines.map((l) => (
                <line key={l.node} className="gl-tree-split" data-node={l.node} {...(l.dir === 'v' ? { x1: X(l.at), x2: X(l.at), y1: Y(l.from), y2: Y(l.to) } : { y1: Y(l.at), y2: Y(l.at), x1: X(l.from), x2: X(l.to) })} />
              ))}
              {data.X.map((p, i) => (
                <circle key={i} className="gl-tree-point" cx={xs(p[f[0]])} cy={ys(p[f[1]])} r={3} fill={classColor(data.y[i])} opacity={inFocus(i) ? 1 : 0.15} />
              ))}
              {fb && (
                <rect className="gl-tree-focus" data-testid="focus-box" x={X(fb[f[0]][0])} y={Y(fb[f[1]][1])} width={X(fb[f[0]][1]) - X(fb[f[0]][0])} height={Y(fb[f[1]][0]) - Y(fb[f[1]][1])} />
              )}
            </>
          );
        }}
      </PlaneFrame>
      {iris && (
        <p className="gl-tree-note" data-testid="hidden-splits" style={{ maxWidth: size }}>
          {hidden.length
            ? `Splits on the other features (not drawn): ${hidden.map((i) => `${splitText(nodes[i], data.featureNames)} (node ${i})`).join('; ')}. `
            : 'Every grown split is on the plotted features. '}
          Regions drawn with the other features at their medians ({held.map((v, j) => (j === f[0] || j === f[1] ? null : `${data.featureNames[j]} = ${fmt(v)}`)).filter(Boolean).join(', ')}).
        </p>
      )}
    </div>
  );
}

/** The forest's decision field (mean of the trees' probabilities), the points and the draggable query point. */
export function ForestPlot({ model, size }: { model: TreeModel; size: number }) {
  const { data, features: f, state, actions, counts } = model;
  const cls = counts ? counts.indexOf(Math.max(...counts)) : null;
  return (
    <div className="gl-panel" data-gl-panel="forest-plane">
      <PlaneFrame model={model} size={size} label="The forest's decision regions and the point it votes on" field={model.field}>
        {({ xs, ys, area }) => (
          <>
            {data.X.map((p, i) => (
              <circle key={i} className="gl-tree-point" cx={xs(p[f[0]])} cy={ys(p[f[1]])} r={2.5} fill={classColor(data.y[i])} />
            ))}
            <MovablePoint
              point={state.query}
              onMove={actions.moveQuery}
              x={xs}
              y={ys}
              area={area}
              color={cls === null ? 'var(--gl-fg)' : classColor(cls)}
              label={`Point the trees vote on: ${data.featureNames[f[0]]} = ${fmt(state.query[0])}, ${data.featureNames[f[1]]} = ${fmt(state.query[1])}`}
              testId="query"
            />
          </>
        )}
      </PlaneFrame>
    </div>
  );
}
