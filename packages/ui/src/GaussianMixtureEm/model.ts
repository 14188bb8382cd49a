import { GaussianMixture, makeBlobs, ValidationError, type CovarianceType } from '@geolearn/algorithms';
import { fieldCheck, type FieldChecks } from '../hooks/useControllableState';
import type { ExplainerState } from '../kit/Explainer';

/**
 * The Gaussian-mixture EM stepper's model: the runs of `GaussianMixture.fitSteps`, each
 * sample's responsibilities γᵢₖ under the parameters shown, and the 1σ / 2σ ellipses of
 * each covariance. Pure functions of plain JSON, no React.
 */

/** A point (x₁, x₂). */
export type Pt = [number, number];

/** The data sets of the chooser. */
export type GmmDatasetName = 'anisotropic' | 'varied' | 'overlap' | 'identical';

/** Each data set's label and natural k. */
export const GMM_DATASETS: Record<GmmDatasetName, { label: string; k: number }> = {
  anisotropic: { label: 'Stretched blobs', k: 3 },
  varied: { label: 'Unequal variance', k: 3 },
  overlap: { label: 'Two overlapping blobs', k: 2 },
  identical: { label: 'Identical points', k: 2 },
};

/** The covariance types, as scikit-learn's covariance_type. */
export const COVARIANCE_TYPES: CovarianceType[] = ['full', 'tied', 'diag', 'spherical'];

/** How the means start: k random samples, or one k-means run. */
export type GmmInit = 'random' | 'kmeans';

/** The explainer's state: plain JSON. */
export interface GaussianMixtureEmState {
  /** The data set. */
  dataset: GmmDatasetName;
  /** k, the number of Gaussian components (1 … 6). */
  k: number;
  /** The covariance type. */
  covarianceType: CovarianceType;
  /** How the means start: k random samples ('random', default) or one k-means run ('kmeans', scikit-learn's default). */
  init: GmmInit;
  /** Seed of the initialisation (Re-initialise adds one). */
  initSeed: number;
  /** How many EM iterations are shown (0: the initial parameters). */
  step: number;
}

/** The state of an untouched explainer. */
export const DEFAULT_STATE: GaussianMixtureEmState = { dataset: 'anisotropic', k: 3, covarianceType: 'full', init: 'random', initSeed: 0, step: 0 };

/** How a `defaultValue` is checked field by field (k up to 1000, so that k > n can be shown). */
export const STATE_CHECKS: FieldChecks<GaussianMixtureEmState> = {
  dataset: fieldCheck.oneOf<GmmDatasetName>('anisotropic', 'varied', 'overlap', 'identical'),
  k: fieldCheck.integer(1, 1000),
  covarianceType: fieldCheck.oneOf<CovarianceType>(...COVARIANCE_TYPES),
  init: fieldCheck.oneOf<GmmInit>('random', 'kmeans'),
  initSeed: fieldCheck.integer(0, 2 ** 31),
  step: fieldCheck.integer(0, 1e5),
};

/** The points of a data set (n samples, seeded). */
export function makeGmmData(name: GmmDatasetName, n: number, seed: number): Pt[] {
  if (name === 'identical') return Array.from({ length: Math.max(1, Math.min(n, 30)) }, () => [1, 1]);
  const opts = {
    anisotropic: { centers: [[-13.5, -12.75], [0, 0], [13.5, 12.75]], clusterStd: 1.5, transformation: [[0.6, -0.6], [-0.4, 0.8]] },
    varied: { centers: [[-6, -3], [0, 5], [5, -3]], clusterStd: [1, 2.5, 0.5] },
    overlap: { centers: [[-1.2, 0], [1.2, 0.6]], clusterStd: [1.1, 0.8] },
  }[name];
  return makeBlobs({ nSamples: n, randomState: seed, ...opts }).X.map((r) => [r[0], r[1]]);
}

/** One EM snapshot, copied out of the generator. */
export interface EmStep {
  iteration: number;
  means: Pt[];
  /** 2×2 covariances [[a, b], [b, c]]. */
  covariances: [[number, number], [number, number]][];
  weights: number[];
  /** Mean log-likelihood (1/n) Σ log p(xᵢ) of the E-step of this iteration (null at iteration 0). */
  lowerBound: number | null;
  /** True on the last iteration (converged, or stopped at the iteration limit). */
  converged: boolean;
  /** True when the run stopped at maxIter with the log-likelihood still gaining ≥ 10⁻³. */
  limit?: boolean;
}

/** An EM run or why it cannot run. */
export interface EmRun {
  steps: EmStep[];
  error: string | null;
}

/** Why these points cannot be fitted with k components, or null. */
export function dataProblem(X: readonly Pt[], k: number): string | null {
  if (X.length === 0) return 'There are no points to fit.';
  if (k > X.length) return `k = ${k} is more than the ${X.length} points: some components would have no sample. Choose k ≤ ${X.length}.`;
  const distinct = new Set(X.map((p) => `${p[0]},${p[1]}`)).size;
  if (distinct === 1) return `All ${X.length} points are identical: every covariance collapses to regCovar·I (a spike), and the likelihood is meaningless.`;
  return null;
}

