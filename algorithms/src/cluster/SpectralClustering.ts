import { BaseEstimator, readEstimatorJSON } from '../core/base';
import { ValidationError } from '../core/errors';
import { jsonError, readFiniteArray, readInt, readIntArray, readObject } from '../core/json';
import type { MatrixLike } from '../core/matrix';
import type { ParamSpecs } from '../core/params';
import { checkRandomState, type RandomStateLike } from '../core/random';
import { checkArray, checkFiniteResult, checkSize, LIMITS } from '../core/validation';
import { checkCount, checkSpread, frozenMatrix, readWarnings } from './_common';
import { kmeansLabels } from './_kmeans';
import { csrToDense, degrees, denseToCSR, knnAffinityCSR, knnIndices, spectralEmbedding, type CSR } from './_spectral';
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
  /** m, the number of eigenvectors kept for the embedding; null (default) for nClusters. */
  nComponents?: number | null;
  /** k-means restarts on the embedding. Default 10. */
  nInit?: number;
  /** Seed or generator for k-means. Default undefined (seed 0). */
  randomState?: RandomStateLike;
}

/** A fitted {@link SpectralClustering} as plain JSON (the affinity W in compressed-row form). */
export interface SpectralClusteringJSON {
  estimator: 'SpectralClustering';
  options: Omit<SpectralClusteringOptions, 'randomState'> & { randomState?: number };
  labels: number[];
  affinity: { indptr: number[]; indices: number[]; values: number[] };
  degrees: number[];
  eigenvalues: number[];
  /** n × m, row-major. */
  embedding: number[];
  nGraphComponents: number;
  warnings: string[];
}

/** scikit-learn's warning for an affinity graph in several pieces. */
export const NOT_CONNECTED_WARNING = 'Graph is not fully connected, spectral embedding may not work as expected.';

/** One of the four steps of the slide, as a snapshot. */
export type SpectralClusteringStep =
  | { readonly step: 'affinity'; readonly matrix: readonly (readonly number[])[] }
  | { readonly step: 'laplacian'; readonly matrix: readonly (readonly number[])[]; readonly degrees: readonly number[] }
  | { readonly step: 'embedding'; readonly eigenvalues: readonly number[]; readonly embedding: readonly (readonly number[])[] }
  | { readonly step: 'kmeans'; readonly labels: readonly number[] };

interface State {
  /** W as sparse rows (kNN) or all its nonzeros (rbf, precomputed). */
  affinity: CSR;
  degrees: number[];
  eigenvalues: number[];
  embedding: Float64Array;
  labels: number[];
  n: number;
  m: number;
  /** Connected components of the affinity graph; more than one is scikit-learn's warning case. */
  nGraphComponents: number;
  /** What went wrong without stopping the fit (a graph in several pieces). */
  warnings: string[];
}

/**
 * Spectral clustering, as the slide lists it:
 * 1. the adjacency matrix W (rbf or k-nearest-neighbour affinity);
 * 2. the normalised Laplacian L = I − D^{−½} W D^{−½}, with dᵢ = Σ_{j≠i} Wᵢⱼ;
 * 3. the first m eigenvectors of L (smallest eigenvalues), each divided by √dᵢ, one row per
 *    sample: the spectral embedding, in which the clusters are compact;
 * 4. k-means on those rows.
 *
 * As scikit-learn's `spectral_clustering` with `assign_labels='kmeans'`. The kNN affinity is
 * built sparse (k-d tree), the eigenvalue-0 eigenvectors come exactly from the graph's connected
 * components, and the others from Lanczos on the sparse normalised adjacency (see `_spectral.ts`),
 * so a fit costs about O(n log n + n·k·steps) instead of a dense O(n³) decomposition. The dense
 * n×n matrices are built only for the `fitSteps` snapshots and the `affinityMatrix` and
 * `laplacian` getters.
 *
 * Limits: the 'rbf' affinity is built dense, as are the `fitSteps` snapshots, so n² ≤ 2²⁶
 * (n ≤ 8192; more is a 'too-large' ValidationError: use 'nearest_neighbors'). A graph in
 * several pieces gives scikit-learn's warning in `warnings` and still a defined result.
 */
