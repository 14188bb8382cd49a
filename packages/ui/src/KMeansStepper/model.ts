import { KMeans, makeBlobs, makeMoons, ValidationError } from '@geolearn/algorithms';
import { fieldCheck, type FieldChecks } from '../hooks/useControllableState';
import { specField, specRange, type SpecRangeOptions } from '../kit/paramSlider';
import type { ExplainerState } from '../kit/Explainer';
import { pointsExtent } from '../common/extent';

/**
 * The k-means stepper's model: the data sets, the snapshots of Lloyd's algorithm (from
 * `KMeans.fitSteps`), the inertia, the Voronoi cells of the centroids, the elbow curve and
 * the best-of-n runs. Pure functions of plain JSON, no React.
 */

/** The data sets of the chooser (scikit-learn's clustering examples). */
export type KMeansDatasetName = 'blobs' | 'anisotropic' | 'varied' | 'moons';

/** How fresh centroids are drawn: k distinct samples (the slide) or k-means++. */
export type KMeansInit = 'random' | 'k-means++';

/** A point or centroid (x₁, x₂). */
export type Pt = [number, number];

/** Each data set with its label and its natural number of clusters. */
export const KMEANS_DATASETS: Record<KMeansDatasetName, { label: string; k: number }> = {
  blobs: { label: 'Four blobs', k: 4 },
  anisotropic: { label: 'Anisotropic blobs', k: 3 },
  varied: { label: 'Unequal variance', k: 3 },
  moons: { label: 'Two moons', k: 2 },
};

/** The explainer's state: plain JSON, so it can live in a permalink. */
export interface KMeansStepperState {
  /** The data set. */
  dataset: KMeansDatasetName;
  /** k, the number of clusters (1 … 8). */
  k: number;
  /** How the centroids are (re-)drawn. */
  init: KMeansInit;
  /** Seed of the draw of the initial centroids (Re-draw adds one). */
  initSeed: number;
  /** Initial centroids μᵢ⁽⁰⁾ placed by hand (k rows); absent: drawn with `init` and `initSeed`. */
  centers?: Pt[];
  /** How many steps of the algorithm are shown (0: just initialised). */
  step: number;
  /** Draw the Voronoi cells of the centroids. Default true. */
  voronoi?: boolean;
  /** Show the best of 10 runs (nInit = 10). Default false. */
  bestOf?: boolean;
}

/** The state of an untouched explainer. */
export const DEFAULT_STATE: KMeansStepperState = { dataset: 'blobs', k: 4, init: 'random', initSeed: 0, step: 0 };

/** The k slider's teaching range 1 … 8, inside KMeans' declared nClusters range. */
const K_OPTIONS: SpecRangeOptions = { range: [1, 8] };
/** The k slider (min, max, step 1), read from `KMeans.paramSpec.nClusters`. */
export const K_SLIDER = specRange(KMeans, 'nClusters', K_OPTIONS);

/** How a `defaultValue` is checked field by field. */
export const STATE_CHECKS: FieldChecks<KMeansStepperState> = {
  dataset: fieldCheck.oneOf<KMeansDatasetName>('blobs', 'anisotropic', 'varied', 'moons'),
  k: specField(KMeans, 'nClusters', K_OPTIONS),
  init: fieldCheck.oneOf<KMeansInit>('random', 'k-means++'),
  initSeed: fieldCheck.integer(0, 2 ** 31),
  centers: fieldCheck.arrayOf(fieldCheck.tuple<Pt>(2)),
  step: fieldCheck.integer(0, 1e5),
  voronoi: fieldCheck.boolean,
  bestOf: fieldCheck.boolean,
};

/**
 * A start that lands in a bad local minimum: on the four blobs with k = 4, drawing the
 * centroids at random with seed 2 puts two of them in one blob (inertia ≈ 4.5× the best).
 */
export const BAD_START: Partial<KMeansStepperState> = { dataset: 'blobs', k: 4, init: 'random', initSeed: 2, centers: undefined, step: 0 };

/** A data set: the points, a plot domain [x0, x1, y0, y1] and its natural k. */
export interface KMeansData {
  X: Pt[];
  domain: [number, number, number, number];
  k: number;
}

