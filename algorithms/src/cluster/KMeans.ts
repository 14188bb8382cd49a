import { NotFittedError, ValidationError } from '../core/errors';
import type { MatrixLike } from '../core/matrix';
import { checkRandomState, type RandomStateLike } from '../core/random';
import { checkArray, checkFeatureCount, checkOneOf, checkScalar } from '../core/validation';
import { checkCount, flatten, frozenMatrix, lazyLabels } from './_common';
import { assignRows, BoundedAssign, inertiaOf, kmeansPlusPlus, meanAndVariance, randomInit, sameLabels, updateCenters } from './_kmeans';
import { runToEnd } from '../core/steps';

/** Options of {@link KMeans}, as scikit-learn's. */
export interface KMeansOptions {
  /** k, the number of clusters. Default 8. */
  nClusters?: number;
  /**
   * How the centres start: 'k-means++' (default; scikit-learn's greedy variant, the best of
   * 2 + ⌊ln k⌋ D²-weighted candidates per centre), 'random' (k distinct samples, the slides'
   * "initialise the centroids randomly"), or explicit centres (k rows).
   */
  init?: 'k-means++' | 'random' | ReadonlyArray<ArrayLike<number>>;
  /** Number of runs from different seeds; the lowest inertia wins. Default 10 (scikit-learn 1.2's). */
  nInit?: number;
  /** Most assign/update rounds per run. Default 300. */
  maxIter?: number;
  /**
   * Convergence: a run stops when no label changes, or when the total squared centre shift
   * Σ‖cₖ′ − cₖ‖² is ≤ tol × (mean per-feature variance of X), as scikit-learn. Default 1e-4.
   */
  tol?: number;
  /** Seed or generator for the initialisation. Default 0. */
  randomState?: RandomStateLike;
}

/** One step of the algorithm, as the slides list them, for a stepper to show. */
export interface KMeansStep {
  /**
   * 'initialise': centres placed, no labels yet. 'assign': every sample takes its nearest
   * centre. 'update': centres move to the means of their samples. 'repeat': the convergence
   * check (`converged` says whether the run stops here).
   */
  readonly step: 'initialise' | 'assign' | 'update' | 'repeat';
  /** Which of the nInit runs, from 0. */
  readonly run: number;
  /** Assign/update round within the run, from 1 (0 at 'initialise'). */
  readonly iteration: number;
  /** The centres at this step (k rows). */
  readonly centers: readonly (readonly number[])[];
  /** Each sample's cluster, from 'assign' on (null at 'initialise'). */
  readonly labels: readonly number[] | null;
  /** Σ‖xᵢ − c_{labelᵢ}‖² for the labels and centres shown (null at 'initialise'). */
  readonly inertia: number | null;
  /** Σ‖cₖ′ − cₖ‖², how far the centres moved in the last update (null before the first). */
  readonly centerShift: number | null;
  /** True on the last step of a run. */
  readonly converged: boolean;
}

/** A fitted {@link KMeans} as plain JSON. */
export interface KMeansJSON {
  estimator: 'KMeans';
  options: Omit<KMeansOptions, 'randomState'> & { randomState?: number | null };
  clusterCenters: number[][];
  labels: number[];
  inertia: number;
  nIter: number;
}

interface KMeansState {
  clusterCenters: number[][];
  labels: number[];
  inertia: number;
  nIter: number;
}

/**
 * k-means: the partition into k clusters that minimises the inertia
 * Σₖ Σ_{x∈Cₖ} ‖x − μₖ‖², found by Lloyd's algorithm — initialise the centroids, assign each
 * sample to the closest one, update each centroid to the mean of its samples, repeat until
 * nothing changes — run nInit times from different starts, keeping the lowest inertia.
 *
 * @example
 * const km = new KMeans({ nClusters: 3, randomState: 0 }).fit(X);
 * km.labels; km.clusterCenters; km.inertia;
 * for (const s of new KMeans({ nClusters: 3, nInit: 1 }).fitSteps(X)) draw(s); // one frame per step
 */
export class KMeans {
  readonly options: Required<Omit<KMeansOptions, 'init'>> & { init: KMeansOptions['init'] };
  private state: KMeansState | null = null;

