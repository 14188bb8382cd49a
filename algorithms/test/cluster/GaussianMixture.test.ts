import { describe, expect, it } from 'vitest';
import { GaussianMixture } from '../../src/cluster';
import { ValidationError } from '../../src/core/errors';
import { adjustedRandScore } from '../../src/metrics/cluster';
import { dataset, results } from '../fixtures/sklearn';

// Reference: scikit-learn 1.2.1 reference results (GaussianMixture, full and diag, on blobs and iris).
describe('GaussianMixture', () => {
  it('hand-worked: two 1-D pairs', () => {
    // Components {0, 2} and {10, 12}: μ = 1 and 11, σ² = ((−1)² + 1²)/2 = 1 (+1e-6), π = ½ each.
    const m = new GaussianMixture({ nComponents: 2, randomState: 0 }).fit([[0], [2], [10], [12]]);
    const order = m.means[0][0] < m.means[1][0] ? [0, 1] : [1, 0];
    expect(m.means[order[0]][0]).toBeCloseTo(1, 6);
    expect(m.means[order[1]][0]).toBeCloseTo(11, 6);
    const cov = m.covariances as number[][][];
    expect(cov[order[0]][0][0]).toBeCloseTo(1 + 1e-6, 6);
    expect(m.weights[0]).toBeCloseTo(0.5, 6);
    // log p(0) = log(½ 𝒩(0 | 1, 1)) (the far component adds ~e⁻⁶⁰) = log ½ − ½ log 2π − ½.
    expect(m.scoreSamples([[0]])[0]).toBeCloseTo(Math.log(0.5) - 0.5 * Math.log(2 * Math.PI) - 0.5, 5);
    const p = m.predictProba([[1]])[0];
    expect(p[order[0]]).toBeCloseTo(1, 10);
  });

  for (const ref of results('GaussianMixture')) {
    const { nComponents, covarianceType } = ref.settings as { nComponents: number; covarianceType: 'full' | 'diag' };
    it(`matches scikit-learn on ${ref.data} (${covarianceType}): mean log-likelihood within 1e-3, ARI ≥ sklearn − 0.01`, () => {
      const d = dataset(ref.data);
      const m = new GaussianMixture({ nComponents, covarianceType, randomState: 0 }).fit(d.X);
      expect(Math.abs(m.score(d.X) - (ref.meanLogLikelihood as number))).toBeLessThan(1e-3);
      expect(adjustedRandScore(d.y, m.predict(d.X))).toBeGreaterThanOrEqual((ref.ari as number) - 0.01);
    });
  }

  it('fits tied and spherical covariances with the right shapes', () => {
    const X = dataset('iris').X;
    const tied = new GaussianMixture({ nComponents: 3, covarianceType: 'tied' }).fit(X);
    expect((tied.covariances as number[][]).length).toBe(4);
    const sph = new GaussianMixture({ nComponents: 3, covarianceType: 'spherical' }).fit(X);
    expect((sph.covariances as number[]).length).toBe(3);
    // Full is the most flexible: its likelihood is the highest.
    const full = new GaussianMixture({ nComponents: 3 }).fit(X);
    expect(full.score(X)).toBeGreaterThan(tied.score(X));
    expect(full.score(X)).toBeGreaterThan(sph.score(X));
    expect(Number.isFinite(full.bic(X)) && full.aic(X) < full.bic(X)).toBe(true);
  });

  it('fitSteps: one frozen snapshot per EM iteration, the likelihood never decreasing', () => {
    const steps = [...new GaussianMixture({ nComponents: 3, randomState: 0 }).fitSteps(dataset('iris').X)];
    expect(steps[0].iteration).toBe(0);
    const lb = steps.slice(1).map((s) => s.lowerBound as number);
    for (let i = 1; i < lb.length; i++) expect(lb[i]).toBeGreaterThanOrEqual(lb[i - 1] - 1e-9);
    expect(steps.every((s) => Object.isFrozen(s) && Object.isFrozen(s.means))).toBe(true);
    expect(steps[steps.length - 1].converged).toBe(true);
  });

  it('regularises a singular covariance with regCovar instead of producing NaN', () => {
    // Three identical points form a component with zero covariance: Σ = 0 + regCovar·I.
    const X = [[1, 1], [1, 1], [1, 1], [5, 6], [6, 5], [7, 7], [6, 7]];
    const m = new GaussianMixture({ nComponents: 2, randomState: 0 }).fit(X);
    const s = m.score(X);
    expect(Number.isFinite(s)).toBe(true);
    const covs = m.covariances as number[][][];
    const tight = covs.find((c) => c[0][0] < 1e-3)!;
    expect(tight[0][0]).toBeCloseTo(1e-6, 12);
    expect(m.predictProba(X).flat().every(Number.isFinite)).toBe(true);
    // With no regularisation the singular covariance is reported, not turned into NaN.
    expect(() => new GaussianMixture({ nComponents: 2, regCovar: 0, randomState: 0 }).fit(X)).toThrow(/regCovar/);
  });

  it('rejects bad input with a ValidationError', () => {
    expect(() => new GaussianMixture({ nComponents: 3 }).fit([[0], [1]])).toThrow(/nComponents/);
    expect(() => new GaussianMixture({ covarianceType: 'banana' as 'full' }).fit([[0], [1]])).toThrow(ValidationError);
    expect(() => new GaussianMixture().fit([[0], [NaN]])).toThrow(/finite/);
    expect(() => new GaussianMixture().fit([[0], [1, 2]])).toThrow(/ragged/);
    expect(() => new GaussianMixture().fit([])).toThrow(ValidationError);
  });
});
