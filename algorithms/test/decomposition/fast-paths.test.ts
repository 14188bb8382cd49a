import { describe, expect, it } from 'vitest';
import { AgglomerativeClustering } from '../../src/cluster';
import { radiusNeighbours } from '../../src/cluster/_grid';
import { KDTree } from '../../src/cluster/_kdtree';
import { wardChain } from '../../src/cluster/_nnchain';
import { components, knnAffinityCSR, knnIndices } from '../../src/cluster/_spectral';
import { RandomState } from '../../src/core/random';
import { chebyshevTop } from '../../src/decomposition/_chebfilter';
import { lanczosLargest } from '../../src/decomposition/_lanczos';
import { gram, projectRows, symmetricEigen } from '../../src/decomposition/_linalg';
import { randomizedSVD } from '../../src/decomposition/_randomized';
import { PCA } from '../../src/decomposition';
import { acquireSimd, releaseSimd, simdKernels } from '../../src/decomposition/_simd';

// The internal fast paths of the scaling work (issue 19), each checked against the plain
// computation it replaces.

const rng = new RandomState(3);
const randomMatrix = (n: number, d: number) => Float64Array.from({ length: n * d }, () => rng.normal());

describe('WebAssembly SIMD kernels', () => {
  it('dot, rowDots and accumRows equal the plain loops for every length parity', () => {
    const k = simdKernels(4096);
    if (!k) return; // no WebAssembly SIMD here: callers keep their JavaScript loops
    const f = k.f64;
    for (let i = 0; i < 2000; i++) f[i] = Math.sin(1.7 * i);
    for (const d of [1, 2, 3, 4, 5, 7, 20, 33]) {
      const m = 5;
      let s = 0;
      for (let t = 0; t < d; t++) s += f[t] * f[100 + t];
      expect(k.dot(0, 800, d)).toBeCloseTo(s, 12);
      k.rowDots(0, 800, m, d, 8 * 3000);
      for (let j = 0; j < m; j++) {
        let r = 0;
        for (let t = 0; t < d; t++) r += f[t] * f[100 + j * d + t];
        expect(f[3000 + j]).toBeCloseTo(r, 12);
      }
      const before = Array.from(f.subarray(3500, 3500 + d));
      k.accumRows(800, 8 * 1500, m, d, 8 * 3500);
      for (let t = 0; t < d; t++) {
        let g = before[t];
        for (let j = 0; j < m; j++) g += f[1500 + j] * f[100 + j * d + t];
        expect(f[3500 + t]).toBeCloseTo(g, 12);
      }
    }
    releaseSimd(k);
    expect(acquireSimd(100)).toBe(k); // reused from the pool
  });

  it('the Gram matrix and the projections agree with the blocked JavaScript loops', () => {
    const n = 3000;
    const d = 12;
    const X = randomMatrix(n, d);
    const G = gram(X, n, d); // large enough for the SIMD route
    for (const [a, b] of [[0, 0], [3, 7], [11, 2]]) {
      let s = 0;
      for (let i = 0; i < n; i++) s += X[i * d + a] * X[i * d + b];
      expect(G[a * d + b]).toBeCloseTo(s, 9);
    }
    const W = randomMatrix(9, d);
    const Y = projectRows(X, n, d, W, 9);
    let s = 0;
    for (let t = 0; t < d; t++) s += X[17 * d + t] * W[4 * d + t];
    expect(Y[17 * 9 + 4]).toBeCloseTo(s, 10);
  });
});

