/**
 * Pure model of the regularisation-path explainer: the diabetes data split 80/20 and z-scored,
 * one objective for the three penalties, the fit at the chosen λ, the path over a λ grid, where
 * each lasso weight enters, and the status text.
 *
 * The objective is scikit-learn's scaling, the one the code computes:
 *   𝓛_𝓡(w, b) = (1/(2N)) ‖y − Xw − b‖² + λ (ρ‖w‖₁ + ½(1 − ρ)‖w‖²),
 * ρ = 1 the lasso, ρ = ½ the elastic net, ρ = 0 ridge. `Lasso`/`ElasticNet` take alpha = λ;
 * our `Ridge` minimises the sum ‖y − Xw − b‖² + α‖w‖², so it is called with α = Nλ.
 */
import { ElasticNet, Lasso, RandomState, Ridge } from '@geolearn/algorithms';
import { fieldCheck, type FieldChecks } from '../hooks/useControllableState';
import { specField, specRange } from '../kit/paramSlider';
import { DIABETES_FEATURES, DIABETES_ROWS } from './diabetes';

/** The three penalised regressions. */
export type PenaltyModel = 'ridge' | 'lasso' | 'enet';
export const MODELS: readonly PenaltyModel[] = ['ridge', 'lasso', 'enet'];
/** L1 share ρ of each model. */
export const L1_RATIO: Record<PenaltyModel, number> = { ridge: 0, lasso: 1, enet: 0.5 };
export const MODEL_LABEL: Record<PenaltyModel, string> = { ridge: 'Ridge', lasso: 'Lasso', enet: 'Elastic net' };

/** The explainer's state (plain JSON). */
export interface RegularizationPathsState {
  /** Which penalty. */
  model: PenaltyModel;
  /** Regularisation strength λ, in [LAMBDA_MIN, LAMBDA_MAX]. */
  lambda: number;
  /** Seed of the 80/20 train/test split. */
  seed: number;
}

/**
 * The λ slider: λ is the `alpha` of `Lasso`/`ElasticNet` (and `Ridge`'s α / N), so its range
 * (log, 10⁻³ … 10³) is read from `Lasso.paramSpec.alpha`.
 */
export const LAMBDA_SLIDER = specRange(Lasso, 'alpha');
export const LAMBDA_MIN = LAMBDA_SLIDER.min;
export const LAMBDA_MAX = LAMBDA_SLIDER.max;
export const DEFAULT_STATE: RegularizationPathsState = { model: 'lasso', lambda: 1, seed: 11 };
export const STATE_CHECKS: FieldChecks<RegularizationPathsState> = {
  model: fieldCheck.oneOf(...MODELS),
  lambda: specField(Lasso, 'alpha'),
  seed: fieldCheck.integer(0, 1e6),
};

/** Rows of features and targets. */
export interface RegressionData {
  /** Feature names. */
  names: readonly string[];
  /** The whole table (features, then y as the last column). */
  rows: readonly (readonly number[])[];
}

/** The diabetes data (442 × 10, Efron et al. 2004). */
export const DIABETES: RegressionData = { names: DIABETES_FEATURES.map((f) => f.name), rows: DIABETES_ROWS };

/** A seeded 80/20 split, features z-scored with the training set's mean and standard deviation. */
export interface PreparedData {
  names: readonly string[];
  Xtrain: number[][];
  ytrain: number[];
  Xtest: number[][];
  ytest: number[];
  /** Mean of the training targets (the prediction of a model with w = 0). */
  yMean: number;
}

/** Why the data cannot be fitted, or null. */
export function dataProblem(data: RegressionData): string | null {
  const d = data.names.length;
  if (d < 1) return 'The data has no features.';
  if (data.rows.length < 10) return `Only ${data.rows.length} row${data.rows.length === 1 ? '' : 's'}: at least 10 rows are needed for an 80/20 split.`;
  if (data.rows.some((r) => r.length !== d + 1 || r.some((v) => !Number.isFinite(v)))) return `Every row must hold ${d + 1} finite numbers (the features, then y).`;
  return null;
}

/** Splits 80/20 with `seed` (a RandomState permutation) and z-scores X on the training rows. */
export function prepare(data: RegressionData, seed: number): PreparedData {
  const n = data.rows.length;
  const d = data.names.length;
  const order = new RandomState(seed).permutation(n);
  const nTest = Math.max(1, Math.round(n * 0.2));
  const test = order.slice(0, nTest);
  const train = order.slice(nTest);
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  for (const i of train) for (let j = 0; j < d; j++) mean[j] += data.rows[i][j] / train.length;
  for (const i of train) for (let j = 0; j < d; j++) sd[j] += (data.rows[i][j] - mean[j]) ** 2 / train.length;
  // A constant column keeps sd 1: its z-score is 0 and its weight stays 0.
  const scale = sd.map((v) => (v > 0 ? Math.sqrt(v) : 1));
  const z = (i: number) => Array.from({ length: d }, (_, j) => (data.rows[i][j] - mean[j]) / scale[j]);
  const ytrain = train.map((i) => data.rows[i][d]);
  return {
    names: data.names,
    Xtrain: train.map(z),
    ytrain,
    Xtest: test.map(z),
    ytest: test.map((i) => data.rows[i][d]),
    yMean: ytrain.reduce((s, v) => s + v, 0) / ytrain.length,
  };
}

