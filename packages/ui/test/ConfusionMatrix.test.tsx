import { classificationReport, confusionMatrix, f1Score, precisionScore, recallScore } from '@geolearn/algorithms';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfusionMatrix } from '../src/ConfusionMatrix';
import {
  cellRole,
  decisionRegions,
  fitLive,
  liveMatrix,
  makeLiveData,
  matrixProblem,
  metricsOf,
  predictOne,
  TABLE3,
  TABLE3_COUNTS,
  table3Mismatches,
} from '../src/ConfusionMatrix/model';

afterEach(cleanup);

/** Label vectors (true, predicted) whose confusion matrix is C (rows true). */
function labelsOf(C: number[][]): { t: number[]; p: number[] } {
  const t: number[] = [];
  const p: number[] = [];
  C.forEach((row, i) => row.forEach((n, j) => {
    for (let k = 0; k < n; k++) {
      t.push(i);
      p.push(j);
    }
  }));
  return { t, p };
}

describe('ConfusionMatrix model', () => {
  it('works a 2 × 2 case by hand', () => {
    // Rows true: 8 negatives (6 right, 2 predicted positive), 4 positives (3 right, 1 missed).
    const m = metricsOf([[6, 2], [1, 3]]);
    expect(m.n).toBe(12);
    expect(m.accuracy).toBeCloseTo(9 / 12, 12);
    const pos = m.perClass[1];
    expect([pos.tp, pos.fp, pos.fn]).toEqual([3, 2, 1]);
    expect(pos.precision).toBeCloseTo(3 / 5, 12); // TP/(TP+FP)
    expect(pos.recall).toBeCloseTo(3 / 4, 12); // TP/(TP+FN)
    expect(pos.f1).toBeCloseTo((2 * 0.6 * 0.75) / (0.6 + 0.75), 12); // 2/3
    expect(m.majority).toEqual({ k: 0, accuracy: 8 / 12 });
    expect(m.macro.recall).toBeCloseTo((6 / 8 + 3 / 4) / 2, 12);
    expect(m.weighted.precision).toBeCloseTo((8 * (6 / 7) + 4 * (3 / 5)) / 12, 12);
  });

  it('agrees with confusionMatrix and classificationReport of @geolearn/algorithms on Table 3', () => {
    const { t, p } = labelsOf(TABLE3_COUNTS);
    expect(confusionMatrix(t, p)).toEqual(TABLE3_COUNTS);
    const m = metricsOf(TABLE3_COUNTS);
    const report = classificationReport(t, p, { outputDict: true, zeroDivision: 0 });
    m.perClass.forEach((c, k) => {
      const r = report[String(k)] as { precision: number; recall: number; 'f1-score': number; support: number };
      expect(c.precision).toBeCloseTo(r.precision, 12);
      expect(c.recall).toBeCloseTo(r.recall, 12);
      expect(c.f1).toBeCloseTo(r['f1-score'], 12);
      expect(c.support).toBe(r.support);
    });
    expect(m.accuracy).toBeCloseTo(report.accuracy as number, 12);
    const macro = report['macro avg'] as { precision: number; recall: number; 'f1-score': number };
    const weighted = report['weighted avg'] as { precision: number; recall: number; 'f1-score': number };
    expect(m.macro.f1).toBeCloseTo(macro['f1-score'], 12);
    expect(m.macro.precision).toBeCloseTo(macro.precision, 12);
    expect(m.weighted.recall).toBeCloseTo(weighted.recall, 12);
    expect(m.weighted.f1).toBeCloseTo(weighted['f1-score'], 12);
  });

  it('recomputes Table 3: the "Accuracy" row is recall; EXP precision 46.8 %, TOR recall 87.5 %', () => {
    const m = metricsOf(TABLE3_COUNTS);
    const exp = TABLE3.classes.indexOf('EXP');
    const tor = TABLE3.classes.indexOf('TOR');
    expect(Math.round(m.perClass[exp].precision! * 1000) / 10).toBe(46.8);
    expect(Math.round(m.perClass[tor].recall! * 1000) / 10).toBe(87.5);
    // LP: precision 58,363/59,004, recall 58,363/62,030, as printed (98.9 %, 94.1 %).
    expect(m.perClass[0].precision).toBeCloseTo(58363 / 59004, 12);
    expect(m.perClass[0].recall).toBeCloseTo(58363 / 62030, 12);
    expect(m.n).toBe(68014);
    expect(m.accuracy).toBeCloseTo(63604 / 68014, 12);
    // Always LP: 62,030 of 68,014 = 91.2 %, close to the real 93.5 %.
    expect(m.majority.accuracy).toBeCloseTo(62030 / 68014, 12);
    const list = table3Mismatches().map((d) => `${TABLE3.classes[d.k]} ${d.kind} ${d.recomputed.toFixed(1)}≠${d.printed}`);
    expect(list).toEqual(['EXP precision 46.8≠47.8', 'VT recall 92.1≠92.2', 'EXP recall 60.4≠59.8', 'HYB recall 87.4≠87.1', 'TOR recall 87.5≠84.6']);
  });

  it('labels the roles of cells for a focused cell', () => {
    expect(cellRole(1, 1, [1, 1])).toBe('tp');
    expect(cellRole(1, 2, [1, 2])).toBe('fn-fp');
    expect(cellRole(1, 0, [1, 2])).toBe('row');
    expect(cellRole(0, 2, [1, 2])).toBe('col');
    expect(cellRole(0, 0, [1, 2])).toBe('none');
    expect(cellRole(0, 0, null)).toBe('none');
  });

  it('fits the live classifier: threshold 0.5 matches predict, higher thresholds predict fewer positives', () => {
    const data = makeLiveData('blobs', 250, 0);
    const fit = fitLive(data, 0);
    expect(fit.XTest).toHaveLength(50);
    const { yPred, C } = liveMatrix(fit, 0.5);
    expect(C).toEqual(confusionMatrix(fit.yTest, yPred, { labels: [0, 1] }));
    const m = metricsOf(C);
    expect(m.perClass[1].precision).toBeCloseTo(precisionScore(fit.yTest, yPred, { zeroDivision: 0 }), 12);
    expect(m.perClass[1].recall).toBeCloseTo(recallScore(fit.yTest, yPred, { zeroDivision: 0 }), 12);
    expect(m.perClass[1].f1).toBeCloseTo(f1Score(fit.yTest, yPred, { zeroDivision: 0 }), 12);
    const positives = (t: number) => liveMatrix(fit, t).yPred.filter((v) => v === 1).length;
    expect(positives(0.1)).toBeGreaterThanOrEqual(positives(0.5));
    expect(positives(0.5)).toBeGreaterThanOrEqual(positives(0.9));
    // The total stays; only the columns change.
    expect(metricsOf(liveMatrix(fit, 0.9).C).n).toBe(50);
    // Three blobs: the regions of the softmax's argmax tile the box.
    const fit3 = fitLive(makeLiveData('blobs3', 250, 0), 0);
    const regions = decisionRegions(fit3, [-6, 6, -6, 6], 0.5);
    expect(regions).toHaveLength(3);
    const area = (poly: [number, number][]) => Math.abs(poly.reduce((s, p, k) => s + p[0] * poly[(k + 1) % poly.length][1] - poly[(k + 1) % poly.length][0] * p[1], 0)) / 2;
    expect(regions.reduce((s, r) => s + area(r), 0)).toBeCloseTo(144, 6);
    expect(predictOne(fit3, [-2, 0], 0.5)).toBe(0);
  });

  it('says what is wrong with a bad matrix, never throws', () => {
    expect(matrixProblem([[5]])).toMatch(/one class only/);
    expect(matrixProblem([[1, 2], [3]])).toMatch(/square/);
    expect(matrixProblem([[1, -2], [3, 4]])).toMatch(/whole number/);
    expect(matrixProblem([[0, 0], [0, 0]])).toMatch(/all counts are 0/);
    expect(matrixProblem([[1, 0], [0, 1]])).toBeNull();
    // A class never predicted: precision 0/0 is null ("—"), not NaN.
    expect(metricsOf([[5, 0], [3, 0]]).perClass[1].precision).toBeNull();
  });
});

