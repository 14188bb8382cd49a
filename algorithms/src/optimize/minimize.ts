import { ValidationError } from '../core/errors';
import { checkRandomState, type RandomStateLike } from '../core/random';
import { checkOneOf, checkScalar, checkSize, checkVector, firstNonFinite } from '../core/validation';
import { checkObjective, checkOptionsObject, type Objective } from './objectives';

/** Most update steps one run may take: 10 million (`maxIter` above it is a ValidationError). */
export const MAX_ITERATIONS = 10_000_000;
import { runToEnd } from '../core/steps';

/** The update rules taught in the gradient-descent slides. */
export type OptimizerName = 'gd' | 'momentum' | 'nesterov' | 'rmsprop' | 'adam';
export const OPTIMIZERS: readonly OptimizerName[] = ['gd', 'momentum', 'nesterov', 'rmsprop', 'adam'];

/** Options of {@link minimize} and {@link minimizeSteps}. */
export interface MinimizeOptions {
  /** Update rule. Default 'gd'. */
  optimizer?: OptimizerName;
  /** Learning rate η > 0. Default 0.1. */
  learningRate?: number;
  /** Momentum α in p ← αp − η∇𝓛 (momentum, nesterov). Default 0.9. */
  momentum?: number;
  /** RMSprop's decay ρ of the squared-gradient average. Default 0.9. */
  rho?: number;
  /** Adam's β₁ (first-moment decay). Default 0.9. */
  beta1?: number;
  /** Adam's β₂ (second-moment decay). Default 0.999. */
  beta2?: number;
  /** ε added to denominators of RMSprop and Adam. Default 1e-8. */
  epsilon?: number;
  /** Most update steps. Default 100. */
  maxIter?: number;
  /** Stop once ‖∇𝓛‖ < tol. Default 0 (run all maxIter steps). */
  tol?: number;
  /**
   * For sample-mean objectives: samples per step. Undefined or ≥ n is full-batch GD,
   * 1 is stochastic GD, anything between is mini-batch.
   */
  batchSize?: number;
  /** Reshuffle the samples every epoch (stochastic and mini-batch). Default true. */
  shuffle?: boolean;
  /** Seed for the shuffle. Default 0. */
  randomState?: RandomStateLike;
  /** A loss above this counts as divergence. Default 1e6 × max(1, 𝓛(θ₀)). */
  divergenceThreshold?: number;
}

/** One immutable snapshot of an optimisation run. */
export interface OptimizerStep {
  /** Steps taken so far (0 is the starting point). */
  readonly iteration: number;
  /** Full passes over the data so far (sample-mean objectives), else equal to iteration. */
  readonly epoch: number;
  /** θ after this step. */
  readonly params: readonly number[];
  /** 𝓛(θ) on all samples. */
  readonly loss: number;
  /** ∇𝓛(θ) on all samples, the arrow a UI draws at θ. */
  readonly gradient: readonly number[];
  /** True on the last snapshot of a diverged run; θ and 𝓛 are then the last finite ones. */
  readonly diverged: boolean;
  /** The step at which the run diverged, or null. */
  readonly divergedAt: number | null;
}

/** The result of {@link minimize}. */
export interface MinimizeResult {
  readonly params: readonly number[];
  readonly loss: number;
  readonly nIter: number;
  /** ‖∇𝓛‖ fell below tol. */
  readonly converged: boolean;
  readonly diverged: boolean;
  readonly divergedAt: number | null;
  /** Loss evaluations made (one per snapshot), for the search-cost comparison. */
  readonly nLossEvaluations: number;
}

const DEFAULTS = {
  optimizer: 'gd' as OptimizerName,
  learningRate: 0.1,
  momentum: 0.9,
  rho: 0.9,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
  maxIter: 100,
  tol: 0,
  shuffle: true,
};

