/** Validation shared by the seismic helpers (internal: not exported from the barrel). */
import { ValidationError } from '../core/errors';
import { checkScalar, checkVector } from '../core/validation';

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
