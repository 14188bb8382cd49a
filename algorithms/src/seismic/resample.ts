/**
 * Resampling a waveform to another rate, as a model trained at 100 Hz needs (PhaseNet and
 * ConvNetQuake both take 100 Hz windows, while stations record at 20, 40, 50, 200 Hz…).
 *
 * Method: when the rate goes down, a zero-phase Butterworth low-pass first removes what the
 * new rate cannot represent (everything above its Nyquist frequency f′/2 would fold back as
 * aliases). Its corner is at 0.4 f′ (−6 dB, forwards and backwards), so that a tone at f′/2
 * and above is attenuated by the filter's steep skirt (order 8: 16 poles after the two passes,
 * about −96 dB per octave). Then each new sample, at time k/f′, is interpolated from the
 * filtered samples: 'cubic' (Keys's cubic convolution, a = −1/2, exact for quadratics, a
 * response flat to well under 1 % below a tenth of the old rate) or 'linear'. Interpolation
 * after filtering is not a rational polyphase resampler, but the signal it interpolates is
 * band-limited to 0.4 f′, where both kernels are accurate. When the rate goes up there is
 * nothing to alias, and the samples are interpolated directly.
 */
import { ValidationError } from '../core/errors';
import { checkOneOf, checkScalar, checkSize, describeValue } from '../core/validation';
import { checkOptions, checkSampleRate, checkSignal, MAX_SIGNAL_SAMPLES } from './_checks';
import { butterworth, sosfiltfilt } from './filter';
import type { SeismicTrace } from './miniseed';
import { checkTraceFinite } from './traces';

/** How new samples are computed from the (filtered) old ones. */
export type InterpolationMethod = 'linear' | 'cubic';

/** Options of {@link resample}. */
export interface ResampleOptions {
  /** Sampling rate of the input, in Hz. Required. */
  sampleRate: number;
  /** Sampling rate wanted, in Hz (e.g. 100 for the models). Required. */
  targetRate: number;
  /** 'cubic' (Keys, a = −1/2) or 'linear'. Default 'cubic'. */
  method?: InterpolationMethod;
  /** Whether to low-pass before lowering the rate. Default true (turning it off lets aliases through: for teaching only). */
  antiAlias?: boolean;
  /** Anti-alias corner as a fraction of the new rate, in (0, 0.5). Default 0.4. */
  cornerFraction?: number;
  /** Butterworth order of the anti-alias low-pass (run forwards and backwards), 1…12. Default 8. */
  filterOrder?: number;
}

/** Number of samples {@link resample} returns for n samples: ⌊(n − 1)·f′/f⌋ + 1, the last within the input's span. */
export function resampledLength(n: number, sampleRate: number, targetRate: number): number {
  checkScalar(n, 'n', { min: 1, integer: true });
  checkSampleRate(sampleRate);
  checkSampleRate(targetRate, 'targetRate');
  return Math.floor(((n - 1) * targetRate) / sampleRate + 1e-9) + 1;
}

/**
 * Resamples a signal from `sampleRate` to `targetRate` (see the module comment). Sample k of
 * the output is at time k/targetRate after the first input sample. The signal must be
 * finite (a NaN is a ValidationError naming its index, never spread by the filter).
 *
 * @example
 * const y = resample(x, { sampleRate: 40, targetRate: 100 }); // 40 Hz → 100 Hz
 */
export function resample(signal: ArrayLike<number>, options: ResampleOptions): Float64Array {
  options = checkOptions(options);
  const fs = checkSampleRate(options.sampleRate);
  const ft = checkSampleRate(options.targetRate, 'targetRate');
  const method = checkOneOf(options.method ?? 'cubic', 'method', ['linear', 'cubic'] as const);
  const antiAlias = options.antiAlias ?? true;
  if (typeof antiAlias !== 'boolean') throw new ValidationError('antiAlias', 'wrong-type', `must be true or false, got ${describeValue(antiAlias)}`);
  const corner = checkScalar(options.cornerFraction ?? 0.4, 'cornerFraction', { min: 0, exclusiveMin: true, max: 0.5 });
  if (corner >= 0.5) throw new ValidationError('cornerFraction', 'out-of-range', 'must be below 0.5 (the new Nyquist frequency)');
  const order = checkScalar(options.filterOrder ?? 8, 'filterOrder', { min: 1, max: 12, integer: true });
  const x = checkSignal(signal);
  const n = x.length;
  const m = resampledLength(n, fs, ft);
  checkSize('targetRate', m, MAX_SIGNAL_SAMPLES, 'output samples');
  if (fs === ft) return x;
  // Anti-alias low-pass at corner·f′ (below f/2 since f′ < f), forwards and backwards: no phase shift.
  const src = ft < fs && antiAlias && n > 1 ? sosfiltfilt(butterworth({ type: 'lowpass', order, frequency: corner * ft, sampleRate: fs }), x) : x;
  return interpolate(src, m, fs / ft, method);
}

/**
 * out[k] = the signal at fractional index k·step: linear, or Keys's cubic convolution
 * kernel W(s) = 1.5|s|³ − 2.5|s|² + 1 (|s| ≤ 1), −0.5|s|³ + 2.5|s|² − 4|s| + 2 (1 < |s| < 2),
 * with the end samples repeated beyond the ends.
 */
function interpolate(x: Float64Array, m: number, step: number, method: InterpolationMethod): Float64Array {
  const n = x.length;
  const out = new Float64Array(m);
  const at = (i: number) => x[i < 0 ? 0 : i >= n ? n - 1 : i];
  for (let k = 0; k < m; k++) {
    const p = k * step;
    let i = Math.floor(p);
    let t = p - i;
    // k·step may land a rounding error below an integer: snap, so that on-grid samples are exact.
    if (1 - t < 1e-9) {
      i += 1;
      t = 0;
    }
    if (t < 1e-12) {
      out[k] = at(i);
      continue;
    }
    if (method === 'linear') {
      out[k] = at(i) + t * (at(i + 1) - at(i));
      continue;
    }
    const p0 = at(i - 1), p1 = at(i), p2 = at(i + 1), p3 = at(i + 2);
    // Keys (a = −1/2) written as a Catmull–Rom polynomial in t.
    out[k] = p1 + 0.5 * t * (p2 - p0 + t * (2 * p0 - 5 * p1 + 4 * p2 - p3 + t * (3 * (p1 - p2) + p3 - p0)));
  }
  return out;
}

/**
 * A trace resampled to `targetRate` (see {@link resample}), keeping its start time. Its
 * samples are checked first: NaN or ±∞ is a {@link TraceError} 'not-finite' naming the
 * trace, the first bad sample and its time. Returns the same trace object when the rate
 * already matches.
 */
export function resampleTrace(trace: SeismicTrace, targetRate: number, options: Omit<ResampleOptions, 'sampleRate' | 'targetRate'> = {}): SeismicTrace {
  checkTraceFinite(trace, 'trace');
  const ft = checkSampleRate(targetRate, 'targetRate');
  if (trace.sampleRate === ft) return trace;
  return { ...trace, sampleRate: ft, data: resample(trace.data, { ...checkOptions(options), sampleRate: trace.sampleRate, targetRate: ft }) };
}
