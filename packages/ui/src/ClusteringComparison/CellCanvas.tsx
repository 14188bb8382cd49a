import { useEffect, useRef } from 'react';
import { prepareCanvas } from '../common/canvas';
import { parseRgb, readThemeColors } from '../common/colors';
import { conceptTokens } from '../styles/tokens';
import type { CellResult, ComparisonData } from './model';

type Rgb = [number, number, number];

/** The class colours as RGB, read from the element's `--gl-class-k` tokens (light defaults before mount). */
export function classRgbs(el: Element | null): Rgb[] {
  const cs = el && typeof getComputedStyle === 'function' ? getComputedStyle(el) : null;
  return Array.from({ length: 6 }, (_, i) => {
    const name = `--gl-class-${i}` as keyof typeof conceptTokens;
    return parseRgb(cs?.getPropertyValue(name)) ?? parseRgb(conceptTokens[name].light)!;
  });
}

/** Props of {@link CellCanvas}. */
export interface CellCanvasProps {
  data: ComparisonData;
  /** The fitted cell, or null (the samples are drawn muted until it is fitted). */
  result: CellResult | null;
  size: number;
  /** Redraw key: the theme and the colour scheme. */
  themeKey: string;
}

/**
 * One small multiple: the samples of a data set on a canvas, each coloured by its cluster
 * (`classColor` of the aligned colour index; DBSCAN's noise and unfitted samples in the muted colour).
 */
export function CellCanvas({ data, result, size, themeKey }: CellCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = prepareCanvas(canvas, size, size);
    if (!ctx || !canvas) return;
    const classes = classRgbs(canvas);
    const { muted } = readThemeColors(canvas);
    const half = data.half;
    const scale = size / (2 * half);
    const r = size < 120 ? 1.1 : 1.5;
    const rgb = (c: Rgb, a: number) => `rgba(${c[0]},${c[1]},${c[2]},${a})`;
    // Batch the samples by colour: one path per colour.
    const groups = new Map<number, number[]>();
    data.X.forEach((_, i) => {
      const lab = result ? result.labels[i] : -2;
      const colour = lab === -2 ? -2 : lab < 0 ? -1 : ((result!.colours[lab] ?? lab) % 6 + 6) % 6;
      let g = groups.get(colour);
      if (!g) groups.set(colour, (g = []));
      g.push(i);
    });
    for (const [colour, idx] of groups) {
      ctx.fillStyle = colour < 0 ? rgb(muted, colour === -2 ? 0.35 : 0.6) : rgb(classes[colour], 0.85);
      ctx.beginPath();
      for (const i of idx) {
        const x = (data.X[i][0] + half) * scale;
        const y = (half - data.X[i][1]) * scale;
        ctx.moveTo(x + r, y);
        ctx.arc(x, y, r, 0, 2 * Math.PI);
      }
      ctx.fill();
    }
  }, [data, result, size, themeKey]);
  return <canvas ref={ref} className="gl-cc-canvas" width={size} height={size} style={{ width: size, height: size }} aria-hidden="true" />;
}
