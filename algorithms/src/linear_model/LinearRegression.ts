import { Matrix as MlMatrix, pseudoInverse } from 'ml-matrix';
import { readEstimatorJSON } from '../core/base';
import { lstsqQR, type MatrixLike, type VectorLike } from '../core/matrix';
import type { ParamSpecs } from '../core/params';
import { checkXy } from '../core/validation';
import { LinearRegressorBase, readLinearJSON, type LinearFitted } from './_base';
import { centerData, interceptFrom } from './_shared';

/** Options of {@link LinearRegression}, as scikit-learn's. */
export interface LinearRegressionOptions {
  /** Fit an intercept b (else the line goes through the origin). Default true. */
  fitIntercept?: boolean;
}

/** A fitted {@link LinearRegression} as plain JSON, for permalinks and export. */
export interface LinearRegressionJSON {
  estimator: 'LinearRegression';
  options: LinearRegressionOptions;
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
export class LinearRegression extends LinearRegressorBase<LinearRegressionOptions, LinearFitted> {
  static override readonly estimatorName = 'LinearRegression';
  /** The declared options (read by UIs for controls and by permalink decoders). */
  static override readonly paramSpec: ParamSpecs = {
    fitIntercept: { type: 'boolean', default: true, doc: 'Fit an intercept b (else the line goes through the origin).' },
  };

  /** Fits θ and b by least squares and returns this estimator. */
  fit(X: MatrixLike, y: VectorLike): this {
    const { X: A, y: b } = checkXy(X, y);
    const { Xc, yc, xMean, yMean } = centerData(A, b, this.options.fitIntercept);
    const coef = solve(Xc, yc);
    const intercept = this.options.fitIntercept ? interceptFrom(xMean, yMean, coef) : 0;
    this.checkFit(coef, intercept);
    this.fitted = { coef: Array.from(coef), intercept };
    return this;
  }

  /** The fitted model as plain JSON ({ estimator, options, coef, intercept }). */
  toJSON(): LinearRegressionJSON {
    const m = this.model;
    return { ...this.jsonHeader(), estimator: 'LinearRegression', coef: [...m.coef], intercept: m.intercept };
  }

  /** Rebuilds a fitted model from {@link toJSON}'s output, validating every field. */
  static fromJSON(json: unknown): LinearRegression {
    const { doc, model } = readEstimatorJSON(json, LinearRegression);
    model.fitted = readLinearJSON(doc);
    return model;
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
