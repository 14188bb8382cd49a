import { readEstimatorJSON } from '../core/base';
import { ValidationError } from '../core/errors';
import type { MatrixLike } from '../core/matrix';
import type { ParamSpecs } from '../core/params';
import { checkRandomState, type RandomStateLike } from '../core/random';
import { checkArray, checkFiniteResult } from '../core/validation';
import { checkCount, frozenMatrix, lazyLabels } from './_common';
import { distinctClustersWarning, KMeansBase, N_CLUSTERS_PARAM, readKMeansFitted, type KMeansFittedJSON } from './_kmeansBase';
import { BoundedAssign, inertiaOf, kmeansPlusPlus, meanAndVariance, randomInit, sameLabels, updateCenters, type SeedTrack } from './_kmeans';

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
  /** Seed or generator for the initialisation. Default undefined (seed 0). */
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
export interface KMeansJSON extends KMeansFittedJSON {
  estimator: 'KMeans';
  options: Omit<KMeansOptions, 'randomState' | 'init'> & { init?: 'k-means++' | 'random' | number[][]; randomState?: number };
}

/** The init option: 'k-means++', 'random', or explicit centres (validated rows, frozen). */
function checkInit(v: unknown, name: string): unknown {
  if (v === 'k-means++' || v === 'random') return v;
  if (typeof v === 'string') throw new ValidationError(name, 'bad-option', `must be 'k-means++', 'random' or explicit centres (k rows), got ${JSON.stringify(v.slice(0, 30))}`);
  if (!Array.isArray(v) && !(typeof v === 'object' && v !== null && 'data' in v)) {
    throw new ValidationError(name, 'bad-option', `must be 'k-means++', 'random' or explicit centres (k rows of numbers), got ${v === null ? 'null' : typeof v}`);
  }
  const I = checkArray(v as MatrixLike, { name });
  return Object.freeze(Array.from({ length: I.rows }, (_, i) => Object.freeze(Array.from(I.data.subarray(i * I.cols, (i + 1) * I.cols)))));
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
 *
 * Fewer distinct points than k give scikit-learn's warning in `warnings`, not an error.
 */
export class KMeans extends KMeansBase<KMeansOptions> {
  static override readonly estimatorName = 'KMeans';
  /** The declared options (read by UIs for controls and by permalink decoders). */
  static override readonly paramSpec: ParamSpecs = {
    nClusters: N_CLUSTERS_PARAM,
    init: {
      type: 'custom',
      default: 'k-means++',
      check: checkInit,
      doc: "How the centres start: 'k-means++' (D²-weighted seeding), 'random' (k distinct samples) or explicit centres (k rows).",
    },
    nInit: { type: 'integer', default: 10, min: 1, max: 1000, uiRange: [1, 20], doc: 'Runs from different seeds; the lowest inertia wins.' },
    maxIter: { type: 'integer', default: 300, min: 1, max: 1e6, log: true, uiRange: [1, 1000], doc: 'Most assign/update rounds per run.' },
    tol: { type: 'number', default: 1e-4, min: 0, log: true, uiRange: [1e-8, 1], doc: 'Stop when the squared centre shift is ≤ tol × the mean feature variance.' },
    randomState: { type: 'randomState', default: undefined, doc: 'Seed or generator for the initialisation (undefined: seed 0).' },
  };

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
    const { nInit, maxIter, tol } = o;
    let explicit: Float64Array | null = null;
    if (typeof o.init !== 'string') {
      const I = checkArray(o.init as ReadonlyArray<ArrayLike<number>>, { name: 'init' });
      if (I.rows !== k || I.cols !== d) throw new ValidationError('init', 'shape-mismatch', `explicit centres must be ${k}×${d}, got ${I.rows}×${I.cols}`);
      explicit = I.data;
    }
    const rng = checkRandomState(o.randomState);

    // Centre the data (as scikit-learn, for precision); centres are shifted back for display.
    const { mu, meanVar } = meanAndVariance(M.data, n, d);
    // Features of order 1e154 overflow their squares: say so rather than iterate on ∞ and NaN.
    checkFiniteResult(meanVar, 'KMeans: the variance of X');
    const A = M.data;
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) A[i * d + j] -= mu[j];
    const tolAbs = tol * meanVar;
    // Under fit() the snapshots are drained unread: they then share the live arrays instead of
    // copying them (a 100k-sample fit otherwise copies its labels at every 'assign').
    const quiet = this.draining;
    const show = (C: Float64Array) => {
      const out = new Float64Array(k * d);
      for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) out[c * d + j] = C[c * d + j] + mu[j];
      return frozenMatrix(out, k, d);
    };
    // The labels do not change between an 'assign' and its 'update' and 'repeat', so those
    // snapshots share one private copy, taken at the 'assign'.
    let shown: () => readonly number[] | null = lazyLabels(null);
    const snap = (step: KMeansStep['step'], run: number, iteration: number, C: Float64Array, labels: Int32Array | null, inertia: number | null, centerShift: number | null, converged: boolean): KMeansStep => {
      if (step === 'assign' || !labels) shown = lazyLabels(labels ? (quiet ? labels : labels.slice()) : null);
      const get = shown;
      // The centres' rows are built on first read too (from a copy, unless quiet).
      const Cs = quiet ? C : C.slice();
      let rows: readonly (readonly number[])[] | null = null;
      return Object.freeze({
        step,
        run,
        iteration,
        get centers() {
          return (rows ??= show(Cs));
        },
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
    const track: SeedTrack | null = d === 2 && k >= 2 ? { labels, second: new Float64Array(n), best: null, valid: false } : null;
    let best: { C: Float64Array; labels: Int32Array; inertia: number; nIter: number } | null = null;
    const runs = explicit ? 1 : nInit;
    for (let run = 0; run < runs; run++) {
      let C: Float64Array;
      if (explicit) {
        C = new Float64Array(k * d);
        for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) C[c * d + j] = explicit[c * d + j] - mu[j];
      } else C = o.init === 'random' ? randomInit(A, n, d, k, rng) : kmeansPlusPlus(A, n, d, k, rng, track ?? undefined);
      yield snap('initialise', run, 0, C, null, null, null, false);
      let Cn: Float64Array = new Float64Array(k * d);
      prev.fill(-1);
      bounded.reset();
      // Two features: k-means++ already found each sample's nearest and second-nearest
      // centre, so the first assignment starts from exact bounds rather than a full scan.
      if (track && !explicit && o.init !== 'random') bounded.seed(track, labels);
      let strict = false;
      let iter = 0;
      let inertia = 0;
      for (;;) {
        iter++;
        // Assign: each sample to its nearest centre (the inertia summed only for a reader).
        inertia = bounded.assign(C, labels, dist, !quiet);
        yield snap('assign', run, iter, C, labels, quiet ? null : inertia, null, false);
        // Update: each centre to the mean of its samples.
        updateCenters(A, n, d, labels, dist, k, Cn);
        bounded.moved(C, Cn);
        let shift = 0;
        for (let q = 0; q < k * d; q++) shift += (Cn[q] - C[q]) ** 2;
        [C, Cn] = [Cn, C];
        yield snap('update', run, iter, C, labels, null, shift, false);
        // Repeat until no label changes (counted by the 2-D pass, else compared with the last
        // round's labels) or the centres barely move.
        strict = bounded.changed >= 0 ? iter > 1 && bounded.changed === 0 : sameLabels(labels, prev);
        const done = strict || shift <= tolAbs || iter >= maxIter;
        yield snap('repeat', run, iter, C, labels, null, shift, done);
        if (done) break;
        if (bounded.changed < 0) prev.set(labels);
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
    checkFiniteResult(b.inertia, 'KMeans inertia');
    checkFiniteResult(centers, 'KMeans centres');
    const warning = distinctClustersWarning(b.labels, k);
    this.fitted = {
      clusterCenters: frozenMatrix(centers, k, d) as number[][],
      labels: Object.freeze(Array.from(b.labels)) as number[],
      inertia: b.inertia,
      nIter: b.nIter,
      warnings: warning ? [warning] : [],
    };
  }

  /** The fitted model as plain JSON ({ estimator, options, clusterCenters, labels, inertia, nIter, warnings }). */
  toJSON(): KMeansJSON {
    return { ...this.jsonHeader(), estimator: 'KMeans', ...this.fittedJSON() };
  }

  /** Rebuilds a fitted model from {@link toJSON}'s output, validating every field (k centres of equal width, labels in 0 … k−1). */
  static fromJSON(json: unknown): KMeans {
    const { doc, model } = readEstimatorJSON(json, KMeans);
    model.fitted = readKMeansFitted(doc, model.options.nClusters);
    return model;
  }
}
