/**
 * A tiny orthographic camera for the 3-D lift: normalised coordinates (u, v, t) ∈ [−1, 1]³
 * (x₁, x₂ and the lifted z, each scaled to the box), turned by an azimuth about the vertical
 * t axis and tilted by an elevation, then flattened. Also the plane ∩ cube polygon.
 */
import { orbitProject, type OrbitCamera } from '../common/orbit';

/** The camera: angles in degrees, centre and scale in px (the shared orbit camera). */
export type Camera = OrbitCamera;

/** Screen position [x, y] (px) and depth toward the viewer (larger = nearer) of (u, v, t). */
export const project = orbitProject;

/** The 8 corners and 12 edges of the cube [−1, 1]³. */
export const CUBE_CORNERS: [number, number, number][] = [];
for (const a of [-1, 1]) for (const b of [-1, 1]) for (const c of [-1, 1]) CUBE_CORNERS.push([a, b, c]);
export const CUBE_EDGES: [number, number][] = [];
for (let i = 0; i < 8; i++)
  for (let j = i + 1; j < 8; j++) {
    const d = CUBE_CORNERS[i].reduce((s, v, k) => s + (v !== CUBE_CORNERS[j][k] ? 1 : 0), 0);
    if (d === 1) CUBE_EDGES.push([i, j]);
  }

/**
 * Where the plane n·p + d = 0 cuts the cube [−1, 1]³: the crossing point of each edge whose
 * ends lie on opposite sides, ordered around their centroid on screen (a parallel projection
 * keeps the convex polygon convex). Fewer than 3 points: the plane misses the cube.
 */
export function planeInCube(n: readonly [number, number, number], d: number, cam: Camera): [number, number][] {
  const pts: [number, number, number][] = [];
  for (const [i, j] of CUBE_EDGES) {
    const a = CUBE_CORNERS[i];
    const b = CUBE_CORNERS[j];
    const fa = n[0] * a[0] + n[1] * a[1] + n[2] * a[2] + d;
    const fb = n[0] * b[0] + n[1] * b[1] + n[2] * b[2] + d;
    if ((fa > 0) === (fb > 0) || fa === fb) continue;
    const s = fa / (fa - fb);
    pts.push([a[0] + s * (b[0] - a[0]), a[1] + s * (b[1] - a[1]), a[2] + s * (b[2] - a[2])]);
  }
  if (pts.length < 3) return [];
  const scr = pts.map((p) => project(p[0], p[1], p[2], cam));
  const mx = scr.reduce((s, p) => s + p[0], 0) / scr.length;
  const my = scr.reduce((s, p) => s + p[1], 0) / scr.length;
  return scr
    .map((p) => [p[0], p[1]] as [number, number])
    .sort((p, q) => Math.atan2(p[1] - my, p[0] - mx) - Math.atan2(q[1] - my, q[0] - mx));
}
