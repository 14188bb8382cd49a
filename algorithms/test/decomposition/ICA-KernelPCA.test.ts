import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors';
import { FastICA, KernelPCA, PCA, makeSources } from '../../src/decomposition';
import { dataset, results } from '../fixtures/sklearn';

function corr(a: number[], b: number[]): number {
  const n = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / n;
  const mb = b.reduce((s, v) => s + v, 0) / n;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    ab += (a[i] - ma) * (b[i] - mb);
    aa += (a[i] - ma) ** 2;
    bb += (b[i] - mb) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

/** For each true source, the best |correlation| with a recovered one; the worst of those. */
function worstRecovery(S: number[][], Shat: number[][]): number {
  const k = S[0].length;
  const col = (M: number[][], c: number) => M.map((r) => r[c]);
  return Math.min(...Array.from({ length: k }, (_, s) => Math.max(...Array.from({ length: Shat[0].length }, (_, c) => Math.abs(corr(col(S, s), col(Shat, c)))))));
}

// Reference: scikit-learn 1.2.1 reference results (FastICA on the 2-source ica set,
// worstSourceAbsCorr 0.998378; KernelPCA rbf γ = 10 eigenvalues on moons and circles).
describe('FastICA', () => {
  const ref = results('FastICA', 'ica')[0];
  const ica = dataset('ica') as unknown as { X: number[][]; S: number[][] };
  for (const algorithm of ['parallel', 'deflation'] as const) {
    for (const fun of ['logcosh', 'exp', 'cube'] as const) {
      it(`recovers each true source with |correlation| ≥ 0.99 (${algorithm}, ${fun})`, () => {
        const m = new FastICA({ nComponents: 2, algorithm, fun, randomState: 0 });
        const worst = worstRecovery(ica.S, m.fitTransform(ica.X));
        expect(worst).toBeGreaterThanOrEqual(0.99);
        if (algorithm === 'parallel' && fun === 'logcosh') expect(worst).toBeGreaterThanOrEqual((ref.worstSourceAbsCorr as number) - 1e-3);
      });
    }
  }

  it('hand-worked: unit-variance sources, mixing ≈ pseudo-inverse, inverseTransform restores X', () => {
    const m = new FastICA({ nComponents: 2, randomState: 0 }).fit(ica.X);
    const S = m.transform(ica.X);
    // Unit variance: (1/n) Σ ŝ² = 1 for each centred source.
    for (const c of [0, 1]) expect(S.reduce((s, r) => s + r[c] ** 2, 0) / S.length).toBeCloseTo(1, 8);
    // components · mixing = I (2 × 2).
    const P = m.components.map((row) => [0, 1].map((c) => row.reduce((s, v, j) => s + v * m.mixing[j][c], 0)));
    expect(P[0][0]).toBeCloseTo(1, 10);
    expect(P[0][1]).toBeCloseTo(0, 10);
    const back = m.inverseTransform(S.slice(0, 5));
    back.forEach((r, i) => r.forEach((v, j) => expect(v).toBeCloseTo(ica.X[i][j], 8)));
  });

  it('separates three sources from makeSources, where PCA does not', () => {
    const { X, S, A } = makeSources({ nSamples: 2000, randomState: 0 });
    expect(A).toHaveLength(3);
    expect(worstRecovery(S, new FastICA({ randomState: 0 }).fitTransform(X))).toBeGreaterThanOrEqual(0.99);
    expect(worstRecovery(S, new PCA().fitTransform(X))).toBeLessThan(0.99);
    const steps = [...new FastICA({ randomState: 0 }).fitSteps(X)];
    expect(steps[steps.length - 1].converged).toBe(true);
    expect(Object.isFrozen(steps[0].unmixing)).toBe(true);
  });

  it('makeSources: hand-worked waveforms and a seeded mixing matrix', () => {
    // t = 0, 8/4 … : sin 0 = 0, sign(sin 0) = 0, sawtooth 2·0 − 1 = −1.
    const d = makeSources({ nSamples: 5, mixing: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] });
    expect(d.S[0]).toEqual([0, 0, -1]);
    expect(d.X[1]).toEqual(d.S[1]); // identity mixing
    expect(d.S[1][0]).toBeCloseTo(Math.sin(4), 12); // t = 2
    expect(makeSources({ randomState: 3 }).A).toEqual(makeSources({ randomState: 3 }).A);
    expect(() => makeSources({ sources: [] })).toThrow(ValidationError);
  });

  it('rejects bad input with a ValidationError', () => {
    expect(() => new FastICA({ nComponents: 3 }).fit([[0, 1], [1, 0], [2, 2]])).toThrow(/nComponents/);
    expect(() => new FastICA({ fun: 'tanh' as 'cube' }).fit([[0, 1], [1, 0]])).toThrow(/fun/);
    expect(() => new FastICA().fit([[0, 1], [NaN, 0]])).toThrow(/finite/);
    expect(() => new FastICA().fit([[0, 1], [1]])).toThrow(/ragged/);
    expect(() => new FastICA().fit([])).toThrow(ValidationError);
  });
});

