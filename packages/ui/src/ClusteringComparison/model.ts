import {
  adjustedRandScore,
  makeBlobs,
  makeCircles,
  makeMoons,
  RandomState,
  type CovarianceType,
  type Linkage,
} from '@geolearn/algorithms';
import { fieldCheck, type FieldChecks } from '../hooks/useControllableState';
import type { ExplainerState } from '../kit/Explainer';
import type { FitManyJob, WorkerEstimatorName } from '../worker/registry';

/**
 * The clustering comparison's model: the six data sets of scikit-learn's cluster-comparison
 * figure (seeded, standardised), the slide's five methods with their parameters, the jobs of
 * the worker grid, the colours of a fitted cell and the status text. Pure, no React.
 */

/** The six data sets, in the figure's order. */
export const DATASETS = ['circles', 'moons', 'varied', 'aniso', 'blobs', 'none'] as const;
/** A data set's name. */
export type DatasetName = (typeof DATASETS)[number];

/** The slide's five methods, in its order. */
export const METHODS = ['minibatch', 'spectral', 'agglomerative', 'dbscan', 'gmm'] as const;
/** A method's name. */
export type MethodName = (typeof METHODS)[number];

/** The slide's two definitions of clustering. */
export type Definition = 'top-down' | 'bottom-up';

/** Affinities of spectral clustering offered here. */
export type Affinity = 'nearest_neighbors' | 'rbf';

/** What the grid shows of each data set. */
export const DATASET_INFO: Record<DatasetName, { label: string; k: number; eps: number }> = {
  circles: { label: 'Noisy circles', k: 2, eps: 0.2 },
  moons: { label: 'Noisy moons', k: 2, eps: 0.2 },
  varied: { label: 'Varied variance', k: 3, eps: 0.12 },
  aniso: { label: 'Anisotropic blobs', k: 3, eps: 0.15 },
  blobs: { label: 'Blobs', k: 3, eps: 0.15 },
  none: { label: 'No structure', k: 3, eps: 0.2 },
};

/** What the grid shows of each method, the estimator that fits it and the definition it follows. */
export const METHOD_INFO: Record<MethodName, { label: string; short: string; estimator: WorkerEstimatorName; definition: Definition; why: string }> = {
  minibatch: {
    label: 'Mini-batch k-means',
    short: 'Mini-batch',
    estimator: 'MiniBatchKMeans',
    definition: 'top-down',
    why: 'splits the data into k subsets of low inertia (each homogeneous around its centroid μᵢ)',
  },
  spectral: {
    label: 'Spectral clustering',
    short: 'Spectral',
    estimator: 'SpectralClustering',
    definition: 'top-down',
    why: 'cuts the similarity graph into k parts (k-means on the first eigenvectors of its Laplacian)',
  },
  agglomerative: {
    label: 'Agglomerative clustering',
    short: 'Agglomer\u00adative',
    estimator: 'AgglomerativeClustering',
    definition: 'bottom-up',
    why: 'starts from single samples and merges the two most similar clusters until k are left',
  },
  dbscan: {
    label: 'DBSCAN',
    short: 'DBSCAN',
    estimator: 'DBSCAN',
    definition: 'bottom-up',
    why: 'grows clusters from dense samples through neighbours closer than ε; the rest is noise',
  },
  gmm: {
    label: 'Gaussian mixture',
    short: 'Mixture',
    estimator: 'GaussianMixture',
    definition: 'top-down',
    why: 'models the data as k Gaussians and gives each sample to its most probable one',
  },
};

/** Every parameter of every method (each method reads the ones it has). */
export interface MethodParams {
  /** k, the number of clusters (k-means, spectral, agglomerative, mixture components). */
  k: number;
  /** ε of DBSCAN (in standardised units). */
  eps: number;
  /** DBSCAN's minSamples: neighbours within ε (itself included) that make a core sample. */
  minSamples: number;
  /** Linkage of agglomerative clustering. */
  linkage: Linkage;
  /** Covariance type of the Gaussian mixture. */
  covarianceType: CovarianceType;
  /** Affinity of spectral clustering. */
  affinity: Affinity;
}

