import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors';
import { trainTestSplit } from '../../src/model_selection';
import { dataset } from '../fixtures/sklearn';

describe('trainTestSplit', () => {
  it('hand-worked: sizes as scikit-learn rounds them', () => {
    // n = 10, testSize 0.25 → ⌈2.5⌉ = 3 test, 7 train; trainSize 0.55 → ⌊5.5⌋ = 5 train, 5 test.
    const X = Array.from({ length: 10 }, (_, i) => [i]);
    const y = X.map(([v]) => v * 10);
    const s = trainTestSplit(X, y);
    expect(s.XTest).toHaveLength(3);
    expect(s.XTrain).toHaveLength(7);
    expect(trainTestSplit(X, y, { trainSize: 0.55 }).XTrain).toHaveLength(5);
    expect(trainTestSplit(X, y, { testSize: 4 }).yTest).toHaveLength(4);
    // Rows and labels stay paired, and the two parts partition the data.
    s.XTrain.forEach((r, i) => expect(s.yTrain[i]).toBe(r[0] * 10));
    expect([...s.trainIndex, ...s.testIndex].sort((a, b) => a - b)).toEqual(X.map((_, i) => i));
    // Without shuffling: the first 7 train, the last 3 test.
    const ns = trainTestSplit(X, y, { shuffle: false });
    expect(ns.testIndex).toEqual([7, 8, 9]);
  });

  it('is reproducible from a seed and differs between seeds', () => {
    const X = Array.from({ length: 50 }, (_, i) => [i]);
    expect(trainTestSplit(X, null, { randomState: 3 }).testIndex).toEqual(trainTestSplit(X, null, { randomState: 3 }).testIndex);
    expect(trainTestSplit(X, null, { randomState: 3 }).testIndex).not.toEqual(trainTestSplit(X, null, { randomState: 4 }).testIndex);
  });

  it('stratify keeps the class proportions (iris, 30 % test → 15 per class, as the reference split)', () => {
    const d = dataset('iris');
    const s = trainTestSplit(d.X, d.y, { testSize: 0.3, stratify: true, randomState: 0 });
    const count = (a: number[], c: number) => a.filter((v) => v === c).length;
    for (const c of [0, 1, 2]) {
      expect(count(s.yTest, c)).toBe(15);
      expect(count(s.yTrain, c)).toBe(35);
    }
    // Unbalanced: 8 of class 0 and 4 of class 1, test 0.25 → 3 test = 2 + 1.
    const y = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1];
    const u = trainTestSplit(y.map((v) => [v]), y, { testSize: 0.25, stratify: y, randomState: 1 });
    expect(count(u.yTest, 0)).toBe(2);
    expect(count(u.yTest, 1)).toBe(1);
  });

  it('rejects bad input with a ValidationError', () => {
    const X = [[1], [2], [3], [4]];
    expect(() => trainTestSplit(X, [1, 2, 3])).toThrow(expect.objectContaining({ problem: 'length-mismatch' }));
    expect(() => trainTestSplit([], [])).toThrow(ValidationError);
    expect(() => trainTestSplit([[1], [NaN]], [1, 2])).toThrow(/finite/);
    expect(() => trainTestSplit([[1, 2], [3]], [1, 2])).toThrow(/ragged/);
    expect(() => trainTestSplit(X, null, { testSize: 0 })).toThrow(ValidationError);
    expect(() => trainTestSplit(X, null, { testSize: 1.5 })).toThrow(ValidationError);
    expect(() => trainTestSplit(X, null, { testSize: 5 })).toThrow(ValidationError);
    expect(() => trainTestSplit(X, null, { testSize: 0.99 })).toThrow(/empty training set/);
    expect(() => trainTestSplit(X, [0, 0, 0, 1], { stratify: true })).toThrow(/only 1 member/);
    expect(() => trainTestSplit(X, [0, 0, 1, 1], { stratify: true, shuffle: false })).toThrow(ValidationError);
    expect(() => trainTestSplit(X, null, { stratify: true })).toThrow(ValidationError);
  });
});
