/**
 * Phase picking as a learning problem (PhaseNet, Zhu & Beroza 2019): windows x ∈ ℝ^{3000×3}
 * of three-component synthetic records at 100 Hz, and per-sample targets p_i(x) of P, S and
 * noise: Gaussians of width σ centred on the true arrivals, noise = 1 − P − S. Also the pieces
 * that turn probabilities into picks and score them: {@link pickPeaks}, {@link evaluatePicks},
 * and the classic STA/LTA P picker as the baseline on the same windows ({@link staLtaPick}).
 *
 * No TF.js here: the model lives in `@geolearn/algorithms/nn` (`seismic/picker.ts`).
 */
import { ValidationError } from '../core/errors';
import { checkRandomState, type RandomStateLike } from '../core/random';
import { checkOneOf, checkScalar } from '../core/validation';
import { checkOptions, checkPositive } from './_checks';
import { DETECTION_HIGHPASS, highpassWindows } from './detection';
import { ONSET_SNR_BANDS, onsetSnrDb } from './snr';
import { bandpass } from './filter';
import { seismicNoise } from './noise';
import { syntheticSeismogram, type SourceType } from './synthetic';
import { staLta, triggerOnset } from './trigger';

/** Sampling rate of the picker's windows, in Hz. */
export const PICKING_SAMPLE_RATE = 100;
/** Samples per component in one window (30 s at 100 Hz), as PhaseNet. */
export const PICKING_WINDOW = 3000;
/** The output classes, in channel order: p_P, p_S, p_noise. */
export const PICK_CLASSES = ['P', 'S', 'noise'] as const;
/** Width σ of the target Gaussians in seconds (PhaseNet's 0.1 s). */
export const DEFAULT_PICK_SIGMA = 0.1;
/**
 * The fixed held-out set: the windows of `makePickingDataset(PICKING_HELD_OUT)`. Training
 * scripts draw their windows from other seeds (see {@link isHeldOutSeed}).
 */
export const PICKING_HELD_OUT = Object.freeze({ nSamples: 600, randomState: 916_2019 });
/** The seed of every training window differs from this one, so the split stays fixed. */
export function isHeldOutSeed(seed: number): boolean {
  return seed === PICKING_HELD_OUT.randomState;
}

/** Options of {@link makePickingWindow}. */
export interface PickingWindowOptions {
  /**
   * Signal-to-noise ratio in dB: 20·log₁₀(peak |clean record| / noise standard deviation), as the
   * `snr` of {@link syntheticSeismogram} (an amplitude ratio) in decibels. Default 10.
   */
  snrDb?: number;
  /** Epicentral distance in km (moves S − P ≈ 0.12 s per km). Default 50. */
  distance?: number;
  /** True P arrival in seconds after the window's first sample. Default 5. */
  pOnset?: number;
  /** Make a window of background noise only (no event, no arrival). Default false. */
  noiseOnly?: boolean;
  /** Vary the source, polarisation, coda and noise colour at random (as in training). Default true. */
  vary?: boolean;
  /** Width σ of the target Gaussians in seconds. Default 0.1. */
  sigma?: number;
  /** Seed or generator. Default 0. */
  randomState?: RandomStateLike;
}

/** One labelled window. */
export interface PickingWindow {
  /** The window as the picker sees it ({@link preparePickingWindow}: high-passed, normalised), time-major: x[t·3 + c], c = Z, N, E. */
  x: Float32Array;
  /** The targets, time-major: y[t·3 + k], k = P, S, noise; each row sums to 1. */
  y: Float32Array;
  /** True P arrival as a sample index (rounded), or −1 for a noise-only window. */
  pIndex: number;
  /** True S arrival as a sample index (rounded), or −1 when absent. */
  sIndex: number;
  /** True P arrival in seconds (NaN when absent). */
  pTime: number;
  /** True S arrival in seconds (NaN when absent). */
  sTime: number;
  /** SNR in dB (−Infinity for a noise-only window). */
  snrDb: number;
  /** Epicentral distance in km (NaN for noise only). */
  distance: number;
}

