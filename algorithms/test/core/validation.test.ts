import { describe, expect, it } from 'vitest';
import { ValidationError, checkArray, checkClassLabels, checkScalar, checkVector, checkXy } from '../../src';

function problemOf(f: () => unknown) {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    const v = e as ValidationError;
    return { problem: v.problem, argument: v.argument, message: v.message };
  }
  throw new Error('expected a ValidationError');
}

describe('validation', () => {
  it('accepts rows and typed matrices, copying into Float64Array', () => {
    const m = checkArray([[1, 2], [3, 4]]);
    expect(m).toMatchObject({ rows: 2, cols: 2 });
    expect(Array.from(m.data)).toEqual([1, 2, 3, 4]);
    const t = checkArray({ rows: 1, cols: 3, data: new Float32Array([1, 2, 3]) });
    expect(t.data).toBeInstanceOf(Float64Array);
  });

  it('names ragged rows', () => {
    const p = problemOf(() => checkArray([[1, 2], [3]]));
    expect(p.problem).toBe('ragged');
    expect(p.message).toContain('row 1 has 1 values, expected 2');
  });

  it('names empty input', () => {
    expect(problemOf(() => checkArray([])).problem).toBe('empty');
    expect(problemOf(() => checkVector([])).problem).toBe('empty');
  });

  it('names NaN and Infinity with their position', () => {
    const p = problemOf(() => checkArray([[1, 2], [3, NaN]]));
    expect(p.problem).toBe('not-finite');
    expect(p.message).toContain('[1][1]');
    expect(problemOf(() => checkVector([1, Infinity])).problem).toBe('not-finite');
  });

  it('names a label count that does not match', () => {
    const p = problemOf(() => checkXy([[1], [2]], [1, 2, 3]));
    expect(p.problem).toBe('length-mismatch');
    expect(p.argument).toBe('y');
  });

  it('rejects a single class and bad scalars', () => {
    expect(problemOf(() => checkClassLabels([1, 1, 1], 3)).problem).toBe('single-class');
    expect(problemOf(() => checkScalar(-1, 'C', { min: 0, exclusiveMin: true })).argument).toBe('C');
    expect(problemOf(() => checkScalar(1.5, 'k', { integer: true })).problem).toBe('not-integer');
  });

  it('rejects a typed matrix whose data does not fit its shape', () => {
    expect(problemOf(() => checkArray({ rows: 2, cols: 2, data: new Float64Array(3) })).problem).toBe('shape-mismatch');
  });
});
