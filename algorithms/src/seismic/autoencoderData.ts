/**
 * Seismic trace windows for the course's autoencoders (chapters 5 and 8): short vertical (Z)
 * windows of local earthquakes from {@link syntheticSeismogram} and of background noise from
 * {@link seismicNoise}, labelled with what made them (the event type and the epicentral
 * distance), so that a 2-D latent space can be coloured by either.
 *
 * - Earthquake windows are aligned on the P arrival (1 s after the window's start by default,
 *   ± a small jitter), as windows cut around a pick, so the S − P time, and with it the
 *   distance (Δ ≈ 8·(t_S − t_P) km), sets where S falls in the window.
 * - {@link autoencoderWindows} high-passes each window (0.5 Hz by default) to remove the
 *   microseism, then divides it by its own peak, max|x| = 1 (amplitudes vary by orders of magnitude
 *   between events; the shape is what the autoencoder should learn).
 * - The source pulse (Ricker at 1.2–1.3 Hz or Brune at a corner of 0.85–0.95 Hz), S/P ratio,
 *   incidence and coda vary little, so the distance and the pulse shape are what set windows apart.
 * - Seeds make the split: windows drawn with one seed are held out from those of another.
 *
 * {@link denoisingWindows} pairs a noisy window with its clean target at a drawn SNR, both
 * divided by the noisy window's peak (the clean one is unknown when the model is used).
 */
import { ValidationError } from '../core/errors';
import { RandomState } from '../core/random';
import { checkScalar, checkVector } from '../core/validation';
import { checkOptions } from './_checks';
import { butterworth, sosfiltfilt } from './filter';
import { seismicNoise } from './noise';
import { syntheticSeismogram } from './synthetic';

/** What a window holds: background noise only, or an earthquake with a Ricker or a Brune source pulse. */
export const AUTOENCODER_WINDOW_TYPES = ['noise', 'ricker', 'brune'] as const;
/** One window type. */
export type AutoencoderWindowType = (typeof AUTOENCODER_WINDOW_TYPES)[number];
/** Readable names of the window types. */
export const AUTOENCODER_WINDOW_TYPE_NAMES: Readonly<Record<AutoencoderWindowType, string>> = {
  noise: 'Noise only',
  ricker: 'Earthquake, Ricker pulse',
  brune: 'Earthquake, Brune pulse',
};
/** Default window length in samples (10.24 s at 25 Hz). */
export const AUTOENCODER_WINDOW_LENGTH = 256;
/** Default sampling rate of the windows in Hz. */
export const AUTOENCODER_SAMPLE_RATE = 25;
/** Range of epicentral distances Δ (km) of the earthquake windows: S − P from 0.6 s to 7.1 s. */
export const AUTOENCODER_DISTANCE_RANGE: readonly [number, number] = [5, 60];
/** Most windows one call makes (each is a few hundred samples). */
export const MAX_AUTOENCODER_WINDOWS = 100_000;

/** Options shared by {@link autoencoderWindows} and {@link denoisingWindows}. */
export interface AutoencoderWindowOptions {
  /** Number of windows. Required, 1 … {@link MAX_AUTOENCODER_WINDOWS}. */
  count: number;
  /** Seed: windows of different seeds are independent (train on one, hold out another). Default 0. */
  seed?: number;
  /** Samples per window, 32 … 4096. Default {@link AUTOENCODER_WINDOW_LENGTH}. */
  length?: number;
  /** Sampling rate in Hz, 10 … 200 (the pulses stay below Nyquist). Default {@link AUTOENCODER_SAMPLE_RATE}. */
  sampleRate?: number;
  /** Time of the P arrival after the window's start in seconds, ≥ 0. Default 1. */
  pOnset?: number;
  /** Uniform jitter ± of the P arrival in seconds, ≥ 0 (a pick's error). Default 0.02. */
  pJitter?: number;
}