/** Options of {@link makePickingDataset}. */
export interface PickingDatasetOptions {
  /** Number of windows (1 … 100,000). Required. */
  nSamples: number;
  /** Seed or generator; the same seed gives the same windows. Default 0. */
  randomState?: RandomStateLike;
  /** SNR range in dB, drawn uniformly. Default [−5, 20]. */
  snrRange?: [number, number];
  /** Distance range in km, drawn uniformly (S − P from ≈ 1.2 s to 14 s by default). Default [10, 120]. */
  distanceRange?: [number, number];
  /** Share of noise-only windows (no arrival), 0 … 1. Default 0.1. */
  noiseFraction?: number;
  /** Width σ of the target Gaussians in seconds. Default 0.1. */
  sigma?: number;
}

/** A batch of labelled windows, stored flat (window-major, then time, then channel). */
export interface PickingDataset {
  /** Number of windows n. */
  n: number;
  /** Samples per window (3000). */
  length: number;
  /** Sampling rate in Hz (100). */
  sampleRate: number;
  /** n × 3000 × 3 inputs, high-passed and normalised per window and component ({@link preparePickingWindow}). */
  x: Float32Array;
  /** n × 3000 × 3 targets (P, S, noise). */
  y: Float32Array;
  /** True P sample index per window (−1: none). */
  pIndex: Int32Array;
  /** True S sample index per window (−1: none). */
  sIndex: Int32Array;
  /** SNR in dB per window (−Infinity for noise only). */
  snrDb: Float64Array;
  /** Distance in km per window (NaN for noise only). */
  distance: Float64Array;
}

const FS = PICKING_SAMPLE_RATE;
const N = PICKING_WINDOW;
const DURATION = N / FS;
/** Earliest P onset in a generated window (s): the STA/LTA baseline needs a noise-only LTA before it. */
const MIN_P_ONSET = 3;
/** Room kept after S (s), so that the S pulse lies in the window. */
const S_MARGIN = 2;

function checkRange(value: unknown, name: string, min: number, max: number): [number, number] {
  if (!Array.isArray(value) || value.length !== 2) throw new ValidationError(name, 'bad-option', `must be a [low, high] pair, got ${JSON.stringify(value)}`);
  const lo = checkScalar(value[0], `${name}[0]`, { min, max });
  const hi = checkScalar(value[1], `${name}[1]`, { min, max });
  if (hi < lo) throw new ValidationError(name, 'out-of-range', `low (${lo}) must be ≤ high (${hi})`);
  return [lo, hi];
}

/**
 * Normalises a time-major window in place: per component, removes the mean and divides by the
 * standard deviation (a flat component stays 0), as PhaseNet does before its first layer, so
 * that the model sees shapes, not the instrument's gain.
 */
export function normalizeWindow(x: Float32Array, channels = 3): Float32Array {
  const n = Math.floor(x.length / channels);
  for (let c = 0; c < channels; c++) {
    let mu = 0;
    for (let t = 0; t < n; t++) mu += x[t * channels + c];
    mu /= Math.max(1, n);
    let s = 0;
    for (let t = 0; t < n; t++) {
      const d = x[t * channels + c] - mu;
      s += d * d;
    }
    const sd = Math.sqrt(s / Math.max(1, n));
    for (let t = 0; t < n; t++) x[t * channels + c] = sd > 0 ? (x[t * channels + c] - mu) / sd : 0;
  }
  return x;
}

/** Corner of the high-pass every picker window goes through before it is normalised, in Hz: the detector's own filter (1 Hz). */
export const PICKING_HIGHPASS = DETECTION_HIGHPASS;

/**
 * What the picker sees, in place: each component of a time-major 3-component window at 100 Hz
 * high-passed above {@link PICKING_HIGHPASS} Hz (Butterworth order 2, zero phase, as the
 * detector's input: the ocean microseism, 0.1–0.3 Hz, is most of the noise's power and none of
 * an onset's, and zero phase moves no onset), then {@link normalizeWindow}. Every window of
 * {@link makePickingDataset}, the record picker and the explainer's real data pass through it.
 */
export function preparePickingWindow(x: Float32Array): Float32Array {
  const n = Math.floor(x.length / 3);
  if (n * 3 !== x.length || n < 2) throw new ValidationError('x', 'shape-mismatch', `must hold length × 3 samples (time-major Z, N, E), got ${x.length} values`);
  return normalizeWindow(highpassWindows(x, 1, n, FS));
}

