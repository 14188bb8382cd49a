import { NotFittedError, ValidationError } from '../core/errors';
import type { MatrixLike } from '../core/matrix';
import { checkArray, checkFeatureCount, checkScalar } from '../core/validation';

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
  options: Required<PolynomialFeaturesOptions>;
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
export class PolynomialFeatures {
  /** The options, with the defaults filled in. */
  readonly options: Required<PolynomialFeaturesOptions>;
  private fitted: { nFeaturesIn: number; combos: number[][] } | null = null;

  constructor(options: PolynomialFeaturesOptions = {}) {
    this.options = { degree: 2, interactionOnly: false, includeBias: true, ...options };
  }

  private degrees(): [number, number] {
    const deg = this.options.degree;
    if (Array.isArray(deg)) {
      if (deg.length !== 2) throw new ValidationError('degree', 'bad-option', 'must be a number or [minDegree, maxDegree]');
      const lo = checkScalar(deg[0], 'degree', { min: 0, integer: true });
      const hi = checkScalar(deg[1], 'degree', { min: 0, integer: true });
      if (lo > hi) throw new ValidationError('degree', 'out-of-range', `minDegree ${lo} > maxDegree ${hi}`);
      return [lo, hi];
    }
    return [0, checkScalar(deg, 'degree', { min: 0, integer: true })];
  }

  /** Learns the number of input features and lists the output monomials. */
  fit(X: MatrixLike): this {
    const A = checkArray(X);
    const [lo, hi] = this.degrees();
    const d = A.cols;
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

  private get model() {
    if (!this.fitted) throw new NotFittedError('PolynomialFeatures');
    return this.fitted;
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
    const out: number[][] = [];
    for (let i = 0; i < A.rows; i++) {
      const o = i * A.cols;
      out.push(
        combos.map((c) => {
          let v = 1;
          for (const j of c) v *= A.data[o + j];
          return v;
        }),
      );
    }
    return out;
  }

  /** fit then transform. */
  fitTransform(X: MatrixLike): number[][] {
    return this.fit(X).transform(X);
  }

  /** The fitted model as plain JSON ({ estimator, options, …fitted }), for permalinks and export. */
  toJSON(): PolynomialFeaturesJSON {
    return { estimator: 'PolynomialFeatures', options: { ...this.options }, nFeaturesIn: this.nFeaturesIn };
  }

  /** Rebuilds a fitted model from {@link toJSON}'s output. */
  static fromJSON(json: PolynomialFeaturesJSON): PolynomialFeatures {
    if (json?.estimator !== 'PolynomialFeatures') throw new ValidationError('json', 'bad-option', 'not a PolynomialFeatures transformer');
    return new PolynomialFeatures(json.options).fit([new Array<number>(json.nFeaturesIn).fill(0)]);
  }
}
