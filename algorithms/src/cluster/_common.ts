import { ValidationError } from '../core/errors';
import { checkScalar } from '../core/validation';

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
