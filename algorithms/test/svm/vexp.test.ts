import { describe, expect, it } from 'vitest';
import { kmeansInstance } from '../../src/cluster/_kmeansWasm';
import { SVC } from '../../src/svm';
import { logisticKernel, vexpKernels } from '../../src/svm/_vexp';

// The WebAssembly SIMD kernels against plain JavaScript (Node 20 has WebAssembly SIMD).
describe('SIMD kernels (svm/_vexp, cluster/_kmeansWasm)', () => {
  const sin = (k: number) => Math.sin(12.9898 * k) * 43758.5453 - Math.floor(Math.sin(12.9898 * k) * 43758.5453);

  it('rbfRow: yᵢyⱼ·exp(−γ‖xᵢ − xⱼ‖²) equals Math.exp rounded to float32, odd row counts included', () => {
    const K = vexpKernels(1 << 22)!;
    expect(K).not.toBeNull();
    const f = K.f64;
    const d = 5;
    const dp = 6;
    for (const m of [1, 2, 7, 64]) {
      const X = 0;
      const xi = 4000;
      const SQ = 5000;
      const PY = 6000;
      const OUT = 7000;
      f.fill(0, 0, 8000);
      for (let j = 0; j < m; j++) for (let t = 0; t < d; t++) f[X + j * dp + t] = 3 * sin(j * 7 + t);
      for (let t = 0; t < d; t++) f[xi + t] = 2 * sin(100 + t);
      let si = 0;
      for (let t = 0; t < d; t++) si += f[xi + t] ** 2;
      for (let j = 0; j < m; j++) {
        let s = 0;
        for (let t = 0; t < d; t++) s += f[X + j * dp + t] ** 2;
        f[SQ + j] = s;
        f[PY + j] = j % 3 ? 1 : -1;
      }
      const gamma = 0.37;
      K.rbfRow(8 * xi, 8 * X, m, dp, 8 * SQ, 8 * PY, -gamma, si, -1, 8 * OUT);
      for (let j = 0; j < m; j++) {
        let dot = 0;
        for (let t = 0; t < d; t++) dot += f[xi + t] * f[X + j * dp + t];
        const ref = Math.fround(-f[PY + j] * Math.exp(-gamma * (si + f[SQ + j] - 2 * dot)));
        expect(Math.abs(K.f32[2 * OUT + j] - ref)).toBeLessThanOrEqual(Math.abs(ref) * 1.2e-7);
      }
    }
  });

  it('eˣ over [−720, 0.3]: every value equal to Math.exp after rounding to float32', () => {
    const N = 20000;
    const K = vexpKernels(8 * (4 * N + 16))!;
    const f = K.f64;
    const SQ = 2;
    const PY = SQ + N + 1;
    const OUT = PY + N + 1;
    f.fill(0, 0, 2);
    const xs = Array.from({ length: N }, (_, j) => -720 * sin(j + 1) + 0.3);
    xs.forEach((x, j) => {
      f[SQ + j] = -x; // exp(−1·(0 + (−x) − 0)) = eˣ with a zero row
      f[PY + j] = 1;
    });
    // Rows of stride 0 at offset 0 (both zero), so the dot products vanish.
    K.rbfRow(0, 0, N, 0, 8 * SQ, 8 * PY, -1, 0, 1, 8 * OUT);
    let bad = 0;
    xs.forEach((x, j) => {
      if (K.f32[2 * OUT + j] !== Math.fround(Math.exp(Math.max(x, -700)))) bad++;
    });
    expect(bad).toBe(0);
  });

  it('logistic: one pass gives the loss and gradient of a plain loop (looped and unrolled forms, odd n)', () => {
    const n = 1001;
    const d = 5;
    const dp = 6;
    const K = vexpKernels(8 * (n * dp + n + 1 + 2 * dp + 8))!;
    const f = K.f64;
    const T = n * dp;
    const W = T + n + 1;
    const G = W + dp;
    const R = G + dp;
    const w = [0.3, -1.2, 0.5, 2, -0.7];
    const b = 0.1;
    f.fill(0, 0, R + 4);
    for (let i = 0; i < n; i++) {
      for (let t = 0; t < d; t++) f[i * dp + t] = 6 * sin(i * 7 + t) - 3;
      f[T + i] = i % 3 === 0 ? 1 : 0;
    }
    for (let t = 0; t < d; t++) f[W + t] = w[t];
    let F = 0;
    let gb = 0;
    const g = new Float64Array(d);
    for (let i = 0; i < n; i++) {
      let z = b;
      for (let t = 0; t < d; t++) z += w[t] * f[i * dp + t];
      const r = 1 / (1 + Math.exp(-z)) - f[T + i];
      F += Math.log1p(Math.exp(-Math.abs(z))) + Math.max(z, 0) - f[T + i] * z;
      gb += r;
      for (let t = 0; t < d; t++) g[t] += r * f[i * dp + t];
    }
    for (const kernel of [K.logistic, logisticKernel(K, dp)]) {
      f.fill(0, G, R + 4);
      kernel(0, n, dp, 8 * W, b, 8 * T, 8 * G, 8 * R);
      expect(f[R] + Math.log(f[R + 1]) + f[R + 2] * Math.LN2).toBeCloseTo(F, 9);
      expect(f[R + 3]).toBeCloseTo(gb, 10);
      for (let t = 0; t < d; t++) expect(f[G + t]).toBeCloseTo(g[t], 9);
    }
  });

  it('k-means: pots3 and the bound filter agree with their JavaScript loops', () => {
    const n = 1000;
    const k = 5;
    const K = kmeansInstance(8 * (3 * n + 16) + 24 * k + 16 * n)!;
    const f = K.f64;
    for (let i = 0; i < 2 * n; i++) f[i] = 10 * sin(i + 3);
    for (let i = 0; i < n; i++) f[2 * n + i] = 50 * sin(i + 999);
    const cand = [1, 2, -3, 0.5, 4, -4];
    f.set(cand, 3 * n);
    K.pots3(0, n / 2, 8 * 2 * n, 8 * 3 * n, 8 * (3 * n + 6));
    for (let t = 0; t < 3; t++) {
      let p = 0;
      for (let i = 0; i < n; i++) {
        const s = (f[2 * i] - cand[2 * t]) ** 2 + (f[2 * i + 1] - cand[2 * t + 1]) ** 2;
        p += Math.min(s, f[2 * n + i]);
      }
      expect(f[3 * n + 6 + t]).toBeCloseTo(p, 8);
    }
    // filter: byte layout off | half | upOff (k f64 each) | labels | lower | upper | todo (n × 4 bytes).
    const buf = f.buffer;
    const base = 8 * (3 * n + 16);
    const off = new Float64Array(buf, base, k);
    const half = new Float64Array(buf, base + 8 * k, k);
    const upOff = new Float64Array(buf, base + 16 * k, k);
    const labels = new Int32Array(buf, base + 24 * k, n);
    const lower = new Float32Array(buf, base + 24 * k + 4 * n, n);
    const upper = new Float32Array(buf, base + 24 * k + 8 * n, n);
    const todo = new Int32Array(buf, base + 24 * k + 12 * n, n);
    for (let c = 0; c < k; c++) {
      off[c] = 0.1 * c;
      half[c] = 0.5 + 0.1 * c;
      upOff[c] = 0.05 * c;
    }
    for (let i = 0; i < n; i++) {
      labels[i] = i % k;
      lower[i] = 1 + sin(i);
      upper[i] = 1.2 * sin(i + 77);
    }
    const expected: number[] = [];
    for (let i = 0; i < n; i++) {
      const a = labels[i];
      const l = lower[i] - off[a];
      if (upper[i] + upOff[a] >= (l > half[a] ? l : half[a]) * (1 - 2e-9) - 1e-9) expected.push(i);
    }
    const nt = K.filter(base + 24 * k, base + 24 * k + 4 * n, base + 24 * k + 8 * n, base, base + 8 * k, base + 16 * k, base + 24 * k + 12 * n, n, 1 - 2e-9, 1e-9);
    expect(nt).toBe(expected.length);
    expect(Array.from(todo.subarray(0, nt))).toEqual(expected);
  });

  it('SVC with shrinking and a row cache of two rows gives the same model as with a large cache', () => {
    const X: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 300; i++) {
      const c = i % 2;
      X.push(Array.from({ length: 6 }, (_, t) => 2 * sin(i * 6 + t) - 1 + (t < 2 ? (c ? 0.8 : -0.8) : 0)));
      y.push(c);
    }
    const big = new SVC({ kernel: 'rbf', C: 1 }).fit(X, y);
    const tiny = new SVC({ kernel: 'rbf', C: 1, cacheSize: 1e-6 }).fit(X, y);
    expect(tiny.support).toEqual(big.support);
    expect(tiny.nIter).toEqual(big.nIter);
    expect(tiny.dualCoef[0]).toEqual(big.dualCoef[0]);
    expect(tiny.intercept).toEqual(big.intercept);
  });
});
