/** Validation shared by the seismic helpers (internal: not exported from the barrel). */
import { ValidationError } from '../core/errors';
import { checkScalar, checkSize, checkVector } from '../core/validation';

/** Validates a waveform: an array of finite numbers with at least `minLength` samples; copies it. */
export function checkSignal(signal: ArrayLike<number>, name = 'signal', minLength = 1): Float64Array {
  const s = checkVector(signal, { name });
  if (s.length < minLength) throw new ValidationError(name, 'out-of-range', `needs at least ${minLength} samples, got ${s.length}`);
  return s;
}

/** Validates a sampling rate in Hz (finite, > 0). */
export function checkSampleRate(sampleRate: unknown, name = 'sampleRate'): number {
  return checkScalar(sampleRate, name, { min: 0, exclusiveMin: true });
}

/** Validates a strictly positive finite option. */
export function checkPositive(value: unknown, name: string): number {
  return checkScalar(value, name, { min: 0, exclusiveMin: true });
}

/**
 * Longest transform {@link fft}, {@link rfft} and the spectral helpers run: 2²⁴ = 16,777,216
 * points (about 46 hours at 100 Hz). A length that is not a power of two runs through
 * Bluestein's algorithm on a power-of-two transform of at least 2N − 1 points, which must
 * fit the same limit, so such lengths go up to 2²³.
 */
export const MAX_FFT_LENGTH = 2 ** 24;

/** Most samples a generator ({@link seismicNoise}, {@link syntheticSeismogram}, volcanic events) makes: 2²⁴ (about 46 hours at 100 Hz). */
export const MAX_SIGNAL_SAMPLES = 2 ** 24;

/** Most columns {@link minMaxDecimate} returns: 2²⁰ (a canvas is at most a few thousand pixels wide). */
export const MAX_DECIMATE_COLUMNS = 2 ** 20;

/**
 * Checks that an FFT of length n fits {@link MAX_FFT_LENGTH} (counting the Bluestein
 * transform of nextPowerOfTwo(2n − 1) points for other lengths) before anything is allocated.
 */
export function checkFftLength(n: number, name: string): void {
  let work = 1;
  const pow2 = Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0 && n <= 2 ** 30;
  if (pow2) work = n;
  else {
    const m = 2 * n - 1;
    work = m <= 1 ? 1 : 2 ** Math.ceil(Math.log2(m));
  }
  if (!(work <= MAX_FFT_LENGTH)) {
    checkSize(name, work, MAX_FFT_LENGTH, pow2 ? 'FFT points' : `FFT points (a length-${n} transform runs as a power-of-two Bluestein convolution)`);
  }
}

/** Validates an options object (absent → {}); anything else but a plain object is a ValidationError. */
export function checkOptions<T extends object>(options: T | null | undefined, name = 'options'): T {
  if (options === undefined || options === null) return {} as T;
  if (typeof options !== 'object' || Array.isArray(options)) throw new ValidationError(name, 'bad-option', `must be an object of options, got ${JSON.stringify(options)}`);
  return options;
}

/**
 * Checks that a result computed from finite samples is finite: samples of order 1e154 and
 * more overflow when squared (power, energy, envelope), and sums of larger ones overflow too.
 * Throws ValidationError(name, 'overflow') with the cure, never returning ±∞ or NaN.
 */
export function checkFiniteResult<T extends ArrayLike<number>>(values: T, name = 'signal'): T {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new ValidationError(name, 'overflow', 'the result overflowed (samples of order 1e154 and more overflow when squared): scale the signal first, e.g. divide it by its largest absolute value');
    }
  }
  return values;
}