/** Options of {@link autoencoderWindows}. */
export interface AutoencoderDatasetOptions extends AutoencoderWindowOptions {
  /** Share of noise-only windows, 0 … 1. Default 0.25 (the rest split evenly between the two pulses). */
  noiseShare?: number;
  /**
   * Range of the recorded signal-to-noise ratio of the earthquake windows, as the peak of the
   * clean window over the noise's standard deviation (as {@link syntheticSeismogram}'s `snr`),
   * drawn log-uniformly. Default [10, 100].
   */
  snrRange?: readonly [number, number];
  /**
   * Corner of a zero-phase Butterworth high-pass (order 2, run forward and back) applied to
   * every window before it is normalised, in Hz; 0 for none. It removes the microseism
   * (≈ 0.2 Hz), as a band-pass does before picking, so that slow swell does not fill the
   * windows. Default 0.5.
   */
  highpass?: number;
}

/** Windows for a plain autoencoder, rows = windows. */
export interface AutoencoderDataset {
  /** The windows as recorded (signal plus noise), count × length, each with max|x| = 1. */
  x: Float32Array;
  /** The same windows without noise, on the same scale (zeros for noise windows). */
  clean: Float32Array;
  /** Window type of each window, an index into {@link AUTOENCODER_WINDOW_TYPES}. */
  type: Int32Array;
  /** Epicentral distance Δ in km of each window; NaN for noise windows. */
  distance: Float32Array;
  /** S − P time in seconds of each window; NaN for noise windows. */
  spTime: Float32Array;
  /** Number of windows. */
  count: number;
  /** Samples per window. */
  length: number;
  /** Sampling rate in Hz. */
  sampleRate: number;
}

/** Options of {@link denoisingWindows}. */
export interface DenoisingDatasetOptions extends AutoencoderWindowOptions {
  /**
   * Range of the input SNR in dB, 10·log₁₀(Σ clean² / Σ noise²) over the window, drawn
   * uniformly. Default [−5, 10].
   */
  snrDbRange?: readonly [number, number];
}

/** Noisy inputs and clean targets for a denoising autoencoder, rows = windows. */
export interface DenoisingDataset {
  /** Noisy windows, count × length, each divided by its own peak (max|x| = 1). */
  noisy: Float32Array;
  /** The clean windows, divided by the same factor as their noisy input. */
  clean: Float32Array;
  /** Input SNR of each window in dB, 10·log₁₀(Σ clean² / Σ (noisy − clean)²). */
  snrDb: Float32Array;
  /** Window type of each window (ricker or brune), an index into {@link AUTOENCODER_WINDOW_TYPES}. */
  type: Int32Array;
  /** Epicentral distance Δ in km of each window. */
  distance: Float32Array;
  /** Number of windows. */
  count: number;
  /** Samples per window. */
  length: number;
  /** Sampling rate in Hz. */
  sampleRate: number;
}

interface Common {
  count: number;
  seed: number;
  length: number;
  sampleRate: number;
  pOnset: number;
  pJitter: number;
}

function checkCommon(options: AutoencoderWindowOptions): Common {
  const count = checkScalar(options.count, 'count', { min: 1, max: MAX_AUTOENCODER_WINDOWS, integer: true });
  const seed = checkScalar(options.seed ?? 0, 'seed', { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true });
  const length = checkScalar(options.length ?? AUTOENCODER_WINDOW_LENGTH, 'length', { min: 32, max: 4096, integer: true });
  const sampleRate = checkScalar(options.sampleRate ?? AUTOENCODER_SAMPLE_RATE, 'sampleRate', { min: 10, max: 200 });
  const pOnset = checkScalar(options.pOnset ?? 1, 'pOnset', { min: 0 });
  const pJitter = checkScalar(options.pJitter ?? 0.02, 'pJitter', { min: 0 });
  if (pOnset - pJitter < 0) throw new ValidationError('pJitter', 'out-of-range', `must not exceed pOnset (${pOnset}), got ${pJitter}`);
  return { count, seed, length, sampleRate, pOnset, pJitter };
}

function checkRange(r: unknown, name: string, min: number, max: number, fallback: readonly [number, number]): [number, number] {
  if (r === undefined) return [fallback[0], fallback[1]];
  if (!Array.isArray(r) || r.length !== 2) throw new ValidationError(name, 'bad-option', `must be [low, high], got ${JSON.stringify(r)}`);
  const lo = checkScalar(r[0], `${name}[0]`, { min, max });
  const hi = checkScalar(r[1], `${name}[1]`, { min, max });
  if (hi < lo) throw new ValidationError(name, 'out-of-range', `low (${lo}) must not exceed high (${hi})`);
  return [lo, hi];
}