export class SpectralClustering extends BaseEstimator<SpectralClusteringOptions, State> {
  static override readonly estimatorName = 'SpectralClustering';
  /** The declared options (read by UIs for controls and by permalink decoders). */
  static override readonly paramSpec: ParamSpecs = {
    nClusters: { type: 'integer', default: 8, min: 1, max: 1e6, uiRange: [1, 20], doc: 'Number of clusters k (at most the number of samples).' },
    affinity: {
      type: 'enum',
      values: ['rbf', 'nearest_neighbors', 'precomputed'],
      default: 'rbf',
      doc: "How W is built: 'rbf' exp(−γ‖xᵢ − xⱼ‖²), 'nearest_neighbors' (symmetrised kNN graph) or 'precomputed' (X is W, n×n).",
    },
    gamma: { type: 'number', default: 1, min: 0, exclusiveMin: true, log: true, uiRange: [0.01, 100], doc: 'γ of the rbf kernel (> 0).' },
    nNeighbors: { type: 'integer', default: 10, min: 1, max: 1e6, uiRange: [1, 50], doc: "Neighbours per sample for 'nearest_neighbors' (at most the number of samples)." },
    nComponents: { type: 'integer', default: null, nullable: true, min: 1, max: 1e6, uiRange: [1, 20], doc: 'm, the eigenvectors kept for the embedding; null for nClusters.' },
    nInit: { type: 'integer', default: 10, min: 1, max: 1000, uiRange: [1, 20], doc: 'k-means restarts on the embedding.' },
    randomState: { type: 'randomState', default: undefined, doc: 'Seed or generator for k-means (undefined: seed 0).' },
  };

  /** Runs the four steps and returns this estimator. */
  fit(X: MatrixLike): this {
    runToEnd(this.run(X, false));
    return this;
  }

  /** Fits and returns the labels. */
  fitPredict(X: MatrixLike): number[] {
    return this.fit(X).labels;
  }

  /** The slide's four steps as frozen snapshots: 'affinity', 'laplacian', 'embedding', 'kmeans'. */
  *fitSteps(X: MatrixLike): Generator<SpectralClusteringStep, void, undefined> {
    yield* this.run(X, true);
  }

