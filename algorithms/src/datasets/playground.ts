import { ValidationError } from '../core/errors';
import { checkRandomState, type RandomState, type RandomStateLike } from '../core/random';
import { checkOneOf, checkScalar } from '../core/validation';
import { checkDatasetSize, checkGeneratorOptions, type LabelledDataset } from './shapes';

/**
 * The data sets of the TensorFlow Playground (playground.tensorflow.org, Smilkov & Carter,
 * Apache-2.0), which the slides use to "learn visually": four 2-D classification sets and
 * two regression sets on the square [−6, 6]², generated with the Playground's recipes
 * (reimplemented here, seeded). The Playground labels classes −1 and +1; here they are
 * 0 and 1 (1 for the Playground's +1). Its "noise" slider (0–50 %) is `noise` in [0, 0.5].
 */

/** Options of the Playground generators. */
export interface PlaygroundOptions {
  /** Points. Default 500 for classification, 1200 for regression, as the Playground. */
  nSamples?: number;
  /** The Playground's noise level in [0, 0.5] (its slider's percentage / 100). Default 0. */
  noise?: number;
  /** Seed. Default 0. */
  randomState?: RandomStateLike;
}

/** The Playground's classification sets. */
export type PlaygroundClassificationName = 'circle' | 'xor' | 'gaussian' | 'spiral';
/** The Playground's regression sets. */
export type PlaygroundRegressionName = 'plane' | 'multi-gaussian';

function setup(options: PlaygroundOptions, defaultN: number): { n: number; noise: number; rng: RandomState } {
  options = checkGeneratorOptions(options);
  const n = checkScalar(options.nSamples ?? defaultN, 'nSamples', { min: 2, integer: true });
  checkDatasetSize('nSamples', 2 * n);
  const noise = checkScalar(options.noise ?? 0, 'noise', { min: 0, max: 1 });
  return { n, noise, rng: checkRandomState(options.randomState) };
}

/**
 * Circle: label 1 inside radius 2.5 (half of 5), 0 in the ring 3.5–5. Points are drawn
 * with r uniform in [0, 2.5] or [3.5, 5] and a uniform angle; the label is that of the
 * point moved by noise·U(−5, 5) on each axis, so noise flips labels near the boundary
 * while the points stay where they are (as in the Playground).
 */
export function playgroundCircle(options: PlaygroundOptions = {}): LabelledDataset {
  const { n, noise, rng } = setup(options, 500);
  const radius = 5;
  const X: number[][] = [];
  const y: number[] = [];
  const gen = (rMin: number, rMax: number, count: number) => {
    for (let i = 0; i < count; i++) {
      const r = rng.uniform(rMin, rMax);
      const angle = rng.uniform(0, 2 * Math.PI);
      const px = r * Math.sin(angle);
      const py = r * Math.cos(angle);
      const nx = rng.uniform(-radius, radius) * noise;
      const ny = rng.uniform(-radius, radius) * noise;
      X.push([px, py]);
      y.push(Math.hypot(px + nx, py + ny) < radius * 0.5 ? 1 : 0);
    }
  };
  gen(0, radius * 0.5, Math.floor(n / 2));
  gen(radius * 0.7, radius, n - Math.floor(n / 2));
  return { X, y };
}

/**
 * XOR: x, y uniform in [−5, 5], pushed 0.3 away from the axes; label 1 where x·y ≥ 0
 * (first and third quadrants), judged on the point moved by noise·U(−5, 5).
 */
export function playgroundXor(options: PlaygroundOptions = {}): LabelledDataset {
  const { n, noise, rng } = setup(options, 500);
  const pad = 0.3;
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    let px = rng.uniform(-5, 5);
    px += px > 0 ? pad : -pad;
    let py = rng.uniform(-5, 5);
    py += py > 0 ? pad : -pad;
    const nx = rng.uniform(-5, 5) * noise;
    const ny = rng.uniform(-5, 5) * noise;
    X.push([px, py]);
    y.push((px + nx) * (py + ny) >= 0 ? 1 : 0);
  }
  return { X, y };
}

/**
 * Two Gaussians: n/2 points around (2, 2) labelled 1 and n/2 around (−2, −2) labelled 0,
 * with variance 0.5 + 7·noise (the Playground maps noise 0–0.5 to variance 0.5–4).
 */
export function playgroundGaussian(options: PlaygroundOptions = {}): LabelledDataset {
  const { n, noise, rng } = setup(options, 500);
  const sd = Math.sqrt(0.5 + 7 * noise);
  const X: number[][] = [];
  const y: number[] = [];
  const half = Math.floor(n / 2);
  for (let i = 0; i < n; i++) {
    const [c, label] = i < half ? [2, 1] : [-2, 0];
    X.push([rng.normal(c, sd), rng.normal(c, sd)]);
    y.push(label);
  }
  return { X, y };
}

