import { readEstimatorJSON, TransformerBase } from '../core/base';
import { ValidationError } from '../core/errors';
import { readInt } from '../core/json';
import type { MatrixLike } from '../core/matrix';
import type { ParamSpecs } from '../core/params';
import { checkArray, checkFeatureCount, checkFiniteResult, checkScalar, checkSize, LIMITS } from '../core/validation';

/** Options of {@link PolynomialFeatures}, as scikit-learn's. */
export interface PolynomialFeaturesOptions {
  /**
   * The largest total degree, or [minDegree, maxDegree] to keep only the terms whose total
   * degree lies in that range (the bias column, degree 0, still follows includeBias). Default 2.
   */
  degree?: number | [number, number];
  /** Keep only products of distinct features (x₀x₁, never x₀²). Default false. */
  interactionOnly?: boolean;
  /** Add the constant column 1 (degree 0). Default true. */
  includeBias?: boolean;
}

/** A fitted {@link PolynomialFeatures} as plain JSON. */
export interface PolynomialFeaturesJSON {
  estimator: 'PolynomialFeatures';
  options: PolynomialFeaturesOptions;
  nFeaturesIn: number;
}

/**
 * Generates the monomials of the input features up to a total degree, in scikit-learn's
 * column order: by degree, and within a degree the index tuples (i₁ ≤ i₂ ≤ … ≤ i_k) in
 * lexicographic order. For two features a, b and degree 3:
 *   1, a, b, a², ab, b², a³, a²b, ab², b³.
 * A linear model on these columns fits a polynomial: the slides' polynomial regression,
 * where the degree is the model complexity that over- or under-fits.
 */
export class PolynomialFeatures extends TransformerBase<PolynomialFeaturesOptions, { nFeaturesIn: number; combos: number[][] }> {
  static override readonly estimatorName = 'PolynomialFeatures';
  /** The declared options (read by UIs for controls and by permalink decoders). */
  static override readonly paramSpec: ParamSpecs = {
    degree: {
      type: 'custom',
      default: 2,
      check: (v, name) => {
        degreeRange(v, name);
        return Array.isArray(v) ? [v[0], v[1]] : v;
      },
      doc: 'The largest total degree (an integer in [0, 1000]), or [minDegree, maxDegree].',
    },
    interactionOnly: { type: 'boolean', default: false, doc: 'Keep only products of distinct features (x₀x₁, never x₀²).' },
    includeBias: { type: 'boolean', default: true, doc: 'Add the constant column 1 (degree 0).' },
  };

  /** Learns the number of input features and lists the output monomials. @throws 'too-large' above {@link LIMITS}.maxFeatures output columns. */
  fit(X: MatrixLike): this {
    const A = checkArray(X);
    const [lo, hi] = degreeRange(this.options.degree, 'degree');
    const d = A.cols;
    // Count the columns before listing them: degree 30 on 12 features would be ~10¹⁰ columns.
    checkSize('degree', countOutputs(d, lo, hi, this.options.interactionOnly, this.options.includeBias), LIMITS.maxFeatures, 'output columns');
    const combos: number[][] = [];
    if (this.options.includeBias) combos.push([]);
    // All index tuples of length k, non-decreasing (strictly increasing for interactions only).
    const extend = (prefix: number[], start: number, k: number) => {
      if (k === 0) {
        combos.push(prefix.slice());
        return;
      }
      for (let i = start; i < d; i++) {
        prefix.push(i);
        extend(prefix, this.options.interactionOnly ? i + 1 : i, k - 1);
        prefix.pop();
      }
    };
    for (let k = Math.max(1, lo); k <= hi; k++) extend([], 0, k);
    if (combos.length === 0) throw new ValidationError('degree', 'out-of-range', 'gives no output column (degree 0 without the bias, or interactions of more features than there are)');
    this.fitted = { nFeaturesIn: d, combos };
    return this;
  }

  /** Number of input features seen in fit. */
  get nFeaturesIn(): number {
    return this.model.nFeaturesIn;
  }

  /** Number of output columns. */
  get nOutputFeatures(): number {
    return this.model.combos.length;
  }

  /** The exponent of each input feature in each output column (rows = output columns), as scikit-learn's powers_. */
  get powers(): number[][] {
    const { nFeaturesIn, combos } = this.model;
    return combos.map((c) => {
      const p = new Array<number>(nFeaturesIn).fill(0);
      for (const i of c) p[i]++;
      return p;
    });
  }

