import { Matrix as MlMatrix, pseudoInverse } from 'ml-matrix';
import { NotFittedError, ValidationError } from '../core/errors';
import type { MatrixLike } from '../core/matrix';
import { checkRandomState, type RandomStateLike } from '../core/random';
import { checkArray, checkFeatureCount, checkOneOf, checkScalar } from '../core/validation';
import { frozenRows, gram, symmetricEigen } from './_linalg';
import { runToEnd } from '../core/steps';

/** Options of {@link FastICA}, as scikit-learn's. */
export interface FastICAOptions {
  /** Number of independent components. Default: all features. */
  nComponents?: number;
  /** 'parallel' (default): all components at once, symmetric decorrelation. 'deflation': one after another, Gram–Schmidt. */
  algorithm?: 'parallel' | 'deflation';
  /**
   * Whitening (centring and decorrelating X to unit variance first): 'unit-variance' (default;
   * the recovered sources are scaled to unit variance, scikit-learn ≥ 1.3's default),
   * 'arbitrary-variance' (scikit-learn 1.2's default) or false (X is assumed white already).
   */
  whiten?: 'unit-variance' | 'arbitrary-variance' | false;
  /**
   * The contrast function G whose derivative g drives the fixed-point iteration: 'logcosh'
   * (default, g = tanh u, good general purpose), 'exp' (g = u e^{−u²/2}, robust for
   * super-Gaussian sources) or 'cube' (g = u³, kurtosis).
   */
  fun?: 'logcosh' | 'exp' | 'cube';
  /** Most fixed-point iterations. Default 200. */
  maxIter?: number;
  /** Stop when max |⟨wₖ_new, wₖ_old⟩| − 1 is below tol. Default 1e-4. */
  tol?: number;
  /** Seed or generator of the initial unmixing matrix. Default 0. */
  randomState?: RandomStateLike;
}

/** One fixed-point iteration. */
export interface FastICAStep {
  /** Iteration, from 1. */
  readonly iteration: number;
  /** Which component is being found (deflation); −1 for parallel. */
  readonly component: number;
  /** The unmixing matrix W in the whitened space (p × p; for deflation, rows found so far). */
  readonly unmixing: readonly (readonly number[])[];
  /** The convergence measure max |⟨w_new, w_old⟩| − 1. */
  readonly change: number;
  /** True on the last iteration (of this component, for deflation). */
  readonly converged: boolean;
}

interface State {
  components: number[][];
  mixing: number[][];
  mean: number[];
  whitening: number[][] | null;
  nIter: number;
  d: number;
}

/** A fitted {@link FastICA} as plain JSON, for permalinks and export. */
export interface FastICAJSON {
  estimator: 'FastICA';
  options: Omit<FastICA['options'], 'randomState'> & { randomState?: number };
  components: number[][];
  mixing: number[][];
  mean: number[];
  whitening: number[][] | null;
  nIter: number;
}

/**
 * Independent component analysis by FastICA (Hyvärinen & Oja 2000), as scikit-learn: the
 * observations are x = A s, a linear mix of independent, non-Gaussian sources s. After
 * whitening (z = K(x − μ), unit covariance), a fixed-point iteration w ← E[z g(wᵀz)] −
 * E[g′(wᵀz)] w, with decorrelation, finds directions of maximal non-Gaussianity; the sources
 * are ŝ = W K (x − μ). This is the blind source separation of the slides, where PCA only
 * decorrelates.
 */
export class FastICA {
  readonly options: Required<Omit<FastICAOptions, 'nComponents'>> & { nComponents?: number };
  private state: State | null = null;

  constructor(options: FastICAOptions = {}) {
    this.options = { algorithm: 'parallel', whiten: 'unit-variance', fun: 'logcosh', maxIter: 200, tol: 1e-4, randomState: 0, ...options };
  }

  /** Fits the unmixing matrix and returns this estimator. */
  fit(X: MatrixLike): this {
    runToEnd(this.fitSteps(X));
    return this;
  }

  /** Fits and returns the recovered sources (n × p). */
  fitTransform(X: MatrixLike): number[][] {
    return this.fit(X).transform(X);
  }

