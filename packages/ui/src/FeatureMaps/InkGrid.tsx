import { useEffect, useRef } from 'react';
import { readThemeColors } from '../common/colors';
import { useColorScheme } from '../hooks/useColorScheme';
import { useExplainerLayout } from '../kit/Explainer';

/** Props of {@link InkGrid}. */
export interface InkGridProps {
  /** Row-major ink values in [0, 1] (1 = full ink), `rows × cols`. */
  values: ArrayLike<number>;
  rows: number;
  cols: number;
  /** Displayed size, px. */
  width: number;
  height: number;
  /** `data-testid` of the canvas. */
  testId?: string;
}

/**
 * A grey image (a digit) as ink on paper: each cell mixes the theme's paper (`--gl-bg`) and
 * ink (`--gl-fg`), read from the tokens when it draws, so it matches the drawing surface in
 * both themes. One canvas pixel per cell, scaled up crisp. Decorative (aria-hidden).
 */
export function InkGrid({ values, rows, cols, width, height, testId }: InkGridProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const scheme = useColorScheme();
  const theme = useExplainerLayout()?.theme ?? 'auto';
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    canvas.width = cols;
    canvas.height = rows;
    const { bg, fg } = readThemeColors(canvas);
    const img = ctx.createImageData(cols, rows);
    for (let k = 0; k < Math.min(values.length, rows * cols); k++) {
      const t = Math.min(1, Math.max(0, Number.isFinite(values[k]) ? values[k] : 0));
      img.data.set([0, 1, 2].map((c) => Math.round(bg[c] + (fg[c] - bg[c]) * t)).concat(255), 4 * k);
    }
    ctx.putImageData(img, 0, 0);
  }, [values, rows, cols, scheme, theme]);
  return <canvas ref={ref} aria-hidden="true" data-testid={testId} width={cols} height={rows} className="gl-fm-ink" style={{ width, height }} />;
}
