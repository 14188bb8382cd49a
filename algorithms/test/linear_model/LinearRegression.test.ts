import { describe, expect, it } from 'vitest';
import { LinearRegression, NotFittedError, ValidationError } from '../../src';
import { dataset, result } from '../fixtures/sklearn';

describe('LinearRegression', () => {
  it('hand-worked: three points on y = 2x + 1', () => {
    // x̄ = 1, ȳ = 3; θ = Σ(x−x̄)(y−ȳ)/Σ(x−x̄)² = ((−1)(−2) + 0 + (1)(2)) / 2 = 2; b = 3 − 2·1 = 1.
    const m = new LinearRegression().fit([[0], [1], [2]], [1, 3, 5]);
    expect(m.coef[0]).toBeCloseTo(2, 12);
    expect(m.intercept).toBeCloseTo(1, 12);
    expect(m.predict([[10]])[0]).toBeCloseTo(21, 10);
  });

  it('matches scikit-learn 1.2.1 reference results on make_regression (1e-6 relative)', () => {
    const d = dataset('linreg');
    const ref = result('LinearRegression', 'linreg');
    const Xtr = d.train!.map((i) => d.X[i]);
    const ytr = d.train!.map((i) => d.y[i]);
    const m = new LinearRegression().fit(Xtr, ytr);
    (ref.coef as number[]).forEach((c, j) => expect(Math.abs(m.coef[j] - c) / Math.abs(c)).toBeLessThan(1e-6));
    expect(Math.abs(m.intercept - (ref.intercept as number)) / Math.abs(ref.intercept as number)).toBeLessThan(1e-6);
    const Xte = d.test!.map((i) => d.X[i]);
    const yte = d.test!.map((i) => d.y[i]);
    expect(m.score(Xte, yte)).toBeCloseTo(ref.testR2 as number, 6);
  });

  it('gives the minimum-norm solution for collinear features', () => {
    // x₂ = 2x₁: any θ with θ₁ + 2θ₂ = 1 fits y = x₁; the minimum-norm one is (0.2, 0.4).
    const m = new LinearRegression({ fitIntercept: false }).fit([[1, 2], [2, 4], [3, 6]], [1, 2, 3]);
    expect(m.coef[0]).toBeCloseTo(0.2, 10);
    expect(m.coef[1]).toBeCloseTo(0.4, 10);
  });

  it('round-trips through JSON', () => {
    const m = new LinearRegression().fit([[0], [1], [2]], [1, 3, 5]);
    const back = LinearRegression.fromJSON(JSON.parse(JSON.stringify(m)));
    expect(back.predict([[3]])).toEqual(m.predict([[3]]));
  });

  it('rejects bad input with a ValidationError and refuses to predict unfitted', () => {
    expect(() => new LinearRegression().fit([[1], [2]], [1])).toThrow(ValidationError);
    expect(() => new LinearRegression().fit([[1], [NaN]], [1, 2])).toThrow(/not-finite|finite/);
    expect(() => new LinearRegression().fit([], [])).toThrow(ValidationError);
    expect(() => new LinearRegression().predict([[1]])).toThrow(NotFittedError);
    const m = new LinearRegression().fit([[0, 1], [1, 0], [1, 1]], [1, 2, 3]);
    expect(() => m.predict([[1]])).toThrow(/features/);
  });
});
