/**
 * The four series of the slides' opening quiz (after Valentine & Trampert, 2012): a stock
 * index, a monthly temperature record, Gaussian noise and a long-period seismogram, each
 * made from its generating process, seeded, with the smoothed spectrum that gives it away.
 */
import { RandomState } from '@geolearn/algorithms';
import { powerSpectrum, syntheticSeismogram } from '@geolearn/algorithms/seismic';

/** The kinds of series in the quiz. */
export type QuizSeriesKind = 'stock' | 'temperature' | 'noise' | 'seismogram';

/** The kinds, in the slides' order (top to bottom). */
export const QUIZ_KINDS: readonly QuizSeriesKind[] = ['stock', 'temperature', 'noise', 'seismogram'];

/** One series of the quiz. */
export interface QuizSeries {
  /** What it is. */
  kind: QuizSeriesKind;
  /** Its values, one per sample. */
  values: Float64Array;
  /** Log-binned power spectrum: frequency in cycles per sample, and the mean power in each bin (normalised to peak 1). */
  spectrum: { frequency: number[]; power: number[] };
  /** Onset sample(s), only for the seismogram: its P and S arrivals. */
  onsets?: { P: number; S: number };
  /** Slope β of log power against log frequency, fitted below {@link SLOPE_FIT_MAX} (see {@link binnedSpectrum}). */
  slope: number;
  /** Standard error of `slope`. */
  slopeError: number;
  /** The fitted line: ln P = intercept + β ln f, between `fitBand[0]` and `fitBand[1]` cycles per sample. */
  intercept: number;
  fitBand: [number, number];
  /** Set for a real record: where it comes from (station, channel, event). */
  source?: string;
}

/** One round: the series in shown order. */
export interface Quiz {
  /** Series in the order shown (A, B, C, D). */
  series: QuizSeries[];
  /** Index of the seismogram in `series`. */
  answer: number;
}

/** A random walk of log returns: 100·exp(Σ steps), a stock index over `n` trading days. */
function stockIndex(n: number, rng: RandomState): Float64Array {
  const x = new Float64Array(n);
  let logP = Math.log(100);
  const drift = rng.uniform(-0.0004, 0.0008);
  for (let i = 0; i < n; i++) {
    logP += drift + 0.012 * rng.normal();
    x[i] = Math.exp(logP);
  }
  return x;
}

/** Monthly mean temperature (°C): an annual cycle plus AR(1) anomalies and a slight warming trend. */
function temperature(n: number, rng: RandomState): Float64Array {
  const x = new Float64Array(n);
  const phase = rng.randint(12);
  let anomaly = 0;
  for (let i = 0; i < n; i++) {
    anomaly = 0.5 * anomaly + 0.9 * rng.normal();
    x[i] = 9.5 + 6.5 * Math.sin((2 * Math.PI * (i + phase)) / 12) + anomaly + 0.001 * i;
  }
  return x;
}

/**
 * A long-period record (1 sample per second, a horizontal component, where S is large) of an
 * earthquake about 1,000 km away: a Ricker source of period ≈ 30 s, little noise.
 */
function seismogram(n: number, rng: RandomState): { values: Float64Array; onsets: { P: number; S: number } } {
  const distance = rng.uniform(800, 1100);
  const pAt = rng.uniform(0.18, 0.28) * n;
  const rec = syntheticSeismogram({
    sampleRate: 1,
    duration: n,
    distance,
    originTime: pAt - distance / 6,
    source: 'ricker',
    frequency: rng.uniform(0.03, 0.045),
    incidence: 35,
    codaDecay: rng.uniform(70, 110),
    codaAmplitude: 0.6,
    spRatio: 2.5,
    snr: rng.uniform(25, 40),
    microseismFrequency: 0.15,
    randomState: rng.nextSeed(),
  });
  return { values: rec.traces.N, onsets: { P: rec.pArrival, S: rec.sArrival } };
}

/** Highest frequency (cycles per sample) of the slope fit: below it a discrete random walk's spectrum, 1/(4 sin²πf), is within 7 % of f⁻² in slope. */
export const SLOPE_FIT_MAX = 0.1;

/** A binned spectrum with its fitted power law P(f) ∝ f^β. */
export interface BinnedSpectrum {
  /** Centre frequency of each non-empty band, cycles per sample. */
  frequency: number[];
  /** Geometric mean of the periodogram in each band, normalised to peak 1. */
  power: number[];
  /** β: least-squares slope of log P against log f over the bands below {@link SLOPE_FIT_MAX}. */
  slope: number;
  /** Its standard error (from the fit's residuals). */
  slopeError: number;
  /** The fitted line: log P = intercept + β log f (natural logs, normalised power). */
  intercept: number;
  /** Frequencies (cycles per sample) between which the line was fitted. */
  fitBand: [number, number];
}

