import { useEffect, useRef, type ReactNode } from 'react';
import { paintGrid } from '../common/canvas';
import { divergingRgb, readThemeColors, sequentialRgb } from '../common/colors';
import { useColorScheme } from '../hooks/useColorScheme';
import { useExplainerLayout } from './Explainer';

/** Props of {@link Heatmap}. */
export interface HeatmapProps {
  /** Row-major values, `rows × cols`, row 0 at the top. Non-finite cells are painted as the paper. */
  values: ArrayLike<number>;
  /** Rows of the grid. */
  rows: number;
  /** Columns of the grid. */
  cols: number;
  /** Displayed width in px. */
  width: number;
  /** Displayed height in px. */
  height: number;
  /** 'sequential' (viridis) or 'diverging' (theme's negative → paper → positive). */
  kind: 'sequential' | 'diverging';
  /** Values at the ends of the map. Default: the data's extent (diverging: ±max |v|). */
  domain?: readonly [number, number];
  /** Smooth the cells when scaling up instead of showing crisp blocks. Default false. */
  smooth?: boolean;
  /** SVG drawn over the canvas, in px of `width` × `height` (points, a boundary, handles). */
  children?: ReactNode;
  /** What the picture shows (the overlay svg gets role="img" with it, or "group" when it holds controls). */
  label: string;
  /** The overlay's role: "img" (default) or "group" when children are interactive. */
  role?: 'img' | 'group';
  /** `data-testid` of the canvas. */
  testId?: string;
}

/** The extent of the finite values; [0, 1] if none. */
function extent(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return Number.isFinite(lo) ? [lo, hi] : [0, 1];
}

/**
 * A grid of values on a `<canvas>` (one pixel per cell, scaled by CSS) under an SVG
 * overlay (class `gl-heatmap`). The diverging map reads its colours from the theme
 * tokens of the element (getComputedStyle) when it draws, and redraws when the theme
 * or the system colour scheme changes: no colour constants.
 */
export function Heatmap({ values, rows, cols, width, height, kind, domain, smooth = false, children, label, role = 'img', testId }: HeatmapProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const scheme = useColorScheme();
  const theme = useExplainerLayout()?.theme ?? 'auto';
  const d0 = domain?.[0];
  const d1 = domain?.[1];
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const colors = readThemeColors(canvas);
    let [lo, hi] = d0 !== undefined && d1 !== undefined ? [d0, d1] : extent(values);
    if (kind === 'diverging' && (d0 === undefined || d1 === undefined)) {
      const m = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
      [lo, hi] = [-m, m];
    }
    const span = hi - lo || 1;
    paintGrid(canvas, values, rows, cols, (v) => {
      const t = (v - lo) / span;
      return !Number.isFinite(v) ? colors.bg : kind === 'sequential' ? sequentialRgb(t) : divergingRgb(2 * t - 1, colors);
    });
  }, [values, rows, cols, kind, d0, d1, scheme, theme]);
  return (
    <div className="gl-heatmap gl-stack" style={{ width, height }} data-kind={kind}>
      <canvas
        ref={ref}
        aria-hidden="true"
        data-testid={testId}
        width={cols}
        height={rows}
        style={{ width, height, imageRendering: smooth ? 'auto' : 'pixelated' }}
      />
      <svg width={width} height={height} role={role} aria-label={label}>
        {children}
      </svg>
    </div>
  );
}
