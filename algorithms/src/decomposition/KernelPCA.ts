import { CholeskyDecomposition, Matrix as MlMatrix } from 'ml-matrix';
import { readEstimatorJSON, TransformerBase } from '../core/base';
import { ValidationError } from '../core/errors';
import { jsonError, readFiniteArray, readInt, readNullable, readNumber } from '../core/json';
import type { MatrixLike } from '../core/matrix';
import type { ParamSpecs } from '../core/params';
import { checkArray, checkFeatureCount, checkFiniteResult, checkSize, LIMITS } from '../core/validation';
import { symmetricEigen } from './_linalg';
import { lanczosLargest } from './_lanczos';
import { acquireSimd, releaseSimd } from './_simd';
import { RandomState } from '../core/random';

/** Kernels of {@link KernelPCA}. */
export type KernelPCAKernel = 'linear' | 'poly' | 'rbf' | 'sigmoid' | 'cosine';

/** Options of {@link KernelPCA}, as scikit-learn's. */
export interface KernelPCAOptions {
  /** Components kept (at most the number of samples); null (default) for all with a positive eigenvalue. */
  nComponents?: number | null;
  /**
   * k(x, y): 'linear' xᵀy (default; plain PCA), 'poly' (γxᵀy + coef0)^degree, 'rbf'
   * exp(−γ‖x − y‖²), 'sigmoid' tanh(γxᵀy + coef0), 'cosine' xᵀy / (‖x‖‖y‖).
   */
  kernel?: KernelPCAKernel;
  /** γ of rbf, poly and sigmoid; default 1 / nFeatures. */
  gamma?: number | null;
  /** Degree of the poly kernel, an integer ≥ 1. Default 3. */
  degree?: number;
  /** Independent term of poly and sigmoid. Default 1. */
  coef0?: number;
  /** Learn a pre-image map (kernel ridge regression from the projections back to X) for inverseTransform. Default false. */
  fitInverseTransform?: boolean;
  /** Ridge penalty of that pre-image regression. Default 1. */
  alpha?: number;
}

interface State {
  Xfit: Float64Array;
  n: number;
  d: number;
  gamma: number;
  eigenvalues: number[];
  /** n × p, the unit eigenvectors of the centred kernel matrix as columns. */
  eigenvectors: Float64Array;
  p: number;
  rowMeans: Float64Array;
  allMean: number;
  /** n × p projections of the training samples, αₖ√λₖ. */
  Xt: Float64Array;
  dualCoef: Float64Array | null;
}

/** A fitted {@link KernelPCA} as plain JSON (it keeps the training samples, as a kernel method must). */
export interface KernelPCAJSON {
  estimator: 'KernelPCA';
  options: KernelPCAOptions;
  X: number[];
  n: number;
  d: number;
  gamma: number;
  eigenvalues: number[];
  eigenvectors: number[];
  p: number;
  rowMeans: number[];
  allMean: number;
  Xt: number[];
  dualCoef: number[] | null;
}

/**
 * Kernel PCA (Schölkopf et al. 1998): PCA in the feature space of a kernel, through the n×n
 * kernel matrix Kᵢⱼ = k(xᵢ, xⱼ), centred in feature space (K̃ = K − 1K − K1 + 1K1, with 1 the
 * n×n matrix of 1/n). Its eigenvectors αₖ (eigenvalues λₖ) give the projections of the
 * training samples αₖ√λₖ, and of a new x: Σᵢ αᵢₖ k̃(x, xᵢ)/√λₖ. With the rbf kernel it unrolls
 * the concentric circles that linear PCA cannot separate.
 *
 * Limits: the kernel matrix is n×n, so n² ≤ 2²⁶ (LIMITS.maxElements, n ≤ 8192; more is a
 * 'too-large' ValidationError), and m·n for transforming m samples.
 */
