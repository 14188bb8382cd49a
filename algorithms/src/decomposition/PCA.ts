import { Matrix as MlMatrix, SingularValueDecomposition } from 'ml-matrix';
import { NotFittedError, ValidationError } from '../core/errors';
import type { MatrixLike } from '../core/matrix';
import { checkArray, checkFeatureCount, checkOneOf, checkScalar } from '../core/validation';
import { frozenRows, gram, projectRows, symmetricEigen } from './_linalg';

/** Options of {@link PCA}, as scikit-learn's. */
export interface PCAOptions {
  /**
   * Components to keep: an integer 1 … min(nSamples, nFeatures); a fraction in (0, 1) to keep
   * the fewest components whose explained variance ratio sums to more than it; or undefined
   * (default) for all min(nSamples, nFeatures).
   */
  nComponents?: number;
  /**
   * Scale the projections to unit variance (divide by √explainedVariance) in `transform`.
   * Default false.
   */
  whiten?: boolean;
  /**
   * How the SVD of the centred X is computed. 'full': ml-matrix's SVD of X. 'covariance_eigh':
   * the eigen-decomposition of the d×d matrix XᵀX (V and Σ² come out of it, U = XV/Σ), which is
   * much faster when n ≫ d. 'auto' (default) picks 'covariance_eigh' when n ≥ 10·d and d ≤ 1000,
   * as scikit-learn ≥ 1.5 does; scikit-learn 1.2 always used a full (LAPACK) SVD, with the same
   * results up to rounding.
   */
  svdSolver?: 'auto' | 'full' | 'covariance_eigh';
}

/** A fitted {@link PCA} as plain JSON. */
export interface PCAJSON {
  estimator: 'PCA';
  options: PCAOptions;
  mean: number[];
  components: number[][];
  explainedVariance: number[];
  explainedVarianceRatio: number[];
  singularValues: number[];
  noiseVariance: number;
  nSamples: number;
}

interface PCAState {
  mean: number[];
  components: number[][];
  explainedVariance: number[];
  explainedVarianceRatio: number[];
  singularValues: number[];
  noiseVariance: number;
  nSamples: number;
}

/**
 * Principal component analysis, as in the slides: centre the data, find the eigenvectors of
 * its covariance matrix C = XᵀX/(n−1), project the data on them. Computed through the SVD of
 * the centred data X = UΣVᵀ: the rows of Vᵀ are the principal axes (`components`), the
 * explained variances are σᵢ²/(n−1) and the projections are XV = UΣ.
 *
 * Signs follow scikit-learn (`svd_flip` on U): in each column of U the entry of largest
 * magnitude is positive, so components match scikit-learn's exactly, not just up to sign.
 *
 * @example
 * const pca = new PCA({ nComponents: 2 }).fit(X);
 * pca.explainedVarianceRatio; // share of the variance along each axis
 * const Z = pca.transform(X);  // n × 2 scores
 */
export class PCA {
  readonly options: Required<Omit<PCAOptions, 'nComponents'>> & Pick<PCAOptions, 'nComponents'>;
  private state: PCAState | null = null;

  constructor(options: PCAOptions = {}) {
    this.options = { nComponents: undefined, whiten: false, svdSolver: 'auto', ...options };
  }

  /** Fits the principal axes of X (rows = samples) and returns this estimator. */
  fit(X: MatrixLike): this {
    const M = checkArray(X);
    const { rows: n, cols: d } = M;
    const solver = checkOneOf(this.options.svdSolver, 'svdSolver', ['auto', 'full', 'covariance_eigh'] as const);
    const kMax = Math.min(n, d);
    const nc = this.options.nComponents;
    if (nc !== undefined) {
      checkScalar(nc, 'nComponents', { min: 0, exclusiveMin: true });
      if (nc >= 1 && !Number.isInteger(nc)) throw new ValidationError('nComponents', 'not-integer', `must be an integer ≥ 1 or a fraction in (0, 1), got ${nc}`);
      if (nc > kMax) throw new ValidationError('nComponents', 'out-of-range', `must be ≤ min(nSamples, nFeatures) = ${kMax}, got ${nc}`);
    }
    // Centre: X ← X − 1μᵀ.
    const mu = new Float64Array(d);
    const A = M.data;
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mu[j] += A[i * d + j];
    for (let j = 0; j < d; j++) mu[j] /= n;
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) A[i * d + j] -= mu[j];

