import { ValidationError } from '../core/errors';
import { toRows, type MatrixLike, type VectorLike } from '../core/matrix';
import type { RandomStateLike } from '../core/random';
import { checkArray, checkVector, describeValue } from '../core/validation';
import { meanAbsoluteError, meanSquaredError, r2Score } from '../metrics/regression';
import { splitIndices } from './trainTestSplit';

/** What the curve helpers need of an estimator: fit and predict (score for scoring 'score'). */
export interface SupervisedEstimator {
  fit(X: MatrixLike, y: VectorLike): unknown;
  predict(X: MatrixLike): ArrayLike<number>;
  score?(X: MatrixLike, y: VectorLike): number;
}

/** A named metric, or any function of (yTrue, yPred). */
export type CurveScoring = 'mse' | 'rmse' | 'mae' | 'r2' | 'accuracy' | 'error' | 'score' | ((yTrue: number[], yPred: number[]) => number);

/** The data and scoring options shared by {@link learningCurve} and {@link validationCurve}. */
export interface CurveOptions {
  /**
   * The number plotted. Errors (lower is better): 'mse' (the slides' loss), 'rmse', 'mae',
   * 'error' (1 − accuracy). Scores (higher is better): 'r2', 'accuracy', or 'score', the
   * estimator's own score(). Or a function (yTrue, yPred) → number. Default 'mse'; note that
   * scikit-learn's curves default to the estimator's score instead.
   */
  scoring?: CurveScoring;
  /** A held-out test set; when given, all of (X, y) is training data and no split is made. */
  XTest?: MatrixLike;
  /** Targets of XTest. */
  yTest?: VectorLike;
  /** Test fraction (or count) of the split made when XTest is not given. Default 0.25. */
  testSize?: number;
  /** Shuffle before splitting. Default true. */
  shuffle?: boolean;
  /** Stratify the split on y (classification). Default false. */
  stratify?: boolean;
  /** Seed of the split. Default 0. */
  randomState?: RandomStateLike;
}

/** Options of {@link learningCurve}. */
export interface LearningCurveOptions extends CurveOptions {
  /**
   * Training-set sizes: fractions in (0, 1] of the training part, or counts > 1.
   * Default [0.1, 0.325, 0.55, 0.775, 1], as scikit-learn.
   */
  trainSizes?: readonly number[];
}

/** Options of {@link validationCurve}. */
export interface ValidationCurveOptions<V> extends CurveOptions {
  /** The parameter values, handed one by one to the estimator factory. */
  paramRange: readonly V[];
}

/** A learning curve: train and test scores against the number of training samples. */
export interface LearningCurve {
  /** Training samples used, one per point. */
  trainSizes: number[];
  trainScores: number[];
  testScores: number[];
}

/** A validation curve: train and test scores against a parameter. */
export interface ValidationCurve<V> {
  paramRange: V[];
  trainScores: number[];
  testScores: number[];
}

function scorer(scoring: CurveScoring): (est: SupervisedEstimator, X: number[][], y: number[]) => number {
  if (typeof scoring === 'function') return (est, X, y) => scoring(y, Array.from(est.predict(X)));
  const metric = (f: (t: number[], p: number[]) => number) => (est: SupervisedEstimator, X: number[][], y: number[]) => f(y, Array.from(est.predict(X)));
  const mean = (t: number[], p: number[], g: (a: number, b: number) => number) => t.reduce((s, v, i) => s + g(v, p[i]), 0) / t.length;
  switch (scoring) {
    case 'mse':
      return metric((t, p) => meanSquaredError(t, p));
    case 'rmse':
      return metric((t, p) => meanSquaredError(t, p, { squared: false }));
    case 'mae':
      return metric((t, p) => meanAbsoluteError(t, p));
    case 'accuracy':
      return metric((t, p) => mean(t, p, (a, b) => (a === b ? 1 : 0)));
    case 'error':
      return metric((t, p) => mean(t, p, (a, b) => (a === b ? 0 : 1)));
    case 'r2':
      return metric(r2Score);
    case 'score':
      return (est, X, y) => {
        if (!est.score) throw new ValidationError('scoring', 'bad-option', "'score' needs an estimator with a score() method");
        return est.score(X, y);
      };
    default:
      throw new ValidationError('scoring', 'bad-option', `must be 'mse', 'rmse', 'mae', 'r2', 'accuracy', 'error', 'score' or a function, got ${describeValue(scoring)}`);
  }
}

/** The training and test parts, from XTest/yTest or from a seeded split. */
function trainAndTest(X: MatrixLike, y: VectorLike, o: CurveOptions) {
  const A = checkArray(X);
  const t = checkVector(y, { length: A.rows });
  const rows = toRows(A);
  const ys = Array.from(t);
  if (o.XTest !== undefined || o.yTest !== undefined) {
    if (o.XTest === undefined || o.yTest === undefined) throw new ValidationError('XTest', 'bad-option', 'give both XTest and yTest, or neither');
    const B = checkArray(o.XTest, { name: 'XTest' });
    if (B.cols !== A.cols) throw new ValidationError('XTest', 'shape-mismatch', `has ${B.cols} features but X has ${A.cols}`);
    const u = checkVector(o.yTest, { name: 'yTest', length: B.rows });
    return { Xtr: rows, ytr: ys, Xte: toRows(B), yte: Array.from(u) };
  }
  const { trainIndex, testIndex } = splitIndices(A.rows, {
    testSize: o.testSize,
    shuffle: o.shuffle,
    strat: o.stratify ? t : null,
    randomState: o.randomState,
  });
  return {
    Xtr: trainIndex.map((i) => rows[i]),
    ytr: trainIndex.map((i) => ys[i]),
    Xte: testIndex.map((i) => rows[i]),
    yte: testIndex.map((i) => ys[i]),
  };
}

