/**
 * A few extreme eigen-pairs of a large symmetric operator by the Lanczos method, for spectral
 * clustering (sparse normalised adjacency) and kernel PCA (dense centred kernel) when only
 * m ≪ n eigenvectors are wanted: O(n·(cost of A·v) + n·j²) for j Lanczos steps, against O(n³)
 * for a dense decomposition.
 *
 * Method: from a random unit q₁, the Krylov basis Q = [q₁ … q_j] with A Q = Q T + β_j q_{j+1} e_jᵀ,
 * T tridiagonal (αᵢ on the diagonal, βᵢ off it). The Ritz pairs (θ, Q s) of T approximate the
 * extreme eigen-pairs of A, with residual ‖A y − θ y‖ = |β_j s_j| (last entry of s), which is
 * the stopping test. Every new vector is re-orthogonalised against the whole basis (twice,
 * classical Gram-Schmidt), so no spurious copies appear. If the Krylov space becomes invariant
 * (β ≈ 0) a fresh random vector, orthogonal to the basis, continues it: this is what lets
 * repeated eigenvalues (e.g. one per connected component) all be found.
 *
 * `deflate` vectors (orthonormal, known eigenvectors) are projected out of every vector, so the
 * run looks for the next eigen-pairs only.
 */
import type { RandomState } from '../core/random';
import { symmetricEigen } from './_linalg';

export interface LanczosOptions {
  /** Relative residual tolerance: ‖Ay − θy‖ ≤ tol·max|θ|. Default 1e-10. */
  tol?: number;
  /** Largest basis size; default min(n − deflated, max(20·k, 300)). */
  maxDim?: number;
  /** Known orthonormal eigenvectors to project out. */
  deflate?: Float64Array[];
}

export interface LanczosResult {
  /** The k largest eigenvalues, descending. */
  values: Float64Array;
  /** k × n row-major: row c is the unit eigenvector of values[c]. */
  vectors: Float64Array;
  /** Lanczos steps taken (operator products). */
  steps: number;
  /** True when every wanted pair met the tolerance (or the basis spanned the whole space). */
  converged: boolean;
}

/**
 * The k largest (algebraic) eigen-pairs of the symmetric n×n operator `matvec(x, out)`
 * (out ← A x). Shift A (e.g. A + I) if the wanted end is not the largest.
 */
