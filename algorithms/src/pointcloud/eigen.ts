/**
 * Closed-form eigen-decomposition of a symmetric 3×3 matrix (a covariance), and the shape
 * features of a neighbourhood from its eigenvalues.
 */

/** Eigenvalues λ₁ ≥ λ₂ ≥ λ₃ (≥ 0 for a covariance) and the unit normal (eigenvector of λ₃). */
export interface SymmetricEigen3 {
  values: [number, number, number];
  /** Unit eigenvector of the smallest eigenvalue: the normal of a plane. See {@link symmetricEigen3} for the degenerate cases. */
  normal: [number, number, number];
}

/**
 * Eigenvalues and smallest eigenvector of the symmetric matrix
 * [[a, b, c], [b, d, e], [c, e, f]].
 *
 * Eigenvalues by the trigonometric solution of the characteristic cubic (Smith, 1961): with
 * q = tr A / 3, p = √(‖A − qI‖²_F / 6) and B = (A − qI)/p, the roots are
 * λ = q + 2p cos(φ + 2πk/3), φ = arccos(det B / 2) / 3, k = 0, 1, 2. Negative rounding of a
 * positive semi-definite matrix's eigenvalues is clamped to 0.
 *
 * The normal is the eigenvector of λ₃ (see the refinement in the code). When λ₃ is repeated
 * (λ₂ ≈ λ₃: a line) the normal is any unit vector orthogonal to the eigenvector e₁ of λ₁; we take
 * the one nearest the vertical, (ẑ − (ẑ·e₁)e₁)/‖…‖, so a horizontal line (a wire) has a vertical
 * normal and a vertical line (a pole) a horizontal one. When all three are equal (a sphere, one
 * point, duplicates) there is no preferred direction and the normal is ẑ by convention.
 */
export function symmetricEigen3(a: number, b: number, c: number, d: number, e: number, f: number): SymmetricEigen3 {
  const p1 = b * b + c * c + e * e;
  const q = (a + d + f) / 3;
  const scale = Math.max(Math.abs(a), Math.abs(d), Math.abs(f), Math.sqrt(p1));
  if (scale === 0 || !Number.isFinite(scale)) return { values: [0, 0, 0], normal: [0, 0, 1] };
  let l1: number, l2: number, l3: number;
  if (p1 <= 1e-30 * scale * scale) {
    // Diagonal: the eigenvalues are the diagonal.
    [l1, l2, l3] = [a, d, f].sort((u, v) => v - u);
  } else {
    const aq = a - q, dq = d - q, fq = f - q;
    const p = Math.sqrt((aq * aq + dq * dq + fq * fq + 2 * p1) / 6);
    // det(B)/2 with B = (A − qI)/p.
    const det = aq * (dq * fq - e * e) - b * (b * fq - e * c) + c * (b * e - dq * c);
    const r = Math.max(-1, Math.min(1, det / (2 * p * p * p)));
    const phi = Math.acos(r) / 3;
    l1 = q + 2 * p * Math.cos(phi);
    l3 = q + 2 * p * Math.cos(phi + (2 * Math.PI) / 3);
    l2 = 3 * q - l1 - l3;
  }
  const gap = l1 - l3;
  if (!(gap > 1e-9 * scale)) {
    // λ₁ ≈ λ₂ ≈ λ₃ (a sphere, one point, duplicates): no preferred direction.
    const m = Math.max(0, q);
    return { values: [m, m, m], normal: [0, 0, 1] };
  }
  // Near a double root the cubic's roots lose half their digits (arccos near ±1). Refine: the
  // root farthest from the other two has a well-conditioned eigenvector v (a cross product of
  // rows of A − λI); its eigenvalue is then vᵀAv, and the other two are those of the 2×2 block
  // of A on the plane ⊥ v, whose closed form m ± √(((p−r)/2)² + q²) is stable.
  const top = l1 - l2 >= l2 - l3;
  const v = nullVector(a - (top ? l1 : l3), b, c, d - (top ? l1 : l3), e, f - (top ? l1 : l3)) ?? (top ? [1, 0, 0] : [0, 0, 1]);
  // An orthonormal basis u, w of the plane ⊥ v.
  const t: [number, number, number] = Math.abs(v[0]) < 0.6 ? [1, 0, 0] : [0, 1, 0];
  let u = cross(v, t);
  const un = Math.hypot(u[0], u[1], u[2]);
  u = [u[0] / un, u[1] / un, u[2] / un];
  const w = cross(v, u);
  const Ax = (x: readonly number[]) => [a * x[0] + b * x[1] + c * x[2], b * x[0] + d * x[1] + e * x[2], c * x[0] + e * x[1] + f * x[2]];
  const dot = (x: readonly number[], y: readonly number[]) => x[0] * y[0] + x[1] * y[1] + x[2] * y[2];
  const Au = Ax(u), Aw = Ax(w);
  const P = dot(u, Au), Q = dot(u, Aw), R = dot(w, Aw);
  const mean = (P + R) / 2;
  const delta = Math.hypot((P - R) / 2, Q);
  const lv = dot(v, Ax(v));
  const hiB = mean + delta, loB = mean - delta;
  [l1, l2, l3] = top ? [lv, hiB, loB] : [hiB, loB, lv];
  const tiny = 1e-14 * scale;
  const clean = (x: number) => (x < tiny ? 0 : x);
  const values: [number, number, number] = [clean(l1), clean(Math.min(l1, l2)), clean(Math.min(l2, l3))];
  let n: number[];
  if (!top) n = v;
  else if (delta > 1e-7 * gap) {
    // The 2×2 block's eigenvector of its smaller eigenvalue, back in 3-D.
    const [s1, s2] = Math.abs(P - loB) > Math.abs(R - loB) ? [-Q, P - loB] : [R - loB, -Q];
    n = [s1 * u[0] + s2 * w[0], s1 * u[1] + s2 * w[1], s1 * u[2] + s2 * w[2]];
  } else {
    // λ₂ ≈ λ₃: a line along e₁ = v; the normal nearest the vertical, ẑ − (ẑ·v)v.
    n = [-v[2] * v[0], -v[2] * v[1], 1 - v[2] * v[2]];
    if (Math.hypot(n[0], n[1], n[2]) < 1e-9) n = [u[0], u[1], u[2]];
  }
  return { values, normal: unit(n) };
}

