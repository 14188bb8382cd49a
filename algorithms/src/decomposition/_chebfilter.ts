/**
 * The top eigen-pairs of a symmetric operator whose spectrum lies in [lo, hi], by Chebyshev-
 * filtered subspace iteration (Zhou & Saad 2007). Used by spectral clustering, where
 * A = D^{−½}W′D^{−½} has its spectrum in [−1, 1] and the wanted eigenvalues crowd near 1 (gaps
 * of 10⁻⁴ at 10,000 points): plain Lanczos then needs ~10³ steps and O(j²n) re-orthogonalisation,
 * while a filter concentrates that work into cheap sparse products.
 *
 * Each iteration:
 * 1. Y = T_deg(t(A)) X, with t mapping the unwanted interval [lo, c] onto [−1, 1]: there the
 *    Chebyshev polynomial stays in [−1, 1], while above c it grows like cosh(deg·acosh t), so the
 *    wanted components are amplified by up to e^{deg·acosh t}. Three-term recurrence
 *    Y_{k+1} = 2(A − e)Y_k / h − Y_{k−1}, with e, h the centre and half-width of [lo, c].
 * 2. Y orthonormalised (twice modified Gram-Schmidt, deflated vectors projected out).
 * 3. Rayleigh-Ritz: the s×s matrix YᵀAY, its eigenvectors rotate Y into Ritz vectors X.
 * 4. Stop when ‖Axᵢ − θᵢxᵢ‖ ≤ tol for the k wanted; else c ← the smallest Ritz value (a lower
 *    bound of λ_s by interlacing, so the wanted eigenvalues stay above it).
 */
import type { RandomState } from '../core/random';
import { symmetricEigen } from './_linalg';

export interface ChebOptions {
  /** Lower end of the spectrum (default −1). */
  lo?: number;
  /** Absolute residual tolerance (default 1e-8). */
  tol?: number;
  /** Polynomial degree per iteration (default 16). */
  degree?: number;
  /** Iteration cap (default 300). */
  maxIter?: number;
  /** Orthonormal known eigenvectors, projected out. */
  deflate?: Float64Array[];
  /** Block size (default max(2k, k + 6), at most n − deflated). */
  block?: number;
}

export interface ChebResult {
  values: Float64Array;
  /** k × n row-major. */
  vectors: Float64Array;
  iterations: number;
  converged: boolean;
}

/** Block operator: out[v] ← A·x[v] for each vector v. */
export type BlockMatvec = (x: Float64Array[], out: Float64Array[]) => void;