export class KernelPCA extends TransformerBase<KernelPCAOptions, State> {
  static override readonly estimatorName = 'KernelPCA';
  /** The declared options (read by UIs for controls and by permalink decoders). */
  static override readonly paramSpec: ParamSpecs = {
    nComponents: { type: 'integer', default: null, nullable: true, min: 1, max: 1e6, uiRange: [1, 10], doc: 'Components kept (at most the number of samples); null for all with a positive eigenvalue.' },
    kernel: {
      type: 'enum',
      values: ['linear', 'poly', 'rbf', 'sigmoid', 'cosine'],
      default: 'linear',
      doc: "k(x, y): 'linear' xᵀy, 'poly' (γxᵀy + coef0)^degree, 'rbf' exp(−γ‖x − y‖²), 'sigmoid' tanh(γxᵀy + coef0), 'cosine'.",
    },
    gamma: { type: 'number', default: null, nullable: true, min: 0, exclusiveMin: true, log: true, uiRange: [0.001, 100], doc: 'γ of rbf, poly and sigmoid (> 0); null for 1 / nFeatures.' },
    degree: { type: 'integer', default: 3, min: 1, max: 100, uiRange: [1, 10], doc: 'Degree of the poly kernel (an integer ≥ 1).' },
    coef0: { type: 'number', default: 1, uiRange: [-5, 5], doc: 'Independent term of poly and sigmoid.' },
    fitInverseTransform: { type: 'boolean', default: false, doc: 'Learn a pre-image map (kernel ridge regression) for inverseTransform.' },
    alpha: { type: 'number', default: 1, min: 0, log: true, uiRange: [1e-4, 10], doc: 'Ridge penalty of the pre-image regression.' },
  };