/**
 * The targets of one window, time-major [P, S, noise] per sample:
 * p_P(t) = exp(−(t − t_P)²/(2σ²)), p_S likewise, p_noise = 1 − p_P − p_S (P and S rescaled to
 * sum to 1 where they overlap, at S − P below ≈ 0.3 s). Pass NaN for an absent phase.
 */
export function pickingTargets(pTime: number, sTime: number, options: { length?: number; sampleRate?: number; sigma?: number } = {}): Float32Array {
  options = checkOptions(options);
  const n = checkScalar(options.length ?? N, 'length', { min: 1, integer: true, max: 2 ** 24 });
  const fs = checkPositive(options.sampleRate ?? FS, 'sampleRate');
  const sigma = checkPositive(options.sigma ?? DEFAULT_PICK_SIGMA, 'sigma');
  for (const [v, name] of [[pTime, 'pTime'], [sTime, 'sTime']] as const) {
    if (typeof v !== 'number' || v === Infinity || v === -Infinity) throw new ValidationError(name, 'not-finite', `must be a time in seconds or NaN (absent), got ${String(v)}`);
  }
  const y = new Float32Array(n * 3);
  const k = 1 / (2 * sigma * sigma);
  for (let i = 0; i < n; i++) {
    const t = i / fs;
    let p = Number.isNaN(pTime) ? 0 : Math.exp(-(t - pTime) * (t - pTime) * k);
    let s = Number.isNaN(sTime) ? 0 : Math.exp(-(t - sTime) * (t - sTime) * k);
    if (p + s > 1) {
      const z = p + s;
      p /= z;
      s /= z;
    }
    y[i * 3] = p;
    y[i * 3 + 1] = s;
    y[i * 3 + 2] = Math.max(0, 1 - p - s);
  }
  return y;
}

/**
 * One labelled 30 s window at 100 Hz from {@link syntheticSeismogram} plus {@link seismicNoise}:
 * the event's origin time is set so that P arrives at `pOnset`; with `vary`, the source (Ricker
 * or Brune, 2–10 Hz), S/P ratio, back-azimuth, incidence, SH share, depth, velocities, coda and
 * noise colour are drawn at random. If S would fall within 2 s of the window's end (or after it)
 * it is absent from the targets only when it lies past the last sample.
 */
export function makePickingWindow(options: PickingWindowOptions = {}): PickingWindow {
  options = checkOptions(options);
  const snrDb = checkScalar(options.snrDb ?? 10, 'snrDb', { min: -40, max: 80 });
  const distance = checkScalar(options.distance ?? 50, 'distance', { min: 0, max: 1000 });
  const pOnset = checkScalar(options.pOnset ?? 5, 'pOnset', { min: 0, max: DURATION });
  const sigma = checkPositive(options.sigma ?? DEFAULT_PICK_SIGMA, 'sigma');
  const vary = options.vary ?? true;
  const rng = checkRandomState(options.randomState);
  const u = (lo: number, hi: number) => (vary ? rng.uniform(lo, hi) : (lo + hi) / 2);
  const x = new Float32Array(N * 3);
  if (options.noiseOnly) {
    const microseismFrequency = u(0.12, 0.3);
    const microseismShare = u(0.2, 0.8);
    for (let c = 0; c < 3; c++) {
      const z = seismicNoise(N, { sampleRate: FS, microseismFrequency, microseismShare, randomState: rng.nextSeed() });
      for (let t = 0; t < N; t++) x[t * 3 + c] = z[t];
    }
    return { x: preparePickingWindow(x), y: pickingTargets(NaN, NaN, { sigma }), pIndex: -1, sIndex: -1, pTime: NaN, sTime: NaN, snrDb: -Infinity, distance: NaN };
  }
  const vp = u(5.6, 6.4);
  const vs = vp / u(1.68, 1.8);
  const depth = u(0, 15);
  const source: SourceType = vary && rng.random() < 0.5 ? 'brune' : 'ricker';
  const frequency = source === 'brune' ? u(2, 8) : u(2.5, 10);
  const r = Math.hypot(distance, depth);
  const rec = syntheticSeismogram({
    sampleRate: FS,
    duration: DURATION,
    originTime: pOnset - r / vp,
    distance,
    depth,
    vp,
    vs,
    source,
    frequency,
    spRatio: u(1.5, 4.5),
    backAzimuth: u(0, 360),
    incidence: u(5, 40),
    shShare: u(0.2, 0.9),
    codaDecay: u(1, 6),
    codaAmplitude: u(0.2, 0.8),
    snr: 10 ** (snrDb / 20),
    microseismFrequency: u(0.12, 0.3),
    microseismShare: u(0.2, 0.8),
    randomState: rng.nextSeed(),
  });
  const comps = [rec.traces.Z, rec.traces.N, rec.traces.E];
  for (let c = 0; c < 3; c++) for (let t = 0; t < N; t++) x[t * 3 + c] = comps[c][t];
  const pTime = rec.pArrival;
  const sTime = rec.sArrival < DURATION ? rec.sArrival : NaN;
  return {
    x: preparePickingWindow(x),
    y: pickingTargets(pTime, sTime, { sigma }),
    pIndex: Math.round(pTime * FS),
    sIndex: Number.isNaN(sTime) ? -1 : Math.round(sTime * FS),
    pTime,
    sTime,
    snrDb,
    distance,
  };
}