/** The parameters each method has, in the panel's order. */
export const METHOD_PARAMS: Record<MethodName, readonly (keyof MethodParams)[]> = {
  minibatch: ['k'],
  spectral: ['k', 'affinity'],
  agglomerative: ['k', 'linkage'],
  dbscan: ['eps', 'minSamples'],
  gmm: ['k', 'covarianceType'],
};

export const LINKAGES: readonly Linkage[] = ['ward', 'complete', 'average', 'single'];
export const COVARIANCE_TYPES: readonly CovarianceType[] = ['full', 'tied', 'diag', 'spherical'];
export const AFFINITIES: readonly Affinity[] = ['nearest_neighbors', 'rbf'];

/** The cell a panel edits. */
export interface CellRef {
  dataset: DatasetName;
  method: MethodName;
}

/** The explainer's state: plain JSON. */
export interface ClusteringComparisonState {
  /** The cell whose parameters the panel shows; null: no panel. */
  selected: CellRef | null;
  /** Whether an edit in the panel applies to the selected cell only or to its whole column. */
  scope: 'cell' | 'column';
  /** Parameters changed from the defaults, by cell id `dataset/method`. */
  overrides: Record<string, Partial<MethodParams>>;
}

/** The untouched state: the figure's defaults, no panel. */
export const DEFAULT_STATE: ClusteringComparisonState = { selected: null, scope: 'column', overrides: {} };

const PARAM_CHECKS: FieldChecks<MethodParams> = {
  k: fieldCheck.integer(1, 12),
  eps: fieldCheck.number(1e-6, 100),
  minSamples: fieldCheck.integer(1, 500),
  linkage: fieldCheck.oneOf<Linkage>(...LINKAGES),
  covarianceType: fieldCheck.oneOf<CovarianceType>(...COVARIANCE_TYPES),
  affinity: fieldCheck.oneOf<Affinity>(...AFFINITIES),
};

const isCellRef = (v: unknown): v is CellRef =>
  typeof v === 'object' && v !== null && (DATASETS as readonly unknown[]).includes((v as CellRef).dataset) && (METHODS as readonly unknown[]).includes((v as CellRef).method);

/** Whether `v` is a valid overrides record (known cell ids, known fields, valid values). */
export function isOverrides(v: unknown): v is ClusteringComparisonState['overrides'] {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  return Object.entries(v).every(([id, p]) => {
    const [d, m] = id.split('/');
    if (!isCellRef({ dataset: d, method: m }) || typeof p !== 'object' || p === null) return false;
    return Object.entries(p).every(([f, x]) => f in PARAM_CHECKS && PARAM_CHECKS[f as keyof MethodParams](x));
  });
}

/** How a `defaultValue` is checked, field by field. */
export const STATE_CHECKS: FieldChecks<ClusteringComparisonState> = {
  selected: (v: unknown): v is CellRef | null => v === null || isCellRef(v),
  scope: fieldCheck.oneOf<'cell' | 'column'>('cell', 'column'),
  overrides: isOverrides,
};

/** A cell's id, `dataset/method`. */
export const cellId = (dataset: DatasetName, method: MethodName): string => `${dataset}/${method}`;

/** All cells, row by row (data set), then column (method): the order the grid fills in. */
export const ALL_CELLS: readonly CellRef[] = DATASETS.flatMap((dataset) => METHODS.map((method) => ({ dataset, method })));

/** The figure's parameters for a cell (k per data set; ε tuned to the data set's density, minSamples 7). */
export function defaultParams(dataset: DatasetName): MethodParams {
  const info = DATASET_INFO[dataset];
  return { k: info.k, eps: info.eps, minSamples: 7, linkage: 'ward', covarianceType: 'full', affinity: 'nearest_neighbors' };
}

/** The parameters a cell is fitted with: the defaults, then its overrides. */
export function paramsOf(state: ClusteringComparisonState, dataset: DatasetName, method: MethodName): MethodParams {
  return { ...defaultParams(dataset), ...state.overrides[cellId(dataset, method)] };
}

