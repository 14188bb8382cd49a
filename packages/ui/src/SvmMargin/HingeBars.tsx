import { scaleBand, scaleLinear } from 'd3-scale';
import { classColor, conceptColor } from '../common/colors';
import { Axis, leftAxisMargin } from '../common/Axis';
import { fmt } from './model';
import type { SvmModel } from './useSvmMargin';

const M = { top: 10, right: 8, bottom: 34 } as const;

/**
 * Each point's hinge term max(0, 1 − yᵢ f(xᵢ)) as a bar (in its class colour), with the mean,
 * the slides' 𝓛(w, b), as a horizontal line: the loss is the bars' average height.
 */
export function HingeBars({ model, width, height }: { model: SvmModel; width: number; height: number }) {
  const { view, state } = model;
  const n = state.points.length;
  const ph = Math.max(40, height - M.top - M.bottom);
  const top = Math.max(2, ...view.hinge);
  const ys = scaleLinear().domain([0, top]).range([ph, 0]).nice();
  const left = leftAxisMargin(ys, 4);
  const pw = Math.max(40, width - left - M.right);
  const xs = scaleBand<number>()
    .domain(state.points.map((_, i) => i))
    .range([0, pw])
    .padding(0.2);
  return (
    <div className="gl-panel" data-gl-panel="hinge">
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={`Hinge term of each of the ${n} points; their mean is the loss 𝓛 = ${fmt(view.loss)}.`}
        data-testid="hinge-bars"
        data-loss={view.loss}
      >
        <g transform={`translate(${left},${M.top})`}>
          <Axis scale={ys} orient="left" offset={0} label="hinge term" ticks={4} />
          <line x1={0} x2={pw} y1={ph} y2={ph} className="gl-svm-baseline" />
          {state.points.map((p, i) => (
            <rect
              key={i}
              x={xs(i)}
              width={xs.bandwidth()}
              // A zero term still shows as a 1 px stub, so every point has its place on the axis.
              y={Math.min(ph - 1, ys(view.hinge[i]))}
              height={Math.max(1, ph - ys(view.hinge[i]))}
              fill={classColor(p[2])}
              data-testid="hinge-bar"
            />
          ))}
          {n > 0 && !view.problem && (
            <g>
              <line x1={0} x2={pw} y1={ys(view.loss)} y2={ys(view.loss)} stroke={conceptColor('residual')} className="gl-svm-mean" />
              <text x={4} y={ys(view.loss) - 4} className="gl-svm-label">
                𝓛 = {fmt(view.loss)}
              </text>
            </g>
          )}
          <text x={pw / 2} y={ph + 26} textAnchor="middle" className="gl-svm-label">
            point i
          </text>
        </g>
      </svg>
    </div>
  );
}
