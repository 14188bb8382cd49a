/**
 * Reliability of the clustering estimators (issue 17): declared options, bad input in the
 * explainers' terms (k > n, eps ≤ 0, identical points, a disconnected graph), size guards,
 * overflow, and fromJSON naming the bad field. The generic checks run in
 * test/conformance/estimators.test.ts; these are the estimator-specific ones.
 */
import { describe, expect, it } from 'vitest';
import {
  AgglomerativeClustering,
  DBSCAN,
  GaussianMixture,
  KMeans,
  MiniBatchKMeans,
  RandomState,
  SpectralClustering,
  ValidationError,
} from '../../src';

/** Runs f and returns the ValidationError it throws (fails the test otherwise). */
function rejects(f: () => unknown): ValidationError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error('expected a ValidationError, got a result');
}

const rng = new RandomState(7);
const BLOBS = Array.from({ length: 30 }, (_, i) => [(i % 3) * 5 + rng.normal(), (i % 3) * 2 + rng.normal()]);
const SAME = Array.from({ length: 12 }, () => [1, 2]);
/** Two groups 100 apart: a kNN graph of 3 neighbours has two components. */
const TWO = [...Array.from({ length: 10 }, (_, i) => [i * 0.1, 0]), ...Array.from({ length: 10 }, (_, i) => [100 + i * 0.1, 0])];
const roundTrip = <T extends { toJSON(): unknown }>(m: T) => JSON.parse(JSON.stringify(m.toJSON()));

describe('options are declared and validated at construction', () => {
  it('an explicit undefined keeps the default', () => {
    expect(new KMeans({ nClusters: undefined }).options.nClusters).toBe(8);
    expect(new KMeans({ nClusters: undefined, tol: undefined }).fit(BLOBS.concat(BLOBS)).clusterCenters).toHaveLength(8);
    expect(new MiniBatchKMeans({ initSize: undefined }).options.initSize).toBe(null);
    expect(new GaussianMixture({ nComponents: undefined }).options.nComponents).toBe(1);
    expect(new DBSCAN({ eps: undefined }).options.eps).toBe(0.5);
    expect(new AgglomerativeClustering({ linkage: undefined }).options.linkage).toBe('ward');
    expect(new SpectralClustering({ nComponents: undefined }).options.nComponents).toBe(null);
  });

  it('MiniBatchKMeans.initSize −1, 0, 2.5, NaN, "3" are rejected by name', () => {
    for (const bad of [-1, 0, 2.5, NaN, Infinity, '3', true]) {
      expect(rejects(() => new MiniBatchKMeans({ initSize: bad as number })).argument).toBe('initSize');
    }
    expect(new MiniBatchKMeans({ nClusters: 3, initSize: 12, batchSize: 10 }).fit(BLOBS).clusterCenters).toHaveLength(3);
  });

  it('randomState NaN, "abc", 1e300, −1, 1.5 are rejected by every randomised estimator', () => {
    const makers = [
      (r: unknown) => new KMeans({ randomState: r as number }),
      (r: unknown) => new MiniBatchKMeans({ randomState: r as number }),
      (r: unknown) => new GaussianMixture({ randomState: r as number }),
      (r: unknown) => new SpectralClustering({ randomState: r as number }),
    ];
    for (const make of makers) {
      for (const bad of [NaN, 'abc', 1e300, -1, 1.5, Infinity, {}]) expect(rejects(() => make(bad)).argument).toBe('randomState');
      expect(() => make(new RandomState(3))).not.toThrow();
    }
  });

  it('KMeans init: a keyword or k explicit rows; anything else is rejected', () => {
    for (const bad of ['kmeans', 3, null, {}, [1, 2], [[0, NaN]]]) expect(rejects(() => new KMeans({ init: bad as 'random' })).argument).toBe('init');
    const init = [[0, 0], [5, 2], [10, 4]];
    const m = new KMeans({ nClusters: 3, init }).fit(BLOBS);
    expect(m.nIter).toBeGreaterThan(0);
    expect(rejects(() => new KMeans({ nClusters: 2, init }).fit(BLOBS)).problem).toBe('shape-mismatch');
    // The explicit centres survive the JSON round trip.
    expect(KMeans.fromJSON(roundTrip(m)).getParams().init).toEqual(init);
  });

  it('DBSCAN: eps ≤ 0 or not finite is rejected when constructed', () => {
    for (const bad of [0, -1, NaN, Infinity, '0.5']) expect(rejects(() => new DBSCAN({ eps: bad as number })).argument).toBe('eps');
    for (const bad of [0, 1.5, -2]) expect(rejects(() => new DBSCAN({ minSamples: bad })).argument).toBe('minSamples');
  });
});

