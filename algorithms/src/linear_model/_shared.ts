/** Internal helpers shared by the linear models (not exported from the barrel). */
import { columnMeans, mean, type Matrix } from '../core/matrix';

/**
 * Centres X and y when an intercept is fitted, as scikit-learn's `_preprocess_data`:
 * with X̃ = X − 1x̄ᵀ and ỹ = y − ȳ the intercept drops out of the fit, and is recovered
 * afterwards as b = ȳ − x̄·θ. Without an intercept X and y are used as they are.
 */
export function centerData(X: Matrix, y: Float64Array, fitIntercept: boolean): { Xc: Matrix; yc: Float64Array; xMean: Float64Array; yMean: number } {
  if (!fitIntercept) return { Xc: X, yc: y, xMean: new Float64Array(X.cols), yMean: 0 };
  const xMean = columnMeans(X);
  const yMean = mean(y);
  const data = new Float64Array(X.data.length);
  for (let i = 0; i < X.rows; i++) for (let j = 0; j < X.cols; j++) data[i * X.cols + j] = X.data[i * X.cols + j] - xMean[j];
  return { Xc: { rows: X.rows, cols: X.cols, data }, yc: y.map((v) => v - yMean), xMean, yMean };
}

/** b = ȳ − x̄·θ. */
export function interceptFrom(xMean: ArrayLike<number>, yMean: number, coef: ArrayLike<number>): number {
  let s = yMean;
  for (let j = 0; j < coef.length; j++) s -= xMean[j] * coef[j];
  return s;
}

/** ŷ = Xθ + b as a plain array. */
export function linearPredict(X: Matrix, coef: ArrayLike<number>, intercept: number): number[] {
  const out = new Array<number>(X.rows);
  for (let i = 0; i < X.rows; i++) {
    let s = intercept;
    const o = i * X.cols;
    for (let j = 0; j < X.cols; j++) s += X.data[o + j] * coef[j];
    out[i] = s;
  }
  return out;
}
