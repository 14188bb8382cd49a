import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors';
import { makeBlobs, makeCircles, makeClassification, makeMoons, makeRegression, loadIris } from '../../src/datasets';
import { LinearRegression, LogisticRegression } from '../../src/linear_model';
import { dataset } from '../fixtures/sklearn';

const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;

describe('makeMoons and makeCircles', () => {
  it('hand-worked: noiseless moons in order', () => {
    // nSamples 5 → 2 outer at t = 0, π: (1, 0), (−1, 0); 3 inner at t = 0, π/2, π:
    // (1 − cos t, 1 − sin t − ½) = (0, 0.5), (1, −0.5), (2, 0.5).
    const { X, y } = makeMoons({ nSamples: 5, shuffle: false });
    const expected = [[1, 0], [-1, 0], [0, 0.5], [1, -0.5], [2, 0.5]];
    X.forEach((r, i) => r.forEach((v, j) => expect(v).toBeCloseTo(expected[i][j], 14)));
    expect(y).toEqual([0, 0, 1, 1, 1]);
  });

  it('circles: radius 1 for class 0, factor for class 1, evenly spaced angles', () => {
    const { X, y } = makeCircles({ nSamples: 8, factor: 0.5, shuffle: false });
    X.forEach((r, i) => expect(Math.hypot(r[0], r[1])).toBeCloseTo(y[i] === 0 ? 1 : 0.5, 14));
    // Four outer points at angles 0, π/2, π, 3π/2 (no end point).
    expect(X[1][0]).toBeCloseTo(0, 14);
    expect(X[1][1]).toBeCloseTo(1, 14);
  });

  it('are seeded, shuffled, and noisy as asked; the reference moons are similar', () => {
    const a = makeMoons({ nSamples: 500, noise: 0.2, randomState: 0 });
    expect(a).toEqual(makeMoons({ nSamples: 500, noise: 0.2, randomState: 0 }));
    expect(a.X).not.toEqual(makeMoons({ nSamples: 500, noise: 0.2, randomState: 1 }).X);
    expect(a.y.filter((v) => v === 1)).toHaveLength(250);
    // Same construction as scikit-learn's make_moons(500, noise=0.2): compare the class means.
    const ref = dataset('moons');
    for (const c of [0, 1]) {
      for (const j of [0, 1]) {
        const ours = mean(a.X.filter((_, i) => a.y[i] === c).map((r) => r[j]));
        const theirs = mean(ref.X.filter((_, i) => ref.y[i] === c).map((r) => r[j]));
        expect(Math.abs(ours - theirs)).toBeLessThan(0.06);
      }
    }
    const c = makeCircles({ nSamples: 200, noise: 0.05, randomState: 2 });
    const r = c.X.map(([u, v]) => Math.hypot(u, v));
    expect(mean(r.filter((_, i) => c.y[i] === 0))).toBeCloseTo(1, 1);
    expect(mean(r.filter((_, i) => c.y[i] === 1))).toBeCloseTo(0.8, 1);
  });
});

describe('makeBlobs', () => {
  it('hand-worked: given centres, zero spread, counts split as evenly as possible', () => {
    // 7 samples over 3 centres: 3, 2, 2 (the first centres get the remainder).
    const { X, y, centers } = makeBlobs({ nSamples: 7, centers: [[0, 0], [5, 5], [-5, 5]], clusterStd: 0, shuffle: false });
    expect(y).toEqual([0, 0, 0, 1, 1, 2, 2]);
    expect(X[4]).toEqual([5, 5]);
    expect(centers).toEqual([[0, 0], [5, 5], [-5, 5]]);
  });

  it('varied variance, per-centre counts, centre box and the anisotropic transformation', () => {
    const { X, y } = makeBlobs({ nSamples: 3000, centers: [[0, 0], [10, 0], [0, 10]], clusterStd: [1, 2.5, 0.5], randomState: 0 });
    const std = (c: number) => {
      const v = X.filter((_, i) => y[i] === c).map((r) => r[0]);
      const m = mean(v);
      return Math.sqrt(mean(v.map((t) => (t - m) ** 2)));
    };
    expect(std(0)).toBeCloseTo(1, 0);
    expect(std(1)).toBeCloseTo(2.5, 0);
    expect(std(2)).toBeCloseTo(0.5, 1);
    const counts = makeBlobs({ nSamples: [10, 20], randomState: 1 });
    expect(counts.y.filter((v) => v === 1)).toHaveLength(20);
    expect(counts.centers).toHaveLength(2);
    const box = makeBlobs({ centers: 4, nFeatures: 3, centerBox: [0, 1], randomState: 2 });
    for (const c of box.centers) for (const v of c) expect(v >= 0 && v < 1).toBe(true);
    // x ← xT with T = [[0.6, −0.6], [−0.4, 0.8]] (scikit-learn's anisotropic example).
    const T = [[0.6, -0.6], [-0.4, 0.8]];
    const plain = makeBlobs({ nSamples: 50, randomState: 170 });
    const aniso = makeBlobs({ nSamples: 50, randomState: 170, transformation: T });
    const [a, b] = plain.X[0];
    expect(aniso.X[0][0]).toBeCloseTo(0.6 * a - 0.4 * b, 12);
    expect(aniso.X[0][1]).toBeCloseTo(-0.6 * a + 0.8 * b, 12);
  });
});

