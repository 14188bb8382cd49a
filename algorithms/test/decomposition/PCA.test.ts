import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors';
import { PCA, TruncatedSVD, svd } from '../../src/decomposition';
import { dataset, results } from '../fixtures/sklearn';

// Reference: scikit-learn 1.2.1 reference results (PCA on blobs, iris, and digits with 5 components).
describe('PCA', () => {
  it('hand-worked: points on the line y = x', () => {
    // Centred data (−1,−1), (0,0), (1,1): covariance [[1,1],[1,1]] has eigenvalues 2 and 0 with
    // axes (1,1)/√2 and (1,−1)/√2; σ₁ = √(2·2) = 2. Scores are ±√2 and 0.
    const m = new PCA().fit([[0, 0], [1, 1], [2, 2]]);
    expect(m.explainedVariance[0]).toBeCloseTo(2, 12);
    expect(m.explainedVariance[1]).toBeCloseTo(0, 12);
    expect(m.explainedVarianceRatio[0]).toBeCloseTo(1, 12);
    expect(m.singularValues[0]).toBeCloseTo(2, 12);
    expect(Math.abs(m.components[0][0])).toBeCloseTo(Math.SQRT1_2, 12);
    expect(m.components[0][0] * m.components[0][1]).toBeGreaterThan(0);
    expect(Math.abs(m.transform([[2, 2]])[0][0])).toBeCloseTo(Math.SQRT2, 12);
    expect(m.inverseTransform(m.transform([[3, 3]]))[0]).toEqual([expect.closeTo(3, 12), expect.closeTo(3, 12)]);
  });

  for (const ref of results('PCA')) {
    for (const svdSolver of ['auto', 'full'] as const) {
      it(`matches scikit-learn on ${ref.data} ${JSON.stringify(ref.settings)} (${svdSolver}): ratios within 1e-6, components equal`, () => {
        const m = new PCA({ ...(ref.settings as { nComponents?: number }), svdSolver }).fit(dataset(ref.data).X);
        const ratio = ref.explainedVarianceRatio as number[];
        expect(m.explainedVarianceRatio).toHaveLength(ratio.length);
        ratio.forEach((r, i) => expect(Math.abs(m.explainedVarianceRatio[i] - r)).toBeLessThan(1e-6));
        if (ref.components) {
          // Equal up to sign, and in fact with scikit-learn's signs (svd_flip).
          (ref.components as number[][]).forEach((row, i) => row.forEach((v, j) => expect(Math.abs(m.components[i][j] - v)).toBeLessThan(1e-6)));
          (ref.singularValues as number[]).forEach((s, i) => expect(Math.abs(m.singularValues[i] - s) / s).toBeLessThan(1e-6));
        }
      });
    }
  }

  it('whitens to unit variance and reconstructs through inverseTransform', () => {
    const X = dataset('iris').X;
    const m = new PCA({ nComponents: 2, whiten: true }).fit(X);
    const Z = m.transform(X);
    for (const c of [0, 1]) {
      const col = Z.map((r) => r[c]);
      const mean = col.reduce((a, b) => a + b, 0) / col.length;
      const v = col.reduce((a, b) => a + (b - mean) ** 2, 0) / (col.length - 1);
      expect(v).toBeCloseTo(1, 10);
    }
    const full = new PCA().fit(X);
    const back = full.inverseTransform(full.transform(X));
    back.forEach((r, i) => r.forEach((v, j) => expect(v).toBeCloseTo(X[i][j], 10)));
    // A variance fraction picks the fewest components reaching it.
    expect(new PCA({ nComponents: 0.95 }).fit(X).nComponents).toBe(2);
    const json = PCA.fromJSON(JSON.parse(JSON.stringify(m)));
    expect(json.transform(X.slice(0, 3))).toEqual(m.transform(X.slice(0, 3)));
  });

  it('rejects bad input with a ValidationError', () => {
    expect(() => new PCA({ nComponents: 3 }).fit([[0, 1], [1, 0], [2, 2]])).toThrow(/nComponents/);
    expect(() => new PCA({ nComponents: 1.5 }).fit([[0, 1], [1, 0]])).toThrow(ValidationError);
    expect(() => new PCA().fit([[0, 1], [NaN, 0]])).toThrow(/finite/);
    expect(() => new PCA().fit([[0, 1], [1]])).toThrow(/ragged/);
    expect(() => new PCA().fit([])).toThrow(ValidationError);
    expect(() => new PCA().transform([[1]])).toThrow(/not fitted/);
  });
});

describe('svd', () => {
  it('hand-worked: a diagonal matrix and a rank-one matrix', () => {
    // diag(3, 4): σ = 4, 3, with u₁ = v₁ = e₂.
    const a = svd([[3, 0], [0, 4]]);
    expect(a.S[0]).toBeCloseTo(4, 12);
    expect(a.S[1]).toBeCloseTo(3, 12);
    expect(Math.abs(a.U[1][0])).toBeCloseTo(1, 12);
    // [[1, 2], [2, 4], [3, 6]] = (1,2,3)ᵀ(1,2): σ₁ = √14 · √5 = √70, σ₂ = 0.
    const b = svd([[1, 2], [2, 4], [3, 6]]);
    expect(b.S[0]).toBeCloseTo(Math.sqrt(70), 10);
    expect(b.S[1]).toBeCloseTo(0, 10);
    expect(b.U).toHaveLength(3);
    expect(b.Vt).toHaveLength(2);
  });

  it('reconstructs A = UΣVᵀ for a wide matrix', () => {
    const A = [[1, 2, 3, 4], [2, 0, 1, -1], [0, 5, 2, 2]];
    const { U, S, Vt } = svd(A);
    A.forEach((row, i) => row.forEach((v, j) => expect(S.reduce((s, sk, k) => s + U[i][k] * sk * Vt[k][j], 0)).toBeCloseTo(v, 10)));
  });

  it('rejects bad input', () => {
    expect(() => svd([])).toThrow(ValidationError);
    expect(() => svd([[1, NaN]])).toThrow(/finite/);
  });
});

describe('TruncatedSVD', () => {
  it('hand-worked: the top singular vector of a rank-one matrix', () => {
    // X = (1,2,3)ᵀ(1,2)/√5·√5: the top right singular vector is (1, 2)/√5 and σ₁ = √70.
    const m = new TruncatedSVD({ nComponents: 1 }).fit([[1, 2], [2, 4], [3, 6]]);
    expect(Math.abs(m.components[0][0])).toBeCloseTo(1 / Math.sqrt(5), 12);
    expect(m.singularValues[0]).toBeCloseTo(Math.sqrt(70), 10);
    expect(m.explainedVarianceRatio[0]).toBeCloseTo(1, 10);
    const back = m.inverseTransform(m.transform([[2, 4]]))[0];
    expect(back[0]).toBeCloseTo(2, 10);
  });

  it('agrees with PCA on centred data', () => {
    const X = dataset('iris').X;
    const mu = [0, 1, 2, 3].map((j) => X.reduce((s, r) => s + r[j], 0) / X.length);
    const Xc = X.map((r) => r.map((v, j) => v - mu[j]));
    const t = new TruncatedSVD({ nComponents: 2 }).fit(Xc);
    const p = new PCA({ nComponents: 2 }).fit(X);
    t.components.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(v)).toBeCloseTo(Math.abs(p.components[i][j]), 8)));
  });

  it('rejects nComponents > features', () => {
    expect(() => new TruncatedSVD({ nComponents: 3 }).fit([[1, 2], [3, 4], [5, 6]])).toThrow(/nComponents/);
  });
});
