/**
 * Discrete Fourier transforms for waveforms.
 *
 * Powers of two go to `fft.js` (a radix-4 FFT, the fastest of the kept JavaScript FFTs:
 * about 20,000 real 4096-point transforms a second on one core). Any other length goes
 * through Bluestein's chirp-z identity on top of it, so that every length is exact
 * (no silent zero padding) and still O(n log n).
 *
 * Convention (NumPy's): X[k] = Σₙ x[n]·e^{−2πi kn/N}, and the inverse carries the 1/N.
 */
import FFT from 'fft.js';
import { ValidationError } from '../core/errors';
import { checkScalar, checkSize, LIMITS } from '../core/validation';
import { checkFftLength, checkFiniteResult, checkOptions, checkSampleRate, checkSignal } from './_checks';

/** A complex vector as two parallel arrays. */
export interface ComplexArray {
  /** Real parts. */
  re: Float64Array;
  /** Imaginary parts. */
  im: Float64Array;
}

/** Whether n is a power of two (1, 2, 4, …). */
export function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n > 0 && 2 ** Math.round(Math.log2(n)) === n;
}

/** The smallest power of two ≥ n (and ≥ 1); n must be a finite number. */
export function nextPowerOfTwo(n: number): number {
  if (typeof n !== 'number' || Number.isNaN(n) || n === Infinity) throw new ValidationError('n', 'not-finite', `must be a finite number, got ${String(n)}`);
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/** fft.js plans (twiddle tables) by size; sizes are powers of two, so the cache stays small. */
const plans = new Map<number, FFT>();
function plan(n: number): FFT {
  let p = plans.get(n);
  if (!p) {
    p = new FFT(n);
    plans.set(n, p);
  }
  return p;
}

/**
 * Transforms an interleaved complex vector [re₀, im₀, re₁, im₁, …] of any length n.
 * Returns a new interleaved array; the inverse includes the 1/n factor.
 */
export function transformInterleaved(data: Float64Array, n: number, inverse = false): Float64Array {
  const out = new Float64Array(2 * n);
  if (n === 1) {
    out[0] = data[0];
    out[1] = data[1];
    return out;
  }
  if (isPowerOfTwo(n)) {
    if (inverse) plan(n).inverseTransform(out, data);
    else plan(n).transform(out, data);
    return out;
  }
  if (!inverse) return bluestein(data, n);
  // ifft(x) = conj(fft(conj(x))) / n.
  const c = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    c[2 * i] = data[2 * i];
    c[2 * i + 1] = -data[2 * i + 1];
  }
  const f = bluestein(c, n);
  for (let i = 0; i < n; i++) {
    out[2 * i] = f[2 * i] / n;
    out[2 * i + 1] = -f[2 * i + 1] / n;
  }
  return out;
}

/** Chirp (wₖ = e^{−iπk²/n}) and the transformed convolution kernel for Bluestein, by n. */
const chirps = new Map<number, { m: number; w: Float64Array; B: Float64Array }>();
function chirp(n: number) {
  let c = chirps.get(n);
  if (c) return c;
  const m = nextPowerOfTwo(2 * n - 1);
  const w = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) {
    // k² mod 2n keeps the angle small, so that cos/sin stay accurate for large k.
    const a = (Math.PI * ((k * k) % (2 * n))) / n;
    w[2 * k] = Math.cos(a);
    w[2 * k + 1] = -Math.sin(a);
  }
  // b[k] = conj(w[k]) for |k| < n, wrapped circularly into length m.
  const b = new Float64Array(2 * m);
  b[0] = 1;
  for (let k = 1; k < n; k++) {
    b[2 * k] = b[2 * (m - k)] = w[2 * k];
    b[2 * k + 1] = b[2 * (m - k) + 1] = -w[2 * k + 1];
  }
  const B = new Float64Array(2 * m);
  plan(m).transform(B, b);
  c = { m, w, B };
  if (chirps.size > 32) chirps.clear();
  chirps.set(n, c);
  return c;
}

/**
 * Bluestein: with kn = (k² + n² − (k−n)²)/2, X[k] = wₖ · Σₙ (xₙwₙ)·conj(w_{k−n}), a
 * convolution, done by power-of-two FFTs of length m ≥ 2n − 1.
 */
