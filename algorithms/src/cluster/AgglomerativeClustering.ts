import { BaseEstimator, readEstimatorJSON } from '../core/base';
import { ValidationError } from '../core/errors';
import { jsonError, readArray, readFiniteArray, readInt, readIntArray } from '../core/json';
import type { MatrixLike } from '../core/matrix';
import type { ParamSpecs } from '../core/params';
import { checkArray, checkFiniteResult, checkSize, LIMITS } from '../core/validation';
import { checkCount, checkSpread } from './_common';
import { wardChain, type RawMerge } from './_nnchain';

/** How the distance between two clusters is measured. */
export type Linkage = 'ward' | 'complete' | 'average' | 'single';

/** Options of {@link AgglomerativeClustering}, as scikit-learn's. */
export interface AgglomerativeClusteringOptions {
  /** Clusters to cut the tree into. Default 2; set null to cut at distanceThreshold instead. */
  nClusters?: number | null;
  /**
   * 'ward' (default): merge the pair that least increases the total within-cluster variance;
   * 'complete': the largest pairwise distance; 'average': the mean pairwise distance;
   * 'single': the smallest pairwise distance. Euclidean distances throughout.
   */
  linkage?: Linkage;
  /** With nClusters null: merges at a distance ≥ this are undone (one more cluster per such merge). */
  distanceThreshold?: number | null;
}

/** A fitted {@link AgglomerativeClustering} as plain JSON. */
export interface AgglomerativeClusteringJSON {
  estimator: 'AgglomerativeClustering';
  options: AgglomerativeClusteringOptions;
  labels: number[];
  children: [number, number][];
  distances: number[];
  counts: number[];
  nClusters: number;
  nLeaves: number;
}

interface State {
  labels: number[];
  children: [number, number][];
  distances: number[];
  counts: number[];
  nClusters: number;
  nLeaves: number;
}

/**
 * Bottom-up hierarchical clustering: start with every sample its own cluster and repeatedly
 * merge the two closest clusters (by the chosen linkage) until one remains; the merge tree
 * (`children`, `distances`) is a dendrogram, and cutting it gives nClusters clusters.
 *
 * The tree is built as SciPy's `linkage` (which scikit-learn calls): the nearest-neighbour
 * chain algorithm with Lance–Williams distance updates, O(n²) time and memory; merges are then
 * sorted by distance and node n + i is the cluster made by merge i. Ward distances are SciPy's,
 * d(u, v) = √(2|u||v|/(|u|+|v|)) ‖c_u − c_v‖.
 *
 * Limits: 'complete', 'average' and 'single' keep the n×n distance matrix, so n² ≤ 2²⁶
 * (LIMITS.maxElements, n ≤ 8192; more is a 'too-large' ValidationError); ward needs only O(n·d).
 * Features of order 1e154 and more are an 'overflow' ValidationError (standardise them).
 */
export class AgglomerativeClustering extends BaseEstimator<AgglomerativeClusteringOptions, State> {
  static override readonly estimatorName = 'AgglomerativeClustering';
  /** The declared options (read by UIs for controls and by permalink decoders). */
  static override readonly paramSpec: ParamSpecs = {
    nClusters: { type: 'integer', default: 2, nullable: true, min: 1, max: 1e6, uiRange: [1, 20], doc: 'Clusters to cut the tree into (at most the number of samples); null to cut at distanceThreshold instead.' },
    linkage: {
      type: 'enum',
      values: ['ward', 'complete', 'average', 'single'],
      default: 'ward',
      doc: "Cluster distance: 'ward' (least increase of within-cluster variance), 'complete' (largest), 'average' (mean) or 'single' (smallest pairwise distance).",
    },
    distanceThreshold: { type: 'number', default: null, nullable: true, min: 0, log: true, uiRange: [0.01, 100], doc: 'With nClusters null: merges at a distance ≥ this are undone.' },
  };