describe('bad data, in the explainers terms', () => {
  it('k > n is a ValidationError naming the count', () => {
    const few = BLOBS.slice(0, 4);
    expect(rejects(() => new KMeans({ nClusters: 5 }).fit(few)).argument).toBe('nClusters');
    expect(rejects(() => new MiniBatchKMeans({ nClusters: 5 }).fit(few)).argument).toBe('nClusters');
    expect(rejects(() => new GaussianMixture({ nComponents: 5 }).fit(few)).argument).toBe('nComponents');
    expect(rejects(() => new AgglomerativeClustering({ nClusters: 5 }).fit(few)).argument).toBe('nClusters');
    expect(rejects(() => new SpectralClustering({ nClusters: 5 }).fit(few)).argument).toBe('nClusters');
    expect(rejects(() => new SpectralClustering({ nClusters: 2, nComponents: 5 }).fit(few)).argument).toBe('nComponents');
  });

  it('all-identical points give a defined result (and k-means says it found fewer clusters)', () => {
    const km = new KMeans({ nClusters: 3 }).fit(SAME);
    expect(km.labels.every((l) => l === 0)).toBe(true);
    expect(km.inertia).toBe(0);
    expect(km.warnings[0]).toMatch(/Number of distinct clusters \(1\) found smaller than nClusters \(3\)/);
    expect(new MiniBatchKMeans({ nClusters: 3 }).fit(SAME).warnings).toHaveLength(1);
    expect(new KMeans({ nClusters: 3 }).fit(BLOBS).warnings).toEqual([]);
    expect(new GaussianMixture({ nComponents: 2 }).fit(SAME).predictProba(SAME).flat().every(Number.isFinite)).toBe(true);
    expect(new DBSCAN().fit(SAME).labels.every((l) => l === 0)).toBe(true);
    expect(new AgglomerativeClustering({ nClusters: 3 }).fit(SAME).distances.every((v) => v === 0)).toBe(true);
    for (const affinity of ['rbf', 'nearest_neighbors'] as const) {
      const labels = new SpectralClustering({ nClusters: 2, affinity, nNeighbors: 3 }).fit(SAME).labels;
      expect(labels.every((l) => l === 0 || l === 1)).toBe(true);
    }
  });

  it('a disconnected graph: SpectralClustering warns as scikit-learn and still splits by component', () => {
    for (const o of [{ affinity: 'nearest_neighbors' as const, nNeighbors: 3 }, { gamma: 10 }]) {
      const m = new SpectralClustering({ nClusters: 2, ...o }).fit(TWO);
      expect(m.nGraphComponents).toBe(2);
      expect(m.warnings).toHaveLength(1);
      expect(m.warnings[0]).toMatch(/^Graph is not fully connected, spectral embedding may not work as expected/);
      expect(new Set(m.labels.slice(0, 10)).size).toBe(1);
      expect(m.labels[0]).not.toBe(m.labels[10]);
      expect(SpectralClustering.fromJSON(roundTrip(m)).warnings).toEqual(m.warnings);
    }
    expect(new SpectralClustering({ nClusters: 3 }).fit(BLOBS).warnings).toEqual([]);
  });

  it('a precomputed affinity must be square, symmetric and non-negative', () => {
    const W = [
      [1, 0.5, 0],
      [0.5, 1, 0.2],
      [0, 0.2, 1],
    ];
    expect(new SpectralClustering({ nClusters: 2, affinity: 'precomputed' }).fit(W).labels).toHaveLength(3);
    const asym = W.map((r) => [...r]);
    asym[0][1] = 0.9;
    expect(rejects(() => new SpectralClustering({ nClusters: 2, affinity: 'precomputed' }).fit(asym)).detail).toMatch(/symmetric/);
    const neg = W.map((r) => r.map((v) => (v === 0 ? -0.1 : v)));
    expect(rejects(() => new SpectralClustering({ nClusters: 2, affinity: 'precomputed' }).fit(neg)).detail).toMatch(/non-negative/);
    expect(rejects(() => new SpectralClustering({ nClusters: 2, affinity: 'precomputed' }).fit([[1, 0, 0], [0, 1, 0]])).problem).toBe('shape-mismatch');
  });

  it('GaussianMixture reports EM that stops on maxIter', () => {
    const m = new GaussianMixture({ nComponents: 2, maxIter: 1 }).fit(TWO);
    expect(m.converged).toBe(false);
    expect(m.warnings[0]).toMatch(/did not converge/);
    expect(new GaussianMixture({ nComponents: 2 }).fit(TWO).warnings).toEqual([]);
  });
});

