import { ValidationError } from '../core/errors';
import { jsonError, readArray, readMatrix } from '../core/json';
import { checkFiniteResult, checkScalar } from '../core/validation';

/** Validates a cluster or component count against the number of samples. */
export function checkCount(k: unknown, nSamples: number, name = 'nClusters'): number {
  const v = checkScalar(k, name, { min: 1, integer: true });
  if (v > nSamples) throw new ValidationError(name, 'out-of-range', `${name} = ${v} is more than the ${nSamples} samples`);
  return v;
}

/** A flat row-major matrix as frozen rows. */
export function frozenMatrix(data: ArrayLike<number>, rows: number, cols: number, offset = 0): readonly (readonly number[])[] {
  const out: (readonly number[])[] = [];
  for (let i = 0; i < rows; i++) {
    const r = new Array<number>(cols);
    for (let j = 0; j < cols; j++) r[j] = data[offset + i * cols + j];
    out.push(Object.freeze(r));
  }
  return Object.freeze(out);
}

/**
 * A frozen labels view over a private copy: the number[] is built on first read, so that a
 * stepper pays for it only for the snapshots it shows.
 */
export function lazyLabels(copy: Int32Array | null): () => readonly number[] | null {
  let cache: readonly number[] | null = null;
  return () => {
    if (!copy) return null;
    if (!cache) cache = Object.freeze(Array.from(copy));
    return cache;
  };
}

/** Row-major flat copy of nested rows (already validated). */
export function flatten(rows: ReadonlyArray<ArrayLike<number>>, cols: number): Float64Array {
  const out = new Float64Array(rows.length * cols);
  rows.forEach((r, i) => out.set(r as ArrayLike<number>, i * cols));
  return out;
}

/**
 * Reads a JSON matrix of `rows` rows (when given) of at least one finite column, all rows
 * the same width (`cols` when given): the centres, means or components a predict path reads.
 */
export function readRows(v: unknown, path: string, rows?: number, cols?: number): number[][] {
  const M = readMatrix(v, path, rows, cols);
  if (M.length === 0) throw jsonError(path, 'empty', 'has no rows');
  if (M[0].length === 0) throw jsonError(`${path}[0]`, 'empty', 'has no columns');
  return M;
}

/**
 * Fails with 'overflow' when the spread of X, Σᵢⱼ (xᵢⱼ − x̄ⱼ)², is not finite in double
 * precision (features of order 1e154 and more): every distance-based fit would then compute
 * ∞ − ∞ = NaN somewhere. Checked once before the iterations, so that they never run on ∞.
 */
export function checkSpread(X: Float64Array, n: number, d: number, what: string): void {
  let s = 0;
  for (let j = 0; j < d; j++) {
    let m = 0;
    for (let i = 0; i < n; i++) m += X[i * d + j] / n;
    for (let i = 0; i < n; i++) {
      const t = X[i * d + j] - m;
      s += t * t;
    }
  }
  checkFiniteResult(s, `${what}: the sum of squared deviations of X`);
}

/** Reads a fitted model's list of warning strings (absent: none); at most 100, each cut to 1000 characters. */
export function readWarnings(v: unknown, path: string): string[] {
  if (v === undefined) return [];
  return readArray(
    v,
    path,
    (s, p) => {
      if (typeof s !== 'string') throw jsonError(p, 'wrong-type', `is ${s === null ? 'null' : typeof s}; expected a string`);
      return s.slice(0, 1000);
    },
    { maxLength: 100 },
  );
}