/** Sets one parameter on the selected cell, or on every cell of its column (scope 'column'). */
export function withParam<F extends keyof MethodParams>(state: ClusteringComparisonState, field: F, value: MethodParams[F]): ClusteringComparisonState {
  const sel = state.selected;
  if (!sel) return state;
  const targets = state.scope === 'column' ? DATASETS.map((d) => cellId(d, sel.method)) : [cellId(sel.dataset, sel.method)];
  const overrides = { ...state.overrides };
  for (const id of targets) overrides[id] = { ...overrides[id], [field]: value };
  return { ...state, overrides };
}

/** Back to the figure's defaults for the selected cell, or its column. */
export function withDefaults(state: ClusteringComparisonState): ClusteringComparisonState {
  const sel = state.selected;
  if (!sel) return state;
  const overrides = { ...state.overrides };
  for (const d of state.scope === 'column' ? DATASETS : [sel.dataset]) delete overrides[cellId(d, sel.method)];
  return { ...state, overrides };
}

/** A data set: standardised samples and the labels that generated them. */
export interface ComparisonData {
  X: number[][];
  y: number[];
  /** Half the side of the square plot domain, centred on 0. */
  half: number;
}

/** Standardises each column to zero mean and unit variance (as the figure's StandardScaler). */
export function standardise(X: readonly (readonly number[])[]): number[][] {
  const n = X.length;
  const d = n ? X[0].length : 0;
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  for (const r of X) for (let j = 0; j < d; j++) mean[j] += r[j] / n;
  for (const r of X) for (let j = 0; j < d; j++) sd[j] += (r[j] - mean[j]) ** 2 / n;
  // A constant column stays 0 (scale 1), as scikit-learn does.
  const s = sd.map((v) => (v > 0 ? Math.sqrt(v) : 1));
  return X.map((r) => r.map((v, j) => (v - mean[j]) / s[j]));
}

/**
 * A data set of the figure: n samples, seeded. Circles (factor 0.5, noise 0.05), moons (noise
 * 0.05), blobs with standard deviations 1, 2.5 and 0.5, blobs sheared by [[0.6, −0.6], [−0.4, 0.8]],
 * plain blobs, and uniform noise with no structure (all one label). Then standardised.
 */
export function makeComparisonData(name: DatasetName, n: number, seed: number): ComparisonData {
  let X: number[][];
  let y: number[];
  if (name === 'circles') ({ X, y } = makeCircles({ nSamples: n, factor: 0.5, noise: 0.05, randomState: seed }));
  else if (name === 'moons') ({ X, y } = makeMoons({ nSamples: n, noise: 0.05, randomState: seed }));
  else if (name === 'varied') ({ X, y } = makeBlobs({ nSamples: n, clusterStd: [1, 2.5, 0.5], randomState: seed }));
  else if (name === 'aniso') {
    ({ X, y } = makeBlobs({ nSamples: n, randomState: seed }));
    X = X.map(([a, b]) => [0.6 * a - 0.4 * b, -0.6 * a + 0.8 * b]);
  } else if (name === 'blobs') ({ X, y } = makeBlobs({ nSamples: n, randomState: seed + 1 }));
  else {
    const rng = new RandomState(seed);
    X = Array.from({ length: n }, () => [rng.uniform(0, 1), rng.uniform(0, 1)]);
    y = new Array<number>(n).fill(0);
  }
  const Z = standardise(X);
  let half = 0;
  for (const r of Z) half = Math.max(half, Math.abs(r[0]), Math.abs(r[1]));
  return { X: Z, y, half: half * 1.05 || 1 };
}

/** Smallest and largest n per data set. */
export const N_RANGE = [10, 10000] as const;

/** Why `n` cannot be used, or null. */
export function nProblem(n: number): string | null {
  if (!Number.isInteger(n) || n < N_RANGE[0] || n > N_RANGE[1]) return `n must be a whole number of samples from ${N_RANGE[0]} to ${N_RANGE[1]}, got ${n}; nothing to cluster.`;
  return null;
}

