import { BaseEstimator, readEstimatorJSON } from '../core/base';
import { ValidationError } from '../core/errors';
import { jsonError, readBoolean, readFiniteArray, readInt, readNumber } from '../core/json';
import type { MatrixLike } from '../core/matrix';
import type { ParamSpecs } from '../core/params';
import { checkRandomState, type RandomStateLike } from '../core/random';
import { checkArray, checkFeatureCount, checkFiniteResult, checkSize, LIMITS } from '../core/validation';
import { checkCount, checkSpread, frozenMatrix, lazyLabels, readWarnings } from './_common';
import { kmeansLabels, randomInit } from './_kmeans';
import { runToEnd } from '../core/steps';

/** The shape of the covariance matrices, as scikit-learn's covariance_type. */
export type CovarianceType = 'full' | 'tied' | 'diag' | 'spherical';

/** Options of {@link GaussianMixture}, as scikit-learn's. */
export interface GaussianMixtureOptions {
  /** Number of Gaussian components k. Default 1. */
  nComponents?: number;
  /**
   * 'full' (default): each component its own covariance matrix; 'tied': one shared matrix;
   * 'diag': each its own diagonal matrix; 'spherical': each its own single variance σ²I.
   */
  covarianceType?: CovarianceType;
  /** Stop when the mean log-likelihood gains less than tol in an EM iteration. Default 1e-3. */
  tol?: number;
  /**
   * Added to the diagonal of every covariance matrix, so that it stays positive definite even
   * for a component sitting on a single point or a line (a singular covariance). Default 1e-6.
   */
  regCovar?: number;
  /** Most EM iterations per initialisation. Default 100. */
  maxIter?: number;
  /** Initialisations tried; the one with the highest final lower bound is kept. Default 1. */
  nInit?: number;
  /** 'kmeans' (default, as scikit-learn: responsibilities from one k-means run) or 'random' (k samples as means, like 'random_from_data'). */
  initParams?: 'kmeans' | 'random';
  /** Seed or generator. Default undefined (seed 0). */
  randomState?: RandomStateLike;
}

/** A fitted {@link GaussianMixture} as plain JSON (means k·d and covariances k·d·d flattened row-major). */
export interface GaussianMixtureJSON {
  estimator: 'GaussianMixture';
  options: Omit<GaussianMixtureOptions, 'randomState'> & { randomState?: number };
  weights: number[];
  means: number[];
  cov: number[];
  k: number;
  d: number;
  converged: boolean;
  nIter: number;
  lowerBound: number;
  warnings: string[];
}

/** One EM iteration, for a stepper. */
export interface GaussianMixtureStep {
  /** Which initialisation, from 0. */
  readonly run: number;
  /** EM iteration, from 1 (0: the initial parameters). */
  readonly iteration: number;
  /** Component means after this iteration's M-step (k rows). */
  readonly means: readonly (readonly number[])[];
  /** Every component's full d×d covariance (expanded from tied/diag/spherical), for drawing ellipses. */
  readonly covariances: readonly (readonly (readonly number[])[])[];
  /** Mixing weights πₖ. */
  readonly weights: readonly number[];
  /** Most likely component of each sample from this iteration's E-step (null at iteration 0). */
  readonly labels: readonly number[] | null;
  /** Mean log-likelihood (1/n) Σ log p(xᵢ) computed in this iteration's E-step (null at iteration 0). */
  readonly lowerBound: number | null;
  /** True on the last iteration of a run. */
  readonly converged: boolean;
}

interface Params {
  weights: Float64Array; // k
  means: Float64Array; // k×d
  cov: Float64Array; // k×d×d (full, expanded for every type)
  chol: Float64Array; // k×d×d lower Cholesky factors of cov
  logDet: Float64Array; // k, log det Σₖ
}

interface State {
  p: Params;
  k: number;
  d: number;
  converged: boolean;
  nIter: number;
  lowerBound: number;
  /** What went wrong without stopping the fit (no convergence within maxIter, …). */
  warnings: string[];
}

const LOG_2PI = Math.log(2 * Math.PI);

