/**
 * Seeded data sets of the scaling bench, the TypeScript twin of the generators in
 * `scripts/sklearn-timings.py` (same formulas, same seeds), so that scikit-learn's recorded
 * timings and ours are on the same data without storing it.
 *
 * Uniforms: counter-based Mulberry32, u_k = mix(seed + (k + 1)·0x6D2B79F5) / 2³² (the k-th
 * output of Mulberry32 is a function of k alone, which lets NumPy vectorise it).
 * Normals: Box-Muller, z_k = √(−2 ln(1 − u_2k)) cos(2π u_2k+1).
 */
import type { TypedMatrix } from '../src/core/matrix';

export interface Labelled {
  X: TypedMatrix & { data: Float64Array };
  y: number[];
}

export function uniforms(seed: number, count: number): Float64Array {
  const out = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    let t = (seed + Math.imul(k + 1, 0x6d2b79f5)) | 0;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[k] = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  return out;
}

export function normals(seed: number, count: number): Float64Array {
  const u = uniforms(seed, 2 * count);
  const out = new Float64Array(count);
  for (let k = 0; k < count; k++) out[k] = Math.sqrt(-2 * Math.log(1 - u[2 * k])) * Math.cos(2 * Math.PI * u[2 * k + 1]);
  return out;
}

const mat = (rows: number, cols: number, data: Float64Array) => ({ rows, cols, data });

/** Isotropic unit-variance blobs around `centers` centres drawn uniformly in [−10, 10]^d. */
export function blobs(n: number, d = 2, centers = 5, seed = 1): Labelled {
  const C = uniforms(seed + 1, centers * d).map((u) => -10 + 20 * u);
  const z = normals(seed, n * d);
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % centers;
    y.push(c);
    for (let j = 0; j < d; j++) z[i * d + j] += C[c * d + j];
  }
  return { X: mat(n, d, z), y };
}

function linspace(a: number, b: number, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = n === 1 ? a : a + ((b - a) * i) / (n - 1);
  return out;
}

/** scikit-learn's make_moons layout with Gaussian noise. */
export function moons(n: number, noise = 0.05, seed = 2): Labelled {
  const nOut = Math.floor(n / 2);
  const nIn = n - nOut;
  const a = linspace(0, Math.PI, nOut);
  const b = linspace(0, Math.PI, nIn);
  const z = normals(seed, n * 2);
  const X = new Float64Array(n * 2);
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const [px, py] = i < nOut ? [Math.cos(a[i]), Math.sin(a[i])] : [1 - Math.cos(b[i - nOut]), 0.5 - Math.sin(b[i - nOut])];
    X[2 * i] = px + noise * z[2 * i];
    X[2 * i + 1] = py + noise * z[2 * i + 1];
    y.push(i < nOut ? 0 : 1);
  }
  return { X: mat(n, 2, X), y };
}

/** Two concentric circles, radii 1 and `factor`. */
export function circles(n: number, factor = 0.3, noise = 0.05, seed = 3): Labelled {
  const nOut = Math.floor(n / 2);
  const nIn = n - nOut;
  const z = normals(seed, n * 2);
  const X = new Float64Array(n * 2);
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const outer = i < nOut;
    const t = outer ? (2 * Math.PI * i) / nOut : (2 * Math.PI * (i - nOut)) / nIn;
    const r = outer ? 1 : factor;
    X[2 * i] = r * Math.cos(t) + noise * z[2 * i];
    X[2 * i + 1] = r * Math.sin(t) + noise * z[2 * i + 1];
    y.push(outer ? 0 : 1);
  }
  return { X: mat(n, 2, X), y };
}

/** Two classes at ±V in the first `informative` features, N(0, 1) noise, 2 % labels flipped. */
export function classification(n: number, d = 20, informative = 5, seed = 4): Labelled {
  const u = uniforms(seed + 1, 2 * informative);
  const V = Array.from({ length: informative }, (_, j) => (u[j] < 0.5 ? -1 : 1));
  const X = normals(seed, n * d);
  const flip = uniforms(seed + 2, n);
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % 2;
    for (let j = 0; j < informative; j++) X[i * d + j] += c === 0 ? V[j] : -V[j];
    y.push(flip[i] < 0.02 ? 1 - c : c);
  }
  return { X: mat(n, d, X), y };
}

/** Rank-10 signal plus noise: X = Z B + 0.5 E (n × 100). */
export function lowrank(n: number, d = 100, rank = 10, seed = 5): TypedMatrix & { data: Float64Array } {
  const Z = normals(seed, n * rank);
  const B = normals(seed + 1, rank * d);
  const X = normals(seed + 2, n * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let r = 0; r < rank; r++) s += Z[i * rank + r] * B[r * d + j];
      X[i * d + j] = s + 0.5 * X[i * d + j];
    }
  }
  return mat(n, d, X);
}

/** ε shrinks as 1/√n so that a DBSCAN neighbourhood holds about the same count at every n. */
export const dbscanEps = (n: number) => 0.3 * Math.sqrt(10000 / n);
