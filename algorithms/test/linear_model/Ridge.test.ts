import { describe, expect, it } from 'vitest';
import { NotFittedError, ValidationError } from '../../src/core/errors';
import { LinearRegression, Ridge } from '../../src/linear_model';
import { dataset, result } from '../fixtures/sklearn';

const relErr = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('Ridge', () => {
  it('hand-worked: three points on y = 2x + 1 with α = 1', () => {
    // x̄ = 1, ȳ = 3; centred x̃ = (−1, 0, 1), ỹ = (−2, 0, 2): θ = Σx̃ỹ / (Σx̃² + α) = 4 / (2 + 1) = 4/3,
    // b = ȳ − θx̄ = 3 − 4/3 = 5/3. The penalty shrinks the slope from 2 towards 0.
    const m = new Ridge({ alpha: 1 }).fit([[0], [1], [2]], [1, 3, 5]);
    expect(m.coef[0]).toBeCloseTo(4 / 3, 12);
    expect(m.intercept).toBeCloseTo(5 / 3, 12);
  });

  it('matches scikit-learn 1.2.1 reference results on make_regression (1e-6 relative)', () => {
    const d = dataset('linreg');
    const ref = result('Ridge', 'linreg', { alpha: 1.0 });
    const Xtr = d.train!.map((i) => d.X[i]);
    const ytr = d.train!.map((i) => d.y[i]);
    const m = new Ridge({ alpha: 1 }).fit(Xtr, ytr);
    (ref.coef as number[]).forEach((c, j) => expect(relErr(m.coef[j], c)).toBeLessThan(1e-6));
    expect(relErr(m.intercept, ref.intercept as number)).toBeLessThan(1e-6);
    const Xte = d.test!.map((i) => d.X[i]);
    const yte = d.test!.map((i) => d.y[i]);
    expect(m.score(Xte, yte)).toBeCloseTo(ref.testR2 as number, 7);
  });

  it('equals LinearRegression at α = 0, and is unique for collinear features when α > 0', () => {
    const X = [[0, 1], [1, 3], [2, 2], [3, 7]];
    const y = [1, 2, 4, 3];
    const a = new Ridge({ alpha: 0 }).fit(X, y);
    const b = new LinearRegression().fit(X, y);
    a.coef.forEach((c, j) => expect(c).toBeCloseTo(b.coef[j], 10));
    // x₂ = 2x₁: (X̃ᵀX̃ + I) is still invertible, and the solution splits the weight 1:2.
    const r = new Ridge({ alpha: 1, fitIntercept: false }).fit([[1, 2], [2, 4], [3, 6]], [1, 2, 3]);
    expect(r.coef[1] / r.coef[0]).toBeCloseTo(2, 10);
    // α = 0 with collinear columns falls back to the pseudo-inverse (minimum norm).
    const p = new Ridge({ alpha: 0, fitIntercept: false }).fit([[1, 2], [2, 4], [3, 6]], [1, 2, 3]);
    expect(p.coef[0]).toBeCloseTo(0.2, 8);
    expect(p.coef[1]).toBeCloseTo(0.4, 8);
  });

  it('round-trips through JSON', () => {
    const m = new Ridge({ alpha: 0.5 }).fit([[0, 1], [1, 0], [2, 2]], [1, 2, 3]);
    const back = Ridge.fromJSON(JSON.parse(JSON.stringify(m)));
    expect(back.predict([[3, 1]])).toEqual(m.predict([[3, 1]]));
  });

  it('rejects bad input with a ValidationError', () => {
    expect(() => new Ridge({ alpha: -1 }).fit([[1], [2]], [1, 2])).toThrow(ValidationError);
    expect(() => new Ridge().fit([[1], [NaN]], [1, 2])).toThrow(/finite/);
    expect(() => new Ridge().fit([[1], [Infinity]], [1, 2])).toThrow(ValidationError);
    expect(() => new Ridge().fit([[1, 2], [3]], [1, 2])).toThrow(/ragged/);
    expect(() => new Ridge().fit([], [])).toThrow(ValidationError);
    expect(() => new Ridge().fit([[1], [2]], [1])).toThrow(/samples/);
    expect(() => new Ridge().predict([[1]])).toThrow(NotFittedError);
    expect(() => new Ridge().fit([[1, 2], [2, 1]], [1, 2]).predict([[1]])).toThrow(/features/);
  });
});
