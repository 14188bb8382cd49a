import { NotFittedError, ValidationError } from '../core/errors';
import type { MatrixLike } from '../core/matrix';
import { checkArray, checkFeatureCount, checkScalar } from '../core/validation';
import { frozenRows } from './_linalg';
import { svdByGram, svdFull } from './PCA';

/** Options of {@link TruncatedSVD}. */
export interface TruncatedSVDOptions {
  /** Components kept, 1 … min(nSamples, nFeatures). Default 2. */
  nComponents?: number;
}

interface State {
  components: number[][];
  singularValues: number[];
  explainedVariance: number[];
  explainedVarianceRatio: number[];
}

/** A fitted {@link TruncatedSVD} as plain JSON, for permalinks and export. */
export interface TruncatedSVDJSON {
  estimator: 'TruncatedSVD';
  options: Required<TruncatedSVDOptions>;
  components: number[][];
  singularValues: number[];
  explainedVariance: number[];
  explainedVarianceRatio: number[];
}

/**
 * Truncated SVD (latent semantic analysis): the rank-k SVD X ≈ UₖΣₖVₖᵀ of X itself, without
 * centring (unlike PCA), projecting X on the first k right singular vectors. Exact here
 * (scikit-learn's default is a randomised SVD, with the same result up to its accuracy); signs
 * follow scikit-learn's svd_flip.
 */
export class TruncatedSVD {
  readonly options: Required<TruncatedSVDOptions>;
  private state: State | null = null;

  constructor(options: TruncatedSVDOptions = {}) {
    this.options = { nComponents: 2, ...options };
  }

  /** Fits the top singular vectors and returns this estimator. */
  fit(X: MatrixLike): this {
    const M = checkArray(X);
    const { rows: n, cols: d } = M;
    const k = checkScalar(this.options.nComponents, 'nComponents', { min: 1, integer: true });
    if (k > Math.min(n, d)) throw new ValidationError('nComponents', 'out-of-range', `must be ≤ min(nSamples, nFeatures) = ${Math.min(n, d)}, got ${k}`);
    const { s, Vt } = n >= d ? svdByGram(Float64Array.from(M.data), n, d) : svdFull(Float64Array.from(M.data), n, d);
    // Explained variance: the variance of each projected column, over the total variance of X.
    let total = 0;
    for (let j = 0; j < d; j++) {
      let m = 0;
      let m2 = 0;
      for (let i = 0; i < n; i++) {
        m += M.data[i * d + j];
        m2 += M.data[i * d + j] ** 2;
      }
      total += m2 / n - (m / n) ** 2;
    }
    const ev: number[] = [];
    for (let c = 0; c < k; c++) {
      let m = 0;
      let m2 = 0;
      for (let i = 0; i < n; i++) {
        let z = 0;
        for (let j = 0; j < d; j++) z += M.data[i * d + j] * Vt[c * d + j];
        m += z;
        m2 += z * z;
      }
      ev.push(m2 / n - (m / n) ** 2);
    }
    this.state = {
      components: frozenRows(Vt, k, d),
      singularValues: Array.from(s.slice(0, k)),
      explainedVariance: ev,
      explainedVarianceRatio: ev.map((v) => (total > 0 ? v / total : 0)),
    };
    return this;
  }

  /** Fits and returns X Vₖ (n × k). */
  fitTransform(X: MatrixLike): number[][] {
    return this.fit(X).transform(X);
  }

  private get model(): State {
    if (!this.state) throw new NotFittedError('TruncatedSVD');
    return this.state;
  }
  /** The right singular vectors Vₖᵀ (k × nFeatures). */
  get components(): number[][] {
    return this.model.components;
  }
  /** σ₁ ≥ … ≥ σₖ. */
  get singularValues(): number[] {
    return this.model.singularValues;
  }
  /** Variance of each projected column. */
  get explainedVariance(): number[] {
    return this.model.explainedVariance;
  }
  /** explainedVariance over the total variance of X. */
  get explainedVarianceRatio(): number[] {
    return this.model.explainedVarianceRatio;
  }

  /** X Vₖ. */
  transform(X: MatrixLike): number[][] {
    const C = this.model.components;
    const d = C[0].length;
    const A = checkArray(X);
    checkFeatureCount(A, d);
    return Array.from({ length: A.rows }, (_, i) => C.map((w) => w.reduce((s, v, j) => s + v * A.data[i * d + j], 0)));
  }

  /** Z Vₖᵀ, back in feature space. */
  inverseTransform(Z: MatrixLike): number[][] {
    const C = this.model.components;
    const k = C.length;
    const d = C[0].length;
    const B = checkArray(Z, { name: 'Z' });
    if (B.cols !== k) throw new ValidationError('Z', 'shape-mismatch', `has ${B.cols} columns, but the model has ${k} components`);
    return Array.from({ length: B.rows }, (_, i) => Array.from({ length: d }, (_, j) => C.reduce((s, w, c) => s + B.data[i * k + c] * w[j], 0)));
  }

  /** The fitted model as plain JSON. */
  toJSON(): TruncatedSVDJSON {
    const m = this.model;
    return {
      estimator: 'TruncatedSVD',
      options: { ...this.options },
      components: m.components.map((r) => [...r]),
      singularValues: [...m.singularValues],
      explainedVariance: [...m.explainedVariance],
      explainedVarianceRatio: [...m.explainedVarianceRatio],
    };
  }

  /** Reads {@link toJSON}'s output back into a fitted estimator. */
  static fromJSON(json: TruncatedSVDJSON): TruncatedSVD {
    if (json?.estimator !== 'TruncatedSVD') throw new ValidationError('json', 'bad-option', 'not a TruncatedSVD model');
    const m = new TruncatedSVD(json.options);
    const d = json.components[0]?.length ?? 0;
    m.state = {
      components: frozenRows(json.components.flat(), json.components.length, d),
      singularValues: [...json.singularValues],
      explainedVariance: [...json.explainedVariance],
      explainedVarianceRatio: [...json.explainedVarianceRatio],
    };
    return m;
  }

}
