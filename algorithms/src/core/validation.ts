import { ValidationError } from './errors';
import type { Matrix, MatrixLike, TypedMatrix, VectorLike } from './matrix';

function isTypedMatrix(x: unknown): x is TypedMatrix {
  return typeof x === 'object' && x !== null && 'data' in x && 'rows' in x && 'cols' in x;
}

/** Options of {@link checkArray}. */
export interface CheckArrayOptions {
  /** The argument's name in messages. Default 'X'. */
  name?: string;
  /** Fewest rows accepted. Default 1. */
  minSamples?: number;
  /** Fewest columns accepted. Default 1. */
  minFeatures?: number;
}

/**
 * Validates a sample matrix and copies it into row-major Float64Array storage.
 * Rejects, naming the first offending entry: a non-array, no rows, no columns,
 * ragged rows, NaN or ±Infinity.
 */
export function checkArray(X: MatrixLike, options: CheckArrayOptions = {}): Matrix {
  const { name = 'X', minSamples = 1, minFeatures = 1 } = options;
  let out: Matrix;
  if (isTypedMatrix(X)) {
    const { rows, cols, data } = X;
    if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0 || data.length !== rows * cols) {
      throw new ValidationError(name, 'shape-mismatch', `a typed matrix of ${rows}×${cols} needs ${rows * cols} values, got ${data.length}`);
    }
    out = { rows, cols, data: Float64Array.from(data) };
  } else {
    if (!Array.isArray(X)) throw new ValidationError(name, 'bad-option', 'expected an array of rows or a typed matrix { rows, cols, data }');
    const n = X.length;
    if (n === 0) throw new ValidationError(name, 'empty', 'no samples (an empty array)');
    const first = X[0];
    if (first == null || typeof first.length !== 'number') throw new ValidationError(name, 'bad-option', 'row 0 is not an array; X must be 2-D (rows = samples)');
    const d = first.length;
    const data = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      const r = X[i];
      if (r == null || typeof r.length !== 'number') throw new ValidationError(name, 'bad-option', `row ${i} is not an array`);
      if (r.length !== d) throw new ValidationError(name, 'ragged', `row ${i} has ${r.length} values, expected ${d} like row 0 (ragged rows)`);
      for (let j = 0; j < d; j++) data[i * d + j] = r[j];
    }
    out = { rows: n, cols: d, data };
  }
  if (out.rows < minSamples) {
    throw new ValidationError(name, out.rows === 0 ? 'empty' : 'out-of-range', `needs at least ${minSamples} samples, got ${out.rows}`);
  }
  if (out.cols < minFeatures) {
    throw new ValidationError(name, 'empty', `needs at least ${minFeatures} features, got ${out.cols}`);
  }
  const bad = firstNonFinite(out.data);
  if (bad >= 0) {
    const i = Math.floor(bad / out.cols);
    const j = bad % out.cols;
    throw new ValidationError(name, 'not-finite', `entry [${i}][${j}] is ${out.data[bad]}; values must be finite numbers`);
  }
  return out;
}

/** Options of {@link checkVector}. */
export interface CheckVectorOptions {
  /** The argument's name in messages. Default 'y'. */
  name?: string;
  /** The required length (usually the number of samples). */
  length?: number;
}

/** Validates a 1-D array of finite numbers and copies it to a Float64Array. */
export function checkVector(y: VectorLike, options: CheckVectorOptions = {}): Float64Array {
  const { name = 'y', length } = options;
  if (y == null || typeof (y as ArrayLike<number>).length !== 'number') throw new ValidationError(name, 'bad-option', 'expected an array of numbers');
  if (y.length === 0) throw new ValidationError(name, 'empty', 'no values (an empty array)');
  if (length !== undefined && y.length !== length) {
    throw new ValidationError(name, 'length-mismatch', `has ${y.length} values but X has ${length} samples`);
  }
  const out = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new ValidationError(name, 'not-finite', `entry [${i}] is ${String(v)}; values must be finite numbers`);
    out[i] = v;
  }
  return out;
}

/** Validates X and y together: y must have one value per row of X. */
export function checkXy(X: MatrixLike, y: VectorLike, options: CheckArrayOptions = {}): { X: Matrix; y: Float64Array } {
  const m = checkArray(X, options);
  return { X: m, y: checkVector(y, { length: m.rows }) };
}

/**
 * Validates class labels: finite, one per sample, at least two distinct classes.
 * Returns the sorted distinct classes and each sample's class index.
 */
export function checkClassLabels(y: VectorLike, nSamples: number, name = 'y'): { classes: number[]; yIndex: Int32Array } {
  const v = checkVector(y, { name, length: nSamples });
  const classes = Array.from(new Set(v)).sort((a, b) => a - b);
  if (classes.length < 2) throw new ValidationError(name, 'single-class', `needs at least 2 classes, got only ${classes[0]}`);
  const index = new Map(classes.map((c, k) => [c, k]));
  const yIndex = new Int32Array(v.length);
  for (let i = 0; i < v.length; i++) yIndex[i] = index.get(v[i]) as number;
  return { classes, yIndex };
}

/** The first index of a non-finite value, or −1. */
export function firstNonFinite(a: ArrayLike<number>): number {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return i;
  return -1;
}

/** Options of {@link checkScalar}. */
export interface CheckScalarOptions {
  /** Smallest value allowed. */
  min?: number;
  /** Largest value allowed. */
  max?: number;
  /** Whether `min` itself is excluded (e.g. C > 0). */
  exclusiveMin?: boolean;
  /** Whether the value must be an integer. */
  integer?: boolean;
}

/** Validates a numeric option such as `C`, `alpha` or `nClusters`, and returns it. */
export function checkScalar(value: unknown, name: string, options: CheckScalarOptions = {}): number {
  const { min, max, exclusiveMin = false, integer = false } = options;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ValidationError(name, 'not-finite', `must be a finite number, got ${String(value)}`);
  if (integer && !Number.isInteger(value)) throw new ValidationError(name, 'not-integer', `must be an integer, got ${value}`);
  if (min !== undefined && (exclusiveMin ? value <= min : value < min)) {
    throw new ValidationError(name, 'out-of-range', `must be ${exclusiveMin ? '>' : '≥'} ${min}, got ${value}`);
  }
  if (max !== undefined && value > max) throw new ValidationError(name, 'out-of-range', `must be ≤ ${max}, got ${value}`);
  return value;
}

/** Validates that an option is one of the allowed strings. */
export function checkOneOf<T extends string>(value: unknown, name: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw new ValidationError(name, 'bad-option', `must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${JSON.stringify(value)}`);
  return value as T;
}

/** Checks that a new sample matrix has as many features as the model was fitted on. */
export function checkFeatureCount(X: Matrix, nFeatures: number, name = 'X'): void {
  if (X.cols !== nFeatures) throw new ValidationError(name, 'shape-mismatch', `has ${X.cols} features, but the model was fitted with ${nFeatures}`);
}
