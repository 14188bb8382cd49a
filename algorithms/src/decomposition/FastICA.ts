import { Matrix as MlMatrix, pseudoInverse } from 'ml-matrix';
import { readEstimatorJSON, TransformerBase } from '../core/base';
import { ValidationError } from '../core/errors';
import { jsonError, readBoolean, readFiniteArray, readInt, readNullable } from '../core/json';
import type { MatrixLike } from '../core/matrix';
import type { ParamSpecs } from '../core/params';
import { checkRandomState, type RandomStateLike } from '../core/random';
import { checkArray, checkFeatureCount, checkFiniteResult, checkSize, LIMITS } from '../core/validation';
import { readRows, readWarnings } from '../cluster/_common';
import { frozenRows, gram, symmetricEigen } from './_linalg';
import { runToEnd } from '../core/steps';

/** Options of {@link FastICA}, as scikit-learn's. */
export interface FastICAOptions {
  /** Number of independent components (at most the number of features); null (default) for all features. */
  nComponents?: number | null;
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
  /** Seed or generator of the initial unmixing matrix. Default undefined (seed 0). */
  randomState?: RandomStateLike;
}

/** scikit-learn's warning when the fixed-point iteration stops on maxIter. */
export const FASTICA_NOT_CONVERGED = 'FastICA did not converge. Consider increasing tolerance or the maximum number of iterations.';

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
  /** Whether every component met the tolerance before maxIter. */
  converged: boolean;
  /** What went wrong without stopping the fit (no convergence). */
  warnings: string[];
}

/** A fitted {@link FastICA} as plain JSON, for permalinks and export. */
export interface FastICAJSON {
  estimator: 'FastICA';
  options: Omit<FastICAOptions, 'randomState'> & { randomState?: number };
  components: number[][];
  mixing: number[][];
  mean: number[];
  whitening: number[][] | null;
  nIter: number;
  converged: boolean;
  warnings: string[];
}

/** The whiten option: 'unit-variance', 'arbitrary-variance' or false. */
function checkWhiten(v: unknown, name: string): unknown {
  if (v === 'unit-variance' || v === 'arbitrary-variance' || v === false) return v;
  throw new ValidationError(name, 'bad-option', `must be 'unit-variance', 'arbitrary-variance' or false, got ${typeof v === 'string' ? JSON.stringify(v.slice(0, 30)) : v === null ? 'null' : typeof v === 'object' ? 'an object' : String(v)}`);
}

/**
 * Independent component analysis by FastICA (Hyvärinen & Oja 2000), as scikit-learn: the
 * observations are x = A s, a linear mix of independent, non-Gaussian sources s. After
 * whitening (z = K(x − μ), unit covariance), a fixed-point iteration w ← E[z g(wᵀz)] −
 * E[g′(wᵀz)] w, with decorrelation, finds directions of maximal non-Gaussianity; the sources
 * are ŝ = W K (x − μ). This is the blind source separation of the slides, where PCA only
 * decorrelates.
 *
 * Limits: whitening forms XᵀX, d² ≤ 2²⁶. An iteration that stops on maxIter gives
 * `converged: false` and scikit-learn's warning in `warnings`, not silently.
 */
export class FastICA extends TransformerBase<FastICAOptions, State> {
  static override readonly estimatorName = 'FastICA';
  /** The declared options (read by UIs for controls and by permalink decoders). */
  static override readonly paramSpec: ParamSpecs = {
    nComponents: { type: 'integer', default: null, nullable: true, min: 1, max: 1e6, uiRange: [1, 10], doc: 'Independent components (at most the number of features); null for all features.' },
    algorithm: { type: 'enum', values: ['parallel', 'deflation'], default: 'parallel', doc: "'parallel': all components at once (symmetric decorrelation); 'deflation': one after another." },
    whiten: {
      type: 'custom',
      default: 'unit-variance',
      check: checkWhiten,
      doc: "Whitening first: 'unit-variance' (sources scaled to variance 1), 'arbitrary-variance', or false (X already white).",
    },
    fun: { type: 'enum', values: ['logcosh', 'exp', 'cube'], default: 'logcosh', doc: "The contrast G: 'logcosh' (g = tanh), 'exp' (g = u e^{−u²/2}) or 'cube' (g = u³)." },
    maxIter: { type: 'integer', default: 200, min: 1, max: 1e6, log: true, uiRange: [1, 1000], doc: 'Most fixed-point iterations (per component for deflation).' },
    tol: { type: 'number', default: 1e-4, min: 0, exclusiveMin: true, log: true, uiRange: [1e-8, 1e-1], doc: 'Stop when max |⟨w_new, w_old⟩| − 1 is below tol (> 0).' },
    randomState: { type: 'randomState', default: undefined, doc: 'Seed or generator of the initial unmixing matrix (undefined: seed 0).' },
  };

  /** Fits the unmixing matrix and returns this estimator. */
  fit(X: MatrixLike): this {
    runToEnd(this.fitSteps(X));
    return this;
  }

