import { svd } from '@geolearn/algorithms';
import type { Vec2 } from './model';

/** A 2×2 matrix, rows. */
export type Mat2 = [[number, number], [number, number]];

/** The small matrix of the SVD view, before the student edits it. */
export const DEFAULT_MATRIX: Mat2 = [[1.5, 1], [0.3, 1.2]];

/** A 2×2 matrix times a 2-vector. */
const apply = (M: readonly (readonly number[])[], p: Vec2): Vec2 => [M[0][0] * p[0] + M[0][1] * p[1], M[1][0] * p[0] + M[1][1] * p[1]];

/** The SVD A = UΣVᵀ of a 2×2 matrix, its product back, and the four stages of the unit circle. */
export interface Svd2 {
  U: Mat2;
  S: Vec2;
  Vt: Mat2;
  /** U Σ Vᵀ, which must give A back. */
  product: Mat2;
  /** The unit circle x, then Vᵀx, ΣVᵀx and UΣVᵀx = Ax (each a polyline), and where v₁, v₂ go. */
  stages: { label: string; circle: Vec2[]; v: [Vec2, Vec2] }[];
}

/**
 * The SVD of A (`svd` from @geolearn/algorithms) read as three simple maps: Vᵀ rotates (or
 * reflects) the right singular vectors vᵢ onto the axes, Σ stretches the axes by σᵢ, U
 * rotates them onto the left singular vectors uᵢ: together the unit circle becomes the
 * ellipse A·circle, with semi-axes σᵢ uᵢ = A vᵢ.
 */
export function svd2(A: Mat2, points = 72): Svd2 {
  const r = svd(A);
  const U = r.U.map((row) => [row[0], row[1]]) as Mat2;
  const Vt = r.Vt.map((row) => [row[0], row[1]]) as Mat2;
  const S: Vec2 = [r.S[0], r.S[1]];
  const Sig: Mat2 = [[S[0], 0], [0, S[1]]];
  const circle = Array.from({ length: points + 1 }, (_, i) => [Math.cos((2 * Math.PI * i) / points), Math.sin((2 * Math.PI * i) / points)] as Vec2);
  const v: [Vec2, Vec2] = [[Vt[0][0], Vt[0][1]], [Vt[1][0], Vt[1][1]]];
  const maps: [string, Mat2 | null][] = [['x', null], ['Vᵀx', Vt], ['ΣVᵀx', Sig], ['UΣVᵀx = Ax', U]];
  const stages: Svd2['stages'] = [];
  let cur = circle;
  let vs = v;
  for (const [label, M] of maps) {
    if (M) {
      cur = cur.map((p) => apply(M, p));
      vs = [apply(M, vs[0]), apply(M, vs[1])];
    }
    stages.push({ label, circle: cur, v: vs });
  }
  const product = [0, 1].map((i) => [0, 1].map((j) => U[i][0] * S[0] * Vt[0][j] + U[i][1] * S[1] * Vt[1][j])) as Mat2;
  return { U, S, Vt, product, stages };
}
