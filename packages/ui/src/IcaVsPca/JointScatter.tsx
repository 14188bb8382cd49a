import { scaleLinear } from 'd3-scale';
import { useId, useRef, type ReactNode } from 'react';
import { Axis } from '../common/Axis';
import type { Mat2 } from './model';
import { A_MAX, fmt } from './model';
import { MovablePoint } from '../kit/MovablePoint';
import { classAttr, classColor } from '../common/colors';

/** Props of {@link JointScatter}. */
export interface JointScatterProps {
  /** The two signals: one point (a[i], b[i]) per time sample. */
  signals: readonly [readonly number[], readonly number[]] | null;
  /** Panel title (e.g. "Mixtures x₁ vs x₂"). */
  title: ReactNode;
  /** Axis titles. */
  xLabel: string;
  yLabel: string;
  /** Half-width of the square data domain. */
  extent: number;
  /** Side of the plot in px. */
  size: number;
  /** Accessible description of the cloud. */
  label: string;
  /** The mixing matrix, drawn as two draggable arrows a₁, a₂ (the mixtures' plot only). */
  mixing?: Mat2;
  /** Moves the tip of aⱼ. */
  onMoveVector?: (j: 0 | 1, p: readonly [number, number]) => void;
  /** What to write when there are no signals. */
  emptyText?: string;
  testId?: string;
}

const M = { left: 46, right: 8, top: 8, bottom: 30 };
/** Every STRIDE-th sample is drawn (500 of 1000): enough to see the shape, light on the DOM. */
const STRIDE = 2;

/**
 * One joint scatter plot x₁ against x₂ (or y₁/y₂, ŝ₁/ŝ₂): the shape of the joint
 * distribution. Independent signals give an axis-aligned shape; decorrelated but dependent
 * ones a tilted one. On the mixtures, the mixing vectors aⱼ are arrows with draggable tips.
 */
export function JointScatter({ signals, title, xLabel, yLabel, extent, size, label, mixing, onMoveVector, emptyText = 'nothing to show', testId }: JointScatterProps) {
  const area = useRef<SVGRectElement>(null);
  const clip = useId();
  const pw = Math.max(40, size - M.left - M.right);
  const xs = scaleLinear().domain([-extent, extent]).range([0, pw]);
  const ys = scaleLinear().domain([-extent, extent]).range([pw, 0]);
  const pts: string[] = [];
  if (signals) {
    const [a, b] = signals;
    for (let i = 0; i < a.length; i += STRIDE) if (Math.abs(a[i]) <= extent && Math.abs(b[i]) <= extent) pts.push(`M${xs(a[i]).toFixed(1)},${ys(b[i]).toFixed(1)}h0`);
  }
  return (
    <div className="gl-panel gl-ica-scatter" data-gl-panel="scatter" style={{ width: size }}>
      <div className="gl-ica-title">{title}</div>
      <svg width={size} height={pw + M.top + M.bottom} className="gl-ica-svg" role={mixing ? 'group' : 'img'} aria-label={label} data-testid={testId} data-points={pts.length}>
        <g transform={`translate(${M.left},${M.top})`}>
          <clipPath id={clip}>
            <rect width={pw} height={pw} />
          </clipPath>
          <rect ref={area} width={pw} height={pw} className="gl-ica-area" />
          <line x1={xs(0)} x2={xs(0)} y1={0} y2={pw} className="gl-ica-zero" />
          <line y1={ys(0)} y2={ys(0)} x1={0} x2={pw} className="gl-ica-zero" />
          <path d={pts.join('')} className="gl-ica-cloud" clipPath={`url(#${clip})`} />
          {!signals && (
            <text x={pw / 2} y={pw / 2} className="gl-ica-empty" textAnchor="middle">
              {emptyText}
            </text>
          )}
          {mixing &&
            ([0, 1] as const).map((j) => {
              const tip: [number, number] = [mixing[0][j], mixing[1][j]];
              return (
                <g key={j} {...classAttr(j)}>
                  <line x1={xs(0)} y1={ys(0)} x2={xs(tip[0])} y2={ys(tip[1])} className="gl-ica-vector" />
                  <MovablePoint
                    point={tip}
                    onMove={(p) => onMoveVector?.(j, p)}
                    x={xs}
                    y={ys}
                    area={area}
                    color={classColor(j)}
                    constrain={(p) => [clampA(p[0]), clampA(p[1])]}
                    label={`Mixing vector a${j === 0 ? '₁' : '₂'} = (${fmt(tip[0])}, ${fmt(tip[1])}): how source s${j === 0 ? '₁' : '₂'} reaches the two sensors`}
                    testId={`vector-${j + 1}`}
                  />
                </g>
              );
            })}
          <Axis scale={xs} orient="bottom" offset={pw} ticks={4} label={xLabel} />
          <Axis scale={ys} orient="left" offset={0} ticks={4} label={yLabel} />
        </g>
      </svg>
    </div>
  );
}

/** Keeps a handle inside the fields' range and off exactly 0 rounding noise. */
const clampA = (v: number): number => Math.round(Math.max(-A_MAX, Math.min(A_MAX, v)) * 100) / 100;