/** The points of a data set (n samples, seeded), as scikit-learn's cluster examples make them. */
export function makeKMeansData(name: KMeansDatasetName, n: number, seed: number): Pt[] {
  if (name === 'moons') {
    // Scaled ×4 so that all four sets live on similar axes.
    return makeMoons({ nSamples: n, noise: 0.08, randomState: seed }).X.map((r) => [4 * r[0] - 2, 4 * r[1] - 1]);
  }
  const opts = {
    blobs: { centers: [[-6, -4], [-5, 4], [2, 5], [5, -3]], clusterStd: 1.1 },
    // scikit-learn's anisotropic set: blobs stretched by x ← xT, T = [[0.6, −0.6], [−0.4, 0.8]].
    // Centres chosen so that the stretched blobs lie side by side, about 3.7 apart across their long axes.
    anisotropic: { centers: [[-13.5, -12.75], [0, 0], [13.5, 12.75]], clusterStd: 1.5, transformation: [[0.6, -0.6], [-0.4, 0.8]] },
    varied: { centers: [[-6, -3], [0, 5], [5, -3]], clusterStd: [1, 2.5, 0.5] },
  }[name];
  return makeBlobs({ nSamples: n, randomState: seed, ...opts }).X.map((r) => [r[0], r[1]]);
}

/**
 * The plot domain of the points: their extent padded by 8 %, widened on one axis so that
 * one unit is as long in x as in y on a plot of `aspect` = height/width (the Voronoi cells'
 * borders are then drawn perpendicular to the segments they bisect).
 */
export function equalAspectDomain(X: readonly Pt[], aspect: number): [number, number, number, number] {
  let [x0, x1, y0, y1] = pointsExtent(X);
  if (!Number.isFinite(x0)) return [-1, 1, -aspect, aspect];
  const pad = 0.08 * Math.max(x1 - x0, y1 - y0, 1e-9) + 0.5;
  [x0, x1, y0, y1] = [x0 - pad, x1 + pad, y0 - pad, y1 + pad];
  const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
  const half = Math.max((x1 - x0) / 2, (y1 - y0) / 2 / aspect);
  return [cx - half, cx + half, cy - half * aspect, cy + half * aspect];
}

/** Σᵢ ‖xᵢ − μ_{labelᵢ}‖²: the inertia of a partition. */
export function inertiaOf(X: readonly Pt[], centers: readonly (readonly number[])[], labels: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < X.length; i++) {
    const c = centers[labels[i]];
    s += (X[i][0] - c[0]) ** 2 + (X[i][1] - c[1]) ** 2;
  }
  return s;
}

/** Why these points cannot be clustered into k groups (k > n, all identical), or null. */
export function dataProblem(X: readonly Pt[], k: number): string | null {
  if (X.length === 0) return 'There are no points to cluster.';
  if (k > X.length) return `k = ${k} is more than the ${X.length} points: there would be empty clusters. Choose k ≤ ${X.length}.`;
  const distinct = new Set(X.map((p) => `${p[0]},${p[1]}`)).size;
  if (distinct === 1 && k > 1) return `All ${X.length} points are identical: there is only one cluster to find, whatever k.`;
  if (distinct < k) return `Only ${distinct} distinct points for k = ${k}: some clusters will stay empty.`;
  return null;
}

/** The initial centroids drawn by `init` (random samples or k-means++) with a seed: the first snapshot of a run. */
export function drawCenters(X: readonly Pt[], k: number, init: KMeansInit, seed: number): Pt[] {
  const first = new KMeans({ nClusters: k, init, nInit: 1, randomState: seed }).fitSteps(X as Pt[]).next();
  if (first.done) return [];
  return first.value.centers.map((c) => [c[0], c[1]]);
}

/** One step shown, with the inertia of the partition it draws (null before the first assignment). */
export interface ShownStep {
  step: 'initialise' | 'assign' | 'update' | 'repeat';
  iteration: number;
  centers: Pt[];
  labels: readonly number[] | null;
  /** Σᵢ Σ_{x∈Cᵢ} ‖x − μᵢ‖² with these labels and centres (null at 'initialise'). */
  inertia: number | null;
  converged: boolean;
}

/** A run of Lloyd's algorithm from given centroids, every snapshot, or why it cannot run. */
export interface KMeansRun {
  steps: ShownStep[];
  error: string | null;
}

