import { ValidationError } from '../core/errors';
import type { VectorLike } from '../core/matrix';
import { checkArray, checkClassificationTargets, checkSize, checkVector, describeValue, LIMITS } from '../core/validation';

/**
 * Classification metrics, as scikit-learn's sklearn.metrics. Labels are numbers; unless
 * `labels` is given, the classes are the sorted union of the labels in yTrue and yPred.
 */

/** How per-class scores are combined: null keeps one score per class. */
export type MetricAverage = 'binary' | 'micro' | 'macro' | 'weighted' | null;

/** The value of a ratio whose denominator is 0; 'warn' acts as 0 (scikit-learn also warns). */
export type ZeroDivision = 'warn' | 0 | 1;

/** Options of {@link precisionScore}, {@link recallScore}, {@link f1Score} and {@link fbetaScore}. */
export interface ClassificationScoreOptions {
  /**
   * 'binary' (scikit-learn's default): the score of `posLabel` alone, for two-class problems;
   * 'micro': from the total TP, FP, FN over classes; 'macro': the unweighted mean of the
   * per-class scores; 'weighted': their mean weighted by support (the true count);
   * null: one score per class. Default 'binary'.
   */
  average?: MetricAverage;
  /** The classes to include, and their order for average null. Default: all, sorted. */
  labels?: readonly number[];
  /** The positive class for average 'binary'. Default 1. */
  posLabel?: number;
  /** The value when a denominator is 0 (no predicted or no true sample of a class). Default 'warn' (0). */
  zeroDivision?: ZeroDivision;
}

/** Per-class precision, recall, F-score and support, or their averages (support null). */
export interface PrecisionRecallFscoreSupport<T> {
  precision: T;
  recall: T;
  fScore: T;
  /** Number of true samples per class (null for averages). */
  support: T extends number ? null : number[];
}

function checkPair(yTrue: VectorLike, yPred: VectorLike): { t: Float64Array; p: Float64Array } {
  const t = checkClassificationTargets(yTrue, undefined, 'yTrue');
  const p = checkClassificationTargets(yPred, undefined, 'yPred');
  if (p.length !== t.length) throw new ValidationError('yPred', 'length-mismatch', `has ${p.length} labels but yTrue has ${t.length}`);
  return { t, p };
}

function uniqueSorted(...arrays: ArrayLike<number>[]): number[] {
  const s = new Set<number>();
  for (const a of arrays) for (let i = 0; i < a.length; i++) s.add(a[i]);
  return Array.from(s).sort((a, b) => a - b);
}

function checkLabels(labels: readonly number[] | undefined, t: Float64Array, p: Float64Array): number[] {
  if (labels === undefined) return uniqueSorted(t, p);
  const l = Array.from(checkClassificationTargets(labels, undefined, 'labels'));
  if (new Set(l).size !== l.length) throw new ValidationError('labels', 'bad-option', 'has repeated labels');
  return l;
}

/** Options of {@link confusionMatrix}. */
export interface ConfusionMatrixOptions {
  /** The classes, in row/column order; samples of other classes are ignored. Default: all, sorted. */
  labels?: readonly number[];
  /** Normalise over the true classes (rows), the predicted ones (columns), or all. Default null (counts). */
  normalize?: 'true' | 'pred' | 'all' | null;
}

/**
 * The confusion matrix C, Cᵢⱼ = the number of samples of true class i predicted as j
 * (rows true, columns predicted, as scikit-learn): the diagonal holds the correct ones.
 */
