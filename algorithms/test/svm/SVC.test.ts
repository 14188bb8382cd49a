import { describe, expect, it } from 'vitest';
import { NotFittedError, SVC, ValidationError } from '../../src';
import { results, split } from '../fixtures/sklearn';

const accuracy = (p: number[], y: number[]) => p.reduce((s, v, i) => s + (v === y[i] ? 1 : 0), 0) / y.length;

describe('SVC', () => {
  it('hand-worked: two points, linear kernel', () => {
    // x₀ = 0 (class 0), x₁ = 2 (class 1), C = 1. The hard-margin line puts the margins on
    // the points: f(x) = w x + b with f(0) = −1, f(2) = +1, so w = 1, b = −1.
    // SMO's single step: G = Qα − 1 = (−1, −1); i = 0, j = 1; a = K₀₀ + K₁₁ − 2K₀₁ = 0 + 4 − 0 = 4;
    // Δ = (−G₀ − G₁)/a = 2/4 = 0.5, so α = (0.5, 0.5) ≤ C, and w = Σ yᵢαᵢxᵢ = 0.5·2 = 1.
    // Both α are free, so ρ = mean yᵢGᵢ with G = (−1, 1): ρ = −1, and b = −ρ … flipped for
    // two classes as scikit-learn: dualCoef = (−0.5, 0.5), intercept = −1.
    const m = new SVC({ kernel: 'linear', C: 1 }).fit([[0], [2]], [0, 1]);
    expect(m.dualCoef[0][0]).toBeCloseTo(-0.5, 12);
    expect(m.dualCoef[0][1]).toBeCloseTo(0.5, 12);
    expect(m.intercept[0]).toBeCloseTo(-1, 12);
    expect(m.coef[0][0]).toBeCloseTo(1, 12);
    expect(m.nSupport).toEqual([1, 1]);
    expect(m.support).toEqual([0, 1]);
    expect(m.decisionFunction([[0], [1], [3]]) as number[]).toEqual([-1, 0, 2].map((v) => expect.closeTo(v, 12)));
    expect(m.predict([[0.5], [1.5]])).toEqual([0, 1]);
  });

  // scikit-learn 1.2.1 reference results: SVC (rbf, linear, poly) on iris, digits, moons, circles.
  describe.each(results('SVC'))('matches scikit-learn 1.2.1 reference results: $data $settings.kernel', (ref) => {
    it('test accuracy ≥ sklearn − 0.01, nSupport within 1 per class', () => {
      const s = split(ref.data);
      const m = new SVC(ref.settings as object).fit(s.Xtrain, s.ytrain);
      const p = m.predict(s.Xtest);
      expect(accuracy(p, s.ytest)).toBeGreaterThanOrEqual((ref.testAccuracy as number) - 0.01);
      // Same SMO (WSS3, shrinking, tol 1e-3) as libsvm: the support sets agree to within one
      // vector per class (exactly, except circles rbf: 31 vs 30 for class 0).
      const ns = ref.nSupport as number[];
      expect(m.nSupport.length).toBe(ns.length);
      m.nSupport.forEach((c, k) => expect(Math.abs(c - ns[k])).toBeLessThanOrEqual(1));
      if (ref.settings.kernel === 'rbf') {
        const K = m.classes.length;
        const cm = Array.from({ length: K }, () => new Array<number>(K).fill(0));
        s.ytest.forEach((t, i) => cm[m.classes.indexOf(t)][m.classes.indexOf(p[i])]++);
        expect(cm).toEqual(ref.confusionMatrix);
      }
    });
  });

  it('decisionFunction: ovr and ovo shapes, consistent with predict', () => {
    const s = split('iris');
    const m = new SVC().fit(s.Xtrain, s.ytrain);
    const ovr = m.decisionFunction(s.Xtest) as number[][];
    expect(ovr[0]).toHaveLength(3);
    const p = m.predict(s.Xtest);
    ovr.forEach((r, i) => expect(m.classes[r.indexOf(Math.max(...r))]).toBe(p[i]));
    const ovo = new SVC({ decisionFunctionShape: 'ovo' }).fit(s.Xtrain, s.ytrain).decisionFunction(s.Xtest) as number[][];
    expect(ovo[0]).toHaveLength(3);
    // Votes from the ovo values reproduce the ovr vote counts (their integer parts, give or take the confidence).
    ovo.forEach((r, i) => {
      const votes = [0, 0, 0];
      votes[r[0] > 0 ? 0 : 1]++;
      votes[r[1] > 0 ? 0 : 2]++;
      votes[r[2] > 0 ? 1 : 2]++;
      votes.forEach((v, k) => expect(Math.abs(ovr[i][k] - v)).toBeLessThan(1 / 3 + 1e-12));
    });
    const bt = new SVC({ breakTies: true }).fit(s.Xtrain, s.ytrain);
    expect(accuracy(bt.predict(s.Xtest), s.ytest)).toBeGreaterThan(0.95);
  });

  it('gamma: scale = 1/(d·Var X), auto = 1/d, or a number', () => {
    const X = [[0, 0], [2, 0], [0, 2], [2, 2]];
    const y = [0, 0, 1, 1];
    // All 8 entries: mean 1, variance 1, so scale = 1/(2·1) = 0.5.
    expect(new SVC().fit(X, y).gamma).toBeCloseTo(0.5, 12);
    expect(new SVC({ gamma: 'auto' }).fit(X, y).gamma).toBe(0.5);
    expect(new SVC({ gamma: 3 }).fit(X, y).gamma).toBe(3);
  });

  it('fitSteps yields frozen snapshots that converge to the fitted model', () => {
    const s = split('moons');
    const steps = [...new SVC().fitSteps(s.Xtrain, s.ytrain, { every: 5 })];
    expect(steps.length).toBeGreaterThan(3);
    const last = steps[steps.length - 1];
    expect(Object.isFrozen(last)).toBe(true);
    expect(Object.isFrozen(last.dualCoef)).toBe(true);
    expect(last.done).toBe(true);
    expect(last.gap).toBeLessThan(1e-3);
    expect(steps.slice(0, -1).every((st) => !st.done && st.iteration % 5 === 0)).toBe(true);
    const m = new SVC().fit(s.Xtrain, s.ytrain);
    expect(last.positiveClass).toBe(1);
    expect(last.intercept).toBeCloseTo(m.intercept[0], 12);
    const coef = m.support.map((i) => last.dualCoef[i]);
    coef.forEach((c, k) => expect(c).toBeCloseTo(m.dualCoef[0][k], 12));
    expect(last.nSupport).toBe(m.support.length);
  });

  it('round-trips through JSON', () => {
    const s = split('iris');
    const m = new SVC({ kernel: 'poly', degree: 2 }).fit(s.Xtrain, s.ytrain);
    const back = SVC.fromJSON(JSON.parse(JSON.stringify(m)));
    expect(back.decisionFunction(s.Xtest)).toEqual(m.decisionFunction(s.Xtest));
  });

  it('rejects bad input with a ValidationError', () => {
    const bad = (f: () => unknown, problem: string) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        expect((e as ValidationError).problem).toBe(problem);
        return;
      }
      throw new Error('no error thrown');
    };
    bad(() => new SVC().fit([[1], [NaN]], [0, 1]), 'not-finite');
    bad(() => new SVC().fit([[1], [Infinity]], [0, 1]), 'not-finite');
    bad(() => new SVC().fit([[1, 2], [3]], [0, 1]), 'ragged');
    bad(() => new SVC().fit([], []), 'empty');
    bad(() => new SVC().fit([[1], [2], [3]], [0, 1]), 'length-mismatch');
    bad(() => new SVC().fit([[1], [2]], [1, 1]), 'single-class');
    bad(() => new SVC({ C: -1 }).fit([[1], [2]], [0, 1]), 'out-of-range');
    bad(() => new SVC({ C: 0 }).fit([[1], [2]], [0, 1]), 'out-of-range');
    bad(() => new SVC({ kernel: 'sigmoid' as 'rbf' }).fit([[1], [2]], [0, 1]), 'bad-option');
    bad(() => new SVC({ gamma: -1 }).fit([[1], [2]], [0, 1]), 'out-of-range');
    expect(() => new SVC().predict([[1]])).toThrow(NotFittedError);
    const m = new SVC().fit([[1, 0], [0, 1]], [0, 1]);
    bad(() => m.predict([[1]]), 'shape-mismatch');
    bad(() => m.coef, 'bad-option');
  });
});