  /** The fixed-point iterations as frozen snapshots. */
  *fitSteps(X: MatrixLike): Generator<FastICAStep, void, undefined> {
    const M = checkArray(X, { minSamples: 2 });
    const { rows: n, cols: d } = M;
    const o = this.options;
    const algorithm = checkOneOf(o.algorithm, 'algorithm', ['parallel', 'deflation'] as const);
    const fun = checkOneOf(o.fun, 'fun', ['logcosh', 'exp', 'cube'] as const);
    if (o.whiten !== false) checkOneOf(o.whiten, 'whiten', ['unit-variance', 'arbitrary-variance'] as const);
    const maxIter = checkScalar(o.maxIter, 'maxIter', { min: 1, integer: true });
    const tol = checkScalar(o.tol, 'tol', { min: 0, exclusiveMin: true });
    let p = o.nComponents ?? d;
    checkScalar(p, 'nComponents', { min: 1, integer: true });
    if (p > d) throw new ValidationError('nComponents', 'out-of-range', `must be ≤ the ${d} features, got ${p}`);
    if (o.whiten === false) p = d;
    const rng = checkRandomState(o.randomState);

    const A = M.data;
    const mu = new Float64Array(d);
    let K: Float64Array | null = null;
    // Z: p × n, the (whitened) data, one row per component direction.
    const Z = new Float64Array(p * n);
    if (o.whiten !== false) {
      for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mu[j] += A[i * d + j] / n;
      for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) A[i * d + j] -= mu[j];
      // Whitening from the SVD of the centred data: Xcᵀ = U S Vᵀ, K = S⁻¹Uᵀ (first p rows),
      // z = √n K x has unit covariance. U from the eigenvectors of XcᵀXc = U S² Uᵀ.
      const { values, vectorsT } = symmetricEigen(gram(A, n, d), d);
      K = new Float64Array(p * d);
      for (let c = 0; c < p; c++) {
        const s = Math.sqrt(Math.max(values[c], Number.EPSILON));
        const sign = vectorsT[c * d] < 0 ? -1 : 1; // u *= sign(u[0]), as scikit-learn
        for (let j = 0; j < d; j++) K[c * d + j] = (sign * vectorsT[c * d + j]) / s;
      }
      const sn = Math.sqrt(n);
      for (let c = 0; c < p; c++) {
        for (let i = 0; i < n; i++) {
          let s = 0;
          for (let j = 0; j < d; j++) s += K[c * d + j] * A[i * d + j];
          Z[c * n + i] = s * sn;
        }
      }
    } else {
      for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) Z[j * n + i] = A[i * d + j];
    }

    const W0 = new Float64Array(p * p);
    for (let q = 0; q < p * p; q++) W0[q] = rng.normal();
    const g = contrast(fun);
    const gx = new Float64Array(n);
    let W: Float64Array;
    let nIter = 0;
    if (algorithm === 'parallel') {
      W = symDecorrelation(W0, p);
      const WZ = new Float64Array(n);
      const gp = new Float64Array(p);
      const G = new Float64Array(p * p);
      for (let it = 1; it <= maxIter; it++) {
        // W₁ = decorrelate( E[g(WZ) Zᵀ] − diag(E[g′(WZ)]) W ).
        for (let r = 0; r < p; r++) {
          for (let i = 0; i < n; i++) {
            let s = 0;
            for (let c = 0; c < p; c++) s += W[r * p + c] * Z[c * n + i];
            WZ[i] = s;
          }
          gp[r] = g(WZ, gx, n);
          for (let c = 0; c < p; c++) {
            let s = 0;
            for (let i = 0; i < n; i++) s += gx[i] * Z[c * n + i];
            G[r * p + c] = s / n - gp[r] * W[r * p + c];
          }
        }
        const W1 = symDecorrelation(G, p);
        let lim = 0;
        for (let r = 0; r < p; r++) {
          let s = 0;
          for (let c = 0; c < p; c++) s += W1[r * p + c] * W[r * p + c];
          lim = Math.max(lim, Math.abs(Math.abs(s) - 1));
        }
        W = W1;
        nIter = it;
        const done = lim < tol || it === maxIter;
        yield Object.freeze({ iteration: it, component: -1, unmixing: frozenRows(W, p, p), change: lim, converged: done });
        if (lim < tol) break;
      }
    } else {
      W = new Float64Array(p * p);
      const wz = new Float64Array(n);
      for (let j = 0; j < p; j++) {
        let w = W0.slice(j * p, (j + 1) * p);
        normalise(w);
        for (let it = 1; it <= maxIter; it++) {
          for (let i = 0; i < n; i++) {
            let s = 0;
            for (let c = 0; c < p; c++) s += w[c] * Z[c * n + i];
            wz[i] = s;
          }
          const gp = g(wz, gx, n);
          const w1 = new Float64Array(p);
          for (let c = 0; c < p; c++) {
            let s = 0;
            for (let i = 0; i < n; i++) s += gx[i] * Z[c * n + i];
            w1[c] = s / n - gp * w[c];
          }
          // Gram–Schmidt against the components already found.
          for (let t = 0; t < j; t++) {
            let s = 0;
            for (let c = 0; c < p; c++) s += w1[c] * W[t * p + c];
            for (let c = 0; c < p; c++) w1[c] -= s * W[t * p + c];
          }
          normalise(w1);
          let dotw = 0;
          for (let c = 0; c < p; c++) dotw += w1[c] * w[c];
          const lim = Math.abs(Math.abs(dotw) - 1);
          w = w1;
          nIter = Math.max(nIter, it);
          W.set(w, j * p);
          const done = lim < tol || it === maxIter;
          yield Object.freeze({ iteration: it, component: j, unmixing: frozenRows(W, j + 1, p), change: lim, converged: done });
          if (lim < tol) break;
        }
      }
    }

    // components = W K (p × d); with unit variance, rows rescaled so the sources have variance 1.
    const comp = new Float64Array(p * d);
    if (K) {
      for (let r = 0; r < p; r++) for (let j = 0; j < d; j++) {
        let s = 0;
        for (let c = 0; c < p; c++) s += W[r * p + c] * K[c * d + j];
        comp[r * d + j] = s;
      }
      if (o.whiten === 'unit-variance') {
        for (let r = 0; r < p; r++) {
          let m = 0;
          let m2 = 0;
          for (let i = 0; i < n; i++) {
            let s = 0;
            for (let j = 0; j < d; j++) s += comp[r * d + j] * A[i * d + j];
            m += s;
            m2 += s * s;
          }
          const sd = Math.sqrt(Math.max(m2 / n - (m / n) ** 2, 0)) || 1;
          for (let j = 0; j < d; j++) comp[r * d + j] /= sd;
        }
      }
    } else comp.set(W);
    const C = new MlMatrix(p, d);
    for (let r = 0; r < p; r++) for (let j = 0; j < d; j++) C.set(r, j, comp[r * d + j]);
    const mix = pseudoInverse(C);
    this.state = {
      components: frozenRows(comp, p, d),
      mixing: mix.to2DArray(),
      mean: Array.from(mu),
      whitening: K ? frozenRows(K, p, d) : null,
      nIter,
      d,
    };
  }

  private get model(): State {
    if (!this.state) throw new NotFittedError('FastICA');
    return this.state;
  }
  /** The unmixing matrix applied to centred data, p × d: ŝ = components · (x − μ). */
  get components(): number[][] {
    return this.model.components;
  }
  /** The estimated mixing matrix Â (d × p), the pseudo-inverse of components: x ≈ Â ŝ + μ. */
  get mixing(): number[][] {
    return this.model.mixing;
  }
  /** The mean removed before unmixing (zeros without whitening). */
  get mean(): number[] {
    return this.model.mean;
  }
  /** The whitening matrix K (p × d), or null without whitening. */
  get whitening(): number[][] | null {
    return this.model.whitening;
  }
  /** Iterations taken (the most over components, for deflation). */
  get nIter(): number {
    return this.model.nIter;
  }

  /** Recovered sources ŝ = components · (x − μ), n × p. */
  transform(X: MatrixLike): number[][] {
    const m = this.model;
    const A = checkArray(X);
    checkFeatureCount(A, m.d);
    return Array.from({ length: A.rows }, (_, i) =>
      m.components.map((w) => {
        let s = 0;
        for (let j = 0; j < m.d; j++) s += w[j] * (A.data[i * m.d + j] - m.mean[j]);
        return s;
      }),
    );
  }

  /** Mixes sources back: x = Â ŝ + μ. */
  inverseTransform(S: MatrixLike): number[][] {
    const m = this.model;
    const p = m.components.length;
    const B = checkArray(S, { name: 'S' });
    if (B.cols !== p) throw new ValidationError('S', 'shape-mismatch', `has ${B.cols} columns, but the model has ${p} components`);
    return Array.from({ length: B.rows }, (_, i) =>
      m.mean.map((mu, j) => {
        let s = mu;
        for (let c = 0; c < p; c++) s += m.mixing[j][c] * B.data[i * p + c];
        return s;
      }),
    );
  }

  /** The fitted model as plain JSON. */
  toJSON(): FastICAJSON {
    const m = this.model;
    const { randomState, ...rest } = this.options;
    return {
      estimator: 'FastICA',
      options: { ...rest, ...(typeof randomState === 'number' ? { randomState } : {}) },
      components: m.components.map((r) => [...r]),
      mixing: m.mixing.map((r) => [...r]),
      mean: [...m.mean],
      whitening: m.whitening ? m.whitening.map((r) => [...r]) : null,
      nIter: m.nIter,
    };
  }

  /** Reads {@link toJSON}'s output back into a fitted estimator. */
  static fromJSON(json: FastICAJSON): FastICA {
    if (json?.estimator !== 'FastICA') throw new ValidationError('json', 'bad-option', 'not a FastICA model');
    const m = new FastICA(json.options);
    const d = json.mean.length;
    m.state = {
      components: frozenRows(json.components.flat(), json.components.length, d),
      mixing: json.mixing.map((r) => [...r]),
      mean: [...json.mean],
      whitening: json.whitening ? frozenRows(json.whitening.flat(), json.whitening.length, d) : null,
      nIter: json.nIter,
      d,
    };
    return m;
  }

}

