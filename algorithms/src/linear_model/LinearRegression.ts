import { Matrix as MlMatrix, pseudoInverse } from 'ml-matrix';
import { NotFittedError, ValidationError } from '../core/errors';
import { centerColumns, columnMeans, lstsqQR, matvec, mean, type MatrixLike, type VectorLike } from '../core/matrix';
import { checkArray, checkFeatureCount, checkXy } from '../core/validation';

/** Options of {@link LinearRegression}, as scikit-learn's. */
export interface LinearRegressionOptions {
  /** Fit an intercept b (else the line goes through the origin). Default true. */
  fitIntercept?: boolean;
}

/** A fitted {@link LinearRegression} as plain JSON, for permalinks and export. */
export interface LinearRegressionJSON {
  estimator: 'LinearRegression';
  options: Required<LinearRegressionOptions>;
  coef: number[];
  intercept: number;
}

/**
 * Ordinary least squares, ŷ = Xθ + b, with θ* = argmin_θ ‖y − Xθ − b‖².
 *
 * Solved as scikit-learn does it, on centred data: with X̃ = X − x̄ and ỹ = y − ȳ,
 * θ = argmin ‖ỹ − X̃θ‖² (Householder QR, or the Moore–Penrose pseudo-inverse, the
 * minimum-norm solution, when X̃ is rank-deficient), then b = ȳ − x̄·θ.
 *
 * @example
 * const model = new LinearRegression().fit([[0], [1], [2]], [1, 3, 5]);
 * model.coef;      // [2]
 * model.intercept; // 1
 */
export class LinearRegression {
  readonly options: Required<LinearRegressionOptions>;
  private fitted: { coef: number[]; intercept: number } | null = null;

  constructor(options: LinearRegressionOptions = {}) {
    this.options = { fitIntercept: true, ...options };
  }

  /** Fits θ and b by least squares and returns this estimator. */
  fit(X: MatrixLike, y: VectorLike): this {
    const { X: A, y: b } = checkXy(X, y);
    let coef: Float64Array;
    let intercept = 0;
    if (this.options.fitIntercept) {
      const mu = columnMeans(A);
      const ym = mean(b);
      coef = solve(centerColumns(A, mu), b.map((v) => v - ym));
      intercept = ym - mu.reduce((s, m, j) => s + m * coef[j], 0);
    } else {
      coef = solve(A, b);
    }
    this.fitted = { coef: Array.from(coef), intercept };
    return this;
  }

  private get model() {
    if (!this.fitted) throw new NotFittedError('LinearRegression');
    return this.fitted;
  }

  /** θ, one weight per feature. */
  get coef(): number[] {
    return this.model.coef;
  }

  /** b. */
  get intercept(): number {
    return this.model.intercept;
  }

  /** Number of features seen in fit. */
  get nFeaturesIn(): number {
    return this.model.coef.length;
  }

  /** ŷ = Xθ + b. */
  predict(X: MatrixLike): number[] {
    const A = checkArray(X);
    checkFeatureCount(A, this.nFeaturesIn);
    return Array.from(matvec(A, this.coef), (v) => v + this.intercept);
  }

  /** The coefficient of determination R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)², as scikit-learn's score. */
  score(X: MatrixLike, y: VectorLike): number {
    const { y: t } = checkXy(X, y);
    const p = this.predict(X);
    const m = mean(t);
    let ssRes = 0;
    let ssTot = 0;
    for (let i = 0; i < t.length; i++) {
      ssRes += (t[i] - p[i]) ** 2;
      ssTot += (t[i] - m) ** 2;
    }
    return ssTot === 0 ? (ssRes === 0 ? 1 : 0) : 1 - ssRes / ssTot;
  }

  toJSON(): LinearRegressionJSON {
    return { estimator: 'LinearRegression', options: { ...this.options }, coef: [...this.coef], intercept: this.intercept };
  }

  static fromJSON(json: LinearRegressionJSON): LinearRegression {
    if (json?.estimator !== 'LinearRegression') throw new ValidationError('json', 'bad-option', 'not a LinearRegression model');
    const m = new LinearRegression(json.options);
    m.fitted = { coef: [...json.coef], intercept: json.intercept };
    return m;
  }
}

/** QR least squares, falling back to the pseudo-inverse for rank-deficient X. */
function solve(A: { rows: number; cols: number; data: Float64Array }, b: Float64Array): Float64Array {
  const x = lstsqQR(A, b);
  if (x) return x;
  const M = new MlMatrix(A.rows, A.cols);
  for (let i = 0; i < A.rows; i++) for (let j = 0; j < A.cols; j++) M.set(i, j, A.data[i * A.cols + j]);
  const pinv = pseudoInverse(M);
  return Float64Array.from(pinv.mmul(MlMatrix.columnVector(Array.from(b))).getColumn(0));
}