/**
 * A mixture of k Gaussians p(x) = Σₖ πₖ 𝒩(x | μₖ, Σₖ), fitted by expectation–maximisation:
 * the E-step computes each sample's responsibilities γᵢₖ = πₖ𝒩(xᵢ|μₖ,Σₖ) / p(xᵢ); the M-step
 * sets Nₖ = Σᵢ γᵢₖ, πₖ = Nₖ/n, μₖ = Σᵢ γᵢₖ xᵢ / Nₖ and Σₖ = Σᵢ γᵢₖ (xᵢ−μₖ)(xᵢ−μₖ)ᵀ / Nₖ + regCovar·I.
 * Each iteration cannot lower the likelihood; it stops when the mean log-likelihood changes by
 * less than tol. As scikit-learn, the initial responsibilities come from k-means.
 *
 * Limits: k covariances of d×d, k·d² ≤ 2²⁶, and n·k ≤ 2²⁶ responsibilities ('too-large' beyond).
 * EM that stops on maxIter says so in `converged` and `warnings`.
 */
export class GaussianMixture extends BaseEstimator<GaussianMixtureOptions, State> {
  static override readonly estimatorName = 'GaussianMixture';
  /** The declared options (read by UIs for controls and by permalink decoders). */
  static override readonly paramSpec: ParamSpecs = {
    nComponents: { type: 'integer', default: 1, min: 1, max: 1e6, uiRange: [1, 10], doc: 'Number of Gaussian components k (at most the number of samples).' },
    covarianceType: {
      type: 'enum',
      values: ['full', 'tied', 'diag', 'spherical'],
      default: 'full',
      doc: "'full': each component its own covariance; 'tied': one shared; 'diag': diagonal; 'spherical': one variance σ²I each.",
    },
    tol: { type: 'number', default: 1e-3, min: 0, log: true, uiRange: [1e-8, 1], doc: 'Stop when the mean log-likelihood gains less than tol in an EM iteration.' },
    regCovar: { type: 'number', default: 1e-6, min: 0, log: true, uiRange: [1e-9, 1], doc: 'Added to the diagonal of every covariance so that it stays positive definite.' },
    maxIter: { type: 'integer', default: 100, min: 1, max: 1e6, log: true, uiRange: [1, 1000], doc: 'Most EM iterations per initialisation.' },
    nInit: { type: 'integer', default: 1, min: 1, max: 1000, uiRange: [1, 20], doc: 'Initialisations tried; the highest final lower bound is kept.' },
    initParams: { type: 'enum', values: ['kmeans', 'random'], default: 'kmeans', doc: "'kmeans' (responsibilities from one k-means run) or 'random' (k samples as means)." },
    randomState: { type: 'randomState', default: undefined, doc: 'Seed or generator (undefined: seed 0).' },
  };

  /** Fits the mixture by EM and returns this estimator. */
  fit(X: MatrixLike): this {
    runToEnd(this.fitSteps(X));
    return this;
  }

  /** Fits and returns the most likely component of each sample. */
  fitPredict(X: MatrixLike): number[] {
    return this.fit(X).predict(X);
  }

