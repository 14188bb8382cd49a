import { describe, expect, it } from 'vitest';
import { NotFittedError, ValidationError } from '../../src/core/errors';
import { StandardScaler } from '../../src/preprocessing';
import { dataset } from '../fixtures/sklearn';

describe('StandardScaler', () => {
  it('hand-worked: scikit-learn’s documentation example', () => {
    // Columns (0, 0, 1, 1): μ = 0.5, population variance ¼ (divisor n), σ = 0.5;
    // so 2 ↦ (2 − 0.5)/0.5 = 3.
    const s = new StandardScaler().fit([[0, 0], [0, 0], [1, 1], [1, 1]]);
    expect(s.mean).toEqual([0.5, 0.5]);
    expect(s.var).toEqual([0.25, 0.25]);
    expect(s.scale).toEqual([0.5, 0.5]);
    expect(s.transform([[2, 2]])).toEqual([[3, 3]]);
    expect(s.inverseTransform([[3, 3]])).toEqual([[2, 2]]);
    expect(s.nSamplesSeen).toBe(4);
  });

  it('gives columns of mean 0 and population std 1 on iris; constant columns keep scale 1', () => {
    const X = dataset('iris').X;
    const Z = new StandardScaler().fitTransform(X);
    for (let j = 0; j < 4; j++) {
      const col = Z.map((r) => r[j]);
      const m = col.reduce((a, b) => a + b, 0) / col.length;
      const v = col.reduce((a, b) => a + (b - m) ** 2, 0) / col.length;
      expect(m).toBeCloseTo(0, 12);
      expect(v).toBeCloseTo(1, 12);
    }
    const c = new StandardScaler().fit([[5, 1], [5, 2], [5, 3]]);
    expect(c.scale![0]).toBe(1);
    expect(c.transform([[5, 2]])).toEqual([[0, 0]]);
  });

  it('withMean and withStd switch the two steps', () => {
    const X = [[1], [3]];
    expect(new StandardScaler({ withMean: false }).fitTransform(X)).toEqual([[1], [3]]); // σ = 1
    expect(new StandardScaler({ withStd: false }).fitTransform(X)).toEqual([[-1], [1]]);
    const none = new StandardScaler({ withMean: false, withStd: false }).fit(X);
    expect(none.mean).toBeNull();
    expect(none.transform(X)).toEqual([[1], [3]]);
  });

  it('round-trips through JSON', () => {
    const s = new StandardScaler().fit([[1, 2], [3, 5], [4, 4]]);
    expect(StandardScaler.fromJSON(JSON.parse(JSON.stringify(s))).transform([[2, 2]])).toEqual(s.transform([[2, 2]]));
  });

  it('rejects bad input with a ValidationError', () => {
    expect(() => new StandardScaler().fit([[1], [NaN]])).toThrow(/finite/);
    expect(() => new StandardScaler().fit([[1], [-Infinity]])).toThrow(ValidationError);
    expect(() => new StandardScaler().fit([[1, 2], [1]])).toThrow(/ragged/);
    expect(() => new StandardScaler().fit([])).toThrow(ValidationError);
    expect(() => new StandardScaler().fit([[1, 2]]).transform([[1]])).toThrow(/features/);
    expect(() => new StandardScaler().transform([[1]])).toThrow(NotFittedError);
  });
});
