/**
 * The seismic classifier's data, DOM-free and React-free (the fit worker bundles it): the
 * events of the six classes of Table 3, their 102 Table 1 features, and the stratified split,
 * built as a generator of steps ({@link seismicDataSteps}) so that the worker can report its
 * progress and the main-thread fallback can run it in slices; {@link buildData} drains it.
 */
import { RandomState, trainTestSplit, ValidationError, type Matrix } from '@geolearn/algorithms';
import { FEATURES_PER_DOMAIN, SLIDES_CLASS_COUNTS, VOLCANIC_CLASSES, volcanicEvent, waveformFeatureMatrix } from '@geolearn/algorithms/seismic';
import type { TaskStep } from '../worker/registry';

/** How many events of each class: equal, or Table 3's imbalance (91 % LP). */
export type Balance = 'balanced' | 'slides';

/** Number of classes (6). */
export const N_CLASSES = VOLCANIC_CLASSES.length;
/** Sampling rate of the generated events, Hz (VT energy reaches 20 Hz; Nyquist 25 Hz). */
export const SAMPLE_RATE = 50;
/** Length of a trace, s (long enough for a tornillo's coda and an explosion's air wave). */
export const DURATION = 20;
/** Share of the events held out. */
export const TEST_SIZE = 0.3;
/** Fewest events per class under the slides' imbalance, so that a stratified split keeps each class on both sides. */
export const MIN_PER_CLASS = 4;
/** Fewest and most events (the `nSamples` prop's range). */
export const N_SAMPLES_RANGE: readonly [number, number] = [30, 600];

/**
 * Events per class for `n` events: equal shares, or the shares of Table 3's column sums
 * (LP 62,030 … TOR 32) by largest remainders with at least {@link MIN_PER_CLASS} of each.
 */
export function classCounts(n: number, balance: Balance): number[] {
  const K = N_CLASSES;
  const weights = balance === 'balanced' ? VOLCANIC_CLASSES.map(() => 1) : VOLCANIC_CLASSES.map((c) => SLIDES_CLASS_COUNTS[c]);
  const floor = balance === 'balanced' ? 0 : MIN_PER_CLASS;
  const total = Math.max(n, floor * K);
  const W = weights.reduce((a, b) => a + b, 0);
  const rest = total - floor * K;
  const exact = weights.map((w) => (rest * w) / W);
  const counts = exact.map((e) => floor + Math.floor(e));
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let j = 0; left > 0; j++, left--) counts[order[j % K][1]]++;
  return counts;
}

/** The generated events, their features and the split (plain, structured-cloneable data). */
export interface SeismicData {
  /** One trace per event (DURATION · SAMPLE_RATE samples). */
  signals: Float64Array[];
  /** Class index of each event (into `VOLCANIC_CLASSES`). */
  labels: number[];
  /** Events per class. */
  counts: number[];
  /** The 102 Table 1 features of every event (rows = events; temporal, spectral, cepstral). */
  features: Matrix;
  /** Rows in the training set. */
  trainIndex: number[];
  /** Rows held out. */
  testIndex: number[];
}

/** Inputs of {@link buildData} (and the payload of the 'seismicClassifier.data' worker task). */
export interface DataOptions {
  /** Number of events, an integer in {@link N_SAMPLES_RANGE}. */
  nSamples: number;
  /** Equal classes or Table 3's imbalance. */
  balance: Balance;
  /** Signal-to-noise ratio of the events (> 0). */
  snr: number;
  /** Seed of the events and of the split (an integer ≥ 0). */
  seed: number;
}

/** The options checked, or a ValidationError naming the field. */
export function checkDataOptions(o: unknown): DataOptions {
  if (typeof o !== 'object' || o === null) throw new ValidationError('payload', 'wrong-type', 'must be an object { nSamples, balance, snr, seed }');
  const { nSamples, balance, snr, seed } = o as Record<string, unknown>;
  const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
  if (!isInt(nSamples) || nSamples < N_SAMPLES_RANGE[0] || nSamples > N_SAMPLES_RANGE[1]) {
    throw new ValidationError('nSamples', 'out-of-range', `must be an integer in [${N_SAMPLES_RANGE.join(', ')}], got ${String(nSamples)}`);
  }
  if (balance !== 'balanced' && balance !== 'slides') throw new ValidationError('balance', 'bad-option', `must be 'balanced' or 'slides', got ${JSON.stringify(balance)}`);
  if (typeof snr !== 'number' || !(snr > 0) || !Number.isFinite(snr)) throw new ValidationError('snr', 'out-of-range', `must be a finite number > 0, got ${String(snr)}`);
  if (!isInt(seed) || seed < 0) throw new ValidationError('seed', 'out-of-range', `must be an integer ≥ 0, got ${String(seed)}`);
  return { nSamples, balance, snr, seed };
}

/**
 * Generates the events (seeded), computes their Table 1 features, and splits them 70/30,
 * stratified on the class so that the rare classes appear on both sides; one step (with its
 * progress) per event. The events are those of `makeVolcanicDataset({ classCounts, snr,
 * sampleRate, duration, randomState: seed })`, drawn the same way one at a time: the labels
 * in class order shuffled by the seeded generator, then each event from its next seed.
 */
export function* seismicDataSteps(options: DataOptions): Generator<TaskStep, SeismicData, undefined> {
  const { nSamples, balance, snr, seed } = checkDataOptions(options);
  const counts = classCounts(nSamples, balance);
  const rng = new RandomState(seed);
  const labels: number[] = [];
  counts.forEach((c, k) => {
    for (let j = 0; j < c; j++) labels.push(k);
  });
  rng.shuffle(labels);
  const n = labels.length;
  const cols = 3 * FEATURES_PER_DOMAIN;
  const data = new Float64Array(n * cols);
  const signals: Float64Array[] = [];
  yield { progress: 0 };
  for (let i = 0; i < n; i++) {
    const e = volcanicEvent(VOLCANIC_CLASSES[labels[i]], { sampleRate: SAMPLE_RATE, duration: DURATION, snr, randomState: rng.nextSeed() });
    signals.push(e.signal);
    // Each event's features depend on its trace only: one row at a time is the whole matrix.
    data.set(waveformFeatureMatrix([e.signal], { sampleRate: SAMPLE_RATE }).data, i * cols);
    yield { progress: (i + 1) / (n + 1) };
  }
  const split = trainTestSplit(
    labels.map((_, i) => [i]),
    labels,
    { testSize: TEST_SIZE, stratify: true, randomState: seed },
  );
  return { signals, labels, counts, features: { rows: n, cols, data }, trainIndex: split.trainIndex, testIndex: split.testIndex };
}

/** {@link seismicDataSteps} run to its end on this thread (tests, the accuracy script). */
export function buildData(options: DataOptions): SeismicData {
  const it = seismicDataSteps(options);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

/**
 * The worker task 'seismicClassifier.data' (registered in `worker/registry.ts`): the payload
 * is checked ({@link checkDataOptions}), then {@link seismicDataSteps}.
 */
export function* seismicDataTask(payload: unknown): Generator<TaskStep, SeismicData, undefined> {
  return yield* seismicDataSteps(checkDataOptions(payload));
}
