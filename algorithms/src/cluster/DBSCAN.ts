import { NotFittedError, ValidationError } from '../core/errors';
import type { MatrixLike } from '../core/matrix';
import { checkArray, checkScalar } from '../core/validation';

/** Options of {@link DBSCAN}, as scikit-learn's. */
export interface DBSCANOptions {
  /** ε: two samples are neighbours when their Euclidean distance is ≤ eps. Must be > 0. Default 0.5. */
  eps?: number;
  /** A core sample has at least this many neighbours within ε, itself included. Default 5. */
  minSamples?: number;
}

/** What one sample turned out to be. */
export type DBSCANKind = 'core' | 'border' | 'noise';

interface State {
  labels: number[];
  coreSampleIndices: number[];
  components: number[][];
  kinds: DBSCANKind[];
}

/**
 * Density-based clustering (DBSCAN, Ester et al. 1996): a sample with at least minSamples
 * samples within distance ε (itself included) is a core sample; clusters are the connected
 * groups of core samples (core samples within ε of each other) plus the non-core samples
 * within ε of one of them (border samples); everything else is noise, labelled −1.
 *
 * Clusters are numbered in the order scikit-learn finds them (by their lowest-index core
 * sample), and a border sample within reach of two clusters goes to the first, as there.
 */
export class DBSCAN {
  readonly options: Required<DBSCANOptions>;
  private state: State | null = null;

  constructor(options: DBSCANOptions = {}) {
    this.options = { eps: 0.5, minSamples: 5, ...options };
  }

  /** Clusters X and returns this estimator. */
  fit(X: MatrixLike): this {
    const M = checkArray(X);
    const eps = checkScalar(this.options.eps, 'eps', { min: 0, exclusiveMin: true });
    const minSamples = checkScalar(this.options.minSamples, 'minSamples', { min: 1, integer: true });
    const { rows: n } = M;
    const neighbours = radiusNeighbours(M.data, n, M.cols, eps);
    const core = neighbours.map((nb) => nb.length >= minSamples);
    const labels = new Int32Array(n).fill(-1);
    // Grow each cluster from its first unlabelled core sample by depth-first search.
    let next = 0;
    const stack: number[] = [];
    for (let s = 0; s < n; s++) {
      if (labels[s] !== -1 || !core[s]) continue;
      let i = s;
      for (;;) {
        if (labels[i] === -1) {
          labels[i] = next;
          if (core[i]) for (const j of neighbours[i]) if (labels[j] === -1) stack.push(j);
        }
        if (stack.length === 0) break;
        i = stack.pop()!;
      }
      next++;
    }
    const coreSampleIndices: number[] = [];
    for (let i = 0; i < n; i++) if (core[i]) coreSampleIndices.push(i);
    this.state = {
      labels: Object.freeze(Array.from(labels)) as number[],
      coreSampleIndices: Object.freeze(coreSampleIndices) as number[],
      components: Object.freeze(coreSampleIndices.map((i) => Object.freeze(Array.from(M.data.subarray(i * M.cols, (i + 1) * M.cols))))) as number[][],
      kinds: Object.freeze(Array.from(labels, (l, i): DBSCANKind => (core[i] ? 'core' : l >= 0 ? 'border' : 'noise'))) as DBSCANKind[],
    };
    return this;
  }

  /** Fits and returns the labels. */
  fitPredict(X: MatrixLike): number[] {
    return this.fit(X).labels;
  }

  private get model(): State {
    if (!this.state) throw new NotFittedError('DBSCAN');
    return this.state;
  }
  /** Cluster of each sample, 0, 1, …; noise is −1. */
  get labels(): number[] {
    return this.model.labels;
  }
  /** Indices of the core samples, ascending. */
  get coreSampleIndices(): number[] {
    return this.model.coreSampleIndices;
  }
  /** The core samples themselves (scikit-learn's components_). */
  get components(): number[][] {
    return this.model.components;
  }
  /** 'core', 'border' or 'noise' for each sample, for colouring a plot. */
  get sampleKinds(): DBSCANKind[] {
    return this.model.kinds;
  }

  toJSON() {
    const m = this.model;
    return { estimator: 'DBSCAN' as const, options: { ...this.options }, labels: [...m.labels], coreSampleIndices: [...m.coreSampleIndices], components: m.components.map((r) => [...r]), kinds: [...m.kinds] };
  }

  static fromJSON(json: ReturnType<DBSCAN['toJSON']>): DBSCAN {
    if (json?.estimator !== 'DBSCAN') throw new ValidationError('json', 'bad-option', 'not a DBSCAN model');
    const m = new DBSCAN(json.options);
    m.state = { labels: [...json.labels], coreSampleIndices: [...json.coreSampleIndices], components: json.components.map((r) => [...r]), kinds: [...json.kinds] };
    return m;
  }
}

/**
 * For every sample, the indices of all samples within distance eps (itself included), in
 * ascending order. Samples are sorted along the first feature so that each one is compared
 * only with those whose first coordinate lies within eps (a sweep), which is far fewer than n
 * for spread-out data.
 */
function radiusNeighbours(X: Float64Array, n: number, d: number, eps: number): number[][] {
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => X[a * d] - X[b * d]);
  const eps2 = eps * eps;
  const out: number[][] = Array.from({ length: n }, () => []);
  for (let p = 0; p < n; p++) {
    const i = order[p];
    const xi = X[i * d];
    out[i].push(i);
    for (let q = p + 1; q < n; q++) {
      const j = order[q];
      if (X[j * d] - xi > eps) break;
      let s = 0;
      for (let t = 0; t < d; t++) {
        const v = X[i * d + t] - X[j * d + t];
        s += v * v;
      }
      if (s <= eps2) {
        out[i].push(j);
        out[j].push(i);
      }
    }
  }
  for (const nb of out) nb.sort((a, b) => a - b);
  return out;
}
