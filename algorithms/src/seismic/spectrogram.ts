/**
 * The spectrogram: power spectra of short overlapping tapered frames (a short-time Fourier
 * transform), the picture in which LP events, tremor and tornillos are told apart by eye.
 */
import type { Matrix } from '../core/matrix';
import { ValidationError } from '../core/errors';
import { checkScalar, checkSize, LIMITS } from '../core/validation';
import { checkWindowEnergy, nextPowerOfTwo, rfftInterleaved, spectralWindow, type WindowType } from './fft';
import { checkFftLength, checkFiniteResult, checkOptions, checkSampleRate, checkSignal } from './_checks';

/** Options of {@link spectrogram}. */
export interface SpectrogramOptions {
  /** Sampling rate in Hz. Required. */
  sampleRate: number;
  /** Frame length in samples (≤ the signal's length). Default 128 (1.28 s at 100 Hz), or the signal's length if shorter. */
  windowLength?: number;
  /** Step between frame starts in samples (≥ 1). Default windowLength / 2 (50 % overlap). */
  hop?: number;
  /** Taper of each frame. Default 'hann'. */
  window?: WindowType;
  /** FFT length (≥ windowLength; frames are zero-padded). Default the next power of two ≥ windowLength. */
  nfft?: number;
  /** Remove each frame's mean first. Default true. */
  detrend?: boolean;
}

/** A spectrogram. */
export interface Spectrogram {
  /** Centre time of each frame in seconds from the first sample. */
  times: Float64Array;
  /** Bin frequencies in Hz, 0 … sampleRate/2. */
  frequencies: Float64Array;
  /** One-sided power spectral density, rows = frames (times), columns = frequencies, in (unit)²/Hz. */
  power: Matrix;
}

/**
 * STFT power: frame m covers samples [m·hop, m·hop + L), is detrended and tapered by w, and
 * P[m][k] = c·|FFT(w·x)[k]|² / (fs·Σw²) with c = 2 except at 0 Hz and Nyquist, the scaling of
 * `scipy.signal.spectrogram(..., scaling='density', mode='psd')`. Frames that would run past
 * the end are dropped.
 */
export function spectrogram(signal: ArrayLike<number>, options: SpectrogramOptions): Spectrogram {
  const x = checkSignal(signal);
  options = checkOptions(options);
  const fs = checkSampleRate(options.sampleRate);
  const n = x.length;
  const L = checkScalar(options.windowLength ?? Math.min(128, n), 'windowLength', { min: 1, integer: true });
  if (L > n) throw new ValidationError('windowLength', 'out-of-range', `the frame (${L} samples) is longer than the signal (${n})`);
  const hop = checkScalar(options.hop ?? Math.max(1, Math.floor(L / 2)), 'hop', { min: 1, integer: true });
  const nfft = checkScalar(options.nfft ?? nextPowerOfTwo(L), 'nfft', { min: L, integer: true });
  checkFftLength(nfft, 'nfft');
  const w = spectralWindow(options.window ?? 'hann', L);
  checkWindowEnergy(w, options.window ?? 'hann', 'windowLength');
  const detrend = options.detrend ?? true;
  let s2 = 0;
  for (let i = 0; i < L; i++) s2 += w[i] * w[i];
  const frames = Math.floor((n - L) / hop) + 1;
  const h = Math.floor(nfft / 2) + 1;
  checkSize('hop', frames * h, LIMITS.maxElements, `spectrogram values (${frames} frames × ${h} frequencies)`);
  const data = new Float64Array(frames * h);
  const times = new Float64Array(frames);
  const frame = new Float64Array(L);
  for (let m = 0; m < frames; m++) {
    const o = m * hop;
    let mu = 0;
    if (detrend) {
      for (let i = 0; i < L; i++) mu += x[o + i];
      mu /= L;
    }
    for (let i = 0; i < L; i++) frame[i] = (x[o + i] - mu) * w[i];
    const d = rfftInterleaved(frame, nfft);
    for (let k = 0; k < h; k++) {
      const c = k === 0 || 2 * k === nfft ? 1 : 2;
      data[m * h + k] = (c * (d[2 * k] * d[2 * k] + d[2 * k + 1] * d[2 * k + 1])) / (fs * s2);
    }
    times[m] = (o + L / 2) / fs;
  }
  const frequencies = new Float64Array(h);
  for (let k = 0; k < h; k++) frequencies[k] = (k * fs) / nfft;
  return { times, frequencies, power: { rows: frames, cols: h, data: checkFiniteResult(data) } };
}