    const useEigh = solver === 'covariance_eigh' || (solver === 'auto' && n >= 10 * d && d <= 1000);
    const { s, Vt } = useEigh ? svdByGram(A, n, d) : svdFull(A, n, d);

    // Explained variance σ²/(n−1) and its ratio to the total variance.
    const ev = Array.from(s, (x) => (x * x) / Math.max(n - 1, 1));
    const total = ev.reduce((a, b) => a + b, 0);
    const ratio = ev.map((v) => (total > 0 ? v / total : 0));
    let k = kMax;
    if (nc !== undefined && nc >= 1) k = nc;
    else if (nc !== undefined) {
      // Fewest components whose cumulative ratio exceeds nc (numpy searchsorted, side right, + 1).
      let cum = 0;
      k = 0;
      while (k < kMax && cum <= nc) cum += ratio[k++];
      k = Math.max(k, 1);
    }
    const noiseVariance = k < kMax ? ev.slice(k).reduce((a, b) => a + b, 0) / (kMax - k) : 0;
    this.state = {
      mean: Array.from(mu),
      components: frozenRows(Vt, k, d),
      explainedVariance: ev.slice(0, k),
      explainedVarianceRatio: ratio.slice(0, k),
      singularValues: Array.from(s.slice(0, k)),
      noiseVariance,
      nSamples: n,
    };
    return this;
  }

  /** Fits and returns the projections of X (n × nComponents). */
  fitTransform(X: MatrixLike): number[][] {
    return this.fit(X).transform(X);
  }

  private get model(): PCAState {
    if (!this.state) throw new NotFittedError('PCA');
    return this.state;
  }

  /** The principal axes, nComponents × nFeatures, sorted by explained variance (rows of Vᵀ). */
  get components(): number[][] {
    return this.model.components;
  }
  /** Variance along each component, σᵢ²/(n−1). */
  get explainedVariance(): number[] {
    return this.model.explainedVariance;
  }
  /** Share of the total variance along each component. */
  get explainedVarianceRatio(): number[] {
    return this.model.explainedVarianceRatio;
  }
  /** The singular values σᵢ of the centred data. */
  get singularValues(): number[] {
    return this.model.singularValues;
  }
  /** The per-feature mean μ removed before projecting. */
  get mean(): number[] {
    return this.model.mean;
  }
  /** Mean variance of the discarded components (probabilistic PCA's σ²); 0 when all are kept. */
  get noiseVariance(): number {
    return this.model.noiseVariance;
  }
  /** The number of components kept. */
  get nComponents(): number {
    return this.model.components.length;
  }
  /** Number of features seen in fit. */
  get nFeaturesIn(): number {
    return this.model.mean.length;
  }

  /** Projections Z = (X − μ)Vₖ, divided by √explainedVariance when whiten is set. */
  transform(X: MatrixLike): number[][] {
    const m = this.model;
    const A = checkArray(X);
    checkFeatureCount(A, m.mean.length);
    const d = A.cols;
    const k = m.components.length;
    const scale = m.explainedVariance.map((v) => (this.options.whiten ? 1 / Math.sqrt(v > 0 ? v : Number.EPSILON) : 1));
    const out: number[][] = [];
    for (let i = 0; i < A.rows; i++) {
      const r = new Array<number>(k);
      for (let c = 0; c < k; c++) {
        const w = m.components[c];
        let s = 0;
        for (let j = 0; j < d; j++) s += (A.data[i * d + j] - m.mean[j]) * w[j];
        r[c] = s * scale[c];
      }
      out.push(r);
    }
    return out;
  }

  /** Back to feature space: X̂ = Z Vₖᵀ + μ (undoing the whitening first); the best rank-k reconstruction. */
  inverseTransform(Z: MatrixLike): number[][] {
    const m = this.model;
    const k = m.components.length;
    const B = checkArray(Z, { name: 'Z' });
    if (B.cols !== k) throw new ValidationError('Z', 'shape-mismatch', `has ${B.cols} columns, but the model has ${k} components`);
    const d = m.mean.length;
    const out: number[][] = [];
    for (let i = 0; i < B.rows; i++) {
      const r = m.mean.slice();
      for (let c = 0; c < k; c++) {
        const z = B.data[i * k + c] * (this.options.whiten ? Math.sqrt(m.explainedVariance[c]) : 1);
        const w = m.components[c];
        for (let j = 0; j < d; j++) r[j] += z * w[j];
      }
      out.push(r);
    }
    return out;
  }

  toJSON(): PCAJSON {
    const m = this.model;
    return {
      estimator: 'PCA',
      options: { ...this.options },
      mean: [...m.mean],
      components: m.components.map((r) => [...r]),
      explainedVariance: [...m.explainedVariance],
      explainedVarianceRatio: [...m.explainedVarianceRatio],
      singularValues: [...m.singularValues],
      noiseVariance: m.noiseVariance,
      nSamples: m.nSamples,
    };
  }

  static fromJSON(json: PCAJSON): PCA {
    if (json?.estimator !== 'PCA') throw new ValidationError('json', 'bad-option', 'not a PCA model');
    const p = new PCA(json.options);
    const d = json.mean.length;
    p.state = {
      mean: [...json.mean],
      components: frozenRows(json.components.flat(), json.components.length, d),
      explainedVariance: [...json.explainedVariance],
      explainedVarianceRatio: [...json.explainedVarianceRatio],
      singularValues: [...json.singularValues],
      noiseVariance: json.noiseVariance,
      nSamples: json.nSamples,
    };
    return p;
  }
}

