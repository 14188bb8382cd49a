import { ValidationError } from '../core/errors';
import { checkRandomState, type RandomState, type RandomStateLike } from '../core/random';
import { checkScalar, checkSize } from '../core/validation';

/**
 * Most numbers one generator returns (rows × columns): 10 million, e.g. 5 million 2-D points.
 * A larger request (`makeBlobs({ nSamples: 1e9 })`) throws ValidationError(…, 'too-large')
 * with the size it would need, before anything is drawn.
 */
export const MAX_DATASET_VALUES = 10_000_000;

/** Throws 'too-large' when a dataset of `values` numbers is above {@link MAX_DATASET_VALUES}. */
export function checkDatasetSize(name: string, values: number): void {
  checkSize(name, values, MAX_DATASET_VALUES, 'values (rows × columns)');
}

/** The options object (absent → {}); anything but a plain object is a ValidationError. */
export function checkGeneratorOptions<T extends object>(options: T | null | undefined): T {
  if (options === undefined || options === null) return {} as T;
  if (typeof options !== 'object' || Array.isArray(options)) throw new ValidationError('options', 'bad-option', `must be an object of options, got ${JSON.stringify(options)}`);
  return options;
}

/** A labelled 2-D (or n-D) sample: rows of X and one label per row. */
export interface LabelledDataset {
  X: number[][];
  y: number[];
}

/** Options of {@link makeMoons}, as scikit-learn's make_moons. */
export interface MakeMoonsOptions {
  /** Total points (split ⌊n/2⌋ outer, the rest inner), or [outer, inner]. Default 100. */
  nSamples?: number | [number, number];
  /** Shuffle the rows. Default true. */
  shuffle?: boolean;
  /** Standard deviation of Gaussian noise added to every coordinate. Default 0. */
  noise?: number;
  /** Seed. Default 0. */
  randomState?: RandomStateLike;
}

/** Options of {@link makeCircles}, as scikit-learn's make_circles. */
export interface MakeCirclesOptions extends MakeMoonsOptions {
  /** Inner radius over outer radius, in [0, 1). Default 0.8. */
  factor?: number;
}

function splitCount(nSamples: number | [number, number]): [number, number] {
  let counts: [number, number];
  if (Array.isArray(nSamples)) {
    if (nSamples.length !== 2) throw new ValidationError('nSamples', 'bad-option', 'must be a number or [outer, inner]');
    counts = [checkScalar(nSamples[0], 'nSamples', { min: 0, integer: true }), checkScalar(nSamples[1], 'nSamples', { min: 0, integer: true })];
    if (counts[0] + counts[1] === 0) throw new ValidationError('nSamples', 'empty', 'asks for no points at all');
  } else {
    const n = checkScalar(nSamples, 'nSamples', { min: 1, integer: true });
    counts = [Math.floor(n / 2), n - Math.floor(n / 2)];
  }
  checkDatasetSize('nSamples', 2 * (counts[0] + counts[1]));
  return counts;
}

/** Shuffles rows and labels together, then adds N(0, noise²) to each coordinate. */
export function finishDataset(X: number[][], y: number[], shuffle: boolean, noise: number, rng: RandomState): LabelledDataset {
  let Xo = X;
  let yo = y;
  if (shuffle) {
    const p = rng.permutation(X.length);
    Xo = p.map((i) => X[i]);
    yo = p.map((i) => y[i]);
  }
  if (noise > 0) Xo = Xo.map((r) => r.map((v) => v + rng.normal(0, noise)));
  return { X: Xo, y: yo };
}

/** x_k = a + k (b − a)/(m − 1), k < m (or /m without the end point). */
function linspace(a: number, b: number, m: number, endpoint = true): number[] {
  const div = endpoint ? m - 1 : m;
  return Array.from({ length: m }, (_, k) => (div <= 0 ? a : a + (k * (b - a)) / div));
}

/**
 * Two interleaving half circles, as scikit-learn's make_moons: the outer moon
 * (cos t, sin t), t ∈ [0, π], label 0, and the inner one (1 − cos t, ½ − sin t), label 1.
 * Not linearly separable: the classic case for kernels, trees and neural networks.
 */
