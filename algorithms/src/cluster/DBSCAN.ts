import { BaseEstimator, readEstimatorJSON } from '../core/base';
import { jsonError, readArray, readEnum, readInt, readIntArray } from '../core/json';
import type { MatrixLike } from '../core/matrix';
import type { ParamSpecs } from '../core/params';
import { checkArray } from '../core/validation';
import { readRows } from './_common';
import { radiusNeighbours } from './_grid';

/** Options of {@link DBSCAN}, as scikit-learn's. */
export interface DBSCANOptions {
  /** ε: two samples are neighbours when their Euclidean distance is ≤ eps. Must be > 0. Default 0.5. */
  eps?: number;
  /** A core sample has at least this many neighbours within ε, itself included. Default 5. */
  minSamples?: number;
}

/** What one sample turned out to be. */
export type DBSCANKind = 'core' | 'border' | 'noise';

/** A fitted {@link DBSCAN} as plain JSON. */
export interface DBSCANJSON {
  estimator: 'DBSCAN';
  options: DBSCANOptions;
  labels: number[];
  coreSampleIndices: number[];
  components: number[][];
  kinds: DBSCANKind[];
}

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
 *
 * eps ≤ 0 is rejected when the estimator is constructed.
 */
export class DBSCAN extends BaseEstimator<DBSCANOptions, State> {
  static override readonly estimatorName = 'DBSCAN';
  /** The declared options (read by UIs for controls and by permalink decoders). */
  static override readonly paramSpec: ParamSpecs = {
    eps: { type: 'number', default: 0.5, min: 0, exclusiveMin: true, log: true, uiRange: [0.01, 10], doc: 'ε: two samples are neighbours when their Euclidean distance is ≤ eps (> 0).' },
    minSamples: { type: 'integer', default: 5, min: 1, max: 1e6, uiRange: [1, 50], doc: 'A core sample has at least this many neighbours within ε, itself included.' },
  };

  /** Clusters X and returns this estimator. */
  fit(X: MatrixLike): this {
    const M = checkArray(X);
    const { eps, minSamples } = this.options;
    const { rows: n } = M;
    // ε-neighbourhoods (self included) by a grid, a k-d tree or blocked brute force (_grid.ts).
    const { indptr, indices } = radiusNeighbours(M.data, n, M.cols, eps);
    const core = new Uint8Array(n);
    for (let i = 0; i < n; i++) core[i] = indptr[i + 1] - indptr[i] >= minSamples ? 1 : 0;
    const labels = new Int32Array(n).fill(-1);
    // Grow each cluster from its first unlabelled core sample by depth-first search. A cluster
    // is grown to the end before the next starts, so the labels do not depend on the order of
    // the neighbour lists.
    let next = 0;
    const stack: number[] = [];
    for (let s = 0; s < n; s++) {
      if (labels[s] !== -1 || !core[s]) continue;
      let i = s;
      for (;;) {
        if (labels[i] === -1) {
          labels[i] = next;
          if (core[i]) {
            for (let p = indptr[i]; p < indptr[i + 1]; p++) {
              const j = indices[p];
              if (labels[j] === -1) stack.push(j);
            }
          }
        }
        if (stack.length === 0) break;
        i = stack.pop()!;
      }
      next++;
    }
    const coreSampleIndices: number[] = [];
    for (let i = 0; i < n; i++) if (core[i]) coreSampleIndices.push(i);
    this.fitted = {
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

  /** The fitted model as plain JSON ({ estimator, options, labels, coreSampleIndices, components, kinds }). */
  toJSON(): DBSCANJSON {
    const m = this.model;
    return { ...this.jsonHeader(), estimator: 'DBSCAN', labels: [...m.labels], coreSampleIndices: [...m.coreSampleIndices], components: m.components.map((r) => [...r]), kinds: [...m.kinds] };
  }

  /**
   * Rebuilds a fitted model from {@link toJSON}'s output, validating every field and their
   * agreement: labels in −1 … n−1, core indices increasing and in range, one component row
   * per core sample, and each sample's kind matching its label and core status.
   */
  static fromJSON(json: unknown): DBSCAN {
    const { doc, model } = readEstimatorJSON(json, DBSCAN);
    const labels = readArray(doc.labels, 'json.labels', (v, p) => readInt(v, p, -1), { minLength: 1 });
    const n = labels.length;
    for (let i = 0; i < n; i++) if (labels[i] >= n) throw jsonError(`json.labels[${i}]`, 'out-of-range', `is ${labels[i]}; expected −1 … ${n - 1}`);
    const core = readIntArray(doc.coreSampleIndices, 'json.coreSampleIndices', undefined, 0, n - 1);
    for (let t = 1; t < core.length; t++) if (!(core[t] > core[t - 1])) throw jsonError(`json.coreSampleIndices[${t}]`, 'out-of-range', `is ${core[t]}; indices must be increasing`);
    const components = core.length === 0 ? readArray(doc.components, 'json.components', () => [] as number[], { length: 0 }) : readRows(doc.components, 'json.components', core.length);
    const kinds = readArray(doc.kinds, 'json.kinds', (v, p) => readEnum(v, p, ['core', 'border', 'noise'] as const), { length: n });
    const isCore = new Uint8Array(n);
    for (const i of core) isCore[i] = 1;
    for (let i = 0; i < n; i++) {
      const expected: DBSCANKind = isCore[i] ? 'core' : labels[i] >= 0 ? 'border' : 'noise';
      if (kinds[i] !== expected) throw jsonError(`json.kinds[${i}]`, 'bad-option', `is "${kinds[i]}" but sample ${i} is ${expected === 'core' ? 'a core sample' : `labelled ${labels[i]}`}; expected "${expected}"`);
      if (isCore[i] && labels[i] < 0) throw jsonError(`json.labels[${i}]`, 'out-of-range', `is −1 but sample ${i} is a core sample`);
    }
    model.fitted = {
      labels: Object.freeze(labels) as number[],
      coreSampleIndices: Object.freeze(core) as number[],
      components: Object.freeze(components.map((r) => Object.freeze(r))) as number[][],
      kinds: Object.freeze(kinds) as DBSCANKind[],
    };
    return model;
  }
}
