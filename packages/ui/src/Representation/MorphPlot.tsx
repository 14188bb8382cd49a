import { scaleLinear } from 'd3-scale';
import { memo } from 'react';
import { Axis } from '../common/Axis';
import { classAttr } from '../common/colors';
import { cartBoundaryAt, lineInSquare, polarBoundaryAt, type Pt } from './model';
import type { RepresentationModel } from './useRepresentation';

const M = { top: 10, right: 10, bottom: 40, left: 52 } as const;
/** The plot shows [−SPAN, SPAN]² of the scaled coordinates (a margin around [−1, 1]²). */
const SPAN = 1.08;

type Scale = (v: number) => number;

/** A polyline's path. */
const pathOf = (runs: readonly Pt[][], xs: Scale, ys: Scale): string =>
  runs.map((run) => `M${run.map((p) => `${xs(p[0]).toFixed(1)},${ys(p[1]).toFixed(1)}`).join('L')}`).join('');

/**
 * The rings at morph position t: each point at z(t) = (1 − t)·x̃ + t·p̃, coloured by ring,
 * ringed in red where the linear model fitted on z(t) is wrong; that model's line (solid),
 * the polar model's threshold carried along (dashed: a closed curve in Cartesian, a
 * straight line in polar) and the Cartesian model's line carried along (dotted). Axes of
 * the nearer representation: (x₁, x₂) for t < ½, (r, θ) from t = ½.
 */
export function MorphPlot({ model, size }: { model: RepresentationModel; size: number }) {
  const { Z, rings, now, cart, polar, state } = model;
  const pw = size - M.left - M.right;
  const xs = scaleLinear().domain([-SPAN, SPAN]).range([0, pw]);
  const ys = scaleLinear().domain([-SPAN, SPAN]).range([pw, 0]);
  const polarAxes = state.t >= 0.5;
  const R = rings.R;
  // Axes in the units of the nearer representation, over the same pixels.
  const ax = polarAxes ? scaleLinear().domain([((1 - SPAN) * R) / 2, ((1 + SPAN) * R) / 2]).range([0, pw]) : scaleLinear().domain([-SPAN * R, SPAN * R]).range([0, pw]);
  const ay = polarAxes ? scaleLinear().domain([-SPAN * Math.PI, SPAN * Math.PI]).range([pw, 0]) : scaleLinear().domain([-SPAN * R, SPAN * R]).range([pw, 0]);
  const line = now ? lineInSquare(now.w, now.b, SPAN) : null;
  const wrong = now ? Z.filter((z, i) => (now.w[0] * z[0] + now.w[1] * z[1] + now.b > 0 ? 1 : 0) !== rings.y[i]).length : 0;
  return (
    <svg
      width={size}
      height={pw + M.top + M.bottom}
      className="gl-rep-plot"
      role="img"
      data-testid="morph"
      data-t={state.t}
      data-wrong={wrong}
      aria-label={`The rings at t = ${state.t.toFixed(2)} (0 Cartesian, 1 polar): ${rings.X.length} points, ${wrong} misclassified by the linear model fitted here.`}
    >
      <g transform={`translate(${M.left},${M.top})`}>
        <rect width={pw} height={pw} className="gl-rep-bg" />
        <svg width={pw} height={pw} overflow="hidden">
          {cart && <path d={pathOf(cartBoundaryAt(cart, R, state.t), xs, ys)} className="gl-rep-cart-line" data-testid="cart-boundary" />}
          <Points Z={Z} y={rings.y} now={now} xs={xs} ys={ys} />
          {line && <path d={`M${xs(line[0][0])},${ys(line[0][1])}L${xs(line[1][0])},${ys(line[1][1])}`} className="gl-rep-line" data-testid="live-boundary" />}
          {polar && <path d={pathOf(polarBoundaryAt(polar, R, state.t), xs, ys)} className="gl-rep-polar-line" data-testid="polar-boundary" />}
        </svg>
        <Axis scale={ax} orient="bottom" offset={pw} label={polarAxes ? 'r' : 'x₁'} ticks={5} />
        <Axis scale={ay} orient="left" offset={0} label={polarAxes ? 'θ (rad)' : 'x₂'} ticks={5} />
      </g>
    </svg>
  );
}

/** The points, coloured by ring, ringed in red where the current linear model is wrong. */
const Points = memo(function Points({ Z, y, now, xs, ys }: { Z: readonly Pt[]; y: readonly number[]; now: RepresentationModel['now']; xs: Scale; ys: Scale }) {
  return (
    <g>
      {Z.map((z, i) => {
        const wrong = now ? (now.w[0] * z[0] + now.w[1] * z[1] + now.b > 0 ? 1 : 0) !== y[i] : false;
        return (
          <g key={i} transform={`translate(${xs(z[0]).toFixed(1)},${ys(z[1]).toFixed(1)})`} className="gl-rep-point" data-wrong={wrong ? '' : undefined} {...classAttr(y[i])}>
            {wrong && <circle r={6.5} className="gl-rep-wrong" />}
            <circle r={3.5} className="gl-rep-dot" />
          </g>
        );
      })}
    </g>
  );
});