/** EM from k random samples as means or from one k-means run (one run, seeded): every snapshot of `GaussianMixture.fitSteps`. */
export function runEm(X: readonly Pt[], k: number, covarianceType: CovarianceType, seed: number, init: GmmInit = 'random', maxIter = 100): EmRun {
  const problem = dataProblem(X, k);
  if (problem && !/identical/.test(problem)) return { steps: [], error: problem };
  try {
    const steps: EmStep[] = [];
    for (const s of new GaussianMixture({ nComponents: k, covarianceType, randomState: seed, maxIter, initParams: init }).fitSteps(X as Pt[])) {
      steps.push({
        iteration: s.iteration,
        means: s.means.map((m) => [m[0], m[1]]),
        covariances: s.covariances.map((c) => [[c[0][0], c[0][1]], [c[1][0], c[1][1]]]),
        weights: [...s.weights],
        lowerBound: s.lowerBound,
        converged: s.converged,
      });
    }
    const last = steps.at(-1);
    const prev = steps.at(-2)?.lowerBound;
    if (last && last.iteration === maxIter && last.lowerBound !== null && (prev === null || prev === undefined || Math.abs(last.lowerBound - prev) >= 1e-3)) last.limit = true;
    return { steps, error: null };
  } catch (e) {
    if (e instanceof ValidationError) return { steps: [], error: e.message };
    throw e;
  }
}

/** log 𝒩(x | μ, Σ) of a 2-D Gaussian. */
export function logGauss(x: Pt, mu: Pt, cov: EmStep['covariances'][number]): number {
  const [[a, b], [, c]] = cov;
  const det = a * c - b * b;
  const dx = x[0] - mu[0];
  const dy = x[1] - mu[1];
  // (x−μ)ᵀ Σ⁻¹ (x−μ) with Σ⁻¹ = [[c, −b], [−b, a]] / det.
  const q = (c * dx * dx - 2 * b * dx * dy + a * dy * dy) / det;
  return -Math.log(2 * Math.PI) - 0.5 * Math.log(det) - 0.5 * q;
}

/**
 * The responsibilities γᵢₖ = πₖ 𝒩(xᵢ|μₖ,Σₖ) / Σⱼ πⱼ 𝒩(xᵢ|μⱼ,Σⱼ) of every sample under the
 * parameters of one step (computed with log-sum-exp, so far-away samples do not underflow).
 */
export function responsibilities(X: readonly Pt[], s: EmStep): number[][] {
  return X.map((x) => {
    const l = s.means.map((mu, k) => Math.log(s.weights[k]) + logGauss(x, mu, s.covariances[k]));
    const m = Math.max(...l);
    const e = l.map((v) => Math.exp(v - m));
    const z = e.reduce((u, v) => u + v, 0);
    return e.map((v) => v / z);
  });
}

/**
 * The ellipse {x : (x−μ)ᵀ Σ⁻¹ (x−μ) = s²} of a 2×2 covariance: half-axes s√λ₁, s√λ₂ along the
 * eigenvectors, the first at `angle` radians from the x₁ axis.
 */
export function ellipse(cov: EmStep['covariances'][number], s = 1): { rx: number; ry: number; angle: number } {
  const [[a, b], [, c]] = cov;
  const mean = (a + c) / 2;
  const r = Math.hypot((a - c) / 2, b);
  const l1 = mean + r;
  const l2 = Math.max(0, mean - r);
  const angle = 0.5 * Math.atan2(2 * b, a - c);
  return { rx: s * Math.sqrt(l1), ry: s * Math.sqrt(l2), angle };
}

/** The status line. */
export function statusText(run: EmRun, shown: EmStep | undefined, problem: string | null): string {
  if (run.error) return run.error;
  if (!shown) return problem ?? 'No step to show.';
  const prefix = problem ? `${problem} ` : '';
  const ll = shown.lowerBound === null ? '' : ` · mean log-likelihood ${shown.lowerBound.toFixed(4)}`;
  if (shown.iteration === 0) return `${prefix}Initialised: k = ${shown.means.length} components, each with the covariance of the samples nearest its mean. Press Step for an E-step and an M-step.`;
  if (shown.limit) return `${prefix}Stopped at the iteration limit (${shown.iteration}) without converging: the log-likelihood still gains ≥ 10⁻³ per iteration${ll}.`;
  if (shown.converged) return `${prefix}Converged after ${shown.iteration} EM iteration${shown.iteration === 1 ? '' : 's'}: the log-likelihood gained less than 10⁻³${ll}.`;
  return `${prefix}Iteration ${shown.iteration}: E-step (responsibilities γᵢₖ), then M-step (πₖ, μₖ, Σₖ)${ll}.`;
}

/** The frame's `data-state`. */
export function frameState(run: EmRun, step: number, playing: boolean, done: boolean): ExplainerState {
  if (run.error) return 'error';
  if (playing) return 'playing';
  if (done) return 'done';
  return step > 0 ? 'paused' : 'idle';
}

/** Margins of the plot. */
export const MARGIN = { top: 10, right: 10, bottom: 40, left: 44 } as const;