/**
 * Two interleaved spirals: for i < n/2, r = 5i/(n/2) and t = 1.75 · 2π · i/(n/2) + δ, the
 * point (r sin t, r cos t) plus noise·U(−1, 1) on each axis; δ = 0 gives label 1, δ = π label 0.
 * The hardest of the four: it needs several hidden layers or features such as sin x.
 */
export function playgroundSpiral(options: PlaygroundOptions = {}): LabelledDataset {
  const { n, noise, rng } = setup(options, 500);
  const m = Math.floor(n / 2);
  const X: number[][] = [];
  const y: number[] = [];
  const gen = (delta: number, label: number, count: number) => {
    for (let i = 0; i < count; i++) {
      const r = (i / count) * 5;
      const t = ((1.75 * i) / count) * 2 * Math.PI + delta;
      X.push([r * Math.sin(t) + rng.uniform(-1, 1) * noise, r * Math.cos(t) + rng.uniform(-1, 1) * noise]);
      y.push(label);
    }
  };
  gen(0, 1, m);
  gen(Math.PI, 0, n - m);
  return { X, y };
}

/**
 * Plane: x, y uniform in [−6, 6], target (x + y)/10 (the Playground's linear map of
 * [−10, 10] to [−1, 1]), computed on the point moved by noise·U(−6, 6) on each axis.
 */
export function playgroundPlane(options: PlaygroundOptions = {}): LabelledDataset {
  const { n, noise, rng } = setup(options, 1200);
  const radius = 6;
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const px = rng.uniform(-radius, radius);
    const py = rng.uniform(-radius, radius);
    const nx = rng.uniform(-radius, radius) * noise;
    const ny = rng.uniform(-radius, radius) * noise;
    X.push([px, py]);
    y.push((px + nx + py + ny) / 10);
  }
  return { X, y };
}

/** The six bumps of the Playground's multi-Gaussian set: centre (x, y) and sign. */
const BUMPS: readonly (readonly [number, number, number])[] = [
  [-4, 2.5, 1],
  [0, 2.5, -1],
  [4, 2.5, 1],
  [-4, -2.5, -1],
  [0, -2.5, 1],
  [4, -2.5, -1],
];

/**
 * Multi Gaussian: x, y uniform in [−6, 6]; six cone-shaped bumps of alternating sign
 * (±max(0, 1 − d/2) at distance d from each centre); the target is the bump value of
 * largest magnitude, computed on the point moved by noise·U(−6, 6) on each axis. Range [−1, 1].
 */
export function playgroundMultiGaussian(options: PlaygroundOptions = {}): LabelledDataset {
  const { n, noise, rng } = setup(options, 1200);
  const radius = 6;
  const value = (x: number, y: number) => {
    let label = 0;
    for (const [cx, cy, sign] of BUMPS) {
      const v = sign * Math.min(1, Math.max(0, 1 - Math.hypot(x - cx, y - cy) / 2));
      if (Math.abs(v) > Math.abs(label)) label = v;
    }
    return label;
  };
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const px = rng.uniform(-radius, radius);
    const py = rng.uniform(-radius, radius);
    const nx = rng.uniform(-radius, radius) * noise;
    const ny = rng.uniform(-radius, radius) * noise;
    X.push([px, py]);
    y.push(value(px + nx, py + ny));
  }
  return { X, y };
}

const GENERATORS = {
  circle: playgroundCircle,
  xor: playgroundXor,
  gaussian: playgroundGaussian,
  spiral: playgroundSpiral,
  plane: playgroundPlane,
  'multi-gaussian': playgroundMultiGaussian,
} as const;

/** All Playground set names, classification first. */
export const PLAYGROUND_DATASETS: readonly (PlaygroundClassificationName | PlaygroundRegressionName)[] = Object.keys(GENERATORS) as (keyof typeof GENERATORS)[];

/** A Playground set by name, for menus: `makePlayground('spiral', { noise: 0.1, randomState: 1 })`. */
export function makePlayground(name: PlaygroundClassificationName | PlaygroundRegressionName, options: PlaygroundOptions = {}): LabelledDataset {
  const key = checkOneOf(name, 'name', PLAYGROUND_DATASETS);
  const gen = GENERATORS[key];
  if (!gen) throw new ValidationError('name', 'bad-option', `unknown Playground set ${String(name)}`);
  return gen(options);
}