/** One clean earthquake window (Z component, no noise, arbitrary scale) and its labels. */
function earthquakeWindow(type: 'ricker' | 'brune', c: Common, rng: RandomState): { clean: Float64Array; distance: number; spTime: number } {
  const [dMin, dMax] = AUTOENCODER_DISTANCE_RANGE;
  const distance = rng.uniform(dMin, dMax);
  // The nuisance parameters vary little, so that the distance and the pulse shape are
  // what tells two windows apart (what a 2-D latent space can hold).
  const vp = rng.uniform(5.9, 6.1);
  const vs = vp / rng.uniform(1.71, 1.75);
  const duration = c.length / c.sampleRate;
  // Windows are aligned on the P arrival (as windows cut around a pick), with a small jitter.
  const pOffset = c.pOnset + rng.uniform(-c.pJitter, c.pJitter);
  // Peak (Ricker, 1.2–1.3 Hz) or corner (Brune, 0.85–0.95 Hz) frequency, below a quarter of
  // the sampling rate: one narrow band per pulse, so that the pulse shape tells the types apart
  // and the frequency does not compete with the distance for the two latent numbers.
  const [fLo, fHi] = type === 'ricker' ? [1.2, 1.3] : [0.85, 0.95];
  const frequency = Math.min(c.sampleRate / 4, rng.uniform(fLo, fHi));
  const rec = syntheticSeismogram({
    sampleRate: c.sampleRate,
    duration,
    originTime: pOffset - distance / vp,
    distance,
    vp,
    vs,
    source: type,
    frequency,
    spRatio: rng.uniform(2.5, 3.5),
    backAzimuth: rng.uniform(0, 360),
    incidence: rng.uniform(15, 25),
    shShare: rng.uniform(0.5, 0.7),
    codaDecay: rng.uniform(1, 2),
    codaAmplitude: rng.uniform(0.1, 0.25),
    snr: Infinity,
    randomState: rng.nextSeed(),
  });
  const clean = new Float64Array(c.length);
  clean.set(rec.clean.Z.subarray(0, c.length));
  return { clean, distance, spTime: rec.sArrival - rec.pArrival };
}

/** Unit-variance background noise of one window, with a drawn microseism share. */
function noiseWindow(c: Common, rng: RandomState): Float64Array {
  return seismicNoise(c.length, { sampleRate: c.sampleRate, microseismShare: rng.uniform(0.1, 0.8), randomState: rng.nextSeed() });
}

function peakOf(a: ArrayLike<number>): number {
  let p = 0;
  for (let i = 0; i < a.length; i++) p = Math.max(p, Math.abs(a[i]));
  return p;
}

/**
 * Seeded windows for a plain autoencoder: earthquakes (Ricker or Brune pulse, Δ in
 * {@link AUTOENCODER_DISTANCE_RANGE}) recorded with noise, and noise-only windows.
 *
 * @example
 * const train = autoencoderWindows({ count: 2000, seed: 1 });
 * const heldOut = autoencoderWindows({ count: 300, seed: 1001 });
 */