export function chebyshevTop(n: number, k: number, matvec: BlockMatvec, rng: RandomState, options: ChebOptions = {}): ChebResult {
  const deflate = options.deflate ?? [];
  const room = n - deflate.length;
  const s = Math.max(k, Math.min(room, options.block ?? Math.max(2 * k, k + 6)));
  const lo = options.lo ?? -1;
  const tol = options.tol ?? 1e-8;
  const degree = options.degree ?? 16;
  const maxIter = options.maxIter ?? 300;
  const alloc = () => Array.from({ length: s }, () => new Float64Array(n));
  const X = alloc(); // Ritz vectors
  const AX = alloc(); // A·X
  const Z = alloc(); // products
  const B0 = alloc(); // the Chebyshev recurrence
  const B1 = alloc();

  const orthonormalise = (V: Float64Array[]) => {
    for (let a = 0; a < s; a++) {
      const v = V[a];
      for (let attempt = 0; ; attempt++) {
        for (let pass = 0; pass < 2; pass++) {
          for (const u of deflate) sub(v, u, dot(u, v, n), n);
          for (let b = 0; b < a; b++) sub(v, V[b], dot(V[b], v, n), n);
        }
        const nrm = Math.sqrt(dot(v, v, n));
        if (nrm > 1e-10 || attempt >= 3) {
          const f = nrm > 0 ? 1 / nrm : 0;
          for (let i = 0; i < n; i++) v[i] *= f;
          break;
        }
        for (let i = 0; i < n; i++) v[i] = rng.random() - 0.5; // dependent: a fresh direction
      }
    }
  };

  /** Rayleigh-Ritz on the orthonormal block V: X ← Ritz vectors, AX ← A·X, returns θ and residuals. */
  const rayleighRitz = (V: Float64Array[]) => {
    matvec(V, Z); // Z = A V
    const H = new Float64Array(s * s);
    for (let a = 0; a < s; a++) for (let b = a; b < s; b++) H[a * s + b] = H[b * s + a] = dot(V[a], Z[b], n);
    const { values, vectorsT } = symmetricEigen(H, s);
    for (let t = 0; t < s; t++) {
      const x = X[t];
      const ax = AX[t];
      x.fill(0);
      ax.fill(0);
      for (let a = 0; a < s; a++) {
        const c = vectorsT[t * s + a];
        if (c === 0) continue;
        const va = V[a];
        const za = Z[a];
        for (let i = 0; i < n; i++) {
          x[i] += c * va[i];
          ax[i] += c * za[i];
        }
      }
    }
    const res = new Float64Array(s);
    for (let t = 0; t < s; t++) {
      let r = 0;
      const x = X[t];
      const ax = AX[t];
      const th = values[t];
      for (let i = 0; i < n; i++) {
        const u = ax[i] - th * x[i];
        r += u * u;
      }
      res[t] = Math.sqrt(r);
    }
    return { theta: values, res };
  };

  for (const v of B0) for (let i = 0; i < n; i++) v[i] = rng.random() - 0.5;
  orthonormalise(B0);
  let { theta, res } = rayleighRitz(B0);
  let it = 0;
  let converged = false;
  for (; it < maxIter; it++) {
    let ok = true;
    for (let t = 0; t < k; t++) if (res[t] > tol) ok = false;
    if (ok) {
      converged = true;
      break;
    }
    // Unwanted interval [lo, c]: c below every wanted Ritz value.
    let c = theta[s - 1];
    if (s > k) c = Math.min(c, theta[k] ?? c);
    if (!(c > lo)) c = lo + 1e-3 * (theta[0] - lo);
    const e = (c + lo) / 2;
    const h = (c - lo) / 2;
    // Keep T_deg(t(θ₀)) far from overflow.
    const t0 = Math.max(1, (theta[0] - e) / h);
    const deg = Math.max(2, Math.min(degree, Math.floor(200 / Math.max(1e-3, Math.acosh(t0)))));
    // Y₀ = X, Y₁ = (A − e)X / h, Y_{j+1} = 2(A − e)Y_j / h − Y_{j−1}, in the buffers B0, B1.
    let P = B0; // Y_{j−1}
    let C = B1; // Y_j
    for (let a = 0; a < s; a++) {
      const ax = AX[a];
      const x = X[a];
      const y = C[a];
      P[a].set(x);
      for (let i = 0; i < n; i++) y[i] = (ax[i] - e * x[i]) / h;
    }
    for (let j = 1; j < deg; j++) {
      matvec(C, Z);
      for (let a = 0; a < s; a++) {
        const z = Z[a];
        const c0 = C[a];
        const p = P[a];
        for (let i = 0; i < n; i++) p[i] = (2 * (z[i] - e * c0[i])) / h - p[i];
      }
      const tmp = P;
      P = C;
      C = tmp;
    }
    orthonormalise(C);
    ({ theta, res } = rayleighRitz(C));
  }
  const values = new Float64Array(k);
  const vectors = new Float64Array(k * n);
  for (let t = 0; t < k; t++) {
    values[t] = theta[t];
    vectors.set(X[t], t * n);
  }
  return { values, vectors, iterations: it, converged };
}

function dot(a: Float64Array, b: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}

function sub(v: Float64Array, u: Float64Array, c: number, n: number): void {
  if (c !== 0) for (let i = 0; i < n; i++) v[i] -= c * u[i];
}
