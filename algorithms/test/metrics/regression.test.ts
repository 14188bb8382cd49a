import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors';
import { LinearRegression } from '../../src/linear_model';
import { meanAbsoluteError, meanSquaredError, r2Score } from '../../src/metrics';
import { dataset, result } from '../fixtures/sklearn';

describe('regression metrics', () => {
  it('hand-worked: scikit-learn’s documentation example', () => {
    // Residuals (0.5, −0.5, 0, −1): MSE = (0.25 + 0.25 + 0 + 1)/4 = 0.375, MAE = 2/4 = 0.5.
    // ȳ = 2.875, Σ(y − ȳ)² = 29.1875, so R² = 1 − 1.5/29.1875 = 0.948608….
    const t = [3, -0.5, 2, 7];
    const p = [2.5, 0, 2, 8];
    expect(meanSquaredError(t, p)).toBeCloseTo(0.375, 15);
    expect(meanSquaredError(t, p, { squared: false })).toBeCloseTo(Math.sqrt(0.375), 15);
    expect(meanAbsoluteError(t, p)).toBeCloseTo(0.5, 15);
    expect(r2Score(t, p)).toBeCloseTo(0.9486081370449679, 14);
    // Constant target: R² is 1 for a perfect prediction and 0 otherwise (no NaN).
    expect(r2Score([2, 2], [2, 2])).toBe(1);
    expect(r2Score([2, 2], [2, 3])).toBe(0);
  });

  it('equals scikit-learn 1.2.1 reference results (test MSE and R² of LinearRegression)', () => {
    const d = dataset('linreg');
    const ref = result('LinearRegression', 'linreg');
    const m = new LinearRegression().fit(d.train!.map((i) => d.X[i]), d.train!.map((i) => d.y[i]));
    const yte = d.test!.map((i) => d.y[i]);
    const p = m.predict(d.test!.map((i) => d.X[i]));
    expect(meanSquaredError(yte, p)).toBeCloseTo(ref.testMSE as number, 6);
    expect(r2Score(yte, p)).toBeCloseTo(ref.testR2 as number, 8);
  });

  it('rejects bad input with a ValidationError', () => {
    expect(() => meanSquaredError([1, 2], [1])).toThrow(expect.objectContaining({ problem: 'length-mismatch' }));
    expect(() => r2Score([], [])).toThrow(ValidationError);
    expect(() => meanAbsoluteError([1, NaN], [1, 2])).toThrow(/finite/);
    expect(() => r2Score([1, 2], [1, Infinity])).toThrow(/finite/);
  });
});