/**
 * Thin SVD of the centred X (n×d, n ≥ d) through its Gram matrix: XᵀX = VΣ²Vᵀ gives V and Σ,
 * and U = XVΣ⁻¹ is needed only for scikit-learn's sign rule, so only its argmax is found.
 * Singular values below ~√ε·σ₁ lose relative accuracy this way (they are squared), which does
 * not move explained-variance ratios by more than ~1e-12.
 */
export function svdByGram(Xc: Float64Array, n: number, d: number): { s: Float64Array; Vt: Float64Array } {
  const k = Math.min(n, d);
  const { values, vectorsT } = symmetricEigen(gram(Xc, n, d), d);
  const s = new Float64Array(k);
  for (let c = 0; c < k; c++) s[c] = Math.sqrt(Math.max(values[c], 0));
  const Vt = vectorsT.slice(0, k * d);
  // U's columns up to scale, P = X V (n×k); only each column's largest-|p| entry is kept.
  const P = projectRows(Xc, n, d, Vt, k);
  const best = new Float64Array(k);
  const bestVal = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) {
      const v = P[i * k + c];
      const a = Math.abs(v);
      if (a > best[c]) {
        best[c] = a;
        bestVal[c] = v;
      }
    }
  }
  flipRows(Vt, d, bestVal);
  return { s, Vt };
}

/** Thin SVD of the centred X by ml-matrix (any shape), with scikit-learn's u-based sign flip. */
export function svdFull(Xc: Float64Array, n: number, d: number): { s: Float64Array; Vt: Float64Array } {
  const k = Math.min(n, d);
  const M = new MlMatrix(n, d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) M.set(i, j, Xc[i * d + j]);
  const dec = new SingularValueDecomposition(M, { autoTranspose: true });
  const U = dec.leftSingularVectors;
  const V = dec.rightSingularVectors;
  const s = Float64Array.from(dec.diagonal.slice(0, k));
  const Vt = new Float64Array(k * d);
  const bestVal = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < d; j++) Vt[c * d + j] = V.get(j, c);
    let best = -1;
    for (let i = 0; i < n; i++) {
      const u = U.get(i, c);
      if (Math.abs(u) > best) {
        best = Math.abs(u);
        bestVal[c] = u;
      }
    }
  }
  flipRows(Vt, d, bestVal);
  return { s, Vt };
}

/** svd_flip: negate row c of Vᵀ where the largest-|u| entry of U's column c is negative. */
function flipRows(Vt: Float64Array, d: number, pivot: Float64Array): void {
  for (let c = 0; c < pivot.length; c++) {
    if (pivot[c] < 0) for (let j = 0; j < d; j++) Vt[c * d + j] = -Vt[c * d + j];
  }
}
