import { scaleLog } from 'd3-scale';
import { Axis } from '../common/Axis';
import { PRESETS } from './model';

/**
 * The η ruler: a log axis (1, 10, 100… labelled, 2–9 minor ticks) from 2/L ÷ 100 to 3 × 2/L,
 * with the four regimes shaded in their runs' colours, 2/L marked and your η below.
 */
export function EtaRuler({ width, etaMax, eta }: { width: number; etaMax: number; eta: number }) {
  const rs = scaleLog()
    .domain([etaMax / 100, 3 * etaMax])
    .range([8, width - 8])
    .clamp(true);
  const [lo, hi] = rs.domain();
  const edges = [lo, 0.15 * etaMax, 0.75 * etaMax, etaMax, hi];
  const names = ['too small', 'good', 'too large', 'diverges'];
  return (
    <svg
      className="gl-lr-ruler"
      width={width}
      height={64}
      role="img"
      aria-label={`Learning-rate scale (logarithmic): the largest stable η is 2/L = ${etaMax}; yours is ${eta}.`}
    >
      <text className="gl-lr-eta-max-label" x={rs(etaMax)} y={11} textAnchor="middle">
        2/L = {etaMax}
      </text>
      {names.map((t, k) => {
        const x0 = rs(edges[k]);
        const x1 = rs(edges[k + 1]);
        return (
          <g key={t}>
            <rect x={x0} width={Math.max(0, x1 - x0)} y={16} height={16} fill={PRESETS[k].color} fillOpacity={0.28} />
            {x1 - x0 > 48 && (
              <text className="gl-lr-zone-label" x={(x0 + x1) / 2} y={28} textAnchor="middle">
                {t}
              </text>
            )}
          </g>
        );
      })}
      <Axis scale={rs} orient="bottom" offset={32} />
      <line className="gl-lr-eta-max" x1={rs(etaMax)} x2={rs(etaMax)} y1={13} y2={34} data-testid="eta-max" />
      <path className="gl-lr-eta-mark" d={`M${rs(eta)},52l-5,9h10z`} data-testid="eta-mark" />
    </svg>
  );
}
