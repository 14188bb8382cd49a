/** What was wrong with an argument, as a stable code that UIs and tests can match on. */
export type ValidationProblem =
  | 'empty'
  | 'ragged'
  | 'not-finite'
  | 'length-mismatch'
  | 'out-of-range'
  | 'not-integer'
  | 'single-class'
  | 'bad-option'
  | 'shape-mismatch'
  | 'not-fitted'
  /** A null, undefined or absent entry (a missing CSV cell), never read as 0. */
  | 'missing-value'
  /** A string, boolean or object where a number is needed (never coerced). */
  | 'not-a-number'
  /** An array nested deeper than the argument allows (a 3-D array passed as X). */
  | 'too-many-dimensions'
  /** A size (output columns, grid points, samples…) above its documented limit. */
  | 'too-large'
  /** Finite inputs whose result overflowed to ±∞ or NaN (features of order 1e154 and more). */
  | 'overflow'
  /** A value of the wrong JSON type (a string for a number, an object for an array…). */
  | 'wrong-type'
  /** Targets of a kind the estimator cannot use (continuous values for a classifier). */
  | 'bad-label-type';

/**
 * Thrown for input a method cannot use. The message names the argument and the problem
 * ("X: row 3 has 2 values, expected 4"), so that a student can fix it.
 */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  /** The argument at fault, as the caller named it (`X`, `y`, `nClusters`, …). */
  readonly argument: string;
  /** The kind of problem. */
  readonly problem: ValidationProblem;
  /** The message without the leading "argument: ". */
  readonly detail: string;

  constructor(argument: string, problem: ValidationProblem, detail: string) {
    super(`${argument}: ${detail}`);
    this.argument = argument;
    this.problem = problem;
    this.detail = detail;
  }
}

/** Thrown when a method that needs a fitted model is called before `fit`. */
export class NotFittedError extends ValidationError {
  constructor(estimator: string) {
    super(estimator, 'not-fitted', `this ${estimator} is not fitted yet: call fit() first`);
  }
}
