import { ValidationError } from './errors';
import type { Matrix, MatrixLike, TypedMatrix, VectorLike } from './matrix';

function isTypedMatrix(x: unknown): x is TypedMatrix {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && 'data' in x && 'rows' in x && 'cols' in x;
}

/**
 * A short description of any value for an error message, safe for every input: it never
 * calls a user's toString (which may be missing, throw or loop) nor stringifies a symbol.
 */
export function describeValue(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v.length > 30 ? `${v.slice(0, 30)}…` : v);
    case 'number':
    case 'boolean':
    case 'undefined':
    case 'bigint':
      return `${String(v)}${typeof v === 'bigint' ? 'n' : ''}`;
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      return v === null ? 'null' : Array.isArray(v) ? 'an array' : ArrayBuffer.isView(v) ? 'a typed array' : 'an object';
  }
}

/** Whether `a` is a typed array of numbers (not a DataView, not a BigInt64Array). */
function isNumericTypedArray(a: unknown): a is ArrayLike<number> {
  return ArrayBuffer.isView(a) && !(a instanceof DataView) && !(a instanceof BigInt64Array) && !(a instanceof BigUint64Array);
}

/** Whether `a` is a row GeoLearn reads: a plain array or a typed array of numbers. */
function isRow(a: unknown): a is ArrayLike<unknown> {
  return Array.isArray(a) || isNumericTypedArray(a);
}

/**
 * The error for an entry that is not a finite number, with the strict problem codes:
 * null/undefined/holes → 'missing-value'; arrays → 'too-many-dimensions'; strings,
 * booleans, objects → 'not-a-number'; NaN/±∞ → 'not-finite'. Nothing is ever coerced
 * (JavaScript would read null as 0, true as 1, '7' as 7 and [5] as 5).
 */