  constructor(options: KMeansOptions = {}) {
    this.options = { nClusters: 8, init: 'k-means++', nInit: 10, maxIter: 300, tol: 1e-4, randomState: 0, ...options } as KMeans['options'];
  }

  /** Runs k-means to convergence and returns this estimator. */
  fit(X: MatrixLike): this {
    runToEnd(this.fitSteps(X));
    return this;
  }

  /** Fits and returns the labels. */
  fitPredict(X: MatrixLike): number[] {
    return this.fit(X).labels;
  }

  /**
   * The fit as a generator of frozen snapshots: per run, 'initialise', then rounds of
   * 'assign', 'update', 'repeat' until convergence (plus a last 'assign' when the run stopped
   * on the tolerance, so the labels match the final centres). When it is exhausted the
   * estimator holds the best run. `fit` runs exactly this.
   */
  *fitSteps(X: MatrixLike): Generator<KMeansStep, void, undefined> {
    const M = checkArray(X);
    const { rows: n, cols: d } = M;
    const o = this.options;
    const k = checkCount(o.nClusters, n);
    const nInit = checkScalar(o.nInit, 'nInit', { min: 1, integer: true });
    const maxIter = checkScalar(o.maxIter, 'maxIter', { min: 1, integer: true });
    const tol = checkScalar(o.tol, 'tol', { min: 0 });
    let explicit: Float64Array | null = null;
    if (typeof o.init === 'string') checkOneOf(o.init, 'init', ['k-means++', 'random'] as const);
    else {
      const I = checkArray(o.init as ReadonlyArray<ArrayLike<number>>, { name: 'init' });
      if (I.rows !== k || I.cols !== d) throw new ValidationError('init', 'shape-mismatch', `explicit centres must be ${k}×${d}, got ${I.rows}×${I.cols}`);
      explicit = I.data;
    }
    const rng = checkRandomState(o.randomState);

    // Centre the data (as scikit-learn, for precision); centres are shifted back for display.
    const { mu, meanVar } = meanAndVariance(M.data, n, d);
    const A = M.data;
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) A[i * d + j] -= mu[j];
    const tolAbs = tol * meanVar;
    const show = (C: Float64Array) => {
      const out = new Float64Array(k * d);
      for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) out[c * d + j] = C[c * d + j] + mu[j];
      return frozenMatrix(out, k, d);
    };
    // The labels do not change between an 'assign' and its 'update' and 'repeat', so those
    // snapshots share one private copy, taken at the 'assign'.
    let shown: () => readonly number[] | null = lazyLabels(null);
    const snap = (step: KMeansStep['step'], run: number, iteration: number, C: Float64Array, labels: Int32Array | null, inertia: number | null, centerShift: number | null, converged: boolean): KMeansStep => {
      if (step === 'assign' || !labels) shown = lazyLabels(labels ? labels.slice() : null);
      const get = shown;
      return Object.freeze({
        step,
        run,
        iteration,
        centers: show(C),
        get labels() {
          return get();
        },
        inertia,
        centerShift,
        converged,
      });
    };

    const labels = new Int32Array(n);
    const prev = new Int32Array(n);
    const dist = new Float64Array(n);
    const bounded = new BoundedAssign(A, n, d, k);
    let best: { C: Float64Array; labels: Int32Array; inertia: number; nIter: number } | null = null;
    const runs = explicit ? 1 : nInit;
    for (let run = 0; run < runs; run++) {
      let C: Float64Array;
      if (explicit) {
        C = new Float64Array(k * d);
        for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) C[c * d + j] = explicit[c * d + j] - mu[j];
      } else C = o.init === 'random' ? randomInit(A, n, d, k, rng) : kmeansPlusPlus(A, n, d, k, rng);
      yield snap('initialise', run, 0, C, null, null, null, false);
      let Cn: Float64Array = new Float64Array(k * d);
      prev.fill(-1);
      bounded.reset();
      let strict = false;
      let iter = 0;
      let inertia = 0;
      for (;;) {
        iter++;
        // Assign: each sample to its nearest centre.
        inertia = bounded.assign(C, labels, dist);
        yield snap('assign', run, iter, C, labels, inertia, null, false);
        // Update: each centre to the mean of its samples.
        updateCenters(A, n, d, labels, dist, k, Cn);
        bounded.moved(C, Cn);
        let shift = 0;
        for (let q = 0; q < k * d; q++) shift += (Cn[q] - C[q]) ** 2;
        [C, Cn] = [Cn, C];
        yield snap('update', run, iter, C, labels, null, shift, false);
        // Repeat until no label changes or the centres barely move.
        strict = sameLabels(labels, prev);
        const done = strict || shift <= tolAbs || iter >= maxIter;
        yield snap('repeat', run, iter, C, labels, null, shift, done);
        if (done) break;
        prev.set(labels);
      }
      if (strict) inertia = inertiaOf(A, n, d, C, labels);
      else {
        inertia = bounded.assign(C, labels, dist);
        yield snap('assign', run, iter, C, labels, inertia, null, true);
      }
      if (!best || inertia < best.inertia) best = { C: C.slice(), labels: labels.slice(), inertia, nIter: iter };
    }
    const b = best!;
    const centers = new Float64Array(k * d);
    for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) centers[c * d + j] = b.C[c * d + j] + mu[j];
    this.state = {
      clusterCenters: frozenMatrix(centers, k, d) as number[][],
      labels: Object.freeze(Array.from(b.labels)) as number[],
      inertia: b.inertia,
      nIter: b.nIter,
    };
  }

  private get model(): KMeansState {
    if (!this.state) throw new NotFittedError('KMeans');
    return this.state;
  }

  /** The k centres (k × nFeatures). */
  get clusterCenters(): number[][] {
    return this.model.clusterCenters;
  }
  /** Each training sample's cluster, 0 … k−1. */
  get labels(): number[] {
    return this.model.labels;
  }
  /** Σ‖xᵢ − c_{labelᵢ}‖² of the best run. */
  get inertia(): number {
    return this.model.inertia;
  }
  /** Assign/update rounds of the best run. */
  get nIter(): number {
    return this.model.nIter;
  }
  /** Number of features seen in fit. */
  get nFeaturesIn(): number {
    return this.model.clusterCenters[0].length;
  }

  private centersFlat(): { C: Float64Array; k: number; d: number } {
    const cc = this.model.clusterCenters;
    return { C: flatten(cc, cc[0].length), k: cc.length, d: cc[0].length };
  }

  /** The nearest centre of each row of X. */
  predict(X: MatrixLike): number[] {
    return Array.from(assignRows(this.model.clusterCenters, X).labels);
  }

  /** Euclidean distance of each row of X to each centre (n × k), scikit-learn's cluster-distance space. */
  transform(X: MatrixLike): number[][] {
    const { C, k, d } = this.centersFlat();
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
    return out;
  }

  /** Minus the inertia of X with respect to the fitted centres (higher is better), as scikit-learn. */
  score(X: MatrixLike): number {
    return -assignRows(this.model.clusterCenters, X).inertia;
  }

  toJSON(): KMeansJSON {
    const m = this.model;
    const { randomState, ...rest } = this.options;
    return {
      estimator: 'KMeans',
      options: { ...rest, init: typeof rest.init === 'string' ? rest.init : (rest.init as ArrayLike<number>[]).map((r) => Array.from(r)), randomState: typeof randomState === 'number' ? randomState : null },
      clusterCenters: m.clusterCenters.map((r) => [...r]),
      labels: [...m.labels],
      inertia: m.inertia,
      nIter: m.nIter,
    };
  }

  static fromJSON(json: KMeansJSON): KMeans {
    if (json?.estimator !== 'KMeans') throw new ValidationError('json', 'bad-option', 'not a KMeans model');
    const m = new KMeans(json.options);
    const d = json.clusterCenters[0].length;
    m.state = {
      clusterCenters: frozenMatrix(json.clusterCenters.flat(), json.clusterCenters.length, d) as number[][],
      labels: Object.freeze([...json.labels]) as number[],
      inertia: json.inertia,
      nIter: json.nIter,
    };
    return m;
  }
}