  /** The fixed-point iterations as frozen snapshots. */
  *fitSteps(X: MatrixLike): Generator<FastICAStep, void, undefined> {
    const M = checkArray(X);
    if (M.rows < 2) throw new ValidationError('X', 'out-of-range', `FastICA needs at least 2 samples to whiten, got ${M.rows}`);
    const { rows: n, cols: d } = M;
    const o = this.options;
    const { algorithm, fun, maxIter, tol } = o;
    let p = o.nComponents ?? d;
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
      // Features of order 1e154 overflow XᵀX: report it before whitening with ∞ and NaN.
      let spread = 0;
      for (let q = 0; q < A.length; q++) spread += A[q] * A[q];
      checkFiniteResult(spread, 'FastICA: the total variance of X');
      // Whitening from the SVD of the centred data: Xcᵀ = U S Vᵀ, K = S⁻¹Uᵀ (first p rows),
      // z = √n K x has unit covariance. U from the eigenvectors of XcᵀXc = U S² Uᵀ.
      checkSize('X', d * d, LIMITS.maxElements, 'entries of XᵀX (nFeatures²) for the whitening');
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
    let converged = true;
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
        if (it === maxIter) converged = false;
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
          if (it === maxIter) converged = false;
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
    checkFiniteResult(comp, 'FastICA unmixing matrix');
    const C = new MlMatrix(p, d);
    for (let r = 0; r < p; r++) for (let j = 0; j < d; j++) C.set(r, j, comp[r * d + j]);
    const mix = pseudoInverse(C);
    const mixing = mix.to2DArray();
    checkFiniteResult(mixing, 'FastICA mixing matrix');
    this.fitted = {
      components: frozenRows(comp, p, d),
      mixing,
      mean: Array.from(mu),
      whitening: K ? frozenRows(K, p, d) : null,
      nIter,
      d,
      converged,
      // As scikit-learn's ConvergenceWarning: the sources are returned, but say so.
      warnings: converged ? [] : [FASTICA_NOT_CONVERGED],
    };
  }

  /** Whether the iteration met tol before maxIter (for deflation: for every component). */
  get converged(): boolean {
    return this.model.converged;
  }
  /** Warnings of the fit: scikit-learn's "FastICA did not converge…" when it stopped on maxIter. */
  get warnings(): string[] {
    return this.model.warnings;
  }
  /** Number of features seen in fit. */
  get nFeaturesIn(): number {
    return this.model.d;
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
    const out = Array.from({ length: A.rows }, (_, i) =>
      m.components.map((w) => {
        let s = 0;
        for (let j = 0; j < m.d; j++) s += w[j] * (A.data[i * m.d + j] - m.mean[j]);
        return s;
      }),
    );
    checkFiniteResult(out, 'FastICA.transform');
    return out;
  }

  /** Mixes sources back: x = Â ŝ + μ. */
  inverseTransform(S: MatrixLike): number[][] {
    const m = this.model;
    const p = m.components.length;
    const B = checkArray(S, { name: 'S' });
    if (B.cols !== p) throw new ValidationError('S', 'shape-mismatch', `has ${B.cols} columns, but the model has ${p} components`);
    const out = Array.from({ length: B.rows }, (_, i) =>
      m.mean.map((mu, j) => {
        let s = mu;
        for (let c = 0; c < p; c++) s += m.mixing[j][c] * B.data[i * p + c];
        return s;
      }),
    );
    checkFiniteResult(out, 'FastICA.inverseTransform', 'S');
    return out;
  }

  /** The fitted model as plain JSON. */
  toJSON(): FastICAJSON {
    const m = this.model;
    return {
      ...this.jsonHeader(),
      estimator: 'FastICA',
      components: m.components.map((r) => [...r]),
      mixing: m.mixing.map((r) => [...r]),
      mean: [...m.mean],
      whitening: m.whitening ? m.whitening.map((r) => [...r]) : null,
      nIter: m.nIter,
      converged: m.converged,
      warnings: [...m.warnings],
    };
  }

  /**
   * Reads {@link toJSON}'s output back into a fitted estimator, validating every field:
   * d means, p ≤ d components of width d (p = nComponents when given and whitening, d
   * without), a d × p mixing matrix, a p × d whitening matrix or null.
   */
  static fromJSON(json: unknown): FastICA {
    const { doc, model } = readEstimatorJSON(json, FastICA);
    const o = model.options;
    const mean = readFiniteArray(doc.mean, 'json.mean');
    const d = mean.length;
    if (d === 0) throw jsonError('json.mean', 'empty', 'has no entries');
    const components = readRows(doc.components, 'json.components', undefined, d);
    const p = components.length;
    const expected = o.whiten === false ? d : (o.nComponents ?? d);
    if (p !== expected) throw jsonError('json.components', 'length-mismatch', `has ${p} rows; expected ${expected} (${o.whiten === false ? 'one per feature without whitening' : 'nComponents'})`);
    const whitening = readNullable(doc.whitening, 'json.whitening', (v, path) => readRows(v, path, p, d));
    if ((whitening === null) !== (o.whiten === false)) throw jsonError('json.whitening', 'bad-option', o.whiten === false ? 'must be null without whitening' : 'is missing; a whitened model needs its p × d matrix');
    if (o.whiten === false && mean.some((v) => v !== 0)) throw jsonError('json.mean', 'out-of-range', 'must be zeros without whitening (nothing is centred)');
    const frozen = (rows: number[][]) => Object.freeze(rows.map((r) => Object.freeze(r))) as number[][];
    model.fitted = {
      components: frozen(components),
      mixing: readRows(doc.mixing, 'json.mixing', d, p),
      mean,
      whitening: whitening && frozen(whitening),
      nIter: readInt(doc.nIter, 'json.nIter'),
      d,
      converged: readBoolean(doc.converged, 'json.converged'),
      warnings: readWarnings(doc.warnings, 'json.warnings'),
    };
    return model;
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
