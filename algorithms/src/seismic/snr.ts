/**
 * Signal-to-noise ratios read on a record, as an analyst judges a pick: the P onset's own SNR,
 * the energy just after the onset over that just before it. The generators' SNR is set by a
 * record's largest swing (its S wave); this one is what the P arrival shows.
 */
import { ValidationError } from '../core/errors';
import { checkOptions, checkPositive } from './_checks';

/**
 * Bands of the P onset's own SNR ({@link onsetSnrDb}, dB): below 0 (the onset is not
 * seen), 0–3, 3–6 and 6 and above; then 3 and above, the onsets an analyst would pick.
 */
export const ONSET_SNR_BANDS: ReadonlyArray<readonly [number, number]> = [
  [-40, 0],
  [0, 3],
  [3, 6],
  [6, 60],
  [3, 60],
];

/** Options of {@link onsetSnrDb}. */
export interface OnsetSnrOptions {
  /** Sampling rate in Hz. Default 100. */
  sampleRate?: number;
  /** Length in seconds of the windows after and before the onset. Default 2. */
  seconds?: number;
}

/**
 * The SNR of a P onset as an analyst reads it on the record: 10·log₁₀(Σ_c σ²_c,after / Σ_c σ²_c,before),
 * the variance of the three components in the `seconds` after the onset over that in the
 * `seconds` before it (noise only), in dB. On a prepared window (high-passed, so the microseism
 * is out) it is the P wave's own visibility, whereas a record's generating SNR is set by its
 * largest swing, the S wave, 1.5 to 4.5 times the P's. Noise alone gives about 0 dB.
 * x is n × 3, time-major; the windows are cut to the record.
 */
export function onsetSnrDb(x: ArrayLike<number>, onset: number, options: OnsetSnrOptions = {}): number {
  options = checkOptions(options);
  const fs = checkPositive(options.sampleRate ?? 100, 'sampleRate');
  const w = Math.max(2, Math.round(checkPositive(options.seconds ?? 2, 'seconds') * fs));
  const n = Math.floor(x.length / 3);
  if (!Number.isInteger(onset) || onset < 2 || onset > n - 2) throw new ValidationError('onset', 'out-of-range', `must be a sample index inside the record with room on both sides (2 … ${n - 2}), got ${String(onset)}`);
  // Σ over the three components of the variance of x[a, b).
  const power = (a: number, b: number) => {
    let sum = 0;
    for (let c = 0; c < 3; c++) {
      let m = 0;
      for (let t = a; t < b; t++) m += x[t * 3 + c];
      m /= b - a;
      for (let t = a; t < b; t++) sum += (x[t * 3 + c] - m) ** 2;
    }
    return sum / (b - a);
  };
  const before = power(Math.max(0, onset - w), onset);
  const after = power(onset, Math.min(n, onset + w));
  if (!(before > 0)) return after > 0 ? Infinity : 0;
  return 10 * Math.log10(after / before);
}
