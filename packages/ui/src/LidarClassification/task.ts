/**
 * The lidar explainer's heavy work as a worker task (registered as 'lidarClassify' in
 * `worker/registry.ts`): the scene, its point features, a random forest trained on a labelled
 * subset, and its predictions for every point. DOM-free and React-free (the worker bundles it);
 * it yields often (every 500 points, every tree), so that the main-thread fallback runs it in
 * slices of a few ms.
 */
import { makeLidarScene, pointFeatureSteps, RandomForestClassifier, RandomState, ValidationError } from '@geolearn/algorithms';
import type { TaskStep } from '../worker/registry';

/** What the task is asked to do. */
export interface LidarTaskPayload {
  /** Points of the scene. */
  nPoints: number;
  /** Seed of the scene, the labelled subset and the forest. */
  seed: number;
  /** Fraction of the points whose label the forest is given. */
  trainFraction: number;
  /** Trees of the forest. */
  nTrees: number;
  /** Neighbourhood radii, m. */
  radii: readonly number[];
}

/** What it returns (structured-cloneable). */
export interface LidarTaskResult {
  /** Features, row-major (rows = points, `names.length` columns). */
  features: Float64Array;
  /** Column names of `features`. */
  names: string[];
  /** The forest's class for every point (labelled ones included). */
  predictions: Int32Array;
  /** 1 for a labelled (training) point, 0 for the others. */
  train: Uint8Array;
  /** The forest's feature importances (mean impurity decrease), one per column. */
  importances: number[];
  /** Time of the features and of the training, ms. */
  featureMs: number;
  fitMs: number;
}

const num = (v: unknown, name: string): number => {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ValidationError(name, 'not-a-number', `must be a finite number, got ${String(v)}`);
  return v;
};

/** The points given to the forest: the first ⌈f·n⌉ (≥ 2) of a seeded permutation. */
export function trainMask(n: number, fraction: number, seed: number): Uint8Array {
  const m = Math.max(2, Math.min(n - 1, Math.ceil(fraction * n)));
  const mask = new Uint8Array(n);
  for (const i of new RandomState(seed + 1).choice(n, m)) mask[i] = 1;
  return mask;
}

/** The task: progress 0–0.6 features, 0.6–0.9 trees, 0.9–1 predictions. */
export function* lidarClassifyTask(payload: unknown): Generator<TaskStep, LidarTaskResult, undefined> {
  if (typeof payload !== 'object' || payload === null) throw new ValidationError('payload', 'wrong-type', 'must be an object { nPoints, seed, trainFraction, nTrees, radii }');
  const p = payload as Partial<LidarTaskPayload>;
  const nPoints = num(p.nPoints, 'nPoints');
  const seed = num(p.seed, 'seed');
  const fraction = num(p.trainFraction, 'trainFraction');
  if (fraction <= 0 || fraction >= 1) throw new ValidationError('trainFraction', 'out-of-range', `must be in (0, 1), got ${fraction}`);
  const nTrees = num(p.nTrees, 'nTrees');
  yield { progress: 0 };
  const scene = makeLidarScene({ nPoints, randomState: seed });
  const t0 = performance.now();
  const steps = pointFeatureSteps(scene.xyz, { radii: p.radii ? [...p.radii] : undefined, chunkSize: 500 });
  let r = steps.next();
  while (!r.done) {
    yield { progress: 0.6 * (r.value.done / r.value.total) };
    r = steps.next();
  }
  const F = r.value;
  const featureMs = performance.now() - t0;
  const n = F.rows, d = F.cols;
  const train = trainMask(n, fraction, seed);
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (train[i]) idx.push(i);
  const X = new Float64Array(idx.length * d);
  idx.forEach((i, k) => X.set(F.data.subarray(i * d, (i + 1) * d), k * d));
  const y = idx.map((i) => scene.labels[i]);
  const t1 = performance.now();
  const forest = new RandomForestClassifier({ nEstimators: nTrees, randomState: seed });
  const fit = forest.fitSteps({ rows: idx.length, cols: d, data: X }, y);
  for (let s = fit.next(); !s.done; s = fit.next()) yield { progress: 0.6 + (0.3 * s.value.nEstimators) / nTrees };
  const fitMs = performance.now() - t1;
  const predictions = new Int32Array(n);
  const chunk = 500;
  for (let a = 0; a < n; a += chunk) {
    const b = Math.min(n, a + chunk);
    predictions.set(forest.predict({ rows: b - a, cols: d, data: F.data.subarray(a * d, b * d) }), a);
    yield { progress: 0.9 + (0.1 * b) / n };
  }
  return { features: F.data, names: F.names, predictions, train, importances: forest.featureImportances, featureMs, fitMs };
}