function bluestein(data: Float64Array, n: number): Float64Array {
  const { m, w, B } = chirp(n);
  const a = new Float64Array(2 * m);
  complexMultiply(data, w, a, n);
  const p = plan(m);
  const A = new Float64Array(2 * m);
  p.transform(A, a);
  complexMultiply(A, B, A, m);
  p.inverseTransform(a, A);
  const out = new Float64Array(2 * n);
  complexMultiply(a, w, out, n);
  return out;
}

/** out[k] = x[k]·y[k] for the first n interleaved complex numbers (out may be x). */
function complexMultiply(x: Float64Array, y: Float64Array, out: Float64Array, n: number): void {
  for (let k = 0; k < n; k++) {
    const xr = x[2 * k];
    const xi = x[2 * k + 1];
    const yr = y[2 * k];
    const yi = y[2 * k + 1];
    out[2 * k] = xr * yr - xi * yi;
    out[2 * k + 1] = xr * yi + xi * yr;
  }
}

function isArrayLike(v: unknown): v is ArrayLike<unknown> {
  return (Array.isArray(v) || ArrayBuffer.isView(v)) && typeof (v as ArrayLike<unknown>).length === 'number';
}

function interleave(re: ArrayLike<number>, im: ArrayLike<number> | undefined, name: string, imName = 'im'): Float64Array {
  if (!isArrayLike(re)) throw new ValidationError(name, 'bad-option', `expected an array of numbers, got ${re === null ? 'null' : typeof re}`);
  const n = re.length;
  if (n === 0) throw new ValidationError(name, 'empty', 'no values (an empty array)');
  if (im !== undefined && !isArrayLike(im)) throw new ValidationError(imName, 'bad-option', `expected an array of numbers, got ${im === null ? 'null' : typeof im}`);
  if (im !== undefined && im.length !== n) throw new ValidationError(imName, 'length-mismatch', `has ${im.length} values, re has ${n}`);
  checkFftLength(n, name);
  const d = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const r = re[i];
    const m = im === undefined ? 0 : im[i];
    if (typeof r !== 'number' || !Number.isFinite(r)) throw new ValidationError(name, 'not-finite', `entry [${i}] is ${String(r)}, not a finite number`);
    if (typeof m !== 'number' || !Number.isFinite(m)) throw new ValidationError(imName, 'not-finite', `entry [${i}] is ${String(m)}, not a finite number`);
    d[2 * i] = r;
    d[2 * i + 1] = m;
  }
  return d;
}

function split(d: Float64Array, n: number): ComplexArray {
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    re[i] = d[2 * i];
    im[i] = d[2 * i + 1];
  }
  return { re, im };
}

/**
 * The discrete Fourier transform X[k] = Σₙ x[n]·e^{−2πi kn/N} of a complex (or, without `im`,
 * real) vector of any length N.
 */
export function fft(re: ArrayLike<number>, im?: ArrayLike<number>): ComplexArray {
  const d = interleave(re, im, 're');
  const n = d.length / 2;
  return split(checkFiniteResult(transformInterleaved(d, n, false), 're'), n);
}

/** The inverse transform x[n] = (1/N) Σₖ X[k]·e^{+2πi kn/N}. */
export function ifft(re: ArrayLike<number>, im?: ArrayLike<number>): ComplexArray {
  const d = interleave(re, im, 're');
  const n = d.length / 2;
  return split(checkFiniteResult(transformInterleaved(d, n, true), 're'), n);
}

/**
 * Interleaved one-sided spectrum of a real vector zero-padded (or cut) to `nfft`: entries
 * 0 … 2·(⌊nfft/2⌋+1) − 1 are valid. The fast path of {@link rfft}, without validation.
 */
export function rfftInterleaved(x: ArrayLike<number>, nfft: number): Float64Array {
  const buf = new Float64Array(nfft);
  const m = Math.min(nfft, x.length);
  for (let i = 0; i < m; i++) buf[i] = x[i];
  if (nfft >= 2 && isPowerOfTwo(nfft)) {
    const out = new Float64Array(2 * nfft);
    plan(nfft).realTransform(out, buf);
    return out;
  }
  const d = new Float64Array(2 * nfft);
  for (let i = 0; i < nfft; i++) d[2 * i] = buf[i];
  return transformInterleaved(d, nfft, false);
}

