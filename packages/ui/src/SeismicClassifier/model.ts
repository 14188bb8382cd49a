/**
 * The volcano-seismic case end to end, as pure functions of plain data (no React, no DOM):
 * events of the six classes of Table 3 → the 102 features of Table 1 (temporal, spectral,
 * cepstral) → a stratified train/test split (all three in ./data.ts, which the fit worker runs) →
 * standardisation x̃ = (x − μ_train)/σ_train → a classifier → the confusion matrix on the
 * held-out events. The learned-features side (a 1-D CNN on the raw traces) takes
 * {@link cnnPayload} and runs in the nn worker (./cnnTask.ts).
 */
import {
  confusionMatrix,
  LogisticRegression,
  RandomForestClassifier,
  StandardScaler,
  SVC,
  type Matrix,
} from '@geolearn/algorithms';
import { FEATURE_DOMAINS, FEATURES_PER_DOMAIN, VOLCANIC_CLASSES, type FeatureDomain } from '@geolearn/algorithms/seismic';
import { fieldCheck, type FieldChecks } from '../hooks/useControllableState';
import type { ExplainerState } from '../kit/Explainer';
import type { SeismicCnnPayload } from './cnnTask';
import { N_CLASSES, type Balance, type SeismicData } from './data';

/** The classifiers the student chooses between. */
export type ClassifierKind = 'forest' | 'svc' | 'logistic';
export type { Balance } from './data';
/** Which way the confusion matrices are printed: rows true (scikit-learn) or predicted (Table 3). */
export type RowsAre = 'true' | 'predicted';

/** The explainer's state: plain JSON. */
export interface SeismicClassifierState {
  /** Equal classes or the slides' imbalance. */
  balance: Balance;
  /** Signal-to-noise ratio of the events (noise-free peak over noise standard deviation). */
  snr: number;
  /** The classifier on the hand-made features. */
  classifier: ClassifierKind;
  /** The feature groups used (Table 1's three domains), in the order temporal, spectral, cepstral. */
  domains: FeatureDomain[];
  /** Rows of the confusion matrices. */
  rows: RowsAre;
}

/** The default state. */
export const DEFAULT_STATE: SeismicClassifierState = { balance: 'balanced', snr: 10, classifier: 'forest', domains: [...FEATURE_DOMAINS], rows: 'true' };

/** The SNR slider's range (log scale). */
export const SNR_RANGE: readonly [number, number] = [1, 30];

const isDomains = (v: unknown): v is FeatureDomain[] =>
  Array.isArray(v) && v.length > 0 && v.length <= 3 && v.every((d) => (FEATURE_DOMAINS as readonly unknown[]).includes(d)) && new Set(v).size === v.length;

/** How a `defaultValue` is checked field by field. */
export const STATE_CHECKS: FieldChecks<SeismicClassifierState> = {
  balance: fieldCheck.oneOf('balanced', 'slides'),
  snr: fieldCheck.number(SNR_RANGE[0], SNR_RANGE[1]),
  classifier: fieldCheck.oneOf('forest', 'svc', 'logistic'),
  domains: isDomains,
  rows: fieldCheck.oneOf('true', 'predicted'),
};

/** Names of the classifiers, for the controls. */
export const CLASSIFIER_NAMES: Record<ClassifierKind, string> = { forest: 'Random forest', svc: 'SVC (RBF)', logistic: 'Logistic regression' };

/** The class names, LP … TOR. */
export const CLASS_NAMES: readonly string[] = VOLCANIC_CLASSES;
export { N_CLASSES, SAMPLE_RATE, DURATION, TEST_SIZE, MIN_PER_CLASS, classCounts, buildData, type SeismicData, type DataOptions } from './data';

/** The feature columns of the chosen domains (34 per domain, in the matrix's order). */
export function featureColumns(domains: readonly FeatureDomain[]): number[] {
  const cols: number[] = [];
  for (const d of FEATURE_DOMAINS) {
    if (!domains.includes(d)) continue;
    const o = FEATURE_DOMAINS.indexOf(d) * FEATURES_PER_DOMAIN;
    for (let j = 0; j < FEATURES_PER_DOMAIN; j++) cols.push(o + j);
  }
  return cols;
}

