import { readEstimatorJSON, TransformerBase } from '../core/base';
import { jsonError, readFiniteArray, readInt } from '../core/json';
import type { MatrixLike } from '../core/matrix';
import type { ParamSpecs } from '../core/params';
import { checkArray, checkFeatureCount, checkFiniteResult } from '../core/validation';

/** Options of {@link StandardScaler}, as scikit-learn's. */
export interface StandardScalerOptions {
  /** Subtract the column means. Default true. */
  withMean?: boolean;
  /** Divide by the column standard deviations. Default true. */
  withStd?: boolean;
}

/** A fitted {@link StandardScaler} as plain JSON. */
export interface StandardScalerJSON {
  estimator: 'StandardScaler';
  options: StandardScalerOptions;
  mean: number[] | null;
  var: number[] | null;
  scale: number[] | null;
  nSamplesSeen: number;
  nFeaturesIn: number;
}

/**
 * Standardises each feature: z = (x − μ) / σ, with μ the column mean and σ the
 * population standard deviation √((1/n) Σ (x − μ)²) (divisor n, not n − 1, as
 * scikit-learn). A constant column has σ = 0 and is left unscaled (scale 1), as in
 * scikit-learn. Gradient descent and penalised models need features on one scale.
 */
export class StandardScaler extends TransformerBase<StandardScalerOptions, ScalerFitted> {
  static override readonly estimatorName = 'StandardScaler';
  /** The declared options (read by UIs for controls and by permalink decoders). */
  static override readonly paramSpec: ParamSpecs = {
    withMean: { type: 'boolean', default: true, doc: 'Subtract the column means.' },
    withStd: { type: 'boolean', default: true, doc: 'Divide by the column standard deviations.' },
  };

  /** Computes μ and σ per column (two passes, for accuracy). */
  fit(X: MatrixLike): this {
    const A = checkArray(X);
    const { rows: n, cols: d, data } = A;
    const mu = new Array<number>(d).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mu[j] += data[i * d + j];
    for (let j = 0; j < d; j++) mu[j] /= n;
    const v = new Array<number>(d).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) v[j] += (data[i * d + j] - mu[j]) ** 2;
    for (let j = 0; j < d; j++) v[j] /= n;
    // Features of order 1e154 overflow (x − μ)²; of order 1e308/n the mean itself.
    checkFiniteResult(mu, 'StandardScaler mean');
    checkFiniteResult(v, 'StandardScaler variance');
    // A column whose variance is at the rounding level of its mean counts as constant
    // (scikit-learn's bound: var ≤ nε·var + (nμε)²) and keeps scale 1.
    const eps = Number.EPSILON;
    const scale = v.map((vj, j) => (vj <= n * eps * vj + (n * mu[j] * eps) ** 2 ? 1 : Math.sqrt(vj)));
    const { withMean, withStd } = this.options;
    this.fitted = {
      mean: withMean || withStd ? mu : null,
      var: withStd ? v : null,
      scale: withStd ? scale : null,
      nSamplesSeen: n,
      nFeaturesIn: d,
    };
    return this;
  }

  /** Column means μ (null when neither centring nor scaling). */
  get mean(): number[] | null {
    return this.model.mean;
  }

  /** Column population variances (null when withStd is false). */
  get var(): number[] | null {
    return this.model.var;
  }

  /** The divisors σ (1 for constant columns; null when withStd is false). */
  get scale(): number[] | null {
    return this.model.scale;
  }

  /** Samples seen in fit. */
  get nSamplesSeen(): number {
    return this.model.nSamplesSeen;
  }

  /** Number of features seen in fit. */
  get nFeaturesIn(): number {
    return this.model.nFeaturesIn;
  }

  /** z = (x − μ) / σ, column by column. */
  transform(X: MatrixLike): number[][] {
    const A = checkArray(X);
    checkFeatureCount(A, this.nFeaturesIn);
    const { withMean } = this.options;
    const { mean, scale } = this.model;
    const out: number[][] = [];
    for (let i = 0; i < A.rows; i++) {
      const r = new Array<number>(A.cols);
      for (let j = 0; j < A.cols; j++) {
        let v = A.data[i * A.cols + j];
        if (withMean && mean) v -= mean[j];
        if (scale) v /= scale[j];
        r[j] = v;
      }
      out.push(r);
    }
    checkFiniteResult(out, 'StandardScaler output');
    return out;
  }

  /** x = zσ + μ. */
  inverseTransform(X: MatrixLike): number[][] {
    const A = checkArray(X);
    checkFeatureCount(A, this.nFeaturesIn);
    const { withMean } = this.options;
    const { mean, scale } = this.model;
    const out: number[][] = [];
    for (let i = 0; i < A.rows; i++) {
      const r = new Array<number>(A.cols);
      for (let j = 0; j < A.cols; j++) {
        let v = A.data[i * A.cols + j];
        if (scale) v *= scale[j];
        if (withMean && mean) v += mean[j];
        r[j] = v;
      }
      out.push(r);
    }
    return out;
  }

  /** The fitted model as plain JSON ({ estimator, options, …fitted }), for permalinks and export. */
  toJSON(): StandardScalerJSON {
    const m = this.model;
    return {
      ...this.jsonHeader(),
      estimator: 'StandardScaler',
      mean: m.mean && [...m.mean],
      var: m.var && [...m.var],
      scale: m.scale && [...m.scale],
      nSamplesSeen: m.nSamplesSeen,
      nFeaturesIn: m.nFeaturesIn,
    };
  }

  /**
   * Rebuilds a fitted model from {@link toJSON}'s output, validating every field: the
   * arrays the options need are present, of nFeaturesIn finite entries, the scales > 0.
   */
  static fromJSON(json: unknown): StandardScaler {
    const { doc, model } = readEstimatorJSON(json, StandardScaler);
    const { withMean, withStd } = model.options;
    const d = readInt(doc.nFeaturesIn, 'json.nFeaturesIn', 1);
    const arr = (key: 'mean' | 'var' | 'scale', needed: boolean, min?: number, exclusiveMin?: boolean) => {
      const v = doc[key];
      if (!needed) {
        if (v !== null && v !== undefined) throw jsonError(`json.${key}`, 'bad-option', `must be null with these options`);
        return null;
      }
      if (v === null) throw jsonError(`json.${key}`, 'missing-value', 'is null; these options need it');
      return readFiniteArray(v, `json.${key}`, d, { min, exclusiveMin });
    };
    model.fitted = {
      mean: arr('mean', withMean || withStd),
      var: arr('var', withStd, 0),
      scale: arr('scale', withStd, 0, true),
      nSamplesSeen: readInt(doc.nSamplesSeen, 'json.nSamplesSeen', 1),
      nFeaturesIn: d,
    };
    return model;
  }
}

interface ScalerFitted {
  mean: number[] | null;
  var: number[] | null;
  scale: number[] | null;
  nSamplesSeen: number;
  nFeaturesIn: number;
}