/**
 * The one-sided spectrum X[0 … ⌊nfft/2⌋] of a real signal, zero-padded (or cut) to `nfft`
 * samples (default: the signal's length). The other half is X[N−k] = conj(X[k]).
 */
export function rfft(signal: ArrayLike<number>, nfft?: number): ComplexArray {
  const x = checkSignal(signal);
  const N = nfft === undefined ? x.length : checkScalar(nfft, 'nfft', { min: 1, integer: true });
  checkFftLength(N, nfft === undefined ? 'signal' : 'nfft');
  const h = Math.floor(N / 2) + 1;
  const d = rfftInterleaved(x, N);
  checkFiniteResult(d.subarray(0, 2 * h));
  return split(d, h);
}

/**
 * The real signal of length `n` whose one-sided spectrum is given (the inverse of
 * {@link rfft}); `n` defaults to 2·(length − 1). Imaginary parts of X[0] (and of X[n/2] for
 * even n) are ignored, as they must be zero for a real signal.
 */
export function irfft(spectrum: ComplexArray, n?: number): Float64Array {
  if (typeof spectrum !== 'object' || spectrum === null) throw new ValidationError('spectrum', 'bad-option', 'expected { re, im }, as rfft returns');
  // Validates both halves (arrays of finite numbers of the same length).
  if (spectrum.im === undefined) throw new ValidationError('spectrum.im', 'missing-value', 'expected { re, im }, as rfft returns');
  interleave(spectrum.re, spectrum.im, 'spectrum.re', 'spectrum.im');
  const h = spectrum.re.length;
  const N = n === undefined ? Math.max(1, 2 * (h - 1)) : checkScalar(n, 'n', { min: 1, integer: true });
  checkFftLength(N, n === undefined ? 'spectrum' : 'n');
  const d = new Float64Array(2 * N);
  for (let k = 0; k <= Math.floor(N / 2); k++) {
    const r = k < h ? spectrum.re[k] : 0;
    const i = k < h ? spectrum.im[k] : 0;
    d[2 * k] = r;
    d[2 * k + 1] = k === 0 || 2 * k === N ? 0 : i;
    if (k > 0 && 2 * k !== N) {
      d[2 * (N - k)] = r;
      d[2 * (N - k) + 1] = -i;
    }
  }
  const t = transformInterleaved(d, N, true);
  const out = new Float64Array(N);
  for (let i = 0; i < N; i++) out[i] = t[2 * i];
  return checkFiniteResult(out, 'spectrum');
}

/** The frequencies (Hz) of the bins of {@link rfft}: f[k] = k·sampleRate/nfft, k = 0 … ⌊nfft/2⌋. */
export function rfftFrequencies(nfft: number, sampleRate: number): Float64Array {
  const N = checkScalar(nfft, 'nfft', { min: 1, integer: true });
  const fs = checkSampleRate(sampleRate);
  checkFftLength(N, 'nfft');
  const f = new Float64Array(Math.floor(N / 2) + 1);
  for (let k = 0; k < f.length; k++) f[k] = (k * fs) / N;
  return f;
}

/** The tapers {@link powerSpectrum} and {@link spectrogram} accept. */
export type WindowType = 'hann' | 'hamming' | 'blackman' | 'rectangular';

/**
 * A periodic (DFT-even) window of length n, as spectral analysis uses:
 * hann w[i] = 0.5 − 0.5·cos(2πi/n); hamming 0.54 − 0.46·cos(2πi/n);
 * blackman 0.42 − 0.5·cos(2πi/n) + 0.08·cos(4πi/n); rectangular 1.
 */