  /** Fits the kernel principal components and returns this estimator. */
  fit(X: MatrixLike): this {
    const M = checkArray(X);
    const { rows: n, cols: d } = M;
    const o = this.options;
    const gamma = o.gamma ?? 1 / d;
    const nComponents = o.nComponents ?? undefined;
    if (nComponents !== undefined && nComponents > n) throw new ValidationError('nComponents', 'out-of-range', `must be ≤ the ${n} samples, got ${nComponents}`);
    // The n×n kernel matrix (and its pre-image twin) is the memory of a fit.
    checkSize('X', n * n, LIMITS.maxElements, 'kernel matrix entries (nSamples²)');
    const K = kernelMatrix(M.data, n, M.data, n, d, o.kernel, gamma, o.degree, o.coef0);
    // Features of order 1e154 (or a high poly degree) overflow the kernel: report, never decompose ∞.
    checkFiniteResult(K, `KernelPCA ${o.kernel} kernel matrix`);
    // Centre in feature space.
    const rowMeans = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const o = i * n;
      for (let j = 0; j < n; j++) rowMeans[j] += K[o + j];
    }
    for (let j = 0; j < n; j++) rowMeans[j] /= n;
    let allMean = 0;
    for (let j = 0; j < n; j++) allMean += rowMeans[j] / n;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) K[i * n + j] += allMean - rowMeans[i] - rowMeans[j];
    // A few components of a large kernel (scikit-learn's 'auto' picks ARPACK when
    // nComponents < 10 and n > 200): Lanczos on K̃, O(n²) per step, instead of O(n³).
    const { values, vectorsT } =
      nComponents !== undefined && nComponents < 10 && n > 200 ? topEigen(K, n, nComponents) : symmetricEigen(K, n);
    // Keep nComponents, dropping non-positive eigenvalues when nComponents is not given (as scikit-learn).
    let p = nComponents ?? n;
    if (nComponents === undefined) {
      const tiny = Math.max(values[0], 0) * n * Number.EPSILON;
      p = 0;
      while (p < n && values[p] > tiny) p++;
    }
    const eigenvalues = Array.from(values.slice(0, p), (v) => Math.max(v, 0));
    const V = new Float64Array(n * p);
    for (let c = 0; c < p; c++) {
      // svd_flip on the eigenvectors: the largest-magnitude entry positive.
      let arg = 0;
      for (let i = 0; i < n; i++) if (Math.abs(vectorsT[c * n + i]) > Math.abs(vectorsT[c * n + arg])) arg = i;
      const sign = vectorsT[c * n + arg] < 0 ? -1 : 1;
      for (let i = 0; i < n; i++) V[i * p + c] = sign * vectorsT[c * n + i];
    }
    const Xt = new Float64Array(n * p);
    for (let i = 0; i < n; i++) for (let c = 0; c < p; c++) Xt[i * p + c] = V[i * p + c] * Math.sqrt(eigenvalues[c]);
    let dualCoef: Float64Array | null = null;
    if (o.fitInverseTransform) {
      // Pre-image by kernel ridge regression: (K(Z, Z) + αI) B = X, then x̂(z) = k(z, Z) B.
      const Kz = kernelMatrix(Xt, n, Xt, n, p, o.kernel, gamma, o.degree, o.coef0);
      const Km = new MlMatrix(n, n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) Km.set(i, j, Kz[i * n + j] + (i === j ? o.alpha : 0));
      const Y = new MlMatrix(n, d);
      for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) Y.set(i, j, M.data[i * d + j]);
      const chol = new CholeskyDecomposition(Km);
      if (!chol.isPositiveDefinite()) throw new ValidationError('alpha', 'out-of-range', 'the pre-image system is not positive definite: increase alpha');
      const B = chol.solve(Y);
      dualCoef = new Float64Array(n * d);
      for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) dualCoef[i * d + j] = B.get(i, j);
    }
    checkFiniteResult(Xt, 'KernelPCA projections');
    if (dualCoef) checkFiniteResult(dualCoef, 'KernelPCA pre-image coefficients');
    this.fitted = { Xfit: M.data, n, d, gamma, eigenvalues, eigenvectors: V, p, rowMeans, allMean, Xt, dualCoef };
    return this;
  }

  /** Fits and returns the projections of the training samples, αₖ√λₖ (n × p). */
  override fitTransform(X: MatrixLike): number[][] {
    this.fit(X);
    const { Xt, n, p } = this.model;
    return Array.from({ length: n }, (_, i) => Array.from(Xt.subarray(i * p, (i + 1) * p)));
  }

  /** Eigenvalues λₖ of the centred kernel matrix, descending (not divided by n, as scikit-learn). */
  get eigenvalues(): number[] {
    return this.model.eigenvalues;
  }
  /** The unit eigenvectors αₖ as columns (n × p). */
  get eigenvectors(): number[][] {
    const { eigenvectors, n, p } = this.model;
    return Array.from({ length: n }, (_, i) => Array.from(eigenvectors.subarray(i * p, (i + 1) * p)));
  }
  /** The γ used (1 / nFeatures when not given). */
  get gamma(): number {
    return this.model.gamma;
  }

  /** Projections of new samples: Σᵢ αᵢₖ k̃(x, xᵢ) / √λₖ. */
  transform(X: MatrixLike): number[][] {
    const s = this.model;
    const A = checkArray(X);
    checkFeatureCount(A, s.d);
    const m = A.rows;
    const o = this.options;
    checkSize('X', m * s.n, LIMITS.maxElements, 'kernel entries (samples × training samples)');
    const K = kernelMatrix(A.data, m, s.Xfit, s.n, s.d, o.kernel, s.gamma, o.degree, o.coef0);
    const out: number[][] = [];
    for (let i = 0; i < m; i++) {
      let rm = 0;
      for (let j = 0; j < s.n; j++) rm += K[i * s.n + j] / s.n;
      const r = new Array<number>(s.p).fill(0);
      for (let j = 0; j < s.n; j++) {
        const kc = K[i * s.n + j] - s.rowMeans[j] - rm + s.allMean;
        for (let c = 0; c < s.p; c++) r[c] += kc * s.eigenvectors[j * s.p + c];
      }
      for (let c = 0; c < s.p; c++) r[c] = s.eigenvalues[c] > 0 ? r[c] / Math.sqrt(s.eigenvalues[c]) : 0;
      out.push(r);
    }
    checkFiniteResult(out, 'KernelPCA.transform');
    return out;
  }

  /** Approximate pre-images x̂ = k(z, Z_train) B (needs fitInverseTransform). */
  inverseTransform(Z: MatrixLike): number[][] {
    const s = this.model;
    if (!s.dualCoef) throw new ValidationError('fitInverseTransform', 'bad-option', 'inverseTransform needs the option fitInverseTransform: true at fit time');
    const B = checkArray(Z, { name: 'Z' });
    if (B.cols !== s.p) throw new ValidationError('Z', 'shape-mismatch', `has ${B.cols} columns, but the model has ${s.p} components`);
    const o = this.options;
    checkSize('Z', B.rows * s.n, LIMITS.maxElements, 'kernel entries (samples × training samples)');
    const K = kernelMatrix(B.data, B.rows, s.Xt, s.n, s.p, o.kernel, s.gamma, o.degree, o.coef0);
    const out = Array.from({ length: B.rows }, (_, i) =>
      Array.from({ length: s.d }, (_, j) => {
        let v = 0;
        for (let t = 0; t < s.n; t++) v += K[i * s.n + t] * s.dualCoef![t * s.d + j];
        return v;
      }),
    );
    checkFiniteResult(out, 'KernelPCA.inverseTransform', 'Z');
    return out;
  }

  /** Number of features seen in fit. */
  get nFeaturesIn(): number {
    return this.model.d;
  }

  /** The fitted model as plain JSON. */
  toJSON(): KernelPCAJSON {
    const m = this.model;
    return {
      ...this.jsonHeader(),
      estimator: 'KernelPCA',
      X: Array.from(m.Xfit),
      n: m.n,
      d: m.d,
      gamma: m.gamma,
      eigenvalues: [...m.eigenvalues],
      eigenvectors: Array.from(m.eigenvectors),
      p: m.p,
      rowMeans: Array.from(m.rowMeans),
      allMean: m.allMean,
      Xt: Array.from(m.Xt),
      dualCoef: m.dualCoef ? Array.from(m.dualCoef) : null,
    };
  }

  /**
   * Reads {@link toJSON}'s output back into a fitted estimator, validating every field: the
   * n × d training samples, p ≤ n non-negative eigenvalues (p = nComponents when given), the
   * n × p eigenvectors and projections, n row means, and the n × d pre-image coefficients
   * exactly when fitInverseTransform is set.
   */
  static fromJSON(json: unknown): KernelPCA {
    const { doc, model } = readEstimatorJSON(json, KernelPCA);
    const o = model.options;
    const n = readInt(doc.n, 'json.n', 1, Math.floor(Math.sqrt(LIMITS.maxElements)));
    const d = readInt(doc.d, 'json.d', 1, LIMITS.maxFeatures);
    const p = readInt(doc.p, 'json.p', 0, n);
    if (o.nComponents !== null && p !== o.nComponents) throw jsonError('json.p', 'shape-mismatch', `is ${p} but options.nComponents is ${o.nComponents}`);
    const gamma = readNumber(doc.gamma, 'json.gamma', { min: 0, exclusiveMin: true });
    if (o.gamma !== null && gamma !== o.gamma) throw jsonError('json.gamma', 'shape-mismatch', `is ${gamma} but options.gamma is ${o.gamma}`);
    const Xfit = readFiniteArray(doc.X, 'json.X', n * d);
    const dualCoef = readNullable(doc.dualCoef, 'json.dualCoef', (v, path) => readFiniteArray(v, path, n * d));
    if ((dualCoef !== null) !== o.fitInverseTransform) throw jsonError('json.dualCoef', 'bad-option', o.fitInverseTransform ? 'is null but options.fitInverseTransform is set' : 'must be null without fitInverseTransform');
    model.fitted = {
      Xfit: Float64Array.from(Xfit),
      n,
      d,
      gamma,
      eigenvalues: readFiniteArray(doc.eigenvalues, 'json.eigenvalues', p, { min: 0 }),
      eigenvectors: Float64Array.from(readFiniteArray(doc.eigenvectors, 'json.eigenvectors', n * p)),
      p,
      rowMeans: Float64Array.from(readFiniteArray(doc.rowMeans, 'json.rowMeans', n)),
      allMean: readNumber(doc.allMean, 'json.allMean'),
      Xt: Float64Array.from(readFiniteArray(doc.Xt, 'json.Xt', n * p)),
      dualCoef: dualCoef && Float64Array.from(dualCoef),
    };
    return model;
  }
}

