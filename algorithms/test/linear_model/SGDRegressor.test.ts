import { describe, expect, it } from 'vitest';
import { NotFittedError, ValidationError } from '../../src/core/errors';
import { LinearRegression, SGDRegressor } from '../../src/linear_model';
import { dataset } from '../fixtures/sklearn';

const d = dataset('linreg');
const Xtr = d.train!.map((i) => d.X[i]);
const ytr = d.train!.map((i) => d.y[i]);

describe('SGDRegressor', () => {
  it('hand-worked: one update on one sample', () => {
    // x = 1, y = 2, θ = b = 0, η = 0.1 constant, no penalty: ŷ = 0, ℓ = ½(0 − 2)² = 2,
    // ∂ℓ/∂ŷ = ŷ − y = −2, so θ ← 0 − 0.1·(−2)·1 = 0.2 and b ← 0.2.
    const m = new SGDRegressor({ learningRate: 'constant', eta0: 0.1, penalty: null, maxIter: 1, tol: null, shuffle: false });
    const steps = [...m.fitSteps([[1]], [2])];
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ epoch: 1, nUpdates: 1, loss: 2, learningRate: 0.1 });
    expect(m.coef[0]).toBeCloseTo(0.2, 15);
    expect(m.intercept).toBeCloseTo(0.2, 15);
  });

  it('hand-worked: the L2 weight decay', () => {
    // With θ = 0.2 after step 1 (as above) and α = 1, ρ = 0, η = 0.1: step 2 first decays θ by
    // (1 − ηα) = 0.9 → 0.18, then ŷ was 0.2 + 0.2 = 0.4, g = −1.6, θ ← 0.18 + 0.16 = 0.34.
    const m = new SGDRegressor({ learningRate: 'constant', eta0: 0.1, alpha: 1, maxIter: 2, tol: null, shuffle: false }).fit([[1]], [2]);
    // Step 1 also decays first (θ = 0 so no effect): θ₁ = 0.2, b₁ = 0.2; step 2 as above, b₂ = 0.2 + 0.16.
    expect(m.coef[0]).toBeCloseTo(0.34, 14);
    expect(m.intercept).toBeCloseTo(0.36, 14);
  });

  it('converges near the least-squares solution on make_regression (scikit-learn 1.2.1 reference data)', () => {
    const ols = new LinearRegression().fit(Xtr, ytr);
    const m = new SGDRegressor({ randomState: 0 }).fit(Xtr, ytr);
    ols.coef.forEach((c, j) => expect(Math.abs(m.coef[j] - c) / Math.abs(c)).toBeLessThan(0.02));
    expect(m.nIter).toBeLessThan(1000);
  });

  it('is reproducible from a seed; the epoch loss falls; an L1 penalty zeroes a useless feature', () => {
    const a = new SGDRegressor({ randomState: 5 }).fit(Xtr, ytr);
    const b = new SGDRegressor({ randomState: 5 }).fit(Xtr, ytr);
    expect(a.coef).toEqual(b.coef);
    const steps = [...new SGDRegressor({ randomState: 5, maxIter: 20, tol: null }).fitSteps(Xtr, ytr)];
    expect(steps[19].loss).toBeLessThan(steps[0].loss);
    expect(Object.isFrozen(steps[3])).toBe(true);
    const X = Xtr.map((r, i) => [r[0], ((i * 37) % 17) / 17 - 0.5]);
    const y = X.map((r) => 2 * r[0]);
    const l1 = new SGDRegressor({ penalty: 'l1', alpha: 0.05, learningRate: 'constant', eta0: 0.01, randomState: 0 }).fit(X, y);
    expect(Math.abs(l1.coef[1])).toBeLessThan(1e-3);
  });

  it('round-trips through JSON', () => {
    const m = new SGDRegressor({ randomState: 2, maxIter: 5, tol: null }).fit(Xtr, ytr);
    expect(SGDRegressor.fromJSON(JSON.parse(JSON.stringify(m))).predict(Xtr.slice(0, 2))).toEqual(m.predict(Xtr.slice(0, 2)));
  });

  it('rejects bad input with a ValidationError', () => {
    expect(() => new SGDRegressor({ alpha: -1 }).fit([[1], [2]], [1, 2])).toThrow(ValidationError);
    expect(() => new SGDRegressor({ eta0: 0, learningRate: 'constant' }).fit([[1], [2]], [1, 2])).toThrow(ValidationError);
    expect(() => new SGDRegressor().fit([[1], [NaN]], [1, 2])).toThrow(/finite/);
    expect(() => new SGDRegressor().fit([[1, 2], [3]], [1, 2])).toThrow(/ragged/);
    expect(() => new SGDRegressor().fit([], [])).toThrow(ValidationError);
    expect(() => new SGDRegressor().fit([[1], [2]], [1])).toThrow(/samples/);
    // A step far too large blows up: reported, not silently NaN.
    expect(() => new SGDRegressor({ learningRate: 'constant', eta0: 10, tol: null, maxIter: 50 }).fit(Xtr, ytr)).toThrow(/diverged/);
    expect(() => new SGDRegressor().predict([[1]])).toThrow(NotFittedError);
  });
});
