/**
 * The waveform side of the manifold explainer, DOM-free and React-free (the fit worker
 * bundles it): 3-component windows as points of ℝ^{3L}, and their PCA. {@link
 * manifoldWindowsTask} runs both in the worker, one step per PCA fit.
 */
import { PCA, RandomState, ValidationError } from '@geolearn/algorithms';
import type { TaskStep } from '../worker/registry';

/** Options of {@link makeWindows}. */
export interface WindowOptions {
  /** Windows per set. */
  count: number;
  /** Samples per component (3 components). */
  length: number;
  /** Onset jitter (standard deviation, s). */
  jitter: number;
  /** Seed. */
  seed: number;
}

/** Sampling rate of the windows, Hz. */
export const WINDOW_RATE = 50;

/** Scales a vector to unit Euclidean norm (in place); a zero vector stays zero. */
function normalise(x: number[]): number[] {
  const n = Math.hypot(...x);
  if (n > 0) for (let i = 0; i < x.length; i++) x[i] /= n;
  return x;
}

/**
 * The two sets of 3-component windows (rows of 3L numbers: Z, then N, then E): seismic,
 * x_c(t) = p_c · w_f(t − t₀ − τ) + 0.02·noise, with p uniform on the unit sphere, f uniform in
 * [3, 7] Hz, t₀ = L/(3·fs) and τ ~ N(0, jitter²); and white Gaussian noise. Each row has norm 1.
 */
export function makeWindows({ count, length, jitter, seed }: WindowOptions): { seismic: number[][]; noise: number[][] } {
  const rng = new RandomState(seed);
  const fs = WINDOW_RATE;
  const t0 = length / (3 * fs);
  const seismic: number[][] = [];
  const noise: number[][] = [];
  for (let k = 0; k < count; k++) {
    // A uniform direction on the sphere: a normalised Gaussian vector.
    const p = normalise([rng.normal(), rng.normal(), rng.normal()]);
    const f = rng.uniform(3, 7);
    const tau = jitter * rng.normal();
    const row: number[] = [];
    for (let c = 0; c < 3; c++) {
      for (let i = 0; i < length; i++) {
        const a = Math.PI * f * (i / fs - t0 - tau);
        row.push(p[c] * (1 - 2 * a * a) * Math.exp(-a * a) + 0.02 * rng.normal());
      }
    }
    seismic.push(normalise(row));
    noise.push(normalise(Array.from({ length: 3 * length }, () => rng.normal())));
  }
  return { seismic, noise };
}

/** Cumulative explained-variance ratio of PCA fitted on `X`, for k = 1 … kMax components. */
export function cumulativeVariance(X: number[][], kMax: number): number[] {
  const pca = new PCA({ svdSolver: 'covariance_eigh' }).fit(X);
  const out: number[] = [];
  let s = 0;
  for (let k = 0; k < kMax; k++) out.push((s += pca.explainedVarianceRatio[k] ?? 0));
  return out;
}

/** What the waveform panel shows. */
export interface WindowProjection {
  /** Seismic windows in the first three principal axes. */
  seismic: [number, number, number][];
  /** Noise windows in the same axes. */
  noise: [number, number, number][];
  /** Share of the total variance of all windows along each of the three axes. */
  ratio: [number, number, number];
  /** Cumulative explained variance of PCA fitted on each set alone, k = 1 … kMax. */
  curves: { seismic: number[]; noise: number[] };
  /** Smallest k with 90 % of the variance, per set (null beyond kMax). */
  k90: { seismic: number | null; noise: number | null };
  /** Dimension of a window, 3L. */
  dimension: number;
}

/** Components shown in the explained-variance curves. */
export const K_MAX = 40;

/**
 * Projects both sets on the first three principal axes of all windows, and their own variance
 * curves: three PCA fits, one step (with its progress) after each.
 */
export function* projectWindowsSteps(w: { seismic: number[][]; noise: number[][] }, kMax = K_MAX): Generator<TaskStep, WindowProjection, undefined> {
  const all = [...w.seismic, ...w.noise];
  const pca = new PCA({ nComponents: 3, svdSolver: 'covariance_eigh' }).fit(all);
  const Z = pca.transform(all) as number[][];
  yield { progress: 0.5 };
  const n = w.seismic.length;
  const as3 = (r: number[]) => [r[0], r[1], r[2]] as [number, number, number];
  const dimension = all[0]?.length ?? 0;
  const km = Math.min(kMax, dimension, n);
  const seismic = cumulativeVariance(w.seismic, km);
  yield { progress: 0.75 };
  const curves = { seismic, noise: cumulativeVariance(w.noise, km) };
  const k90 = (c: number[]) => {
    const i = c.findIndex((v) => v >= 0.9);
    return i < 0 ? null : i + 1;
  };
  const r = pca.explainedVarianceRatio;
  return {
    seismic: Z.slice(0, n).map(as3),
    noise: Z.slice(n).map(as3),
    ratio: [r[0] ?? 0, r[1] ?? 0, r[2] ?? 0],
    curves,
    k90: { seismic: k90(curves.seismic), noise: k90(curves.noise) },
    dimension,
  };
}

/** {@link projectWindowsSteps} run to its end on this thread. */
export function projectWindows(w: { seismic: number[][]; noise: number[][] }, kMax = K_MAX): WindowProjection {
  const it = projectWindowsSteps(w, kMax);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

/** Fewest and most windows per set, and samples per component (the props' ranges). */
export const WINDOW_LIMITS = { count: [20, 400], length: [8, 128] } as const;

/** The options checked, or a ValidationError naming the field. */
export function checkWindowOptions(o: unknown): WindowOptions {
  if (typeof o !== 'object' || o === null) throw new ValidationError('payload', 'wrong-type', 'must be an object { count, length, jitter, seed }');
  const { count, length, jitter, seed } = o as Record<string, unknown>;
  for (const [name, v] of [['count', count], ['length', length]] as const) {
    const [lo, hi] = WINDOW_LIMITS[name];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi) throw new ValidationError(name, 'out-of-range', `must be an integer in [${lo}, ${hi}], got ${String(v)}`);
  }
  if (typeof jitter !== 'number' || !Number.isFinite(jitter) || jitter < 0 || jitter > 1) throw new ValidationError('jitter', 'out-of-range', `must be a number of seconds in [0, 1], got ${String(jitter)}`);
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0) throw new ValidationError('seed', 'out-of-range', `must be an integer ≥ 0, got ${String(seed)}`);
  return { count: count as number, length: length as number, jitter, seed };
}

/**
 * The worker task 'manifold.windows' (registered in `worker/registry.ts`): the payload is
 * checked ({@link checkWindowOptions}), the windows drawn ({@link makeWindows}) and projected
 * ({@link projectWindowsSteps}).
 */
export function* manifoldWindowsTask(payload: unknown): Generator<TaskStep, WindowProjection, undefined> {
  const o = checkWindowOptions(payload);
  yield { progress: 0 };
  const w = makeWindows(o);
  yield { progress: 0.1 };
  return yield* projectWindowsSteps(w);
}