/**
 * The periodogram in `bins` log-spaced frequency bands from 1/n to 1/2 cycles per sample,
 * each band summarised by the mean of log P (a geometric mean). Why the log first: one
 * periodogram value is an exponential variable with E[ln P] = ln S(f) − γ (γ ≈ 0.577), while
 * the log of a band's arithmetic mean tends to ln S(f); low bands hold one or two values and
 * high bands hundreds, so logs of means bend the fitted line (white noise came out at +0.3).
 * The mean of logs has the same bias γ in every band, so the slope is unbiased; each band
 * weighs by its count in the fit. The slope is
 * fitted below {@link SLOPE_FIT_MAX}, where a random walk is f⁻² (it flattens towards 0.5).
 */
export function binnedSpectrum(values: ArrayLike<number>, bins = 36): BinnedSpectrum {
  const { frequencies, power } = powerSpectrum(values, { sampleRate: 1 });
  const lo = Math.log(frequencies[1]);
  const hi = Math.log(0.5);
  const sum = new Float64Array(bins);
  const count = new Float64Array(bins);
  for (let k = 1; k < frequencies.length; k++) {
    const b = Math.min(bins - 1, Math.floor(((Math.log(frequencies[k]) - lo) / (hi - lo)) * bins));
    sum[b] += Math.log(Math.max(power[k], 1e-300));
    count[b]++;
  }
  const frequency: number[] = [];
  const logP: number[] = [];
  const weight: number[] = [];
  for (let b = 0; b < bins; b++) {
    if (count[b] === 0) continue;
    frequency.push(Math.exp(lo + ((b + 0.5) / bins) * (hi - lo)));
    logP.push(sum[b] / count[b]);
    weight.push(count[b]);
  }
  const peak = Math.max(...logP);
  const norm = logP.map((v) => Math.max(v - peak, Math.log(1e-12)));
  // Weighted least-squares line through (ln f, ln P) of the bands below the fit limit: a band's
  // mean of n log-periodogram values has variance ∝ 1/n, so it weighs n.
  const idx = frequency.map((f, i) => (f <= SLOPE_FIT_MAX ? i : -1)).filter((i) => i >= 0);
  let sw = 0;
  let mx = 0;
  let my = 0;
  for (const i of idx) {
    sw += weight[i];
    mx += weight[i] * Math.log(frequency[i]);
    my += weight[i] * norm[i];
  }
  mx /= sw || 1;
  my /= sw || 1;
  let sxy = 0;
  let sxx = 0;
  for (const i of idx) {
    const dx = Math.log(frequency[i]) - mx;
    sxy += weight[i] * dx * (norm[i] - my);
    sxx += weight[i] * dx * dx;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  const intercept = my - slope * mx;
  let rss = 0;
  for (const i of idx) rss += weight[i] * (norm[i] - intercept - slope * Math.log(frequency[i])) ** 2;
  const m = idx.length;
  const slopeError = m > 2 && sxx > 0 ? Math.sqrt(rss / (m - 2) / sxx) : 0;
  const fitBand: [number, number] = m > 0 ? [frequency[idx[0]], frequency[idx[m - 1]]] : [0, 0];
  return { frequency, power: norm.map(Math.exp), slope, slopeError, intercept, fitBand };
}

/** A real record to show in place of the synthetic seismogram. */
export interface RealQuizRecord {
  /** Its samples (any unit; the panel centres and scales them). */
  values: Float64Array;
  /** Where it comes from, said after the answer. */
  source: string;
}

function withSpectrum(kind: QuizSeriesKind, values: Float64Array, onsets?: { P: number; S: number }, source?: string): QuizSeries {
  const { frequency, power, slope, slopeError, intercept, fitBand } = binnedSpectrum(values);
  return { kind, values, spectrum: { frequency, power }, onsets, slope, slopeError, intercept, fitBand, ...(source ? { source } : {}) };
}

/**
 * The quiz of one round: four seeded series in a seeded shuffled order. With `real`, round 0
 * (the slides' quiz) shows that real record in the seismogram's place; the other series,
 * their order and the answer are the same with or without it.
 */
export function makeQuiz(seed: number, round: number, n: number, real?: RealQuizRecord | null): Quiz {
  const rng = new RandomState(seed * 1009 + round * 7919 + 17);
  const made: QuizSeries[] = QUIZ_KINDS.map((kind) => {
    const child = new RandomState(rng.nextSeed());
    if (kind === 'stock') return withSpectrum(kind, stockIndex(n, child));
    if (kind === 'temperature') return withSpectrum(kind, temperature(n, child));
    if (kind === 'noise') return withSpectrum(kind, Float64Array.from({ length: n }, () => child.normal()));
    const { values, onsets } = seismogram(n, child);
    return real && round === 0 ? withSpectrum(kind, real.values, undefined, real.source) : withSpectrum(kind, values, onsets);
  });
  const order = rng.permutation(QUIZ_KINDS.length);
  const series = order.map((i) => made[i]);
  return { series, answer: series.findIndex((s) => s.kind === 'seismogram') };
}
