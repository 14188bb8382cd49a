/**
 * Sizes a canvas's bitmap for the screen's pixel ratio and scales its context so that
 * drawing is in CSS pixels (`width` × `height`). Assigning the size clears the bitmap and
 * resets the context, so every draw starts from a blank canvas. Returns null where there
 * is no canvas or no 2-D context (happy-dom, before mount). Call it in an effect only.
 */
export function prepareCanvas(canvas: HTMLCanvasElement | null, width: number, height: number): CanvasRenderingContext2D | null {
  const ctx = canvas?.getContext('2d');
  if (!canvas || !ctx) return null;
  const dpr = typeof window !== 'undefined' ? window.devicePixelRatio || 1 : 1;
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(height * dpr);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}

/**
 * Paints a grid of values one canvas pixel per cell (row-major, row 0 at the top), so CSS
 * can scale it up crisp or smooth: sizes the bitmap to cols × rows and puts one RGBA pixel
 * per cell. Only the first `count` cells are painted (the rest stay blank). Call it in an
 * effect; does nothing without a 2-D context (happy-dom) or an empty grid.
 */
export function paintGrid(
  canvas: HTMLCanvasElement | null,
  values: ArrayLike<number>,
  rows: number,
  cols: number,
  color: (v: number) => readonly [number, number, number],
  count = rows * cols,
): void {
  const ctx = canvas?.getContext('2d');
  if (!canvas || !ctx || rows < 1 || cols < 1) return;
  if (canvas.width !== cols) canvas.width = cols;
  if (canvas.height !== rows) canvas.height = rows;
  const img = ctx.createImageData(cols, rows);
  const n = Math.min(rows * cols, count, values.length);
  for (let k = 0; k < n; k++) {
    const [r, g, b] = color(values[k]);
    img.data[4 * k] = r;
    img.data[4 * k + 1] = g;
    img.data[4 * k + 2] = b;
    img.data[4 * k + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
}