describe('ConfusionMatrix', () => {
  it('highlights the terms of a focused cell and moves with the arrow keys', () => {
    render(<ConfusionMatrix defaultValue={{ source: 'table3' }} />);
    const status = screen.getByTestId('status');
    expect(status.textContent).toMatch(/Accuracy 93\.5 %; always predicting LP would score 91\.2 %/);
    // The slide's layout: rows predicted. Cell (true EXP, predicted LP) is printed row LP, column EXP.
    expect(screen.getByTestId('matrix').getAttribute('data-rows')).toBe('predicted');
    const cell = screen.getByTestId('cell-0-0');
    fireEvent.focus(cell);
    expect(cell.getAttribute('data-role')).toBe('tp');
    expect(screen.getByTestId('formulas').getAttribute('data-role')).toBe('tp');
    fireEvent.keyDown(cell, { key: 'ArrowDown' });
    // Down one row in the slide's layout = predicted TR, true LP: an FN of LP and an FP of TR.
    const next = screen.getByTestId('cell-0-1');
    expect(next.getAttribute('data-role')).toBe('fn-fp');
    expect(document.activeElement).toBe(next);
    expect(status.textContent).toMatch(/true LP predicted TR \(an FN of LP, an FP of TR\)/);
    expect(screen.getByTestId("cell-formulas").textContent).toMatch(/FPTR=3,000\+3=3,003/);
    expect(screen.getByTestId('mismatches').getAttribute('data-count')).toBe('5');
  });

  it('transposes, and the threshold moves counts between cells', () => {
    const onValueChange = vi.fn();
    render(<ConfusionMatrix onValueChange={onValueChange} />);
    expect(screen.getByTestId('matrix').getAttribute('data-rows')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: /Transpose/ }));
    expect(screen.getByTestId('matrix').getAttribute('data-rows')).toBe('predicted');
    const count = (i: number, j: number) => Number(screen.getByTestId(`cell-${i}-${j}`).textContent);
    const predictedPositive = () => count(0, 1) + count(1, 1);
    const before = predictedPositive();
    const slider = screen.getByRole('slider', { name: /Threshold/ });
    fireEvent.keyDown(slider, { key: 'Home' });
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ threshold: 0.01 }));
    expect(predictedPositive()).toBeGreaterThan(before);
    expect(count(0, 0) + count(0, 1) + count(1, 0) + count(1, 1)).toBe(50);
  });

  it('shows three classes without a threshold, and a message for a bad defaultValue', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(<ConfusionMatrix defaultValue={{ dataset: 'blobs3', threshold: 7 as number }} />);
    expect(screen.queryByRole('slider', { name: /Threshold/ })).toBeNull();
    expect(screen.getByTestId('cell-2-2')).toBeTruthy();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