export function confusionMatrix(yTrue: VectorLike, yPred: VectorLike, options: ConfusionMatrixOptions = {}): number[][] {
  const { t, p } = checkPair(yTrue, yPred);
  const labels = checkLabels(options.labels, t, p);
  const index = new Map(labels.map((l, k) => [l, k]));
  const K = labels.length;
  // K distinct labels make K² cells: 10⁵ one-off float-like labels would need 10¹⁰.
  checkSize('labels', K * K, LIMITS.maxElements, 'confusion-matrix cells');
  const C = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  for (let i = 0; i < t.length; i++) {
    const a = index.get(t[i]);
    const b = index.get(p[i]);
    if (a !== undefined && b !== undefined) C[a][b]++;
  }
  const norm = options.normalize ?? null;
  if (norm === null) return C;
  if (norm !== 'true' && norm !== 'pred' && norm !== 'all') throw new ValidationError('normalize', 'bad-option', `must be 'true', 'pred', 'all' or null, got ${describeValue(norm)}`);
  // An empty row or column stays 0 rather than NaN, as in scikit-learn.
  const div = (v: number, s: number) => (s === 0 ? 0 : v / s);
  if (norm === 'all') {
    const s = C.flat().reduce((a, b) => a + b, 0);
    return C.map((r) => r.map((v) => div(v, s)));
  }
  if (norm === 'true') return C.map((r) => r.map((v) => div(v, r.reduce((a, b) => a + b, 0))));
  const colSum = labels.map((_, j) => C.reduce((s, r) => s + r[j], 0));
  return C.map((r) => r.map((v, j) => div(v, colSum[j])));
}

/** Options of {@link accuracyScore}. */
export interface AccuracyScoreOptions {
  /** Return the fraction correct (true) or the count (false). Default true. */
  normalize?: boolean;
}

/** The fraction (or number) of samples whose predicted label equals the true one. */
export function accuracyScore(yTrue: VectorLike, yPred: VectorLike, options: AccuracyScoreOptions = {}): number {
  const { t, p } = checkPair(yTrue, yPred);
  let ok = 0;
  for (let i = 0; i < t.length; i++) if (t[i] === p[i]) ok++;
  return options.normalize === false ? ok : ok / t.length;
}

/**
 * Precision, recall and F_β of every class, or averaged, from the per-class counts:
 *   precision = TP / (TP + FP),  recall = TP / (TP + FN),
 *   F_β = (1 + β²) P R / (β² P + R)   (F₁ is the harmonic mean of P and R).
 * A 0/0 ratio takes `zeroDivision`; F is 0 when P and R are both 0.
 */
