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
  /** Slope of log power against log frequency (a line fitted to the binned spectrum). */
  slope: number;
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

/** The periodogram averaged in `bins` log-spaced frequency bands from 1/n to 1/2 cycles per sample. */
export function binnedSpectrum(values: Float64Array, bins = 36): { frequency: number[]; power: number[]; slope: number } {
  const { frequencies, power } = powerSpectrum(values, { sampleRate: 1 });
  const lo = Math.log(frequencies[1]);
  const hi = Math.log(0.5);
  const sum = new Float64Array(bins);
  const count = new Float64Array(bins);
  for (let k = 1; k < frequencies.length; k++) {
    const b = Math.min(bins - 1, Math.floor(((Math.log(frequencies[k]) - lo) / (hi - lo)) * bins));
    sum[b] += power[k];
    count[b]++;
  }
  const frequency: number[] = [];
  const p: number[] = [];
  for (let b = 0; b < bins; b++) {
    if (count[b] === 0) continue;
    frequency.push(Math.exp(lo + ((b + 0.5) / bins) * (hi - lo)));
    p.push(sum[b] / count[b]);
  }
  const peak = Math.max(...p) || 1;
  const norm = p.map((v) => Math.max(v / peak, 1e-12));
  // Least-squares slope of log P against log f.
  const lx = frequency.map(Math.log);
  const ly = norm.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let sxy = 0;
  let sxx = 0;
  lx.forEach((x, i) => {
    sxy += (x - mx) * (ly[i] - my);
    sxx += (x - mx) ** 2;
  });
  return { frequency, power: norm, slope: sxx > 0 ? sxy / sxx : 0 };
}

/** The quiz of one round: four seeded series in a seeded shuffled order. */
export function makeQuiz(seed: number, round: number, n: number): Quiz {
  const rng = new RandomState(seed * 1009 + round * 7919 + 17);
  const made: QuizSeries[] = QUIZ_KINDS.map((kind) => {
    const child = new RandomState(rng.nextSeed());
    let values: Float64Array;
    let onsets: { P: number; S: number } | undefined;
    if (kind === 'stock') values = stockIndex(n, child);
    else if (kind === 'temperature') values = temperature(n, child);
    else if (kind === 'noise') values = Float64Array.from({ length: n }, () => child.normal());
    else ({ values, onsets } = seismogram(n, child));
    const { frequency, power, slope } = binnedSpectrum(values);
    return { kind, values, spectrum: { frequency, power }, onsets, slope };
  });
  const order = rng.permutation(QUIZ_KINDS.length);
  const series = order.map((i) => made[i]);
  return { series, answer: series.findIndex((s) => s.kind === 'seismogram') };
}
