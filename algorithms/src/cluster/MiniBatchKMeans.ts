import { readEstimatorJSON } from '../core/base';
import { readInt } from '../core/json';
import type { MatrixLike } from '../core/matrix';
import type { ParamSpecs } from '../core/params';
import { checkRandomState, type RandomStateLike } from '../core/random';
import { checkArray, checkFiniteResult } from '../core/validation';
import { checkCount, checkSpread, frozenMatrix } from './_common';
import { assign, kmeansPlusPlus, randomInit } from './_kmeans';
import { distinctClustersWarning, KMeansBase, N_CLUSTERS_PARAM, readKMeansFitted, type KMeansFitted, type KMeansFittedJSON } from './_kmeansBase';

/** Options of {@link MiniBatchKMeans}, as scikit-learn's. */
export interface MiniBatchKMeansOptions {
  /** k, the number of clusters. Default 8. */
  nClusters?: number;
  /** 'k-means++' (default) or 'random', run on a random subsample of initSize samples. */
  init?: 'k-means++' | 'random';
  /** Samples per mini-batch. Default 1024. */
  batchSize?: number;
  /** Passes over the data, at most: the run takes ⌊maxIter·n / batchSize⌋ mini-batch steps at most. Default 100. */
  maxIter?: number;
  /** Initialisations tried (each scored on a held-out subsample); the best is kept. Default 3. */
  nInit?: number;
  /** Samples used to initialise (an integer ≥ 1); null (default) for 3 × batchSize (at least 3k, at most n). */
  initSize?: number | null;
  /** Stop after this many steps without improvement of the smoothed batch inertia. Default 10. */
  maxNoImprovement?: number;
  /** Stop when the squared centre shift of a step is ≤ tol × mean feature variance. Default 0 (off), as scikit-learn. */
  tol?: number;
  /** Centres with fewer than this fraction of the largest count are moved onto random batch samples. Default 0.01. */
  reassignmentRatio?: number;
  /** Seed or generator. Default undefined (seed 0). */
  randomState?: RandomStateLike;
}

/** One mini-batch step. */
export interface MiniBatchKMeansStep {
  /** Step number, from 1 (0 is the initialisation). */
  readonly step: number;
  /** The centres after this step. */
  readonly centers: readonly (readonly number[])[];
  /** Indices of the samples in this mini-batch (empty at step 0). */
  readonly batch: readonly number[];
  /** Mean squared distance of the batch to its nearest centres, before the update. */
  readonly batchInertia: number | null;
  /** The exponentially weighted average of batchInertia that drives early stopping. */
  readonly ewaInertia: number | null;
  /** True on the last step. */
  readonly converged: boolean;
}

interface State extends KMeansFitted {
  /** Mini-batch steps taken. */
  nSteps: number;
}

/** A fitted {@link MiniBatchKMeans} as plain JSON. */
export interface MiniBatchKMeansJSON extends KMeansFittedJSON {
  estimator: 'MiniBatchKMeans';
  options: Omit<MiniBatchKMeansOptions, 'randomState'> & { randomState?: number };
  nSteps: number;
}

/**
 * k-means on random mini-batches (Sculley 2010, as scikit-learn): each step draws batchSize
 * samples, assigns them to their nearest centres and moves every centre c towards the mean of
 * its batch samples with a per-centre learning rate 1/(count of samples it has seen), i.e.
 * c ← (c·N + Σ_batch x) / (N + n_batch). Much cheaper than k-means on big data, for a
 * slightly higher inertia.
 */
