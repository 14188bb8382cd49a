import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors';
import { LinearRegression, LogisticRegression, Ridge } from '../../src/linear_model';
import { learningCurve, validationCurve } from '../../src/model_selection';
import { PolynomialFeatures, makePipeline } from '../../src/preprocessing';
import { makeLine } from '../../src/datasets';
import { split } from '../fixtures/sklearn';

// A noisy cubic: the slides' polynomial-regression example.
const xs = Array.from({ length: 60 }, (_, i) => -1 + (2 * i) / 59);
const noise = xs.map((_, i) => 0.1 * Math.sin(17.3 * i));
const X = xs.map((v) => [v]);
const y = xs.map((v, i) => v ** 3 - v + noise[i]);

describe('learningCurve', () => {
  it('hand-worked: a line through two points has zero training error', () => {
    // Train set {(0, 1), (1, 3)}: the fitted line is y = 2x + 1, so train MSE = 0 and on the
    // test point (2, 4) the error is (5 − 4)² = 1.
    const lc = learningCurve(() => new LinearRegression(), [[0], [1]], [1, 3], { XTest: [[2]], yTest: [4], trainSizes: [2] });
    expect(lc.trainSizes).toEqual([2]);
    expect(lc.trainScores[0]).toBeCloseTo(0, 20);
    expect(lc.testScores[0]).toBeCloseTo(1, 12);
  });

  it('train error rises and test error falls as the training set grows (noisy line)', () => {
    const { x, y: ly } = makeLine({ nSamples: 200, noise: 1, randomState: 0 });
    const lc = learningCurve(() => new LinearRegression(), x.map((v) => [v]), ly, { trainSizes: [3, 10, 50, 150], randomState: 0 });
    expect(lc.trainSizes).toEqual([3, 10, 50, 150]);
    expect(lc.trainScores[0]).toBeLessThan(lc.trainScores[3]);
    expect(lc.testScores[0]).toBeGreaterThan(lc.testScores[3]);
    // With many samples both approach the noise variance 1.
    expect(lc.testScores[3]).toBeGreaterThan(0.5);
    expect(lc.testScores[3]).toBeLessThan(2);
  });

  it('scores classifiers with accuracy or error rate (iris, stratified)', () => {
    const { Xtrain, ytrain } = split('iris');
    const lc = learningCurve(() => new LogisticRegression({ maxIter: 300 }), Xtrain, ytrain, { scoring: 'accuracy', stratify: true, trainSizes: [0.5, 1] });
    expect(lc.testScores[1]).toBeGreaterThan(0.85);
    const err = learningCurve(() => new LogisticRegression({ maxIter: 300 }), Xtrain, ytrain, { scoring: 'error', stratify: true, trainSizes: [0.5, 1] });
    expect(err.testScores[1]).toBeCloseTo(1 - lc.testScores[1], 12);
  });
});

describe('validationCurve', () => {
  it('over the polynomial degree: train error never rises, test error is U-shaped', () => {
    const degrees = [1, 3, 12];
    const vc = validationCurve((degree: number) => makePipeline(new PolynomialFeatures({ degree }), new LinearRegression()), X, y, {
      paramRange: degrees,
      testSize: 0.5,
      randomState: 1,
    });
    expect(vc.paramRange).toEqual(degrees);
    // Nested least-squares models: more columns can only lower the training error.
    expect(vc.trainScores[1]).toBeLessThanOrEqual(vc.trainScores[0]);
    expect(vc.trainScores[2]).toBeLessThanOrEqual(vc.trainScores[1]);
    // Degree 1 underfits the cubic; degree 3 is right; degree 12 on 30 points overfits.
    expect(vc.testScores[1]).toBeLessThan(vc.testScores[0]);
    expect(vc.testScores[1]).toBeLessThan(vc.testScores[2]);
  });

  it('over the Ridge penalty λ: training error grows with λ', () => {
    const vc = validationCurve((alpha: number) => makePipeline(new PolynomialFeatures({ degree: 9 }), new Ridge({ alpha })), X, y, {
      paramRange: [1e-6, 1e-2, 1, 100],
      scoring: 'r2',
    });
    for (let i = 1; i < 4; i++) expect(vc.trainScores[i]).toBeLessThanOrEqual(vc.trainScores[i - 1] + 1e-12);
  });

  it('rejects bad input with a ValidationError', () => {
    const f = () => new LinearRegression();
    expect(() => learningCurve(f, X, y.slice(1))).toThrow(expect.objectContaining({ problem: 'length-mismatch' }));
    expect(() => learningCurve(f, [], [])).toThrow(ValidationError);
    expect(() => learningCurve(f, [[1], [NaN], [2], [3]], [1, 2, 3, 4])).toThrow(/finite/);
    expect(() => learningCurve(f, X, y, { trainSizes: [0] })).toThrow(ValidationError);
    expect(() => learningCurve(f, X, y, { trainSizes: [1000] })).toThrow(ValidationError);
    expect(() => learningCurve(f, X, y, { scoring: 'auc' as never })).toThrow(ValidationError);
    expect(() => learningCurve(f, X, y, { XTest: [[1, 2]], yTest: [1] })).toThrow(/features/);
    expect(() => validationCurve(() => f(), X, y, { paramRange: [] })).toThrow(ValidationError);
    expect(() => learningCurve('Ridge' as never, X, y)).toThrow(ValidationError);
  });
});
