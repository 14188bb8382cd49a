import { makeBlobs, makeMoons, RandomState } from '@geolearn/algorithms';
import { pointsExtent } from '../common/extent';
import { fieldCheck, type FieldChecks } from '../hooks/useControllableState';
import type { ExplainerState } from '../kit/Explainer';

/**
 * The DBSCAN stepper's model: ε-neighbourhoods, core / border / noise samples and the
 * clusters grown breadth-first, one ring of ε-neighbours per step. Pure functions of plain
 * JSON, no React. The final labels equal `DBSCAN`'s (the unit test checks it).
 */

/** A point (x₁, x₂). */
export type Pt = [number, number];

/** The data sets of the chooser. */
export type DbscanDatasetName = 'moons' | 'blobs' | 'identical';

/** Each data set's label. */
export const DBSCAN_DATASETS: Record<DbscanDatasetName, { label: string }> = {
  moons: { label: 'Two moons + noise' },
  blobs: { label: 'Three blobs + noise' },
  identical: { label: 'Identical points' },
};

/** The explainer's state: plain JSON. */
export interface DbscanState {
  /** The data set. */
  dataset: DbscanDatasetName;
  /** ε: the neighbourhood radius (must be > 0; ≤ 0 shows a message). */
  eps: number;
  /** minSamples: a core sample has at least this many samples within ε, itself included. */
  minSamples: number;
  /** Index of the sample the first cluster grows from (a non-core seed falls back to the first core sample). */
  seed: number;
  /** How many steps are shown (0: only the seed). */
  step: number;
}

/** The state of an untouched explainer. */
export const DEFAULT_STATE: DbscanState = { dataset: 'moons', eps: 0.2, minSamples: 5, seed: 0, step: 0 };

/** How a `defaultValue` is checked field by field (eps may be ≤ 0: the widget says why it cannot run). */
export const STATE_CHECKS: FieldChecks<DbscanState> = {
  dataset: fieldCheck.oneOf<DbscanDatasetName>('moons', 'blobs', 'identical'),
  eps: fieldCheck.number(-1e6, 1e6),
  minSamples: fieldCheck.integer(1, 1000),
  seed: fieldCheck.integer(0, 1e6),
  step: fieldCheck.integer(0, 1e6),
};

/** The points of a data set (n samples, seeded). Moons and blobs get 8 % uniform noise. */
export function makeDbscanData(name: DbscanDatasetName, n: number, seed: number): Pt[] {
  if (name === 'identical') return Array.from({ length: Math.max(1, Math.min(n, 20)) }, () => [0.5, 0.25]);
  const nNoise = Math.round(n * 0.08);
  const base: Pt[] =
    name === 'moons'
      ? makeMoons({ nSamples: n - nNoise, noise: 0.06, randomState: seed }).X.map((r) => [r[0], r[1]])
      : makeBlobs({ nSamples: n - nNoise, centers: [[-0.4, 0.9], [1.6, 0.9], [0.6, -0.2]], clusterStd: [0.14, 0.2, 0.1], randomState: seed }).X.map((r) => [r[0], r[1]]);
  const rng = new RandomState(seed + 1);
  for (let i = 0; i < nNoise; i++) base.push([rng.uniform(-1.3, 2.3), rng.uniform(-0.8, 1.5)]);
  return base;
}

/** The ε-neighbours of every sample (itself included), by brute force: n ≤ 400, so n² distances. */
export function neighbourhoods(X: readonly Pt[], eps: number): number[][] {
  const e2 = eps * eps;
  return X.map((p) => {
    const out: number[] = [];
    for (let j = 0; j < X.length; j++) if ((X[j][0] - p[0]) ** 2 + (X[j][1] - p[1]) ** 2 <= e2) out.push(j);
    return out;
  });
}

/** What one sample is: core (≥ minSamples neighbours), border (in reach of a core sample) or noise. */
export type SampleKind = 'core' | 'border' | 'noise';

/** A whole growth, precomputed: when each sample was reached and with which label. */
export interface DbscanGrowth {
  /** Final label of each sample (−1: noise), clusters numbered in the order they were grown. */
  labels: number[];
  /** Step at which each sample got its label (noise: the last step). */
  reachedAt: number[];
  /** Whether each sample is a core sample. */
  core: boolean[];
  /** The sample each cluster grew from. */
  starts: number[];
  /** The last step (noise revealed). */
  lastStep: number;
  /** The sample the growth really started from (the seed, or the first core sample when the seed is not one). */
  start: number;
  /** Why nothing can be grown, or null. */
  error: string | null;
}

/**
 * DBSCAN grown breadth-first: step 0 labels the start sample; each step labels every
 * unlabelled ε-neighbour of the core samples labelled at the step before (one ring);
 * when a cluster stops growing, the next begins at the first unlabelled core sample (by
 * index) one step later. The last step marks what is left as noise. A border sample in
 * reach of two clusters goes to the one grown first, as in `DBSCAN`.
 */
