/**
 * Seismic background noise: what a quiet station records between events. Two parts, as in
 * Peterson's (1993) noise models: the oceanic microseism, a peak near 0.2 Hz (5 s period)
 * from ocean waves, and a broadband 1/f ("pink") floor from wind, traffic and the instrument.
 * Both are made by shaping white Gaussian noise in the frequency domain.
 */
import { checkRandomState, type RandomStateLike } from '../core/random';
import { checkScalar, checkSize } from '../core/validation';
import { irfft, nextPowerOfTwo, rfft } from './fft';
import { checkOptions, checkPositive, checkSampleRate, MAX_SIGNAL_SAMPLES } from './_checks';

/** The zero padding of {@link seismicNoise} stops at this many points (so a high sampling rate does not blow up a short window). */
const MAX_NOISE_PADDING = 2 ** 20;

/** Options of {@link seismicNoise}. */
export interface SeismicNoiseOptions {
  /** Sampling rate in Hz. Required. */
  sampleRate: number;
  /** Centre of the microseism peak in Hz. Default 0.2. */
  microseismFrequency?: number;
  /** Width of the microseism peak, as the standard deviation of a Gaussian in log₂ f (octaves). Default 0.35. */
  microseismWidth?: number;
  /** Share of the variance in the microseism (the rest is 1/f noise), 0 … 1. Default 0.5. */
  microseismShare?: number;
  /** Seed or generator. Default 0. */
  randomState?: RandomStateLike;
}

/**
 * n samples of coloured noise with zero mean and unit standard deviation (scale it to the
 * level you need). Its power spectrum is a·G(f) + (1 − a)·P(f), each part normalised to unit
 * variance: G(f) ∝ exp(−(log₂(f/f_m))²/(2w²)) the microseism, P(f) ∝ 1/f the pink floor
 * (no power at 0 Hz), a = microseismShare. n is at most {@link MAX_SIGNAL_SAMPLES}.
 */
export function seismicNoise(n: number, options: SeismicNoiseOptions): Float64Array {
  const N = checkScalar(n, 'n', { min: 1, integer: true });
  checkSize('n', N, MAX_SIGNAL_SAMPLES, 'samples');
  options = checkOptions(options);
  const fs = checkSampleRate(options.sampleRate);
  const fm = checkPositive(options.microseismFrequency ?? 0.2, 'microseismFrequency');
  const width = checkPositive(options.microseismWidth ?? 0.35, 'microseismWidth');
  const share = checkScalar(options.microseismShare ?? 0.5, 'microseismShare', { min: 0, max: 1 });
  const rng = checkRandomState(options.randomState);
  // The FFT filter is circular, which is harmless for stationary noise; pad only so that a
  // slow peak (0.2 Hz) spans several bins even in a short window.
  const nfft = nextPowerOfTwo(Math.max(N, Math.min(Math.ceil(fs / 0.02), MAX_NOISE_PADDING)));
  const h = Math.floor(nfft / 2) + 1;
  const G = new Float64Array(h);
  const P = new Float64Array(h);
  let gSum = 0;
  let pSum = 0;
  for (let k = 1; k < h; k++) {
    const f = (k * fs) / nfft;
    G[k] = Math.exp(-(Math.log2(f / fm) ** 2) / (2 * width * width));
    P[k] = 1 / f;
    gSum += G[k];
    pSum += P[k];
  }
  // One shaping filter whose power is the mix of the two, each part normalised to unit variance.
  const white = new Float64Array(nfft);
  for (let i = 0; i < nfft; i++) white[i] = rng.normal();
  const S = rfft(white);
  S.re[0] = 0;
  S.im[0] = 0;
  for (let k = 1; k < h; k++) {
    const g = Math.sqrt((share * G[k]) / gSum + ((1 - share) * P[k]) / pSum);
    S.re[k] *= g;
    S.im[k] *= g;
  }
  return normalise(irfft(S, nfft).slice(0, N));
}

/** Removes the mean and scales to unit standard deviation (a constant stays 0). */
function normalise(x: Float64Array): Float64Array {
  const n = x.length;
  let mu = 0;
  for (let i = 0; i < n; i++) mu += x[i];
  mu /= n;
  let s = 0;
  for (let i = 0; i < n; i++) {
    x[i] -= mu;
    s += x[i] * x[i];
  }
  const sd = Math.sqrt(s / n);
  if (sd > 0) for (let i = 0; i < n; i++) x[i] /= sd;
  return x;
}
