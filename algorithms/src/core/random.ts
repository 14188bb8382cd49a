import { ValidationError } from './errors';

/**
 * The one seeded random generator of GeoLearn. Every randomised function takes a
 * `randomState` option (a seed or a {@link RandomState}) and draws from it, so that a
 * figure, a fit or a dataset is the same on every run and every machine.
 *
 * The core is Mulberry32: a 32-bit state advanced by a Weyl step (+0x6D2B79F5) and
 * scrambled by two xor-shift-multiply rounds. Period 2³², good enough for teaching
 * and far better than an LCG's low bits.
 */
export class RandomState {
  private state: number;
  /** A cached second normal deviate from the last Box–Muller pair. */
  private spare: number | null = null;

  /** @param seed Any finite number; it is reduced to 32 bits. */
  constructor(seed = 0) {
    this.state = hashSeed(seed);
  }

  /** A uniform deviate in [0, 1). */
  random(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A uniform deviate in [low, high). */
  uniform(low = 0, high = 1): number {
    return low + (high - low) * this.random();
  }

  /** A uniform integer in [0, n). */
  randint(n: number): number {
    return Math.floor(this.random() * n);
  }

  /**
   * A normal deviate N(mean, std²) by the polar Box–Muller method:
   * for (u, v) uniform in the unit disc with s = u² + v², u·√(−2 ln s / s) is N(0, 1).
   */
  normal(mean = 0, std = 1): number {
    if (this.spare !== null) {
      const z = this.spare;
      this.spare = null;
      return mean + std * z;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * this.random() - 1;
      v = 2 * this.random() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    return mean + std * u * f;
  }

  /** Shuffles `a` in place (Fisher–Yates) and returns it. */
  shuffle<T>(a: T[]): T[] {
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.randint(i + 1);
      const t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }

  /** A random permutation of 0 … n−1. */
  permutation(n: number): number[] {
    return this.shuffle(Array.from({ length: n }, (_, i) => i));
  }

  /** `k` distinct indices from 0 … n−1 (partial Fisher–Yates). */
  choice(n: number, k: number): number[] {
    const idx = Array.from({ length: n }, (_, i) => i);
    for (let i = 0; i < k; i++) {
      const j = i + this.randint(n - i);
      const t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    return idx.slice(0, k);
  }

  /** A fresh 32-bit seed drawn from this stream, for seeding a child generator. */
  nextSeed(): number {
    return Math.floor(this.random() * 4294967296);
  }
}

/** Mixes a number into a 32-bit state so that nearby seeds give unrelated streams. */
function hashSeed(seed: number): number {
  let h = Math.floor(Number.isFinite(seed) ? seed : 0) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** A seed, a generator to share, or nothing (seed 0, so that results stay reproducible). */
export type RandomStateLike = number | RandomState | undefined | null;

/**
 * Validates a `randomState` option: a non-negative safe integer seed, a {@link RandomState}
 * to share, or undefined/null (the default). NaN, ±∞, strings, negative, fractional and
 * huge values (1e300, which would all collapse to one 32-bit seed) are rejected.
 * @returns the value, with null turned into undefined.
 */
export function validateRandomState(value: unknown, name = 'randomState'): number | RandomState | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof RandomState) return value;
  const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 30)) : typeof value === 'number' ? String(value) : `a ${typeof value}`;
  if (typeof value !== 'number') throw new ValidationError(name, 'not-a-number', `must be a non-negative integer seed or a RandomState, got ${shown}`);
  if (!Number.isFinite(value)) throw new ValidationError(name, 'not-finite', `must be a non-negative integer seed, got ${shown}`);
  if (!Number.isInteger(value)) throw new ValidationError(name, 'not-integer', `must be a non-negative integer seed, got ${shown}`);
  if (value < 0 || value > Number.MAX_SAFE_INTEGER) throw new ValidationError(name, 'out-of-range', `must be an integer seed in [0, 2⁵³ − 1], got ${shown}`);
  return value;
}

/**
 * Turns a `randomState` option into a generator, as scikit-learn's `check_random_state`
 * does. Unlike scikit-learn, `undefined` means seed 0, never the clock: GeoLearn is
 * deterministic unless the caller asks otherwise.
 * @throws ValidationError for a seed that is not a non-negative safe integer (see {@link validateRandomState}).
 */
export function checkRandomState(randomState: RandomStateLike, name = 'randomState'): RandomState {
  const v = validateRandomState(randomState, name);
  if (v instanceof RandomState) return v;
  return new RandomState(v ?? 0);
}