/** The standardised training and held-out sets on the chosen feature columns. */
export interface FeatureSplit {
  XTrain: number[][];
  yTrain: number[];
  XTest: number[][];
  yTest: number[];
}

/**
 * Selects the columns of `domains` and standardises with the training set's μ and σ only
 * (the held-out events must not leak into the scaling).
 */
export function featureSplit(data: SeismicData, domains: readonly FeatureDomain[]): FeatureSplit {
  const cols = featureColumns(domains);
  const { features: F, labels } = data;
  const rowOf = (i: number) => cols.map((c) => F.data[i * F.cols + c]);
  const scaler = new StandardScaler();
  const XTrain = scaler.fit(data.trainIndex.map(rowOf)).transform(data.trainIndex.map(rowOf));
  const XTest = scaler.transform(data.testIndex.map(rowOf));
  return { XTrain: toRows(XTrain), yTrain: data.trainIndex.map((i) => labels[i]), XTest: toRows(XTest), yTest: data.testIndex.map((i) => labels[i]) };
}

function toRows(X: Matrix | number[][]): number[][] {
  if (Array.isArray(X)) return X;
  const out: number[][] = [];
  for (let i = 0; i < X.rows; i++) out.push(Array.from(X.data.subarray(i * X.cols, (i + 1) * X.cols)));
  return out;
}

/** The estimator and options of each classifier, as the worker runner's registry names them. */
export const CLASSIFIER_SPECS = {
  forest: { estimator: 'RandomForestClassifier', params: (seed: number) => ({ nEstimators: 50, randomState: seed }) },
  svc: { estimator: 'SVC', params: () => ({ C: 10, kernel: 'rbf' as const, gamma: 'scale' as const }) },
  logistic: { estimator: 'LogisticRegression', params: () => ({ C: 1, maxIter: 200 }) },
} as const;

/** The worker runner's estimator and options for a classifier (every one is in its registry). */
export function workerRequest(kind: ClassifierKind, seed: number): { estimator: 'RandomForestClassifier' | 'SVC' | 'LogisticRegression'; params: Record<string, unknown> } {
  const spec = CLASSIFIER_SPECS[kind];
  return { estimator: spec.estimator, params: spec.params(seed) };
}

/** Fits the classifier on this thread and predicts the held-out set (tests, the accuracy script); the explainer fits in the worker. */
export function fitPredict(kind: ClassifierKind, s: FeatureSplit, seed: number): { predicted: number[]; importances: number[] | null } {
  if (kind === 'forest') {
    const m = new RandomForestClassifier(CLASSIFIER_SPECS.forest.params(seed)).fit(s.XTrain, s.yTrain);
    return { predicted: Array.from(m.predict(s.XTest)), importances: m.featureImportances };
  }
  const m = kind === 'svc' ? new SVC(CLASSIFIER_SPECS.svc.params()) : new LogisticRegression(CLASSIFIER_SPECS.logistic.params());
  m.fit(s.XTrain, s.yTrain);
  return { predicted: Array.from(m.predict(s.XTest)), importances: null };
}

/** The confusion matrix, rows = true classes, columns = predicted (scikit-learn's layout). */
export function confusionOf(yTrue: readonly number[], yPred: readonly number[]): number[][] {
  return confusionMatrix(yTrue, yPred, { labels: CLASS_NAMES.map((_, k) => k) });
}

/** Σₖ Cₖₖ / N. */
export function accuracyOf(C: readonly (readonly number[])[]): number {
  let ok = 0;
  let n = 0;
  C.forEach((row, i) => row.forEach((v, j) => ((n += v), i === j && (ok += v))));
  return n === 0 ? NaN : ok / n;
}

/** Macro recall: the mean over classes of TPₖ / (TPₖ + FNₖ) (classes absent from the test set skipped). */
export function macroRecall(C: readonly (readonly number[])[]): number {
  const r = C.map((row, k) => {
    const s = row.reduce((a, b) => a + b, 0);
    return s === 0 ? null : row[k] / s;
  }).filter((v): v is number => v !== null);
  return r.length === 0 ? NaN : r.reduce((a, b) => a + b, 0) / r.length;
}