export function lanczosLargest(n: number, k: number, matvec: (x: Float64Array, out: Float64Array) => void, rng: RandomState, options: LanczosOptions = {}): LanczosResult {
  const deflate = options.deflate ?? [];
  const room = n - deflate.length;
  const maxDim = Math.max(Math.min(room, options.maxDim ?? Math.max(20 * k, 300)), Math.min(k, room));
  const tol = options.tol ?? 1e-10;
  const Q = new Float64Array(maxDim * n);
  const alpha = new Float64Array(maxDim);
  const beta = new Float64Array(maxDim); // beta[j] couples q_j and q_{j+1}
  const w = new Float64Array(n);
  const coef = new Float64Array(maxDim);

  /** w ← w − (projection on the deflated vectors and on the first j basis vectors), twice. */
  const orthogonalise = (j: number) => {
    for (let pass = 0; pass < 2; pass++) {
      for (const u of deflate) {
        let s = 0;
        for (let i = 0; i < n; i++) s += u[i] * w[i];
        for (let i = 0; i < n; i++) w[i] -= s * u[i];
      }
      for (let r = 0; r < j; r++) {
        const o = r * n;
        let s = 0;
        for (let i = 0; i < n; i++) s += Q[o + i] * w[i];
        coef[r] = s;
      }
      for (let r = 0; r < j; r++) {
        const o = r * n;
        const s = coef[r];
        if (s !== 0) for (let i = 0; i < n; i++) w[i] -= s * Q[o + i];
      }
    }
  };
  /** Puts a random unit vector orthogonal to everything so far in row j; false if none is left. */
  const restart = (j: number): boolean => {
    for (let attempt = 0; attempt < 5; attempt++) {
      for (let i = 0; i < n; i++) w[i] = rng.random() - 0.5;
      orthogonalise(j);
      let nrm = 0;
      for (let i = 0; i < n; i++) nrm += w[i] * w[i];
      nrm = Math.sqrt(nrm);
      if (nrm > 1e-8) {
        for (let i = 0; i < n; i++) Q[j * n + i] = w[i] / nrm;
        return true;
      }
    }
    return false;
  };

  let scale = 0; // running estimate of ‖A‖, for the breakdown and residual tests
  let j = 0; // basis size
  let converged = false;
  let nextCheck = Math.min(maxDim, Math.max(2 * k + 10, 20));
  let ritz: { theta: Float64Array; S: Float64Array; m: number } | null = null;
  if (!restart(0)) return { values: new Float64Array(0), vectors: new Float64Array(0), steps: 0, converged: true };
  j = 1;
  const qj = new Float64Array(n);
  for (;;) {
    const c = j - 1; // index of the newest basis vector
    qj.set(Q.subarray(c * n, (c + 1) * n));
    matvec(qj, w);
    let a = 0;
    for (let i = 0; i < n; i++) a += qj[i] * w[i];
    alpha[c] = a;
    const bPrev = c > 0 ? beta[c - 1] : 0;
    const po = (c - 1) * n;
    for (let i = 0; i < n; i++) w[i] -= a * qj[i] + (c > 0 ? bPrev * Q[po + i] : 0);
    orthogonalise(j);
    let b = 0;
    for (let i = 0; i < n; i++) b += w[i] * w[i];
    b = Math.sqrt(b);
    scale = Math.max(scale, Math.abs(a) + b + bPrev);
    const full = j >= maxDim;
    if (j >= nextCheck || full) {
      ritz = tridiagonalRitz(alpha, beta, j);
      const top = Math.min(k, j);
      const thetaMax = Math.max(Math.abs(ritz.theta[0]), scale * 1e-3);
      let ok = top === k;
      for (let t = 0; t < top && ok; t++) if (Math.abs(b * ritz.S[(j - 1) * j + t]) > tol * thetaMax) ok = false;
      if (ok || j >= room) {
        converged = ok || j >= room;
        break;
      }
      if (full) break;
      nextCheck = Math.min(maxDim, j + Math.max(10, Math.ceil(j / 4)));
    }
    if (b <= 1e-12 * scale) {
      // Invariant subspace: continue the basis with a fresh direction (β = 0 decouples T).
      beta[c] = 0;
      if (!restart(j)) {
        ritz = tridiagonalRitz(alpha, beta, j);
        converged = true;
        break;
      }
    } else {
      beta[c] = b;
      for (let i = 0; i < n; i++) Q[j * n + i] = w[i] / b;
    }
    j++;
  }
  const m = ritz!.m;
  const top = Math.min(k, m);
  const values = new Float64Array(top);
  const vectors = new Float64Array(top * n);
  for (let t = 0; t < top; t++) {
    values[t] = ritz!.theta[t];
    const o = t * n;
    for (let r = 0; r < m; r++) {
      const s = ritz!.S[r * m + t];
      if (s === 0) continue;
      const qo = r * n;
      for (let i = 0; i < n; i++) vectors[o + i] += s * Q[qo + i];
    }
  }
  return { values, vectors, steps: j, converged };
}

/** Eigen-pairs of the j×j tridiagonal T, descending; S is j×j with column t the vector of θ_t. */
function tridiagonalRitz(alpha: Float64Array, beta: Float64Array, j: number): { theta: Float64Array; S: Float64Array; m: number } {
  const T = new Float64Array(j * j);
  for (let i = 0; i < j; i++) {
    T[i * j + i] = alpha[i];
    if (i + 1 < j) T[i * j + i + 1] = T[(i + 1) * j + i] = beta[i];
  }
  const { values, vectorsT } = symmetricEigen(T, j);
  // vectorsT rows are eigenvectors; transpose into column layout S[r][t].
  const S = new Float64Array(j * j);
  for (let t = 0; t < j; t++) for (let r = 0; r < j; r++) S[r * j + t] = vectorsT[t * j + r];
  return { theta: values, S, m: j };
}
