import { confusionMatrix, LogisticRegression, makeBlobs, makeMoons, trainTestSplit } from '@geolearn/algorithms';
import { fieldCheck, type FieldChecks } from '../hooks/useControllableState';
import type { ExplainerState } from '../kit/Explainer';
import { pointsExtent } from '../common/extent';

/**
 * The confusion matrix's model: the state, the slides' Table 3, the metrics computed from
 * the counts (accuracy, per-class precision, recall, F₁, macro and weighted averages), the
 * role of each cell for the focused one (TP, FP, FN), the live classifier and the status.
 * Pure functions of plain data, no React.
 *
 * Convention: a matrix here is always CANONICAL, as scikit-learn's `confusion_matrix`:
 * C[i][j] = samples of true class i predicted as j (rows true, columns predicted). The
 * slide prints the transpose (rows predicted, columns true); `rows: 'predicted'` only
 * changes how the grid is drawn.
 */

/** Where the counts come from. */
export type CmSource = 'live' | 'table3';
/** The data sets of the live classifier. */
export type LiveDataset = 'moons' | 'blobs' | 'blobs3';
/** What the grid's rows are: the true classes (scikit-learn) or the predicted ones (the slide). */
export type RowsAre = 'true' | 'predicted';

/** The explainer's state: plain JSON, so it can live in a permalink. */
export interface ConfusionMatrixState {
  /** A classifier trained live, or the slides' Table 3. */
  source: CmSource;
  /** The live classifier's data set. */
  dataset: LiveDataset;
  /** Decision threshold on P(y = 1 | x) for two classes: predict 1 when P > threshold. */
  threshold: number;
  /** What the grid's rows are (the Transpose toggle flips it). */
  rows: RowsAre;
  /** The focused cell [true class, predicted class], or null. */
  cell: [number, number] | null;
}

/** Display names of the live data sets. */
export const LIVE_DATASETS: Record<LiveDataset, string> = {
  moons: 'Moons (2 classes)',
  blobs: 'Imbalanced blobs (80 / 20)',
  blobs3: 'Three blobs',
};

/** The default state. */
export const DEFAULT_STATE: ConfusionMatrixState = { source: 'live', dataset: 'blobs', threshold: 0.5, rows: 'true', cell: null };

/** How a `defaultValue` is checked field by field. */
export const STATE_CHECKS: FieldChecks<ConfusionMatrixState> = {
  source: fieldCheck.oneOf<CmSource>('live', 'table3'),
  dataset: fieldCheck.oneOf<LiveDataset>('moons', 'blobs', 'blobs3'),
  threshold: fieldCheck.number(0.01, 0.99),
  rows: fieldCheck.oneOf<RowsAre>('true', 'predicted'),
  cell: (v: unknown): v is [number, number] | null => v === null || (fieldCheck.tuple<[number, number]>(2)(v) && v.every((k) => Number.isInteger(k) && k >= 0)),
};

/** The layout each source is printed in: scikit-learn's for the live classifier, the slide's for Table 3. */
export const NATIVE_ROWS: Record<CmSource, RowsAre> = { live: 'true', table3: 'predicted' };

/**
 * The slides' Table 3 (volcano-seismic events), exactly as printed: rows PREDICTED class,
 * columns TRUE class, with the printed precision (per row) and "Accuracy" (per column,
 * which is in fact each class's recall), in %.
 */
export const TABLE3 = {
  classes: ['LP', 'TR', 'VT', 'EXP', 'HYB', 'TOR'],
  printed: [
    [58363, 627, 8, 0, 5, 1],
    [3000, 4584, 0, 1, 2, 0],
    [478, 11, 475, 5, 11, 3],
    [15, 16, 2, 29, 0, 0],
    [131, 3, 28, 13, 125, 0],
    [43, 4, 3, 0, 0, 28],
  ],
  printedPrecision: [98.9, 60.4, 48.3, 47.8, 41.7, 35.9],
  printedRecall: [94.1, 87.4, 92.2, 59.8, 87.1, 84.6],
} as const;

/** The transpose of a square matrix. */
export function transpose(M: readonly (readonly number[])[]): number[][] {
  return M.map((_, i) => M.map((r) => r[i]));
}

/** Table 3 in the canonical layout (rows true). */
export const TABLE3_COUNTS: number[][] = transpose(TABLE3.printed);