export function entryError(name: string, where: string, v: unknown): ValidationError {
  if (v === null || v === undefined) return new ValidationError(name, 'missing-value', `entry ${where} is missing (${String(v)}); fill or drop missing values first`);
  if (isRow(v)) return new ValidationError(name, 'too-many-dimensions', `entry ${where} is an array; ${name} has too many dimensions`);
  if (typeof v !== 'number') {
    return new ValidationError(name, 'not-a-number', `entry ${where} is ${describeValue(v)} (a ${typeof v}), not a number`);
  }
  return new ValidationError(name, 'not-finite', `entry ${where} is ${v}; values must be finite numbers`);
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
 * Accepts rows that are plain or typed arrays of finite numbers, or a typed matrix
 * `{ rows, cols, data }`. Rejects, naming the first offending entry: a non-array, no rows,
 * no columns, ragged rows, a 1-D or 3-D array, missing values (null/undefined/holes),
 * non-numbers (strings, booleans: never coerced) and NaN or ±Infinity.
 */
export function checkArray(X: MatrixLike, options: CheckArrayOptions = {}): Matrix {
  const { name = 'X', minSamples = 1, minFeatures = 1 } = options;
  let out: Matrix;
  if (isTypedMatrix(X)) {
    const { rows, cols, data } = X as { rows: unknown; cols: unknown; data: unknown };
    if (!Number.isSafeInteger(rows) || !Number.isSafeInteger(cols) || (rows as number) < 0 || (cols as number) < 0) {
      throw new ValidationError(name, 'shape-mismatch', `a typed matrix needs non-negative integer rows and cols, got ${describeValue(rows)}×${describeValue(cols)}`);
    }
    if (!isRow(data)) throw new ValidationError(name, 'wrong-type', 'a typed matrix needs data as a Float64Array, Float32Array or array of numbers');
    const r = rows as number;
    const c = cols as number;
    if (data.length !== r * c) throw new ValidationError(name, 'shape-mismatch', `a typed matrix of ${r}×${c} needs ${r * c} values, got ${data.length}`);
    if (r === 0) throw new ValidationError(name, 'empty', 'no samples (a typed matrix of 0 rows)');
    const buf = new Float64Array(r * c);
    if (data instanceof Float64Array || data instanceof Float32Array) {
      // Typed data holds numbers only: one bulk copy, then a monomorphic finiteness scan
      // (the generic loop below reads through a union type, about 5× slower).
      buf.set(data);
      for (let k = 0; k < buf.length; k++) {
        const v = buf[k];
        if (v - v !== 0) throw entryError(name, `[${Math.floor(k / Math.max(c, 1))}][${k % Math.max(c, 1)}]`, v);
      }
    } else {
      for (let k = 0; k < buf.length; k++) {
        const v = data[k];
        if (typeof v !== 'number' || v - v !== 0) throw entryError(name, `[${Math.floor(k / Math.max(c, 1))}][${k % Math.max(c, 1)}]`, v);
        buf[k] = v;
      }
    }
    out = { rows: r, cols: c, data: buf };
  } else {
    if (!Array.isArray(X)) throw new ValidationError(name, 'bad-option', 'expected an array of rows or a typed matrix { rows, cols, data }');
    const n = X.length;
    if (n === 0) throw new ValidationError(name, 'empty', 'no samples (an empty array)');
    const first: unknown = X[0];
    if (!isRow(first)) {
      if (first === null || first === undefined) throw new ValidationError(name, 'missing-value', 'row 0 is missing');
      throw new ValidationError(name, 'bad-option', `row 0 is ${typeof first === 'number' ? 'a number' : `a ${typeof first}`}, not an array; X must be 2-D (rows = samples, e.g. [[x0], [x1]])`);
    }
    const d = first.length;
    const data = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      const r: unknown = X[i];
      if (!isRow(r)) {
        if (r === null || r === undefined) throw new ValidationError(name, 'missing-value', `row ${i} is missing`);
        throw new ValidationError(name, 'not-a-number', `row ${i} is a ${typeof r}, not an array of numbers`);
      }
      if (r.length !== d) throw new ValidationError(name, 'ragged', `row ${i} has ${r.length} values, expected ${d} like row 0 (ragged rows)`);
      const o = i * d;
      for (let j = 0; j < d; j++) {
        const v = r[j];
        // v − v is 0 exactly for finite numbers (NaN and ±∞ give NaN).
        if (typeof v !== 'number' || v - v !== 0) throw entryError(name, `[${i}][${j}]`, v);
        data[o + j] = v;
      }
    }
    out = { rows: n, cols: d, data };
  }
  if (out.rows < minSamples) {
    throw new ValidationError(name, out.rows === 0 ? 'empty' : 'out-of-range', `needs at least ${minSamples} samples, got ${out.rows}`);
  }
  if (out.cols < minFeatures) {
    throw new ValidationError(name, 'empty', `needs at least ${minFeatures} features, got ${out.cols}`);
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

/**
 * Validates a 1-D array (plain or typed) of finite numbers and copies it to a Float64Array.
 * Strict like {@link checkArray}: null → 'missing-value', strings and booleans →
 * 'not-a-number', nested arrays → 'too-many-dimensions'.
 */
export function checkVector(y: VectorLike, options: CheckVectorOptions = {}): Float64Array {
  const { name = 'y', length } = options;
  if (!isRow(y)) {
    if (y === null || y === undefined) throw new ValidationError(name, 'missing-value', `is ${String(y)}; expected an array of numbers`);
    throw new ValidationError(name, 'bad-option', `expected an array of numbers, got ${typeof y === 'string' ? 'a string' : typeof y}`);
  }
  if (y.length === 0) throw new ValidationError(name, 'empty', 'no values (an empty array)');
  if (length !== undefined && y.length !== length) {
    throw new ValidationError(name, 'length-mismatch', `has ${y.length} values but X has ${length} samples`);
  }
  const out = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) {
    const v: unknown = y[i];
    if (typeof v !== 'number' || v - v !== 0) throw entryError(name, `[${i}]`, v);
    out[i] = v;
  }
  return out;
}

/** Validates X and y together: y must have one value per row of X. */
export function checkXy(X: MatrixLike, y: VectorLike, options: CheckArrayOptions = {}): { X: Matrix; y: Float64Array } {
  const m = checkArray(X, options);
  return { X: m, y: checkVector(y, { length: m.rows }) };
}

/** The kind of target, as scikit-learn's `type_of_target`. */
export type TargetType = 'binary' | 'multiclass' | 'continuous' | 'multilabel-indicator' | 'multiclass-multioutput' | 'continuous-multioutput' | 'unknown';

/**
 * What kind of target `y` is, as scikit-learn's `type_of_target`: a 1-D array of integers
 * with at most 2 distinct values is 'binary', with more 'multiclass'; any non-integer value
 * makes it 'continuous' (a regression target). A 2-D array of 0/1 with several columns is
 * 'multilabel-indicator', of other integers 'multiclass-multioutput', else
 * 'continuous-multioutput' (a single column counts as 1-D). Anything else (strings,
 * null, NaN, ragged rows, empty) is 'unknown'. Never throws.
 */
export function typeOfTarget(y: unknown): TargetType {
  if (!isRow(y) || y.length === 0) return 'unknown';
  const first: unknown = y[0];
  if (isRow(first)) {
    const d = first.length;
    if (d === 0) return 'unknown';
    let integer = true;
    let binary01 = true;
    for (let i = 0; i < y.length; i++) {
      const r: unknown = y[i];
      if (!isRow(r) || r.length !== d) return 'unknown';
      for (let j = 0; j < d; j++) {
        const v: unknown = r[j];
        if (typeof v !== 'number' || v - v !== 0) return 'unknown';
        if (!Number.isInteger(v)) integer = false;
        if (v !== 0 && v !== 1) binary01 = false;
      }
    }
    if (d === 1) return typeOfTarget(Array.from(y as ArrayLike<ArrayLike<number>>, (r) => r[0]));
    if (!integer) return 'continuous-multioutput';
    return binary01 ? 'multilabel-indicator' : 'multiclass-multioutput';
  }
  const seen = new Set<number>();
  let integer = true;
  for (let i = 0; i < y.length; i++) {
    const v: unknown = y[i];
    if (typeof v !== 'number' || v - v !== 0) return 'unknown';
    if (!Number.isInteger(v)) integer = false;
    if (seen.size <= 2) seen.add(v);
  }
  if (!integer) return 'continuous';
  return seen.size <= 2 ? 'binary' : 'multiclass';
}

/**
 * Validates classification targets: a 1-D array of finite numbers, one per sample, that
 * are class labels (integers) rather than a continuous quantity. Rejects continuous
 * targets with problem 'bad-label-type', as scikit-learn's "Unknown label type:
 * 'continuous'": a classifier fed y = [0.1, 0.47, …] would otherwise make every sample
 * its own class.
 */
export function checkClassificationTargets(y: VectorLike, nSamples: number | undefined, name = 'y'): Float64Array {
  const v = checkVector(y, { name, length: nSamples });
  for (let i = 0; i < v.length; i++) {
    if (!Number.isInteger(v[i])) {
      throw new ValidationError(name, 'bad-label-type', `Unknown label type: continuous (${name}[${i}] = ${v[i]}); a classifier needs class labels (integers). Use a regressor, or bin the target into classes`);
    }
  }
  return v;
}

/**
 * Validates class labels: integers (see {@link checkClassificationTargets}), one per sample,
 * at least two distinct classes. Returns the sorted distinct classes and each sample's class index.
 */
export function checkClassLabels(y: VectorLike, nSamples: number, name = 'y'): { classes: number[]; yIndex: Int32Array } {
  const v = checkClassificationTargets(y, nSamples, name);
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
  if (value === null || value === undefined) throw new ValidationError(name, 'missing-value', `must be a finite number, got ${String(value)}`);
  if (typeof value !== 'number') throw new ValidationError(name, 'not-a-number', `must be a finite number, got ${typeof value === 'string' ? JSON.stringify(value.slice(0, 20)) : `a ${typeof value}`}`);
  if (!Number.isFinite(value)) throw new ValidationError(name, 'not-finite', `must be a finite number, got ${String(value)}`);
  if (integer && !Number.isInteger(value)) throw new ValidationError(name, 'not-integer', `must be an integer, got ${value}`);
  if (min !== undefined && (exclusiveMin ? value <= min : value < min)) {
    throw new ValidationError(name, 'out-of-range', `must be ${exclusiveMin ? '>' : '≥'} ${min}, got ${value}`);
  }
  if (max !== undefined && value > max) throw new ValidationError(name, 'out-of-range', `must be ≤ ${max}, got ${value}`);
  return value;
}

/** Validates that an option is one of the allowed strings. */
export function checkOneOf<T extends string>(value: unknown, name: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw new ValidationError(name, 'bad-option', `must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${describeValue(value)}`);
  return value as T;
}

/** Checks that a new sample matrix has as many features as the model was fitted on. */
export function checkFeatureCount(X: Matrix, nFeatures: number, name = 'X'): void {
  if (X.cols !== nFeatures) throw new ValidationError(name, 'shape-mismatch', `has ${X.cols} features, but the model was fitted with ${nFeatures}`);
}

/**
 * Documented size limits of GeoLearn. Every function that allocates from a size the user
 * chose checks it against these first (see {@link checkSize}), so that a typo such as
 * `degree: 30` or `nSamples: 1e9` gives a ValidationError instead of an uncatchable
 * out-of-memory abort or a frozen tab.
 */
export const LIMITS = Object.freeze({
  /** Most numbers in one dense output (n × d): 2²⁶ ≈ 67 million, 512 MiB as Float64. */
  maxElements: 2 ** 26,
  /** Most output columns of a feature expansion (PolynomialFeatures). */
  maxFeatures: 100_000,
  /** Most entries in one array read from a JSON document. */
  maxJsonArray: 2 ** 24,
});

/**
 * Throws ValidationError(name, 'too-large') when `needed` (the size an allocation would
 * take, e.g. rows × output columns) exceeds `limit`. The message gives the size needed,
 * so that the caller sees how far over the limit the request was.
 */
export function checkSize(name: string, needed: number, limit: number = LIMITS.maxElements, what = 'values'): void {
  if (!(needed <= limit)) {
    const shown = Number.isFinite(needed) ? (needed >= 1e6 ? needed.toExponential(2) : String(needed)) : String(needed);
    throw new ValidationError(name, 'too-large', `would need ${shown} ${what}, above the limit of ${limit.toLocaleString('en-US')}`);
  }
}

/** Numbers, arrays of numbers or arrays of those (rows), as fits and predictions produce them. */
export type NumericResult = number | ArrayLike<number> | ReadonlyArray<ArrayLike<number>>;

/**
 * Checks that a result computed from finite inputs is finite. Doubles overflow at about
 * 1.8e308, so squares of features of order 1e154 (and sums of products of larger ones)
 * become ±∞ and then NaN. Instead of returning those silently, fits and predictions call
 * this and throw ValidationError(argument, 'overflow', …) naming the likely cause.
 * @param values the result (a number, a vector or rows).
 * @param what what was being computed, for the message ("LinearRegression coefficients").
 * @param argument the argument to blame. Default 'X'.
 */
export function checkFiniteResult(values: NumericResult, what: string, argument = 'X'): void {
  const bad = (v: number) => {
    throw new ValidationError(argument, 'overflow', `${what} is ${v}: values too large for double precision (features of order 1e154 overflow when squared); standardise them (StandardScaler) or rescale`);
  };
  if (typeof values === 'number') {
    if (values - values !== 0) bad(values);
    return;
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'number') {
      if (v - v !== 0) bad(v);
    } else {
      for (let j = 0; j < v.length; j++) if (v[j] - v[j] !== 0) bad(v[j]);
    }
  }
}
