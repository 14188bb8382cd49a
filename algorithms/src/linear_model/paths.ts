import { ValidationError } from '../core/errors';
import type { MatrixLike, VectorLike } from '../core/matrix';
import { checkScalar, checkXy } from '../core/validation';
import { ElasticNet } from './ElasticNet';
import { Ridge } from './Ridge';
import { centerData } from './_shared';

/** Options of {@link enetPath} and {@link lassoPath}. */
export interface PathOptions {
  /** The penalty strengths α to fit, any order (returned as given). Default: a log grid from α_max down to eps·α_max. */
  alphas?: readonly number[];
  /** How many α of the default grid. Default 100, as scikit-learn. */
  nAlphas?: number;
  /** Ratio α_min / α_max of the default grid. Default 1e-3, as scikit-learn. */
  eps?: number;
  /** The L1 share ρ ∈ [0, 1] (enetPath only; lassoPath is ρ = 1). ρ = 0 is ridge, solved in closed form. Default 0.5. */
  l1Ratio?: number;
  /** Fit an intercept (never penalised). Default true. */
  fitIntercept?: boolean;
  /** Coordinate-descent stopping tolerance, as {@link ElasticNet}'s. Default 1e-4. */
  tol?: number;
  /** Most coordinate-descent passes per α. Default 1000. */
  maxIter?: number;
}

/** One regularisation path: the fitted coefficients at each α. */
export interface RegularizationPath {
  /** The α values, in the order fitted. */
  alphas: number[];
  /** coefs[k][j] = θⱼ at alphas[k]. */
  coefs: number[][];
  /** The intercept b at each α. */
  intercepts: number[];
  /** Coordinate-descent passes at each α (0 for the closed-form ridge). */
  nIters: number[];
}

/**
 * The largest useful α: above α_max = max_j |X̃ⱼ·ỹ| / (n ρ) every coefficient of the
 * (elastic-net) lasso is exactly 0, as in scikit-learn's `_alpha_grid`.
 */
export function alphaMax(X: MatrixLike, y: VectorLike, l1Ratio = 1, fitIntercept = true): number {
  checkScalar(l1Ratio, 'l1Ratio', { min: 0, max: 1, exclusiveMin: true });
  const { X: A, y: b } = checkXy(X, y);
  const { Xc, yc } = centerData(A, b, fitIntercept);
  let best = 0;
  for (let j = 0; j < Xc.cols; j++) {
    let s = 0;
    for (let i = 0; i < Xc.rows; i++) s += Xc.data[i * Xc.cols + j] * yc[i];
    best = Math.max(best, Math.abs(s));
  }
  return best / (Xc.rows * l1Ratio);
}

/**
 * The elastic-net path, as scikit-learn's `enet_path`: for each α it fits
 *   (1/(2n)) ‖y − Xθ − b‖² + αρ ‖θ‖₁ + ½ α(1 − ρ) ‖θ‖²
 * with {@link ElasticNet} (ρ > 0), or with {@link Ridge} at alpha = n·α when ρ = 0 (the same
 * objective: Ridge minimises the sum ‖y − Xθ − b‖² + alpha‖θ‖², i.e. 2n times it).
 * Each α is fitted from θ = 0 (no warm start): the optimum is the same, only slower to reach.
 */
export function enetPath(X: MatrixLike, y: VectorLike, options: PathOptions = {}): RegularizationPath {
  const { fitIntercept = true, tol = 1e-4, maxIter = 1000, l1Ratio = 0.5 } = options;
  checkScalar(l1Ratio, 'l1Ratio', { min: 0, max: 1 });
  const { X: A, y: b } = checkXy(X, y);
  const alphas = options.alphas ? [...options.alphas] : defaultGrid(A, b, l1Ratio, fitIntercept, options);
  if (alphas.length === 0) throw new ValidationError('alphas', 'empty', 'must hold at least one α');
  alphas.forEach((a, k) => checkScalar(a, `alphas[${k}]`, { min: 0 }));
  const out: RegularizationPath = { alphas, coefs: [], intercepts: [], nIters: [] };
  for (const alpha of alphas) {
    if (l1Ratio === 0) {
      const m = new Ridge({ alpha: A.rows * alpha, fitIntercept }).fit(A, b);
      out.coefs.push([...m.coef]);
      out.intercepts.push(m.intercept);
      out.nIters.push(0);
    } else {
      const m = new ElasticNet({ alpha, l1Ratio, fitIntercept, tol, maxIter }).fit(A, b);
      out.coefs.push([...m.coef]);
      out.intercepts.push(m.intercept);
      out.nIters.push(m.nIter);
    }
  }
  return out;
}

/** The lasso path, as scikit-learn's `lasso_path`: {@link enetPath} with ρ = 1, (1/(2n))‖y − Xθ − b‖² + α‖θ‖₁. */
export function lassoPath(X: MatrixLike, y: VectorLike, options: Omit<PathOptions, 'l1Ratio'> = {}): RegularizationPath {
  return enetPath(X, y, { ...options, l1Ratio: 1 });
}

/** scikit-learn's default grid: nAlphas values log-spaced from α_max down to eps·α_max. */
function defaultGrid(A: MatrixLike, b: VectorLike, l1Ratio: number, fitIntercept: boolean, o: PathOptions): number[] {
  const nAlphas = checkScalar(o.nAlphas ?? 100, 'nAlphas', { min: 1, max: 10000, integer: true });
  const eps = checkScalar(o.eps ?? 1e-3, 'eps', { min: 0, max: 1, exclusiveMin: true });
  if (l1Ratio === 0) throw new ValidationError('alphas', 'missing-value', 'must be given for l1Ratio = 0 (no α_max for ridge)');
  const top = alphaMax(A, b, l1Ratio, fitIntercept);
  if (top === 0) return Array.from({ length: nAlphas }, () => Number.EPSILON);
  const lo = Math.log10(top * eps);
  const hi = Math.log10(top);
  return Array.from({ length: nAlphas }, (_, k) => 10 ** (nAlphas === 1 ? hi : hi + ((lo - hi) * k) / (nAlphas - 1)));
}
