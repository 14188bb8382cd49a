import { ValidationError } from '../core/errors';
import { describeValue } from '../core/validation';

/** Points as a flat array x₀ y₀ z₀ x₁ y₁ z₁ …: a Float64Array for speed, or any array of numbers. */
export type XYZLike = Float64Array | Float32Array | ArrayLike<number>;

/** Most points a point-cloud function accepts (10 million; 240 MB of coordinates). */
export const MAX_POINTS = 10_000_000;

/**
 * Checks a flat xyz array (length a positive multiple of 3, finite entries) and returns it as a
 * Float64Array (the same object when it already is one).
 * @throws ValidationError naming `name` for an empty, ragged, non-numeric or non-finite array.
 */
export function checkXYZ(xyz: unknown, name = 'xyz', minPoints = 1): Float64Array {
  const isTyped = ArrayBuffer.isView(xyz) && !(xyz instanceof DataView) && !(xyz instanceof BigInt64Array) && !(xyz instanceof BigUint64Array);
  if (!Array.isArray(xyz) && !isTyped) throw new ValidationError(name, 'wrong-type', `must be a flat array x₀ y₀ z₀ x₁ y₁ z₁ … (a Float64Array), got ${describeValue(xyz)}`);
  const a = xyz as ArrayLike<unknown>;
  if (a.length === 0) throw new ValidationError(name, 'empty', 'has no points');
  if (a.length % 3 !== 0) throw new ValidationError(name, 'ragged', `has ${a.length} values, not a multiple of 3 (x, y, z per point)`);
  const n = a.length / 3;
  if (n < minPoints) throw new ValidationError(name, 'empty', `has ${n} point${n === 1 ? '' : 's'}, needs at least ${minPoints}`);
  if (n > MAX_POINTS) throw new ValidationError(name, 'too-large', `has ${n} points, more than the limit of ${MAX_POINTS}`);
  const out = xyz instanceof Float64Array ? xyz : new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (typeof v !== 'number') throw new ValidationError(name, v === null || v === undefined ? 'missing-value' : 'not-a-number', `entry ${i} (point ${Math.floor(i / 3)}) is ${describeValue(v)}, not a number`);
    if (!Number.isFinite(v)) throw new ValidationError(name, 'not-finite', `entry ${i} (point ${Math.floor(i / 3)}) is ${v}; coordinates must be finite`);
    if (out !== xyz) out[i] = v;
  }
  return out;
}

/** Checks a finite number > 0 (a radius, a cell size). */
export function checkPositive(v: unknown, name: string): number {
  if (typeof v !== 'number') throw new ValidationError(name, 'not-a-number', `must be a positive number, got ${describeValue(v)}`);
  if (!Number.isFinite(v)) throw new ValidationError(name, 'not-finite', `must be a finite positive number, got ${v}`);
  if (v <= 0) throw new ValidationError(name, 'out-of-range', `must be > 0, got ${v}`);
  return v;
}

/** Checks an integer in [lo, hi]. */
export function checkInt(v: unknown, name: string, lo: number, hi: number): number {
  if (typeof v !== 'number') throw new ValidationError(name, 'not-a-number', `must be an integer, got ${describeValue(v)}`);
  if (!Number.isFinite(v)) throw new ValidationError(name, 'not-finite', `must be a finite integer, got ${v}`);
  if (!Number.isInteger(v)) throw new ValidationError(name, 'not-integer', `must be an integer, got ${v}`);
  if (v < lo || v > hi) throw new ValidationError(name, v > hi ? 'too-large' : 'out-of-range', `must be in [${lo}, ${hi}], got ${v}`);
  return v;
}

/** Checks a finite query point coordinate. */
export function checkCoord(v: unknown, name: string): number {
  if (typeof v !== 'number') throw new ValidationError(name, 'not-a-number', `must be a number, got ${describeValue(v)}`);
  if (!Number.isFinite(v)) throw new ValidationError(name, 'not-finite', `must be finite, got ${v}`);
  return v;
}
