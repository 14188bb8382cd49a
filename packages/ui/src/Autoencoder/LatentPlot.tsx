import { scaleLinear } from 'd3-scale';
import { useMemo, useRef } from 'react';
import { Axis, leftAxisMargin } from '../common/Axis';
import { classColor, conceptColor, sequential } from '../common/colors';
import { MovablePoint } from '../kit/MovablePoint';
import { useMovable } from '../hooks/useMovable';
import { distanceFraction, fmt, OUTPUT_COLOR, windowLabel } from './model';
import type { AutoencoderModel } from './useAutoencoder';

/** Padded extent of the codes, so that every point and a margin around them fit. */
function extent(v: Float32Array, offset: number): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (let i = offset; i < v.length; i += 2) {
    lo = Math.min(lo, v[i]);
    hi = Math.max(hi, v[i]);
  }
  if (!(hi > lo)) return [lo - 1, lo + 1];
  const pad = 0.12 * (hi - lo);
  return [lo - pad, hi + pad];
}

/**
 * The 2-D latent space: each held-out window's code z = (z₁, z₂), coloured by window type or
 * by distance. Pressing the plot (or dragging the ring, or the arrow keys on it) picks a
 * latent point, which the decoder turns into a waveform; clicking a dot picks that window.
 */
export function LatentPlot({ model, size }: { model: AutoencoderModel; size: number }) {
  const { derived, data, state, actions, z, windowView } = model;
  const area = useRef<SVGRectElement>(null);
  const codes = derived?.codes ?? null;
  const xd = useMemo(() => (codes ? extent(codes, 0) : ([-1, 1] as [number, number])), [codes]);
  const yd = useMemo(() => (codes ? extent(codes, 1) : ([-1, 1] as [number, number])), [codes]);
  const top = 10, right = 10, bottom = 38;
  const ysProbe = scaleLinear().domain(yd).range([size, 0]);
  const left = leftAxisMargin(ysProbe);
  const plotW = Math.max(60, size - left - right);
  const plotH = Math.max(60, size - top - bottom);
  const xs = scaleLinear().domain(xd).range([0, plotW]);
  const ys = scaleLinear().domain(yd).range([plotH, 0]);
  const point: [number, number] = z ? [z[0], z[1]] : [0, 0];
  const { areaProps } = useMovable({ point, onMove: actions.setZ, x: xs, y: ys, area, disabled: !codes });
  const color = (k: number) => (state.colourBy === 'type' ? classColor(data.type[k]) : data.type[k] === 0 ? conceptColor('data') : sequential(distanceFraction(data.distance[k])));
  return (
    <div className="gl-panel gl-ae-latent" data-gl-panel="">
      <svg width={size} height={size} className="gl-ae-latent-svg" role="group" aria-label="Latent space of the held-out windows: z₁ across, z₂ up" data-testid="latent-plot" data-points={codes ? data.count : 0}>
        <g transform={`translate(${left},${top})`}>
          <rect ref={area} width={plotW} height={plotH} className="gl-ae-area" {...areaProps} />
          {codes &&
            Array.from({ length: data.count }, (_, k) => {
              const noise = data.type[k] === 0;
              const c = color(k);
              return (
                <circle
                  key={k}
                  className="gl-ae-dot"
                  cx={xs(codes[2 * k])}
                  cy={ys(codes[2 * k + 1])}
                  r={k === state.window ? 6 : 3.5}
                  fill={noise && state.colourBy === 'distance' ? 'none' : c}
                  stroke={noise ? c : undefined}
                  data-selected={k === state.window || undefined}
                  data-type={data.type[k]}
                  onClick={() => actions.selectWindow(k)}
                >
                  <title>{windowLabel(data, k)}</title>
                </circle>
              );
            })}
          {codes && windowView && (
            <circle className="gl-ae-selected" cx={xs(windowView.code[0])} cy={ys(windowView.code[1])} r={9} aria-hidden="true" />
          )}
          {codes && z && (
            <MovablePoint
              point={point}
              onMove={actions.setZ}
              x={xs}
              y={ys}
              area={area}
              label={`Latent point z = (${fmt(point[0], 2)}, ${fmt(point[1], 2)}), decoded into the waveform beside`}
              color={OUTPUT_COLOR}
              testId="latent-handle"
            />
          )}
          <Axis scale={xs} orient="bottom" offset={plotH} label="z₁" ticks={4} />
          <Axis scale={ys} orient="left" offset={0} label="z₂" ticks={4} />
          {!codes && (
            <text className="gl-ae-empty" x={plotW / 2} y={plotH / 2} textAnchor="middle">
              {model.error ? 'no model' : 'loading…'}
            </text>
          )}
        </g>
      </svg>
    </div>
  );
}
