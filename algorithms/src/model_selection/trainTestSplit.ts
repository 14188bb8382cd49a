import { ValidationError } from '../core/errors';
import { toRows, type MatrixLike, type VectorLike } from '../core/matrix';
import { checkRandomState, type RandomState, type RandomStateLike } from '../core/random';
import { checkArray, checkClassificationTargets, checkVector } from '../core/validation';

/** Options of {@link trainTestSplit}, as scikit-learn's train_test_split. */
export interface TrainTestSplitOptions {
  /**
   * The test set: a fraction in (0, 1) (rounded up, ⌈testSize·n⌉) or a number of samples.
   * Default 0.25 when trainSize is not given either (the slides suggest 0.2).
   */
  testSize?: number;
  /** The training set: a fraction (rounded down) or a number of samples. Default: the rest. */
  trainSize?: number;
  /** Shuffle before splitting; if false the first samples train and the next ones test. Default true. */
  shuffle?: boolean;
  /**
   * Keep the class proportions in both parts: the labels to stratify on, or true to use y.
   * Every class needs at least 2 samples. Default none.
   */
  stratify?: VectorLike | boolean;
  /** Seed. Default 0. */
  randomState?: RandomStateLike;
}

/** The two parts of a split, with the row indices each came from. */
export interface TrainTestSplit {
  XTrain: number[][];
  XTest: number[][];
  /** Empty when no y was given. */
  yTrain: number[];
  /** Empty when no y was given. */
  yTest: number[];
  /** Rows of X in the training set, in their (shuffled) order. */
  trainIndex: number[];
  /** Rows of X in the test set, in their (shuffled) order. */
  testIndex: number[];
}

/** Test and train sizes from fractions or counts, as scikit-learn's _validate_shuffle_split. */
export function splitSizes(n: number, testSize: number | undefined, trainSize: number | undefined, defaultTest = 0.25): { nTrain: number; nTest: number } {
  const test = testSize === undefined && trainSize === undefined ? defaultTest : testSize;
  const check = (v: number | undefined, name: string) => {
    if (v === undefined) return;
    if (!Number.isFinite(v) || v <= 0) throw new ValidationError(name, 'out-of-range', `must be a fraction in (0, 1) or a count ≥ 1, got ${v}`);
    if (v >= 1 && !Number.isInteger(v)) throw new ValidationError(name, 'not-integer', `a count must be an integer, got ${v}`);
    if (v >= 1 && v > n) throw new ValidationError(name, 'out-of-range', `${v} samples asked but there are only ${n}`);
  };
  check(test, 'testSize');
  check(trainSize, 'trainSize');
  let nTest = test === undefined ? undefined : test < 1 ? Math.ceil(test * n) : test;
  let nTrain = trainSize === undefined ? undefined : trainSize < 1 ? Math.floor(trainSize * n) : trainSize;
  if (nTrain === undefined) nTrain = n - (nTest as number);
  if (nTest === undefined) nTest = n - nTrain;
  if (nTrain + nTest > n) throw new ValidationError('trainSize', 'out-of-range', `train (${nTrain}) + test (${nTest}) exceeds the ${n} samples`);
  if (nTrain <= 0) throw new ValidationError('testSize', 'out-of-range', `with ${n} samples this leaves an empty training set; lower testSize`);
  if (nTest <= 0) throw new ValidationError('testSize', 'out-of-range', `with ${n} samples this gives an empty test set`);
  return { nTrain, nTest };
}

/**
 * Spreads `nDraws` over classes in proportion to their counts (floors, then the largest
 * remainders, ties broken at random), as scikit-learn's _approximate_mode.
 */
function approximateMode(counts: number[], nDraws: number, rng: RandomState): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const continuous = counts.map((c) => (c / total) * nDraws);
  const floored = continuous.map(Math.floor);
  let need = nDraws - floored.reduce((a, b) => a + b, 0);
  if (need > 0) {
    const remainder = continuous.map((c, k) => c - floored[k]);
    const values = Array.from(new Set(remainder)).sort((a, b) => b - a);
    for (const v of values) {
      const inds = remainder.flatMap((r, k) => (r === v ? [k] : []));
      const now = Math.min(inds.length, need);
      for (const j of rng.choice(inds.length, now)) floored[inds[j]]++;
      need -= now;
      if (need === 0) break;
    }
  }
  return floored;
}

