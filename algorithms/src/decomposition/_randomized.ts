/**
 * Randomized truncated SVD (Halko, Martinsson & Tropp 2011), as scikit-learn's
 * `randomized_svd`: for k ≪ min(n, d) components it costs O(n·d·(k + p)·(2q + 2)) instead of a
 * full O(n·d·min(n, d)) decomposition.
 *
 * 1. Range finder: Y = X Ω with Ω a d×(k+p) Gaussian matrix (p = 10 oversamples), then q power
 *    iterations Y ← X (Xᵀ Y), re-orthonormalised at every half step (QR by modified
 *    Gram-Schmidt) so that the small singular directions are not lost to rounding. Q = orth(Y)
 *    spans X's dominant left singular subspace.
 * 2. B = Qᵀ X ((k+p)×d) and its small SVD via the eigen-decomposition of B Bᵀ:
 *    B Bᵀ = Ũ Σ² Ũᵀ, Vᵀ = Σ⁻¹ Ũᵀ B, U = Q Ũ.
 * q = 7 when k < 0.1·min(n, d), else 4 (scikit-learn's n_iter='auto').
 */
import type { RandomState } from '../core/random';
import { symmetricEigen } from './_linalg';

export interface RandomizedSVD {
  /** The k largest singular values, descending. */
  s: Float64Array;
  /** k × d, right singular vectors as rows, signs as scikit-learn's svd_flip on U. */
  Vt: Float64Array;
}

/** Orthonormalises the m columns of the n×m column-major block Y in place (twice MGS). */
function orthonormalise(Y: Float64Array, n: number, m: number): void {
  for (let c = 0; c < m; c++) {
    const oc = c * n;
    let nrm0 = 0;
    for (let i = 0; i < n; i++) nrm0 += Y[oc + i] * Y[oc + i];
    nrm0 = Math.sqrt(nrm0);
    for (let pass = 0; pass < 2; pass++) {
      for (let b = 0; b < c; b++) {
        const ob = b * n;
        let s = 0;
        for (let i = 0; i < n; i++) s += Y[ob + i] * Y[oc + i];
        for (let i = 0; i < n; i++) Y[oc + i] -= s * Y[ob + i];
      }
    }
    let nrm = 0;
    for (let i = 0; i < n; i++) nrm += Y[oc + i] * Y[oc + i];
    nrm = Math.sqrt(nrm);
    // A column that lay (to rounding) in the span of the earlier ones is rank deficiency, not a
    // direction: normalising its rounding noise would duplicate a basis vector and double σ².
    const f = nrm > 1e-10 * nrm0 ? 1 / nrm : 0;
    for (let i = 0; i < n; i++) Y[oc + i] *= f;
  }
}

/** Y (n×m, column-major) = X (n×d, row-major) · W (d×m, column-major). */
function timesCols(X: Float64Array, n: number, d: number, W: Float64Array, m: number, Y: Float64Array): void {
  const row = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const o = i * d;
    row.fill(0);
    for (let j = 0; j < d; j++) {
      const x = X[o + j];
      if (x === 0) continue;
      for (let c = 0; c < m; c++) row[c] += x * W[c * d + j];
    }
    for (let c = 0; c < m; c++) Y[c * n + i] = row[c];
  }
}

/** Z (d×m, column-major) = Xᵀ (d×n) · Y (n×m, column-major). */
function transposeTimesCols(X: Float64Array, n: number, d: number, Y: Float64Array, m: number, Z: Float64Array): void {
  Z.fill(0);
  const yi = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const o = i * d;
    for (let c = 0; c < m; c++) yi[c] = Y[c * n + i];
    for (let c = 0; c < m; c++) {
      const v = yi[c];
      if (v === 0) continue;
      const oz = c * d;
      for (let j = 0; j < d; j++) Z[oz + j] += v * X[o + j];
    }
  }
}

/** The k leading singular triplets of the row-major n×d matrix X (already centred). */
export function randomizedSVD(X: Float64Array, n: number, d: number, k: number, rng: RandomState, oversamples = 10): RandomizedSVD {
  const m = Math.min(k + oversamples, Math.min(n, d));
  const q = k < 0.1 * Math.min(n, d) ? 7 : 4;
  const W = new Float64Array(d * m);
  for (let i = 0; i < W.length; i++) W[i] = rng.normal();
  const Y = new Float64Array(n * m);
  timesCols(X, n, d, W, m, Y);
  orthonormalise(Y, n, m);
  for (let it = 0; it < q; it++) {
    transposeTimesCols(X, n, d, Y, m, W);
    orthonormalise(W, d, m);
    timesCols(X, n, d, W, m, Y);
    orthonormalise(Y, n, m);
  }
  // B = Qᵀ X: row c of B is column c of (Xᵀ Q) → computed as Xᵀ Q (d×m column-major) = Bᵀ.
  const Bt = W;
  transposeTimesCols(X, n, d, Y, m, Bt);
  // B Bᵀ (m×m), eigen-decomposed.
  const G = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    for (let b = a; b < m; b++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += Bt[a * d + j] * Bt[b * d + j];
      G[a * m + b] = G[b * m + a] = s;
    }
  }
  const { values, vectorsT } = symmetricEigen(G, m);
  const s = new Float64Array(k);
  const Vt = new Float64Array(k * d);
  for (let c = 0; c < k; c++) {
    const sv = Math.sqrt(Math.max(values[c], 0));
    s[c] = sv;
    // Vᵀ row c = (Ũ column c)ᵀ B / σ_c.
    const oc = c * d;
    for (let a = 0; a < m; a++) {
      const u = vectorsT[c * m + a];
      if (u === 0) continue;
      for (let j = 0; j < d; j++) Vt[oc + j] += u * Bt[a * d + j];
    }
    if (sv > 0) for (let j = 0; j < d; j++) Vt[oc + j] /= sv;
    // svd_flip, u-based: U column c = Q Ũ_c; its largest-|·| entry made positive.
    let best = -1;
    let bestVal = 0;
    for (let i = 0; i < n; i++) {
      let u = 0;
      for (let a = 0; a < m; a++) u += Y[a * n + i] * vectorsT[c * m + a];
      const au = Math.abs(u);
      if (au > best) {
        best = au;
        bestVal = u;
      }
    }
    if (bestVal < 0) for (let j = 0; j < d; j++) Vt[oc + j] = -Vt[oc + j];
  }
  return { s, Vt };
}
