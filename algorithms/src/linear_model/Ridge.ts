import { Matrix as MlMatrix, pseudoInverse } from 'ml-matrix';
import { readEstimatorJSON } from '../core/base';
import { solveCholesky, type MatrixLike, type VectorLike } from '../core/matrix';
import type { ParamSpecs } from '../core/params';
import { checkXy } from '../core/validation';
import { centerData, interceptFrom } from './_shared';
import { LinearRegressorBase, readLinearJSON, type LinearFitted } from './_base';

/** Options of {@link Ridge}, as scikit-learn's. */
export interface RidgeOptions {
  /**
   * Regularisation strength α ≥ 0 (the slides' λ): the loss is ‖y − Xθ − b‖² + α‖θ‖².
   * Note the sum, not the mean, of squared residuals, as in scikit-learn. Default 1.
   */
  alpha?: number;
  /** Fit an intercept b, which is never penalised. Default true. */
  fitIntercept?: boolean;
}

/** A fitted {@link Ridge} as plain JSON. */
export interface RidgeJSON {
  estimator: 'Ridge';
  options: RidgeOptions;
  coef: number[];
  intercept: number;
}

/**
 * Ridge regression (Tikhonov, L2-penalised least squares):
 *   θ* = argmin_θ ‖ỹ − X̃θ‖² + α‖θ‖²,
 * solved in closed form, as scikit-learn's 'cholesky' solver does, on centred data
 * X̃ = X − x̄, ỹ = y − ȳ:  (X̃ᵀX̃ + αI) θ = X̃ᵀỹ  (Cholesky, the matrix is SPD for α > 0),
 * then b = ȳ − x̄·θ. For α = 0 and a singular X̃ᵀX̃ it falls back to the pseudo-inverse.
 *
 * @example
 * new Ridge({ alpha: 1 }).fit([[0], [1], [2]], [1, 3, 5]).coef; // [4/3]
 */
export class Ridge extends LinearRegressorBase<RidgeOptions, LinearFitted> {
  static override readonly estimatorName = 'Ridge';
  /** The declared options (read by UIs for controls and by permalink decoders). */
  static override readonly paramSpec: ParamSpecs = {
    alpha: { type: 'number', default: 1, min: 0, log: true, uiRange: [1e-4, 1e4], doc: 'Regularisation strength α ≥ 0: the loss is ‖y − Xθ − b‖² + α‖θ‖².' },
    fitIntercept: { type: 'boolean', default: true, doc: 'Fit an intercept b, which is never penalised.' },
  };

  /** Fits θ and b in closed form and returns this estimator. */
  fit(X: MatrixLike, y: VectorLike): this {
    const { alpha } = this.options;
    const { X: A, y: b } = checkXy(X, y);
    const { Xc, yc, xMean, yMean } = centerData(A, b, this.options.fitIntercept);
    const d = Xc.cols;
    // G = X̃ᵀX̃ + αI and r = X̃ᵀỹ, accumulated row by row.
    const G = new Float64Array(d * d);
    const r = new Float64Array(d);
    for (let i = 0; i < Xc.rows; i++) {
      const o = i * d;
      for (let j = 0; j < d; j++) {
        const xij = Xc.data[o + j];
        if (xij === 0) continue;
        r[j] += xij * yc[i];
        for (let k = j; k < d; k++) G[j * d + k] += xij * Xc.data[o + k];
      }
    }
    for (let j = 0; j < d; j++) {
      G[j * d + j] += alpha;
      for (let k = 0; k < j; k++) G[j * d + k] = G[k * d + j];
    }
    let coef = solveCholesky({ rows: d, cols: d, data: G }, r);
    if (!coef) {
      const M = new MlMatrix(d, d);
      for (let j = 0; j < d; j++) for (let k = 0; k < d; k++) M.set(j, k, G[j * d + k]);
      coef = Float64Array.from(pseudoInverse(M).mmul(MlMatrix.columnVector(Array.from(r))).getColumn(0));
    }
    const intercept = this.options.fitIntercept ? interceptFrom(xMean, yMean, coef) : 0;
    this.checkFit(coef, intercept);
    this.fitted = { coef: Array.from(coef), intercept };
    return this;
  }

  /** The fitted model as plain JSON ({ estimator, options, coef, intercept }), for permalinks and export. */
  toJSON(): RidgeJSON {
    const m = this.model;
    return { ...this.jsonHeader(), estimator: 'Ridge', coef: [...m.coef], intercept: m.intercept };
  }

  /** Rebuilds a fitted model from {@link toJSON}'s output, validating every field. */
  static fromJSON(json: unknown): Ridge {
    const { doc, model } = readEstimatorJSON(json, Ridge);
    model.fitted = readLinearJSON(doc);
    return model;
  }
}
