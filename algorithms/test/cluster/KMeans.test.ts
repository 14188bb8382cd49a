import { describe, expect, it } from 'vitest';
import { KMeans, MiniBatchKMeans } from '../../src/cluster';
import { ValidationError } from '../../src/core/errors';
import { adjustedRandScore, silhouetteScore } from '../../src/metrics/cluster';
import { dataset, results } from '../fixtures/sklearn';
import { sameUpToRelabelling } from './helpers';

// Reference: scikit-learn 1.2.1 reference results (test/fixtures/sklearn, KMeans nInit 10 and
// MiniBatchKMeans batch 1024, on make_blobs(10000, 5 centres) and iris).
describe('KMeans', () => {
  it('hand-worked: two pairs on a line', () => {
    // Centres settle at the pair means 0.5 and 10.5; inertia = 4 × 0.5² = 1.
    const m = new KMeans({ nClusters: 2, randomState: 0 }).fit([[0], [1], [10], [11]]);
    const centres = m.clusterCenters.map((c) => c[0]).sort((a, b) => a - b);
    expect(centres[0]).toBeCloseTo(0.5, 12);
    expect(centres[1]).toBeCloseTo(10.5, 12);
    expect(m.inertia).toBeCloseTo(1, 12);
    expect(sameUpToRelabelling(m.labels, [0, 0, 1, 1])).toBe(true);
    expect(m.predict([[2], [9]])).toEqual([m.labels[0], m.labels[2]]);
    // transform: distances to the centres; score: −inertia.
    const t = m.transform([[0.5]])[0];
    expect(Math.min(...t)).toBeCloseTo(0, 12);
    expect(Math.max(...t)).toBeCloseTo(10, 12);
    expect(m.score([[0], [1], [10], [11]])).toBeCloseTo(-1, 12);
  });

  for (const ref of results('KMeans')) {
    it(`matches scikit-learn on ${ref.data}: inertia ≤ 1.001×, ARI ≥ sklearn − 0.01`, () => {
      const d = dataset(ref.data);
      const m = new KMeans({ nClusters: ref.settings.nClusters as number, nInit: 10, randomState: 0 }).fit(d.X);
      expect(m.inertia).toBeLessThanOrEqual(1.001 * (ref.inertia as number));
      expect(adjustedRandScore(d.y, m.labels)).toBeGreaterThanOrEqual((ref.ari as number) - 0.01);
      if (ref.data === 'iris') {
        // Same optimum as scikit-learn, so the same partition: silhouette equal to 1e-9.
        expect(Math.abs(silhouetteScore(d.X, m.labels) - (ref.silhouette as number))).toBeLessThan(1e-9);
      }
    });
  }

  it('fitSteps yields the slide steps as frozen snapshots, and fit ends where they end', () => {
    const X = dataset('iris').X;
    const steps = [...new KMeans({ nClusters: 3, nInit: 1, randomState: 1 }).fitSteps(X)];
    expect(steps[0].step).toBe('initialise');
    expect(steps[0].labels).toBeNull();
    expect(steps.slice(1, 4).map((s) => s.step)).toEqual(['assign', 'update', 'repeat']);
    for (const s of steps) expect(Object.isFrozen(s) && Object.isFrozen(s.centers)).toBe(true);
    expect(Object.isFrozen(steps[1].labels)).toBe(true);
    // Inertia never increases from one assign step to the next (Lloyd's monotonicity).
    const inertias = steps.filter((s) => s.step === 'assign').map((s) => s.inertia as number);
    for (let i = 1; i < inertias.length; i++) expect(inertias[i]).toBeLessThanOrEqual(inertias[i - 1] + 1e-9);
    const last = steps[steps.length - 1];
    expect(last.converged).toBe(true);
    const m = new KMeans({ nClusters: 3, nInit: 1, randomState: 1 }).fit(X);
    expect(m.labels).toEqual(last.labels);
    expect(m.clusterCenters).toEqual(last.centers);
  });

  it("every 'assign' snapshot is the plain nearest-centre scan (the bounds that skip samples change nothing)", () => {
    for (const name of ['blobs', 'iris']) {
      const X = dataset(name).X;
      let checked = 0;
      for (const s of new KMeans({ nClusters: 4, nInit: 2, randomState: 3 }).fitSteps(X)) {
        if (s.step !== 'assign') continue;
        let inertia = 0;
        const labels = X.map((x) => {
          let best = Infinity;
          let arg = 0;
          s.centers.forEach((c, k) => {
            const v = x.reduce((t, xj, j) => t + (xj - c[j]) ** 2, 0);
            if (v < best) [best, arg] = [v, k];
          });
          inertia += best;
          return arg;
        });
        expect(s.labels).toEqual(labels);
        expect(s.inertia! / inertia).toBeCloseTo(1, 9);
        checked++;
      }
      expect(checked).toBeGreaterThan(4);
    }
  });

  it("supports init 'random' and explicit centres, and round-trips through JSON", () => {
    const X = dataset('iris').X;
    const r = new KMeans({ nClusters: 3, init: 'random', randomState: 0 }).fit(X);
    expect(r.inertia).toBeLessThan(80);
    const e = new KMeans({ nClusters: 3, init: r.clusterCenters }).fit(X);
    expect(e.inertia).toBeCloseTo(r.inertia, 8);
    const back = KMeans.fromJSON(JSON.parse(JSON.stringify(r)));
    expect(back.predict(X)).toEqual(r.predict(X));
  });

  it('rejects bad input with a ValidationError', () => {
    expect(() => new KMeans({ nClusters: 5 }).fit([[0], [1], [2]])).toThrow(ValidationError);
    expect(() => new KMeans({ nClusters: 5 }).fit([[0], [1], [2]])).toThrow(/nClusters/);
    expect(() => new KMeans({ nClusters: 2 }).fit([[0], [NaN], [2]])).toThrow(/finite/);
    expect(() => new KMeans({ nClusters: 2 }).fit([[0, 1], [1], [2, 2]])).toThrow(/ragged/);
    expect(() => new KMeans({ nClusters: 2 }).fit([])).toThrow(ValidationError);
    expect(() => new KMeans({ nClusters: 2, init: 'kmeans' as 'random' }).fit([[0], [1]])).toThrow(/init/);
    expect(() => new KMeans().predict([[1]])).toThrow(/not fitted/);
  });
});