export function makeMoons(options: MakeMoonsOptions = {}): LabelledDataset {
  options = checkGeneratorOptions(options);
  const [nOut, nIn] = splitCount(options.nSamples ?? 100);
  const noise = checkScalar(options.noise ?? 0, 'noise', { min: 0 });
  const rng = checkRandomState(options.randomState);
  const X: number[][] = [];
  const y: number[] = [];
  for (const t of linspace(0, Math.PI, nOut)) {
    X.push([Math.cos(t), Math.sin(t)]);
    y.push(0);
  }
  for (const t of linspace(0, Math.PI, nIn)) {
    X.push([1 - Math.cos(t), 1 - Math.sin(t) - 0.5]);
    y.push(1);
  }
  return finishDataset(X, y, options.shuffle ?? true, noise, rng);
}

/**
 * A large circle (radius 1, label 0) around a smaller one (radius `factor`, label 1), the
 * points evenly spaced in angle, as scikit-learn's make_circles. Separable only by a
 * non-linear boundary (or by the feature x₁² + x₂²).
 */
export function makeCircles(options: MakeCirclesOptions = {}): LabelledDataset {
  options = checkGeneratorOptions(options);
  const [nOut, nIn] = splitCount(options.nSamples ?? 100);
  const noise = checkScalar(options.noise ?? 0, 'noise', { min: 0 });
  const factor = checkScalar(options.factor ?? 0.8, 'factor', { min: 0 });
  if (factor >= 1) throw new ValidationError('factor', 'out-of-range', `must be in [0, 1), got ${factor}`);
  const rng = checkRandomState(options.randomState);
  const X: number[][] = [];
  const y: number[] = [];
  for (const t of linspace(0, 2 * Math.PI, nOut, false)) {
    X.push([Math.cos(t), Math.sin(t)]);
    y.push(0);
  }
  for (const t of linspace(0, 2 * Math.PI, nIn, false)) {
    X.push([factor * Math.cos(t), factor * Math.sin(t)]);
    y.push(1);
  }
  return finishDataset(X, y, options.shuffle ?? true, noise, rng);
}

/** Options of {@link makeBlobs}, as scikit-learn's make_blobs. */
export interface MakeBlobsOptions {
  /** Total points, spread evenly over the centres (the first ones get one more), or one count per centre. Default 100. */
  nSamples?: number | readonly number[];
  /** Dimensions, when the centres are drawn at random. Default 2. */
  nFeatures?: number;
  /** How many centres to draw uniformly in centerBox, or their coordinates. Default 3 (or one per count in nSamples). */
  centers?: number | ReadonlyArray<readonly number[]>;
  /** Standard deviation of each blob: one for all, or one per centre (sklearn's "varied variance" example uses [1, 2.5, 0.5]). Default 1. */
  clusterStd?: number | readonly number[];
  /** The box [low, high] on every axis in which random centres are drawn. Default [−10, 10]. */
  centerBox?: [number, number];
  /** Shuffle the rows. Default true. */
  shuffle?: boolean;
  /** Seed. Default 0. */
  randomState?: RandomStateLike;
  /**
   * A d×d matrix T applied to every point afterwards, x ← xT (row vectors), to stretch the
   * blobs: scikit-learn's clustering comparison makes its anisotropic set with
   * T = [[0.6, −0.6], [−0.4, 0.8]]. The returned centres are transformed too. Default none.
   */
  transformation?: ReadonlyArray<readonly number[]>;
}

/** Blobs with their centres. */
export interface BlobsDataset extends LabelledDataset {
  /** The centre of each blob (after `transformation`, when given). */
  centers: number[][];
}

/**
 * Isotropic Gaussian blobs, as scikit-learn's make_blobs: blob k has nₖ points
 * x ~ N(cₖ, σₖ² I), labelled k. The test set of the clustering slides.
 */