/**
 * n labelled windows, seeded: SNR uniform in `snrRange` dB, distance uniform in
 * `distanceRange` (so S − P moves), the P onset uniform between 3 s and 2 s before the window's
 * end minus S − P (S always inside), and a share `noiseFraction` of noise-only windows.
 * The fixed held-out set is `makePickingDataset(PICKING_HELD_OUT)`.
 *
 * @example
 * const d = makePickingDataset({ nSamples: 8, randomState: 1 });
 * d.x.length;  // 8 · 3000 · 3
 */
export function makePickingDataset(options: PickingDatasetOptions): PickingDataset {
  const plan = pickingDatasetPlan(options);
  const n = plan.length;
  const out: PickingDataset = {
    n,
    length: N,
    sampleRate: FS,
    x: new Float32Array(n * N * 3),
    y: new Float32Array(n * N * 3),
    pIndex: new Int32Array(n),
    sIndex: new Int32Array(n),
    snrDb: new Float64Array(n),
    distance: new Float64Array(n),
  };
  plan.forEach((opts, i) => {
    const w = makePickingWindow(opts);
    out.x.set(w.x, i * N * 3);
    out.y.set(w.y, i * N * 3);
    out.pIndex[i] = w.pIndex;
    out.sIndex[i] = w.sIndex;
    out.snrDb[i] = w.snrDb;
    out.distance[i] = w.distance;
  });
  return out;
}

/** One window of a dataset, before it is made: what {@link makePickingWindow} is given. */
export interface PickingWindowPlan {
  /** SNR in dB. */
  snrDb: number;
  /** Distance in km. */
  distance: number;
  /** P onset in seconds. */
  pOnset: number;
  /** A noise-only window. */
  noiseOnly: boolean;
  /** Target width σ in seconds. */
  sigma: number;
  /** The window's own seed. */
  randomState: number;
}

/**
 * The windows {@link makePickingDataset} would make, as options of {@link makePickingWindow},
 * without making them (cheap): to make only some of a dataset's windows, e.g. those of one SNR
 * band of the held-out set, exactly as the dataset has them.
 */
