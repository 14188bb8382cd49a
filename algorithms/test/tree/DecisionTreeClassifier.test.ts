import { describe, expect, it } from 'vitest';
import { DecisionTreeClassifier, NotFittedError, ValidationError, type DecisionTreeStep } from '../../src';
import { results, split } from '../fixtures/sklearn';

const accuracy = (p: number[], y: number[]) => p.reduce((s, v, i) => s + (v === y[i] ? 1 : 0), 0) / y.length;

describe('DecisionTreeClassifier', () => {
  it('hand-worked: four points on a line', () => {
    // X = 1, 2, 3, 4 with y = 0, 0, 1, 1. Root Gini = 1 − (½² + ½²) = 0.5. Candidate cuts at
    // 1.5, 2.5, 3.5 leave children impurities weighted (1·0 + 3·(1 − (1/9 + 4/9)))/4 = 1/3,
    // (2·0 + 2·0)/4 = 0, and 1/3 again: the best is t = 2.5 (midpoint of 2 and 3), with pure
    // leaves [2, 0] and [0, 2]. The one split takes all the impurity: importance 1.
    const m = new DecisionTreeClassifier().fit([[1], [2], [3], [4]], [0, 0, 1, 1]);
    const t = m.tree;
    expect(t).toHaveLength(3);
    expect(t[0]).toMatchObject({ id: 0, depth: 0, feature: 0, threshold: 2.5, impurity: 0.5, samples: 4, value: [2, 2], left: 1, right: 2 });
    expect(t[1]).toMatchObject({ feature: -1, threshold: -2, impurity: 0, samples: 2, value: [2, 0], left: -1, right: -1, depth: 1 });
    expect(t[2]).toMatchObject({ feature: -1, impurity: 0, samples: 2, value: [0, 2] });
    expect(m.featureImportances).toEqual([1]);
    expect(m.predict([[2.4], [2.6]])).toEqual([0, 1]);
    expect(m.predictProba([[0]])).toEqual([[1, 0]]);
    expect(m.apply([[0], [9]])).toEqual([1, 2]);
    // Entropy of the root: −2·½ log₂ ½ = 1 bit.
    expect(new DecisionTreeClassifier({ criterion: 'entropy' }).fit([[1], [2], [3], [4]], [0, 0, 1, 1]).tree[0].impurity).toBe(1);
  });

  // scikit-learn 1.2.1 reference results: DecisionTreeClassifier(random_state=0), max_depth None and 5.
  describe.each(results('DecisionTreeClassifier'))('matches scikit-learn 1.2.1 reference results: $data maxDepth $settings.maxDepth', (ref) => {
    it('test accuracy ≥ sklearn − 0.01', () => {
      const s = split(ref.data);
      const m = new DecisionTreeClassifier(ref.settings as object).fit(s.Xtrain, s.ytrain);
      const acc = accuracy(m.predict(s.Xtest), s.ytest);
      expect(acc).toBeGreaterThanOrEqual((ref.testAccuracy as number) - 0.01);
      // The feature draws follow scikit-learn's generators, so the same seed grows the same
      // tree and the accuracy is scikit-learn's exactly.
      expect(acc).toBeCloseTo(ref.testAccuracy as number, 5);
    });
  });

  it('exposes the tree as plain, consistent data', () => {
    const s = split('iris');
    const m = new DecisionTreeClassifier({ maxDepth: 3 }).fit(s.Xtrain, s.ytrain);
    const t = m.tree;
    expect(Object.isFrozen(t) && Object.isFrozen(t[0])).toBe(true);
    expect(m.depth).toBeLessThanOrEqual(3);
    for (const node of t) {
      expect(node.value.reduce((a, b) => a + b, 0)).toBe(node.samples);
      if (node.left >= 0) {
        expect(t[node.left].samples + t[node.right].samples).toBe(node.samples);
        expect(t[node.left].depth).toBe(node.depth + 1);
      } else expect(node.feature).toBe(-1);
    }
    expect(JSON.parse(JSON.stringify(t))[0].value).toEqual([...t[0].value]);
    const fi = m.featureImportances;
    expect(fi.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const back = DecisionTreeClassifier.fromJSON(JSON.parse(JSON.stringify(m)));
    expect(back.predictProba(s.Xtest)).toEqual(m.predictProba(s.Xtest));
  });

  it('fitSteps, hand-worked: one frozen snapshot per node in growth order', () => {
    // X = 0, 1, 2, 3 with y = 0, 0, 1, 0. Root counts [3, 1], Gini 1 − (9 + 1)/16 = 0.375.
    // Cuts at 0.5, 1.5, 2.5 leave weighted child Gini 3/4·4/9 = 1/3, 2/4·½ = 1/4, 1/3: the
    // root splits at 1.5, decrease 0.375 − 0.25 = 0.125. Node 1 ([2, 0]) is a pure leaf;
    // node 2 ([1, 1], Gini ½) splits at 2.5 into pure leaves 3 and 4: decrease (2/4)·½ = 0.25.
    const X = [[0], [1], [2], [3]];
    const y = [0, 0, 1, 0];
    const steps = [...new DecisionTreeClassifier().fitSteps(X, y)];
    expect(steps.map((s) => [s.node, s.isLeaf])).toEqual([
      [0, false],
      [1, true],
      [2, false],
      [3, true],
      [4, true],
    ]);
    expect(steps.map((s) => s.impurityDecrease)).toEqual([0.125, 0, 0.25, 0, 0]);
    expect(steps.map((s) => s.nodes.length)).toEqual([1, 2, 3, 4, 5]);
    // Children appear as they are grown.
    expect(steps[0].nodes[0]).toMatchObject({ feature: 0, threshold: 1.5, impurity: 0.375, left: -1, right: -1, value: [3, 1] });
    expect(steps[1].nodes[0]).toMatchObject({ left: 1, right: -1 });
    expect(steps[1].added).toMatchObject({ id: 1, depth: 1, feature: -1, value: [2, 0] });
    expect(steps[2].added).toMatchObject({ id: 2, depth: 1, feature: 0, threshold: 2.5, impurity: 0.5, left: -1, right: -1 });
    expect(steps[4].added).toMatchObject({ id: 4, depth: 2, value: [1, 0] });
    // Snapshots are frozen and do not change as the growth goes on.
    expect(Object.isFrozen(steps[0])).toBe(true);
    expect(Object.isFrozen(steps[0].nodes)).toBe(true);
    expect(Object.isFrozen(steps[0].nodes[0])).toBe(true);
    const m = new DecisionTreeClassifier().fit(X, y);
    expect(steps[4].nodes).toEqual(m.tree);
  });

  it("fitSteps' last snapshot is the fitted tree (digits)", () => {
    const s = split('digits');
    const est = new DecisionTreeClassifier({ maxDepth: 6 });
    const gen = est.fitSteps(s.Xtrain, s.ytrain);
    let last: DecisionTreeStep | null = null;
    let count = 0;
    for (let r = gen.next(); !r.done; r = gen.next()) {
      last = r.value;
      count++;
      if (count === 3) expect(r.value.nodes).toHaveLength(3); // read mid-growth, too
    }
    expect(count).toBe(est.nodeCount);
    expect(last!.nodes).toEqual(est.tree);
    expect(est.tree).toEqual(new DecisionTreeClassifier({ maxDepth: 6 }).fit(s.Xtrain, s.ytrain).tree);
  });

  it('honours minSamplesLeaf, minSamplesSplit and maxFeatures', () => {
    const s = split('digits');
    const leaf = new DecisionTreeClassifier({ minSamplesLeaf: 5 }).fit(s.Xtrain, s.ytrain);
    expect(leaf.tree.filter((n) => n.left < 0).every((n) => n.samples >= 5)).toBe(true);
    const spl = new DecisionTreeClassifier({ minSamplesSplit: 20 }).fit(s.Xtrain, s.ytrain);
    expect(spl.tree.filter((n) => n.left >= 0).every((n) => n.samples >= 20)).toBe(true);
    for (const maxFeatures of ['sqrt', 'log2', 8, 0.25, null] as const) {
      const m = new DecisionTreeClassifier({ maxFeatures, randomState: 1 }).fit(s.Xtrain, s.ytrain);
      expect(accuracy(m.predict(s.Xtest), s.ytest)).toBeGreaterThan(0.7);
    }
    const ent = new DecisionTreeClassifier({ criterion: 'entropy' }).fit(s.Xtrain, s.ytrain);
    expect(accuracy(ent.predict(s.Xtest), s.ytest)).toBeGreaterThan(0.8);
  });

  it('rejects bad input with a ValidationError', () => {
    const bad = (f: () => unknown, problem: string) => expect(f).toThrow(expect.objectContaining({ name: 'ValidationError', problem }));
    bad(() => new DecisionTreeClassifier().fit([[1], [NaN]], [0, 1]), 'not-finite');
    bad(() => new DecisionTreeClassifier().fit([[1], [Infinity]], [0, 1]), 'not-finite');
    bad(() => new DecisionTreeClassifier().fit([[1, 2], [3]], [0, 1]), 'ragged');
    bad(() => new DecisionTreeClassifier().fit([], []), 'empty');
    bad(() => new DecisionTreeClassifier().fit([[1], [2]], [0]), 'length-mismatch');
    bad(() => new DecisionTreeClassifier().fit([[1], [2]], [0, 0]), 'single-class');
    bad(() => new DecisionTreeClassifier({ maxDepth: 0 }).fit([[1], [2]], [0, 1]), 'out-of-range');
    bad(() => new DecisionTreeClassifier({ minSamplesLeaf: -1 }).fit([[1], [2]], [0, 1]), 'out-of-range');
    bad(() => new DecisionTreeClassifier({ maxFeatures: 2.5 }).fit([[1], [2]], [0, 1]), 'out-of-range');
    bad(() => new DecisionTreeClassifier({ criterion: 'mse' as 'gini' }).fit([[1], [2]], [0, 1]), 'bad-option');
    expect(() => new DecisionTreeClassifier().predict([[1]])).toThrow(NotFittedError);
    const m = new DecisionTreeClassifier().fit([[1, 0], [0, 1]], [0, 1]);
    expect(() => m.predict([[1]])).toThrow(ValidationError);
  });
});