describe('MiniBatchKMeans', () => {
  it('hand-worked: two unit squares far apart', () => {
    // Each centre is the running mean of every sample assigned to it (learning rate 1/count),
    // so once the groups are separated it stays inside its group's square: within 0.5 of the
    // group mean (0.5, 0.5) or (10.5, 10.5) in each coordinate.
    const X = [[0, 0], [0, 1], [1, 0], [1, 1], [10, 10], [10, 11], [11, 10], [11, 11]];
    const m = new MiniBatchKMeans({ nClusters: 2, batchSize: 8, randomState: 0 }).fit(X);
    expect(sameUpToRelabelling(m.labels, [0, 0, 0, 0, 1, 1, 1, 1])).toBe(true);
    const c = [...m.clusterCenters].sort((a, b) => a[0] - b[0]);
    for (const j of [0, 1]) {
      expect(Math.abs(c[0][j] - 0.5)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(c[1][j] - 10.5)).toBeLessThanOrEqual(0.5);
    }
  });

  for (const ref of results('MiniBatchKMeans')) {
    it(`reaches scikit-learn's inertia on ${ref.data} (≤ 1.01×)`, () => {
      const d = dataset(ref.data);
      const m = new MiniBatchKMeans({ nClusters: ref.settings.nClusters as number, batchSize: 1024, randomState: 0 }).fit(d.X);
      expect(m.inertia).toBeLessThanOrEqual(1.01 * (ref.inertia as number));
    });
  }

  it('fitSteps yields frozen mini-batch steps', () => {
    const steps = [...new MiniBatchKMeans({ nClusters: 3, batchSize: 50, randomState: 0 }).fitSteps(dataset('iris').X)];
    expect(steps[0].step).toBe(0);
    expect(steps[1].batch).toHaveLength(50);
    expect(steps.every((s) => Object.isFrozen(s))).toBe(true);
    expect(steps[steps.length - 1].converged).toBe(true);
  });

  it('rejects bad input with a ValidationError', () => {
    expect(() => new MiniBatchKMeans({ nClusters: 4 }).fit([[0], [1]])).toThrow(ValidationError);
    expect(() => new MiniBatchKMeans({ nClusters: 2, batchSize: 0 }).fit([[0], [1]])).toThrow(/batchSize/);
    expect(() => new MiniBatchKMeans({ nClusters: 2 }).fit([[0], [Infinity]])).toThrow(/finite/);
  });
});