/** Train and test indices for n samples, optionally stratified on `strat`. */
export function splitIndices(
  n: number,
  options: { testSize?: number; trainSize?: number; shuffle?: boolean; strat?: Float64Array | null; randomState?: RandomStateLike },
): { trainIndex: number[]; testIndex: number[] } {
  const { nTrain, nTest } = splitSizes(n, options.testSize, options.trainSize);
  const shuffle = options.shuffle ?? true;
  const strat = options.strat ?? null;
  if (!shuffle) {
    if (strat) throw new ValidationError('stratify', 'bad-option', 'a stratified split needs shuffle: true');
    return { trainIndex: Array.from({ length: nTrain }, (_, i) => i), testIndex: Array.from({ length: nTest }, (_, i) => nTrain + i) };
  }
  const rng = checkRandomState(options.randomState);
  if (!strat) {
    const perm = rng.permutation(n);
    return { trainIndex: perm.slice(nTest, nTest + nTrain), testIndex: perm.slice(0, nTest) };
  }
  const classes = Array.from(new Set(strat)).sort((a, b) => a - b);
  const byClass = classes.map(() => [] as number[]);
  const index = new Map(classes.map((c, k) => [c, k]));
  strat.forEach((v, i) => byClass[index.get(v) as number].push(i));
  const counts = byClass.map((b) => b.length);
  const least = Math.min(...counts);
  if (least < 2) throw new ValidationError('stratify', 'out-of-range', `the least populated class (${classes[counts.indexOf(least)]}) has only 1 member; each class needs 2 to stratify`);
  if (nTrain < classes.length) throw new ValidationError('trainSize', 'out-of-range', `the training set (${nTrain}) must hold at least one sample of each of the ${classes.length} classes`);
  if (nTest < classes.length) throw new ValidationError('testSize', 'out-of-range', `the test set (${nTest}) must hold at least one sample of each of the ${classes.length} classes`);
  const nI = approximateMode(counts, nTrain, rng);
  const tI = approximateMode(
    counts.map((c, k) => c - nI[k]),
    nTest,
    rng,
  );
  const train: number[] = [];
  const test: number[] = [];
  byClass.forEach((members, k) => {
    const perm = rng.permutation(members.length).map((j) => members[j]);
    train.push(...perm.slice(0, nI[k]));
    test.push(...perm.slice(nI[k], nI[k] + tI[k]));
  });
  return { trainIndex: rng.shuffle(train), testIndex: rng.shuffle(test) };
}

/**
 * Splits X (and y) at random into a training and a test set, as scikit-learn's
 * train_test_split: the model is fitted on the first and judged on the second, data it
 * has not seen. Seeded; stratify keeps the class proportions in both parts.
 *
 * @example
 * const { XTrain, XTest, yTrain, yTest } = trainTestSplit(X, y, { testSize: 0.2, stratify: true, randomState: 0 });
 */
export function trainTestSplit(X: MatrixLike, y?: VectorLike | null, options: TrainTestSplitOptions = {}): TrainTestSplit {
  const A = checkArray(X);
  const n = A.rows;
  const t = y === undefined || y === null ? null : checkVector(y, { length: n });
  let strat: Float64Array | null = null;
  if (options.stratify === true) {
    if (!t) throw new ValidationError('stratify', 'bad-option', 'stratify: true needs y');
    strat = checkClassificationTargets(t, n, 'y');
  } else if (options.stratify !== undefined && options.stratify !== false) {
    strat = checkClassificationTargets(options.stratify, n, 'stratify');
  }
  const { trainIndex, testIndex } = splitIndices(n, { ...options, strat });
  const rows = toRows(A);
  return {
    XTrain: trainIndex.map((i) => rows[i]),
    XTest: testIndex.map((i) => rows[i]),
    yTrain: t ? trainIndex.map((i) => t[i]) : [],
    yTest: t ? testIndex.map((i) => t[i]) : [],
    trainIndex,
    testIndex,
  };
}