export function precisionRecallFscoreSupport(
  yTrue: VectorLike,
  yPred: VectorLike,
  options: ClassificationScoreOptions & { beta?: number; average: null },
): PrecisionRecallFscoreSupport<number[]>;
export function precisionRecallFscoreSupport(
  yTrue: VectorLike,
  yPred: VectorLike,
  options: ClassificationScoreOptions & { beta?: number; average: 'binary' | 'micro' | 'macro' | 'weighted' },
): PrecisionRecallFscoreSupport<number>;
export function precisionRecallFscoreSupport(
  yTrue: VectorLike,
  yPred: VectorLike,
  options?: ClassificationScoreOptions & { beta?: number },
): PrecisionRecallFscoreSupport<number> | PrecisionRecallFscoreSupport<number[]>;
export function precisionRecallFscoreSupport(
  yTrue: VectorLike,
  yPred: VectorLike,
  options: ClassificationScoreOptions & { beta?: number } = {},
): PrecisionRecallFscoreSupport<number> | PrecisionRecallFscoreSupport<number[]> {
  const { t, p } = checkPair(yTrue, yPred);
  const average = options.average === undefined ? null : options.average;
  if (average !== null && !['binary', 'micro', 'macro', 'weighted'].includes(average)) {
    throw new ValidationError('average', 'bad-option', `must be 'binary', 'micro', 'macro', 'weighted' or null, got ${describeValue(average)}`);
  }
  const beta = options.beta ?? 1;
  if (typeof beta !== 'number' || !(beta >= 0) || !Number.isFinite(beta)) throw new ValidationError('beta', 'out-of-range', `must be ≥ 0, got ${describeValue(beta)}`);
  const zd = options.zeroDivision ?? 'warn';
  if (zd !== 'warn' && zd !== 0 && zd !== 1) throw new ValidationError('zeroDivision', 'bad-option', `must be 'warn', 0 or 1, got ${describeValue(zd)}`);
  const zdValue = zd === 1 ? 1 : 0;
  let labels = checkLabels(options.labels, t, p);
  if (average === 'binary') {
    const present = uniqueSorted(t, p);
    const pos = options.posLabel ?? 1;
    if (present.length > 2) {
      throw new ValidationError('average', 'bad-option', `the target has ${present.length} classes but average is 'binary'; choose 'micro', 'macro', 'weighted' or null`);
    }
    if (!present.includes(pos) && present.length >= 2) {
      throw new ValidationError('posLabel', 'bad-option', `${describeValue(pos)} is not a valid label; it must be one of ${present.join(', ')}`);
    }
    labels = [pos];
  }
  const index = new Map(labels.map((l, k) => [l, k]));
  const K = labels.length;
  let tp = new Array<number>(K).fill(0);
  let predSum = new Array<number>(K).fill(0);
  let trueSum = new Array<number>(K).fill(0);
  for (let i = 0; i < t.length; i++) {
    const a = index.get(t[i]);
    const b = index.get(p[i]);
    if (a !== undefined) trueSum[a]++;
    if (b !== undefined) predSum[b]++;
    if (a !== undefined && a === b) tp[a]++;
  }
  if (average === 'micro') {
    const sum = (v: number[]) => [v.reduce((x, y) => x + y, 0)];
    tp = sum(tp);
    predSum = sum(predSum);
    trueSum = sum(trueSum);
  }
  const ratio = (num: number, den: number) => (den === 0 ? zdValue : num / den);
  const precision = tp.map((v, k) => ratio(v, predSum[k]));
  const recall = tp.map((v, k) => ratio(v, trueSum[k]));
  const b2 = beta * beta;
  const fScore = precision.map((P, k) => {
    const R = recall[k];
    if (beta === Infinity) return R;
    const den = b2 * P + R;
    return den === 0 ? 0 : ((1 + b2) * P * R) / den;
  });
  if (average === null) return { precision, recall, fScore, support: trueSum };
  let weights: number[] | null = null;
  if (average === 'weighted') {
    weights = trueSum;
    // No true sample of any selected class: the weighted mean is undefined.
    if (trueSum.every((v) => v === 0)) return { precision: zdValue, recall: zdValue, fScore: zdValue, support: null };
  }
  const avg = (v: number[]) => {
    if (!weights) return v.reduce((a, b) => a + b, 0) / v.length;
    const w = weights;
    const sw = w.reduce((a, b) => a + b, 0);
    return v.reduce((a, b, k) => a + b * w[k], 0) / sw;
  };
  return { precision: avg(precision), recall: avg(recall), fScore: avg(fScore), support: null };
}

type PerClass = ClassificationScoreOptions & { average: null };

/** Precision TP / (TP + FP): of the samples predicted as a class, the fraction that are. */
export function precisionScore(yTrue: VectorLike, yPred: VectorLike, options: PerClass): number[];
export function precisionScore(yTrue: VectorLike, yPred: VectorLike, options?: ClassificationScoreOptions): number;
export function precisionScore(yTrue: VectorLike, yPred: VectorLike, options: ClassificationScoreOptions = {}): number | number[] {
  return precisionRecallFscoreSupport(yTrue, yPred, { average: 'binary', ...options }).precision;
}

/** Recall TP / (TP + FN): of the samples of a class, the fraction found. */
export function recallScore(yTrue: VectorLike, yPred: VectorLike, options: PerClass): number[];
export function recallScore(yTrue: VectorLike, yPred: VectorLike, options?: ClassificationScoreOptions): number;
export function recallScore(yTrue: VectorLike, yPred: VectorLike, options: ClassificationScoreOptions = {}): number | number[] {
  return precisionRecallFscoreSupport(yTrue, yPred, { average: 'binary', ...options }).recall;
}

