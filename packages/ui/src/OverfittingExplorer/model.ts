import {
  PolynomialFeatures,
  RandomState,
  Ridge,
  trainTestSplit,
  type MatrixLike,
  type SupervisedEstimator,
  type VectorLike,
} from '@geolearn/algorithms';
import { formatNumber } from '../common/LineChart';
import { fieldCheck, type FieldChecks } from '../hooks/useControllableState';

/**
 * The overfitting explorer's model: the data, the polynomial ridge estimator, the state,
 * the verdict and the layout. Pure, no React.
 */

/** The explainer's state: plain JSON, so it can live in a permalink. */
export interface OverfittingExplorerState {
  /** Degree of the polynomial f_θ(x) = θ₀ + θ₁x + … + θ_d x^d: the model's complexity. */
  degree: number;
  /** Ridge strength λ ≥ 0 in 𝓛_R = 𝓛 + λ‖w‖² (w = θ₁ … θ_d: the intercept θ₀ is not penalised). */
  lambda: number;
}

/** How a `defaultValue` is checked field by field. */
export const STATE_CHECKS: FieldChecks<OverfittingExplorerState> = {
  degree: fieldCheck.integer(1, 100),
  lambda: fieldCheck.number(0, 1e6),
};

/** The default state: a cubic without penalty. */
export const DEFAULT_STATE: OverfittingExplorerState = { degree: 3, lambda: 0 };

/** The slides' split: 80 % to train, 20 % held out to test. */
export const DEFAULT_TEST_SIZE = 0.2;

/** The λ slider's left end, which means λ = 0. */
export const LAMBDA_MIN = 1e-7;
/** The λ slider's right end. */
export const LAMBDA_MAX = 10;

/**
 * Polynomial ridge regression with the slides' scaling: 𝓛_R = (1/m) Σ (f_θ(xᵢ) − yᵢ)² + λ‖w‖²
 * on m training samples, where w = (θ₁ … θ_d) are the weights of the powers of x. That is
 * Ridge's ‖y − Xw − θ₀‖² + α‖w‖² with α = mλ; the intercept θ₀ is not penalised.
 */
export class PolynomialRidge implements SupervisedEstimator {
  poly: PolynomialFeatures;
  ridge: Ridge | null = null;
  constructor(
    readonly degree: number,
    readonly lambda: number,
  ) {
    this.poly = new PolynomialFeatures({ degree, includeBias: false });
  }
  fit(X: MatrixLike, y: VectorLike) {
    const F = this.poly.fitTransform(X);
    this.ridge = new Ridge({ alpha: this.lambda * y.length }).fit(F, y);
    return this;
  }
  predict(X: MatrixLike): number[] {
    return this.ridge!.predict(this.poly.transform(X));
  }
  /** The penalty λ‖w‖² over the weights only (not the intercept). */
  penalty(): number {
    return this.lambda * Array.from(this.ridge!.coef as ArrayLike<number>).reduce((s, t) => s + t * t, 0);
  }
}

/** The seeded dataset of the explainer: y = sin(πx) + ε on x ∈ [−1, 1], split 80/20 into train and test. */
export function overfittingData(seed: number, nSamples = 40, noise = 0.3, testSize = DEFAULT_TEST_SIZE) {
  const rng = new RandomState(seed);
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < nSamples; i++) {
    const xi = rng.uniform(-1, 1);
    x.push(xi);
    y.push(Math.sin(Math.PI * xi) + rng.normal(0, noise));
  }
  return trainTestSplit(
    x.map((v) => [v]),
    y,
    { testSize, randomState: seed },
  );
}

/** The mean squared error of a fitted model on (X, y). */
export function mse(model: PolynomialRidge, X: number[][], y: number[]): number {
  const p = model.predict(X);
  return y.reduce((s, v, i) => s + (v - p[i]) ** 2, 0) / y.length;
}

/** The training-set sizes of the learning curve: from 3, ×1.35 each, to all of them. */
export function learningSizes(nTrain: number): number[] {
  const out: number[] = [];
  for (let m = 3; m < nTrain; m = Math.ceil(m * 1.35)) out.push(m);
  out.push(nTrain);
  return out;
}

/** A number for display, with the minus sign "−". */
export const fmt = (v: number) => formatNumber(v).replace(/-/g, '−');

/** A number inside TeX: 3 significant digits, powers of ten written as × 10^{k}. */
export function texNum(v: number): string {
  const [m, e] = formatNumber(v).split('e');
  return e === undefined ? m : String.raw`${m}	imes 10^{${Number(e)}}`;
}

/** λ in words. */
export const lambdaText = (lambda: number) => (lambda > 0 ? `λ = ${fmt(lambda)}` : 'λ = 0 (no penalty)');

/** The λ slider's value → λ (its left end is 0). */
export const lambdaFromSlider = (v: number) => (v <= LAMBDA_MIN ? 0 : v);

/** Overfitting, underfitting or a good fit, from the two errors. */
export function verdict(degree: number, trainError: number, testError: number): string {
  if (testError > 2 * trainError && degree > 3) return 'overfitting: the test error is far above the training error';
  if (degree <= 2) return 'underfitting: too simple for the data';
  return 'a good fit';
}

/** The status line. */
export function statusText(degree: number, lambda: number, trainError: number, testError: number): string {
  return `Degree ${degree}, ${lambdaText(lambda)}: training MSE ${fmt(trainError)}, test MSE ${fmt(testError)} (${verdict(degree, trainError, testError)}).`;
}

/** Each of the three panels' size: side by side from 640 px, stacked below. */
export function panelSizes(width: number, height: number, avail: number, compact: boolean): { width: number; height: number } {
  const w = Math.max(160, Math.min(width, avail));
  if (compact) return { width: w, height: Math.max(180, Math.min(height, Math.round(w * 0.75))) };
  return { width: Math.floor((w - 2 * 12) / 3), height };
}
