import { describe, expect, it } from 'vitest';
import { LinearSVC, NotFittedError, ValidationError } from '../../src';
import { results, split } from '../fixtures/sklearn';

const accuracy = (p: number[], y: number[]) => p.reduce((s, v, i) => s + (v === y[i] ? 1 : 0), 0) / y.length;

describe('LinearSVC', () => {
  it('hand-worked: two symmetric points, hinge and squared hinge', () => {
    // x = −1 (class 0) and x = +1 (class 1), C = 1; the intercept is the weight of a constant
    // feature 1, so by symmetry b = 0. Hinge: min ½w² + 2·max(0, 1 − w); for w < 1 the slope
    // w − 2 < 0, for w > 1 it is w > 0, so the minimum is at the kink w = 1.
    // Squared hinge: min ½w² + 2(1 − w)², so w − 4(1 − w) = 0 and w = 0.8.
    const X = [[-1], [1]];
    const hinge = new LinearSVC({ loss: 'hinge', tol: 1e-8 }).fit(X, [0, 1]);
    expect(hinge.coef[0][0]).toBeCloseTo(1, 6);
    expect(hinge.intercept[0]).toBeCloseTo(0, 6);
    const sq = new LinearSVC({ loss: 'squared_hinge', tol: 1e-8 }).fit(X, [0, 1]);
    expect(sq.coef[0][0]).toBeCloseTo(0.8, 6);
    expect(sq.predict([[-0.1], [0.1]])).toEqual([0, 1]);
  });

  // scikit-learn 1.2.1 reference results: LinearSVC(loss='hinge', max_iter=100000) on iris, digits, moons, circles.
  // On unscaled digits the hinge-loss coordinate descent converges slowly (scikit-learn's own
  // run hits its 100000-epoch cap); we keep the default 1000 epochs to keep the test fast.
  describe.each(results('LinearSVC'))('matches scikit-learn 1.2.1 reference results: $data', (ref) => {
    it('test accuracy ≥ sklearn − 0.01', () => {
      const s = split(ref.data);
      const m = new LinearSVC({ loss: 'hinge', C: 1 }).fit(s.Xtrain, s.ytrain);
      expect(accuracy(m.predict(s.Xtest), s.ytest)).toBeGreaterThanOrEqual((ref.testAccuracy as number) - 0.01);
      expect(m.coef).toHaveLength(m.classes.length === 2 ? 1 : m.classes.length);
    });
  });

  it('fitSteps yields one frozen snapshot per epoch, ending at the fitted model', () => {
    const s = split('moons');
    const steps = [...new LinearSVC({ loss: 'hinge' }).fitSteps(s.Xtrain, s.ytrain)];
    const last = steps[steps.length - 1];
    expect(Object.isFrozen(last) && Object.isFrozen(last.coef)).toBe(true);
    expect(last.done).toBe(true);
    expect(last.gap).toBeLessThanOrEqual(1e-4);
    expect(steps.map((st) => st.epoch)).toEqual(steps.map((_, k) => k + 1));
    const m = new LinearSVC({ loss: 'hinge' }).fit(s.Xtrain, s.ytrain);
    expect(last.coef).toEqual(m.coef[0]);
    expect(last.intercept).toBe(m.intercept[0]);
  });

  it('decisionFunction is w·x + b', () => {
    const s = split('iris');
    const m = new LinearSVC().fit(s.Xtrain, s.ytrain);
    const f = m.decisionFunction([s.Xtest[0]]) as number[][];
    expect(f[0][1]).toBeCloseTo(m.coef[1].reduce((a, w, j) => a + w * s.Xtest[0][j], m.intercept[1]), 12);
    const back = LinearSVC.fromJSON(JSON.parse(JSON.stringify(m)));
    expect(back.predict(s.Xtest)).toEqual(m.predict(s.Xtest));
  });

  it('rejects bad input with a ValidationError', () => {
    const bad = (f: () => unknown, problem: string) => expect(f).toThrow(expect.objectContaining({ name: 'ValidationError', problem }));
    bad(() => new LinearSVC().fit([[1], [NaN]], [0, 1]), 'not-finite');
    bad(() => new LinearSVC().fit([[1], [-Infinity]], [0, 1]), 'not-finite');
    bad(() => new LinearSVC().fit([[1, 2], [3]], [0, 1]), 'ragged');
    bad(() => new LinearSVC().fit([], []), 'empty');
    bad(() => new LinearSVC().fit([[1], [2]], [0, 1, 1]), 'length-mismatch');
    bad(() => new LinearSVC().fit([[1], [2]], [3, 3]), 'single-class');
    bad(() => new LinearSVC({ C: -0.5 }).fit([[1], [2]], [0, 1]), 'out-of-range');
    bad(() => new LinearSVC({ loss: 'log' as 'hinge' }).fit([[1], [2]], [0, 1]), 'bad-option');
    expect(() => new LinearSVC().predict([[1]])).toThrow(NotFittedError);
    expect(() => new LinearSVC().fit([[1], [NaN]], [0, 1])).toThrow(ValidationError);
  });
});
