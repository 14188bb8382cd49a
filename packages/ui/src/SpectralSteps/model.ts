import { adjustedRandScore, KMeans, makeCircles, makeMoons, SpectralClustering } from '@geolearn/algorithms';
import { fieldCheck, type FieldChecks } from '../hooks/useControllableState';

/** The two data sets of the slide's example. */
export type SpectralDataset = 'moons' | 'rings';
/** How the graph W is built: k nearest neighbours, or every pair closer than ε. */
export type GraphKind = 'knn' | 'epsilon';

/** The explainer's state (plain JSON). */
export interface SpectralStepsState {
  dataset: SpectralDataset;
  graph: GraphKind;
  /** k of the kNN graph (each sample counts as its own first neighbour, as scikit-learn). */
  nNeighbors: number;
  /** ε of the radius graph. */
  epsilon: number;
}

export const DEFAULT_STATE: SpectralStepsState = { dataset: 'moons', graph: 'knn', nNeighbors: 10, epsilon: 0.3 };
/** Number of samples: n² = 40 000 matrix entries, a fit of a few ms. */
export const N_SAMPLES = 200;
export const K_RANGE = [1, 40] as const;
export const EPS_RANGE = [0.02, 3] as const;

/** Checks for `sanitizeDefaultValue`. */
export const STATE_CHECKS: FieldChecks<SpectralStepsState> = {
  dataset: fieldCheck.oneOf<SpectralDataset>('moons', 'rings'),
  graph: fieldCheck.oneOf<GraphKind>('knn', 'epsilon'),
  nNeighbors: fieldCheck.integer(1, 1000),
  epsilon: fieldCheck.number(-Infinity, Infinity),
};

/** 2-D points and their generating labels. */
export interface Labelled {
  X: number[][];
  y: number[];
}

/** The data set, rows sorted by the true label (so W and L show their two blocks). */
export function makeData(dataset: SpectralDataset, seed = 0): Labelled {
  const d = dataset === 'moons' ? makeMoons({ nSamples: N_SAMPLES, noise: 0.05, randomState: seed }) : makeCircles({ nSamples: N_SAMPLES, noise: 0.05, factor: 0.45, randomState: seed });
  const order = d.y.map((_, i) => i).sort((a, b) => d.y[a] - d.y[b] || a - b);
  return { X: order.map((i) => d.X[i].slice()), y: order.map((i) => d.y[i]) };
}

/** The ε graph: Wᵢⱼ = 1 when ‖xᵢ − xⱼ‖ ≤ ε and i ≠ j, else 0 (n × n, symmetric). */
export function epsilonGraph(X: readonly (readonly number[])[], eps: number): number[][] {
  const n = X.length;
  const W = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const e2 = eps * eps;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      for (let c = 0; c < X[i].length; c++) s += (X[i][c] - X[j][c]) ** 2;
      if (s <= e2) W[i][j] = W[j][i] = 1;
    }
  }
  return W;
}

/** Row-major flat copy of a square matrix, for the heatmaps. */
const flat = (M: readonly (readonly number[])[]): Float64Array => {
  const n = M.length;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) out.set(M[i], i * n);
  return out;
};

/** Everything the view shows: the four steps, k-means on the raw points, and the scores. */
export interface SpectralResult {
  n: number;
  /** Step 1: W, flat n × n. */
  W: Float64Array;
  /** Step 2: L = I − D^{−½} W D^{−½}, flat n × n. */
  L: Float64Array;
  /** Largest |Lᵢⱼ| off the diagonal: the diverging map's range. */
  lOff: number;
  /** Step 3: the embedding, one row [u₁, u₂] per sample. */
  embedding: number[][];
  eigenvalues: number[];
  /** Step 4: k-means in the embedding. */
  labels: number[];
  /** k-means on the raw points. */
  rawLabels: number[];
  /** Adjusted Rand index against the true labels: spectral, raw k-means. */
  ari: number;
  rawAri: number;
  /** The edges of the graph (i < j), for drawing it on the plane. */
  edges: [number, number][];
  nGraphComponents: number;
  warnings: string[];
}

/** The state's problem before any fit (out-of-range k or ε), or null. */
export function inputProblem(state: SpectralStepsState, n: number): string | null {
  if (state.graph === 'knn' && state.nNeighbors > n) return `k = ${state.nNeighbors} neighbours is more than the ${n} samples.`;
  if (state.graph === 'knn' && state.nNeighbors < 2) return 'k = 1: each sample is only its own neighbour, so the graph has no edges and nothing to cluster. Use k ≥ 2.';
  if (state.graph === 'epsilon' && !(state.epsilon > 0)) return `ε must be positive, got ${state.epsilon}.`;
  return null;
}