export function pickingDatasetPlan(options: PickingDatasetOptions): PickingWindowPlan[] {
  options = checkOptions(options);
  const n = checkScalar(options.nSamples, 'nSamples', { min: 1, max: 100_000, integer: true });
  const [snrLo, snrHi] = checkRange(options.snrRange ?? [-5, 20], 'snrRange', -40, 80);
  const [dLo, dHi] = checkRange(options.distanceRange ?? [10, 120], 'distanceRange', 0, 1000);
  const noiseFraction = checkScalar(options.noiseFraction ?? 0.1, 'noiseFraction', { min: 0, max: 1 });
  const sigma = checkPositive(options.sigma ?? DEFAULT_PICK_SIGMA, 'sigma');
  const rng = checkRandomState(options.randomState);
  const plan: PickingWindowPlan[] = [];
  for (let i = 0; i < n; i++) {
    const noiseOnly = rng.random() < noiseFraction;
    const snrDb = rng.uniform(snrLo, snrHi);
    const distance = rng.uniform(dLo, dHi);
    // S − P for the slowest S in makePickingWindow (vp/vs up to 1.8, vp down to 5.6, depth 15 km).
    const spMax = Math.hypot(distance, 15) * (1.8 / 5.6 - 1 / 5.6);
    const latest = Math.max(MIN_P_ONSET, DURATION - S_MARGIN - spMax);
    const pOnset = rng.uniform(MIN_P_ONSET, latest);
    plan.push({ snrDb, distance, pOnset, noiseOnly, sigma, randomState: rng.nextSeed() });
  }
  return plan;
}

/** Options of {@link pickPeaks}. */
export interface PickPeaksOptions {
  /** Smallest probability of a pick, in (0, 1]. Default 0.5. */
  threshold?: number;
  /** Least distance between two picks, in samples (≥ 1); the higher peak wins. Default 100 (1 s at 100 Hz). */
  minDistance?: number;
}

/** One pick: a local maximum of a probability curve. */
export interface Pick {
  /** Sample index of the peak. */
  index: number;
  /** The probability there. */
  probability: number;
}

/**
 * Picks of one probability curve: the local maxima (a plateau counts once, at its first sample)
 * at or above `threshold`, then, highest first, dropping any within `minDistance` samples of a
 * pick already kept (as scipy's `find_peaks(height, distance)`). Sorted by index.
 */
