import { describe, expect, it } from 'vitest';
import { AgglomerativeClustering, DBSCAN, SpectralClustering } from '../../src/cluster';
import { ValidationError } from '../../src/core/errors';
import { adjustedRandScore } from '../../src/metrics/cluster';
import { dataset, results } from '../fixtures/sklearn';
import { sameUpToRelabelling } from './helpers';

// Reference: scikit-learn 1.2.1 reference results (AgglomerativeClustering on iris; DBSCAN
// eps 0.2, minSamples 5 and SpectralClustering nearest_neighbors on moons and circles).
describe('AgglomerativeClustering', () => {
  it('hand-worked: four points on a line, every linkage', () => {
    // Points 0, 1, 5, 7. Merges: {0,1} at 1, {5,7} at 2, then the two pairs at
    // single min = 4, complete max = 7, average (4+6+5+7)/4 = 5.5,
    // ward √(2·2·2/4)·|0.5 − 6| = √2 · 5.5.
    const X = [[0], [1], [5], [7]];
    const top = { single: 4, complete: 7, average: 5.5, ward: Math.SQRT2 * 5.5 };
    for (const [linkage, h] of Object.entries(top)) {
      const m = new AgglomerativeClustering({ nClusters: 2, linkage: linkage as 'ward' }).fit(X);
      expect(m.children).toEqual([[0, 1], [2, 3], [4, 5]]);
      expect(m.distances[0]).toBeCloseTo(1, 12); // ward: √(2·1·1/2)·1 = 1 too
      expect(m.distances[2]).toBeCloseTo(h, 12);
      expect(m.counts).toEqual([2, 2, 4]);
      expect(sameUpToRelabelling(m.labels, [0, 0, 1, 1])).toBe(true);
    }
  });

  for (const ref of results('AgglomerativeClustering')) {
    it(`gives scikit-learn's labels on ${ref.data} with ${ref.settings.linkage} linkage`, () => {
      const m = new AgglomerativeClustering({ nClusters: 3, linkage: ref.settings.linkage as 'ward' }).fit(dataset(ref.data).X);
      expect(sameUpToRelabelling(m.labels, ref.labels as number[])).toBe(true);
      expect(m.labels).toEqual(ref.labels); // even the numbering, from the same cut
    });
  }

  it('cuts at a distance threshold and gives a monotone dendrogram', () => {
    const X = dataset('iris').X;
    const m = new AgglomerativeClustering({ nClusters: null, distanceThreshold: 10 }).fit(X);
    expect(m.nClusters).toBe(m.distances.filter((v) => v >= 10).length + 1);
    for (let i = 1; i < m.distances.length; i++) expect(m.distances[i]).toBeGreaterThanOrEqual(m.distances[i - 1]);
    expect(m.children).toHaveLength(X.length - 1);
    expect(m.counts[m.counts.length - 1]).toBe(X.length);
  });

  it('rejects bad input with a ValidationError', () => {
    expect(() => new AgglomerativeClustering({ nClusters: 5 }).fit([[0], [1]])).toThrow(/nClusters/);
    expect(() => new AgglomerativeClustering({ linkage: 'median' as 'ward' }).fit([[0], [1]])).toThrow(ValidationError);
    expect(() => new AgglomerativeClustering().fit([[0], [NaN]])).toThrow(/finite/);
    expect(() => new AgglomerativeClustering().fit([[0, 1], [1]])).toThrow(/ragged/);
    expect(() => new AgglomerativeClustering().fit([])).toThrow(ValidationError);
  });
});

