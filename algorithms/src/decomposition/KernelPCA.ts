import { CholeskyDecomposition, Matrix as MlMatrix } from 'ml-matrix';
import { NotFittedError, ValidationError } from '../core/errors';
import type { MatrixLike } from '../core/matrix';
import { checkArray, checkFeatureCount, checkOneOf, checkScalar } from '../core/validation';
import { symmetricEigen } from './_linalg';

/** Kernels of {@link KernelPCA}. */
export type KernelPCAKernel = 'linear' | 'poly' | 'rbf' | 'sigmoid' | 'cosine';

/** Options of {@link KernelPCA}, as scikit-learn's. */
export interface KernelPCAOptions {
  /** Components kept. Default: all with a positive eigenvalue. */
  nComponents?: number;
  /**
   * k(x, y): 'linear' xᵀy (default; plain PCA), 'poly' (γxᵀy + coef0)^degree, 'rbf'
   * exp(−γ‖x − y‖²), 'sigmoid' tanh(γxᵀy + coef0), 'cosine' xᵀy / (‖x‖‖y‖).
   */
  kernel?: KernelPCAKernel;
  /** γ of rbf, poly and sigmoid; default 1 / nFeatures. */
  gamma?: number | null;
  /** Degree of the poly kernel. Default 3. */
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
  options: KernelPCA['options'];
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
 */
export class KernelPCA {
  readonly options: Required<Omit<KernelPCAOptions, 'nComponents' | 'gamma'>> & { nComponents?: number; gamma: number | null };
  private state: State | null = null;

  constructor(options: KernelPCAOptions = {}) {
    this.options = { kernel: 'linear', gamma: null, degree: 3, coef0: 1, fitInverseTransform: false, alpha: 1, ...options };
  }

  /** Fits the kernel principal components and returns this estimator. */
  fit(X: MatrixLike): this {
    const M = checkArray(X);
    const { rows: n, cols: d } = M;
    const o = this.options;
    checkOneOf(o.kernel, 'kernel', ['linear', 'poly', 'rbf', 'sigmoid', 'cosine'] as const);
    const gamma = o.gamma == null ? 1 / d : checkScalar(o.gamma, 'gamma', { min: 0, exclusiveMin: true });
    checkScalar(o.alpha, 'alpha', { min: 0 });
    if (o.nComponents !== undefined) {
      checkScalar(o.nComponents, 'nComponents', { min: 1, integer: true });
      if (o.nComponents > n) throw new ValidationError('nComponents', 'out-of-range', `must be ≤ the ${n} samples, got ${o.nComponents}`);
    }
    const K = kernelMatrix(M.data, n, M.data, n, d, o.kernel, gamma, o.degree, o.coef0);
    // Centre in feature space.
    const rowMeans = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) rowMeans[j] += K[i * n + j] / n;
    let allMean = 0;
    for (let j = 0; j < n; j++) allMean += rowMeans[j] / n;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) K[i * n + j] += allMean - rowMeans[i] - rowMeans[j];
    const { values, vectorsT } = symmetricEigen(K, n);
    // Keep nComponents, dropping non-positive eigenvalues when nComponents is not given (as scikit-learn).
    let p = o.nComponents ?? n;
    if (o.nComponents === undefined) {
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
    this.state = { Xfit: M.data, n, d, gamma, eigenvalues, eigenvectors: V, p, rowMeans, allMean, Xt, dualCoef };
    return this;
  }

  /** Fits and returns the projections of the training samples, αₖ√λₖ (n × p). */
  fitTransform(X: MatrixLike): number[][] {
    this.fit(X);
    const { Xt, n, p } = this.model;
    return Array.from({ length: n }, (_, i) => Array.from(Xt.subarray(i * p, (i + 1) * p)));
  }

  private get model(): State {
    if (!this.state) throw new NotFittedError('KernelPCA');
    return this.state;
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
    return out;
  }

  /** Approximate pre-images x̂ = k(z, Z_train) B (needs fitInverseTransform). */
  inverseTransform(Z: MatrixLike): number[][] {
    const s = this.model;
    if (!s.dualCoef) throw new ValidationError('fitInverseTransform', 'bad-option', 'inverseTransform needs the option fitInverseTransform: true at fit time');
    const B = checkArray(Z, { name: 'Z' });
    if (B.cols !== s.p) throw new ValidationError('Z', 'shape-mismatch', `has ${B.cols} columns, but the model has ${s.p} components`);
    const o = this.options;
    const K = kernelMatrix(B.data, B.rows, s.Xt, s.n, s.p, o.kernel, s.gamma, o.degree, o.coef0);
    return Array.from({ length: B.rows }, (_, i) =>
      Array.from({ length: s.d }, (_, j) => {
        let v = 0;
        for (let t = 0; t < s.n; t++) v += K[i * s.n + t] * s.dualCoef![t * s.d + j];
        return v;
      }),
    );
  }

  /** The fitted model as plain JSON. */
  toJSON(): KernelPCAJSON {
    const m = this.model;
    return {
      estimator: 'KernelPCA',
      options: { ...this.options },
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

  /** Reads {@link toJSON}'s output back into a fitted estimator. */
  static fromJSON(json: KernelPCAJSON): KernelPCA {
    if (json?.estimator !== 'KernelPCA') throw new ValidationError('json', 'bad-option', 'not a KernelPCA model');
    const m = new KernelPCA({ ...json.options, gamma: json.options.gamma ?? undefined });
    m.state = {
      Xfit: Float64Array.from(json.X),
      n: json.n,
      d: json.d,
      gamma: json.gamma,
      eigenvalues: [...json.eigenvalues],
      eigenvectors: Float64Array.from(json.eigenvectors),
      p: json.p,
      rowMeans: Float64Array.from(json.rowMeans),
      allMean: json.allMean,
      Xt: Float64Array.from(json.Xt),
      dualCoef: json.dualCoef ? Float64Array.from(json.dualCoef) : null,
    };
    return m;
  }

}

/** K[i][j] = k(aᵢ, bⱼ) for row-major A (m×d) and B (n×d). */
function kernelMatrix(A: Float64Array, m: number, B: Float64Array, n: number, d: number, kernel: KernelPCAKernel, gamma: number, degree: number, coef0: number): Float64Array {
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
