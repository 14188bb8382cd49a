import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors';
import { adjustedRandScore, normalizedMutualInfoScore, silhouetteSamples, silhouetteScore } from '../../src/metrics/cluster';
import { dataset, results } from '../fixtures/sklearn';

// Reference: scikit-learn 1.2.1 reference results (the `ari` of the AgglomerativeClustering
// records, computed on their stored labels, rounded to 6 decimals; the KMeans silhouette on iris).
describe('adjustedRandScore', () => {
  it('hand-worked', () => {
    // [0,0,1,1] vs [0,0,1,2]: contingency [[2,0],[0,1],[0,1]]ᵀ; Σnᵢⱼ² = 6, n = 4:
    // tp = 6 − 4 = 2, fp = Σ nᵢⱼ bⱼ − 6 = 2·2+1+1 − 6 = 0, fn = Σ nᵢⱼ aᵢ − 6 = 2·2 + 1·2 + 1·2 − 6 = 2,
    // tn = 16 − 0 − 2 − 6 = 8. ARI = 2(2·8 − 0)/((2+2)(2+8) + (2+0)(0+8)) = 32/56 = 4/7.
    expect(adjustedRandScore([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(4 / 7, 15);
    expect(adjustedRandScore([0, 0, 1, 1], [5, 5, 3, 3])).toBe(1);
    expect(adjustedRandScore([0, 0, 0, 0], [0, 0, 0, 0])).toBe(1);
    // Symmetric.
    expect(adjustedRandScore([0, 0, 1, 2], [0, 0, 1, 1])).toBeCloseTo(4 / 7, 15);
  });

  for (const ref of results('AgglomerativeClustering')) {
    it(`equals scikit-learn's on the ${ref.settings.linkage} labels of ${ref.data}`, () => {
      expect(Math.abs(adjustedRandScore(dataset(ref.data).y, ref.labels as number[]) - (ref.ari as number))).toBeLessThanOrEqual(5e-7 + 1e-12);
    });
  }
});

describe('normalizedMutualInfoScore', () => {
  it('hand-worked', () => {
    // [0,0,1,1] vs [0,0,1,2]: I = ½ log 2 + 2·¼ log 2 = log 2; H(U) = log 2, H(V) = 1.5 log 2,
    // NMI = log 2 / (1.25 log 2) = 0.8.
    expect(normalizedMutualInfoScore([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.8, 14);
    expect(normalizedMutualInfoScore([0, 0, 1, 1], [1, 1, 0, 0])).toBeCloseTo(1, 14);
    expect(normalizedMutualInfoScore([0, 1, 0, 1], [0, 0, 1, 1])).toBe(0);
    expect(normalizedMutualInfoScore([3, 3], [1, 1])).toBe(1);
  });
});

describe('silhouetteScore', () => {
  it('hand-worked', () => {
    // Clusters {0, 1} and {4}: s(0) = (b − a)/b with a = 1, b = 4 → 0.75; s(1): a = 1, b = 3 → 2/3;
    // s(4) = 0 (alone). Mean = (0.75 + 2/3 + 0)/3.
    expect(silhouetteSamples([[0], [1], [4]], [0, 0, 1])).toEqual([0.75, expect.closeTo(2 / 3, 15), 0]);
    expect(silhouetteScore([[0], [1], [4]], [0, 0, 1])).toBeCloseTo((0.75 + 2 / 3) / 3, 15);
  });

  it("equals scikit-learn's on iris with the KMeans partition (to 1e-9)", () => {
    // The reference stores the silhouette of scikit-learn's KMeans labels, not the labels. Its
    // partition is iris's 3-means optimum (inertia 78.851), whose centres are well known (below,
    // to 8 digits); labelling each sample by its nearest centre reproduces that partition.
    const d = dataset('iris');
    const centres = [[5.006, 3.428, 1.462, 0.246], [5.9016129, 2.7483871, 4.39354839, 1.43387097], [6.85, 3.07368421, 5.74210526, 2.07105263]];
    const labels = d.X.map((x) => centres.map((c) => c.reduce((s, v, j) => s + (v - x[j]) ** 2, 0)).reduce((b, v, i, a) => (v < a[b] ? i : b), 0));
    const ref = results('KMeans', 'iris')[0];
    expect(Math.abs(silhouetteScore(d.X, labels) - (ref.silhouette as number))).toBeLessThan(1e-9);
  });

  it('rejects one cluster, n clusters and mismatched lengths', () => {
    expect(() => silhouetteScore([[0], [1], [2]], [0, 0, 0])).toThrow(ValidationError);
    expect(() => silhouetteScore([[0], [1], [2]], [0, 1, 2])).toThrow(/labels/);
    expect(() => silhouetteScore([[0], [1], [2]], [0, 1])).toThrow(ValidationError);
    expect(() => adjustedRandScore([0, 1], [0])).toThrow(ValidationError);
    expect(() => adjustedRandScore([0, NaN], [0, 1])).toThrow(/finite/);
  });
});