export function autoencoderWindows(options: AutoencoderDatasetOptions): AutoencoderDataset {
  options = checkOptions(options);
  const c = checkCommon(options);
  const noiseShare = checkScalar(options.noiseShare ?? 0.25, 'noiseShare', { min: 0, max: 1 });
  const [sLo, sHi] = checkRange(options.snrRange, 'snrRange', 1e-3, 1e6, [10, 100]);
  const highpass = checkScalar(options.highpass ?? 0.5, 'highpass', { min: 0, max: c.sampleRate / 4 });
  const sos = highpass > 0 ? butterworth({ order: 2, type: 'highpass', frequency: highpass, sampleRate: c.sampleRate }) : null;
  const rng = new RandomState(c.seed);
  const L = c.length;
  const out: AutoencoderDataset = {
    x: new Float32Array(c.count * L),
    clean: new Float32Array(c.count * L),
    type: new Int32Array(c.count),
    distance: new Float32Array(c.count),
    spTime: new Float32Array(c.count),
    count: c.count,
    length: L,
    sampleRate: c.sampleRate,
  };
  for (let k = 0; k < c.count; k++) {
    const u = rng.random();
    const type: AutoencoderWindowType = u < noiseShare ? 'noise' : u < noiseShare + (1 - noiseShare) / 2 ? 'ricker' : 'brune';
    out.type[k] = AUTOENCODER_WINDOW_TYPES.indexOf(type);
    const noise = noiseWindow(c, rng);
    let rec: Float64Array;
    let clean: Float64Array;
    if (type === 'noise') {
      clean = new Float64Array(L);
      rec = noise;
      out.distance[k] = NaN;
      out.spTime[k] = NaN;
    } else {
      const w = earthquakeWindow(type, c, rng);
      clean = w.clean;
      out.distance[k] = w.distance;
      out.spTime[k] = w.spTime;
      // Log-uniform SNR: as many quiet as loud records per decade.
      const snr = Math.exp(rng.uniform(Math.log(sLo), Math.log(sHi)));
      const sigma = peakOf(clean) / snr;
      rec = new Float64Array(L);
      for (let i = 0; i < L; i++) rec[i] = clean[i] + sigma * noise[i];
    }
    if (sos) {
      rec = sosfiltfilt(sos, rec);
      if (type !== 'noise') clean = sosfiltfilt(sos, clean);
    }
    const scale = 1 / (peakOf(rec) || 1);
    for (let i = 0; i < L; i++) {
      out.x[k * L + i] = rec[i] * scale;
      out.clean[k * L + i] = clean[i] * scale;
    }
  }
  return out;
}

/**
 * Seeded pairs for a denoising autoencoder: an earthquake window plus background noise at an
 * input SNR drawn from `snrDbRange`, and the clean window as the target (same scale).
 */
export function denoisingWindows(options: DenoisingDatasetOptions): DenoisingDataset {
  options = checkOptions(options);
  const c = checkCommon(options);
  const [dbLo, dbHi] = checkRange(options.snrDbRange, 'snrDbRange', -40, 60, [-5, 10]);
  const rng = new RandomState(c.seed);
  const L = c.length;
  const out: DenoisingDataset = {
    noisy: new Float32Array(c.count * L),
    clean: new Float32Array(c.count * L),
    snrDb: new Float32Array(c.count),
    type: new Int32Array(c.count),
    distance: new Float32Array(c.count),
    count: c.count,
    length: L,
    sampleRate: c.sampleRate,
  };
  for (let k = 0; k < c.count; k++) {
    const type = rng.random() < 0.5 ? 'ricker' : 'brune';
    out.type[k] = AUTOENCODER_WINDOW_TYPES.indexOf(type);
    const w = earthquakeWindow(type, c, rng);
    const noise = noiseWindow(c, rng);
    const target = rng.uniform(dbLo, dbHi);
    let es = 0, en = 0;
    for (let i = 0; i < L; i++) {
      es += w.clean[i] ** 2;
      en += noise[i] ** 2;
    }
    // Scale the noise so that 10·log₁₀(Σ s² / Σ (a·n)²) is the drawn SNR exactly.
    const a = Math.sqrt(es / (en * 10 ** (target / 10)));
    const rec = new Float64Array(L);
    for (let i = 0; i < L; i++) rec[i] = w.clean[i] + a * noise[i];
    const scale = 1 / (peakOf(rec) || 1);
    for (let i = 0; i < L; i++) {
      out.noisy[k * L + i] = rec[i] * scale;
      out.clean[k * L + i] = w.clean[i] * scale;
    }
    out.snrDb[k] = target;
    out.distance[k] = w.distance;
  }
  return out;
}

/**
 * Signal-to-noise ratio in dB of an estimate against its clean reference:
 * 10·log₁₀(Σ clean² / Σ (estimate − clean)²). Infinity for an exact estimate.
 */
export function snrDb(clean: ArrayLike<number>, estimate: ArrayLike<number>): number {
  const c = checkVector(clean, { name: 'clean' });
  const e = checkVector(estimate, { name: 'estimate' });
  if (c.length !== e.length) throw new ValidationError('estimate', 'length-mismatch', `has ${e.length} samples, clean has ${c.length}`);
  let s = 0, r = 0;
  for (let i = 0; i < c.length; i++) {
    s += c[i] ** 2;
    r += (e[i] - c[i]) ** 2;
  }
  if (s === 0) throw new ValidationError('clean', 'out-of-range', 'is all zeros: the SNR is undefined');
  return r === 0 ? Infinity : 10 * Math.log10(s / r);
}