describe('DBSCAN', () => {
  it('hand-worked: a dense run, a border point and an outlier', () => {
    // eps 1.1, minSamples 3; neighbourhoods (self included): 0 → {0,1} (2 < 3: not core),
    // 1 → {0,1,2} core, 2 → {1,2,3} core, 3 → {2,3} (border, reached from 2), 10 → {10} noise.
    const m = new DBSCAN({ eps: 1.1, minSamples: 3 }).fit([[0], [1], [2], [3], [10]]);
    expect(m.labels).toEqual([0, 0, 0, 0, -1]);
    expect(m.coreSampleIndices).toEqual([1, 2]);
    expect(m.sampleKinds).toEqual(['border', 'core', 'core', 'border', 'noise']);
  });

  for (const ref of results('DBSCAN')) {
    it(`gives scikit-learn's labels on ${ref.data}`, () => {
      const m = new DBSCAN({ eps: 0.2, minSamples: 5 }).fit(dataset(ref.data).X);
      expect(sameUpToRelabelling(m.labels, ref.labels as number[])).toBe(true);
      expect(m.labels).toEqual(ref.labels);
      expect(m.coreSampleIndices).toHaveLength(ref.nCore as number);
    });
  }

  it('rejects bad input with a ValidationError', () => {
    expect(() => new DBSCAN({ eps: 0 }).fit([[0], [1]])).toThrow(/eps/);
    expect(() => new DBSCAN({ eps: -1 }).fit([[0], [1]])).toThrow(ValidationError);
    expect(() => new DBSCAN({ minSamples: 0 }).fit([[0], [1]])).toThrow(/minSamples/);
    expect(() => new DBSCAN().fit([[0], [NaN]])).toThrow(/finite/);
    expect(() => new DBSCAN().fit([[0, 1], [1]])).toThrow(/ragged/);
    expect(() => new DBSCAN().fit([])).toThrow(ValidationError);
  });
});

describe('SpectralClustering', () => {
  it('hand-worked: two disconnected pairs', () => {
    // Nearest-neighbour graph with 2 neighbours (itself + one): W links {0,1} and {2,3} only,
    // so L has eigenvalue 0 twice (one per connected component) and k-means on the embedding
    // separates the pairs. Degrees: each sample's only other neighbour, weight 1.
    const steps = [...new SpectralClustering({ nClusters: 2, affinity: 'nearest_neighbors', nNeighbors: 2 }).fitSteps([[0], [1], [10], [11]])];
    expect(steps.map((s) => s.step)).toEqual(['affinity', 'laplacian', 'embedding', 'kmeans']);
    const [s0, s1, s2, s3] = steps;
    if (s0.step !== 'affinity' || s1.step !== 'laplacian' || s2.step !== 'embedding' || s3.step !== 'kmeans') throw new Error('step order');
    const W = s0.matrix;
    expect(W[0]).toEqual([1, 1, 0, 0]);
    const L = s1;
    expect(L.degrees).toEqual([1, 1, 1, 1]);
    expect(L.matrix[0]).toEqual([1, -1, -0, -0]);
    const E = s2;
    expect(E.eigenvalues[0]).toBeCloseTo(0, 12);
    expect(E.eigenvalues[1]).toBeCloseTo(0, 12);
    expect(sameUpToRelabelling(s3.labels, [0, 0, 1, 1])).toBe(true);
  });

  for (const ref of results('SpectralClustering')) {
    it(`ARI on ${ref.data} ≥ scikit-learn's − 0.01`, () => {
      const d = dataset(ref.data);
      const m = new SpectralClustering({ nClusters: 2, affinity: 'nearest_neighbors', nNeighbors: 10, randomState: 0 }).fit(d.X);
      expect(adjustedRandScore(d.y, m.labels)).toBeGreaterThanOrEqual((ref.ari as number) - 0.01);
      expect(m.embedding[0]).toHaveLength(2);
    });
  }

  it('rbf affinity separates two blobs', () => {
    const X = [[0, 0], [0.1, 0], [0, 0.1], [3, 3], [3.1, 3], [3, 3.1]];
    const m = new SpectralClustering({ nClusters: 2, gamma: 1 }).fit(X);
    expect(sameUpToRelabelling(m.labels, [0, 0, 0, 1, 1, 1])).toBe(true);
    expect(m.affinityMatrix[0][3]).toBeCloseTo(Math.exp(-18), 15);
  });

  it('rejects bad input with a ValidationError', () => {
    expect(() => new SpectralClustering({ nClusters: 3 }).fit([[0], [1]])).toThrow(/nClusters/);
    expect(() => new SpectralClustering({ nClusters: 2, affinity: 'cosine' as 'rbf' }).fit([[0], [1]])).toThrow(/affinity/);
    expect(() => new SpectralClustering({ nClusters: 2 }).fit([[0], [NaN]])).toThrow(/finite/);
    expect(() => new SpectralClustering({ nClusters: 2 }).fit([])).toThrow(ValidationError);
  });
});