/**
 * Lloyd's algorithm from the given initial centroids (`KMeans` with explicit `init`, one run):
 * initialise, then assign / update / repeat until no label changes. The library gives the
 * inertia at the assignments; after an update it is recomputed for the moved centroids.
 */
export function runFrom(X: readonly Pt[], centers: readonly Pt[], maxIter = 300): KMeansRun {
  try {
    const steps: ShownStep[] = [];
    for (const s of new KMeans({ nClusters: centers.length, init: centers as Pt[], nInit: 1, maxIter }).fitSteps(X as Pt[])) {
      const c = s.centers.map((r) => [r[0], r[1]] as Pt);
      const labels = s.labels;
      const inertia = s.inertia ?? (labels ? inertiaOf(X, c, labels) : null);
      steps.push({ step: s.step, iteration: s.iteration, centers: c, labels, inertia, converged: s.converged });
    }
    return { steps, error: null };
  } catch (e) {
    if (e instanceof ValidationError) return { steps: [], error: e.message };
    throw e;
  }
}

/** The centroids whose Voronoi cells give the labels shown: those of the latest assignment at or before `i`. */
export function assigningCenters(steps: readonly ShownStep[], i: number): Pt[] | null {
  for (let j = Math.min(i, steps.length - 1); j >= 0; j--) if (steps[j].step === 'assign') return steps[j].centers;
  return null;
}

/**
 * The Voronoi cell of each centroid inside the box: the points closer to μᵢ than to any
 * other μⱼ, i.e. the box cut by every half-plane (p − (μᵢ + μⱼ)/2)·(μⱼ − μᵢ) ≤ 0
 * (Sutherland–Hodgman clipping; k ≤ 8, so O(k²) cuts). A centroid equal to an earlier one
 * gets an empty cell (ties go to the lower index, as the assignment does).
 */
export function voronoiCells(centers: readonly Pt[], box: readonly [number, number, number, number]): Pt[][] {
  const [x0, x1, y0, y1] = box;
  return centers.map((ci, i) => {
    let poly: Pt[] = [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
    ];
    for (let j = 0; j < centers.length && poly.length > 0; j++) {
      if (j === i) continue;
      const cj = centers[j];
      const n: Pt = [cj[0] - ci[0], cj[1] - ci[1]];
      if (n[0] === 0 && n[1] === 0) {
        if (j < i) poly = [];
        continue;
      }
      const off = (n[0] * (ci[0] + cj[0])) / 2 + (n[1] * (ci[1] + cj[1])) / 2;
      poly = clipHalfPlane(poly, n, off);
    }
    return poly;
  });
}

