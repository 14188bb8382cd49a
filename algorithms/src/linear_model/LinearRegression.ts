import { Matrix as MlMatrix, pseudoInverse } from 'ml-matrix';
import { ValidationError } from '../core/errors';
import { lstsqQR, type MatrixLike, type VectorLike } from '../core/matrix';
import { checkXy } from '../core/validation';
import { LinearRegressorBase } from './_base';
import { centerData, interceptFrom } from './_shared';

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
export class LinearRegression extends LinearRegressorBase<{ coef: number[]; intercept: number }> {
  protected readonly estimatorName = 'LinearRegression';
  readonly options: Required<LinearRegressionOptions>;

  constructor(options: LinearRegressionOptions = {}) {
    super();
    this.options = { fitIntercept: true, ...options };
  }

  /** Fits θ and b by least squares and returns this estimator. */
  fit(X: MatrixLike, y: VectorLike): this {
    const { X: A, y: b } = checkXy(X, y);
    const { Xc, yc, xMean, yMean } = centerData(A, b, this.options.fitIntercept);
    const coef = solve(Xc, yc);
    this.fitted = { coef: Array.from(coef), intercept: this.options.fitIntercept ? interceptFrom(xMean, yMean, coef) : 0 };
    return this;
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