export function growDbscan(X: readonly Pt[], eps: number, minSamples: number, seed: number): DbscanGrowth {
  const n = X.length;
  const empty = (error: string): DbscanGrowth => ({ labels: X.map(() => -1), reachedAt: X.map(() => 0), core: X.map(() => false), starts: [], lastStep: 0, start: -1, error });
  if (!(eps > 0) || !Number.isFinite(eps)) return empty(`ε must be a positive distance, got ${eps}: no sample has a neighbourhood.`);
  if (!Number.isInteger(minSamples) || minSamples < 1) return empty(`minSamples must be a whole number ≥ 1, got ${minSamples}.`);
  if (n === 0) return empty('There are no points to cluster.');
  const nb = neighbourhoods(X, eps);
  const core = nb.map((l) => l.length >= minSamples);
  const labels = new Array<number>(n).fill(-1);
  const reachedAt = new Array<number>(n).fill(-1);
  const starts: number[] = [];
  const order = Array.from({ length: n }, (_, i) => i);
  const first = seed >= 0 && seed < n && core[seed] ? seed : core.indexOf(true);
  if (first >= 0) order.unshift(first);
  let step = 0;
  for (const s of order) {
    if (labels[s] !== -1 || !core[s]) continue;
    const c = starts.length;
    starts.push(s);
    labels[s] = c;
    reachedAt[s] = step;
    let ring = [s];
    while (ring.length) {
      const next: number[] = [];
      for (const i of ring) {
        if (!core[i]) continue;
        for (const j of nb[i]) {
          if (labels[j] !== -1) continue;
          labels[j] = c;
          reachedAt[j] = step + 1;
          next.push(j);
        }
      }
      if (next.length) step++;
      ring = next;
    }
    step++;
  }
  for (let i = 0; i < n; i++) if (labels[i] === -1) reachedAt[i] = step;
  return { labels, reachedAt, core, starts, lastStep: step, start: first, error: null };
}

/** The kind of each sample once the growth has ended. */
export function kindsOf(g: DbscanGrowth): SampleKind[] {
  return g.labels.map((l, i) => (g.core[i] ? 'core' : l >= 0 ? 'border' : 'noise'));
}

/** What the picture shows at `step`: each sample's label so far (−1: not reached), the ring just added, the cluster growing. */
export interface DbscanFrame {
  labels: number[];
  frontier: number[];
  cluster: number;
  done: boolean;
}

/** The frame at `step` of a growth. */
export function frameAt(g: DbscanGrowth, step: number): DbscanFrame {
  const done = g.error === null && step >= g.lastStep;
  const labels = g.labels.map((l, i) => (g.reachedAt[i] <= step ? l : -1));
  const frontier: number[] = [];
  g.reachedAt.forEach((t, i) => {
    if (t === step && g.labels[i] >= 0) frontier.push(i);
  });
  const cluster = frontier.length ? g.labels[frontier[0]] : -1;
  return { labels, frontier, cluster, done };
}

/** Renumbers labels by first appearance (noise stays −1), so two labellings can be compared up to numbering. */
export function canonicalLabels(labels: readonly number[]): number[] {
  const map = new Map<number, number>();
  return labels.map((l) => {
    if (l < 0) return -1;
    if (!map.has(l)) map.set(l, map.size);
    return map.get(l)!;
  });
}

/** Counts of the final kinds. */
export function kindCounts(g: DbscanGrowth): Record<SampleKind, number> {
  const c = { core: 0, border: 0, noise: 0 };
  for (const k of kindsOf(g)) c[k]++;
  return c;
}

/** The status line. */
export function statusText(g: DbscanGrowth, f: DbscanFrame, state: DbscanState, nPoints: number): string {
  if (g.error) return g.error;
  const counts = kindCounts(g);
  if (counts.core === 0) return `No core sample: no point has ${state.minSamples} samples within ε = ${state.eps}. Everything is noise — widen ε or lower minSamples.`;
  const seedNote = g.start !== state.seed ? `Sample #${state.seed} is not a core sample, so growth starts at #${g.start}. ` : '';
  if (f.done) {
    const nc = g.starts.length;
    return `${seedNote}Done: ${nc} cluster${nc === 1 ? '' : 's'}, ${counts.core} core, ${counts.border} border and ${counts.noise} noise samples of ${nPoints}.`;
  }
  if (f.frontier.length === 0) return `${seedNote}Step ${state.step}.`;
  const reached = f.labels.filter((l) => l === f.cluster).length;
  if (g.starts.includes(f.frontier[0]) && f.frontier.length === 1)
    return `${seedNote}Step ${state.step}: cluster ${f.cluster + 1} starts at core sample #${f.frontier[0]}. Press Step to add its ε-neighbours.`;
  return `${seedNote}Step ${state.step}: cluster ${f.cluster + 1} grows by ${f.frontier.length} sample${f.frontier.length === 1 ? '' : 's'} (${reached} so far).`;
}

/** The frame's `data-state`. */
export function frameState(g: DbscanGrowth, step: number, playing: boolean, done: boolean): ExplainerState {
  if (g.error) return 'error';
  if (playing) return 'playing';
  if (done) return 'done';
  return step > 0 ? 'paused' : 'idle';
}

/** The plot domain [x0, x1, y0, y1]: the extent, padded, with equal units on both axes for a plot of aspect h/w (ε circles stay round). */
export function equalDomain(X: readonly Pt[], aspect: number): [number, number, number, number] {
  let [x0, x1, y0, y1] = pointsExtent(X);
  if (!Number.isFinite(x0)) [x0, x1, y0, y1] = [-1, 1, -1, 1];
  const pad = 0.06 * Math.max(x1 - x0, y1 - y0, 1e-9) + 0.1;
  [x0, x1, y0, y1] = [x0 - pad, x1 + pad, y0 - pad, y1 + pad];
  const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
  const half = Math.max((x1 - x0) / 2, (y1 - y0) / 2 / aspect);
  return [cx - half, cx + half, cy - half * aspect, cy + half * aspect];
}

/** The nearest sample to a point of the plane. */
export function nearest(X: readonly Pt[], p: readonly number[]): number {
  let best = -1;
  let bd = Infinity;
  X.forEach((q, i) => {
    const d = (q[0] - p[0]) ** 2 + (q[1] - p[1]) ** 2;
    if (d < bd) {
      bd = d;
      best = i;
    }
  });
  return best;
}

/** Margins of the plot. */
export const MARGIN = { top: 10, right: 10, bottom: 40, left: 56 } as const;
