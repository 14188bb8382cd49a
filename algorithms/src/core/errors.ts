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
  | 'not-fitted';

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

  constructor(argument: string, problem: ValidationProblem, detail: string) {
    super(`${argument}: ${detail}`);
    this.argument = argument;
    this.problem = problem;
  }
}

/** Thrown when a method that needs a fitted model is called before `fit`. */
export class NotFittedError extends ValidationError {
  constructor(estimator: string) {
    super(estimator, 'not-fitted', `this ${estimator} is not fitted yet: call fit() first`);
  }
}
