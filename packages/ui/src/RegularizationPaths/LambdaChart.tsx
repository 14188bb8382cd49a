import { scaleLinear, scaleLog, type ScaleLinear, type ScaleLogarithmic } from 'd3-scale';
import { useRef, type ReactNode } from 'react';
import { Axis, leftAxisMargin } from '../common/Axis';
import { conceptColor } from '../common/colors';
import { useMovable } from '../hooks/useMovable';
import { MovablePoint } from '../kit/MovablePoint';
import { clampLambda, fmt, LAMBDA_MAX, LAMBDA_MIN } from './model';

/** The scales a chart's content draws with. */
export interface LambdaScales {
  /** λ → px (log). */
  xs: ScaleLogarithmic<number, number>;
  /** Value → px. */
  ys: ScaleLinear<number, number>;
  plotWidth: number;
  plotHeight: number;
}

/** Props of {@link LambdaChart}. */
export interface LambdaChartProps {
  width: number;
  height: number;
  /** Current λ (the vertical line). */
  lambda: number;
  /** Called with a new λ (drag, click, keys). */
  onLambda: (lambda: number) => void;
  yDomain: readonly [number, number];
  yLabel: string;
  /** Accessible name of the chart. */
  label: string;
  /** Show the draggable λ handle (one chart only: one focus stop). */
  handle?: boolean;
  testId?: string;
  children: (s: LambdaScales) => ReactNode;
}

const M = { top: 14, right: 14, bottom: 40 };

/**
 * A chart over λ on a log axis (10⁻³ … 10³) with the current λ as a vertical line. With `handle`
 * the line has a draggable point (arrows: 1/20 decade, Shift ×10, Home/End the ends) and a press
 * anywhere in the plot moves λ there. The handle works on u = log₁₀ λ, a linear scale with the same
 * pixels as the log axis, so that each key press is the same factor in λ.
 */
export function LambdaChart({ width, height, lambda, onLambda, yDomain, yLabel, label, handle = false, testId, children }: LambdaChartProps) {
  const area = useRef<SVGRectElement>(null);
  const ys0 = scaleLinear().domain(yDomain as [number, number]).nice();
  const left = leftAxisMargin(ys0);
  const plotWidth = Math.max(40, width - left - M.right);
  const plotHeight = Math.max(40, height - M.top - M.bottom);
  const xs = scaleLog().domain([LAMBDA_MIN, LAMBDA_MAX]).range([0, plotWidth]);
  const ys = ys0.range([plotHeight, 0]);
  const us = scaleLinear().domain([Math.log10(LAMBDA_MIN), Math.log10(LAMBDA_MAX)]).range([0, plotWidth]);
  const hy = scaleLinear().domain([0, 1]).range([plotHeight, 0]);
  const move = (p: readonly [number, number]) => onLambda(clampLambda(Number((10 ** p[0]).toPrecision(3))));
  const constrain = (p: readonly [number, number]): [number, number] => [Math.min(us.domain()[1], Math.max(us.domain()[0], p[0])), 1];
  const { areaProps } = useMovable({ point: [Math.log10(lambda), 1], onMove: move, x: us, y: hy, area, constrain });
  const lx = xs(lambda);
  return (
    <svg className="gl-rp-chart" width={width} height={height} role={handle ? "group" : "img"} aria-label={label} data-testid={testId}>
      <g transform={`translate(${left},${M.top})`}>
        <rect ref={area} className="gl-rp-area" width={plotWidth} height={plotHeight} {...(handle ? areaProps : {})} />
        <Axis scale={xs} orient="bottom" offset={plotHeight} label="λ (regularisation strength, log scale)" />
        <Axis scale={ys} orient="left" offset={0} label={yLabel} />
        {yDomain[0] < 0 && yDomain[1] > 0 && <line className="gl-rp-zero" x1={0} x2={plotWidth} y1={ys(0)} y2={ys(0)} />}
        <g className="gl-rp-content">{children({ xs, ys, plotWidth, plotHeight })}</g>
        <line className="gl-rp-lambda" x1={lx} x2={lx} y1={0} y2={plotHeight} />
        {handle && (
          <MovablePoint
            point={[Math.log10(lambda), 1]}
            onMove={move}
            x={us}
            y={hy}
            area={area}
            constrain={constrain}
            step={0.05}
            color={conceptColor('data')}
            label={`Regularisation strength λ = ${fmt(lambda)}; drag or use the arrow keys`}
            testId="lambda-handle"
          />
        )}
      </g>
    </svg>
  );
}