/** The fit to run (in the worker): SpectralClustering's options and its X (the points, or W for ε). */
export interface SpectralFit {
  params: { nClusters: number; affinity: 'nearest_neighbors' | 'precomputed'; nNeighbors?: number; randomState: number };
  X: number[][];
}

/** The fit for a state, or the reason there is none (k out of range, ε ≤ 0). */
export function fitRequest(state: SpectralStepsState, data: Labelled): SpectralFit | string {
  const problem = inputProblem(state, data.X.length);
  if (problem) return problem;
  return state.graph === 'knn'
    ? { params: { nClusters: 2, affinity: 'nearest_neighbors', nNeighbors: state.nNeighbors, randomState: 0 }, X: data.X }
    : { params: { nClusters: 2, affinity: 'precomputed', randomState: 0 }, X: epsilonGraph(data.X, state.epsilon) };
}

/** k-means (k = 2, 10 runs) on the raw points: the baseline that fails on moons and rings. */
export const rawKMeans = (data: Labelled): number[] => new KMeans({ nClusters: 2, nInit: 10, randomState: 0 }).fit(data.X).labels;

/** Reads the fitted model's four steps into what the view draws. */
export function assemble(sc: SpectralClustering, data: Labelled, rawLabels: readonly number[]): SpectralResult {
  const n = data.X.length;
  const Wm = sc.affinityMatrix;
  const Lm = sc.laplacian;
  let lOff = 0;
  const edges: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      lOff = Math.max(lOff, Math.abs(Lm[i][j]));
      if (Wm[i][j] > 0) edges.push([i, j]);
    }
  }
  return {
    n,
    W: flat(Wm),
    L: flat(Lm),
    lOff: lOff || 1,
    embedding: sc.embedding.map((r) => [r[0], r[1] ?? 0]),
    eigenvalues: sc.eigenvalues.slice(0, 2),
    labels: sc.labels,
    rawLabels: [...rawLabels],
    ari: adjustedRandScore(data.y, sc.labels),
    rawAri: adjustedRandScore(data.y, [...rawLabels]),
    edges,
    nGraphComponents: sc.nGraphComponents,
    warnings: sc.warnings,
  };
}

/** A run: its result, or why there is none. */
export interface SpectralRun {
  result: SpectralResult | null;
  error: string | null;
}

/** The same on this thread (tests, and the reference for the worker's result). Never throws. */
export function runSpectral(state: SpectralStepsState, data: Labelled): SpectralRun {
  const req = fitRequest(state, data);
  if (typeof req === 'string') return { result: null, error: req };
  try {
    const sc = new SpectralClustering(req.params).fit(req.X);
    return { result: assemble(sc, data, rawKMeans(data)), error: null };
  } catch (e) {
    return { result: null, error: failText(e) };
  }
}

/** A failed fit in words. */
export const failText = (e: unknown): string => `The fit failed: ${e instanceof Error ? e.message : String(e)}`;

/** Two decimals, − for minus. */
export const fmt2 = (v: number): string => v.toFixed(2).replace('-', '−');

/** An eigenvalue: 0, 3 decimals, or 2 significant digits in e-notation when tiny. */
export const fmtEig = (v: number): string => (Math.abs(v) < 1e-12 ? '0' : Math.abs(v) < 1e-3 ? v.toExponential(1).replace('-', '−') : v.toFixed(3));

/** The graph in words. */
export const graphText = (s: SpectralStepsState): string => (s.graph === 'knn' ? `k = ${s.nNeighbors} nearest neighbours` : `ε = ${s.epsilon}`);

/** The status line: the scores, and scikit-learn's warning when the graph is in pieces. */
export function statusText(state: SpectralStepsState, run: SpectralRun): string {
  if (!run.result) return run.error ?? 'Nothing to show.';
  const r = run.result;
  const pieces = r.nGraphComponents === 1 ? 'connected' : `in ${r.nGraphComponents} pieces`;
  const base = `Graph with ${graphText(state)}: ${r.edges.length} edges, ${pieces}. Spectral clustering ARI = ${fmt2(r.ari)}; k-means on the raw points ARI = ${fmt2(r.rawAri)}.`;
  return r.warnings.length ? `Warning: ${r.warnings.join(' ')} ${base}` : base;
}

/** The frame's data-state: a graph in pieces is a warning shown in red. */
export const frameState = (run: SpectralRun): 'done' | 'diverged' | 'error' => (!run.result ? 'error' : run.result.warnings.length ? 'diverged' : 'done');
