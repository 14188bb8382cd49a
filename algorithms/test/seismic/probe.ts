/**
 * Table-driven bad-argument probing shared by the seismic, datasets and optimize tests: each
 * exported function is called with one argument (or one option field) replaced by a hostile
 * value, and the outcome must be a typed error (ValidationError, FormatError) or a result
 * holding no NaN, within a time bound (no hang).
 */
import { expect } from 'vitest';
import { ValidationError } from '../../src/core/errors';
import { FormatError } from '../../src/seismic/errors';

/** The hostile values every slot is tried with. */
export const BAD_VALUES: readonly unknown[] = [
  null,
  undefined,
  NaN,
  Infinity,
  -Infinity,
  'abc',
  '7',
  '',
  true,
  -1,
  0,
  2.5,
  1e12,
  -1e12,
  [],
  {},
  [NaN],
  [null],
  [1, 'a'],
  [[1, 2], [3]],
  // Finite but huge: squares overflow (an 'overflow' ValidationError, never ±∞ or NaN).
  Array.from({ length: 64 }, (_, i) => (i % 2 ? 1e300 : -1e300) * (1 + i / 64)),
];

/** Where a bad value goes: positional argument `arg`, or field `key` of the options object at `arg`. */
export interface Slot {
  arg: number;
  key?: string;
}

/** One function under test: a name, valid base arguments, and the slots to corrupt. */
export interface ProbeCase {
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any function signature, called with hostile arguments
  fn: (...args: any[]) => unknown;
  /** Valid arguments; they are deep-copied per call (options objects shallowly). */
  args: () => unknown[];
  slots: Slot[];
}

export type Outcome = 'typed-error' | 'valid-result' | 'untyped-error' | 'nan-result' | 'slow';

/** Whether a result holds a NaN anywhere (numbers, arrays, typed arrays, plain objects, generators drained). */
export function hasNaN(v: unknown, depth = 0, infinityToo = false): boolean {
  if (depth > 6) return false;
  const bad = (x: number) => Number.isNaN(x) || (infinityToo && Math.abs(x) === Infinity);
  if (typeof v === 'number') return bad(v);
  if (v === null || typeof v !== 'object') return false;
  if (ArrayBuffer.isView(v)) {
    const a = v as unknown as ArrayLike<number>;
    for (let i = 0; i < a.length; i++) if (bad(a[i])) return true;
    return false;
  }
  if (Array.isArray(v)) return v.some((x) => hasNaN(x, depth + 1, infinityToo));
  // `snr: Infinity` is the documented "no noise", echoed in results: the one infinity allowed.
  return Object.entries(v).some(([k, x]) => hasNaN(x, depth + 1, infinityToo && k !== 'snr'));
}

function isGenerator(v: unknown): v is Generator {
  return typeof v === 'object' && v !== null && typeof (v as Generator).next === 'function' && typeof (v as Generator)[Symbol.iterator] === 'function';
}

/** Calls f and classifies what happened; generators are drained (at most 2e6 steps). */
export function outcome(f: () => unknown, slowMs = 3000, infinityToo = false): { outcome: Outcome; error?: unknown } {
  const t0 = performance.now();
  try {
    let r = f();
    if (isGenerator(r)) {
      let last: unknown;
      for (let i = 0; i < 2e6; i++) {
        const s = r.next();
        if (s.done) {
          last = s.value;
          break;
        }
        if (hasNaN(s.value, 0, infinityToo)) return { outcome: 'nan-result' };
      }
      r = last;
    }
    if (performance.now() - t0 > slowMs) return { outcome: 'slow' };
    return { outcome: hasNaN(r, 0, infinityToo) ? 'nan-result' : 'valid-result' };
  } catch (e) {
    if (performance.now() - t0 > slowMs) return { outcome: 'slow', error: e };
    return e instanceof ValidationError || e instanceof FormatError ? { outcome: 'typed-error' } : { outcome: 'untyped-error', error: e };
  }
}

function copy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copy);
  if (ArrayBuffer.isView(v)) return (v as unknown as { slice(): unknown }).slice();
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x)]));
  return v;
}

/** Runs every case × slot × bad value; returns the tally and the failures (anything but a typed error or a NaN-free result). */
export function probe(cases: readonly ProbeCase[], values: readonly unknown[] = BAD_VALUES, infinityToo = false): { tally: Record<Outcome, number>; failures: string[]; total: number } {
  const tally: Record<Outcome, number> = { 'typed-error': 0, 'valid-result': 0, 'untyped-error': 0, 'nan-result': 0, slow: 0 };
  const failures: string[] = [];
  let total = 0;
  for (const c of cases) {
    // The base call itself must work.
    const base = outcome(() => c.fn(...(copy(c.args()) as unknown[])), 3000, infinityToo);
    if (base.outcome !== 'valid-result') failures.push(`${c.name}(valid args) → ${base.outcome} ${String(base.error ?? '')}`);
    for (const slot of c.slots) {
      for (const bad of values) {
        const args = copy(c.args()) as unknown[];
        if (slot.key === undefined) args[slot.arg] = bad;
        else args[slot.arg] = { ...(args[slot.arg] as object), [slot.key]: bad };
        const r = outcome(() => c.fn(...args), 3000, infinityToo);
        tally[r.outcome]++;
        total++;
        if (r.outcome !== 'typed-error' && r.outcome !== 'valid-result') {
          const where = slot.key === undefined ? `arg ${slot.arg}` : `arg ${slot.arg}.${slot.key}`;
          failures.push(`${c.name}: ${where} = ${describe(bad)} → ${r.outcome} ${r.error instanceof Error ? `${r.error.name}: ${r.error.message}` : ''}`);
        }
      }
    }
  }
  return { tally, failures, total };
}

function describe(v: unknown): string {
  if (typeof v === 'number' || v === undefined) return String(v);
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

/** Asserts a probe run had no failures, printing the tally (for the closing note's counts). */
export function expectNoFailures(area: string, r: ReturnType<typeof probe>): void {
  console.log(`[bad-args] ${area}: ${r.total} probes → ${JSON.stringify(r.tally)}`);
  expect(r.failures, r.failures.slice(0, 20).join('\n')).toEqual([]);
}

/** Every positional slot 0 … n−1 plus every listed option key at `arg`. */
export function slots(n: number, options?: { arg: number; keys: string[] }): Slot[] {
  const out: Slot[] = Array.from({ length: n }, (_, arg) => ({ arg }));
  if (options) for (const key of options.keys) out.push({ arg: options.arg, key });
  return out;
}

/**
 * Asserts that `f` throws the size guard's error: a ValidationError with problem 'too-large'
 * naming `argument`, its message matching `message` when given (e.g. the size it would need).
 */
export function expectTooLarge(f: () => unknown, argument: string, message?: RegExp): void {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).problem).toBe('too-large');
    expect((e as ValidationError).argument).toBe(argument);
    if (message) expect((e as Error).message).toMatch(message);
    return;
  }
  throw new Error('no error thrown');
}