  /** Builds the full merge tree, cuts it, and returns this estimator. */
  fit(X: MatrixLike): this {
    const M = checkArray(X);
    const n = M.rows;
    const { nClusters, distanceThreshold, linkage } = this.options;
    if ((nClusters == null) === (distanceThreshold == null)) {
      throw new ValidationError('nClusters', 'bad-option', 'give exactly one of nClusters and distanceThreshold (set the other to null)');
    }
    if (nClusters != null) checkCount(nClusters, n);
    // complete/average/single keep the n×n distance matrix (ward needs only centroids).
    if (linkage !== 'ward') checkSize('X', n * n, LIMITS.maxElements, `pairwise distances (nSamples² for '${linkage}' linkage; ward has no such limit)`);

    // Features of order 1e154 overflow the squared distances: report it before building a tree of ∞.
    checkSpread(M.data, n, M.cols, 'AgglomerativeClustering');
    const { children, distances, counts } = linkageTree(M.data, n, M.cols, linkage);
    // Features of order 1e154 overflow the squared distances: report, never cut a tree of ∞ and NaN.
    checkFiniteResult(distances, `AgglomerativeClustering ${linkage} merge distances`);
    const k = nClusters ?? distances.filter((v) => v >= (distanceThreshold as number)).length + 1;
    this.fitted = {
      labels: Object.freeze(cutTree(children, n, k)) as number[],
      children: Object.freeze(children.map((c) => Object.freeze(c))) as [number, number][],
      distances: Object.freeze(distances) as number[],
      counts: Object.freeze(counts) as number[],
      nClusters: k,
      nLeaves: n,
    };
    return this;
  }

  /** Fits and returns the labels. */
  fitPredict(X: MatrixLike): number[] {
    return this.fit(X).labels;
  }

  /** Cluster of each sample, 0 … nClusters−1 (numbered as scikit-learn's cut). */
  get labels(): number[] {
    return this.model.labels;
  }
  /** Merge i joined nodes children[i][0] and children[i][1] (leaves are 0 … n−1, merge i made node n + i). */
  get children(): [number, number][] {
    return this.model.children;
  }
  /** The linkage distance of each merge (non-decreasing): the dendrogram heights. */
  get distances(): number[] {
    return this.model.distances;
  }
  /** Number of samples under node n + i. */
  get counts(): number[] {
    return this.model.counts;
  }
  /** The number of clusters of the cut. */
  get nClusters(): number {
    return this.model.nClusters;
  }
  /** Number of samples (leaves of the tree). */
  get nLeaves(): number {
    return this.model.nLeaves;
  }
  /** The tree in SciPy's linkage-matrix form, rows [a, b, distance, count]. */
  get linkageMatrix(): number[][] {
    const m = this.model;
    return m.children.map(([a, b], i) => [a, b, m.distances[i], m.counts[i]]);
  }

  /** The fitted model as plain JSON. */
  toJSON(): AgglomerativeClusteringJSON {
    const m = this.model;
    return {
      ...this.jsonHeader(),
      estimator: 'AgglomerativeClustering',
      labels: [...m.labels],
      children: m.children.map((c) => [c[0], c[1]] as [number, number]),
      distances: [...m.distances],
      counts: [...m.counts],
      nClusters: m.nClusters,
      nLeaves: m.nLeaves,
    };
  }

