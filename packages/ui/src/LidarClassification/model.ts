import { LIDAR_CLASSES, NEIGHBOURHOOD_FEATURES, RandomForestClassifier } from '@geolearn/algorithms';
import { fieldCheck, type FieldChecks } from '../hooks/useControllableState';
import type { ExplainerState } from '../kit/Explainer';
import { specField, specRange, type SpecRangeOptions } from '../kit/paramSlider';

/**
 * The lidar-classification explainer's model: pure functions of plain JSON, no React.
 *
 * The course notebook "Lidar point cloud classification": from a labelled subset of a cloud,
 * learn to label the rest. Each point gets multi-scale neighbourhood features (the covariance
 * eigenvalues λ₁ ≥ λ₂ ≥ λ₃ of its neighbours within r, at three radii, and its height above the
 * ground); a random forest learns the classes from the labelled points and predicts the others.
 */

/** What colours the points. */
export type LidarColorBy = 'truth' | 'prediction' | 'errors' | 'feature';

/** The explainer's state: plain JSON. */
export interface LidarClassificationState {
  /** Fraction of the points whose label the forest is given (the labelled subset). */
  trainFraction: number;
  /** Trees of the random forest. */
  nTrees: number;
  /** What colours the points. */
  colorBy: LidarColorBy;
  /** The feature shown when `colorBy` is 'feature' (a column name, e.g. "planarity r=2"). */
  feature: string;
  /** Camera of the 3-D view: [azimuth, elevation] in degrees. */
  rotation: [number, number];
}

/** The neighbourhood radii, m. */
export const RADII = [1, 2, 3] as const;
/** The feature columns, as `pointFeatures` names them. */
export const FEATURE_NAMES: readonly string[] = [...RADII.flatMap((r) => NEIGHBOURHOOD_FEATURES.map((f) => `${f} r=${r}`)), 'height above ground'];
/** The class names. */
export const CLASS_NAMES: readonly string[] = LIDAR_CLASSES;
/** Short column heads of the confusion matrix (the full name in an <abbr> title). */
export const CLASS_CODES: readonly string[] = ['gnd', 'bldg', 'veg', 'line', 'noise'];

/** The labelled-fraction slider: 1 % to 50 % of the points. */
export const TRAIN_RANGE = [0.01, 0.5] as const;
const TREES_OPTIONS: SpecRangeOptions = { range: [1, 100] };
/** The trees slider (integers 1…100), from `RandomForestClassifier.paramSpec.nEstimators`. */
export const TREES_SLIDER = specRange(RandomForestClassifier, 'nEstimators', TREES_OPTIONS);

/** The state before any interaction. */
export const DEFAULT_STATE: LidarClassificationState = {
  trainFraction: 0.05,
  nTrees: 30,
  colorBy: 'prediction',
  feature: 'planarity r=2',
  rotation: [30, 35],
};

/** Checks of every state field, for `sanitizeDefaultValue`. */
export const STATE_CHECKS: FieldChecks<LidarClassificationState> = {
  trainFraction: fieldCheck.number(TRAIN_RANGE[0], TRAIN_RANGE[1]),
  nTrees: specField(RandomForestClassifier, 'nEstimators', TREES_OPTIONS),
  colorBy: fieldCheck.oneOf<LidarColorBy>('truth', 'prediction', 'errors', 'feature'),
  feature: fieldCheck.oneOf(...FEATURE_NAMES),
  rotation: fieldCheck.tuple<[number, number]>(2),
};

/** The elevation stays in [5°, 90°] (from the side to straight down). */
export function rotated([az, el]: readonly [number, number], dAz: number, dEl: number): [number, number] {
  const a = (((az + dAz) % 360) + 360) % 360;
  return [Math.round(a * 10) / 10, Math.round(Math.max(5, Math.min(90, el + dEl)) * 10) / 10];
}

/** The points given to the forest: ⌈f·n⌉ of them (at least 2), drawn with a seeded permutation. */
export function trainCount(fraction: number, n: number): number {
  return Math.max(2, Math.min(n - 1, Math.ceil(fraction * n)));
}

/**
 * The confusion matrix C (rows = true class, columns = predicted, as scikit-learn's) over the
 * points NOT in the labelled subset, and the accuracy tr C / ΣC.
 */
export function confusion(truth: ArrayLike<number>, pred: ArrayLike<number>, train: ArrayLike<number>, K: number): { C: number[][]; accuracy: number; n: number } {
  const C = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  let ok = 0;
  let n = 0;
  for (let i = 0; i < truth.length; i++) {
    if (train[i]) continue;
    const t = truth[i], p = pred[i];
    if (t < 0 || t >= K || p < 0 || p >= K) continue;
    C[t][p]++;
    n++;
    if (t === p) ok++;
  }
  return { C, accuracy: n ? ok / n : 0, n };
}

/** Recall of each class: C[k][k] / Σ_j C[k][j] (NaN for a class with no test point). */
export function recalls(C: readonly (readonly number[])[]): number[] {
  return C.map((row, k) => {
    const s = row.reduce((a, b) => a + b, 0);
    return s ? row[k] / s : NaN;
  });
}

/** Min and max of column j of a row-major matrix (a flat [0, 1] when it is constant or empty). */
export function columnRange(data: ArrayLike<number>, cols: number, j: number): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (let i = j; i < data.length; i += cols) {
    const v = data[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi > lo)) return Number.isFinite(lo) ? [lo, lo + 1] : [0, 1];
  return [lo, hi];
}

/** Percent with one decimal. */
export const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)} %` : '–');

/** Inputs of {@link statusText}. */
export interface StatusInputs {
  n: number;
  nTrain: number;
  running: boolean;
  progress: number | null;
  accuracy: number | null;
  error: string | null;
}

/** The status line. */
export function statusText({ n, nTrain, running, progress, accuracy, error }: StatusInputs): string {
  if (error) return `Cannot classify: ${error}`;
  if (!running && accuracy === null) return 'Training cancelled: move a slider to start again.';
  if (running || accuracy === null) {
    const p = progress === null ? '' : ` (${Math.round(100 * progress)} %)`;
    return `Computing features and training on ${nTrain} labelled points of ${n}${p}…`;
  }
  return `Trained on ${nTrain} labelled points (${pct(nTrain / n)}); accuracy on the other ${n - nTrain}: ${pct(accuracy)}`;
}

/** The frame's data-state. */
export function frameState(running: boolean, done: boolean, error: boolean): ExplainerState {
  if (error) return 'error';
  return running ? 'playing' : done ? 'done' : 'idle';
}

/** Sizes of the 3-D view and the side panel for a measured width. */
export function lidarSizes(width: number, height: number, plotWidth: number, compact: boolean): { view: { width: number; height: number }; side: number } {
  const side = compact ? plotWidth : Math.min(340, Math.round(plotWidth * 0.38));
  const vw = compact ? plotWidth : plotWidth - side - 16;
  const vh = Math.max(200, Math.round(compact ? vw * 0.8 : Math.min(height, vw * 0.85)));
  return { view: { width: Math.max(120, vw), height: vh }, side };
}
