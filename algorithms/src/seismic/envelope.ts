/**
 * The analytic signal and the envelope, via the FFT.
 */
import { type ComplexArray, transformInterleaved } from './fft';
import { checkFftLength, checkFiniteResult, checkSignal } from './_checks';

/**
 * The analytic signal x + i·H[x] (H the Hilbert transform), as SciPy's `hilbert`: take
 * X = FFT(x), keep X[0] (and X[N/2] for even N), double the positive frequencies, zero the
 * negative ones, and transform back. Exact for any length N (no padding).
 */
export function hilbert(signal: ArrayLike<number>): ComplexArray {
  const x = checkSignal(signal);
  const n = x.length;
  checkFftLength(n, 'signal');
  const d = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) d[2 * i] = x[i];
  const X = transformInterleaved(d, n, false);
  const half = Math.floor(n / 2);
  for (let k = 1; k < n; k++) {
    // Weights: 2 for 0 < k < N/2, 1 at N/2 (even N), 0 above.
    const h = k < (n + 1) / 2 ? 2 : n % 2 === 0 && k === half ? 1 : 0;
    X[2 * k] *= h;
    X[2 * k + 1] *= h;
  }
  const z = checkFiniteResult(transformInterleaved(X, n, true));
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    re[i] = z[2 * i];
    im[i] = z[2 * i + 1];
  }
  return { re, im };
}

/**
 * The envelope |x + i·H[x]|: the instantaneous amplitude, smooth over the oscillations
 * (for x = A·cos(2πft), it is A). ObsPy's `envelope`.
 */
export function envelope(signal: ArrayLike<number>): Float64Array {
  const { re, im } = hilbert(signal);
  const out = new Float64Array(re.length);
  // hypot, not √(re² + im²): no overflow for samples up to ~1e308.
  for (let i = 0; i < re.length; i++) out[i] = Math.hypot(re[i], im[i]);
  return checkFiniteResult(out);
}