export function pickPeaks(prob: ArrayLike<number>, options: PickPeaksOptions = {}): Pick[] {
  options = checkOptions(options);
  if (prob == null || typeof prob !== 'object' || typeof prob.length !== 'number') throw new ValidationError('prob', 'wrong-type', 'must be an array of probabilities');
  const threshold = checkScalar(options.threshold ?? 0.5, 'threshold', { min: 0, exclusiveMin: true, max: 1 });
  const minDistance = checkScalar(options.minDistance ?? 100, 'minDistance', { min: 1, integer: true });
  const n = prob.length;
  for (let i = 0; i < n; i++) {
    const v = prob[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new ValidationError('prob', 'not-finite', `sample ${i} is ${String(v)}; probabilities must be finite`);
  }
  const cands: Pick[] = [];
  for (let i = 0; i < n; i++) {
    const v = prob[i];
    if (v < threshold) continue;
    if (i > 0 && prob[i - 1] >= v) continue;
    // Walk over a plateau: a peak if the first lower value after it is lower (or the end).
    let j = i + 1;
    while (j < n && prob[j] === v) j++;
    if (j < n && prob[j] > v) continue;
    cands.push({ index: i, probability: v });
  }
  cands.sort((a, b) => b.probability - a.probability || a.index - b.index);
  const kept: Pick[] = [];
  for (const c of cands) if (kept.every((k) => Math.abs(k.index - c.index) >= minDistance)) kept.push(c);
  return kept.sort((a, b) => a.index - b.index);
}

/** Options of {@link evaluatePicks}. */
export interface EvaluatePicksOptions {
  /** Tolerances in seconds: a pick within one of its true arrival is a hit. Default [0.1, 0.5]. */
  tolerances?: number[];
  /** Sampling rate in Hz (to turn samples into seconds). Default 100. */
  sampleRate?: number;
}

/** Scores at one tolerance. */
export interface PickScore {
  /** The tolerance in seconds. */
  tolerance: number;
  /** True arrivals with a pick within the tolerance. */
  truePositives: number;
  /** Picks that hit no true arrival (every pick but the one matched, in each window). */
  falsePositives: number;
  /** True arrivals without a pick within the tolerance. */
  falseNegatives: number;
  /** TP / (TP + FP); 0 when there is no pick at all. */
  precision: number;
  /** TP / (number of true arrivals); 0 when there is none. */
  recall: number;
  /** 2PR / (P + R); 0 when both are 0. */
  f1: number;
}

/** The result of {@link evaluatePicks}. */
export interface PickEvaluation {
  /** One score per tolerance, in the order given. */
  scores: PickScore[];
  /** Residuals pick − truth in seconds of the arrivals matched within the largest tolerance. */
  residuals: Float64Array;
  /** Their mean in seconds (0 when there is none). */
  residualMean: number;
  /** Their standard deviation in seconds (population; 0 when fewer than 2). */
  residualStd: number;
  /** Number of windows, of true arrivals, and of picks. */
  windows: number;
  arrivals: number;
  picks: number;
}

/**
 * Scores picks against the truth, window by window (PhaseNet's protocol): in each window the
 * true arrival (or none: −1) is matched to its nearest pick; it is a true positive at tolerance τ
 * if |pick − truth| ≤ τ; every other pick in the window is a false positive (as is the nearest
 * one when it misses). So precision = TP / picks and recall = TP / arrivals.
 *
 * @param picks per window, the picked sample indices (numbers or {@link Pick}s).
 * @param truth per window, the true arrival's sample index, or −1 (none).
 */
export function evaluatePicks(picks: ReadonlyArray<ReadonlyArray<number | Pick>>, truth: ArrayLike<number>, options: EvaluatePicksOptions = {}): PickEvaluation {
  options = checkOptions(options);
  if (!Array.isArray(picks)) throw new ValidationError('picks', 'wrong-type', 'must be an array with one array of picks per window');
  if (truth == null || typeof truth !== 'object' || typeof truth.length !== 'number') throw new ValidationError('truth', 'wrong-type', 'must be an array with one true index (or −1) per window');
  if (picks.length !== truth.length) throw new ValidationError('truth', 'length-mismatch', `has ${truth.length} windows but picks has ${picks.length}`);
  const fs = checkPositive(options.sampleRate ?? FS, 'sampleRate');
  const tolerances = options.tolerances ?? [0.1, 0.5];
  if (!Array.isArray(tolerances) || tolerances.length === 0) throw new ValidationError('tolerances', 'empty', 'needs at least one tolerance in seconds');
  tolerances.forEach((t, i) => checkPositive(t, `tolerances[${i}]`));
  const maxTol = Math.max(...tolerances);
  const tp = tolerances.map(() => 0);
  let arrivals = 0;
  let nPicks = 0;
  const residuals: number[] = [];
  for (let w = 0; w < picks.length; w++) {
    const row = picks[w];
    if (!Array.isArray(row)) throw new ValidationError(`picks[${w}]`, 'wrong-type', 'must be an array of sample indices');
    const idx = row.map((p, j) => {
      const v = typeof p === 'number' ? p : (p as Pick | null)?.index;
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new ValidationError(`picks[${w}][${j}]`, 'not-finite', `must be a finite sample index, got ${String(v)}`);
      return v;
    });
    nPicks += idx.length;
    const t = truth[w];
    if (typeof t !== 'number' || !Number.isFinite(t)) throw new ValidationError(`truth[${w}]`, 'not-finite', `must be a sample index or −1, got ${String(t)}`);
    if (t < 0) continue;
    arrivals++;
    if (idx.length === 0) continue;
    let best = idx[0];
    for (const v of idx) if (Math.abs(v - t) < Math.abs(best - t)) best = v;
    const r = (best - t) / fs;
    tolerances.forEach((tol, k) => {
      if (Math.abs(r) <= tol + 1e-9) tp[k]++;
    });
    if (Math.abs(r) <= maxTol + 1e-9) residuals.push(r);
  }
  const scores = tolerances.map((tolerance, k) => {
    const precision = nPicks > 0 ? tp[k] / nPicks : 0;
    const recall = arrivals > 0 ? tp[k] / arrivals : 0;
    return {
      tolerance,
      truePositives: tp[k],
      falsePositives: nPicks - tp[k],
      falseNegatives: arrivals - tp[k],
      precision,
      recall,
      f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
    };
  });
  const m = residuals.length;
  const mean = m ? residuals.reduce((a, b) => a + b, 0) / m : 0;
  const std = m > 1 ? Math.sqrt(residuals.reduce((a, b) => a + (b - mean) ** 2, 0) / m) : 0;
  return { scores, residuals: Float64Array.from(residuals), residualMean: mean, residualStd: std, windows: picks.length, arrivals, picks: nPicks };
}

/** Options of {@link staLtaPick}. */
export interface StaLtaPickOptions {
  /** Sampling rate in Hz. Default 100. */
  sampleRate?: number;
  /** Short-term window in seconds. Default 0.3. */
  sta?: number;
  /** Long-term window in seconds. Default 2.5. */
  lta?: number;
  /** Trigger-on ratio. Default 3. */
  on?: number;
  /** Trigger-off ratio. Default 1.5. */
  off?: number;
  /** Band-pass corners in Hz applied first (a seismologist filters before STA/LTA); null for none. Default [1, 20]. */
  band?: [number, number] | null;
  /** Channel of a time-major window to pick on (0 = Z, where P is strongest). Default 0. */
  channel?: number;
  /** Channels in the window. Default 3. */
  channels?: number;
}

/**
 * The classic STA/LTA P picker, the baseline: band-pass the chosen component (Z by default),
 * compute the classic STA/LTA ratio, find the first trigger (ratio above `on`,
 * {@link triggerOnset}) and pick P where the ratio began the rise that crossed `on` (at most one
 * STA length before the trigger). Returns [] when it never triggers.
 * Input: a time-major window x[t·channels + c].
 */
export function staLtaPick(x: ArrayLike<number>, options: StaLtaPickOptions = {}): Pick[] {
  options = checkOptions(options);
  const fs = checkPositive(options.sampleRate ?? FS, 'sampleRate');
  const channels = checkScalar(options.channels ?? 3, 'channels', { min: 1, integer: true });
  const channel = checkScalar(options.channel ?? 0, 'channel', { min: 0, max: channels - 1, integer: true });
  if (x == null || typeof x !== 'object' || typeof x.length !== 'number') throw new ValidationError('x', 'wrong-type', 'must be a time-major array of samples');
  const n = Math.floor(x.length / channels);
  let trace: Float64Array = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const v = x[t * channels + channel];
    if (!Number.isFinite(v)) throw new ValidationError('x', 'not-finite', `sample ${t} of channel ${channel} is ${String(v)}; remove or fill gaps first`);
    trace[t] = v;
  }
  const band = options.band === undefined ? [1, 20] : options.band;
  if (band !== null) {
    const [lo, hi] = checkRange(band, 'band', 0, fs / 2);
    trace = bandpass(trace, { sampleRate: fs, freqmin: lo, freqmax: hi, order: 2 });
  }
  const on = checkPositive(options.on ?? 3, 'on');
  const ratio = staLta(trace, { sampleRate: fs, sta: options.sta ?? 0.3, lta: options.lta ?? 2.5, method: 'classic' });
  const wins = triggerOnset(ratio, { on, off: Math.min(on, options.off ?? 1.5) });
  if (!wins.length) return [];
  // The ratio crosses `on` only after the STA has filled with signal: walk back down its rise
  // (while it keeps falling, up to one STA length) to the sample where it started to climb.
  const start = wins[0].start;
  const nsta = Math.max(1, Math.round((options.sta ?? 0.3) * fs));
  let i = start;
  while (i > 0 && start - i < nsta && ratio[i - 1] > 0 && ratio[i - 1] < ratio[i]) i--;
  return [{ index: i, probability: ratio[start] }];
}