describe('KernelPCA', () => {
  it('hand-worked: the linear kernel is PCA', () => {
    // Linear kernel: centred K = XcXcᵀ has the eigenvalues σᵢ² of Xc; for (0,0), (1,1), (2,2)
    // σ₁² = 4, and the projections equal PCA's scores up to sign.
    const X = [[0, 0], [1, 1], [2, 2]];
    const k = new KernelPCA({ nComponents: 1 }).fit(X);
    expect(k.eigenvalues[0]).toBeCloseTo(4, 10);
    const z = k.transform([[2, 2]])[0][0];
    expect(Math.abs(z)).toBeCloseTo(Math.SQRT2, 10);
  });

  for (const ref of results('KernelPCA')) {
    it(`eigenvalues match scikit-learn on ${ref.data} (rbf, γ = 10)`, () => {
      const m = new KernelPCA({ nComponents: 2, kernel: 'rbf', gamma: 10 }).fit(dataset(ref.data).X);
      (ref.eigenvalues as number[]).forEach((v, i) => expect(Math.abs(m.eigenvalues[i] - v) / v).toBeLessThan(1e-6));
    });
  }

  it('transform of the training data equals fitTransform; inverseTransform approximates X', () => {
    const X = dataset('circles').X.slice(0, 120);
    const m = new KernelPCA({ nComponents: 4, kernel: 'rbf', gamma: 2, fitInverseTransform: true, alpha: 0.1 });
    const Z = m.fitTransform(X);
    const Z2 = m.transform(X);
    Z.forEach((r, i) => r.forEach((v, c) => expect(Z2[i][c]).toBeCloseTo(v, 8)));
    const back = m.inverseTransform(Z);
    const err = back.reduce((s, r, i) => s + (r[0] - X[i][0]) ** 2 + (r[1] - X[i][1]) ** 2, 0) / X.length;
    expect(err).toBeLessThan(0.1);
    for (const kernel of ['poly', 'cosine', 'sigmoid'] as const) {
      expect(new KernelPCA({ nComponents: 2, kernel }).fit(X).eigenvalues[0]).toBeGreaterThan(0);
    }
  });

  it('rejects bad input with a ValidationError', () => {
    expect(() => new KernelPCA({ nComponents: 4 }).fit([[0, 1], [1, 0], [2, 2]])).toThrow(/nComponents/);
    expect(() => new KernelPCA({ kernel: 'laplace' as 'rbf' }).fit([[0, 1], [1, 0]])).toThrow(/kernel/);
    expect(() => new KernelPCA().fit([[0, 1], [NaN, 0]])).toThrow(/finite/);
    expect(() => new KernelPCA().fit([])).toThrow(ValidationError);
    expect(() => new KernelPCA().fit([[0, 1], [1, 0]]).inverseTransform([[0, 0]])).toThrow(/fitInverseTransform/);
  });
});