function norm(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

/**
 * Gradient-based minimisation as a generator: it yields the start (iteration 0) and
 * then one immutable snapshot after every update, so that a UI can animate the path.
 * A run that diverges (non-finite or exploding loss) ends with `diverged: true` and the
 * step number; it never throws and never yields NaN.
 *
 * Update rules, with g = ∇𝓛(θ):
 * - gd:        θ ← θ − ηg
 * - momentum:  p ← αp − ηg;  θ ← θ + p
 * - nesterov:  p ← αp − η∇𝓛(θ + αp);  θ ← θ + p
 * - rmsprop:   s ← ρs + (1−ρ)g²;  θ ← θ − ηg/(√s + ε)
 * - adam:      m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  θ ← θ − η m̂/(√v̂ + ε), m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ)
 */
export function* minimizeSteps(objective: Objective, theta0: ArrayLike<number>, options: MinimizeOptions = {}): Generator<OptimizerStep, MinimizeResult, undefined> {
  // An explicit undefined keeps the default.
  const o = { ...DEFAULTS, ...checkOptionsObject(options) };
  checkObjective(objective, true);
  checkOneOf(o.optimizer, 'optimizer', OPTIMIZERS);
  checkScalar(o.learningRate, 'learningRate', { min: 0, exclusiveMin: true });
  checkScalar(o.maxIter, 'maxIter', { min: 0, integer: true });
  checkSize('maxIter', o.maxIter, MAX_ITERATIONS, 'steps');
  checkScalar(o.tol, 'tol', { min: 0 });
  checkScalar(o.momentum, 'momentum', { min: 0, max: 1 });
  checkScalar(o.rho, 'rho', { min: 0, max: 1 });
  checkScalar(o.beta1, 'beta1', { min: 0, max: 1 });
  checkScalar(o.beta2, 'beta2', { min: 0, max: 1 });
  checkScalar(o.epsilon, 'epsilon', { min: 0, exclusiveMin: true });
  if (o.divergenceThreshold !== undefined) checkScalar(o.divergenceThreshold, 'divergenceThreshold', { min: 0, exclusiveMin: true });
  const start = checkVector(theta0, { name: 'theta0' });
  if (start.length !== objective.dim) throw new ValidationError('theta0', 'length-mismatch', `has ${start.length} values, the objective takes ${objective.dim}`);

  const dim = objective.dim;
  const n = objective.nSamples;
  const batchSize = o.batchSize === undefined || n === undefined ? n ?? 1 : checkScalar(o.batchSize, 'batchSize', { min: 1, integer: true });
  const stochastic = n !== undefined && batchSize < n;
  const rng = checkRandomState(o.randomState);
  let order = n !== undefined ? Array.from({ length: n }, (_, i) => i) : [];
  let cursor = 0;
  let epoch = 0;
  const nextBatch = (): number[] | undefined => {
    if (!stochastic || n === undefined) return undefined;
    if (cursor === 0 && o.shuffle) order = rng.shuffle(order);
    const batch = order.slice(cursor, Math.min(cursor + batchSize, n));
    cursor += batch.length;
    if (cursor >= n) {
      cursor = 0;
      epoch++;
    }
    return batch;
  };

  let theta = start;
  let loss = objective.loss(theta);
  let grad = objective.grad(theta);
  let evaluations = 1;
  const threshold = o.divergenceThreshold ?? 1e6 * Math.max(1, Math.abs(loss));
  const snap = (iteration: number, divergedAt: number | null): OptimizerStep =>
    Object.freeze({
      iteration,
      epoch: stochastic ? epoch + cursor / (n as number) : iteration,
      params: Object.freeze(Array.from(theta)),
      loss,
      gradient: Object.freeze(Array.from(grad)),
      diverged: divergedAt !== null,
      divergedAt,
    });
  const result = (nIter: number, converged: boolean, divergedAt: number | null): MinimizeResult => ({
    params: Array.from(theta),
    loss,
    nIter,
    converged,
    diverged: divergedAt !== null,
    divergedAt,
    nLossEvaluations: evaluations,
  });
  if (!Number.isFinite(loss) || firstNonFinite(grad) >= 0) {
    throw new ValidationError('theta0', 'not-finite', 'the loss or gradient is not finite at the starting point');
  }
  yield snap(0, null);

  const p = new Float64Array(dim); // momentum velocity, or Adam's first moment m
  const s = new Float64Array(dim); // RMSprop/Adam second moment
  for (let t = 1; t <= o.maxIter; t++) {
    if (o.tol > 0 && norm(grad) < o.tol) return result(t - 1, true, null);
    const batch = nextBatch();
    const next = Float64Array.from(theta);
    const g = stochastic ? objective.grad(theta, batch) : grad;
    switch (o.optimizer) {
      case 'gd':
        for (let i = 0; i < dim; i++) next[i] -= o.learningRate * g[i];
        break;
      case 'momentum':
        for (let i = 0; i < dim; i++) {
          p[i] = o.momentum * p[i] - o.learningRate * g[i];
          next[i] += p[i];
        }
        break;
      case 'nesterov': {
        // Look-ahead gradient at θ + αp.
        const ahead = Float64Array.from(theta, (v, i) => v + o.momentum * p[i]);
        const ga = objective.grad(ahead, batch);
        for (let i = 0; i < dim; i++) {
          p[i] = o.momentum * p[i] - o.learningRate * ga[i];
          next[i] += p[i];
        }
        break;
      }
      case 'rmsprop':
        for (let i = 0; i < dim; i++) {
          s[i] = o.rho * s[i] + (1 - o.rho) * g[i] * g[i];
          next[i] -= (o.learningRate * g[i]) / (Math.sqrt(s[i]) + o.epsilon);
        }
        break;
      case 'adam': {
        const c1 = 1 - o.beta1 ** t;
        const c2 = 1 - o.beta2 ** t;
        for (let i = 0; i < dim; i++) {
          p[i] = o.beta1 * p[i] + (1 - o.beta1) * g[i];
          s[i] = o.beta2 * s[i] + (1 - o.beta2) * g[i] * g[i];
          next[i] -= (o.learningRate * (p[i] / c1)) / (Math.sqrt(s[i] / c2) + o.epsilon);
        }
        break;
      }
    }
    const nextLoss = objective.loss(next);
    evaluations++;
    const nextGrad = objective.grad(next);
    if (!Number.isFinite(nextLoss) || nextLoss > threshold || firstNonFinite(next) >= 0 || firstNonFinite(nextGrad) >= 0) {
      // Keep the last finite θ and report where it blew up.
      yield snap(t, t);
      return result(t, false, t);
    }
    theta = next;
    loss = nextLoss;
    grad = nextGrad;
    yield snap(t, null);
  }
  return result(o.maxIter, o.tol > 0 && norm(grad) < o.tol, null);
}

/** Runs {@link minimizeSteps} to the end. */
export function minimize(objective: Objective, theta0: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  return runToEnd(minimizeSteps(objective, theta0, options));
}
