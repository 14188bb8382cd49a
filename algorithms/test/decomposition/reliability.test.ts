/**
 * Reliability of the decomposition estimators (issue 17): declared options, FastICA that
 * does not converge says so, size guards, overflow, and fromJSON naming the bad field. The
 * generic checks run in test/conformance/estimators.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { FastICA, KernelPCA, PCA, RandomState, TruncatedSVD, ValidationError, makeSources } from '../../src';

function rejects(f: () => unknown): ValidationError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error('expected a ValidationError, got a result');
}

const rng = new RandomState(3);
const X = Array.from({ length: 40 }, () => [rng.normal(), 2 * rng.normal() + 1, rng.uniform(-1, 1)]);
const roundTrip = <T extends { toJSON(): unknown }>(m: T) => JSON.parse(JSON.stringify(m.toJSON()));

describe('options are declared and validated at construction', () => {
  it('KernelPCA.degree −1, 0, NaN, ∞, 2.5 are rejected; undefined keeps 3', () => {
    for (const bad of [-1, 0, NaN, Infinity, -Infinity, 2.5, '3', null]) expect(rejects(() => new KernelPCA({ degree: bad as number })).argument).toBe('degree');
    expect(new KernelPCA({ degree: undefined }).options.degree).toBe(3);
    expect(new KernelPCA({ kernel: 'poly', degree: 2, nComponents: 2 }).fit(X).transform(X.slice(0, 2))).toHaveLength(2);
  });

  it('PCA.nComponents: an integer ≥ 1, a fraction in (0, 1) or null', () => {
    for (const bad of [0, -1, 1.5, NaN, Infinity, '2']) expect(rejects(() => new PCA({ nComponents: bad as number })).argument).toBe('nComponents');
    expect(new PCA({ nComponents: 0.5 }).fit(X).nComponents).toBeGreaterThanOrEqual(1);
    expect(new PCA({ nComponents: null }).fit(X).nComponents).toBe(3);
    expect(new PCA({ nComponents: undefined }).options.nComponents).toBe(null);
    expect(rejects(() => new PCA({ nComponents: 4 }).fit(X)).problem).toBe('out-of-range');
  });

  it('FastICA.whiten, tol, randomState; TruncatedSVD.nComponents', () => {
    for (const bad of ['unit', true, null, 0]) expect(rejects(() => new FastICA({ whiten: bad as false })).argument).toBe('whiten');
    for (const bad of [0, -1e-4, NaN]) expect(rejects(() => new FastICA({ tol: bad })).argument).toBe('tol');
    for (const bad of [NaN, 'abc', 1e300, -1]) {
      expect(rejects(() => new FastICA({ randomState: bad as number })).argument).toBe('randomState');
      expect(rejects(() => new PCA({ randomState: bad as number })).argument).toBe('randomState');
    }
    for (const bad of [0, 1.5, -2, null]) expect(rejects(() => new TruncatedSVD({ nComponents: bad as number })).argument).toBe('nComponents');
  });
});

describe('FastICA reports convergence', () => {
  const { X: mixed } = makeSources({ nSamples: 400, randomState: 0 });

  it('converged: true and no warning when it meets tol', () => {
    const m = new FastICA({ randomState: 0 }).fit(mixed);
    expect(m.converged).toBe(true);
    expect(m.warnings).toEqual([]);
    expect(m.nIter).toBeLessThan(200);
  });

  it.each(['parallel', 'deflation'] as const)('%s: stopping on maxIter gives converged: false, nIter and a warning', (algorithm) => {
    const m = new FastICA({ algorithm, maxIter: 2, tol: 1e-12, randomState: 0 }).fit(mixed);
    expect(m.converged).toBe(false);
    expect(m.nIter).toBe(2);
    expect(m.warnings).toEqual(['FastICA did not converge. Consider increasing tolerance or the maximum number of iterations.']);
    expect(m.transform(mixed.slice(0, 3)).flat().every(Number.isFinite)).toBe(true);
    const back = FastICA.fromJSON(roundTrip(m));
    expect([back.converged, back.warnings]).toEqual([false, m.warnings]);
  });
});

describe('size guards and overflow', () => {
  it('a kernel matrix beyond LIMITS.maxElements is refused with too-large, before allocating it', () => {
    const big = Array.from({ length: 8200 }, (_, i) => [i]);
    const e = rejects(() => new KernelPCA({ nComponents: 2 }).fit(big));
    expect([e.argument, e.problem]).toEqual(['X', 'too-large']);
  });

  it('features of order 1e154–1e300 are reported as overflow', () => {
    for (const scale of [1e154, 1e200, 1e300]) {
      const big = X.map((r) => r.map((v) => v * scale));
      for (const make of [() => new PCA({ nComponents: 2 }), () => new TruncatedSVD(), () => new FastICA({ nComponents: 2 })]) {
        expect(rejects(() => make().fit(big)).problem).toBe('overflow');
      }
      expect(rejects(() => new KernelPCA({ kernel: 'poly', nComponents: 2 }).fit(big)).problem).toBe('overflow');
    }
    // A high polynomial degree overflows the kernel on ordinary data.
    expect(rejects(() => new KernelPCA({ kernel: 'poly', degree: 100, gamma: 100, nComponents: 2 }).fit(X)).problem).toBe('overflow');
    // rbf: exp(−γ·∞) = 0 is the exact limit, so huge features give a defined (finite) result.
    const far = X.map((r) => r.map((v) => v * 1e200));
    expect(new KernelPCA({ kernel: 'rbf', nComponents: 2 }).fit(far).transform(far).flat().every(Number.isFinite)).toBe(true);
    // Models fitted on ordinary data, asked about far-away points.
    const pca = new PCA({ nComponents: 2, whiten: true }).fit(X);
    expect(rejects(() => pca.inverseTransform([[1.7e308, 1.7e308]])).problem).toBe('overflow');
    expect(rejects(() => new KernelPCA({ kernel: 'poly', nComponents: 2 }).fit(X).transform([[1e200, 1, 1]])).problem).toBe('overflow');
  });
});

describe('fromJSON validates every field and names it', () => {
  it('PCA', () => {
    const m = new PCA({ nComponents: 2 }).fit(X);
    const doc = roundTrip(m);
    expect(PCA.fromJSON({ ...doc, extra: 1, options: { ...doc.options, bogus: 1 } }).transform(X)).toEqual(m.transform(X));
    const at = (d: unknown) => rejects(() => PCA.fromJSON(d)).detail;
    expect(at({ ...doc, components: [doc.components[0], [1, 2]] })).toMatch(/^json\.components\[1\]/);
    expect(at({ ...doc, components: [doc.components[0]] })).toMatch(/^json\.components has 1 rows but options\.nComponents is 2/);
    expect(at({ ...doc, mean: [0, 0] })).toMatch(/^json\.components\[0\]/);
    expect(at({ ...doc, explainedVariance: [1, -1] })).toMatch(/^json\.explainedVariance\[1\]/);
    expect(at({ ...doc, explainedVarianceRatio: [1, 2] })).toMatch(/^json\.explainedVarianceRatio\[1\]/);
    expect(at({ ...doc, options: { ...doc.options, svdSolver: 'lapack' } })).toMatch(/^json\.options\.svdSolver/);
  });

  it('TruncatedSVD', () => {
    const doc = roundTrip(new TruncatedSVD().fit(X));
    const at = (d: unknown) => rejects(() => TruncatedSVD.fromJSON(d)).detail;
    expect(at({ ...doc, components: [doc.components[0]] })).toMatch(/^json\.components has 1 entries; expected 2/);
    expect(at({ ...doc, singularValues: [1, NaN] })).toMatch(/^json\.singularValues\[1\]/);
    expect(at({ ...doc, components: [[1], [2]], options: { nComponents: 2 } })).toMatch(/^json\.components/);
  });

  it('FastICA', () => {
    const doc = roundTrip(new FastICA({ nComponents: 2 }).fit(X));
    const at = (d: unknown) => rejects(() => FastICA.fromJSON(d)).detail;
    expect(at({ ...doc, whitening: null })).toMatch(/^json\.whitening/);
    expect(at({ ...doc, mixing: doc.mixing.slice(1) })).toMatch(/^json\.mixing/);
    expect(at({ ...doc, components: [doc.components[0]] })).toMatch(/^json\.components has 1 rows; expected 2/);
    expect(at({ ...doc, converged: 'yes' })).toMatch(/^json\.converged/);
    expect(at({ ...doc, mean: [0, 0] })).toMatch(/^json\.components\[0\]/);
  });

  it('KernelPCA', () => {
    const m = new KernelPCA({ kernel: 'rbf', nComponents: 2, fitInverseTransform: true }).fit(X);
    const doc = roundTrip(m);
    expect(KernelPCA.fromJSON(doc).inverseTransform([[0.1, 0.2]])).toEqual(m.inverseTransform([[0.1, 0.2]]));
    const at = (d: unknown) => rejects(() => KernelPCA.fromJSON(d)).detail;
    expect(at({ ...doc, dualCoef: null })).toMatch(/^json\.dualCoef/);
    expect(at({ ...doc, X: doc.X.slice(1) })).toMatch(/^json\.X/);
    expect(at({ ...doc, p: 3 })).toMatch(/^json\.p/);
    expect(at({ ...doc, n: 1e9 })).toMatch(/^json\.n/);
    expect(at({ ...doc, eigenvalues: [1, -1] })).toMatch(/^json\.eigenvalues\[1\]/);
    expect(at({ ...doc, eigenvectors: doc.eigenvectors.map((v: number, i: number) => (i === 5 ? 'x' : v)) })).toMatch(/^json\.eigenvectors\[5\]/);
    expect(at({ ...doc, options: { ...doc.options, degree: 2.5 } })).toMatch(/^json\.options\.degree/);
  });
});