  /**
   * Rebuilds a fitted model from {@link toJSON}'s output, validating the tree: n − 1 merges,
   * each joining two distinct earlier nodes (leaves 0 … n−1, merge i made node n + i) not yet
   * merged, counts that add up, non-decreasing finite distances, labels in 0 … nClusters−1.
   */
  static fromJSON(json: unknown): AgglomerativeClustering {
    const { doc, model } = readEstimatorJSON(json, AgglomerativeClustering);
    const n = readInt(doc.nLeaves, 'json.nLeaves', 1, 2 ** 24);
    const nClusters = readInt(doc.nClusters, 'json.nClusters', 1, n);
    if (model.options.nClusters !== null && model.options.nClusters !== nClusters) {
      throw jsonError('json.nClusters', 'shape-mismatch', `is ${nClusters} but options.nClusters is ${model.options.nClusters}`);
    }
    const labels = readIntArray(doc.labels, 'json.labels', n, 0, nClusters - 1);
    const children = readArray(doc.children, 'json.children', (v, p) => readIntArray(v, p, 2, 0, 2 * n - 2) as [number, number], { length: n - 1 });
    const used = new Uint8Array(2 * n - 1);
    const size = new Float64Array(2 * n - 1).fill(1);
    children.forEach(([a, b], i) => {
      const at = `json.children[${i}]`;
      if (!(a < b)) throw jsonError(at, 'out-of-range', `is [${a}, ${b}]; expected two distinct nodes, smaller first`);
      if (b >= n + i) throw jsonError(at, 'out-of-range', `merges node ${b}, which merge ${i} cannot use (only nodes < ${n + i} exist yet)`);
      if (used[a] || used[b]) throw jsonError(at, 'out-of-range', `merges node ${used[a] ? a : b} a second time`);
      used[a] = used[b] = 1;
      size[n + i] = size[a] + size[b];
    });
    const distances = readFiniteArray(doc.distances, 'json.distances', n - 1, { min: 0 });
    for (let i = 1; i < distances.length; i++) if (distances[i] < distances[i - 1]) throw jsonError(`json.distances[${i}]`, 'out-of-range', `is ${distances[i]}; merge distances must be non-decreasing`);
    const counts = readIntArray(doc.counts, 'json.counts', n - 1, 2, n);
    counts.forEach((c, i) => {
      if (c !== size[n + i]) throw jsonError(`json.counts[${i}]`, 'out-of-range', `is ${c}; merge ${i} joins ${size[n + i]} samples`);
    });
    model.fitted = {
      labels: Object.freeze(labels) as number[],
      children: Object.freeze(children.map((c) => Object.freeze(c))) as [number, number][],
      distances: Object.freeze(distances) as number[],
      counts: Object.freeze(counts) as number[],
      nClusters,
      nLeaves: n,
    };
    return model;
  }
}

/** The full merge tree by the nearest-neighbour chain, then sorted and relabelled as SciPy. */
function linkageTree(X: Float64Array, n: number, d: number, linkage: Linkage): { children: [number, number][]; distances: number[]; counts: number[] } {
  if (n === 1) return { children: [], distances: [], counts: [] };
  // Ward needs only centroids and sizes: above 4,000 samples (a 128 MB matrix) the chain runs
  // without a distance matrix (_nnchain.ts). Below, the Lance–Williams matrix keeps SciPy's
  // exact rounding, hence its choices among tied distances (grids, duplicated samples).
  const raw = linkage === 'ward' && n > 4000 ? wardChain(X, n, d) : matrixChain(X, n, d, linkage);
  return relabel(raw, n);
}

/** The nearest-neighbour chain on the full n×n distance matrix, Lance–Williams updates. */
function matrixChain(X: Float64Array, n: number, d: number, linkage: Linkage): RawMerge[] {
  // Pairwise Euclidean distances (full n×n for simple indexing).
  const D = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      for (let t = 0; t < d; t++) {
        const v = X[i * d + t] - X[j * d + t];
        s += v * v;
      }
      D[i * n + j] = D[j * n + i] = Math.sqrt(s);
    }
  }
  const size = new Float64Array(n).fill(1);
  const raw: RawMerge[] = [];
  const chain: number[] = [];
  for (let step = 0; step < n - 1; step++) {
    if (chain.length === 0) {
      for (let i = 0; i < n; i++) {
        if (size[i] > 0) {
          chain.push(i);
          break;
        }
      }
    }
    // Follow nearest neighbours until two clusters are each other's nearest (reciprocal pair).
    let x = 0;
    let y = 0;
    let best = Infinity;
    for (;;) {
      x = chain[chain.length - 1];
      if (chain.length > 1) {
        y = chain[chain.length - 2];
        best = D[x * n + y];
      } else best = Infinity;
      for (let i = 0; i < n; i++) {
        if (size[i] === 0 || i === x) continue;
        const v = D[x * n + i];
        if (v < best) {
          best = v;
          y = i;
        }
      }
      if (chain.length > 1 && y === chain[chain.length - 2]) break;
      chain.push(y);
    }
    chain.length -= 2;
    if (x > y) [x, y] = [y, x];
    const nx = size[x];
    const ny = size[y];
    raw.push({ x, y, dist: best });
    size[x] = 0;
    size[y] = nx + ny;
    // Lance–Williams: distance from the merged cluster (kept in slot y) to every other cluster i.
    for (let i = 0; i < n; i++) {
      const ni = size[i];
      if (ni === 0 || i === y) continue;
      const dxi = D[x * n + i];
      const dyi = D[y * n + i];
      let v: number;
      switch (linkage) {
        case 'single':
          v = Math.min(dxi, dyi);
          break;
        case 'complete':
          v = Math.max(dxi, dyi);
          break;
        case 'average':
          v = (nx * dxi + ny * dyi) / (nx + ny);
          break;
        default: {
          const t = nx + ny + ni;
          v = Math.sqrt(((nx + ni) * dxi * dxi + (ny + ni) * dyi * dyi - ni * best * best) / t);
        }
      }
      D[y * n + i] = D[i * n + y] = v;
    }
  }
  return raw;
}

