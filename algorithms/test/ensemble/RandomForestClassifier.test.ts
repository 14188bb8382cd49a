import { describe, expect, it } from 'vitest';
import { DecisionTreeClassifier, NotFittedError, RandomForestClassifier } from '../../src';
import { results, split } from '../fixtures/sklearn';

const accuracy = (p: number[], y: number[]) => p.reduce((s, v, i) => s + (v === y[i] ? 1 : 0), 0) / y.length;

describe('RandomForestClassifier', () => {
  it('hand-worked: without bootstrap every tree is the one best tree', () => {
    // X = 1, 2, 3, 4, y = 0, 0, 1, 1, all samples and the one feature for every tree: each
    // tree is the single split x ≤ 2.5 with pure leaves, so each tree's probabilities are
    // 1 or 0 and their mean too: (1 + 1 + 1)/3 = 1 for class 0 at x = 0.
    const X = [[1], [2], [3], [4]];
    const y = [0, 0, 1, 1];
    const f = new RandomForestClassifier({ nEstimators: 3, bootstrap: false, maxFeatures: null }).fit(X, y);
    expect(f.estimators).toHaveLength(3);
    for (const t of f.estimators) expect(t.tree[0].threshold).toBe(2.5);
    expect(f.predictProba([[0], [5]])).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(f.treeVotes([[0]])).toEqual([[0, 0, 0]]);
  });

  it('hand-worked: a bootstrap sample counts repeated draws as weights', () => {
    // Each tree sees n = 4 draws with replacement; its root's class counts add up to 4 draws,
    // spread over the distinct samples drawn (samples counts those distinct samples).
    const X = [[1], [2], [3], [4]];
    const steps = [...new RandomForestClassifier({ nEstimators: 5, randomState: 3 }).fitSteps(X, [0, 0, 1, 1])];
    expect(steps).toHaveLength(5);
    for (const st of steps) {
      expect(Object.isFrozen(st)).toBe(true);
      expect(st.sampleCounts.reduce((a, b) => a + b, 0)).toBe(4);
      const root = st.estimator.tree[0];
      expect(root.value.reduce((a, b) => a + b, 0)).toBe(4);
      expect(root.samples).toBe(st.sampleCounts.filter((c) => c > 0).length);
    }
    expect(steps.map((s) => s.nEstimators)).toEqual([1, 2, 3, 4, 5]);
  });

  // scikit-learn 1.2.1 reference results: RandomForestClassifier(n_estimators=100, random_state=0).
  describe.each(results('RandomForestClassifier'))('matches scikit-learn 1.2.1 reference results: $data', (ref) => {
    it('test accuracy ≥ sklearn − 0.01', () => {
      const s = split(ref.data);
      const f = new RandomForestClassifier(ref.settings as object).fit(s.Xtrain, s.ytrain);
      const acc = accuracy(f.predict(s.Xtest), s.ytest);
      expect(acc).toBeGreaterThanOrEqual((ref.testAccuracy as number) - 0.01);
      // Bootstrap samples and feature draws follow scikit-learn's generators: same forest, same accuracy.
      expect(acc).toBeCloseTo(ref.testAccuracy as number, 5);
    });
  });

  it('averages the trees’ probabilities and exposes their votes', () => {
    const s = split('moons');
    const f = new RandomForestClassifier({ nEstimators: 25 }).fit(s.Xtrain, s.ytrain);
    const proba = f.predictProba(s.Xtest.slice(0, 5));
    const each = f.estimators.map((t) => t.predictProba(s.Xtest.slice(0, 5)));
    proba.forEach((p, i) => p.forEach((v, k) => expect(v).toBeCloseTo(each.reduce((a, e) => a + e[i][k], 0) / 25, 12)));
    const votes = f.treeVotes(s.Xtest.slice(0, 5));
    expect(votes[0]).toHaveLength(25);
    votes.forEach((v, i) => v.forEach((c, t) => expect(c).toBe(f.estimators[t].predict([s.Xtest[i]])[0])));
    expect(f.featureImportances.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const back = RandomForestClassifier.fromJSON(JSON.parse(JSON.stringify(f)));
    expect(back.predictProba(s.Xtest)).toEqual(f.predictProba(s.Xtest));
    expect(back.estimators[0]).toBeInstanceOf(DecisionTreeClassifier);
  });

  it('rejects bad input with a ValidationError', () => {
    const bad = (f: () => unknown, problem: string) => expect(f).toThrow(expect.objectContaining({ name: 'ValidationError', problem }));
    bad(() => new RandomForestClassifier().fit([[1], [NaN]], [0, 1]), 'not-finite');
    bad(() => new RandomForestClassifier().fit([[1], [Infinity]], [0, 1]), 'not-finite');
    bad(() => new RandomForestClassifier().fit([[1, 2], [3]], [0, 1]), 'ragged');
    bad(() => new RandomForestClassifier().fit([], []), 'empty');
    bad(() => new RandomForestClassifier().fit([[1], [2]], [0, 1, 0]), 'length-mismatch');
    bad(() => new RandomForestClassifier().fit([[1], [2]], [1, 1]), 'single-class');
    bad(() => new RandomForestClassifier({ nEstimators: 0 }).fit([[1], [2]], [0, 1]), 'out-of-range');
    bad(() => new RandomForestClassifier({ maxDepth: -2 }).fit([[1], [2]], [0, 1]), 'out-of-range');
    expect(() => new RandomForestClassifier().predict([[1]])).toThrow(NotFittedError);
  });
});