  /** The EM iterations as frozen snapshots (iteration 0 is the initialisation of each run). */
  *fitSteps(X: MatrixLike): Generator<GaussianMixtureStep, void, undefined> {
    const M = checkArray(X);
    const { rows: n, cols: d, data: A } = M;
    const o = this.options;
    const k = checkCount(o.nComponents, n, 'nComponents');
    const type = o.covarianceType;
    const { tol, maxIter, nInit } = o;
    const reg = o.regCovar;
    // k covariances of d×d and n×k responsibilities.
    checkSize('nComponents', k * d * d, LIMITS.maxElements, 'covariance entries (nComponents × nFeatures²)');
    checkSize('nComponents', n * k, LIMITS.maxElements, 'responsibilities (nSamples × nComponents)');
    const rng = checkRandomState(o.randomState);
    // Features of order 1e154 overflow the covariances: say so rather than blame regCovar.
    checkSpread(A, n, d, 'GaussianMixture');

    const resp = new Float64Array(n * k);
    const logProb = new Float64Array(n);
    let best: State | null = null;
    const snap = (run: number, iteration: number, p: Params, labels: Int32Array | null, lowerBound: number | null, converged: boolean): GaussianMixtureStep => {
      const get = lazyLabels(labels);
      return Object.freeze({
        run,
        iteration,
        means: frozenMatrix(p.means, k, d),
        covariances: Object.freeze(Array.from({ length: k }, (_, c) => frozenMatrix(p.cov, d, d, c * d * d))),
        weights: Object.freeze(Array.from(p.weights)),
        get labels() {
          return get();
        },
        lowerBound,
        converged,
      });
    };

    for (let run = 0; run < nInit; run++) {
      // Initial responsibilities: one-hot k-means labels (or nearest of k random samples).
      resp.fill(0);
      let lab: Int32Array;
      if (o.initParams === 'kmeans') lab = kmeansLabels(A, n, d, k, 1, rng).labels;
      else {
        const C = randomInit(A, n, d, k, rng);
        lab = new Int32Array(n);
        for (let i = 0; i < n; i++) {
          let bestD = Infinity;
          for (let c = 0; c < k; c++) {
            let s = 0;
            for (let j = 0; j < d; j++) s += (A[i * d + j] - C[c * d + j]) ** 2;
            if (s < bestD) {
              bestD = s;
              lab[i] = c;
            }
          }
        }
      }
      for (let i = 0; i < n; i++) resp[i * k + lab[i]] = 1;
      let p = mStep(A, n, d, k, resp, type, reg);
      yield snap(run, 0, p, null, null, false);
      let lower = -Infinity;
      let converged = false;
      let iter = 0;
      for (iter = 1; iter <= maxIter; iter++) {
        const prev = lower;
        // E-step: log γᵢₖ = log πₖ + log 𝒩(xᵢ | μₖ, Σₖ) − log p(xᵢ).
        lower = eStep(A, n, d, k, p, resp, logProb);
        for (let q = 0; q < n * k; q++) resp[q] = Math.exp(resp[q]);
        const labels = argmaxRows(resp, n, k);
        // M-step.
        p = mStep(A, n, d, k, resp, type, reg);
        converged = Math.abs(lower - prev) < tol;
        yield snap(run, iter, p, labels, lower, converged || iter === maxIter);
        if (converged) break;
      }
      if (!best || lower > best.lowerBound) best = { p, k, d, converged, nIter: Math.min(iter, maxIter), lowerBound: lower, warnings: [] };
    }
    const b = best!;
    checkFiniteResult(b.lowerBound, 'GaussianMixture log-likelihood');
    checkFiniteResult(b.p.means, 'GaussianMixture means');
    if (!b.converged) {
      // As scikit-learn's ConvergenceWarning.
      b.warnings = [`EM did not converge in maxIter = ${maxIter} iterations (last change of the mean log-likelihood ≥ tol = ${tol}); try a larger maxIter or tol, or check the data.`];
    }
    this.fitted = b;
  }

