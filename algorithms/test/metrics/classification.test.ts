import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors';
import {
  accuracyScore,
  classificationReport,
  confusionMatrix,
  f1Score,
  fbetaScore,
  hingeLoss,
  logLoss,
  precisionRecallFscoreSupport,
  precisionScore,
  recallScore,
} from '../../src/metrics';
import { results } from '../fixtures/sklearn';

/** Labels that reproduce a confusion matrix: C[i][j] samples of true i predicted j. */
function fromConfusion(C: number[][]): { yTrue: number[]; yPred: number[] } {
  const yTrue: number[] = [];
  const yPred: number[] = [];
  C.forEach((row, i) =>
    row.forEach((c, j) => {
      for (let k = 0; k < c; k++) {
        yTrue.push(i);
        yPred.push(j);
      }
    }),
  );
  return { yTrue, yPred };
}

describe('classification metrics', () => {
  // yTrue = (0, 0, 1, 1, 1), yPred = (0, 1, 1, 1, 0).
  // Class 1: TP = 2, FP = 1, FN = 1 → P = R = F₁ = 2/3. Class 0: TP = 1, FP = 1, FN = 1 → P = R = F₁ = 1/2.
  // macro F₁ = (1/2 + 2/3)/2 = 7/12; weighted F₁ = (2·1/2 + 3·2/3)/5 = 3/5; micro = accuracy = 3/5.
  const yTrue = [0, 0, 1, 1, 1];
  const yPred = [0, 1, 1, 1, 0];

  it('hand-worked: counts, per-class and averaged scores', () => {
    expect(confusionMatrix(yTrue, yPred)).toEqual([
      [1, 1],
      [1, 2],
    ]);
    expect(accuracyScore(yTrue, yPred)).toBeCloseTo(0.6, 15);
    expect(accuracyScore(yTrue, yPred, { normalize: false })).toBe(3);
    expect(precisionScore(yTrue, yPred)).toBeCloseTo(2 / 3, 15); // 'binary', posLabel 1
    expect(recallScore(yTrue, yPred, { posLabel: 0 })).toBeCloseTo(1 / 2, 15);
    expect(f1Score(yTrue, yPred, { average: null })).toEqual([0.5, 2 / 3].map((v) => expect.closeTo(v, 15)));
    expect(f1Score(yTrue, yPred, { average: 'macro' })).toBeCloseTo(7 / 12, 15);
    expect(f1Score(yTrue, yPred, { average: 'weighted' })).toBeCloseTo(3 / 5, 15);
    expect(f1Score(yTrue, yPred, { average: 'micro' })).toBeCloseTo(3 / 5, 15);
    // F₂ of class 1 with P = R = 2/3 is still 2/3.
    expect(fbetaScore(yTrue, yPred, 2)).toBeCloseTo(2 / 3, 15);
    const prfs = precisionRecallFscoreSupport(yTrue, yPred);
    expect(prfs.support).toEqual([2, 3]);
  });

  it('zeroDivision: a class never predicted has precision 0 (or 1 if asked)', () => {
    // Class 2 is never predicted: its precision is 0/0.
    const t = [0, 1, 2, 2];
    const p = [0, 1, 1, 1];
    expect(precisionScore(t, p, { average: null })).toEqual([1, 1 / 3, 0]);
    expect(precisionScore(t, p, { average: null, zeroDivision: 1 })).toEqual([1, 1 / 3, 1]);
    // Its recall is 0/2 = 0, so its F₁ is 0 either way.
    expect(f1Score(t, p, { average: null, zeroDivision: 1 })[2]).toBe(0);
    expect(confusionMatrix(t, p, { normalize: 'true' })).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 1, 0],
    ]);
    expect(confusionMatrix(t, p, { labels: [2, 1] })).toEqual([
      [0, 2],
      [0, 1],
    ]);
  });

  // scikit-learn 1.2.1 reference results: SVC records hold the confusion matrix and sklearn's
  // f1 (macro), precision (weighted, zero_division=0) and recall (micro) on the same predictions.
  it.each(results('SVC').map((r) => [`${r.data} ${JSON.stringify(r.settings)}`, r] as const))('equals scikit-learn 1.2.1 on SVC %s', (_, r) => {
    const C = r.confusionMatrix as number[][];
    const { yTrue: t, yPred: p } = fromConfusion(C);
    expect(confusionMatrix(t, p)).toEqual(C);
    expect(f1Score(t, p, { average: 'macro' })).toBeCloseTo(r.f1Macro as number, 8);
    expect(precisionScore(t, p, { average: 'weighted', zeroDivision: 0 })).toBeCloseTo(r.precisionWeighted as number, 8);
    expect(recallScore(t, p, { average: 'micro' })).toBeCloseTo(r.recallMicro as number, 8);
    expect(accuracyScore(t, p)).toBeCloseTo(r.testAccuracy as number, 6);
  });

  it('classificationReport: scikit-learn’s text layout and a dictionary', () => {
    const text = classificationReport(yTrue, yPred);
    expect(text).toBe(
      [
        '              precision    recall  f1-score   support',
        '',
        '           0       0.50      0.50      0.50         2',
        '           1       0.67      0.67      0.67         3',
        '',
        '    accuracy                           0.60         5',
        '   macro avg       0.58      0.58      0.58         5',
        'weighted avg       0.60      0.60      0.60         5',
        '',
      ].join('\n'),
    );
    const dict = classificationReport(yTrue, yPred, { outputDict: true, targetNames: ['rock', 'ore'] });
    expect(dict.accuracy).toBeCloseTo(0.6, 15);
    expect(dict.ore).toEqual({ precision: 2 / 3, recall: 2 / 3, 'f1-score': 2 / 3, support: 3 });
    expect((dict['macro avg'] as { 'f1-score': number })['f1-score']).toBeCloseTo(7 / 12, 15);
    // Reporting only some classes shows the micro average instead of the accuracy.
    expect(classificationReport(yTrue, yPred, { labels: [1] })).toContain('micro avg');
  });

  it('hingeLoss: binary and multi-class (Crammer–Singer)', () => {
    // scikit-learn's documentation example: margins y·d = (2.18, 2.36, 0.09) →
    // losses (0, 0, 0.91), mean 0.30333….
    expect(hingeLoss([-1, 1, 1], [-2.18, 2.36, 0.09])).toBeCloseTo(0.91 / 3, 12);
    // Labels 0/1 work the same: the larger label is +1.
    expect(hingeLoss([0, 1, 1], [-2.18, 2.36, 0.09])).toBeCloseTo(0.91 / 3, 12);
    // Multi-class: sample 1 (class 0) has margin 1 − 0.5 = 0.5 → loss 0.5;
    // sample 2 (class 2) has margin 2 − 0 = 2 → loss 0. Mean 0.25.
    expect(hingeLoss([0, 2], [[1, 0.5, -1], [0, -1, 2]], { labels: [0, 1, 2] })).toBeCloseTo(0.25, 15);
  });

  it('logLoss: scikit-learn’s documentation example, clipping and a probability vector', () => {
    // −(ln 0.9 + ln 0.9 + ln 0.8 + ln 0.65)/4 = 0.21616…
    const P = [[0.1, 0.9], [0.9, 0.1], [0.8, 0.2], [0.35, 0.65]];
    const expected = -(Math.log(0.9) * 2 + Math.log(0.8) + Math.log(0.65)) / 4;
    expect(logLoss([1, 0, 0, 1], P)).toBeCloseTo(expected, 12);
    expect(logLoss([1, 0, 0, 1], [0.9, 0.1, 0.2, 0.65])).toBeCloseTo(expected, 12);
    expect(logLoss([1, 0, 0, 1], P, { normalize: false })).toBeCloseTo(4 * expected, 12);
    // A confident wrong answer costs −ln(1e-15) ≈ 34.5, never Infinity.
    expect(logLoss([0, 1], [[0, 1], [0, 1]])).toBeCloseTo(-Math.log(1e-15) / 2, 6);
  });

  it('rejects bad input with a ValidationError', () => {
    expect(() => accuracyScore([0, 1], [0])).toThrow(expect.objectContaining({ problem: 'length-mismatch' }));
    expect(() => confusionMatrix([], [])).toThrow(ValidationError);
    expect(() => f1Score([0, NaN], [0, 1])).toThrow(/finite/);
    expect(() => precisionScore([0, 1, 2], [0, 1, 2])).toThrow(/binary/); // multi-class needs an average
    expect(() => recallScore([0, 1], [0, 1], { posLabel: 5 })).toThrow(ValidationError);
    expect(() => f1Score([0, 1], [0, 1], { average: 'mean' as never })).toThrow(ValidationError);
    expect(() => logLoss([1, 1], [0.5, 0.5])).toThrow(expect.objectContaining({ problem: 'single-class' }));
    expect(() => logLoss([0, 1], [[0.5, 0.5, 0]])).toThrow(ValidationError);
    expect(() => logLoss([0, 1], [[0.5, 0.5], [0.2]])).toThrow(/ragged/);
    expect(() => hingeLoss([0, 1, 2], [0.5, 0.5, 1])).toThrow(ValidationError);
    expect(() => hingeLoss([0, 1], [0.5, Infinity])).toThrow(/finite/);
    expect(() => classificationReport([0, 1], [0, 1], { targetNames: ['a'] })).toThrow(ValidationError);
  });
});