  /** The four steps; the dense snapshots are built only when `snapshots` is set. */
  private *run(X: MatrixLike, snapshots: boolean): Generator<SpectralClusteringStep, void, undefined> {
    const o = this.options;
    const M = checkArray(X);
    const n = M.rows;
    const affinity = o.affinity;
    const k = checkCount(o.nClusters, n);
    const m = o.nComponents == null ? k : checkCount(o.nComponents, n, 'nComponents');
    const nInit = o.nInit;
    const rng = checkRandomState(o.randomState);
    // rbf builds W dense, and the step snapshots show n×n matrices.
    if (affinity === 'rbf' || snapshots) checkSize('X', n * n, LIMITS.maxElements, `entries of the n×n affinity matrix${snapshots ? ' (fitSteps shows it dense)' : ''}`);
    checkSize('nComponents', n * m, LIMITS.maxElements, 'embedding entries (nSamples × nComponents)');

    // 1. Adjacency matrix.
    let W: CSR;
    if (affinity === 'precomputed') {
      if (M.cols !== n) throw new ValidationError('X', 'shape-mismatch', `a precomputed affinity must be square, got ${n}×${M.cols}`);
      checkAffinity(M.data, n);
      W = denseToCSR(M.data, n);
    } else if (affinity === 'rbf') {
      // exp(−γ·∞) = 0 is the exact limit for far-apart samples: no overflow to report here.
      W = denseToCSR(rbfAffinity(M.data, n, M.cols, o.gamma), n);
    } else {
      const nn = o.nNeighbors;
      // Overflowed distances (features of order 1e154) would tie and pick wrong neighbours.
      checkSpread(M.data, n, M.cols, 'SpectralClustering');
      if (nn > n) throw new ValidationError('nNeighbors', 'out-of-range', `nNeighbors = ${nn} is more than the ${n} samples`);
      W = knnAffinityCSR(knnIndices(M.data, n, M.cols, nn), n, nn);
    }
    if (snapshots) yield Object.freeze({ step: 'affinity' as const, matrix: frozenMatrix(csrToDense(W), n, n) });

    // 2. Normalised Laplacian; degrees ignore self-loops (as SciPy's csgraph.laplacian).
    const deg = degrees(W);
    if (snapshots) yield Object.freeze({ step: 'laplacian' as const, matrix: frozenMatrix(laplacianDense(W, deg), n, n), degrees: Object.freeze(Array.from(deg)) });

    // 3. The m eigenvectors of the smallest eigenvalues, divided by √dᵢ, signs made deterministic
    //    (largest-magnitude entry positive, as scikit-learn's _deterministic_vector_sign_flip).
    const { eigenvalues, embedding: E, nGraphComponents } = spectralEmbedding(W, deg, m, rng);
    if (snapshots) yield Object.freeze({ step: 'embedding' as const, eigenvalues: Object.freeze(eigenvalues.slice()), embedding: frozenMatrix(E, n, m) });

    // 4. k-means on the rows of the embedding.
    checkFiniteResult(E, 'SpectralClustering embedding');
    const labels = Array.from(kmeansLabels(E, n, m, k, nInit, rng).labels);
    yield Object.freeze({ step: 'kmeans' as const, labels: Object.freeze(labels.slice()) });
    // As scikit-learn's UserWarning; the embedding is still defined (one indicator per piece).
    const warnings = nGraphComponents > 1 ? [`${NOT_CONNECTED_WARNING} (${nGraphComponents} connected components)`] : [];
    this.fitted = { affinity: W, degrees: Array.from(deg), eigenvalues, embedding: E, labels, n, m, nGraphComponents, warnings };
  }

  /**
   * Warnings of the fit, as scikit-learn's: "Graph is not fully connected, spectral
   * embedding may not work as expected" when the affinity graph has several components.
   */
  get warnings(): string[] {
    return this.model.warnings;
  }

  /** The fitted model as plain JSON (W sparse, the embedding and the labels). */
  toJSON(): SpectralClusteringJSON {
    const s = this.model;
    return {
      ...this.jsonHeader(),
      estimator: 'SpectralClustering',
      labels: [...s.labels],
      affinity: { indptr: Array.from(s.affinity.indptr), indices: Array.from(s.affinity.indices), values: Array.from(s.affinity.values) },
      degrees: [...s.degrees],
      eigenvalues: [...s.eigenvalues],
      embedding: Array.from(s.embedding),
      nGraphComponents: s.nGraphComponents,
      warnings: [...s.warnings],
    };
  }