  /** Component means μₖ (k × d). */
  get means(): number[][] {
    const m = this.model;
    return frozenMatrix(m.p.means, m.k, m.d) as number[][];
  }
  /** Mixing weights πₖ (sum to 1). */
  get weights(): number[] {
    return Array.from(this.model.p.weights);
  }
  /**
   * The covariances in scikit-learn's shape for the covariance type: 'full' k×d×d, 'tied' d×d,
   * 'diag' k×d (the variances), 'spherical' k (one variance each).
   */
  get covariances(): number[][][] | number[][] | number[] {
    const { p, k, d } = this.model;
    const full = (c: number) => Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, b) => p.cov[c * d * d + a * d + b]));
    switch (this.options.covarianceType) {
      case 'full':
        return Array.from({ length: k }, (_, c) => full(c));
      case 'tied':
        return full(0);
      case 'diag':
        return Array.from({ length: k }, (_, c) => Array.from({ length: d }, (_, a) => p.cov[c * d * d + a * d + a]));
      default:
        return Array.from({ length: k }, (_, c) => p.cov[c * d * d]);
    }
  }
  /** Every component's covariance as a full d×d matrix, whatever the type (for drawing ellipses). */
  get fullCovariances(): number[][][] {
    const { p, k, d } = this.model;
    return Array.from({ length: k }, (_, c) => Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, b) => p.cov[c * d * d + a * d + b])));
  }
  /** Warnings of the fit (EM not converged within maxIter). */
  get warnings(): string[] {
    return this.model.warnings;
  }
  /** Number of features seen in fit. */
  get nFeaturesIn(): number {
    return this.model.d;
  }
  /** Whether EM stopped on the tolerance (else on maxIter). */
  get converged(): boolean {
    return this.model.converged;
  }
  /** EM iterations of the best run. */
  get nIter(): number {
    return this.model.nIter;
  }
  /** The mean log-likelihood at the last E-step of the best run. */
  get lowerBound(): number {
    return this.model.lowerBound;
  }

  private logResp(X: MatrixLike): { resp: Float64Array; logProb: Float64Array; n: number } {
    const { p, k, d } = this.model;
    const A = checkArray(X);
    checkFeatureCount(A, d);
    const resp = new Float64Array(A.rows * k);
    const logProb = new Float64Array(A.rows);
    eStep(A.data, A.rows, d, k, p, resp, logProb);
    // Samples ~1e154 from every mean give ∞ − ∞ in the log-sum-exp: report, never return NaN.
    checkFiniteResult(logProb, 'GaussianMixture log-likelihood of X');
    return { resp, logProb, n: A.rows };
  }

  /** Responsibilities γᵢₖ = P(component k | xᵢ), n × k. */
  predictProba(X: MatrixLike): number[][] {
    const { resp, n } = this.logResp(X);
    const k = this.model.k;
    return Array.from({ length: n }, (_, i) => Array.from({ length: k }, (_, c) => Math.exp(resp[i * k + c])));
  }
  /** The most likely component of each sample. */
  predict(X: MatrixLike): number[] {
    const { resp, n } = this.logResp(X);
    return Array.from(argmaxRows(resp, n, this.model.k));
  }
  /** log p(xᵢ) for each sample. */
  scoreSamples(X: MatrixLike): number[] {
    return Array.from(this.logResp(X).logProb);
  }
  /** The mean log-likelihood (1/n) Σ log p(xᵢ), as scikit-learn's score. */
  score(X: MatrixLike): number {
    const lp = this.logResp(X).logProb;
    let s = 0;
    for (const v of lp) s += v;
    return s / lp.length;
  }
  /** Number of free parameters of the model. */
  private nParameters(): number {
    const { k, d } = this.model;
    const cov = { full: (k * d * (d + 1)) / 2, tied: (d * (d + 1)) / 2, diag: k * d, spherical: k }[this.options.covarianceType];
    return cov + k * d + k - 1;
  }
  /** Bayesian information criterion −2 log L + p log n (lower is better). */
  bic(X: MatrixLike): number {
    const n = this.logResp(X).n;
    return -2 * this.score(X) * n + this.nParameters() * Math.log(n);
  }
  /** Akaike information criterion −2 log L + 2p (lower is better). */
  aic(X: MatrixLike): number {
    const n = this.logResp(X).n;
    return -2 * this.score(X) * n + 2 * this.nParameters();
  }

  /** The fitted model as plain JSON. */
  toJSON(): GaussianMixtureJSON {
    const { p, k, d, converged, nIter, lowerBound, warnings } = this.model;
    return {
      ...this.jsonHeader(),
      estimator: 'GaussianMixture',
      weights: Array.from(p.weights),
      means: Array.from(p.means),
      cov: Array.from(p.cov),
      k,
      d,
      converged,
      nIter,
      lowerBound,
      warnings: [...warnings],
    };
  }

  /**
   * Rebuilds a fitted model from {@link toJSON}'s output, validating every field: k =
   * nComponents, weights in (0, 1] summing to 1, finite means, symmetric positive-definite
   * covariances of the declared type.
   */
  static fromJSON(json: unknown): GaussianMixture {
    const { doc, model: g } = readEstimatorJSON(json, GaussianMixture);
    const k = readInt(doc.k, 'json.k', 1, 1e6);
    if (k !== g.options.nComponents) throw jsonError('json.k', 'shape-mismatch', `is ${k} but options.nComponents is ${g.options.nComponents}`);
    const d = readInt(doc.d, 'json.d', 1, LIMITS.maxFeatures);
    if (k * d * d > LIMITS.maxJsonArray) throw jsonError('json.d', 'too-large', `gives ${k}×${d}×${d} covariance entries; at most ${LIMITS.maxJsonArray}`);
    const weights = readFiniteArray(doc.weights, 'json.weights', k, { min: 0, exclusiveMin: true, max: 1 });
    const wsum = weights.reduce((a, b) => a + b, 0);
    if (!(Math.abs(wsum - 1) <= 1e-6)) throw jsonError('json.weights', 'out-of-range', `sum to ${wsum}; mixing weights must sum to 1`);
    const means = readFiniteArray(doc.means, 'json.means', k * d);
    const cov = Float64Array.from(readFiniteArray(doc.cov, 'json.cov', k * d * d));
    checkCovariances(cov, k, d, g.options.covarianceType);
    let factors: { chol: Float64Array; logDet: Float64Array };
    try {
      factors = factorAll(cov, k, d);
    } catch (e) {
      if (e instanceof ValidationError) throw jsonError('json.cov', 'out-of-range', 'is not positive definite (a covariance matrix must be)');
      throw e;
    }
    if (!factors.logDet.every(Number.isFinite)) throw jsonError('json.cov', 'out-of-range', 'has a determinant that over- or underflows');
    g.fitted = {
      p: { weights: Float64Array.from(weights), means: Float64Array.from(means), cov, chol: factors.chol, logDet: factors.logDet },
      k,
      d,
      converged: readBoolean(doc.converged, 'json.converged'),
      nIter: readInt(doc.nIter, 'json.nIter'),
      lowerBound: readNumber(doc.lowerBound, 'json.lowerBound'),
      warnings: readWarnings(doc.warnings, 'json.warnings'),
    };
    return g;
  }
}