/** The SNR bands (dB, [low, high)) of the reports: the slides' point lies below 5 dB. */
export const PICKING_SNR_BANDS: ReadonlyArray<readonly [number, number]> = [
  [-5, 0],
  [0, 5],
  [5, 10],
  [10, 15],
  [15, 20],
];

/** Scores of one group of windows. */
export interface PickingBandReport {
  /** 'all' (every window, noise-only ones included) or the band '[lo, hi) dB'. */
  band: string;
  /** Windows in the group. */
  windows: number;
  /** The model's P and S picks, and STA/LTA's P picks, scored by {@link evaluatePicks}. */
  P: PickEvaluation;
  S: PickEvaluation;
  staLtaP: PickEvaluation;
}

/** Options of {@link evaluatePickingDataset}. */
export interface EvaluatePickingOptions extends PickPeaksOptions {
  /** Tolerances in seconds. Default [0.1, 0.5]. */
  tolerances?: number[];
  /** SNR bands in dB. Default {@link PICKING_SNR_BANDS}, or {@link ONSET_SNR_BANDS} by onset. */
  bands?: ReadonlyArray<readonly [number, number]>;
  /**
   * Which SNR the bands are of: 'record' (the window's generating SNR, peak of the clean record over
   * the noise's σ; default) or 'onset' (the P onset's own, {@link onsetSnrDb}, as read on the window).
   */
  bandBy?: 'record' | 'onset';
  /** Options of the STA/LTA baseline. Default those of {@link staLtaPick}. */
  staLta?: StaLtaPickOptions;
}