export function makeBlobs(options: MakeBlobsOptions = {}): BlobsDataset {
  options = checkGeneratorOptions(options);
  const rng = checkRandomState(options.randomState);
  const nSamples = options.nSamples ?? 100;
  const box = options.centerBox ?? [-10, 10];
  if (!Array.isArray(box) || box.length !== 2) throw new ValidationError('centerBox', 'bad-option', `must be [low, high], got ${JSON.stringify(box)}`);
  const [lo, hi] = box;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo > hi) throw new ValidationError('centerBox', 'out-of-range', `must be [low, high] with low ≤ high, got [${lo}, ${hi}]`);
  let nFeatures = checkScalar(options.nFeatures ?? 2, 'nFeatures', { min: 1, integer: true });
  let counts: number[] | null = null;
  if (typeof nSamples !== 'number') {
    if (!Array.isArray(nSamples) || nSamples.length === 0) throw new ValidationError('nSamples', 'empty', 'give a total or one count per centre');
    counts = nSamples.map((c) => checkScalar(c, 'nSamples', { min: 0, integer: true }));
    if (counts.every((m) => m === 0)) throw new ValidationError('nSamples', 'empty', 'asks for no points at all');
  } else checkScalar(nSamples, 'nSamples', { min: 1, integer: true });
  const total = counts ? counts.reduce((a, b) => a + b, 0) : (nSamples as number);
  let centers: number[][];
  const c = options.centers;
  if (c === undefined || typeof c === 'number') {
    const k = c ?? (counts ? counts.length : 3);
    checkScalar(k, 'centers', { min: 1, integer: true });
    checkDatasetSize('centers', k * nFeatures);
    checkDatasetSize('nSamples', total * nFeatures);
    if (counts && counts.length !== k) throw new ValidationError('centers', 'length-mismatch', `${k} centres for ${counts.length} counts in nSamples`);
    centers = Array.from({ length: k }, () => Array.from({ length: nFeatures }, () => rng.uniform(lo, hi)));
  } else {
    if (!Array.isArray(c) || c.length === 0) throw new ValidationError('centers', 'empty', 'give a number of centres or their coordinates');
    if (!c.every((r) => Array.isArray(r) && r.length > 0)) throw new ValidationError('centers', 'bad-option', 'each centre must be a non-empty array of coordinates');
    nFeatures = c[0].length;
    checkDatasetSize('nSamples', total * nFeatures);
    centers = c.map((r, k) => {
      if (r.length !== nFeatures) throw new ValidationError('centers', 'ragged', `centre ${k} has ${r.length} coordinates, expected ${nFeatures} (ragged rows)`);
      if (!r.every((v: unknown) => typeof v === 'number' && Number.isFinite(v))) throw new ValidationError('centers', 'not-finite', `centre ${k} has a non-finite coordinate`);
      return [...r];
    });
    if (counts && counts.length !== centers.length) throw new ValidationError('centers', 'length-mismatch', `${centers.length} centres for ${counts.length} counts in nSamples`);
  }
  const K = centers.length;
  const std = options.clusterStd ?? 1;
  if (typeof std !== 'number' && !Array.isArray(std)) throw new ValidationError('clusterStd', 'bad-option', `must be a number or one per centre, got ${JSON.stringify(std)}`);
  const stds = typeof std === 'number' ? new Array<number>(K).fill(std) : Array.from(std);
  if (stds.length !== K) throw new ValidationError('clusterStd', 'length-mismatch', `has ${stds.length} values for ${K} centres`);
  stds.forEach((s) => checkScalar(s, 'clusterStd', { min: 0 }));
  if (!counts) {
    const n = nSamples as number;
    counts = Array.from({ length: K }, (_, k) => Math.floor(n / K) + (k < n % K ? 1 : 0));
  }
  let X: number[][] = [];
  const y: number[] = [];
  counts.forEach((m, k) => {
    for (let i = 0; i < m; i++) {
      X.push(centers[k].map((cj) => rng.normal(cj, stds[k])));
      y.push(k);
    }
  });
  if (options.transformation) {
    const T = options.transformation;
    if (!Array.isArray(T as unknown) || T.length !== nFeatures || T.some((r) => !Array.isArray(r as unknown) || r.length !== nFeatures)) {
      throw new ValidationError('transformation', 'shape-mismatch', `must be ${nFeatures}×${nFeatures} for ${nFeatures}-D points`);
    }
    if (!T.every((r) => r.every((v: unknown) => typeof v === 'number' && Number.isFinite(v)))) throw new ValidationError('transformation', 'not-finite', 'entries must be finite');
    const apply = (x: number[]) => T[0].map((_, j) => x.reduce((s, xi, i) => s + xi * T[i][j], 0));
    X = X.map(apply);
    centers = centers.map(apply);
  }
  const out = finishDataset(X, y, options.shuffle ?? true, 0, rng);
  return { ...out, centers };
}