describe('size guards and overflow', () => {
  // 8,200² > 2²⁶ entries: refused before any n×n allocation.
  const big = Array.from({ length: 8200 }, (_, i) => [i]);

  it('dense n×n work beyond LIMITS.maxElements is refused with too-large', () => {
    const e = rejects(() => new AgglomerativeClustering({ linkage: 'complete' }).fit(big));
    expect([e.argument, e.problem]).toEqual(['X', 'too-large']);
    expect(rejects(() => new SpectralClustering({ nClusters: 2 }).fit(big)).problem).toBe('too-large');
    expect(rejects(() => new GaussianMixture({ nComponents: 5 }).fit([Array.from({ length: 4000 }, () => 0), ...Array.from({ length: 5 }, () => Array.from({ length: 4000 }, (_, j) => j))])).problem).toBe('too-large');
  });

  it('features of order 1e154–1e300 are reported as overflow, never returned as NaN', () => {
    for (const scale of [1e154, 1e200, 1e300]) {
      const X = BLOBS.map((r) => r.map((v) => v * scale));
      for (const make of [() => new KMeans({ nClusters: 3 }), () => new MiniBatchKMeans({ nClusters: 3 }), () => new GaussianMixture({ nComponents: 3 }), () => new AgglomerativeClustering({ nClusters: 3 })]) {
        expect(rejects(() => make().fit(X)).problem).toBe('overflow');
      }
      expect(rejects(() => new SpectralClustering({ nClusters: 3, affinity: 'nearest_neighbors' }).fit(X)).problem).toBe('overflow');
    }
    // A model fitted on ordinary data, asked about a far-away point.
    const km = new KMeans({ nClusters: 3 }).fit(BLOBS);
    expect(rejects(() => km.transform([[1e300, -1e300]])).problem).toBe('overflow');
    expect(rejects(() => km.score([[1e300, -1e300]])).problem).toBe('overflow');
    const gm = new GaussianMixture({ nComponents: 3 }).fit(BLOBS);
    expect(rejects(() => gm.predictProba([[1e300, -1e300]])).problem).toBe('overflow');
  });
});