/**
 * Scores a model's probabilities q (n × 3000 × 3, time-major, as the dataset's y) on a
 * dataset: peaks of q_P and q_S ({@link pickPeaks}) against the true arrivals, and the STA/LTA
 * P picker on the same windows, for all windows and per SNR band (a band holds the event
 * windows whose SNR falls in it; noise-only windows count in 'all' only, where every pick they
 * get is a false positive).
 */
export function evaluatePickingDataset(q: ArrayLike<number>, data: PickingDataset, options: EvaluatePickingOptions = {}): PickingBandReport[] {
  options = checkOptions(options);
  const L = data.length;
  if (q == null || typeof q !== 'object' || q.length !== data.n * L * 3) throw new ValidationError('q', 'shape-mismatch', `must hold n × ${L} × 3 = ${data.n * L * 3} probabilities`);
  const bandBy = checkOneOf(options.bandBy ?? 'record', 'bandBy', ['record', 'onset'] as const);
  const pp: PickPeaksOptions = { threshold: options.threshold, minDistance: options.minDistance };
  const picksP: number[][] = [];
  const picksS: number[][] = [];
  const picksSta: number[][] = [];
  const P = new Float64Array(L);
  const S = new Float64Array(L);
  for (let i = 0; i < data.n; i++) {
    const o = i * L * 3;
    for (let t = 0; t < L; t++) {
      P[t] = q[o + t * 3];
      S[t] = q[o + t * 3 + 1];
    }
    picksP.push(pickPeaks(P, pp).map((p) => p.index));
    picksS.push(pickPeaks(S, pp).map((p) => p.index));
    picksSta.push(staLtaPick(data.x.subarray(o, o + L * 3), { ...options.staLta, sampleRate: data.sampleRate }).map((p) => p.index));
  }
  const ev = { tolerances: options.tolerances, sampleRate: data.sampleRate };
  const group = (band: string, keep: (i: number) => boolean): PickingBandReport => {
    const idx = Array.from({ length: data.n }, (_, i) => i).filter(keep);
    const sel = <T>(a: T[]) => idx.map((i) => a[i]);
    return {
      band,
      windows: idx.length,
      P: evaluatePicks(sel(picksP), idx.map((i) => data.pIndex[i]), ev),
      S: evaluatePicks(sel(picksS), idx.map((i) => data.sIndex[i]), ev),
      staLtaP: evaluatePicks(sel(picksSta), idx.map((i) => data.pIndex[i]), ev),
    };
  };
  const bands = options.bands ?? (bandBy === 'onset' ? ONSET_SNR_BANDS : PICKING_SNR_BANDS);
  const snr = bandBy === 'record' ? data.snrDb : Float64Array.from({ length: data.n }, (_, i) => (data.pIndex[i] >= 0 ? onsetSnrDb(data.x.subarray(i * L * 3, (i + 1) * L * 3), data.pIndex[i], { sampleRate: data.sampleRate }) : NaN));
  const tag = bandBy === 'onset' ? ' dB (P onset)' : ' dB';
  return [
    group('all', () => true),
    ...bands.map(([lo, hi], k) => {
      const last = k === bands.length - 1;
      return group(`[${lo}, ${hi}${last ? ']' : ')'}${tag}`, (i) => data.pIndex[i] >= 0 && snr[i] >= lo && (last ? snr[i] <= hi : snr[i] < hi));
    }),
  ];
}
