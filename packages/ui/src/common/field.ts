import { interpolateViridis } from 'd3-scale-chromatic';

/** A scalar field sampled on an nx × ny grid, row-major with y rows from bottom to top. */
export interface Field {
  readonly nx: number;
  readonly ny: number;
  readonly values: Float64Array;
  readonly min: number;
  readonly max: number;
}

/**
 * Samples f(θ₁, θ₂) over the box [x0, x1] × [y0, y1] at nx × ny points (cell centres).
 * Row j holds θ₂ = y1 − (j + ½)·Δy, so row 0 is the top of the picture, as on a canvas.
 */
export function sampleField(f: (theta: [number, number]) => number, domain: readonly [number, number, number, number], nx: number, ny: number): Field {
  const [x0, x1, y0, y1] = domain;
  const values = new Float64Array(nx * ny);
  const theta: [number, number] = [0, 0];
  let min = Infinity;
  let max = -Infinity;
  for (let j = 0; j < ny; j++) {
    theta[1] = y1 - ((j + 0.5) * (y1 - y0)) / ny;
    for (let i = 0; i < nx; i++) {
      theta[0] = x0 + ((i + 0.5) * (x1 - x0)) / nx;
      const v = f(theta);
      values[j * nx + i] = v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return { nx, ny, values, min, max };
}

/**
 * Contour levels spaced evenly in log(𝓛 − 𝓛min + ε): losses span orders of magnitude,
 * and even spacing would spend every band on the steep walls and none near the minimum.
 */
export function logThresholds(field: Field, count = 14): number[] {
  const span = field.max - field.min;
  if (!(span > 0)) return [field.min];
  const eps = span * 1e-4;
  const lo = Math.log(eps);
  const hi = Math.log(span + eps);
  return Array.from({ length: count }, (_, k) => field.min + Math.exp(lo + ((k + 0.5) * (hi - lo)) / count) - eps);
}

/**
 * Draws filled contour bands of `field` onto a canvas of width × height CSS px, as a raster:
 * every device pixel takes the bilinear interpolation of the field at its centre, counts
 * the thresholds it lies above (binary search) and gets that band's colour, lowest loss
 * darkest. This is the picture d3-contour's marching-squares polygons would fill, at the
 * canvas's own resolution, without building and filling thousands of polygons: a 200 × 200
 * field onto a 500 × 350 canvas redraws in a few ms (see the "Contour redraw benchmark"
 * story), where the polygon route took 30–60 ms.
 */
export function drawFilledContours(
  ctx: CanvasRenderingContext2D,
  field: Field,
  width: number,
  height: number,
  thresholds: number[],
  color: (t: number) => string = (t) => interpolateViridis(1 - t),
): void {
  // Device pixels: the canvas may be scaled by devicePixelRatio (setTransform), which putImageData ignores.
  const W = Math.max(1, ctx.canvas?.width || Math.round(width));
  const H = Math.max(1, ctx.canvas?.height || Math.round(height));
  const { nx, ny, values } = field;
  const nb = thresholds.length;
  // One RGBA colour per band: band c = "above c thresholds"; band 0 gets color(1), as the background.
  const lut = new Uint8ClampedArray((nb + 1) * 4);
  for (let c = 0; c <= nb; c++) {
    const [r, g, b] = parseColor(color(c === 0 ? 1 : 1 - c / (nb + 1)));
    lut.set([r, g, b, 255], c * 4);
  }
  // Grid coordinates of each pixel column and row (field values sit at cell centres).
  const ix = new Int32Array(W);
  const fx = new Float64Array(W);
  for (let p = 0; p < W; p++) {
    const g = Math.min(nx - 1, Math.max(0, ((p + 0.5) / W) * nx - 0.5));
    ix[p] = Math.min(nx - 2, Math.floor(g));
    fx[p] = nx > 1 ? g - ix[p] : 0;
    if (nx === 1) ix[p] = 0;
  }
  const image = ctx.createImageData(W, H);
  const out = image.data;
  const nx1 = nx > 1 ? 1 : 0;
  for (let q = 0; q < H; q++) {
    const g = Math.min(ny - 1, Math.max(0, ((q + 0.5) / H) * ny - 0.5));
    const j = ny > 1 ? Math.min(ny - 2, Math.floor(g)) : 0;
    const fy = ny > 1 ? g - j : 0;
    const row0 = j * nx;
    const row1 = ny > 1 ? row0 + nx : row0;
    let o = q * W * 4;
    for (let p = 0; p < W; p++, o += 4) {
      const i = ix[p];
      const t = fx[p];
      const top = values[row0 + i] * (1 - t) + values[row0 + i + nx1] * t;
      const bottom = values[row1 + i] * (1 - t) + values[row1 + i + nx1] * t;
      const v = top * (1 - fy) + bottom * fy;
      // c = number of thresholds ≤ v.
      let lo = 0;
      let hi = nb;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (thresholds[mid] <= v) lo = mid + 1;
        else hi = mid;
      }
      const k = lo * 4;
      out[o] = lut[k];
      out[o + 1] = lut[k + 1];
      out[o + 2] = lut[k + 2];
      out[o + 3] = 255;
    }
  }
  ctx.putImageData(image, 0, 0);
}

/** "#rrggbb", "#rgb" or "rgb(r, g, b)" to [r, g, b]; anything else is mid grey. */
function parseColor(c: string): [number, number, number] {
  const s = c.trim();
  if (s[0] === '#') {
    const h = s.length === 4 ? s.slice(1).split('').map((d) => d + d).join('') : s.slice(1, 7);
    const n = parseInt(h, 16);
    if (Number.isFinite(n)) return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/.exec(s);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  return [128, 128, 128];
}
