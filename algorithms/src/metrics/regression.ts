import { ValidationError } from '../core/errors';
import type { VectorLike } from '../core/matrix';
import { checkFiniteResult, checkVector } from '../core/validation';

/** Regression metrics, as scikit-learn's sklearn.metrics. */

function checkPair(yTrue: VectorLike, yPred: VectorLike): { t: Float64Array; p: Float64Array } {
  const t = checkVector(yTrue, { name: 'yTrue' });
  const p = checkVector(yPred, { name: 'yPred' });
  if (p.length !== t.length) throw new ValidationError('yPred', 'length-mismatch', `has ${p.length} values but yTrue has ${t.length}`);
  return { t, p };
}

/** Options of {@link meanSquaredError}. */
export interface MeanSquaredErrorOptions {
  /** Return the MSE (true) or its square root, the RMSE (false). Default true. */
  squared?: boolean;
}

/** MSE = (1/n) Σᵢ (yᵢ − ŷᵢ)², the loss of the regression slides (RMSE with squared: false). */
export function meanSquaredError(yTrue: VectorLike, yPred: VectorLike, options: MeanSquaredErrorOptions = {}): number {
  const { t, p } = checkPair(yTrue, yPred);
  let s = 0;
  for (let i = 0; i < t.length; i++) s += (t[i] - p[i]) ** 2;
  const mse = s / t.length;
  checkFiniteResult(mse, 'the mean squared error', 'yTrue');
  return options.squared === false ? Math.sqrt(mse) : mse;
}

/** MAE = (1/n) Σᵢ |yᵢ − ŷᵢ|. */
export function meanAbsoluteError(yTrue: VectorLike, yPred: VectorLike): number {
  const { t, p } = checkPair(yTrue, yPred);
  let s = 0;
  for (let i = 0; i < t.length; i++) s += Math.abs(t[i] - p[i]);
  checkFiniteResult(s, 'the mean absolute error', 'yTrue');
  return s / t.length;
}

/**
 * The coefficient of determination R² = 1 − Σ(yᵢ − ŷᵢ)² / Σ(yᵢ − ȳ)²: 1 is perfect, 0 is
 * no better than predicting ȳ, and it is negative for worse. For a constant yTrue it is
 * 1 for a perfect prediction and 0 otherwise (scikit-learn's force_finite).
 */
export function r2Score(yTrue: VectorLike, yPred: VectorLike): number {
  const { t, p } = checkPair(yTrue, yPred);
  let m = 0;
  for (let i = 0; i < t.length; i++) m += t[i];
  m /= t.length;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < t.length; i++) {
    ssRes += (t[i] - p[i]) ** 2;
    ssTot += (t[i] - m) ** 2;
  }
  checkFiniteResult([ssRes, ssTot], 'the sums of squares of R²', 'yTrue');
  if (ssTot === 0) return ssRes === 0 ? 1 : 0;
  return 1 - ssRes / ssTot;
}
