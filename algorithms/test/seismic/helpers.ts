import { expect } from 'vitest';
import { ValidationError, type ValidationProblem } from '../../src';

/** Expects f to throw a ValidationError with the given problem code. */
export function expectValidationError(f: () => unknown, problem: ValidationProblem): void {
  let thrown: unknown = null;
  try {
    f();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(ValidationError);
  expect((thrown as ValidationError).problem).toBe(problem);
}