describe('fromJSON validates every field and names it', () => {
  const km = new KMeans({ nClusters: 3 }).fit(BLOBS);
  const kmDoc = roundTrip(km);

  it('a good document round-trips; unknown keys are dropped', () => {
    const back = KMeans.fromJSON({ ...kmDoc, extra: [1], options: { ...kmDoc.options, bogus: 1 } });
    expect(back.predict(BLOBS)).toEqual(km.predict(BLOBS));
    expect(roundTrip(back)).toEqual(kmDoc);
  });

  it('k-means: centres, labels and counts', () => {
    const at = (doc: unknown) => rejects(() => KMeans.fromJSON(doc)).detail;
    expect(at({ ...kmDoc, clusterCenters: [[0, 'x'], [1, 1], [2, 2]] })).toMatch(/^json\.clusterCenters\[0\]\[1\]/);
    expect(at({ ...kmDoc, clusterCenters: kmDoc.clusterCenters.slice(1) })).toMatch(/^json\.clusterCenters has 2 entries; expected 3/);
    expect(at({ ...kmDoc, clusterCenters: [[0, 0], [1], [2, 2]] })).toMatch(/^json\.clusterCenters\[1\]/);
    expect(at({ ...kmDoc, labels: [0, 3] })).toMatch(/^json\.labels\[1\]/);
    expect(at({ ...kmDoc, options: { ...kmDoc.options, nClusters: 4 } })).toMatch(/^json\.clusterCenters/);
    expect(at({ ...kmDoc, inertia: -1 })).toMatch(/^json\.inertia/);
    expect(at({ ...kmDoc, warnings: [1] })).toMatch(/^json\.warnings\[0\]/);
    const mb = roundTrip(new MiniBatchKMeans({ nClusters: 3 }).fit(BLOBS));
    expect(rejects(() => MiniBatchKMeans.fromJSON({ ...mb, nSteps: 1.5 })).detail).toMatch(/^json\.nSteps/);
    expect(rejects(() => MiniBatchKMeans.fromJSON(kmDoc)).detail).toMatch(/^json\.estimator/);
  });

  it('GaussianMixture: weights sum to 1, covariances symmetric positive definite of their type', () => {
    const doc = roundTrip(new GaussianMixture({ nComponents: 2, covarianceType: 'diag' }).fit(TWO));
    const at = (d: unknown) => rejects(() => GaussianMixture.fromJSON(d)).detail;
    expect(at({ ...doc, weights: [0.5, 0.6] })).toMatch(/^json\.weights sum/);
    expect(at({ ...doc, weights: [0, 1] })).toMatch(/^json\.weights\[0\]/);
    const notPD = [...doc.cov];
    notPD[0] = -1;
    expect(at({ ...doc, cov: notPD })).toMatch(/^json\.cov/);
    const offDiag = [...doc.cov];
    offDiag[1] = offDiag[2] = 0.1;
    expect(at({ ...doc, cov: offDiag })).toMatch(/'diag' covariance/);
    expect(at({ ...doc, k: 3 })).toMatch(/^json\.k/);
    expect(at({ ...doc, means: doc.means.slice(1) })).toMatch(/^json\.means/);
  });

  it('AgglomerativeClustering: the tree must point backwards, use each node once and add up', () => {
    const doc = roundTrip(new AgglomerativeClustering({ nClusters: 2 }).fit(TWO.slice(0, 6)));
    const at = (d: unknown) => rejects(() => AgglomerativeClustering.fromJSON(d)).detail;
    const self = doc.children.map((c: number[]) => [...c]);
    self[0] = [0, 6]; // node 6 is made by merge 0 itself
    expect(at({ ...doc, children: self })).toMatch(/^json\.children\[0\]/);
    const twice = doc.children.map((c: number[]) => [...c]);
    twice[1] = [...twice[0]];
    expect(at({ ...doc, children: twice })).toMatch(/^json\.children\[1\].*second time/);
    expect(at({ ...doc, counts: doc.counts.map((c: number) => c + 1) })).toMatch(/^json\.counts\[\d\]/);
    expect(at({ ...doc, distances: [...doc.distances].reverse().map((v: number, i: number) => (i === 0 ? v + 1 : v)) })).toMatch(/^json\.distances/);
    expect(at({ ...doc, labels: doc.labels.map(() => 2) })).toMatch(/^json\.labels\[0\]/);
  });

  it('DBSCAN: labels, core indices and kinds must agree', () => {
    const m = new DBSCAN({ eps: 0.5, minSamples: 3 }).fit([...TWO, [50, 50]]);
    const doc = roundTrip(m);
    expect(DBSCAN.fromJSON(doc).labels).toEqual(m.labels);
    const at = (d: unknown) => rejects(() => DBSCAN.fromJSON(d)).detail;
    expect(at({ ...doc, kinds: doc.kinds.map((k: string, i: number) => (i === 20 ? 'core' : k)) })).toMatch(/^json\.kinds\[20\]/);
    expect(at({ ...doc, coreSampleIndices: [...doc.coreSampleIndices].reverse() })).toMatch(/^json\.coreSampleIndices/);
    expect(at({ ...doc, labels: doc.labels.map((l: number) => l * 1.5 + 0.5) })).toMatch(/^json\.labels\[0\]/);
    expect(at({ ...doc, components: doc.components.slice(1) })).toMatch(/^json\.components/);
  });

  it('SpectralClustering: the sparse affinity and the embedding are checked', () => {
    const doc = roundTrip(new SpectralClustering({ nClusters: 2, affinity: 'nearest_neighbors', nNeighbors: 4 }).fit(TWO));
    const at = (d: unknown) => rejects(() => SpectralClustering.fromJSON(d)).detail;
    expect(at({ ...doc, affinity: { ...doc.affinity, indices: doc.affinity.indices.map(() => 99) } })).toMatch(/^json\.affinity\.indices\[0\]/);
    expect(at({ ...doc, affinity: { ...doc.affinity, indptr: [...doc.affinity.indptr].reverse() } })).toMatch(/^json\.affinity\.indptr/);
    expect(at({ ...doc, affinity: null })).toMatch(/^json\.affinity/);
    expect(at({ ...doc, embedding: doc.embedding.slice(1) })).toMatch(/^json\.embedding/);
    expect(at({ ...doc, labels: doc.labels.map(() => 2) })).toMatch(/^json\.labels\[0\]/);
  });
});
