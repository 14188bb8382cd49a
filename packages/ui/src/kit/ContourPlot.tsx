import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { useEffect, useMemo, useRef, type ReactNode, type RefObject, type SVGProps } from 'react';
import { Axis } from '../common/Axis';
import { prepareCanvas } from '../common/canvas';
import { sequential } from '../common/colors';
import { drawFilledContours, logThresholds, type Field } from '../common/field';
import { cssVar } from '../common/theme';

/** What a {@link ContourPlot}'s overlay function receives. */
export interface ContourOverlay {
  /** Data x → px inside the plot area. */
  xs: ScaleLinear<number, number>;
  /** Data y → px inside the plot area. */
  ys: ScaleLinear<number, number>;
  /** Plot area width, px. */
  plotWidth: number;
  /** Plot area height, px. */
  plotHeight: number;
  /** The plot area's `<rect>`: pass it as `area` to `useMovable` / `MovablePoint`. */
  area: RefObject<SVGRectElement | null>;
}

/** Props of {@link ContourPlot}. */
export interface ContourPlotProps {
  /** The sampled field (row 0 at the top; see `sampleField`). */
  field: Field;
  /** The data box [x0, x1, y0, y1] the field covers. */
  domain: readonly [number, number, number, number];
  /** Total width in px (axes included). */
  width: number;
  /** Total height in px (axes included). */
  height: number;
  /** Contour levels, ascending. Default: 14 levels even in log(𝓛 − 𝓛min) (`logThresholds`). */
  thresholds?: readonly number[];
  /** Axis titles [x, y]; no axes when absent. */
  axisLabels?: readonly [string, string];
  /** Margins around the plot area, px. Default { top 12, right 12, bottom 44, left 52 } (no axes: 0). */
  margin?: { top: number; right: number; bottom: number; left: number };
  /**
   * Paints the canvas instead of the filled contours (for example a 3-D view of the same
   * field); gets a context scaled to CSS px of the plot area.
   */
  paint?: (ctx: CanvasRenderingContext2D, plotWidth: number, plotHeight: number) => void;
  /** SVG over the canvas, in plot-area px: a function of the scales, or plain nodes. */
  children?: ReactNode | ((overlay: ContourOverlay) => ReactNode);
  /** Props of the plot area's rect (pointer handlers of a drag, a cursor). */
  areaProps?: SVGProps<SVGRectElement>;
  /** What the picture shows (the overlay svg's accessible name). */
  label: string;
  /** Keys whose change repaints the canvas (e.g. a camera angle used by `paint`). */
  paintKey?: string | number;
}

/** Default margins with axes. */
export const CONTOUR_MARGIN = { top: 12, right: 12, bottom: 44, left: 52 } as const;

/**
 * Filled contours of a 2-D field on a `<canvas>` (sequential map: lowest values darkest)
 * under an SVG overlay with axes and whatever the explainer draws (paths, handles), class
 * `gl-contour`. The overlay's plot-area rect is exposed for pointer mapping.
 */
export function ContourPlot({ field, domain, width, height, thresholds, axisLabels, margin, paint, children, areaProps, label, paintKey }: ContourPlotProps) {
  const m = margin ?? (axisLabels ? CONTOUR_MARGIN : { top: 0, right: 0, bottom: 0, left: 0 });
  const plotWidth = Math.max(10, width - m.left - m.right);
  const plotHeight = Math.max(10, height - m.top - m.bottom);
  const xs = useMemo(() => scaleLinear().domain([domain[0], domain[1]]).range([0, plotWidth]), [domain, plotWidth]);
  const ys = useMemo(() => scaleLinear().domain([domain[2], domain[3]]).range([plotHeight, 0]), [domain, plotHeight]);
  const canvas = useRef<HTMLCanvasElement>(null);
  const area = useRef<SVGRectElement>(null);
  const levels = useMemo(() => (thresholds ? [...thresholds] : logThresholds(field)), [thresholds, field]);
  const paintRef = useRef(paint);
  paintRef.current = paint;
  const custom = Boolean(paint);
  useEffect(() => {
    const ctx = prepareCanvas(canvas.current, plotWidth, plotHeight);
    if (!ctx) return;
    if (custom && paintRef.current) paintRef.current(ctx, plotWidth, plotHeight);
    else drawFilledContours(ctx, field, plotWidth, plotHeight, levels, (t) => sequential(1 - t));
  }, [field, levels, plotWidth, plotHeight, custom, paintKey]);
  const overlay: ContourOverlay = { xs, ys, plotWidth, plotHeight, area };
  return (
    <div className="gl-contour gl-stack" style={{ width, height }}>
      <canvas ref={canvas} aria-hidden="true" style={{ left: m.left, top: m.top, width: plotWidth, height: plotHeight }} />
      <svg width={width} height={height} role="group" aria-label={label}>
        <g transform={`translate(${m.left},${m.top})`}>
          <rect ref={area} className="gl-plot-area" width={plotWidth} height={plotHeight} fill="transparent" {...areaProps} />
          {axisLabels && (
            <>
              <Axis scale={xs} orient="bottom" offset={plotHeight} label={axisLabels[0]} />
              <Axis scale={ys} orient="left" offset={0} label={axisLabels[1]} />
            </>
          )}
          <rect width={plotWidth} height={plotHeight} fill="none" stroke={cssVar('--gl-border')} pointerEvents="none" />
          {typeof children === 'function' ? children(overlay) : children}
        </g>
      </svg>
    </div>
  );
}
