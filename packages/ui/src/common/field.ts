import { contours } from 'd3-contour';
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
 * Draws filled contour bands of `field` onto a canvas of width × height px: d3-contour's
 * marching squares gives one MultiPolygon per threshold in grid units, drawn lowest first.
 */
export function drawFilledContours(
  ctx: CanvasRenderingContext2D,
  field: Field,
  width: number,
  height: number,
  thresholds: number[],
  color: (t: number) => string = (t) => interpolateViridis(1 - t),
): void {
  const sx = width / field.nx;
  const sy = height / field.ny;
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = color(1);
  ctx.fillRect(0, 0, width, height);
  const gen = contours().size([field.nx, field.ny]).thresholds(thresholds);
  const bands = gen(field.values as unknown as number[]);
  // Colour by band index, darkest at the lowest loss.
  bands.forEach((band, k) => {
    ctx.beginPath();
    for (const polygon of band.coordinates) {
      for (const ring of polygon) {
        ring.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x * sx, y * sy) : ctx.lineTo(x * sx, y * sy)));
        ctx.closePath();
      }
    }
    ctx.fillStyle = color(1 - (k + 1) / (bands.length + 1));
    ctx.fill('evenodd');
  });
}
