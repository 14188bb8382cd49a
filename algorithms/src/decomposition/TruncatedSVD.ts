import { readEstimatorJSON, TransformerBase } from '../core/base';
import { ValidationError } from '../core/errors';
import { jsonError, readFiniteArray } from '../core/json';
import type { MatrixLike } from '../core/matrix';
import type { ParamSpecs } from '../core/params';
import { checkArray, checkFeatureCount, checkFiniteResult } from '../core/validation';
import { readRows } from '../cluster/_common';
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
  options: TruncatedSVDOptions;
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
export class TruncatedSVD extends TransformerBase<TruncatedSVDOptions, State> {
  static override readonly estimatorName = 'TruncatedSVD';
  /** The declared options (read by UIs for controls and by permalink decoders). */
  static override readonly paramSpec: ParamSpecs = {
    nComponents: { type: 'integer', default: 2, min: 1, max: 1e6, uiRange: [1, 10], doc: 'Components kept, 1 … min(nSamples, nFeatures).' },
  };

  /** Fits the top singular vectors and returns this estimator. */
  fit(X: MatrixLike): this {
    const M = checkArray(X);
    const { rows: n, cols: d } = M;
    const k = this.options.nComponents;
    if (k > Math.min(n, d)) throw new ValidationError('nComponents', 'out-of-range', `must be ≤ min(nSamples, nFeatures) = ${Math.min(n, d)}, got ${k}`);
    // Features of order 1e154 overflow XᵀX: report it before decomposing ∞ and NaN.
    let ss = 0;
    for (let q = 0; q < M.data.length; q++) ss += M.data[q] * M.data[q];
    checkFiniteResult(ss, 'TruncatedSVD: the sum of squares of X');
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
    checkFiniteResult(ev, 'TruncatedSVD explained variance');
    checkFiniteResult(total, 'TruncatedSVD: the total variance of X');
    this.fitted = {
      components: frozenRows(Vt, k, d),
      singularValues: Array.from(s.slice(0, k)),
      explainedVariance: ev,
      explainedVarianceRatio: ev.map((v) => (total > 0 ? v / total : 0)),
    };
    return this;
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
    const out = Array.from({ length: A.rows }, (_, i) => C.map((w) => w.reduce((s, v, j) => s + v * A.data[i * d + j], 0)));
    checkFiniteResult(out, 'TruncatedSVD.transform');
    return out;
  }

  /** Z Vₖᵀ, back in feature space. */
  inverseTransform(Z: MatrixLike): number[][] {
    const C = this.model.components;
    const k = C.length;
    const d = C[0].length;
    const B = checkArray(Z, { name: 'Z' });
    if (B.cols !== k) throw new ValidationError('Z', 'shape-mismatch', `has ${B.cols} columns, but the model has ${k} components`);
    const out = Array.from({ length: B.rows }, (_, i) => Array.from({ length: d }, (_, j) => C.reduce((s, w, c) => s + B.data[i * k + c] * w[j], 0)));
    checkFiniteResult(out, 'TruncatedSVD.inverseTransform', 'Z');
    return out;
  }

  /** The fitted model as plain JSON. */
  toJSON(): TruncatedSVDJSON {
    const m = this.model;
    return {
      ...this.jsonHeader(),
      estimator: 'TruncatedSVD',
      components: m.components.map((r) => [...r]),
      singularValues: [...m.singularValues],
      explainedVariance: [...m.explainedVariance],
      explainedVarianceRatio: [...m.explainedVarianceRatio],
    };
  }

  /** Reads {@link toJSON}'s output back into a fitted estimator, validating every field (nComponents rows of equal width, k finite values each). */
  static fromJSON(json: unknown): TruncatedSVD {
    const { doc, model } = readEstimatorJSON(json, TruncatedSVD);
    const k = model.options.nComponents;
    const components = readRows(doc.components, 'json.components', k);
    if (k > components[0].length) throw jsonError('json.components', 'length-mismatch', `has ${k} rows of ${components[0].length} features; at most one component per feature`);
    model.fitted = {
      components: Object.freeze(components.map((r) => Object.freeze(r))) as number[][],
      singularValues: readFiniteArray(doc.singularValues, 'json.singularValues', k, { min: 0 }),
      explainedVariance: readFiniteArray(doc.explainedVariance, 'json.explainedVariance', k, { min: 0 }),
      explainedVarianceRatio: readFiniteArray(doc.explainedVarianceRatio, 'json.explainedVarianceRatio', k, { min: 0 }),
    };
    return model;
  }
}
