import { describe, expect, it } from 'vitest';
import { NotFittedError, ValidationError } from '../../src/core/errors';
import { ElasticNet, Lasso } from '../../src/linear_model';
import { dataset, result } from '../fixtures/sklearn';

const d = dataset('linreg');
const Xtr = d.train!.map((i) => d.X[i]);
const ytr = d.train!.map((i) => d.y[i]);
const Xte = d.test!.map((i) => d.X[i]);
const yte = d.test!.map((i) => d.y[i]);
const relErr = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('Lasso', () => {
  it('hand-worked: one feature, the soft threshold', () => {
    // x = (−1, 0, 1), y = (−2, 0, 2) (already centred), n = 3, α = 1:
    // θ = S(xᵀy, nα) / ‖x‖² = S(4, 3) / 2 = 1/2. Check: d/dθ [(1/6)Σ(y − θx)² + |θ|] = −(4 − 2θ)/3 + 1 = 0 at θ = 1/2.
    const m = new Lasso({ alpha: 1 }).fit([[-1], [0], [1]], [-2, 0, 2]);
    expect(m.coef[0]).toBeCloseTo(0.5, 12);
    expect(m.intercept).toBeCloseTo(0, 12);
    // α ≥ xᵀy / n = 4/3 sets θ exactly to 0 (sparsity).
    expect(new Lasso({ alpha: 1.5 }).fit([[-1], [0], [1]], [-2, 0, 2]).coef[0]).toBe(0);
  });

  it('matches scikit-learn 1.2.1 reference results on make_regression (1e-3 relative)', () => {
    const ref = result('Lasso', 'linreg', { alpha: 1.0 });
    const m = new Lasso({ alpha: 1 }).fit(Xtr, ytr);
    (ref.coef as number[]).forEach((c, j) => expect(relErr(m.coef[j], c)).toBeLessThan(1e-3));
    expect(relErr(m.intercept, ref.intercept as number)).toBeLessThan(1e-3);
    expect(m.score(Xte, yte)).toBeCloseTo(ref.testR2 as number, 4);
  });

  it('zeroes the uninformative features of a sparse problem', () => {
    // y depends on x₀ only; x₁, x₂ are noise-free decoys.
    const X = Array.from({ length: 40 }, (_, i) => [Math.sin(i), Math.cos(3 * i), ((i * 7) % 11) / 11]);
    const y = X.map((r) => 3 * r[0]);
    const m = new Lasso({ alpha: 0.1 }).fit(X, y);
    expect(m.coef[0]).toBeGreaterThan(2);
    expect(m.coef[1]).toBe(0);
    expect(m.coef[2]).toBe(0);
  });
});

describe('ElasticNet', () => {
  it('hand-worked: one feature, α = 1, ρ = ½', () => {
    // θ = S(xᵀy, nαρ) / (‖x‖² + nα(1 − ρ)) = S(4, 1.5) / (2 + 1.5) = 2.5 / 3.5 = 5/7.
    const m = new ElasticNet({ alpha: 1, l1Ratio: 0.5 }).fit([[-1], [0], [1]], [-2, 0, 2]);
    expect(m.coef[0]).toBeCloseTo(5 / 7, 12);
  });

  it('matches scikit-learn 1.2.1 reference results on make_regression (1e-3 relative)', () => {
    const ref = result('ElasticNet', 'linreg', { alpha: 1.0, l1Ratio: 0.5 });
    const m = new ElasticNet({ alpha: 1, l1Ratio: 0.5 }).fit(Xtr, ytr);
    (ref.coef as number[]).forEach((c, j) => expect(relErr(m.coef[j], c)).toBeLessThan(1e-3));
    expect(relErr(m.intercept, ref.intercept as number)).toBeLessThan(1e-3);
    expect(m.score(Xte, yte)).toBeCloseTo(ref.testR2 as number, 4);
    expect(m.dualGap).toBeLessThan(1e-4 * ytr.reduce((s, v) => s + v * v, 0));
  });

  it('yields frozen snapshots whose objective never increases, and fit equals the last one', () => {
    const m = new ElasticNet({ alpha: 0.5, selection: 'random', randomState: 1 });
    const steps = [...m.fitSteps(Xtr, ytr)];
    expect(steps.length).toBe(m.nIter);
    for (let i = 1; i < steps.length; i++) expect(steps[i].loss).toBeLessThanOrEqual(steps[i - 1].loss + 1e-12);
    expect(Object.isFrozen(steps[0])).toBe(true);
    expect(steps[steps.length - 1].converged).toBe(true);
    expect(steps[steps.length - 1].coef).toEqual(m.coef);
    const cyclic = new ElasticNet({ alpha: 0.5 }).fit(Xtr, ytr);
    cyclic.coef.forEach((c, j) => expect(m.coef[j]).toBeCloseTo(c, 3));
  });

  it('round-trips through JSON (Lasso stays a Lasso)', () => {
    const m = new Lasso({ alpha: 0.3 }).fit(Xtr, ytr);
    const back = ElasticNet.fromJSON(JSON.parse(JSON.stringify(m)));
    expect(back).toBeInstanceOf(Lasso);
    expect(back.predict(Xte.slice(0, 3))).toEqual(m.predict(Xte.slice(0, 3)));
  });

  it('rejects bad input with a ValidationError', () => {
    expect(() => new Lasso({ alpha: -0.1 }).fit([[1], [2]], [1, 2])).toThrow(ValidationError);
    expect(() => new ElasticNet({ l1Ratio: 1.5 }).fit([[1], [2]], [1, 2])).toThrow(ValidationError);
    expect(() => new ElasticNet().fit([[1], [NaN]], [1, 2])).toThrow(/finite/);
    expect(() => new ElasticNet().fit([[1], [2]], [1, Infinity])).toThrow(/finite/);
    expect(() => new ElasticNet().fit([[1, 2], [3]], [1, 2])).toThrow(/ragged/);
    expect(() => new ElasticNet().fit([], [])).toThrow(ValidationError);
    expect(() => new Lasso().fit([[1], [2], [3]], [1, 2])).toThrow(/samples/);
    expect(() => new ElasticNet({ maxIter: 0 }).fit([[1], [2]], [1, 2])).toThrow(ValidationError);
    expect(() => new Lasso().coef).toThrow(NotFittedError);
  });
});