  /**
   * Rebuilds a fitted model from {@link toJSON}'s output, validating every field: W's
   * compressed rows (indptr non-decreasing, column indices in range, finite non-negative
   * values), n degrees, m eigenvalues, an n × m embedding, labels in 0 … nClusters−1.
   */
  static fromJSON(json: unknown): SpectralClustering {
    const { doc, model } = readEstimatorJSON(json, SpectralClustering);
    const k = model.options.nClusters;
    const m = model.options.nComponents ?? k;
    const labels = readIntArray(doc.labels, 'json.labels', undefined, 0, k - 1);
    const n = labels.length;
    if (n < Math.max(k, m)) throw jsonError('json.labels', 'length-mismatch', `has ${n} entries; fewer than nClusters or nComponents`);
    const a = readObject(doc.affinity, 'json.affinity', ['indptr', 'indices', 'values']);
    const indptr = readIntArray(a.indptr, 'json.affinity.indptr', n + 1, 0, LIMITS.maxJsonArray);
    if (indptr[0] !== 0) throw jsonError('json.affinity.indptr[0]', 'out-of-range', `is ${indptr[0]}; expected 0`);
    for (let i = 1; i <= n; i++) if (indptr[i] < indptr[i - 1]) throw jsonError(`json.affinity.indptr[${i}]`, 'out-of-range', `is ${indptr[i]}; row pointers must be non-decreasing`);
    const nnz = indptr[n];
    const indices = readIntArray(a.indices, 'json.affinity.indices', nnz, 0, n - 1);
    const values = readFiniteArray(a.values, 'json.affinity.values', nnz, { min: 0 });
    const degrees = readFiniteArray(doc.degrees, 'json.degrees', n, { min: 0 });
    const eigenvalues = readFiniteArray(doc.eigenvalues, 'json.eigenvalues', m);
    const embedding = readFiniteArray(doc.embedding, 'json.embedding', n * m);
    model.fitted = {
      affinity: { n, indptr: Int32Array.from(indptr), indices: Int32Array.from(indices), values: Float64Array.from(values) },
      degrees,
      eigenvalues,
      embedding: Float64Array.from(embedding),
      labels,
      n,
      m,
      nGraphComponents: readInt(doc.nGraphComponents, 'json.nGraphComponents', 1, n),
      warnings: readWarnings(doc.warnings, 'json.warnings'),
    };
    return model;
  }
  /** Cluster of each sample. */
  get labels(): number[] {
    return this.model.labels;
  }
  /** Step 1: the adjacency matrix W (n × n). */
  get affinityMatrix(): number[][] {
    const s = this.model;
    return frozenMatrix(csrToDense(s.affinity), s.n, s.n) as number[][];
  }
  /** Step 2: the normalised Laplacian L = I − D^{−½}WD^{−½} (n × n). */
  get laplacian(): number[][] {
    const s = this.model;
    return frozenMatrix(laplacianDense(s.affinity, Float64Array.from(s.degrees)), s.n, s.n) as number[][];
  }
  /** The degrees dᵢ = Σ_{j≠i} Wᵢⱼ. */
  get degrees(): number[] {
    return this.model.degrees;
  }
  /**
   * Connected components of the affinity graph. More than one is the case where scikit-learn
   * warns "Graph is not fully connected, spectral embedding may not work as expected"; the
   * embedding then uses one indicator vector per component (largest first) for eigenvalue 0.
   */
  get nGraphComponents(): number {
    return this.model.nGraphComponents;
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

/**
 * A precomputed affinity must be a similarity matrix: non-negative and symmetric (up to
 * rounding, 1e-8 relative), else the Laplacian has no meaning and its eigenvectors none either.
 */
function checkAffinity(W: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = W[i * n + j];
      if (v < 0) throw new ValidationError('X', 'out-of-range', `a precomputed affinity must be non-negative, but X[${i}][${j}] = ${v}`);
      if (j > i) {
        const u = W[j * n + i];
        if (Math.abs(v - u) > 1e-8 * Math.max(Math.abs(v), Math.abs(u), 1e-300)) {
          throw new ValidationError('X', 'out-of-range', `a precomputed affinity must be symmetric, but X[${i}][${j}] = ${v} and X[${j}][${i}] = ${u}`);
        }
      }
    }
  }
}

/** L = I − D^{−½}WD^{−½} as a dense n×n array (Lᵢᵢ = 0 for an isolated sample). */
function laplacianDense(W: CSR, deg: Float64Array): Float64Array {
  const n = W.n;
  const sq = Array.from(deg, (v) => (v > 0 ? Math.sqrt(v) : 1));
  const Wd = csrToDense(W);
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) L[i * n + j] = i === j ? (deg[i] > 0 ? 1 : 0) : -Wd[i * n + j] / (sq[i] * sq[j]);
  }
  return L;
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
