import { useEffect, useRef, type CSSProperties } from 'react';
import { paintGrid } from './canvas';

/** Maps a value to an RGB colour, each channel 0–255. */
export type ColorMap = (v: number) => readonly [number, number, number];

/** Grey ramp from `lo` (white paper) to `hi` (black ink). */
export function greyInk(lo = 0, hi = 1): ColorMap {
  const span = hi - lo || 1;
  return (v) => {
    const g = Math.round(255 * (1 - Math.min(1, Math.max(0, (v - lo) / span))));
    return [g, g, g];
  };
}

/**
 * A diverging map: −`max` orange (#bc4c00), 0 white, +`max` blue (#0969da), the colours
 * the explainers use for negative and positive weights.
 */
export function diverging(max: number): ColorMap {
  const m = max > 0 ? max : 1;
  return (v) => {
    const t = Math.min(1, Math.max(-1, v / m));
    const [r, g, b] = t < 0 ? [188, 76, 0] : [9, 105, 218];
    const a = Math.abs(t);
    return [Math.round(255 + (r - 255) * a), Math.round(255 + (g - 255) * a), Math.round(255 + (b - 255) * a)];
  };
}

/** Props of {@link GridCanvas}. */
export interface GridCanvasProps {
  /** Row-major values, `rows × cols`. */
  values: ArrayLike<number>;
  /** Rows of the grid. */
  rows: number;
  /** Columns of the grid. */
  cols: number;
  /** Displayed width in px. */
  width: number;
  /** Displayed height in px. */
  height: number;
  /** Value → colour. */
  color: ColorMap;
  /** Only the first `reveal` values are painted (row-major); the rest stay blank. Default all. */
  reveal?: number;
  /** Smooth the pixels when scaling up (a heatmap) instead of showing them as blocks. Default false. */
  smooth?: boolean;
  /** Style of the canvas (geometry: margins, positions). */
  style?: CSSProperties;
  /** Extra class of the canvas (its border, for instance). */
  className?: string;
  /** `data-testid` of the canvas. */
  testId?: string;
}

/**
 * A grid of values painted one canvas pixel per cell and scaled up by CSS, crisp
 * (`image-rendering: pixelated`) or smooth: images, feature maps, decision boundaries.
 * Decorative for screen readers (aria-hidden): describe it in the surrounding picture.
 */
export function GridCanvas({ values, rows, cols, width, height, color, reveal, smooth = false, style, className, testId }: GridCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => paintGrid(ref.current, values, rows, cols, color, reveal), [values, rows, cols, color, reveal]);
  return (
    <canvas
      ref={ref}
      aria-hidden="true"
      className={className}
      data-testid={testId}
      width={cols}
      height={rows}
      style={{ width, height, display: 'block', imageRendering: smooth ? 'auto' : 'pixelated', ...style }}
    />
  );
}