/** A fitted model and its errors. */
export interface FitResult {
  coef: number[];
  intercept: number;
  /** Mean squared errors on the training and test rows. */
  trainMse: number;
  testMse: number;
  /** Predictions ŷ on the test rows. */
  testPred: number[];
}

const predict = (X: number[][], coef: readonly number[], b: number) => X.map((r) => r.reduce((s, v, j) => s + v * coef[j], b));
const mse = (y: readonly number[], p: readonly number[]) => y.reduce((s, v, i) => s + (v - p[i]) ** 2, 0) / y.length;

/** Fits one model at λ with our estimators (see the module comment for the scaling). */
export function fitAt(model: PenaltyModel, lambda: number, p: PreparedData): { coef: number[]; intercept: number } {
  if (model === 'ridge') {
    const m = new Ridge({ alpha: p.Xtrain.length * lambda }).fit(p.Xtrain, p.ytrain);
    return { coef: [...m.coef], intercept: m.intercept };
  }
  const m = model === 'lasso' ? new Lasso({ alpha: lambda }).fit(p.Xtrain, p.ytrain) : new ElasticNet({ alpha: lambda, l1Ratio: 0.5 }).fit(p.Xtrain, p.ytrain);
  return { coef: [...m.coef], intercept: m.intercept };
}

/** Errors of given weights on both sets. */
export function evaluate(coef: number[], intercept: number, p: PreparedData): FitResult {
  const testPred = predict(p.Xtest, coef, intercept);
  return { coef, intercept, trainMse: mse(p.ytrain, predict(p.Xtrain, coef, intercept)), testMse: mse(p.ytest, testPred), testPred };
}

/** The λ grid of the path chart: 8 points per decade from LAMBDA_MIN to LAMBDA_MAX (49 values for 10⁻³ … 10³, increasing). */
export const LAMBDA_GRID: readonly number[] = Array.from({ length: Math.round(8 * Math.log10(LAMBDA_MAX / LAMBDA_MIN)) + 1 }, (_, k) => 10 ** (Math.log10(LAMBDA_MIN) + k / 8));

/** One point of a path: λ, the weights and both errors. */
export interface PathPoint {
  lambda: number;
  coef: number[];
  trainMse: number;
  testMse: number;
}

/** The path point at λ (fits the model). */
export function pathPoint(model: PenaltyModel, lambda: number, p: PreparedData): PathPoint {
  const f = fitAt(model, lambda, p);
  const e = evaluate(f.coef, f.intercept, p);
  return { lambda, coef: f.coef, trainMse: e.trainMse, testMse: e.testMse };
}

/**
 * Where each weight enters the path as λ decreases (null if it never does, or is never 0 on
 * the grid). Between two knots the lasso path is linear in λ, so the entry λ* is the zero of
 * the line through the first two non-zero grid points below it, kept between the grid points
 * around it.
 */
export function entryPoints(path: readonly PathPoint[]): (number | null)[] {
  if (path.length === 0) return [];
  const d = path[0].coef.length;
  return Array.from({ length: d }, (_, j) => {
    // path is sorted by increasing λ: find the last non-zero index k with path[k+1] zero.
    let k = -1;
    for (let i = path.length - 1; i >= 0; i--) {
      if (path[i].coef[j] !== 0) {
        k = i;
        break;
      }
    }
    if (k < 0 || k === path.length - 1) return null;
    const lo = path[k];
    const hi = path[k + 1];
    const prev = k > 0 ? path[k - 1] : null;
    if (!prev) return lo.lambda;
    const slope = (lo.coef[j] - prev.coef[j]) / (lo.lambda - prev.lambda);
    const guess = slope !== 0 ? lo.lambda - lo.coef[j] / slope : lo.lambda;
    return Math.min(hi.lambda, Math.max(lo.lambda, guess));
  });
}

/** The grid point with the smallest test error (null for an empty path). */
export function bestPoint(path: readonly PathPoint[]): PathPoint | null {
  return path.reduce<PathPoint | null>((b, q) => (b === null || q.testMse < b.testMse ? q : b), null);
}

/** Number formatting with a real minus sign. */
export function fmt(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  let s = a !== 0 && (a < 1e-3 || a >= 1e5) ? v.toExponential(1) : a >= 10 ** digits ? String(Math.round(v)) : v.toPrecision(digits);
  if (s.includes('.') && !s.includes('e')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s.replace('-', '−');
}

/** The status line: model, λ, how many weights are non-zero, the errors. */
export function statusText(s: RegularizationPathsState, fit: FitResult, names: readonly string[]): string {
  const nz = fit.coef.filter((c) => c !== 0).length;
  const zero = names.filter((_, j) => fit.coef[j] === 0);
  const zeros = s.model === 'ridge' ? '' : zero.length ? ` (zero: ${zero.join(', ')})` : '';
  return `${MODEL_LABEL[s.model]} at λ = ${fmt(s.lambda)}: ${nz} of ${names.length} weights non-zero${zeros}. Test MSE ${fmt(fit.testMse, 4)} (RMSE ${fmt(Math.sqrt(fit.testMse))}), training MSE ${fmt(fit.trainMse, 4)}.`;
}

/** Clamps λ into the slider's range. */
export const clampLambda = (v: number) => Math.min(LAMBDA_MAX, Math.max(LAMBDA_MIN, Number.isFinite(v) ? v : DEFAULT_STATE.lambda));