/** Why a cell cannot be fitted with these parameters (k > n, ε ≤ 0…), or null. */
export function paramsProblem(method: MethodName, p: MethodParams, n: number): string | null {
  const uses = METHOD_PARAMS[method];
  if (uses.includes('k') && !(Number.isInteger(p.k) && p.k >= 1)) return `k must be a whole number ≥ 1, got ${p.k}`;
  if (uses.includes('k') && p.k > n) return `k = ${p.k} is more than the ${n} samples`;
  if (method === 'spectral' && p.k < 2) return 'spectral clustering needs k ≥ 2';
  if (uses.includes('eps') && !(p.eps > 0)) return `ε must be > 0, got ${p.eps}`;
  if (uses.includes('minSamples') && !(Number.isInteger(p.minSamples) && p.minSamples >= 1)) return `minSamples must be a whole number ≥ 1, got ${p.minSamples}`;
  return null;
}

/** The estimator options of a cell (a seed number, so they cross to the worker). */
export function estimatorParams(method: MethodName, p: MethodParams, seed: number): Record<string, unknown> {
  switch (method) {
    case 'minibatch':
      return { nClusters: p.k, randomState: seed };
    case 'spectral':
      return { nClusters: p.k, affinity: p.affinity, randomState: seed };
    case 'agglomerative':
      return { nClusters: p.k, linkage: p.linkage };
    case 'dbscan':
      return { eps: p.eps, minSamples: p.minSamples };
    case 'gmm':
      return { nComponents: p.k, covarianceType: p.covarianceType, randomState: seed };
  }
}

/** What identifies a cell's fit: when it changes, the cell is stale and refitted. */
export function cellSignature(method: MethodName, p: MethodParams, n: number, seed: number): string {
  return JSON.stringify([n, seed, METHOD_PARAMS[method].map((f) => p[f])]);
}

/** The worker job of a cell: its estimator, options and samples; labels only come back. */
export function cellJob(method: MethodName, p: MethodParams, X: number[][], seed: number): FitManyJob {
  return { estimator: METHOD_INFO[method].estimator, params: estimatorParams(method, p, seed) as never, X, output: 'labels' };
}

/** A fitted cell. */
export interface CellResult {
  /** The signature it was fitted with. */
  sig: string;
  /** Cluster of each sample (−1: DBSCAN's noise). */
  labels: number[];
  /** Colour index of each cluster label (see {@link alignColours}); −1 for noise. */
  colours: Record<number, number>;
  /** Fit time in the worker, ms. */
  ms: number;
  /** Adjusted Rand index against the generating labels. */
  ari: number;
  /** Clusters found (noise not counted). */
  clusters: number;
  /** Samples labelled noise. */
  noise: number;
}

/**
 * Colours clusters so that cells can be compared: each found cluster takes the colour of the
 * generating label it overlaps most, greedily by overlap and without reuse; the clusters left
 * over take the unused colours in turn. Noise (−1) keeps −1 (the muted colour).
 */
export function alignColours(truth: readonly number[], labels: readonly number[]): Record<number, number> {
  const overlap = new Map<string, number>();
  const found = new Set<number>();
  const trueSet = new Set<number>();
  labels.forEach((l, i) => {
    if (l < 0) return;
    found.add(l);
    trueSet.add(truth[i]);
    const key = `${l},${truth[i]}`;
    overlap.set(key, (overlap.get(key) ?? 0) + 1);
  });
  const pairs = [...overlap.entries()].map(([key, c]) => [...key.split(',').map(Number), c] as [number, number, number]);
  pairs.sort((a, b) => b[2] - a[2] || a[0] - b[0] || a[1] - b[1]);
  const out: Record<number, number> = { [-1]: -1 };
  const used = new Set<number>();
  for (const [l, t] of pairs) {
    if (l in out || used.has(t)) continue;
    out[l] = t;
    used.add(t);
  }
  let next = 0;
  for (const l of [...found].sort((a, b) => a - b)) {
    if (l in out) continue;
    while (used.has(next)) next++;
    out[l] = next;
    used.add(next);
  }
  return out;
}