/** K[i][j] = k(aᵢ, bⱼ) for row-major A (m×d) and B (n×d). */
/**
 * The p largest eigen-pairs of the symmetric n×n matrix K (row-major) by Lanczos, in the
 * layout of `symmetricEigen` (values descending, eigenvectors as rows). The start vector is
 * seeded, so fits are reproducible.
 */
function topEigen(K: Float64Array, n: number, p: number): { values: Float64Array; vectorsT: Float64Array } {
  const simd = acquireSimd(n * n + 2 * n);
  if (simd) {
    // K in the SIMD kernels' memory: each product is one call (n row dot products).
    const f = simd.f64;
    f.set(K, 0);
    const xo = n * n;
    const oo = xo + n;
    const r = lanczosLargest(
      n,
      p,
      (x, out) => {
        f.set(x, xo);
        simd.rowDots(8 * xo, 0, n, n, 8 * oo);
        out.set(f.subarray(oo, oo + n));
      },
      new RandomState(0),
      { tol: 1e-10 },
    );
    releaseSimd(simd);
    return { values: r.values, vectorsT: r.vectors };
  }
  const matvec = (x: Float64Array, out: Float64Array) => {
    // Two rows per pass: each load of x serves two dot products.
    let i = 0;
    for (; i + 1 < n; i += 2) {
      const a = i * n;
      const b = a + n;
      let s = 0;
      let t = 0;
      for (let j = 0; j < n; j++) {
        const v = x[j];
        s += K[a + j] * v;
        t += K[b + j] * v;
      }
      out[i] = s;
      out[i + 1] = t;
    }
    if (i < n) {
      let s = 0;
      for (let j = 0; j < n; j++) s += K[i * n + j] * x[j];
      out[i] = s;
    }
  };
  const r = lanczosLargest(n, p, matvec, new RandomState(0), { tol: 1e-10 });
  return { values: r.values, vectorsT: r.vectors };
}