/** Checks JSON covariances: each symmetric, and of the shape its type implies (diagonal, shared, σ²I). */
function checkCovariances(cov: Float64Array, k: number, d: number, type: CovarianceType): void {
  for (let c = 0; c < k; c++) {
    const o = c * d * d;
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < d; b++) {
        const v = cov[o + a * d + b];
        const at = `json.cov[${o + a * d + b}]`;
        if (v !== cov[o + b * d + a]) throw jsonError(at, 'out-of-range', `is ${v}; covariance ${c} must be symmetric`);
        if (a !== b && (type === 'diag' || type === 'spherical') && v !== 0) throw jsonError(at, 'out-of-range', `is ${v}; a '${type}' covariance has zero off-diagonal entries`);
        if (type === 'tied' && v !== cov[a * d + b]) throw jsonError(at, 'out-of-range', `is ${v}; 'tied' components share one covariance`);
      }
      if (type === 'spherical' && cov[o + a * d + a] !== cov[o]) throw jsonError(`json.cov[${o + a * d + a}]`, 'out-of-range', "differs from the first variance; a 'spherical' covariance is σ²I");
    }
  }
}

function argmaxRows(a: Float64Array, n: number, k: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let b = 0;
    for (let c = 1; c < k; c++) if (a[i * k + c] > a[i * k + b]) b = c;
    out[i] = b;
  }
  return out;
}

/**
 * M-step: Nₖ = Σᵢ γᵢₖ (+10ε so an empty component does not divide by zero), πₖ = Nₖ/n,
 * μₖ = Σᵢ γᵢₖxᵢ/Nₖ and the covariance of the chosen type, plus regCovar on its diagonal.
 */