export function spectralWindow(type: WindowType, n: number): Float64Array {
  const N = checkScalar(n, 'n', { min: 1, integer: true });
  checkSize('n', N, LIMITS.maxElements, 'window samples');
  const WINDOWS = ['hann', 'hamming', 'blackman', 'rectangular'];
  if (!WINDOWS.includes(type)) throw new ValidationError('window', 'bad-option', `must be one of 'hann', 'hamming', 'blackman', 'rectangular', got ${JSON.stringify(type)}`);
  const w = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const a = (2 * Math.PI * i) / N;
    switch (type) {
      case 'hann':
        w[i] = 0.5 - 0.5 * Math.cos(a);
        break;
      case 'hamming':
        w[i] = 0.54 - 0.46 * Math.cos(a);
        break;
      case 'blackman':
        w[i] = 0.42 - 0.5 * Math.cos(a) + 0.08 * Math.cos(2 * a);
        break;
      case 'rectangular':
        w[i] = 1;
        break;
      default:
        throw new ValidationError('window', 'bad-option', `must be one of 'hann', 'hamming', 'blackman', 'rectangular', got ${JSON.stringify(type)}`);
    }
  }
  return w;
}

/** Options of {@link powerSpectrum}. */
export interface PowerSpectrumOptions {
  /** Sampling rate in Hz (> 0). Required. */
  sampleRate: number;
  /** FFT length; the signal is zero-padded to it. Default: the next power of two ≥ the signal's length. */
  nfft?: number;
  /** Taper applied before the transform. Default 'hann'. */
  window?: WindowType;
  /** Remove the mean before tapering (so that the DC bin does not leak). Default true. */
  detrend?: boolean;
}

/** A one-sided power spectral density. */
export interface PowerSpectrum {
  /** Bin frequencies in Hz, 0 … sampleRate/2. */
  frequencies: Float64Array;
  /** Power spectral density in (signal unit)²/Hz. */
  power: Float64Array;
}

/**
 * The one-sided periodogram: with taper w, P[k] = c·|Σₙ w[n]x[n]e^{−2πikn/N}|² / (fs·Σw²),
 * c = 2 except at 0 Hz and Nyquist (c = 1), so that Σₖ P[k]·Δf equals the mean square of the
 * tapered signal (Parseval). Same scaling as `scipy.signal.periodogram(..., scaling='density')`.
 */
export function powerSpectrum(signal: ArrayLike<number>, options: PowerSpectrumOptions): PowerSpectrum {
  const x = checkSignal(signal);
  options = checkOptions(options);
  const fs = checkSampleRate(options.sampleRate);
  const n = x.length;
  const nfft = options.nfft === undefined ? nextPowerOfTwo(n) : checkScalar(options.nfft, 'nfft', { min: 1, integer: true });
  checkFftLength(nfft, options.nfft === undefined ? 'signal' : 'nfft');
  const w = spectralWindow(options.window ?? 'hann', n);
  checkWindowEnergy(w, options.window ?? 'hann', 'signal');
  let mu = 0;
  if (options.detrend ?? true) {
    for (let i = 0; i < n; i++) mu += x[i];
    mu /= n;
  }
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    x[i] = (x[i] - mu) * w[i];
    s2 += w[i] * w[i];
  }
  const d = rfftInterleaved(x, nfft);
  const h = Math.floor(nfft / 2) + 1;
  const power = new Float64Array(h);
  const frequencies = new Float64Array(h);
  for (let k = 0; k < h; k++) {
    const c = k === 0 || 2 * k === nfft ? 1 : 2;
    power[k] = (c * (d[2 * k] * d[2 * k] + d[2 * k + 1] * d[2 * k + 1])) / (fs * s2);
    frequencies[k] = (k * fs) / nfft;
  }
  return { frequencies, power: checkFiniteResult(power) };
}

/**
 * A taper whose Σw² is 0 (the periodic Hann window of one sample is [0]) would divide the
 * power by 0: that is a ValidationError, never NaN.
 * @internal
 */
export function checkWindowEnergy(w: Float64Array, type: string, name: string): void {
  let s2 = 0;
  for (let i = 0; i < w.length; i++) s2 += w[i] * w[i];
  if (!(s2 > 0)) throw new ValidationError(name, 'out-of-range', `a ${w.length}-sample '${type}' window is all zeros, so the power is undefined: give at least 2 samples, or window: 'rectangular'`);
}
