import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useMemo } from 'react';
import { ACTIVATIONS } from '../common/activations';
import { Axis } from '../common/Axis';
import { curvePoints, hDomain, signed, Z_DOMAIN, type NeuronActivation, type NeuronOutput } from './model';

const M = { top: 12, right: 12, bottom: 40, left: 44 };

/** Props of {@link ActivationPlot}. */
export interface ActivationPlotProps {
  activation: NeuronActivation;
  out: NeuronOutput;
  width: number;
  height: number;
}

/**
 * φ(z) with its flat parts shaded (the sigmoid's and tanh's saturated plateaus, φ′ < 0.02;
 * ReLU's dead half, φ′ = 0) and the neuron's operating point (z, h) with its guides.
 */
export function ActivationPlot({ activation, out, width, height }: ActivationPlotProps) {
  const act = ACTIVATIONS[activation];
  const pw = Math.max(40, width - M.left - M.right);
  const ph = Math.max(40, height - M.top - M.bottom);
  const xs = useMemo(() => scaleLinear().domain(Z_DOMAIN).range([0, pw]), [pw]);
  const ys = scaleLinear().domain(hDomain(activation)).range([ph, 0]).clamp(true);
  const d = useMemo(() => line<[number, number]>().x(([a]) => xs(a)).y(([, b]) => ys(b))(curvePoints(activation)) ?? '', [activation, xs, ph]); // eslint-disable-line react-hooks/exhaustive-deps
  const zc = Math.min(Z_DOMAIN[1], Math.max(Z_DOMAIN[0], out.z));
  const relu = activation === 'relu';
  const flatLabel = relu ? 'dead: φ′ = 0' : 'saturated: φ′ ≈ 0';
  return (
    <div className="gl-panel" data-gl-panel="">
      <svg
        width={width}
        height={height}
        className="gl-neuron-plot"
        role="img"
        aria-label={`The activation ${act.label} of z, with its ${relu ? 'dead half (z ≤ 0)' : 'saturated regions'} shaded; the neuron sits at z = ${signed(out.z)}, h = ${signed(out.h, 3)}.`}
        data-testid="activation-curve"
        data-z={out.z}
        data-saturated={out.flat}
        data-dead={out.dead}
      >
        <g transform={`translate(${M.left},${M.top})`}>
          <rect width={pw} height={ph} className="gl-plot-bg" />
          {act.plateaus.map(([a, b], k) => {
            const x0 = xs(Math.max(a, Z_DOMAIN[0]));
            const x1 = xs(Math.min(b, Z_DOMAIN[1]));
            return x1 > x0 ? <rect key={k} x={x0} y={0} width={x1 - x0} height={ph} className="gl-neuron-flat" data-testid="plateau" /> : null;
          })}
          {act.plateaus.length > 0 && (
            <text x={xs(act.plateaus[0][1] === Infinity ? Z_DOMAIN[0] : Math.max(Z_DOMAIN[0], act.plateaus[0][1])) - 4} y={14} textAnchor="end" className="gl-neuron-text gl-neuron-small">
              {flatLabel}
            </text>
          )}
          <Axis scale={xs} orient="bottom" offset={ph} label="z = Σ wᵢxᵢ + b" ticks={Math.max(3, Math.min(8, Math.floor(pw / 40)))} />
          <Axis scale={ys} orient="left" offset={0} label="h = φ(z)" ticks={5} />
          <path d={d} className="gl-neuron-curve" />
          <line x1={xs(zc)} x2={xs(zc)} y1={ph} y2={ys(out.h)} className="gl-neuron-guide" />
          <line x1={0} x2={xs(zc)} y1={ys(out.h)} y2={ys(out.h)} className="gl-neuron-guide" />
          <circle cx={xs(zc)} cy={ys(out.h)} r={6} className="gl-neuron-point" />
          {out.z !== zc && (
            <text x={xs(zc) + (out.z > 0 ? -8 : 8)} y={ys(out.h) + (relu ? 16 : -10)} textAnchor={out.z > 0 ? 'end' : 'start'} className="gl-neuron-text gl-neuron-small">
              z = {signed(out.z, 1)} (off scale)
            </text>
          )}
        </g>
      </svg>
    </div>
  );
}