export class MiniBatchKMeans extends KMeansBase<MiniBatchKMeansOptions, State> {
  static override readonly estimatorName = 'MiniBatchKMeans';
  /** The declared options (read by UIs for controls and by permalink decoders). */
  static override readonly paramSpec: ParamSpecs = {
    nClusters: N_CLUSTERS_PARAM,
    init: { type: 'enum', values: ['k-means++', 'random'], default: 'k-means++', doc: "How the centres start, on a subsample of initSize samples: 'k-means++' or 'random'." },
    batchSize: { type: 'integer', default: 1024, min: 1, max: 1e7, log: true, uiRange: [1, 4096], doc: 'Samples per mini-batch (at most the number of samples).' },
    maxIter: { type: 'integer', default: 100, min: 1, max: 1e6, log: true, uiRange: [1, 1000], doc: 'Passes over the data, at most.' },
    nInit: { type: 'integer', default: 3, min: 1, max: 1000, uiRange: [1, 20], doc: 'Initialisations tried (each scored on a held-out subsample); the best is kept.' },
    initSize: { type: 'integer', default: null, nullable: true, min: 1, max: 1e7, doc: 'Samples used to initialise; null for 3 × batchSize (at least 3k, at most n).' },
    maxNoImprovement: { type: 'integer', default: 10, min: 1, max: 1e6, uiRange: [1, 100], doc: 'Stop after this many steps without improvement of the smoothed batch inertia.' },
    tol: { type: 'number', default: 0, min: 0, log: true, uiRange: [1e-8, 1], doc: 'Stop when the squared centre shift of a step is ≤ tol × the mean feature variance (0: off).' },
    reassignmentRatio: { type: 'number', default: 0.01, min: 0, max: 1, uiRange: [0, 0.2], doc: 'Centres with fewer than this fraction of the largest count are moved onto random batch samples.' },
    randomState: { type: 'randomState', default: undefined, doc: 'Seed or generator (undefined: seed 0).' },
  };

  /** The fit as frozen snapshots, one per mini-batch step (step 0 = the chosen initialisation). */
  *fitSteps(X: MatrixLike): Generator<MiniBatchKMeansStep, void, undefined> {
    const M = checkArray(X);
    const { rows: n, cols: d, data: A } = M;
    const o = this.options;
    const k = checkCount(o.nClusters, n);
    const batchSize = Math.min(o.batchSize, n);
    const { maxIter, nInit, maxNoImprovement, tol } = o;
    const ratio = o.reassignmentRatio;
    let initSize = o.initSize ?? 3 * batchSize;
    if (initSize < k) initSize = 3 * k;
    initSize = Math.min(initSize, n);
    const rng = checkRandomState(o.randomState);
    // Features of order 1e154 overflow their squared distances: say so rather than iterate on ∞.
    checkSpread(A, n, d, 'MiniBatchKMeans');

    let meanVar = 0;
    if (tol > 0) {
      const mu = new Float64Array(d);
      for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mu[j] += A[i * d + j] / n;
      for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) meanVar += (A[i * d + j] - mu[j]) ** 2 / (n * d);
    }
    const sample = (m: number) => {
      const idx = new Int32Array(m);
      for (let t = 0; t < m; t++) idx[t] = rng.randint(n);
      return idx;
    };
    const gather = (idx: Int32Array) => {
      const out = new Float64Array(idx.length * d);
      for (let t = 0; t < idx.length; t++) out.set(A.subarray(idx[t] * d, idx[t] * d + d), t * d);
      return out;
    };

    // Initialisation: nInit candidates, each seeded on its own subsample, scored on a validation one.
    const Xvalid = gather(sample(initSize));
    const lab = new Int32Array(Math.max(initSize, batchSize));
    const dist = new Float64Array(Math.max(initSize, batchSize));
    let C: Float64Array | null = null;
    let bestInertia = Infinity;
    for (let r = 0; r < nInit; r++) {
      const Xi = gather(sample(initSize));
      const Ci = o.init === 'random' ? randomInit(Xi, initSize, d, k, rng) : kmeansPlusPlus(Xi, initSize, d, k, rng);
      const inertia = assign(Xvalid, initSize, d, Ci, k, lab, dist);
      if (inertia < bestInertia) {
        bestInertia = inertia;
        C = Ci;
      }
    }
    let centers = C!;
    yield Object.freeze({ step: 0, centers: frozenMatrix(centers, k, d), batch: Object.freeze([]), batchInertia: null, ewaInertia: null, converged: false });

