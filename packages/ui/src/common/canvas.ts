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
