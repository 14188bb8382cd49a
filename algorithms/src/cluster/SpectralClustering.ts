import { NotFittedError, ValidationError } from '../core/errors';
import type { MatrixLike } from '../core/matrix';
import { checkRandomState, type RandomStateLike } from '../core/random';
import { checkArray, checkOneOf, checkScalar } from '../core/validation';
import { symmetricEigen } from '../decomposition/_linalg';
import { checkCount, frozenMatrix } from './_common';
import { kmeansLabels } from './_kmeans';
import { runToEnd } from '../core/steps';

/** Options of {@link SpectralClustering}, as scikit-learn's. */
export interface SpectralClusteringOptions {
  /** Number of clusters k. Default 8. */
  nClusters?: number;
  /**
   * How the adjacency (affinity) matrix W is built. 'rbf' (default): Wᵢⱼ = exp(−γ‖xᵢ − xⱼ‖²).
   * 'nearest_neighbors': Wᵢⱼ = ½(Cᵢⱼ + Cⱼᵢ), Cᵢⱼ = 1 when xⱼ is one of the nNeighbors nearest
   * samples of xᵢ (xᵢ itself counts as the first). 'precomputed': X is W itself (n×n, symmetric).
   */
  affinity?: 'rbf' | 'nearest_neighbors' | 'precomputed';
  /** γ of the rbf kernel. Default 1. */
  gamma?: number;
  /** Neighbours per sample for 'nearest_neighbors'. Default 10. */
  nNeighbors?: number;
  /** m, the number of eigenvectors kept for the embedding. Default nClusters. */
  nComponents?: number;
  /** k-means restarts on the embedding. Default 10. */
  nInit?: number;
  /** Seed or generator for k-means. Default 0. */
  randomState?: RandomStateLike;
}

/** One of the four steps of the slide, as a snapshot. */
export type SpectralClusteringStep =
  | { readonly step: 'affinity'; readonly matrix: readonly (readonly number[])[] }
  | { readonly step: 'laplacian'; readonly matrix: readonly (readonly number[])[]; readonly degrees: readonly number[] }
  | { readonly step: 'embedding'; readonly eigenvalues: readonly number[]; readonly embedding: readonly (readonly number[])[] }
  | { readonly step: 'kmeans'; readonly labels: readonly number[] };

interface State {
  affinityMatrix: Float64Array;
  laplacian: Float64Array;
  degrees: number[];
  eigenvalues: number[];
  embedding: Float64Array;
  labels: number[];
  n: number;
  m: number;
}

/**
 * Spectral clustering, as the slide lists it:
 * 1. the adjacency matrix W (rbf or k-nearest-neighbour affinity);
 * 2. the normalised Laplacian L = I − D^{−½} W D^{−½}, with dᵢ = Σ_{j≠i} Wᵢⱼ;
 * 3. the first m eigenvectors of L (smallest eigenvalues), each divided by √dᵢ, one row per
 *    sample: the spectral embedding, in which the clusters are compact;
 * 4. k-means on those rows.
 *
 * As scikit-learn's `spectral_clustering` with `assign_labels='kmeans'`, except that the
 * eigenvectors come from a dense symmetric eigen-decomposition (exact) instead of ARPACK,
 * so the cost is O(n³): fine for the few thousand points of an explainer.
 */
export class SpectralClustering {
  readonly options: Required<Omit<SpectralClusteringOptions, 'nComponents'>> & { nComponents?: number };
  private state: State | null = null;

  constructor(options: SpectralClusteringOptions = {}) {
    this.options = { nClusters: 8, affinity: 'rbf', gamma: 1, nNeighbors: 10, nInit: 10, randomState: 0, ...options };
  }

  /** Runs the four steps and returns this estimator. */
  fit(X: MatrixLike): this {
    runToEnd(this.fitSteps(X));
    return this;
  }

  /** Fits and returns the labels. */
  fitPredict(X: MatrixLike): number[] {
    return this.fit(X).labels;
  }