/** F₁ = 2PR / (P + R), the harmonic mean of precision and recall. */
export function f1Score(yTrue: VectorLike, yPred: VectorLike, options: PerClass): number[];
export function f1Score(yTrue: VectorLike, yPred: VectorLike, options?: ClassificationScoreOptions): number;
export function f1Score(yTrue: VectorLike, yPred: VectorLike, options: ClassificationScoreOptions = {}): number | number[] {
  return precisionRecallFscoreSupport(yTrue, yPred, { average: 'binary', ...options, beta: 1 }).fScore;
}

/** F_β = (1 + β²) PR / (β²P + R): recall counts β times as much as precision. */
export function fbetaScore(yTrue: VectorLike, yPred: VectorLike, beta: number, options: PerClass): number[];
export function fbetaScore(yTrue: VectorLike, yPred: VectorLike, beta: number, options?: ClassificationScoreOptions): number;
export function fbetaScore(yTrue: VectorLike, yPred: VectorLike, beta: number, options: ClassificationScoreOptions = {}): number | number[] {
  return precisionRecallFscoreSupport(yTrue, yPred, { average: 'binary', ...options, beta }).fScore;
}

/** One row of a {@link classificationReport} dictionary. */
export interface ClassificationReportRow {
  precision: number;
  recall: number;
  'f1-score': number;
  support: number;
}

/** Options of {@link classificationReport}. */
export interface ClassificationReportOptions {
  /** The classes reported. Default: all, sorted. */
  labels?: readonly number[];
  /** Display names of the classes, in the order of labels. */
  targetNames?: readonly string[];
  /** Decimals in the text report. Default 2. */
  digits?: number;
  /** Return a dictionary instead of text. Default false. */
  outputDict?: boolean;
  /** See {@link ClassificationScoreOptions.zeroDivision}. Default 'warn' (0). */
  zeroDivision?: ZeroDivision;
}

/**
 * Precision, recall, F₁ and support per class, then the accuracy (or the micro average
 * when only some classes are reported), the macro and the weighted averages: the text
 * table of scikit-learn's classification_report, or the same numbers as a dictionary.
 */