function checkOptionsObject(o: unknown): void {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) throw new ValidationError('options', 'bad-option', 'must be an options object');
}

function checkFactory(f: unknown): void {
  if (typeof f !== 'function') throw new ValidationError('makeEstimator', 'bad-option', 'must be a function that returns a fresh estimator');
}

/**
 * A learning curve, as in the slides' "training and test learning curves": for growing
 * training sets (the first m samples of the shuffled training part), fit a fresh estimator
 * and score it on those m samples and on the fixed test part. A wide gap between the two
 * curves is overfitting; two high errors that meet are underfitting.
 *
 * Unlike scikit-learn's learning_curve this uses one train/test split, not cross-validation,
 * so that each point is one fit a student can reproduce.
 *
 * @example
 * const lc = learningCurve(() => new Ridge({ alpha: 1 }), X, y, { trainSizes: [10, 20, 50, 100] });
 * // lc.trainScores, lc.testScores: MSE at each size
 */
export function learningCurve(makeEstimator: () => SupervisedEstimator, X: MatrixLike, y: VectorLike, options: LearningCurveOptions = {}): LearningCurve {
  checkFactory(makeEstimator);
  checkOptionsObject(options);
  const { Xtr, ytr, Xte, yte } = trainAndTest(X, y, options);
  const score = scorer(options.scoring ?? 'mse');
  const nMax = Xtr.length;
  const fractions: readonly unknown[] = options.trainSizes ?? [0.1, 0.325, 0.55, 0.775, 1];
  if (!Array.isArray(fractions)) throw new ValidationError('trainSizes', 'bad-option', 'must be an array of fractions in (0, 1] or counts');
  if (fractions.length === 0) throw new ValidationError('trainSizes', 'empty', 'give at least one training size');
  const sizes = fractions.map((s) => {
    if (typeof s !== 'number') throw new ValidationError('trainSizes', 'not-a-number', `sizes must be numbers, got ${typeof s}`);
    if (!Number.isFinite(s) || s <= 0) throw new ValidationError('trainSizes', 'out-of-range', `sizes must be fractions in (0, 1] or counts ≥ 1, got ${s}`);
    const m = s <= 1 ? Math.max(1, Math.floor(s * nMax)) : s;
    if (!Number.isInteger(m)) throw new ValidationError('trainSizes', 'not-integer', `a count must be an integer, got ${s}`);
    if (m > nMax) throw new ValidationError('trainSizes', 'out-of-range', `${m} samples asked but the training part has ${nMax}`);
    return m;
  });
  const trainSizes = Array.from(new Set(sizes)).sort((a, b) => a - b);
  const trainScores: number[] = [];
  const testScores: number[] = [];
  for (const m of trainSizes) {
    const Xm = Xtr.slice(0, m);
    const ym = ytr.slice(0, m);
    const est = makeEstimator();
    est.fit(Xm, ym);
    trainScores.push(score(est, Xm, ym));
    testScores.push(score(est, Xte, yte));
  }
  return { trainSizes, trainScores, testScores };
}

/**
 * A validation curve, as in the slides' "targeting the right model complexity": for each
 * parameter value v (a polynomial degree, a penalty λ, a tree depth…), fit
 * `makeEstimator(v)` on the training part and score it there and on the test part. Train
 * error falls with complexity; test error falls, then rises once the model overfits.
 *
 * @example
 * const vc = validationCurve((degree: number) => makePipeline(new PolynomialFeatures({ degree }), new LinearRegression()),
 *   X, y, { paramRange: [1, 2, 3, 5, 9] });
 */
export function validationCurve<V>(makeEstimator: (value: V) => SupervisedEstimator, X: MatrixLike, y: VectorLike, options: ValidationCurveOptions<V>): ValidationCurve<V> {
  checkFactory(makeEstimator);
  checkOptionsObject(options);
  if (!Array.isArray(options.paramRange) || options.paramRange.length === 0) {
    throw new ValidationError('paramRange', 'empty', 'give the parameter values to try');
  }
  const { Xtr, ytr, Xte, yte } = trainAndTest(X, y, options);
  const score = scorer(options.scoring ?? 'mse');
  const trainScores: number[] = [];
  const testScores: number[] = [];
  for (const v of options.paramRange) {
    const est = makeEstimator(v);
    est.fit(Xtr, ytr);
    trainScores.push(score(est, Xtr, ytr));
    testScores.push(score(est, Xte, yte));
  }
  return { paramRange: [...options.paramRange], trainScores, testScores };
}
