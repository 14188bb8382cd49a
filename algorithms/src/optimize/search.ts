import { ValidationError } from '../core/errors';
import { checkRandomState, type RandomStateLike } from '../core/random';
import { checkScalar, checkSize } from '../core/validation';
import { checkObjective, checkOptionsObject, type Objective } from './objectives';

/**
 * Most loss evaluations one search makes: one million (every θ is kept in `evaluations`).
 * `gridSearch` checks Π nPoints and `randomSearch` nIter against it, before evaluating anything.
 */
export const MAX_SEARCH_EVALUATIONS = 1_000_000;
import { runToEnd } from '../core/steps';

/**
 * The derivative-free searches of the regression slides ("naive attempt: grid search",
 * then "random search"): evaluate 𝓛(θ) at many θ in a box and keep the best. They need
 * no gradient, only `objective.loss`, and their cost is the number of loss evaluations:
 * a grid of k values per axis costs kᵈ evaluations in d dimensions (the slides' "2
 * parameters × 100 values at 0.1 s is ¼ hour; 5 parameters is 30 years"), whereas random
 * search costs what you decide to spend.
 */

/** A box: one [low, high] interval per parameter. */
export type ParameterBox = ReadonlyArray<readonly [number, number]>;

/** Options of {@link gridSearch} and {@link gridSearchSteps}. */
export interface GridSearchOptions {
  /** The box searched, one [low, high] per parameter (its length must be `objective.dim`). Default: the objective's `domain` for 2-D objectives. */
  bounds?: ParameterBox;
  /** Grid values per axis (a number for all axes, or one per axis), ends included. Default 21. */
  nPoints?: number | readonly number[];
}

/** Options of {@link randomSearch} and {@link randomSearchSteps}. */
export interface RandomSearchOptions {
  /** The box searched, one [low, high] per parameter. Default: the objective's `domain` for 2-D objectives. */
  bounds?: ParameterBox;
  /** Number of random θ drawn, each uniform in the box. Default 100. */
  nIter?: number;
  /** Seed. Default 0. */
  randomState?: RandomStateLike;
}

/** One immutable snapshot of a search: the θ just evaluated and the best so far. */
export interface SearchStep {
  /** Evaluations made so far (1 for the first θ). */
  readonly iteration: number;
  /** The θ evaluated at this step. */
  readonly params: readonly number[];
  /** 𝓛(θ) at this step (Infinity where the loss was not finite). */
  readonly loss: number;
  /** The best θ seen so far. */
  readonly bestParams: readonly number[];
  /** 𝓛 at the best θ so far. */
  readonly bestLoss: number;
  /** Loss evaluations so far; equal to `iteration`, named for the cost comparison with descent. */
  readonly nLossEvaluations: number;
}

/** The result of a search. */
export interface SearchResult {
  /** argmin over the evaluated θ. */
  readonly params: readonly number[];
  /** The smallest loss found. */
  readonly loss: number;
  /** Loss evaluations made. */
  readonly nLossEvaluations: number;
  /** Every θ evaluated, in order, with its loss (Infinity where not finite). */
  readonly evaluations: ReadonlyArray<{ readonly params: readonly number[]; readonly loss: number }>;
}

function checkBounds(objective: Objective, bounds: ParameterBox | undefined): ParameterBox {
  checkObjective(objective, false);
  let box = bounds;
  if (box === undefined) {
    if (objective.domain && objective.dim === 2) {
      const [a, b, c, d] = objective.domain;
      box = [
        [a, b],
        [c, d],
      ];
    } else throw new ValidationError('bounds', 'bad-option', `give one [low, high] per parameter (${objective.dim} of them)`);
  }
  if (!Array.isArray(box) || box.length !== objective.dim) {
    throw new ValidationError('bounds', 'length-mismatch', `needs ${objective.dim} intervals, one per parameter, got ${Array.isArray(box) ? box.length : String(box)}`);
  }
  box.forEach((iv, k) => {
    if (!iv || iv.length !== 2) throw new ValidationError('bounds', 'shape-mismatch', `interval ${k} must be [low, high]`);
    if (!Number.isFinite(iv[0]) || !Number.isFinite(iv[1])) throw new ValidationError('bounds', 'not-finite', `interval ${k} is [${iv[0]}, ${iv[1]}]; ends must be finite`);
    if (iv[0] > iv[1]) throw new ValidationError('bounds', 'out-of-range', `interval ${k} has low ${iv[0]} > high ${iv[1]}`);
  });
  return box;
}

