/**
 * A small decoder toolkit for `fromJSON`: every field of an untrusted document is read
 * through one of these, which check its type, length, shape and finiteness and throw
 * `ValidationError('json', problem, '<path> …')` naming the field (`json.coef[3] is "x"`).
 * A document decoded this way can never make a model that crashes, hangs or predicts NaN.
 */
import { ValidationError, type ValidationProblem } from './errors';
import { LIMITS } from './validation';

/** A plain object read from JSON: only its own keys, on a null prototype. */
export type JsonObject = { readonly [key: string]: unknown };

/** The error for field `path`. */
export function jsonError(path: string, problem: ValidationProblem, detail: string): ValidationError {
  return new ValidationError('json', problem, `${path} ${detail}`);
}

function kind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `a string ${JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}…` : v)}`;
  return `a ${typeof v}`;
}

function missing(v: unknown, path: string, expected: string): void {
  if (v === undefined) throw jsonError(path, 'missing-value', `is missing; expected ${expected}`);
  if (v === null) throw jsonError(path, 'missing-value', `is null; expected ${expected}`);
}

/**
 * Reads a plain object (not an array, not null). With `keys`, only those keys are kept
 * (unknown ones are dropped); without, every own key is. The copy has a null prototype, so
 * a `__proto__` key is plain data.
 */
export function readObject(v: unknown, path: string, keys?: readonly string[]): JsonObject {
  missing(v, path, 'an object');
  if (typeof v !== 'object' || Array.isArray(v)) throw jsonError(path, 'wrong-type', `is ${kind(v)}; expected an object`);
  const src = v as Record<string, unknown>;
  const out: Record<string, unknown> = Object.create(null);
  for (const k of keys ?? Object.keys(src)) if (Object.prototype.hasOwnProperty.call(src, k)) out[k] = src[k];
  return out;
}

/** Options of {@link readNumber}. */
export interface ReadNumberOptions {
  min?: number;
  max?: number;
  exclusiveMin?: boolean;
  integer?: boolean;
}

/** Reads a finite number within optional bounds. */
export function readNumber(v: unknown, path: string, o: ReadNumberOptions = {}): number {
  missing(v, path, 'a number');
  if (typeof v !== 'number') throw jsonError(path, 'wrong-type', `is ${kind(v)}; expected a number`);
  if (!Number.isFinite(v)) throw jsonError(path, 'not-finite', `is ${v}; expected a finite number`);
  if (o.integer && !Number.isInteger(v)) throw jsonError(path, 'not-integer', `is ${v}; expected an integer`);
  if (o.min !== undefined && (o.exclusiveMin ? v <= o.min : v < o.min)) throw jsonError(path, 'out-of-range', `is ${v}; expected ${o.exclusiveMin ? '>' : '≥'} ${o.min}`);
  if (o.max !== undefined && v > o.max) throw jsonError(path, 'out-of-range', `is ${v}; expected ≤ ${o.max}`);
  return v;
}

/** Reads an integer in [min, max] (default: a non-negative safe integer). */
export function readInt(v: unknown, path: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  return readNumber(v, path, { min, max, integer: true });
}

/** Reads a boolean. */
export function readBoolean(v: unknown, path: string): boolean {
  missing(v, path, 'true or false');
  if (typeof v !== 'boolean') throw jsonError(path, 'wrong-type', `is ${kind(v)}; expected true or false`);
  return v;
}

/** Reads one of a fixed list of values. */
export function readEnum<T extends string | number | null>(v: unknown, path: string, values: readonly T[]): T {
  if (!values.includes(v as T)) {
    if (v === undefined) throw jsonError(path, 'missing-value', `is missing; expected one of ${values.map((x) => JSON.stringify(x)).join(', ')}`);
    throw jsonError(path, 'bad-option', `is ${kind(v)}; expected one of ${values.map((x) => JSON.stringify(x)).join(', ')}`);
  }
  return v as T;
}

/** Length constraints of {@link readArray}. */
export interface ReadArrayOptions {
  /** The exact length required. */
  length?: number;
  /** The fewest entries. Default 0. */
  minLength?: number;
  /** The most entries. Default {@link LIMITS}.maxJsonArray. */
  maxLength?: number;
}

/** Reads an array, each entry through `item(value, path)`. */
export function readArray<T>(v: unknown, path: string, item: (value: unknown, path: string) => T, o: ReadArrayOptions = {}): T[] {
  missing(v, path, 'an array');
  if (!Array.isArray(v)) throw jsonError(path, 'wrong-type', `is ${kind(v)}; expected an array`);
  const maxLength = o.maxLength ?? LIMITS.maxJsonArray;
  if (v.length > maxLength) throw jsonError(path, 'too-large', `has ${v.length} entries; at most ${maxLength} allowed`);
  if (o.length !== undefined && v.length !== o.length) throw jsonError(path, 'length-mismatch', `has ${v.length} entries; expected ${o.length}`);
  if (o.minLength !== undefined && v.length < o.minLength) throw jsonError(path, v.length === 0 ? 'empty' : 'length-mismatch', `has ${v.length} entries; expected at least ${o.minLength}`);
  const out = new Array<T>(v.length);
  for (let i = 0; i < v.length; i++) out[i] = item(v[i], `${path}[${i}]`);
  return out;
}

/** Reads an array of finite numbers, of exactly `length` entries when given. */
export function readFiniteArray(v: unknown, path: string, length?: number, o: ReadNumberOptions = {}): number[] {
  return readArray(v, path, (x, p) => readNumber(x, p, o), { length });
}

/** Reads an array of integers in [min, max], of exactly `length` entries when given. */
export function readIntArray(v: unknown, path: string, length: number | undefined, min = 0, max = Number.MAX_SAFE_INTEGER): number[] {
  return readArray(v, path, (x, p) => readInt(x, p, min, max), { length });
}

/** Reads a matrix (array of rows) of finite numbers; `rows` and `cols` fix its shape when given, else the rows must agree. */
export function readMatrix(v: unknown, path: string, rows?: number, cols?: number): number[][] {
  let width = cols;
  return readArray(
    v,
    path,
    (r, p) => {
      const row = readFiniteArray(r, p, width);
      width ??= row.length;
      return row;
    },
    { length: rows },
  );
}

/** Reads a value that may be null, through `fn` otherwise. */
export function readNullable<T>(v: unknown, path: string, fn: (value: unknown, path: string) => T): T | null {
  return v === null ? null : fn(v, path);
}

/** Reads a list of distinct class labels (integers, strictly increasing, at least 2). */
export function readClasses(v: unknown, path: string): number[] {
  const c = readArray(v, path, (x, p) => readNumber(x, p, { integer: true }), { minLength: 2 });
  for (let k = 1; k < c.length; k++) if (!(c[k] > c[k - 1])) throw jsonError(`${path}[${k}]`, 'out-of-range', `is ${c[k]}; classes must be sorted and distinct`);
  return c;
}