/** g and the mean of g′ over the samples: writes g(u) into gx and returns E[g′(u)]. */
function contrast(fun: 'logcosh' | 'exp' | 'cube'): (u: Float64Array, gx: Float64Array, n: number) => number {
  if (fun === 'logcosh') {
    return (u, gx, n) => {
      let s = 0;
      for (let i = 0; i < n; i++) {
        const t = Math.tanh(u[i]);
        gx[i] = t;
        s += 1 - t * t;
      }
      return s / n;
    };
  }
  if (fun === 'exp') {
    return (u, gx, n) => {
      let s = 0;
      for (let i = 0; i < n; i++) {
        const e = Math.exp(-0.5 * u[i] * u[i]);
        gx[i] = u[i] * e;
        s += (1 - u[i] * u[i]) * e;
      }
      return s / n;
    };
  }
  return (u, gx, n) => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      gx[i] = u[i] * u[i] * u[i];
      s += 3 * u[i] * u[i];
    }
    return s / n;
  };
}

/** Symmetric decorrelation W ← (WWᵀ)^{−½} W, by the eigen-decomposition WWᵀ = U diag(s) Uᵀ. */
function symDecorrelation(W: Float64Array, p: number): Float64Array {
  const WWt = new Float64Array(p * p);
  for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) {
    let s = 0;
    for (let c = 0; c < p; c++) s += W[a * p + c] * W[b * p + c];
    WWt[a * p + b] = s;
  }
  const { values, vectorsT } = symmetricEigen(WWt, p);
  // (WWᵀ)^{−½} = Σₖ uₖuₖᵀ / √sₖ
  const R = new Float64Array(p * p);
  for (let k = 0; k < p; k++) {
    const f = 1 / Math.sqrt(Math.max(values[k], Number.MIN_VALUE));
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) R[a * p + b] += f * vectorsT[k * p + a] * vectorsT[k * p + b];
  }
  const out = new Float64Array(p * p);
  for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) {
    let s = 0;
    for (let c = 0; c < p; c++) s += R[a * p + c] * W[c * p + b];
    out[a * p + b] = s;
  }
  return out;
}

function normalise(w: Float64Array): void {
  let s = 0;
  for (const v of w) s += v * v;
  s = Math.sqrt(s) || 1;
  for (let i = 0; i < w.length; i++) w[i] /= s;
}
