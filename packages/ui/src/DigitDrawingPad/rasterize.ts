/**
 * Strokes to pixels, without a canvas (so it runs in tests and on a server too): each pixel
 * takes the coverage of the nearest stroke segment, a round pen of radius `r` px.
 */

/** A stroke: points (x, y) in [0, 1]² of the drawing surface. */
export type Stroke = [number, number][];

/** Rasterises strokes onto a `size × size` grid (ink 1, paper 0), anti-aliased by distance. */
export function rasterizeStrokes(strokes: readonly Stroke[], size = 112, radius = size * 0.045): Float32Array {
  const out = new Float32Array(size * size);
  const paint = (ax: number, ay: number, bx: number, by: number) => {
    const x0 = Math.max(0, Math.floor(Math.min(ax, bx) - radius - 1));
    const x1 = Math.min(size - 1, Math.ceil(Math.max(ax, bx) + radius + 1));
    const y0 = Math.max(0, Math.floor(Math.min(ay, by) - radius - 1));
    const y1 = Math.min(size - 1, Math.ceil(Math.max(ay, by) + radius + 1));
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const px = x + 0.5;
        const py = y + 0.5;
        const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
        const d = Math.hypot(px - ax - t * dx, py - ay - t * dy);
        const v = Math.max(0, Math.min(1, radius + 0.5 - d));
        if (v > out[y * size + x]) out[y * size + x] = v;
      }
    }
  };
  for (const s of strokes) {
    if (s.length === 0) continue;
    for (let k = 0; k < s.length; k++) {
      const a = s[Math.max(0, k - 1)];
      const b = s[k];
      paint(a[0] * size, a[1] * size, b[0] * size, b[1] * size);
    }
  }
  return out;
}