export function classificationReport(yTrue: VectorLike, yPred: VectorLike, options: ClassificationReportOptions & { outputDict: true }): Record<string, ClassificationReportRow | number>;
export function classificationReport(yTrue: VectorLike, yPred: VectorLike, options?: ClassificationReportOptions): string;
export function classificationReport(yTrue: VectorLike, yPred: VectorLike, options: ClassificationReportOptions = {}): string | Record<string, ClassificationReportRow | number> {
  const { t, p } = checkPair(yTrue, yPred);
  const present = uniqueSorted(t, p);
  const labels = checkLabels(options.labels, t, p);
  const digits = options.digits ?? 2;
  if (!Number.isInteger(digits) || digits < 0) throw new ValidationError('digits', 'out-of-range', `must be an integer ≥ 0, got ${describeValue(digits)}`);
  const names = options.targetNames ? [...options.targetNames] : labels.map(String);
  if (names.length !== labels.length) throw new ValidationError('targetNames', 'length-mismatch', `has ${names.length} names for ${labels.length} labels`);
  const zeroDivision = options.zeroDivision ?? 'warn';
  const per = precisionRecallFscoreSupport(t, p, { labels, average: null, zeroDivision });
  const microIsAccuracy = options.labels === undefined || (labels.length === present.length && present.every((l) => labels.includes(l)));
  const total = per.support.reduce((a, b) => a + b, 0);
  const rows: [string, number, number, number, number][] = labels.map((_, k) => [names[k], per.precision[k], per.recall[k], per.fScore[k], per.support[k]]);
  const avgRows: [string, number, number, number, number][] = [];
  for (const average of ['micro', 'macro', 'weighted'] as const) {
    if (average === 'micro' && microIsAccuracy) continue;
    const a = precisionRecallFscoreSupport(t, p, { labels, average, zeroDivision });
    avgRows.push([`${average} avg`, a.precision, a.recall, a.fScore, total]);
  }
  const accuracy = microIsAccuracy ? precisionRecallFscoreSupport(t, p, { labels, average: 'micro', zeroDivision }).fScore : null;

  if (options.outputDict) {
    const out: Record<string, ClassificationReportRow | number> = {};
    const row = (r: [string, number, number, number, number]): ClassificationReportRow => ({ precision: r[1], recall: r[2], 'f1-score': r[3], support: r[4] });
    for (const r of rows) out[r[0]] = row(r);
    if (accuracy !== null) out.accuracy = accuracy;
    for (const r of avgRows) out[r[0]] = row(r);
    return out;
  }
  const width = Math.max(...names.map((s) => s.length), 'weighted avg'.length, digits);
  const pad = (s: string, w: number) => s.padStart(w);
  const num = (v: number) => pad(v.toFixed(digits), 9);
  const line = (r: [string, number, number, number, number]) => `${pad(r[0], width)}  ${num(r[1])} ${num(r[2])} ${num(r[3])} ${pad(String(r[4]), 9)}\n`;
  let report = `${pad('', width)}  ${['precision', 'recall', 'f1-score', 'support'].map((h) => pad(h, 9)).join(' ')}\n\n`;
  for (const r of rows) report += line(r);
  report += '\n';
  if (accuracy !== null) report += `${pad('accuracy', width)}  ${pad('', 9)} ${pad('', 9)} ${num(accuracy)} ${pad(String(total), 9)}\n`;
  for (const r of avgRows) report += line(r);
  return report;
}

/** Options of {@link hingeLoss}. */
export interface HingeLossOptions {
  /** All the classes, when yTrue may lack some (multi-class). Default: the classes in yTrue. */
  labels?: readonly number[];
}

/**
 * The mean hinge loss (1/n) Σᵢ max(0, 1 − mᵢ) of decision values, as the SVM slides teach.
 * Two classes (predDecision a vector): the larger label is +1, the other −1, and mᵢ = yᵢ dᵢ.
 * More classes (predDecision n×K, columns in sorted label order): Crammer–Singer's margin
 * mᵢ = d_{i,yᵢ} − max_{k≠yᵢ} d_{i,k}.
 */
export function hingeLoss(yTrue: VectorLike, predDecision: VectorLike | ReadonlyArray<ArrayLike<number>>, options: HingeLossOptions = {}): number {
  const t = checkClassificationTargets(yTrue, undefined, 'yTrue');
  const n = t.length;
  const first = (predDecision as ArrayLike<unknown>)[0];
  if (n > 0 && typeof first === 'object' && first !== null) {
    const D = checkArray(predDecision as ReadonlyArray<ArrayLike<number>>, { name: 'predDecision' });
    if (D.rows !== n) throw new ValidationError('predDecision', 'length-mismatch', `has ${D.rows} rows but yTrue has ${n} labels`);
    const labels = options.labels ? Array.from(checkClassificationTargets(options.labels, undefined, 'labels')).sort((a, b) => a - b) : uniqueSorted(t);
    if (D.cols !== labels.length) throw new ValidationError('predDecision', 'shape-mismatch', `has ${D.cols} columns for ${labels.length} classes`);
    const index = new Map(labels.map((l, k) => [l, k]));
    let s = 0;
    for (let i = 0; i < n; i++) {
      const c = index.get(t[i]);
      if (c === undefined) throw new ValidationError('yTrue', 'bad-option', `label ${t[i]} is not in labels`);
      let other = -Infinity;
      for (let k = 0; k < D.cols; k++) if (k !== c) other = Math.max(other, D.data[i * D.cols + k]);
      s += Math.max(0, 1 - (D.data[i * D.cols + c] - other));
    }
    return s / n;
  }
  const d = checkVector(predDecision as VectorLike, { name: 'predDecision', length: n });
  const labels = options.labels ? Array.from(checkClassificationTargets(options.labels, undefined, 'labels')).sort((a, b) => a - b) : uniqueSorted(t);
  if (labels.length > 2) throw new ValidationError('predDecision', 'shape-mismatch', `is a vector but there are ${labels.length} classes: give one column of scores per class`);
  const pos = labels[labels.length - 1];
  let s = 0;
  for (let i = 0; i < n; i++) {
    const y = labels.length === 2 && t[i] === pos ? 1 : -1;
    s += Math.max(0, 1 - y * d[i]);
  }
  return s / n;
}