/**
 * A random forest's impurity importances summed per domain (each domain's 34 features), as
 * shares of 1: which representation the forest's splits lean on.
 */
export function importanceByDomain(importances: readonly number[], domains: readonly FeatureDomain[]): { domain: FeatureDomain; share: number }[] {
  const used = FEATURE_DOMAINS.filter((d) => domains.includes(d));
  const total = importances.reduce((a, b) => a + b, 0) || 1;
  return used.map((domain, g) => {
    let s = 0;
    for (let j = 0; j < FEATURES_PER_DOMAIN; j++) s += importances[g * FEATURES_PER_DOMAIN + j] ?? 0;
    return { domain, share: s / total };
  });
}

/**
 * The CNN's input: each trace divided by its largest |s| (so that the network sees shapes,
 * not amplitudes, as the features' scaling does), as rows of one Float32Array.
 */
export function cnnInputs(signals: readonly Float64Array[], rows: readonly number[]): Float32Array {
  const L = signals[rows[0]]?.length ?? 0;
  const out = new Float32Array(rows.length * L);
  rows.forEach((r, i) => {
    const s = signals[r];
    let m = 0;
    for (let j = 0; j < L; j++) m = Math.max(m, Math.abs(s[j]));
    const k = m > 0 ? 1 / m : 0;
    for (let j = 0; j < L; j++) out[i * L + j] = s[j] * k;
  });
  return out;
}

/** The nn worker's payload for the CNN on the same split as the features. */
export function cnnPayload(data: SeismicData, epochs: number, seed: number): SeismicCnnPayload {
  return {
    train: cnnInputs(data.signals, data.trainIndex),
    trainLabels: data.trainIndex.map((i) => data.labels[i]),
    test: cnnInputs(data.signals, data.testIndex),
    testLabels: data.testIndex.map((i) => data.labels[i]),
    length: data.signals[0].length,
    nClasses: N_CLASSES,
    epochs,
    seed,
  };
}

/** A share as "94.1 %"; "—" when undefined. */
export function pct(v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '—' : `${(100 * v).toFixed(digits)} %`;
}

/** What the status line says. */
export function statusText(o: {
  state: SeismicClassifierState;
  nTest: number;
  features: { accuracy: number } | null;
  featuresBusy: boolean;
  cnn: { accuracy: number; epoch: number } | null;
  cnnBusy: boolean;
  error: string | null;
  /** True while the events and their features are generated (in the worker). */
  generating?: boolean;
}): string {
  if (o.error) return o.error;
  if (o.generating) return `Generating the events and their Table 1 features (${o.state.balance === 'balanced' ? 'balanced classes' : 'Table 3’s imbalance'}, SNR ${formatSnr(o.state.snr)})…`;
  const parts: string[] = [];
  const groups = o.state.domains.join(' + ');
  if (o.featuresBusy || !o.features) parts.push(`Fitting the ${CLASSIFIER_NAMES[o.state.classifier].toLowerCase()} on ${groups} features…`);
  else parts.push(`${CLASSIFIER_NAMES[o.state.classifier]} on ${groups} features: ${pct(o.features.accuracy)} of ${o.nTest} held-out events at SNR ${formatSnr(o.state.snr)}.`);
  if (o.cnnBusy) parts.push(o.cnn ? `CNN epoch ${o.cnn.epoch}: ${pct(o.cnn.accuracy)} held out.` : 'Training the CNN…');
  else if (o.cnn) parts.push(`CNN on raw waveforms: ${pct(o.cnn.accuracy)}.`);
  return parts.join(' ');
}

/** SNR with two significant digits. */
export function formatSnr(v: number): string {
  return v >= 10 ? v.toFixed(0) : v.toFixed(1);
}

/** The frame's data-state. */
export function frameState(o: { error: string | null; busy: boolean; done: boolean }): ExplainerState {
  if (o.error) return 'error';
  if (o.busy) return 'playing';
  return o.done ? 'done' : 'idle';
}
