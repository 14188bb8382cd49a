import { describe, expect, it } from 'vitest';
import { NotFittedError, ValidationError } from '../../src/core/errors';
import { LogisticRegression } from '../../src/linear_model';
import { result, split } from '../fixtures/sklearn';

describe('LogisticRegression', () => {
  it('hand-worked: two symmetric points, C = 1', () => {
    // x = −1 (class 0) and x = +1 (class 1). By symmetry b = 0, and w minimises
    // 2·log(1 + e^{−w}) + ½w², so w = 2σ(−w) = 2/(1 + eʷ): w ≈ 0.6748 (0.675·(1 + e^0.675) ≈ 2.0007).
    const m = new LogisticRegression({ tol: 1e-10 }).fit([[-1], [1]], [0, 1]);
    const w = m.coef[0][0];
    expect(w).toBeCloseTo(2 / (1 + Math.exp(w)), 6);
    expect(w).toBeCloseTo(0.6748, 3);
    expect(m.intercept[0]).toBeCloseTo(0, 6);
    // P(class 1 | x = 1) = σ(w) ≈ 0.6626.
    expect(m.predictProba([[1]])[0][1]).toBeCloseTo(1 / (1 + Math.exp(-w)), 12);
    expect(m.predict([[-3], [0.5]])).toEqual([0, 1]);
  });

  // scikit-learn 1.2.1 reference results: LogisticRegression(C=1, max_iter=10000) on the fixtures' 70/30 splits.
  it.each(['iris', 'moons', 'circles'])('test accuracy on %s ≥ scikit-learn 1.2.1 reference − 0.01', (name) => {
    const { Xtrain, ytrain, Xtest, ytest } = split(name);
    const ref = result('LogisticRegression', name, { C: 1.0 }).testAccuracy as number;
    const m = new LogisticRegression({ C: 1, maxIter: 10000 }).fit(Xtrain, ytrain);
    expect(m.score(Xtest, ytest)).toBeGreaterThanOrEqual(ref - 0.01);
  });

  it('test accuracy on digits ≥ scikit-learn 1.2.1 reference − 0.01 (with the default 100 iterations)', () => {
    // Run to full convergence (≈ 4800 L-BFGS iterations on these unscaled pixels, 15 s) it
    // gives 0.966667, exactly sklearn's; the default maxIter keeps the test fast.
    const { Xtrain, ytrain, Xtest, ytest } = split('digits');
    const ref = result('LogisticRegression', 'digits', { C: 1.0 }).testAccuracy as number;
    const m = new LogisticRegression().fit(Xtrain, ytrain);
    expect(m.score(Xtest, ytest)).toBeGreaterThanOrEqual(ref - 0.01);
    expect(m.coef).toHaveLength(10);
    const P = m.predictProba(Xtest.slice(0, 5));
    for (const row of P) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('multinomial on iris: probabilities, decision function and one-vs-rest', () => {
    const { Xtrain, ytrain, Xtest, ytest } = split('iris');
    const m = new LogisticRegression({ maxIter: 1000 }).fit(Xtrain, ytrain);
    expect(m.classes).toEqual([0, 1, 2]);
    const D = m.decisionFunction(Xtest) as number[][];
    expect(D[0]).toHaveLength(3);
    const P = m.predictProba(Xtest);
    const pred = m.predict(Xtest);
    P.forEach((row, i) => expect(row.indexOf(Math.max(...row))).toBe(pred[i]));
    const ovr = new LogisticRegression({ multiClass: 'ovr', maxIter: 1000 }).fit(Xtrain, ytrain);
    expect(ovr.nIter).toHaveLength(3);
    expect(ovr.score(Xtest, ytest)).toBeGreaterThan(0.9);
    for (const row of ovr.predictProba(Xtest)) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('binary: one row of coef, a 1-D decision function, and stronger penalties shrink the weights', () => {
    const { Xtrain, ytrain } = split('moons');
    const m = new LogisticRegression().fit(Xtrain, ytrain);
    expect(m.coef).toHaveLength(1);
    const z = m.decisionFunction(Xtrain.slice(0, 4)) as number[];
    expect(typeof z[0]).toBe('number');
    const weak = new LogisticRegression({ C: 0.01 }).fit(Xtrain, ytrain);
    const norm = (w: number[]) => Math.hypot(...w);
    expect(norm(weak.coef[0])).toBeLessThan(norm(m.coef[0]));
    const none = new LogisticRegression({ penalty: null }).fit(Xtrain, ytrain);
    expect(norm(none.coef[0])).toBeGreaterThanOrEqual(norm(m.coef[0]) - 1e-6);
  });

  it('fitSteps yields frozen snapshots with a falling loss; fit equals its last step', () => {
    const { Xtrain, ytrain } = split('iris');
    const m = new LogisticRegression({ maxIter: 30 });
    const steps = [...m.fitSteps(Xtrain, ytrain)];
    expect(steps[0].iteration).toBe(0);
    expect(Object.isFrozen(steps[1])).toBe(true);
    for (let i = 1; i < steps.length; i++) expect(steps[i].loss).toBeLessThanOrEqual(steps[i - 1].loss);
    expect(steps[steps.length - 1].coef).toEqual(m.coef);
    const again = new LogisticRegression({ maxIter: 30 }).fit(Xtrain, ytrain);
    expect(again.coef).toEqual(m.coef);
  });

  it('round-trips through JSON', () => {
    const { Xtrain, ytrain, Xtest } = split('iris');
    const m = new LogisticRegression({ maxIter: 200 }).fit(Xtrain, ytrain);
    const back = LogisticRegression.fromJSON(JSON.parse(JSON.stringify(m)));
    expect(back.predictProba(Xtest)).toEqual(m.predictProba(Xtest));
  });

  it('rejects bad input with a ValidationError', () => {
    const X = [[0], [1], [2], [3]];
    const y = [0, 0, 1, 1];
    expect(() => new LogisticRegression({ C: -1 }).fit(X, y)).toThrow(ValidationError);
    expect(() => new LogisticRegression({ C: 0 }).fit(X, y)).toThrow(ValidationError);
    expect(() => new LogisticRegression().fit([[0], [NaN], [2], [3]], y)).toThrow(/finite/);
    expect(() => new LogisticRegression().fit([[0], [Infinity], [2], [3]], y)).toThrow(ValidationError);
    expect(() => new LogisticRegression().fit([[0, 1], [1], [2, 1], [3, 1]], y)).toThrow(/ragged/);
    expect(() => new LogisticRegression().fit([], [])).toThrow(ValidationError);
    expect(() => new LogisticRegression().fit(X, [0, 1, 1])).toThrow(/samples/);
    expect(() => new LogisticRegression().fit(X, [1, 1, 1, 1])).toThrow(expect.objectContaining({ problem: 'single-class' }));
    expect(() => new LogisticRegression().predict(X)).toThrow(NotFittedError);
    expect(() => new LogisticRegression().fit(X, y).predict([[1, 2]])).toThrow(/features/);
  });
});