/** The polygon cut to {p : n·p ≤ off}. */
function clipHalfPlane(poly: readonly Pt[], n: Pt, off: number): Pt[] {
  const out: Pt[] = [];
  const side = (p: Pt) => n[0] * p[0] + n[1] * p[1] - off;
  for (let a = 0; a < poly.length; a++) {
    const p = poly[a];
    const q = poly[(a + 1) % poly.length];
    const sp = side(p);
    const sq = side(q);
    if (sp <= 0) out.push(p);
    if ((sp < 0 && sq > 0) || (sp > 0 && sq < 0)) {
      const t = sp / (sp - sq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}

/** How many runs each k of the elbow curve gets (k-means++, the best is kept). */
export const ELBOW_N_INIT = 3;

/** The largest k of the elbow curve: 8, or fewer when there are fewer distinct points. */
export function elbowKs(X: readonly Pt[], kMax = 8): number[] {
  const distinct = new Set(X.map((p) => `${p[0]},${p[1]}`)).size;
  return Array.from({ length: Math.min(kMax, distinct) }, (_, i) => i + 1);
}

/** The elbow's fits as jobs for the worker's `fitMany` task (one KMeans per k). */
export function elbowJobs(X: readonly Pt[]) {
  return elbowKs(X).map((k) => ({ estimator: 'KMeans' as const, params: { nClusters: k, nInit: ELBOW_N_INIT, randomState: 0 }, X: X as Pt[], output: 'json' as const }));
}

/** The elbow curve on the main thread: the best inertia for k = 1 … 8 (k-means++, best of 3 runs). */
export function elbowCurve(X: readonly Pt[]): [number, number][] {
  return elbowKs(X).map((k) => [k, new KMeans({ nClusters: k, nInit: ELBOW_N_INIT, randomState: 0 }).fit(X as Pt[]).inertia]);
}

/** The result of nInit runs: each run's final inertia, the best run and its centroids. */
export interface BestOfRuns {
  inertias: number[];
  best: number;
  centers: Pt[];
}

/**
 * nInit runs from different draws (`KMeans` with nInit runs, the draws seeded by `seed`, so
 * run 1 is the one drawn with that seed), keeping each run's final inertia: the lowest wins.
 */
export function bestOfRuns(X: readonly Pt[], k: number, init: KMeansInit, seed: number, runs = 10): BestOfRuns | null {
  if (dataProblem(X, k)) return null;
  const last: ShownStep[] = [];
  for (const s of new KMeans({ nClusters: k, init, nInit: runs, randomState: seed }).fitSteps(X as Pt[])) {
    const c = s.centers.map((r) => [r[0], r[1]] as Pt);
    last[s.run] = { step: s.step, iteration: s.iteration, centers: c, labels: s.labels, inertia: s.inertia, converged: s.converged };
  }
  const inertias = last.map((s) => s.inertia ?? (s.labels ? inertiaOf(X, s.centers, s.labels) : NaN));
  let best = 0;
  inertias.forEach((v, i) => {
    if (v < inertias[best]) best = i;
  });
  return { inertias, best, centers: last[best].centers };
}

/** What each step does, in the slide's words. */
export const STEP_TEXT: Record<ShownStep['step'], string> = {
  initialise: 'Initialise the centroids μᵢ',
  assign: 'Assign each sample to the closest centroid',
  update: 'Update the centroids: each μᵢ moves to the mean of its samples',
  repeat: 'Repeat until convergence',
};

/** A number for the readouts: 4 significant digits. */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return '—';
  return Math.abs(v) >= 1e5 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(2) : String(Number(v.toPrecision(4)));
}

/** The status line: the step, what it did and the inertia; or why nothing can run. */
export function statusText(run: KMeansRun, shown: ShownStep | undefined, problem: string | null): string {
  if (run.error) return run.error;
  if (!shown) return problem ?? 'No step to show.';
  const prefix = problem ? `${problem} ` : '';
  const inertia = shown.inertia === null ? '' : ` · inertia ${fmt(shown.inertia)}`;
  if (shown.converged) return `${prefix}Converged after ${shown.iteration} iteration${shown.iteration === 1 ? '' : 's'}: no sample changes cluster${inertia}.`;
  if (shown.step === 'initialise') return `${prefix}${STEP_TEXT.initialise}: k = ${shown.centers.length}. Press Step to assign the samples.`;
  const check = shown.step === 'repeat' ? 'Repeat: some samples changed cluster, so go on' : STEP_TEXT[shown.step];
  return `${prefix}Iteration ${shown.iteration} · ${check}${inertia}.`;
}

/** The frame's `data-state`. */
export function frameState(run: KMeansRun, step: number, playing: boolean, done: boolean): ExplainerState {
  if (run.error) return 'error';
  if (playing) return 'playing';
  if (done) return 'done';
  return step > 0 ? 'paused' : 'idle';
}

/**
 * Sizes of the plot and the side panels. In slide mode (fit, 960 × 700) the plot is at most
 * 340 px high and the side splits into two columns (steps and inertia; elbow and best of 10).
 */
export function stepperSizes(width: number, height: number, avail: number, compact: boolean, fit: boolean) {
  let w = Math.max(200, Math.min(width, avail));
  let h = Math.max(160, Math.round((height * w) / width));
  if (fit && h > 340) {
    w = Math.round((w * 340) / h);
    h = 340;
  }
  const split = fit && !compact;
  const side = compact ? w : split ? Math.max(200, Math.min(260, Math.floor((avail - w - 24) / 2))) : Math.max(220, Math.min(300, avail - w - 12));
  const sideHeight = compact ? Math.max(140, Math.round(w * 0.45)) : split ? Math.max(120, h - 150) : Math.max(130, Math.round((h - 24) / 3));
  return { width: w, height: h, sideWidth: side, sideHeight, split };
}

/** Margins of the plot. */
export const MARGIN = { top: 10, right: 10, bottom: 40, left: 44 } as const;