/** Stable sort by distance, then name merged clusters n + i via union–find (SciPy's `label`). */
function relabel(raw: RawMerge[], n: number): { children: [number, number][]; distances: number[]; counts: number[] } {
  const order = raw.map((_, i) => i).sort((a, b) => raw[a].dist - raw[b].dist || a - b);
  const parent = new Int32Array(2 * n - 1).map((_, i) => i);
  const find = (a: number) => {
    let r = a;
    while (parent[r] !== r) r = parent[r];
    while (parent[a] !== r) {
      const nx = parent[a];
      parent[a] = r;
      a = nx;
    }
    return r;
  };
  const sz = new Float64Array(2 * n - 1).fill(1);
  const children: [number, number][] = [];
  const distances: number[] = [];
  const counts: number[] = [];
  order.forEach((idx, i) => {
    const a = find(raw[idx].x);
    const b = find(raw[idx].y);
    const node = n + i;
    parent[a] = node;
    parent[b] = node;
    sz[node] = sz[a] + sz[b];
    children.push([Math.min(a, b), Math.max(a, b)]);
    distances.push(raw[idx].dist);
    counts.push(sz[node]);
  });
  return { children, distances, counts };
}

/**
 * Cuts the tree into k clusters by undoing the last k − 1 merges, numbering the clusters as
 * scikit-learn's `_hc_cut` does (the order of its heap of top nodes).
 */
function cutTree(children: [number, number][], n: number, k: number): number[] {
  if (n === 1) return [0];
  // A binary min-heap of negated node ids, with Python heapq's exact sift rules.
  const heap: number[] = [-(Math.max(...children[children.length - 1]) + 1)];
  const siftDown = (start: number, pos: number) => {
    const item = heap[pos];
    while (pos > start) {
      const parent = (pos - 1) >> 1;
      if (item < heap[parent]) {
        heap[pos] = heap[parent];
        pos = parent;
        continue;
      }
      break;
    }
    heap[pos] = item;
  };
  const siftUp = (pos: number) => {
    const end = heap.length;
    const start = pos;
    const item = heap[pos];
    let child = 2 * pos + 1;
    while (child < end) {
      const right = child + 1;
      if (right < end && !(heap[child] < heap[right])) child = right;
      heap[pos] = heap[child];
      pos = child;
      child = 2 * pos + 1;
    }
    heap[pos] = item;
    siftDown(start, pos);
  };
  for (let s = 0; s < k - 1; s++) {
    const [a, b] = children[-heap[0] - n];
    heap.push(-a);
    siftDown(0, heap.length - 1);
    // heappushpop(heap, −b)
    let item = -b;
    if (heap.length && heap[0] < item) {
      [item, heap[0]] = [heap[0], item];
      siftUp(0);
    }
  }
  const labels = new Array<number>(n).fill(0);
  heap.forEach((neg, label) => {
    const stack = [-neg];
    while (stack.length) {
      const node = stack.pop()!;
      if (node < n) labels[node] = label;
      else stack.push(...children[node - n]);
    }
  });
  return labels;
}