/** A cell's result from the worker's labels: ARI, colours, cluster and noise counts. */
export function cellResult(sig: string, truth: readonly number[], labels: number[], ms: number): CellResult {
  const clusters = new Set(labels.filter((l) => l >= 0)).size;
  const noise = labels.filter((l) => l < 0).length;
  return { sig, labels, colours: alignColours(truth, labels), ms, ari: adjustedRandScore(truth, labels), clusters, noise };
}

/** A fit time as text: "38 ms" or "1.2 s". */
export const formatMs = (ms: number): string => (ms < 1000 ? `${Math.max(1, Math.round(ms))} ms` : `${(ms / 1000).toFixed(ms < 10000 ? 2 : 1)} s`);

/** An ARI to two decimals ("0.00", never "-0.00"). */
export const formatAri = (ari: number): string => (Math.abs(ari) < 0.005 ? '0.00' : ari.toFixed(2));

/** A cell's numbers: "ARI 0.98 · 38 ms". */
export const cellLine = (r: CellResult): string => `ARI ${formatAri(r.ari)} · ${formatMs(r.ms)}`;

/** Where the grid stands. */
export interface GridProgress {
  /** Cells fitted with their current parameters. */
  fitted: number;
  /** Cells in the grid. */
  total: number;
  /** Cells whose parameters cannot be used. */
  invalid: number;
  running: boolean;
  /** Cells and wall time (ms) of the last finished run. */
  last: { cells: number; wallMs: number } | null;
  /** The run's error, if it failed. */
  error: string | null;
  /** The problem with n, if any. */
  nError: string | null;
}

/**
 * The frame's data-state: done when every cell is current, error, or paused (cancelled). A fit in
 * progress is not playback, so it reads idle; the progress bar marks the busy part (`aria-busy`).
 */
export function frameState(g: GridProgress): ExplainerState {
  if (g.nError || g.error) return 'error';
  if (g.running) return 'idle';
  if (g.fitted + g.invalid >= g.total) return 'done';
  return g.fitted > 0 ? 'paused' : 'idle';
}

/** The status line. */
export function statusText(g: GridProgress, n: number, problems: readonly string[]): string {
  if (g.nError) return g.nError;
  if (g.error) return `The fit failed: ${g.error}`;
  const bad = problems.length ? ` ${problems.length} cell${problems.length > 1 ? 's' : ''} not fitted: ${problems[0]}${problems.length > 1 ? '…' : ''}.` : '';
  if (g.running) return `Fitting in a Web Worker: ${g.fitted} of ${g.total} cells done (${n.toLocaleString('en-GB')} samples per data set).${bad}`;
  if (g.fitted + g.invalid >= g.total) {
    // The run's wall time is telemetry: `showPerformance` shows it (and data-wall-ms carries it), not the status.
    return `${g.fitted} cells fitted on ${n.toLocaleString('en-GB')} samples per data set. Click a cell to change its method's parameters.${bad}`;
  }
  return `Cancelled: ${g.fitted} of ${g.total} cells fitted. Press Fit the grid to finish.${bad}`;
}

/** Sizes of the grid: cell side, cells per row, whether the definitions sit beside the grid. */
export interface GridSizes {
  cell: number;
  /** Cells per row in the compact layout (one data set per block). */
  perRow: number;
  side: boolean;
  sideWidth: number;
}

/** The grid's sizes for a frame `width` px wide (compact: one data set per block, 2–3 cells a row; beside the definitions from 900 px). */
export function gridSizes(width: number, compact: boolean): GridSizes {
  const w = Math.max(200, width);
  if (compact) {
    const perRow = w >= 330 ? 3 : 2;
    return { cell: Math.floor((w - 8 * (perRow - 1)) / perRow) - 2, perRow, side: false, sideWidth: w };
  }
  // The definitions sit beside the grid from 900 px (narrower below 1,100 px).
  const side = w >= 900;
  const sideWidth = !side ? w : w >= 1100 ? 280 : 230;
  const gridW = side ? w - sideWidth - 16 : w;
  // A row header of 92 px, then five cells (2 px of border each) with 6 px gaps.
  const cell = Math.max(72, Math.min(200, Math.floor((gridW - 92 - 6 * 5) / 5) - 2));
  return { cell, perRow: 5, side, sideWidth };
}