describe('iterative eigen-solvers', () => {
  const n = 120;
  const B = randomMatrix(n, n);
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let t = 0; t < n; t++) A[i * n + j] += (B[i * n + t] * B[j * n + t]) / n;
  const dense = symmetricEigen(A, n);
  const matvec = (x: Float64Array, out: Float64Array) => {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += A[i * n + j] * x[j];
      out[i] = s;
    }
  };

  it('Lanczos finds the leading eigen-pairs of the dense decomposition', () => {
    const r = lanczosLargest(n, 4, matvec, new RandomState(0), { tol: 1e-12 });
    for (let c = 0; c < 4; c++) {
      expect(r.values[c]).toBeCloseTo(dense.values[c], 8);
      let dot = 0;
      for (let i = 0; i < n; i++) dot += r.vectors[c * n + i] * dense.vectorsT[c * n + i];
      expect(Math.abs(dot)).toBeCloseTo(1, 6);
    }
  });

  it('Chebyshev-filtered subspace iteration agrees, with a deflated vector', () => {
    const scale = dense.values[0] * 1.01;
    const block = (xs: Float64Array[], outs: Float64Array[]) => xs.forEach((x, v) => {
      matvec(x, outs[v]);
      for (let i = 0; i < n; i++) outs[v][i] /= scale; // spectrum inside [0, 1]
    });
    const top = dense.vectorsT.slice(0, n);
    const r = chebyshevTop(n, 2, block, new RandomState(1), { lo: 0, deflate: [top], tol: 1e-10 });
    expect(r.converged).toBe(true);
    expect(r.values[0] * scale).toBeCloseTo(dense.values[1], 6);
    expect(r.values[1] * scale).toBeCloseTo(dense.values[2], 6);
  });

  it('randomized SVD gives the leading singular values of a low-rank matrix', () => {
    const m = 400;
    const d = 30;
    const Z = randomMatrix(m, 3);
    const V = randomMatrix(3, d);
    const X = new Float64Array(m * d);
    for (let i = 0; i < m; i++) for (let j = 0; j < d; j++) for (let t = 0; t < 3; t++) X[i * d + j] += Z[i * 3 + t] * V[t * d + j];
    const exact = symmetricEigen(gram(X, m, d), d);
    const r = randomizedSVD(X, m, d, 3, new RandomState(0));
    for (let c = 0; c < 3; c++) expect(r.s[c] ** 2).toBeCloseTo(exact.values[c], 6);
  });
});

describe('neighbourhoods and linkage', () => {
  const n = 600;
  const X = randomMatrix(n, 2);
  const d2 = (i: number, j: number) => (X[2 * i] - X[2 * j]) ** 2 + (X[2 * i + 1] - X[2 * j + 1]) ** 2;

  it('the grid and the k-d tree give the brute-force ε-neighbourhoods', () => {
    const eps = 0.2;
    const { indptr, indices } = radiusNeighbours(X, n, 2, eps);
    for (const i of [0, 17, 599]) {
      const got = Array.from(indices.subarray(indptr[i], indptr[i + 1])).sort((a, b) => a - b);
      const want = Array.from({ length: n }, (_, j) => j).filter((j) => d2(i, j) <= eps * eps);
      expect(got).toEqual(want);
    }
    const tree = new KDTree(X, n, 2);
    const found: number[] = [];
    tree.radius(X, 5, eps * eps, (j) => found.push(j));
    expect(found.sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, j) => j).filter((j) => d2(5, j) <= eps * eps));
  });

  it('the k-d tree kNN is the sorted brute force (itself first), and the graph is symmetric', () => {
    const k = 6;
    const nb = knnIndices(X, n, 2, k);
    for (const i of [3, 300]) {
      const want = Array.from({ length: n }, (_, j) => j)
        .sort((a, b) => (a === i ? -1 : b === i ? 1 : d2(i, a) - d2(i, b) || a - b))
        .slice(0, k);
      expect(Array.from(nb.subarray(i * k, i * k + k))).toEqual(want);
    }
    const W = knnAffinityCSR(nb, n, k);
    const at = (i: number, j: number) => {
      for (let p = W.indptr[i]; p < W.indptr[i + 1]; p++) if (W.indices[p] === j) return W.values[p];
      return 0;
    };
    expect(at(3, nb[3 * k + 1])).toBe(at(nb[3 * k + 1], 3));
    expect(components(W).count).toBeGreaterThanOrEqual(1);
  });

  it('Ward by the centroid chain gives the merge heights of the Lance–Williams matrix version', () => {
    const m = 80;
    const raw = wardChain(X.slice(0, 2 * m), m, 2)
      .map((r) => r.dist)
      .sort((a, b) => a - b);
    const rows = Array.from({ length: m }, (_, i) => [X[2 * i], X[2 * i + 1]]);
    const ref = new AgglomerativeClustering({ nClusters: 2, linkage: 'ward' }).fit(rows).distances; // n ≤ 4000: matrix route
    expect(raw).toHaveLength(m - 1);
    raw.forEach((v, i) => expect(v).toBeCloseTo(ref[i], 10));
  });
});

describe('randomized PCA on rank-deficient data', () => {
  // Two samples: the centred X = [[−1, −1], [1, 1]] has rank 1, σ₁² = 4, so the one component
  // explains all of the variance (ratio 1), as the full solver says.
  it('explains a ratio of exactly 1, not 2', () => {
    const r = new PCA({ svdSolver: 'randomized', nComponents: 1 }).fit([[1, 2], [3, 4]]).explainedVarianceRatio;
    expect(r[0]).toBeCloseTo(1, 12);
  });
});