  /** The slide's four steps as frozen snapshots: 'affinity', 'laplacian', 'embedding', 'kmeans'. */
  *fitSteps(X: MatrixLike): Generator<SpectralClusteringStep, void, undefined> {
    const o = this.options;
    const M = checkArray(X);
    const n = M.rows;
    const affinity = checkOneOf(o.affinity, 'affinity', ['rbf', 'nearest_neighbors', 'precomputed'] as const);
    const k = checkCount(o.nClusters, n);
    const m = o.nComponents === undefined ? k : checkCount(o.nComponents, n, 'nComponents');
    const nInit = checkScalar(o.nInit, 'nInit', { min: 1, integer: true });
    const rng = checkRandomState(o.randomState);

    // 1. Adjacency matrix.
    let W: Float64Array;
    if (affinity === 'precomputed') {
      if (M.cols !== n) throw new ValidationError('X', 'shape-mismatch', `a precomputed affinity must be square, got ${n}×${M.cols}`);
      W = M.data;
    } else if (affinity === 'rbf') {
      const gamma = checkScalar(o.gamma, 'gamma', { min: 0, exclusiveMin: true });
      W = rbfAffinity(M.data, n, M.cols, gamma);
    } else {
      const nn = checkScalar(o.nNeighbors, 'nNeighbors', { min: 1, integer: true });
      if (nn > n) throw new ValidationError('nNeighbors', 'out-of-range', `nNeighbors = ${nn} is more than the ${n} samples`);
      W = knnAffinity(M.data, n, M.cols, nn);
    }
    yield Object.freeze({ step: 'affinity' as const, matrix: frozenMatrix(W, n, n) });

    // 2. Normalised Laplacian; degrees ignore self-loops (as SciPy's csgraph.laplacian).
    const deg = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) if (j !== i) s += W[i * n + j];
      deg[i] = s;
    }
    const sq = Array.from(deg, (v) => (v > 0 ? Math.sqrt(v) : 1));
    const L = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) L[i * n + j] = i === j ? (deg[i] > 0 ? 1 : 0) : -W[i * n + j] / (sq[i] * sq[j]);
    }
    yield Object.freeze({ step: 'laplacian' as const, matrix: frozenMatrix(L, n, n), degrees: Object.freeze(Array.from(deg)) });

    // 3. The m eigenvectors of the smallest eigenvalues, divided by √dᵢ, signs made deterministic
    //    (largest-magnitude entry positive, as scikit-learn's _deterministic_vector_sign_flip).
    for (let i = 0; i < n; i++) if (deg[i] > 0) L[i * n + i] = 1;
    const { values, vectorsT } = symmetricEigen(L, n);
    const eigenvalues: number[] = [];
    const E = new Float64Array(n * m);
    for (let c = 0; c < m; c++) {
      const src = n - 1 - c; // ascending from the end of the descending list
      eigenvalues.push(values[src]);
      let arg = 0;
      for (let i = 0; i < n; i++) {
        const v = vectorsT[src * n + i] / sq[i];
        E[i * m + c] = v;
        if (Math.abs(v) > Math.abs(E[arg * m + c])) arg = i;
      }
      if (E[arg * m + c] < 0) for (let i = 0; i < n; i++) E[i * m + c] = -E[i * m + c];
    }
    yield Object.freeze({ step: 'embedding' as const, eigenvalues: Object.freeze(eigenvalues.slice()), embedding: frozenMatrix(E, n, m) });

    // 4. k-means on the rows of the embedding.
    const labels = Array.from(kmeansLabels(E, n, m, k, nInit, rng).labels);
    yield Object.freeze({ step: 'kmeans' as const, labels: Object.freeze(labels.slice()) });
    this.state = { affinityMatrix: W, laplacian: L, degrees: Array.from(deg), eigenvalues, embedding: E, labels, n, m };
  }

  private get model(): State {
    if (!this.state) throw new NotFittedError('SpectralClustering');
    return this.state;
  }
  /** Cluster of each sample. */
  get labels(): number[] {
    return this.model.labels;
  }
  /** Step 1: the adjacency matrix W (n × n). */
  get affinityMatrix(): number[][] {
    const s = this.model;
    return frozenMatrix(s.affinityMatrix, s.n, s.n) as number[][];
  }
  /** Step 2: the normalised Laplacian L = I − D^{−½}WD^{−½} (n × n). */
  get laplacian(): number[][] {
    const s = this.model;
    return frozenMatrix(s.laplacian, s.n, s.n) as number[][];
  }
  /** The degrees dᵢ = Σ_{j≠i} Wᵢⱼ. */
  get degrees(): number[] {
    return this.model.degrees;
  }
  /** Step 3: the m smallest eigenvalues of L, ascending. */
  get eigenvalues(): number[] {
    return this.model.eigenvalues;
  }
  /** Step 3: the spectral embedding, n × m (eigenvectors / √d, as columns). */
  get embedding(): number[][] {
    const s = this.model;
    return frozenMatrix(s.embedding, s.n, s.m) as number[][];
  }
}

/** Wᵢⱼ = exp(−γ‖xᵢ − xⱼ‖²). */
export function rbfAffinity(X: Float64Array, n: number, d: number, gamma: number): Float64Array {
  const W = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    W[i * n + i] = 1;
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      for (let t = 0; t < d; t++) {
        const v = X[i * d + t] - X[j * d + t];
        s += v * v;
      }
      W[i * n + j] = W[j * n + i] = Math.exp(-gamma * s);
    }
  }
  return W;
}

/** ½(C + Cᵀ) with C the k-nearest-neighbour connectivity, each sample its own first neighbour. */
function knnAffinity(X: Float64Array, n: number, d: number, k: number): Float64Array {
  const C = new Float64Array(n * n);
  const dist = new Float64Array(n);
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let t = 0; t < d; t++) {
        const v = X[i * d + t] - X[j * d + t];
        s += v * v;
      }
      dist[j] = s;
    }
    dist[i] = -1; // itself first
    idx.sort((a, b) => dist[a] - dist[b] || a - b);
    for (let t = 0; t < k; t++) C[i * n + idx[t]] = 1;
  }
  const W = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) W[i * n + j] = 0.5 * (C[i * n + j] + C[j * n + i]);
  return W;
}
