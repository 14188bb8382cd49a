import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors';
import { alphaMax, enetPath, lassoPath } from '../../src/linear_model';

// scikit-learn 1.2.1 reference results (scripts/make-path-reference.py): lasso_path, enet_path
// (l1_ratio 0.5) and Ridge on the diabetes data of Efron et al. (2004), z-scored, y centred.
const dir = fileURLToPath(new URL('../fixtures/sklearn/', import.meta.url));
const diabetes = JSON.parse(readFileSync(dir + 'diabetes.json', 'utf8')) as { X: number[][]; y: number[] };
const ref = JSON.parse(readFileSync(dir + 'paths.json', 'utf8')) as {
  paths: { model: string; l1Ratio: number; alphas: number[]; coefs: number[][] }[];
};

function zscore(X: number[][]): number[][] {
  const n = X.length;
  const d = X[0].length;
  const mean = Array.from({ length: d }, (_, j) => X.reduce((s, r) => s + r[j], 0) / n);
  const sd = mean.map((m, j) => Math.sqrt(X.reduce((s, r) => s + (r[j] - m) ** 2, 0) / n));
  return X.map((r) => r.map((v, j) => (v - mean[j]) / sd[j]));
}
const X = zscore(diabetes.X);
const yMean = diabetes.y.reduce((s, v) => s + v, 0) / diabetes.y.length;
const y = diabetes.y.map((v) => v - yMean);

/** Largest |ours − sklearn| over the path, relative to the largest |coefficient| of the path (≈ 1e-4 asked). */
function maxDeviation(model: string, ours: number[][]): { abs: number; rel: number } {
  const r = ref.paths.find((p) => p.model === model)!;
  let abs = 0;
  let scale = 0;
  r.coefs.forEach((row, k) => row.forEach((c, j) => {
    abs = Math.max(abs, Math.abs(ours[k][j] - c));
    scale = Math.max(scale, Math.abs(c));
  }));
  return { abs, rel: abs / scale };
}

describe('regularisation paths vs scikit-learn 1.2.1 on the diabetes data', () => {
  it.each([
    ['lasso', 1],
    ['enet', 0.5],
    ['ridge', 0],
  ] as const)('%s path matches (max deviation < 1e-8 of the largest coefficient)', (model, l1Ratio) => {
    const r = ref.paths.find((p) => p.model === model)!;
    const path = l1Ratio === 1 ? lassoPath(X, y, { alphas: r.alphas, tol: 1e-12, maxIter: 100000 }) : enetPath(X, y, { alphas: r.alphas, l1Ratio, tol: 1e-12, maxIter: 100000 });
    const dev = maxDeviation(model, path.coefs);
    console.info(`${model}: max |Δθ| = ${dev.abs.toExponential(2)} (${dev.rel.toExponential(2)} of max |θ|) over ${r.alphas.length} α`);
    expect(dev.rel).toBeLessThan(1e-8); // asked: 1e−4; measured ≈ 1e−11
    expect(dev.abs).toBeLessThan(1e-6);
  });

  it('lasso zeros are exact zeros where scikit-learn has them', () => {
    const r = ref.paths.find((p) => p.model === 'lasso')!;
    const path = lassoPath(X, y, { alphas: r.alphas, tol: 1e-12, maxIter: 100000 });
    r.coefs.forEach((row, k) => row.forEach((c, j) => {
      if (c === 0) expect(path.coefs[k][j]).toBe(0);
    }));
  });

  it('the default grid starts at α_max, where every coefficient is 0', () => {
    const r = ref.paths.find((p) => p.model === 'lasso')!;
    expect(alphaMax(X, y)).toBeCloseTo(r.alphas[0], 9);
    const path = lassoPath(X, y, { nAlphas: 5 });
    expect(path.alphas[0]).toBeCloseTo(r.alphas[0], 9);
    expect(path.alphas[4]).toBeCloseTo(r.alphas[0] * 1e-3, 9);
    expect(Math.max(...path.coefs[0].map(Math.abs))).toBeLessThan(1e-9); // at α_max itself rounding may leave ±1e−15
  });

  it('hand-worked: one centred feature, θ(α) = S(xᵀy/n, α)/(‖x‖²/n)', () => {
    // x = (−1, 0, 1), y = (−2, 0, 2): xᵀy/n = 4/3, ‖x‖²/n = 2/3 → θ(α) = max(4/3 − α, 0)·3/2.
    const p = lassoPath([[-1], [0], [1]], [-2, 0, 2], { alphas: [2, 1, 0.5] });
    expect(p.coefs.map((c) => c[0])).toEqual([0, expect.closeTo(0.5, 10), expect.closeTo(1.25, 10)]);
  });

  it('rejects bad options with a ValidationError naming them', () => {
    expect(() => enetPath(X, y, { l1Ratio: 2 })).toThrow(ValidationError);
    expect(() => enetPath(X, y, { l1Ratio: 0 })).toThrow(/alphas/);
    expect(() => lassoPath(X, y, { alphas: [] })).toThrow(/alphas/);
    expect(() => lassoPath(X, y, { alphas: [-1] })).toThrow(/alphas\[0\]/);
  });
});