function kernelMatrix(A: Float64Array, m: number, B: Float64Array, n: number, d: number, kernel: KernelPCAKernel, gamma: number, degree: number, coef0: number): Float64Array {
  if (A === B && m === n && kernel === 'rbf') {
    // The training kernel is symmetric: half the exponentials.
    const K = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      K[i * n + i] = 1;
      const a = i * d;
      for (let j = i + 1; j < n; j++) {
        let s = 0;
        const b = j * d;
        for (let t = 0; t < d; t++) {
          const u = A[a + t] - A[b + t];
          s += u * u;
        }
        K[i * n + j] = K[j * n + i] = Math.exp(-gamma * s);
      }
    }
    return K;
  }
  const K = new Float64Array(m * n);
  const normB = new Float64Array(n);
  if (kernel === 'cosine') for (let j = 0; j < n; j++) for (let t = 0; t < d; t++) normB[j] += B[j * d + t] ** 2;
  for (let i = 0; i < m; i++) {
    let na = 0;
    if (kernel === 'cosine') for (let t = 0; t < d; t++) na += A[i * d + t] ** 2;
    for (let j = 0; j < n; j++) {
      let v: number;
      if (kernel === 'rbf') {
        let s = 0;
        for (let t = 0; t < d; t++) {
          const u = A[i * d + t] - B[j * d + t];
          s += u * u;
        }
        v = Math.exp(-gamma * s);
      } else {
        let s = 0;
        for (let t = 0; t < d; t++) s += A[i * d + t] * B[j * d + t];
        if (kernel === 'linear') v = s;
        else if (kernel === 'poly') v = (gamma * s + coef0) ** degree;
        else if (kernel === 'sigmoid') v = Math.tanh(gamma * s + coef0);
        else v = na > 0 && normB[j] > 0 ? s / Math.sqrt(na * normB[j]) : 0;
      }
      K[i * n + j] = v;
    }
  }
  return K;
}