    const counts = new Float64Array(k);
    const sums = new Float64Array(k * d);
    const nb = new Float64Array(k);
    const nSteps = Math.max(1, Math.floor((maxIter * n) / batchSize));
    const alpha = Math.min(1, (batchSize * 2) / (n + 1));
    let ewa: number | null = null;
    let ewaMin: number | null = null;
    let noImprovement = 0;
    let sinceReassign = 0;
    let step = 0;
    for (; step < nSteps; step++) {
      const idx = sample(batchSize);
      const Xb = gather(idx);
      // Random reassignment every 10·k samples (or when a centre has never been hit).
      sinceReassign += batchSize;
      let reassign = false;
      if (sinceReassign >= 10 * k || counts.some((c) => c === 0)) {
        sinceReassign = 0;
        reassign = true;
      }
      const old = centers.slice();
      const batchInertia = assign(Xb, batchSize, d, centers, k, lab, dist) / batchSize;
      // Per-centre update with learning rate 1/count.
      sums.fill(0);
      nb.fill(0);
      for (let t = 0; t < batchSize; t++) {
        const c = lab[t];
        nb[c]++;
        for (let j = 0; j < d; j++) sums[c * d + j] += Xb[t * d + j];
      }
      for (let c = 0; c < k; c++) {
        if (nb[c] === 0) continue;
        const total = counts[c] + nb[c];
        for (let j = 0; j < d; j++) centers[c * d + j] = (centers[c * d + j] * counts[c] + sums[c * d + j]) / total;
        counts[c] = total;
      }
      if (reassign && ratio > 0) {
        let maxCount = 0;
        for (let c = 0; c < k; c++) maxCount = Math.max(maxCount, counts[c]);
        const low: number[] = [];
        for (let c = 0; c < k; c++) if (counts[c] < ratio * maxCount) low.push(c);
        if (low.length > 0) {
          const picks = rng.choice(batchSize, Math.min(low.length, batchSize));
          let minKept = Infinity;
          for (let c = 0; c < k; c++) if (!low.includes(c)) minKept = Math.min(minKept, counts[c]);
          low.forEach((c, t) => {
            if (t >= picks.length) return;
            centers.set(Xb.subarray(picks[t] * d, picks[t] * d + d), c * d);
            counts[c] = Number.isFinite(minKept) ? minKept : 1;
          });
        }
      }
      // Early stopping on the smoothed batch inertia (and on the centre shift when tol > 0).
      let stop = false;
      if (step > 0) {
        ewa = ewa === null ? batchInertia : ewa * (1 - alpha) + batchInertia * alpha;
        if (tol > 0) {
          let shift = 0;
          for (let q = 0; q < k * d; q++) shift += (centers[q] - old[q]) ** 2;
          if (shift <= tol * meanVar) stop = true;
        }
        if (ewaMin === null || ewa < ewaMin) {
          noImprovement = 0;
          ewaMin = ewa;
        } else if (++noImprovement >= maxNoImprovement) stop = true;
      }
      stop = stop || step === nSteps - 1;
      yield Object.freeze({ step: step + 1, centers: frozenMatrix(centers, k, d), batch: Object.freeze(Array.from(idx)), batchInertia, ewaInertia: ewa, converged: stop });
      if (stop) break;
      centers = centers.slice();
    }
    const labels = new Int32Array(n);
    const inertia = assign(A, n, d, centers, k, labels, new Float64Array(n));
    checkFiniteResult(inertia, 'MiniBatchKMeans inertia');
    checkFiniteResult(centers, 'MiniBatchKMeans centres');
    const warning = distinctClustersWarning(labels, k);
    this.fitted = {
      clusterCenters: frozenMatrix(centers, k, d) as number[][],
      labels: Object.freeze(Array.from(labels)) as number[],
      inertia,
      nSteps: step + 1,
      nIter: Math.ceil(((step + 1) * batchSize) / n),
      warnings: warning ? [warning] : [],
    };
  }

  /** Mini-batch steps taken. */
  get nSteps(): number {
    return this.model.nSteps;
  }

  /** The fitted model as plain JSON ({ estimator, options, clusterCenters, labels, inertia, nIter, nSteps, warnings }). */
  toJSON(): MiniBatchKMeansJSON {
    return { ...this.jsonHeader(), estimator: 'MiniBatchKMeans', ...this.fittedJSON(), nSteps: this.model.nSteps };
  }

  /** Rebuilds a fitted model from {@link toJSON}'s output, validating every field (k centres of equal width, labels in 0 … k−1). */
  static fromJSON(json: unknown): MiniBatchKMeans {
    const { doc, model } = readEstimatorJSON(json, MiniBatchKMeans);
    model.fitted = { ...readKMeansFitted(doc, model.options.nClusters), nSteps: readInt(doc.nSteps, 'json.nSteps') };
    return model;
  }
}