/** Options of {@link logLoss}. */
export interface LogLossOptions {
  /** Probabilities are clipped to [eps, 1 − eps] so that log 0 never occurs. Default 1e-15 (scikit-learn 1.2). */
  eps?: number;
  /** Return the mean (true) or the sum (false). Default true. */
  normalize?: boolean;
  /** All the classes, when yTrue may lack some. Default: the classes in yTrue. */
  labels?: readonly number[];
}

/**
 * The cross-entropy −(1/n) Σᵢ log p_{i,yᵢ} of predicted probabilities. yPred is n×K
 * (columns in sorted label order) or, for two classes, the vector of P(larger label).
 * Rows are clipped to [eps, 1 − eps] and renormalised, as scikit-learn 1.2 does.
 */
export function logLoss(yTrue: VectorLike, yPred: VectorLike | ReadonlyArray<ArrayLike<number>>, options: LogLossOptions = {}): number {
  const t = checkClassificationTargets(yTrue, undefined, 'yTrue');
  const n = t.length;
  const eps = options.eps ?? 1e-15;
  if (typeof eps !== 'number' || !(eps > 0 && eps < 0.5)) throw new ValidationError('eps', 'out-of-range', `must be in (0, 0.5), got ${describeValue(eps)}`);
  const labels = options.labels ? Array.from(checkClassificationTargets(options.labels, undefined, 'labels')).sort((a, b) => a - b) : uniqueSorted(t);
  if (labels.length < 2) throw new ValidationError('yTrue', 'single-class', `contains only one label (${labels[0]}); give the labels option`);
  const first = (yPred as ArrayLike<unknown>)[0];
  let P: number[][];
  if (typeof first === 'object' && first !== null) {
    const M = checkArray(yPred as ReadonlyArray<ArrayLike<number>>, { name: 'yPred' });
    if (M.rows !== n) throw new ValidationError('yPred', 'length-mismatch', `has ${M.rows} rows but yTrue has ${n} labels`);
    if (M.cols === 1) P = Array.from({ length: n }, (_, i) => [1 - M.data[i], M.data[i]]);
    else P = Array.from({ length: n }, (_, i) => Array.from(M.data.subarray(i * M.cols, (i + 1) * M.cols)));
  } else {
    const v = checkVector(yPred as VectorLike, { name: 'yPred', length: n });
    P = Array.from(v, (q) => [1 - q, q]);
  }
  if (P[0].length !== labels.length) throw new ValidationError('yPred', 'shape-mismatch', `has ${P[0].length} columns for ${labels.length} classes`);
  const index = new Map(labels.map((l, k) => [l, k]));
  let s = 0;
  for (let i = 0; i < n; i++) {
    const c = index.get(t[i]);
    if (c === undefined) throw new ValidationError('yTrue', 'bad-option', `label ${t[i]} is not in labels`);
    const row = P[i].map((q) => Math.min(1 - eps, Math.max(eps, q)));
    const z = row.reduce((a, b) => a + b, 0);
    s -= Math.log(row[c] / z);
  }
  return options.normalize === false ? s : s / n;
}
