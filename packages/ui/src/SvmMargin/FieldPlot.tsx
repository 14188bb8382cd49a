import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { useMemo, useRef, type ReactNode, type RefObject, type SVGProps } from 'react';
import { Axis } from '../common/Axis';
import { FieldCanvas } from '../Playground/FieldCanvas';

/** What a {@link FieldPlot}'s overlay function receives. */
export interface FieldOverlay {
  /** Data x₁ → px inside the plot area. */
  xs: ScaleLinear<number, number>;
  /** Data x₂ → px inside the plot area. */
  ys: ScaleLinear<number, number>;
  /** Plot area size, px. */
  plotWidth: number;
  plotHeight: number;
  /** The plot area's `<rect>` (the reference box of `useMovable`). */
  area: RefObject<SVGRectElement | null>;
}

/** Props of {@link FieldPlot}. */
export interface FieldPlotProps {
  /** Total size, px (axes included). */
  width: number;
  height: number;
  /** The data box [x0, x1, y0, y1]. */
  domain: readonly [number, number, number, number];
  /** Row-major `size × size` field, row 0 at the top (see FieldCanvas for its two encodings). */
  values: ArrayLike<number>;
  /** Cells per side. */
  size: number;
  /** 'diverging' (v ∈ [−1, 1]: class 0's colour → paper → class 1's) or 'classes' (class + confidence). */
  kind: 'diverging' | 'classes';
  /** Accessible name of the overlay group. */
  label: string;
  /** Props of the plot-area rect (pointer handlers, cursor). */
  areaProps?: SVGProps<SVGRectElement>;
  /** Overlay, in plot-area px. */
  children?: (o: FieldOverlay) => ReactNode;
  /** `data-testid` of the canvas. */
  testId?: string;
}

/** Margins around the plot area, px. */
export const FIELD_MARGIN = { top: 8, right: 10, bottom: 40, left: 42 } as const;

/**
 * A decision field over the plane (canvas, coloured from the theme's class tokens) under an
 * SVG overlay with the x₁ and x₂ axes and whatever the explainer draws. Class `gl-svm-plot`.
 */
export function FieldPlot({ width, height, domain, values, size, kind, label, areaProps, children, testId }: FieldPlotProps) {
  const m = FIELD_MARGIN;
  const plotWidth = Math.max(10, width - m.left - m.right);
  const plotHeight = Math.max(10, height - m.top - m.bottom);
  const xs = useMemo(() => scaleLinear().domain([domain[0], domain[1]]).range([0, plotWidth]), [domain, plotWidth]);
  const ys = useMemo(() => scaleLinear().domain([domain[2], domain[3]]).range([plotHeight, 0]), [domain, plotHeight]);
  const area = useRef<SVGRectElement>(null);
  return (
    <div className="gl-stack gl-svm-plot" style={{ width, height }}>
      <div className="gl-svm-canvas" style={{ left: m.left, top: m.top, width: plotWidth, height: plotHeight }}>
        <FieldCanvas values={values} size={size} width={plotWidth} height={plotHeight} kind={kind} testId={testId} />
      </div>
      <svg width={width} height={height} role="group" aria-label={label} className="gl-svm-overlay">
        <g transform={`translate(${m.left},${m.top})`}>
          <rect ref={area} className="gl-plot-area" width={plotWidth} height={plotHeight} fill="transparent" {...areaProps} />
          <Axis scale={xs} orient="bottom" offset={plotHeight} label="x₁" />
          <Axis scale={ys} orient="left" offset={0} label="x₂" />
          <rect className="gl-svm-frame" width={plotWidth} height={plotHeight} fill="none" pointerEvents="none" />
          {children?.({ xs, ys, plotWidth, plotHeight, area })}
        </g>
      </svg>
    </div>
  );
}