  /** Names such as '1', 'x0', 'x0^2', 'x0 x1', as scikit-learn's get_feature_names_out. */
  getFeatureNamesOut(inputFeatures?: readonly string[]): string[] {
    const names = inputFeatures ?? Array.from({ length: this.nFeaturesIn }, (_, i) => `x${i}`);
    if (!Array.isArray(names) || names.some((v) => typeof v !== 'string')) throw new ValidationError('inputFeatures', 'bad-option', 'must be an array of strings');
    if (names.length !== this.nFeaturesIn) throw new ValidationError('inputFeatures', 'length-mismatch', `has ${names.length} names, expected ${this.nFeaturesIn}`);
    return this.powers.map((p) => {
      const terms = p.flatMap((e, i) => (e === 0 ? [] : [e === 1 ? names[i] : `${names[i]}^${e}`]));
      return terms.length === 0 ? '1' : terms.join(' ');
    });
  }

  /** The monomial columns of X. */
  transform(X: MatrixLike): number[][] {
    const A = checkArray(X);
    checkFeatureCount(A, this.nFeaturesIn);
    const { combos } = this.model;
    checkSize('X', A.rows * combos.length, LIMITS.maxElements, 'output values (rows × columns)');
    const out: number[][] = [];
    for (let i = 0; i < A.rows; i++) {
      const o = i * A.cols;
      const r = combos.map((c) => {
        let v = 1;
        for (const j of c) v *= A.data[o + j];
        return v;
      });
      checkFiniteResult(r, 'PolynomialFeatures output');
      out.push(r);
    }
    return out;
  }

  /** The fitted model as plain JSON ({ estimator, options, nFeaturesIn }), for permalinks and export. */
  toJSON(): PolynomialFeaturesJSON {
    return { ...this.jsonHeader(), estimator: 'PolynomialFeatures', nFeaturesIn: this.nFeaturesIn };
  }

  /** Rebuilds a fitted model from {@link toJSON}'s output, validating every field (and the output size). */
  static fromJSON(json: unknown): PolynomialFeatures {
    const { doc, model } = readEstimatorJSON(json, PolynomialFeatures);
    const d = readInt(doc.nFeaturesIn, 'json.nFeaturesIn', 1, LIMITS.maxFeatures);
    try {
      return model.fit([new Array<number>(d).fill(0)]);
    } catch (e) {
      if (e instanceof ValidationError) throw new ValidationError('json', e.problem, `json.options.degree ${e.detail}`);
      throw e;
    }
  }
}

/** The largest degree accepted: far beyond any useful one, small enough to count outputs quickly. */
const MAX_DEGREE = 1000;

/** Validates the degree option and returns [minDegree, maxDegree]. */
function degreeRange(deg: unknown, name: string): [number, number] {
  if (Array.isArray(deg)) {
    if (deg.length !== 2) throw new ValidationError(name, 'bad-option', 'must be a number or [minDegree, maxDegree]');
    const lo = checkScalar(deg[0], name, { min: 0, max: MAX_DEGREE, integer: true });
    const hi = checkScalar(deg[1], name, { min: 0, max: MAX_DEGREE, integer: true });
    if (lo > hi) throw new ValidationError(name, 'out-of-range', `minDegree ${lo} > maxDegree ${hi}`);
    return [lo, hi];
  }
  return [0, checkScalar(deg, name, { min: 0, max: MAX_DEGREE, integer: true })];
}

/**
 * The number of output columns, without listing them: Σₖ C(d + k − 1, k) monomials of
 * degree k in d variables (C(d, k) with interactions only), k from max(1, lo) to hi,
 * plus the bias, in floating point (at most 1000 terms; ∞ past 1.8e308).
 */
function countOutputs(d: number, lo: number, hi: number, interactionOnly: boolean, includeBias: boolean): number {
  let total = includeBias ? 1 : 0;
  let c = 1; // C(d + k − 1, k) or C(d, k), updated from k − 1 to k
  for (let k = 1; k <= hi; k++) {
    c = interactionOnly ? (c * (d - k + 1)) / k : (c * (d + k - 1)) / k;
    if (c <= 0) break;
    if (k >= lo) total += c;
  }
  return Math.round(total);
}