describe('makeClassification and makeRegression', () => {
  it('makeClassification: shape, balance, label noise and learnability', () => {
    const { X, y } = makeClassification({ nSamples: 400, nFeatures: 6, nInformative: 3, nRedundant: 1, classSep: 2, flipY: 0, randomState: 0 });
    expect(X).toHaveLength(400);
    expect(X[0]).toHaveLength(6);
    expect(y.filter((v) => v === 1)).toHaveLength(200);
    const m = new LogisticRegression({ maxIter: 500 }).fit(X, y);
    expect(m.score(X, y)).toBeGreaterThan(0.8);
    const three = makeClassification({ nSamples: 300, nClasses: 3, nClustersPerClass: 1, weights: [0.5, 0.25], flipY: 0, randomState: 1 });
    expect(three.y.filter((v) => v === 0)).toHaveLength(150);
    expect(three.y.filter((v) => v === 2)).toHaveLength(75); // the last weight is 1 − 0.5 − 0.25
    expect(makeClassification({ randomState: 4 })).toEqual(makeClassification({ randomState: 4 }));
  });

  it('hand-worked: makeRegression without noise is exactly y = Xθ + b', () => {
    // y − (Xθ + b) must vanish row by row, and only nInformative coefficients are non-zero.
    const { X, y, coef } = makeRegression({ nSamples: 20, nFeatures: 5, nInformative: 2, bias: 3, coef: true, randomState: 0 });
    X.forEach((r, i) => expect(y[i]).toBeCloseTo(r.reduce((s, v, j) => s + v * coef![j], 3), 10));
    expect(coef!.filter((c) => c !== 0)).toHaveLength(2);
    expect(makeRegression({ nFeatures: 3 }).coef).toBeUndefined();
    // With noise, least squares recovers θ.
    const noisy = makeRegression({ nSamples: 500, nFeatures: 3, noise: 1, coef: true, randomState: 1 });
    const fit = new LinearRegression().fit(noisy.X, noisy.y);
    fit.coef.forEach((c, j) => expect(c).toBeCloseTo(noisy.coef![j], 0));
  });

  it('rejects bad options with a ValidationError', () => {
    expect(() => makeMoons({ nSamples: 0 })).toThrow(ValidationError);
    expect(() => makeMoons({ noise: -1 })).toThrow(ValidationError);
    expect(() => makeMoons({ noise: NaN })).toThrow(/finite/);
    expect(() => makeCircles({ factor: 1 })).toThrow(ValidationError);
    expect(() => makeBlobs({ centers: [[0, 0], [1]] })).toThrow(/ragged/);
    expect(() => makeBlobs({ centers: 2, clusterStd: [1, 2, 3] })).toThrow(ValidationError);
    expect(() => makeBlobs({ nSamples: [5, 5], centers: 3 })).toThrow(ValidationError);
    expect(() => makeBlobs({ transformation: [[1, 0]] })).toThrow(ValidationError);
    expect(() => makeClassification({ nFeatures: 3, nInformative: 2, nRedundant: 2 })).toThrow(ValidationError);
    expect(() => makeClassification({ nClasses: 3, nClustersPerClass: 2, nInformative: 2 })).toThrow(ValidationError);
    expect(() => makeClassification({ nClasses: 3, weights: [0.5] })).toThrow(ValidationError);
    expect(() => makeRegression({ noise: -1 })).toThrow(ValidationError);
  });
});

describe('loadIris', () => {
  it('ships the 150 × 4 table of scikit-learn 1.2.1 (Fisher 1936)', () => {
    const iris = loadIris();
    const ref = dataset('iris');
    expect(iris.data).toEqual(ref.X);
    expect(iris.target).toEqual(ref.y);
    expect(iris.targetNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(iris.featureNames).toHaveLength(4);
    // Fisher's values for samples 35 and 38 (where the UCI file differs).
    expect(iris.data[34]).toEqual([4.9, 3.1, 1.5, 0.2]);
    expect(iris.data[37]).toEqual([4.9, 3.6, 1.4, 0.1]);
    // Fresh copies: mutating one load does not affect the next.
    iris.data[0][0] = 99;
    expect(loadIris().data[0][0]).toBe(5.1);
  });
});