function mStep(X: Float64Array, n: number, d: number, k: number, resp: Float64Array, type: CovarianceType, reg: number): Params {
  const nk = new Float64Array(k);
  const means = new Float64Array(k * d);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) {
      const g = resp[i * k + c];
      if (g === 0) continue;
      nk[c] += g;
      for (let j = 0; j < d; j++) means[c * d + j] += g * X[i * d + j];
    }
  }
  for (let c = 0; c < k; c++) {
    nk[c] += 10 * Number.EPSILON;
    for (let j = 0; j < d; j++) means[c * d + j] /= nk[c];
  }
  const cov = new Float64Array(k * d * d);
  const diff = new Float64Array(d);
  // Σₖ = Σᵢ γᵢₖ (xᵢ − μₖ)(xᵢ − μₖ)ᵀ / Nₖ (upper triangle, mirrored below).
  for (let c = 0; c < k; c++) {
    const o = c * d * d;
    for (let i = 0; i < n; i++) {
      const g = resp[i * k + c];
      if (g === 0) continue;
      for (let j = 0; j < d; j++) diff[j] = X[i * d + j] - means[c * d + j];
      for (let a = 0; a < d; a++) {
        const ga = g * diff[a];
        for (let b = a; b < d; b++) cov[o + a * d + b] += ga * diff[b];
      }
    }
    for (let a = 0; a < d; a++) {
      for (let b = a; b < d; b++) {
        cov[o + a * d + b] /= nk[c];
        cov[o + b * d + a] = cov[o + a * d + b];
      }
    }
  }
  if (type === 'tied') {
    // Σ = Σₖ Nₖ Σₖ / n: the pooled within-component covariance.
    const tied = new Float64Array(d * d);
    let total = 0;
    for (let c = 0; c < k; c++) total += nk[c];
    for (let c = 0; c < k; c++) for (let q = 0; q < d * d; q++) tied[q] += (nk[c] * cov[c * d * d + q]) / total;
    for (let c = 0; c < k; c++) cov.set(tied, c * d * d);
  } else if (type === 'diag' || type === 'spherical') {
    for (let c = 0; c < k; c++) {
      const o = c * d * d;
      let avg = 0;
      for (let a = 0; a < d; a++) avg += cov[o + a * d + a] / d;
      for (let a = 0; a < d; a++) {
        for (let b = 0; b < d; b++) if (a !== b) cov[o + a * d + b] = 0;
        if (type === 'spherical') cov[o + a * d + a] = avg;
      }
    }
  }
  for (let c = 0; c < k; c++) for (let a = 0; a < d; a++) cov[c * d * d + a * d + a] += reg;
  const weights = new Float64Array(k);
  let wsum = 0;
  for (let c = 0; c < k; c++) wsum += nk[c];
  for (let c = 0; c < k; c++) weights[c] = nk[c] / wsum;
  const { chol, logDet } = factorAll(cov, k, d);
  return { weights, means, cov, chol, logDet };
}

/** Cholesky factors Σₖ = LₖLₖᵀ and log det Σₖ = 2 Σ log (Lₖ)ⱼⱼ; a non-positive-definite Σₖ is a ValidationError. */
function factorAll(cov: Float64Array, k: number, d: number): { chol: Float64Array; logDet: Float64Array } {
  const chol = new Float64Array(k * d * d);
  const logDet = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    const o = c * d * d;
    for (let i = 0; i < d; i++) {
      for (let j = 0; j <= i; j++) {
        let s = cov[o + i * d + j];
        for (let t = 0; t < j; t++) s -= chol[o + i * d + t] * chol[o + j * d + t];
        if (i === j) {
          if (!(s > 0)) {
            throw new ValidationError('regCovar', 'out-of-range', `the covariance of component ${c} is singular (not positive definite): increase regCovar, or use fewer components`);
          }
          chol[o + i * d + i] = Math.sqrt(s);
          logDet[c] += 2 * Math.log(chol[o + i * d + i]);
        } else chol[o + i * d + j] = s / chol[o + j * d + j];
      }
    }
  }
  return { chol, logDet };
}

/**
 * E-step: writes log γᵢₖ into `logResp` and log p(xᵢ) into `logProb`; returns the mean
 * log-likelihood. log 𝒩(x|μ,Σ) = −½(d log 2π + log det Σ + ‖L⁻¹(x − μ)‖²), the Mahalanobis
 * term by forward substitution; log p(x) by log-sum-exp over components.
 */
function eStep(X: Float64Array, n: number, d: number, k: number, p: Params, logResp: Float64Array, logProb: Float64Array): number {
  const z = new Float64Array(d);
  const logW = Array.from(p.weights, Math.log);
  let total = 0;
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    for (let c = 0; c < k; c++) {
      const o = c * d * d;
      let maha = 0;
      for (let a = 0; a < d; a++) {
        let s = X[i * d + a] - p.means[c * d + a];
        for (let t = 0; t < a; t++) s -= p.chol[o + a * d + t] * z[t];
        z[a] = s / p.chol[o + a * d + a];
        maha += z[a] * z[a];
      }
      const v = logW[c] - 0.5 * (d * LOG_2PI + p.logDet[c] + maha);
      logResp[i * k + c] = v;
      if (v > max) max = v;
    }
    let s = 0;
    for (let c = 0; c < k; c++) s += Math.exp(logResp[i * k + c] - max);
    const lse = max + Math.log(s);
    logProb[i] = lse;
    total += lse;
    for (let c = 0; c < k; c++) logResp[i * k + c] -= lse;
  }
  return total / n;
}
