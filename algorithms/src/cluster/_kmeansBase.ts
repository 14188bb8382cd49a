/**
 * What KMeans and MiniBatchKMeans share once fitted (scikit-learn's `_BaseKMeans`): the
 * centres, the training labels and inertia, `predict` (nearest centre), `transform`
 * (distances to the centres), `score` (minus the inertia), the not-fitted guard and the
 * JSON fields. Each subclass only declares its options and writes its `fitSteps`.
 */
import { BaseEstimator } from '../core/base';
import { readInt, readIntArray, readNumber, type JsonObject } from '../core/json';
import type { MatrixLike } from '../core/matrix';
import type { ParamSpec } from '../core/params';
import { checkArray, checkFeatureCount, checkFiniteResult } from '../core/validation';
import { flatten, readRows, readWarnings } from './_common';
import { assignRows } from './_kmeans';
import { runToEnd } from '../core/steps';

/** The fitted state of every k-means variant. */
export interface KMeansFitted {
  /** k × d centres. */
  clusterCenters: number[][];
  /** Each training sample's cluster. */
  labels: number[];
  /** Σ‖xᵢ − c_{labelᵢ}‖² over the training samples. */
  inertia: number;
  /** Iterations (KMeans: rounds of the best run; MiniBatchKMeans: passes over the data). */
  nIter: number;
  /** What went wrong without stopping the fit (fewer distinct clusters than k, …). */
  warnings: string[];
}

/** The fitted fields of {@link KMeansFitted} as JSON. */
export interface KMeansFittedJSON {
  clusterCenters: number[][];
  labels: number[];
  inertia: number;
  nIter: number;
  warnings: string[];
}

/** The nClusters option, shared (1 … 10⁶; checked against nSamples at fit). */
export const N_CLUSTERS_PARAM: ParamSpec = {
  type: 'integer',
  default: 8,
  min: 1,
  max: 1e6,
  uiRange: [1, 20],
  doc: 'k, the number of clusters (at most the number of samples).',
};

/** The k-means base; see the file comment. */
export abstract class KMeansBase<O extends object, F extends KMeansFitted = KMeansFitted> extends BaseEstimator<O, F> {
  /** The fit as a generator of snapshots; `fit` drains it. */
  abstract fitSteps(X: MatrixLike): Generator<unknown, void, undefined>;

  /**
   * True while {@link fit} drains {@link fitSteps}: nobody reads those snapshots, so a
   * subclass may skip the copies that keep them frozen (the same loop, cheaper frames).
   */
  protected draining = false;

  /** Runs the fit to its end and returns this estimator. */
  fit(X: MatrixLike): this {
    this.draining = true;
    try {
      runToEnd(this.fitSteps(X));
    } finally {
      this.draining = false;
    }
    return this;
  }

  /** Fits and returns the labels. */
  fitPredict(X: MatrixLike): number[] {
    return this.fit(X).labels;
  }

  /** The k centres (k × nFeatures). */
  get clusterCenters(): number[][] {
    return this.model.clusterCenters;
  }
  /** Each training sample's cluster, 0 … k−1. */
  get labels(): number[] {
    return this.model.labels;
  }
  /** Σ‖xᵢ − c_{labelᵢ}‖² over the training samples. */
  get inertia(): number {
    return this.model.inertia;
  }
  /** Iterations of the fit. */
  get nIter(): number {
    return this.model.nIter;
  }
  /** Number of features seen in fit. */
  get nFeaturesIn(): number {
    return this.model.clusterCenters[0].length;
  }
  /**
   * Warnings of the fit, as scikit-learn's ConvergenceWarning "Number of distinct clusters
   * (m) found smaller than n_clusters (k)" when X has fewer than k distinct points.
   */
  get warnings(): string[] {
    return this.model.warnings;
  }

  /** The nearest centre of each row of X. */
  predict(X: MatrixLike): number[] {
    return Array.from(assignRows(this.model.clusterCenters, X).labels);
  }

  /**
   * Euclidean distance of each row of X to each centre (n × k), scikit-learn's cluster-distance space.
   * @throws ValidationError('X', 'overflow') when a distance overflows.
   */
  transform(X: MatrixLike): number[][] {
    const cc = this.model.clusterCenters;
    const k = cc.length;
    const d = cc[0].length;
    const C = flatten(cc, d);
    const A = checkArray(X);
    checkFeatureCount(A, d);
    const out: number[][] = [];
    for (let i = 0; i < A.rows; i++) {
      const r = new Array<number>(k);
      for (let c = 0; c < k; c++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += (A.data[i * d + j] - C[c * d + j]) ** 2;
        r[c] = Math.sqrt(s);
      }
      out.push(r);
    }
    checkFiniteResult(out, `${this.estimatorName}.transform distances`);
    return out;
  }

  /** Fits and returns the distances of X to the centres. */
  fitTransform(X: MatrixLike): number[][] {
    return this.fit(X).transform(X);
  }

  /** Minus the inertia of X with respect to the fitted centres (higher is better), as scikit-learn. */
  score(X: MatrixLike): number {
    const s = -assignRows(this.model.clusterCenters, X).inertia;
    checkFiniteResult(s, `${this.estimatorName}.score`);
    return s;
  }

  /** The fitted fields as plain JSON. */
  protected fittedJSON(): KMeansFittedJSON {
    const m = this.model;
    return { clusterCenters: m.clusterCenters.map((r) => [...r]), labels: [...m.labels], inertia: m.inertia, nIter: m.nIter, warnings: [...m.warnings] };
  }
}

/** The message of scikit-learn's warning when fewer distinct clusters than k were found (or null). */
export function distinctClustersWarning(labels: ArrayLike<number>, k: number): string | null {
  // Labels are 0 … k−1: a flag per cluster rather than a Set (100k insertions cost ~1 ms).
  const seen = new Uint8Array(k);
  let size = 0;
  for (let i = 0; i < labels.length && size < k; i++) {
    const c = labels[i];
    if (seen[c] === 0) {
      seen[c] = 1;
      size++;
    }
  }
  return size < k ? `Number of distinct clusters (${size}) found smaller than nClusters (${k}). Possibly due to duplicate points in X.` : null;
}

/** Reads and checks the fitted fields of a k-means JSON document: k centres, labels in 0 … k−1. */
export function readKMeansFitted(doc: JsonObject, k: number): KMeansFitted {
  const centers = readRows(doc.clusterCenters, 'json.clusterCenters', k);
  return {
    clusterCenters: Object.freeze(centers.map((r) => Object.freeze(r))) as number[][],
    labels: Object.freeze(readIntArray(doc.labels, 'json.labels', undefined, 0, k - 1)) as number[],
    inertia: readNumber(doc.inertia, 'json.inertia', { min: 0 }),
    nIter: readInt(doc.nIter, 'json.nIter'),
    warnings: readWarnings(doc.warnings, 'json.warnings'),
  };
}
