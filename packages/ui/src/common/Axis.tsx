import type { ScaleLinear } from 'd3-scale';
import { cssVar } from './theme';

/** Props of {@link Axis}. */
export interface AxisProps {
  /** The scale whose domain is labelled; its range is in px. */
  scale: ScaleLinear<number, number>;
  /** Which side of the plot. */
  orient: 'bottom' | 'left';
  /** Offset of the axis line: y for bottom, x for left. */
  offset: number;
  /** Axis title (may hold Unicode maths such as θ₁). */
  label?: string;
  /** Number of ticks asked of the scale. Default 5. */
  ticks?: number;
}

/** A plain SVG axis rendered by React from a d3 scale's ticks (no d3-selection). */
export function Axis({ scale, orient, offset, label, ticks = 5 }: AxisProps) {
  const values = scale.ticks(ticks);
  const fmt = scale.tickFormat(ticks);
  const [r0, r1] = scale.range();
  const stroke = cssVar('--gl-muted');
  if (orient === 'bottom') {
    return (
      <g aria-hidden="true" fontSize={11} fill={cssVar('--gl-fg')}>
        <line x1={r0} x2={r1} y1={offset} y2={offset} stroke={stroke} />
        {values.map((v) => (
          <g key={v} transform={`translate(${scale(v)},${offset})`}>
            <line y2={5} stroke={stroke} />
            <text y={16} textAnchor="middle">{fmt(v)}</text>
          </g>
        ))}
        {label && (
          <text x={(r0 + r1) / 2} y={offset + 32} textAnchor="middle" fontSize={13}>
            {label}
          </text>
        )}
      </g>
    );
  }
  return (
    <g aria-hidden="true" fontSize={11} fill={cssVar('--gl-fg')}>
      <line y1={r0} y2={r1} x1={offset} x2={offset} stroke={stroke} />
      {values.map((v) => (
        <g key={v} transform={`translate(${offset},${scale(v)})`}>
          <line x2={-5} stroke={stroke} />
          <text x={-8} dy="0.32em" textAnchor="end">{fmt(v)}</text>
        </g>
      ))}
      {label && (
        <text transform={`translate(${offset - 38},${(r0 + r1) / 2}) rotate(-90)`} textAnchor="middle" fontSize={13}>
          {label}
        </text>
      )}
    </g>
  );
}
