import { useEffect, useRef } from 'react';
import { divergingRgb, parseRgb, readThemeColors, type ThemeColors } from '../common/colors';
import { useColorScheme } from '../hooks/useColorScheme';
import { useExplainerLayout } from '../kit/Explainer';
import { conceptTokens } from '../styles/tokens';

/** The class colours of the theme, resolved for a canvas (class k = `--gl-class-k`). */
export function readClassColors(el: Element | null): [number, number, number][] {
  const cs = el && typeof getComputedStyle === 'function' ? getComputedStyle(el) : null;
  return ([0, 1, 2, 3, 4] as const).map((k) => {
    const name = `--gl-class-${k}` as const;
    return parseRgb(cs?.getPropertyValue(name)) ?? parseRgb(conceptTokens[name].light)!;
  });
}

/** Confidence levels per class in the class look-up table. */
const LEVELS = 64;

/** RGB of the diverging map at 513 points of [−1, 1] (the ends toned down to 80 % so points stay visible). */
function divergingLut(colors: ThemeColors): Uint8Array {
  const lut = new Uint8Array(513 * 3);
  for (let i = 0; i <= 512; i++) lut.set(divergingRgb((i / 256 - 1) * 0.8, colors), 3 * i);
  return lut;
}

/** RGB of each class at 64 confidence levels: paper → 15 % of the class colour at a tie → 75 % when sure. */
function classLut(classes: [number, number, number][], bg: readonly number[]): Uint8Array {
  const lut = new Uint8Array(classes.length * LEVELS * 3);
  classes.forEach((rgb, c) => {
    for (let l = 0; l < LEVELS; l++) {
      const a = 0.15 + (0.6 * l) / (LEVELS - 1);
      for (let q = 0; q < 3; q++) lut[3 * (c * LEVELS + l) + q] = Math.round(bg[q] + (rgb[q] - bg[q]) * a);
    }
  });
  return lut;
}

/** Props of {@link FieldCanvas}. */
export interface FieldCanvasProps {
  /** Row-major values over a `size × size` grid, row 0 at the top. */
  values: ArrayLike<number>;
  /** Cells per side. */
  size: number;
  /** Displayed width and height, px. */
  width: number;
  height: number;
  /**
   * 'diverging': v ∈ [−1, 1], `--gl-weight-neg` → paper → `--gl-weight-pos` (class 0 is the
   * negative end, as the Playground's orange). 'classes': v = class + confidence ∈ [0, 1),
   * paper → that class's colour.
   */
  kind: 'diverging' | 'classes';
  /** Class of the canvas. */
  className?: string;
  /** `data-testid` of the canvas. */
  testId?: string;
}

/**
 * A field over the plane on a `<canvas>` (one pixel per cell, smoothed by CSS), coloured
 * from the theme tokens read at draw time (readThemeColors), redrawn when the theme or the
 * system colour scheme changes. Decorative (aria-hidden): its parent describes it.
 */
export function FieldCanvas({ values, size, width, height, kind, className, testId }: FieldCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const scheme = useColorScheme();
  const theme = useExplainerLayout()?.theme ?? 'auto';
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const colors = readThemeColors(canvas);
    const lut = kind === 'classes' ? classLut(readClassColors(canvas), colors.bg) : divergingLut(colors);
    const img = ctx.createImageData(size, size);
    const n = Math.min(size * size, values.length);
    const px = img.data;
    for (let k = 0; k < n; k++) {
      const v = values[k];
      // Look-up table index: diverging v ∈ [−1, 1] in 512 steps; classes: class·64 + confidence·63.
      let i: number;
      if (kind === 'classes') {
        const c = Math.min(4, Math.max(0, Math.floor(v) || 0));
        i = c * LEVELS + Math.round(Math.max(0, Math.min(1, v - c)) * (LEVELS - 1));
      } else i = Number.isFinite(v) ? Math.round((Math.max(-1, Math.min(1, v)) + 1) * 256) : 256;
      px[4 * k] = lut[3 * i];
      px[4 * k + 1] = lut[3 * i + 1];
      px[4 * k + 2] = lut[3 * i + 2];
      px[4 * k + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [values, size, kind, scheme, theme]);
  return <canvas ref={ref} aria-hidden="true" width={size} height={size} className={className} data-testid={testId} style={{ width, height }} />;
}