function cross(x: readonly number[], y: readonly number[]): [number, number, number] {
  return [x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]];
}

/** x/‖x‖ with a fixed sign (z ≥ 0, then y, then x) and no −0, so that results do not flip. */
function unit(x: readonly number[]): [number, number, number] {
  const len = Math.hypot(x[0], x[1], x[2]);
  const s = x[2] < 0 || (x[2] === 0 && (x[1] < 0 || (x[1] === 0 && x[0] < 0))) ? -1 : 1;
  return [(s * x[0]) / len + 0, (s * x[1]) / len + 0, (s * x[2]) / len + 0];
}

/**
 * A unit vector in the null space of the (near-singular) symmetric matrix
 * [[a, b, c], [b, d, e], [c, e, f]]: the longest cross product of two of its rows, or null
 * when every cross product vanishes (a null space of dimension 2 or more).
 */
function nullVector(a: number, b: number, c: number, d: number, e: number, f: number): [number, number, number] | null {
  // Rows r0 = (a, b, c), r1 = (b, d, e), r2 = (c, e, f).
  const x01 = [b * e - c * d, c * b - a * e, a * d - b * b];
  const x02 = [b * f - c * e, c * c - a * f, a * e - b * c];
  const x12 = [d * f - e * e, e * c - b * f, b * e - d * c];
  const n01 = x01[0] ** 2 + x01[1] ** 2 + x01[2] ** 2;
  const n02 = x02[0] ** 2 + x02[1] ** 2 + x02[2] ** 2;
  const n12 = x12[0] ** 2 + x12[1] ** 2 + x12[2] ** 2;
  const rows = Math.max(a * a + b * b + c * c, b * b + d * d + e * e, c * c + e * e + f * f);
  let best = x01, bn = n01;
  if (n02 > bn) [best, bn] = [x02, n02];
  if (n12 > bn) [best, bn] = [x12, n12];
  if (!(bn > 1e-20 * rows * rows)) return null;
  return unit(best);
}

/** The eigen-features of one neighbourhood. */
export interface ShapeFeatures {
  /** (λ₁ − λ₂)/λ₁: 1 on a line. */
  linearity: number;
  /** (λ₂ − λ₃)/λ₁: 1 on a plane. */
  planarity: number;
  /** λ₃/λ₁: 1 for an isotropic cloud (a sphere, a tree crown). */
  sphericity: number;
  /** 1 − |n_z|: 0 for a horizontal surface, 1 for a vertical one (a wall). */
  verticality: number;
}

/**
 * Linearity, planarity and sphericity from λ₁ ≥ λ₂ ≥ λ₃ ≥ 0 (they add up to 1), and
 * verticality from the normal's z. A neighbourhood with λ₁ = 0 (one point, or duplicates
 * only) has no shape: all four are 0.
 */
export function shapeFeatures(l1: number, l2: number, l3: number, nz: number): ShapeFeatures {
  if (!(l1 > 0)) return { linearity: 0, planarity: 0, sphericity: 0, verticality: 0 };
  return { linearity: (l1 - l2) / l1, planarity: (l2 - l3) / l1, sphericity: l3 / l1, verticality: 1 - Math.min(1, Math.abs(nz)) };
}