/** A search loop shared by grid and random search: evaluate, keep the best, snapshot. */
function* search(objective: Objective, points: Iterable<Float64Array>): Generator<SearchStep, SearchResult, undefined> {
  let best: readonly number[] = [];
  let bestLoss = Infinity;
  let n = 0;
  const evaluations: { params: readonly number[]; loss: number }[] = [];
  for (const theta of points) {
    const raw = objective.loss(theta);
    // A non-finite loss is simply never the best: the search goes on, and never reports NaN.
    const loss = Number.isFinite(raw) ? raw : Infinity;
    n++;
    const params = Object.freeze(Array.from(theta));
    if (loss < bestLoss || best.length === 0) {
      bestLoss = loss;
      best = params;
    }
    evaluations.push(Object.freeze({ params, loss }));
    yield Object.freeze({ iteration: n, params, loss, bestParams: best, bestLoss, nLossEvaluations: n });
  }
  return Object.freeze({ params: best, loss: bestLoss, nLossEvaluations: n, evaluations: Object.freeze(evaluations) });
}

/**
 * Grid search: θ runs over the Cartesian product of `nPoints` evenly spaced values per
 * axis (ends included, θⱼ = lowⱼ + k (highⱼ − lowⱼ)/(nⱼ − 1)), the last axis varying fastest.
 * Cost Πⱼ nⱼ evaluations (at most {@link MAX_SEARCH_EVALUATIONS}): exhaustive, so it also maps
 * the loss for an uncertainty picture, but it grows exponentially with the dimension.
 */
export function* gridSearchSteps(objective: Objective, options: GridSearchOptions = {}): Generator<SearchStep, SearchResult, undefined> {
  options = checkOptionsObject(options);
  const box = checkBounds(objective, options.bounds);
  const dim = box.length;
  const np = options.nPoints ?? 21;
  if (typeof np !== 'number' && !Array.isArray(np)) throw new ValidationError('nPoints', 'bad-option', `must be a number or one count per parameter, got ${JSON.stringify(np)}`);
  const counts = typeof np === 'number' ? Array.from({ length: dim }, () => np) : Array.from(np);
  if (counts.length !== dim) throw new ValidationError('nPoints', 'length-mismatch', `needs ${dim} counts, one per parameter, got ${counts.length}`);
  counts.forEach((c) => checkScalar(c, 'nPoints', { min: 1, integer: true }));
  checkSize('nPoints', counts.reduce((a, b) => a * b, 1), MAX_SEARCH_EVALUATIONS, `grid points (${counts.join(' × ')})`);
  const axis = (j: number, k: number) => (counts[j] === 1 ? (box[j][0] + box[j][1]) / 2 : box[j][0] + (k * (box[j][1] - box[j][0])) / (counts[j] - 1));
  function* points(): Generator<Float64Array> {
    const idx = new Array<number>(dim).fill(0);
    for (;;) {
      yield Float64Array.from(idx, (k, j) => axis(j, k));
      // Odometer increment, last axis fastest.
      let j = dim - 1;
      while (j >= 0 && ++idx[j] === counts[j]) idx[j--] = 0;
      if (j < 0) return;
    }
  }
  return yield* search(objective, points());
}

/** Runs {@link gridSearchSteps} to the end. */
export function gridSearch(objective: Objective, options: GridSearchOptions = {}): SearchResult {
  return runToEnd(gridSearchSteps(objective, options));
}

/**
 * Random search: `nIter` θ drawn independently and uniformly in the box, from a seeded
 * generator. Not exhaustive, but its cost does not grow with the dimension, and the
 * sampling law could carry prior knowledge.
 */
export function* randomSearchSteps(objective: Objective, options: RandomSearchOptions = {}): Generator<SearchStep, SearchResult, undefined> {
  options = checkOptionsObject(options);
  const box = checkBounds(objective, options.bounds);
  const nIter = checkScalar(options.nIter ?? 100, 'nIter', { min: 1, integer: true });
  checkSize('nIter', nIter, MAX_SEARCH_EVALUATIONS, 'loss evaluations');
  const rng = checkRandomState(options.randomState);
  function* points(): Generator<Float64Array> {
    for (let t = 0; t < nIter; t++) yield Float64Array.from(box, ([lo, hi]) => rng.uniform(lo, hi));
  }
  return yield* search(objective, points());
}

/** Runs {@link randomSearchSteps} to the end. */
export function randomSearch(objective: Objective, options: RandomSearchOptions = {}): SearchResult {
  return runToEnd(randomSearchSteps(objective, options));
}
