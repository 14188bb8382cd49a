import { sequential } from '../common/colors';
import type { Field } from '../common/field';
import { orbitProject, type OrbitCamera } from '../common/orbit';

/**
 * The small 3-D maths of the surface view: the shared orbit camera ({@link orbitProject})
 * with (u, v) ∈ [−1, 1]² the parameters and z ∈ [0, 1] the height, centred and stretched
 * to t = 1.1 (z − ½). ε = 90° looks straight down (the contour map); ε = 0 from the side.
 */
export type View3D = OrbitCamera;

/** Projects (u, v, z) to screen (x, y) and a depth (larger is further away). */
export function project(u: number, v: number, z: number, view: View3D): [number, number, number] {
  const [x, y, near] = orbitProject(u, v, (z - 0.5) * 1.1, view);
  return [x, y, -near];
}

/**
 * The height of a loss value: log(𝓛 − 𝓛min + ε) mapped to [0, 1] over the field, the
 * same log spacing as the contour levels, so that the floor of a valley stays visible.
 */
export function heightOf(field: Field): (loss: number) => number {
  const span = field.max - field.min;
  if (!(span > 0)) return () => 0;
  const eps = span * 1e-4;
  const lo = Math.log(eps);
  const hi = Math.log(span + eps);
  return (loss) => Math.min(1, Math.max(0, (Math.log(Math.max(0, loss - field.min) + eps) - lo) / (hi - lo)));
}

/**
 * The mesh's own height at (u, v) ∈ [−1, 1]²: the bilinear interpolation of the heights of
 * the four nearest mesh points (cell centres), the surface that {@link drawSurface} paints.
 * Marks drawn at this height (θ*, the paths) sit on the mesh, not under or above it.
 */
export function meshHeightAt(field: Field, u: number, v: number): number {
  const { nx, ny, values } = field;
  const h = heightOf(field);
  const fi = Math.min(nx - 1, Math.max(0, ((u + 1) / 2) * nx - 0.5));
  const fj = Math.min(ny - 1, Math.max(0, ((1 - v) / 2) * ny - 0.5));
  const i0 = Math.min(nx - 2, Math.floor(fi));
  const j0 = Math.min(ny - 2, Math.floor(fj));
  const a = fi - i0;
  const b = fj - j0;
  const at = (i: number, j: number) => h(values[j * nx + i]);
  return (1 - b) * ((1 - a) * at(i0, j0) + a * at(i0 + 1, j0)) + b * ((1 - a) * at(i0, j0 + 1) + a * at(i0 + 1, j0 + 1));
}

/** Paints the surface of `field` as a mesh of quads, back to front (the painter's algorithm). */
export function drawSurface(ctx: CanvasRenderingContext2D, field: Field, width: number, height: number, view: View3D): void {
  const { nx, ny, values } = field;
  const h = heightOf(field);
  const pts = new Float64Array(nx * ny * 3);
  const z = new Float64Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    // Row 0 is the top of the domain (largest θ₂): v = +1.
    const v = 1 - (2 * (j + 0.5)) / ny;
    for (let i = 0; i < nx; i++) {
      const k = j * nx + i;
      z[k] = h(values[k]);
      const p = project(-1 + (2 * (i + 0.5)) / nx, v, z[k], view);
      pts.set(p, 3 * k);
    }
  }
  const quads: { k: number; depth: number }[] = [];
  for (let j = 0; j < ny - 1; j++) {
    for (let i = 0; i < nx - 1; i++) {
      const k = j * nx + i;
      const depth = (pts[3 * k + 2] + pts[3 * (k + 1) + 2] + pts[3 * (k + nx) + 2] + pts[3 * (k + nx + 1) + 2]) / 4;
      quads.push({ k, depth });
    }
  }
  quads.sort((p, q) => q.depth - p.depth);
  ctx.clearRect(0, 0, width, height);
  ctx.lineWidth = 0.5;
  // Mesh lines: a translucent shade of the surface's own colour, the same in both themes.
  ctx.strokeStyle = 'rgba(0,0,0,0.25)';
  for (const { k } of quads) {
    const c = [k, k + 1, k + nx + 1, k + nx];
    ctx.beginPath();
    c.forEach((m, n) => (n === 0 ? ctx.moveTo(pts[3 * m], pts[3 * m + 1]) : ctx.lineTo(pts[3 * m], pts[3 * m + 1])));
    ctx.closePath();
    ctx.fillStyle = sequential((z[c[0]] + z[c[1]] + z[c[2]] + z[c[3]]) / 4);
    ctx.fill();
    ctx.stroke();
  }
}