/** One class's scores; null is 0/0 (no sample predicted as, or truly of, the class). */
export interface ClassMetrics {
  /** TP = C[k][k]. */
  tp: number;
  /** FP = Σᵢ≠ₖ C[i][k]: predicted k, truly another class. */
  fp: number;
  /** FN = Σⱼ≠ₖ C[k][j]: truly k, predicted as another class. */
  fn: number;
  /** Number of true samples of the class (row sum) = TP + FN. */
  support: number;
  /** Number of samples predicted as the class (column sum) = TP + FP. */
  predicted: number;
  /** TP / (TP + FP). */
  precision: number | null;
  /** TP / (TP + FN). */
  recall: number | null;
  /** 2PR / (P + R) = 2TP / (2TP + FP + FN). */
  f1: number | null;
}

/** Averages of precision, recall and F₁ over classes (a 0/0 counts as 0, as scikit-learn's zero_division=0). */
export interface Averages {
  precision: number;
  recall: number;
  f1: number;
}

/** Everything computed from a canonical matrix. */
export interface Metrics {
  n: number;
  /** Σₖ C[k][k]. */
  correct: number;
  /** correct / n (NaN when n = 0). */
  accuracy: number;
  perClass: ClassMetrics[];
  /** Unweighted mean over classes. */
  macro: Averages;
  /** Mean weighted by support. */
  weighted: Averages;
  /** The majority class and the accuracy of always predicting it. */
  majority: { k: number; accuracy: number };
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/** Accuracy, per-class precision/recall/F₁ and their averages, from the counts (rows true). */
export function metricsOf(C: readonly (readonly number[])[]): Metrics {
  const K = C.length;
  const n = C.reduce((s, r) => s + r.reduce((a, b) => a + b, 0), 0);
  const perClass = C.map((row, k): ClassMetrics => {
    const tp = row[k];
    const support = row.reduce((a, b) => a + b, 0);
    const predicted = C.reduce((s, r) => s + r[k], 0);
    const fp = predicted - tp;
    const fn = support - tp;
    return { tp, fp, fn, support, predicted, precision: ratio(tp, predicted), recall: ratio(tp, support), f1: ratio(2 * tp, 2 * tp + fp + fn) };
  });
  const avg = (w: (m: ClassMetrics) => number): Averages => {
    const total = perClass.reduce((s, m) => s + w(m), 0);
    const mean = (f: (m: ClassMetrics) => number | null) => (total === 0 ? 0 : perClass.reduce((s, m) => s + w(m) * (f(m) ?? 0), 0) / total);
    return { precision: mean((m) => m.precision), recall: mean((m) => m.recall), f1: mean((m) => m.f1) };
  };
  const correct = perClass.reduce((s, m) => s + m.tp, 0);
  let major = 0;
  for (let k = 1; k < K; k++) if (perClass[k].support > perClass[major].support) major = k;
  return {
    n,
    correct,
    accuracy: n === 0 ? NaN : correct / n,
    perClass,
    macro: avg(() => 1),
    weighted: avg((m) => m.support),
    majority: { k: major, accuracy: n === 0 ? NaN : (perClass[major]?.support ?? 0) / n },
  };
}

/** A ratio as a percentage with one decimal, as the slide prints it ("98.9 %"); "—" for 0/0. */
export function pct(v: number | null, digits = 1): string {
  return v === null || !Number.isFinite(v) ? '—' : `${(100 * v).toFixed(digits)} %`;
}

/** Where a recomputed percentage, rounded to one decimal, differs from the printed one. */
export function differsFromPrinted(value: number | null, printed: number): boolean {
  return value === null || Math.abs(Math.round(value * 1000) / 10 - printed) > 1e-9;
}

/** Table 3's printed percentages that the counts do not give back. */
export function table3Mismatches(): { kind: 'precision' | 'recall'; k: number; printed: number; recomputed: number }[] {
  const m = metricsOf(TABLE3_COUNTS);
  const out: { kind: 'precision' | 'recall'; k: number; printed: number; recomputed: number }[] = [];
  m.perClass.forEach((c, k) => {
    if (differsFromPrinted(c.precision, TABLE3.printedPrecision[k])) out.push({ kind: 'precision', k, printed: TABLE3.printedPrecision[k], recomputed: 100 * (c.precision ?? NaN) });
  });
  m.perClass.forEach((c, k) => {
    if (differsFromPrinted(c.recall, TABLE3.printedRecall[k])) out.push({ kind: 'recall', k, printed: TABLE3.printedRecall[k], recomputed: 100 * (c.recall ?? NaN) });
  });
  return out;
}

/** What a cell is for the focused cell (i, j): TP of i when i = j, else FN of class i and FP of class j. */
export type CellRole = 'tp' | 'fn-fp' | 'row' | 'col' | 'none';

/**
 * How cell (a, b) (canonical) relates to the focused cell (i, j): the focused one itself
 * ('tp' on the diagonal, 'fn-fp' off it), the rest of row i (recall's denominator TP + FN
 * of class i), the rest of column j (precision's denominator TP + FP of class j), or none.
 */
export function cellRole(a: number, b: number, focus: readonly [number, number] | null): CellRole {
  if (!focus) return 'none';
  const [i, j] = focus;
  if (a === i && b === j) return i === j ? 'tp' : 'fn-fp';
  if (a === i) return 'row';
  if (b === j) return 'col';
  return 'none';
}

/** The live classifier's data: labelled 2-D points. */
export interface LiveData {
  X: number[][];
  y: number[];
}

/** The three data sets, seeded: moons (noise 0.25), two imbalanced blobs (80 / 20), three blobs. */
export function makeLiveData(name: LiveDataset, n: number, seed: number): LiveData {
  const N = Math.max(20, Math.min(2000, Math.round(n)));
  if (name === 'moons') return makeMoons({ nSamples: N, noise: 0.25, randomState: seed });
  if (name === 'blobs') {
    const big = Math.round(N * 0.8);
    const { X, y } = makeBlobs({ nSamples: [big, N - big], centers: [[0, 0], [2.2, 1.4]], clusterStd: [1, 0.8], randomState: seed });
    return { X, y };
  }
  const { X, y } = makeBlobs({ nSamples: N, centers: [[-2, 0], [1.5, 1.6], [1.2, -1.8]], clusterStd: 1.2, randomState: seed });
  return { X, y };
}

/** The live classifier fitted on 80 % of the data and scored on the other 20 %. */
export interface LiveFit {
  classes: number[];
  /** Weights, one row per class (one row for two classes: the score of class 1). */
  coef: number[][];
  intercept: number[];
  XTrain: number[][];
  yTrain: number[];
  XTest: number[][];
  yTest: number[];
}

/** Splits 80/20 (stratified, seeded) and fits scikit-learn's default LogisticRegression (L-BFGS, C = 1). */
export function fitLive(data: LiveData, seed: number): LiveFit {
  const s = trainTestSplit(data.X, data.y, { testSize: 0.2, stratify: true, randomState: seed });
  const model = new LogisticRegression().fit(s.XTrain, s.yTrain);
  return { classes: model.classes, coef: model.coef, intercept: model.intercept, XTrain: s.XTrain, yTrain: s.yTrain, XTest: s.XTest, yTest: s.yTest };
}

/** log(t / (1 − t)): the score z = w·x + b at which P(y = 1 | x) = σ(z) equals t. */
export function logit(t: number): number {
  return Math.log(t / (1 - t));
}

/** The predicted class of x: for two classes 1 when σ(w·x + b) > t, else the largest score. */
export function predictOne(fit: Pick<LiveFit, 'coef' | 'intercept' | 'classes'>, x: readonly number[], threshold: number): number {
  const z = fit.coef.map((w, k) => fit.intercept[k] + w.reduce((s, wj, j) => s + wj * x[j], 0));
  if (z.length === 1) return z[0] > logit(threshold) ? fit.classes[1] : fit.classes[0];
  let best = 0;
  for (let k = 1; k < z.length; k++) if (z[k] > z[best]) best = k;
  return fit.classes[best];
}

/** The test set's predictions and confusion matrix (`confusionMatrix` of @geolearn/algorithms, rows true). */
export function liveMatrix(fit: LiveFit, threshold: number): { yPred: number[]; C: number[][] } {
  const yPred = fit.XTest.map((x) => predictOne(fit, x, threshold));
  return { yPred, C: confusionMatrix(fit.yTest, yPred, { labels: fit.classes }) };
}

type Pt = [number, number];

/** Clips a convex polygon to the half-plane a·x + b·y + c ≥ 0 (Sutherland–Hodgman). */
export function clipHalfPlane(poly: readonly Pt[], a: number, b: number, c: number): Pt[] {
  const out: Pt[] = [];
  const f = (p: Pt) => a * p[0] + b * p[1] + c;
  for (let k = 0; k < poly.length; k++) {
    const p = poly[k];
    const q = poly[(k + 1) % poly.length];
    const fp = f(p);
    const fq = f(q);
    if (fp >= 0) out.push(p);
    if ((fp >= 0) !== (fq >= 0)) {
      const s = fp / (fp - fq);
      out.push([p[0] + s * (q[0] - p[0]), p[1] + s * (q[1] - p[1])]);
    }
  }
  return out;
}

/**
 * The decision regions of a linear classifier in the box [x0, x1] × [y0, y1], one convex
 * polygon per class: for two classes z > logit(t) and its complement, else the cells
 * z_k ≥ z_l for every l (the regions of a softmax's argmax are convex).
 */
export function decisionRegions(fit: Pick<LiveFit, 'coef' | 'intercept'>, box: readonly [number, number, number, number], threshold: number): Pt[][] {
  const [x0, x1, y0, y1] = box;
  const square: Pt[] = [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
  const { coef, intercept } = fit;
  if (coef.length === 1) {
    const [w1, w2] = coef[0];
    const c = intercept[0] - logit(threshold);
    return [clipHalfPlane(square, -w1, -w2, -c), clipHalfPlane(square, w1, w2, c)];
  }
  return coef.map((wk, k) => {
    let poly = square;
    coef.forEach((wl, l) => {
      if (l !== k) poly = clipHalfPlane(poly, wk[0] - wl[0], wk[1] - wl[1], intercept[k] - intercept[l]);
    });
    return poly;
  });
}

/** A square box around the points with a 10 % margin. */
export function boxOf(X: readonly (readonly number[])[]): [number, number, number, number] {
  if (X.length === 0) return [-1, 1, -1, 1];
  const [x0, x1, y0, y1] = pointsExtent(X);
  const half = Math.max(x1 - x0, y1 - y0, 1e-9) * 0.55;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return [cx - half, cx + half, cy - half, cy + half];
}

/**
 * Why a matrix cannot be shown, or null: it must be square, at least 2 × 2, with finite
 * non-negative whole counts and at least one sample.
 */
export function matrixProblem(C: readonly (readonly number[])[] | null | undefined): string | null {
  if (!Array.isArray(C) || C.length < 2) return 'a confusion matrix needs at least two classes: one class only, nothing to confuse';
  if (C.some((r) => !Array.isArray(r) || r.length !== C.length)) return `the matrix must be square (${C.length} rows, so ${C.length} counts per row)`;
  if (C.some((r) => r.some((v: unknown) => typeof v !== 'number' || !Number.isInteger(v) || v < 0))) return 'every count must be a whole number ≥ 0';
  if (C.every((r) => r.every((v: number) => v === 0))) return 'all counts are 0: no samples to score';
  return null;
}

/** The status line: the accuracy, what always predicting the majority class would score, and the focused cell. */
export function statusText(m: Metrics, names: readonly string[], state: ConfusionMatrixState, problem: string | null, binary: boolean): string {
  if (problem) return `Cannot score: ${problem}.`;
  const major = names[m.majority.k];
  const head = state.source === 'table3' ? `Table 3: ${m.n.toLocaleString('en-US')} events` : `Test set: ${m.n} points${binary ? `, threshold t = ${state.threshold.toFixed(2)}` : ''}`;
  let s = `${head}. Accuracy ${pct(m.accuracy)}; always predicting ${major} would score ${pct(m.majority.accuracy)}. Macro-average recall ${pct(m.macro.recall)}.`;
  if (state.cell) {
    const [i, j] = state.cell;
    if (i < m.perClass.length && j < m.perClass.length) {
      s += i === j ? ` Cell: ${m.perClass[i].tp.toLocaleString('en-US')} true ${names[i]} predicted ${names[i]} (TP of ${names[i]}).` : ` Cell: true ${names[i]} predicted ${names[j]} (an FN of ${names[i]}, an FP of ${names[j]}).`;
    }
  }
  return s;
}

/** The frame's `data-state`. */
export function frameState(problem: string | null): ExplainerState {
  return problem ? 'error' : 'idle';
}

/** Sizes of the parts: the data plot and the matrix side by side, one column when compact. */
export function cmSizes(width: number, avail: number, compact: boolean) {
  const w = Math.max(240, Math.min(width, avail));
  const plot = compact ? Math.min(w, 420) : Math.max(220, Math.min(340, Math.round(w * 0.36)));
  return { plot, side: compact ? w : Math.max(300, w - plot - 12) };
}

/** The segment of the line a·x + b·y + c = 0 inside the box [x0, x1] × [y0, y1], or null. */
export function lineInBox(a: number, b: number, c: number, box: readonly [number, number, number, number]): [Pt, Pt] | null {
  const [x0, x1, y0, y1] = box;
  const pts: Pt[] = [];
  const add = (p: Pt) => {
    if (p[0] >= x0 - 1e-9 && p[0] <= x1 + 1e-9 && p[1] >= y0 - 1e-9 && p[1] <= y1 + 1e-9 && !pts.some((q) => Math.hypot(q[0] - p[0], q[1] - p[1]) < 1e-9)) pts.push(p);
  };
  if (b !== 0) for (const x of [x0, x1]) add([x, -(a * x + c) / b]);
  if (a !== 0) for (const y of [y0, y1]) add([-(b * y + c) / a, y]);
  return pts.length >= 2 ? [pts[0], pts[1]] : null;
}
