import { describe, expect, it } from 'vitest';
import { RandomState } from '../../src';
import { gram, projectRows } from '../../src/decomposition/_linalg';

// The blocked kernels against the plain triple loop, on odd sizes that hit every edge case.
describe('blocked linear-algebra kernels', () => {
  const rng = new RandomState(1);
  for (const [n, d, k] of [[1, 1, 1], [3, 5, 3], [7, 4, 5], [10, 3, 2]]) {
    const X = Float64Array.from({ length: n * d }, () => rng.normal());
    const W = Float64Array.from({ length: k * d }, () => rng.normal());
    it(`gram and projectRows on ${n}×${d} (k = ${k})`, () => {
      const G = gram(X, n, d);
      for (let a = 0; a < d; a++) {
        for (let b = 0; b < d; b++) {
          let s = 0;
          for (let i = 0; i < n; i++) s += X[i * d + a] * X[i * d + b];
          expect(G[a * d + b]).toBeCloseTo(s, 12);
        }
      }
      const Y = projectRows(X, n, d, W, k);
      for (let i = 0; i < n; i++) {
        for (let c = 0; c < k; c++) {
          let s = 0;
          for (let j = 0; j < d; j++) s += X[i * d + j] * W[c * d + j];
          expect(Y[i * k + c]).toBeCloseTo(s, 12);
        }
      }
    });
  }
});
