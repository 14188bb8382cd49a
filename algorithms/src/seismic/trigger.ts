/**
 * STA/LTA event detection: the ratio of a short-term to a long-term average of the signal's
 * energy jumps when an event arrives, and a trigger opens above one threshold and closes
 * below another (hysteresis), as in ObsPy's `classic_sta_lta`, `recursive_sta_lta` and
 * `trigger_onset`.
 */
import { ValidationError } from '../core/errors';
import { checkOneOf, checkScalar } from '../core/validation';
import { checkFiniteResult, checkPositive, checkSampleRate, checkSignal } from './_checks';

/** Options of {@link staLta}. */
export interface StaLtaOptions {
  /** Sampling rate in Hz. Required. */
  sampleRate: number;
  /** Short-term window in seconds (about one or two periods of the phase sought). Default 1. */
  sta?: number;
  /** Long-term window in seconds (several times `sta`: the noise level). Default 10. */
  lta?: number;
  /**
   * 'classic': plain moving means of x² over the last n_sta and n_lta samples.
   * 'recursive': exponential means, STAᵢ = c·xᵢ² + (1 − c)·STAᵢ₋₁ with c = 1/n_sta (and likewise
   * the LTA): cheaper, no window edges. Default 'classic'.
   */
  method?: 'classic' | 'recursive';
}

/**
 * The STA/LTA characteristic function, one value per sample; 0 while the long window is not
 * yet full (i < n_lta − 1 for 'classic', i < n_lta for 'recursive'), and 0 where the LTA is 0.
 */
export function staLta(signal: ArrayLike<number>, options: StaLtaOptions): Float64Array {
  const x = checkSignal(signal);
  const fs = checkSampleRate(options?.sampleRate);
  const nsta = Math.round(checkPositive(options.sta ?? 1, 'sta') * fs);
  const nlta = Math.round(checkPositive(options.lta ?? 10, 'lta') * fs);
  const method = checkOneOf(options.method ?? 'classic', 'method', ['classic', 'recursive'] as const);
  if (nsta < 1) throw new ValidationError('sta', 'out-of-range', `is shorter than one sample at ${fs} Hz`);
  if (nlta <= nsta) throw new ValidationError('lta', 'out-of-range', `the LTA window (${nlta} samples) must be longer than the STA window (${nsta})`);
  const n = x.length;
  if (nlta > n) throw new ValidationError('lta', 'out-of-range', `the LTA window (${nlta} samples) is longer than the signal (${n})`);
  const out = new Float64Array(n);
  if (method === 'recursive') {
    const cs = 1 / nsta;
    const cl = 1 / nlta;
    let s = 0;
    let l = 0;
    for (let i = 0; i < n; i++) {
      const e = x[i] * x[i];
      s = cs * e + (1 - cs) * s;
      l = cl * e + (1 - cl) * l;
      out[i] = i < nlta || l === 0 ? 0 : s / l;
    }
    return checkFiniteResult(out);
  }
  // Classic: running sums of x² over [i − n + 1, i], via a prefix sum.
  const c = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) c[i + 1] = c[i] + x[i] * x[i];
  for (let i = nlta - 1; i < n; i++) {
    const s = (c[i + 1] - c[i + 1 - nsta]) / nsta;
    const l = (c[i + 1] - c[i + 1 - nlta]) / nlta;
    out[i] = l > 0 ? s / l : 0;
  }
  return checkFiniteResult(out);
}

/** One detection: samples [start, end) where the trigger was on. */
export interface TriggerWindow {
  /** First sample where the function rose above `on`. */
  start: number;
  /** First sample after `start` where it fell below `off` (or the length, if it never did). */
  end: number;
}

/** Options of {@link triggerOnset}. */
export interface TriggerOptions {
  /** Switch-on threshold (> 0). Required. */
  on: number;
  /** Switch-off threshold (> 0, ≤ on: hysteresis keeps one event from chattering). Required. */
  off: number;
}

/**
 * Trigger windows of a characteristic function: a window opens at the first sample with
 * value > on and closes at the next sample with value < off.
 */
export function triggerOnset(characteristic: ArrayLike<number>, options: TriggerOptions): TriggerWindow[] {
  const c = checkSignal(characteristic, 'characteristic');
  const on = checkPositive(options?.on, 'on');
  const off = checkScalar(options.off, 'off', { min: 0, exclusiveMin: true, max: on });
  const out: TriggerWindow[] = [];
  let start = -1;
  for (let i = 0; i < c.length; i++) {
    if (start < 0) {
      if (c[i] > on) start = i;
    } else if (c[i] < off) {
      out.push({ start, end: i });
      start = -1;
    }
  }
  if (start >= 0) out.push({ start, end: c.length });
  return out;
}

/** Options of {@link staLtaTrigger}: those of {@link staLta} and {@link triggerOnset}. */
export interface StaLtaTriggerOptions extends StaLtaOptions, TriggerOptions {}

/** A detection with its times. */
export interface TimedTriggerWindow extends TriggerWindow {
  /** start / sampleRate, in seconds from the first sample. */
  startTime: number;
  /** end / sampleRate, in seconds. */
  endTime: number;
}

/** STA/LTA then trigger: `{ ratio, windows }`, windows with sample indices and times. */
export function staLtaTrigger(signal: ArrayLike<number>, options: StaLtaTriggerOptions): { ratio: Float64Array; windows: TimedTriggerWindow[] } {
  const ratio = staLta(signal, options);
  const fs = options.sampleRate;
  const windows = triggerOnset(ratio, options).map((w) => ({ ...w, startTime: w.start / fs, endTime: w.end / fs }));
  return { ratio, windows };
}
