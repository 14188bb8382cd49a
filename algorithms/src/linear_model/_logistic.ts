/**
 * The losses and gradients of logistic regression, each computed in ONE pass over the rows:
 * the scores z, the probabilities (sigmoid or softmax), the loss and the gradient come from the
 * same row while it is in cache, with one exponential per score (the log-loss and σ share it).
 * Dot products and gradient updates are unrolled by four for instruction-level parallelism.
 */
import type { Matrix } from '../core/matrix';
import { SIMD_MIN_WORK, acquireSimd, releaseSimd } from '../decomposition/_simd';
import { acquireVexp, logisticKernel, releaseVexp, type VexpKernels } from '../svm/_vexp';

/**
 * Samples per logarithm in the binary loss: Σ log(1 + eᵢ) = log Π (1 + eᵢ) over blocks of 32,
 * each factor in (1, 2] so a block's product stays below 2³². The rounding of the product
 * (≤ 32 ulp) costs ~1e-14 absolute per block, as log1p's own, and one Math.log replaces 32
 * Math.log1p calls (a third of the per-sample cost at 100k samples).
 */
const LOG_BLOCK = 32;

/** Below this many values (n·d) the binary objective keeps its JavaScript loop. */
const VEXP_MIN_WORK = 4096;

/**
 * The mean penalised loss of a binary model and its gradient, θ = (w, b), targets t ∈ {0, 1}:
 *   f = (1/n) Σᵢ [log(1 + e^{zᵢ}) − tᵢ zᵢ] + λ‖w‖²/2,  zᵢ = w·xᵢ + b,  λ = 1/(Cn)
 *   ∇_w f = (1/n) Σᵢ (σ(zᵢ) − tᵢ) xᵢ + λw,  ∂f/∂b = (1/n) Σᵢ (σ(zᵢ) − tᵢ).
 * With e = e^{−|z|}: log(1 + e^{z}) = max(z, 0) + log(1 + e), σ(z) = 1/(1 + e) for z ≥ 0 and
 * e/(1 + e) otherwise, both stable for any z.
 */
export function binaryObjective(X: Matrix, t: Uint8Array, lambda: number, fitIntercept: boolean) {
  const { rows: n, cols: d, data } = X;
  const d4 = d - (d % 4);
  const dp = d + (d % 2);
  // From a few thousand values the kernel's pass beats the JavaScript loop (its instance is
  // pooled, and its code is compiled once per row length).
  const vx = n * d >= VEXP_MIN_WORK ? acquireVexp(8 * (n * dp + n + 1 + 2 * dp + 4)) : null;
  if (vx) return wasmBinaryObjective(vx, X, t, lambda, fitIntercept);
  const simd = n * d >= SIMD_MIN_WORK ? acquireSimd(n * d + 2 * n + 2 * d) : null;
  if (simd) {
    // X lives in the SIMD kernels' memory: z = Xw and the gradient Xᵀr are two kernel calls;
    // the per-sample sigmoid and log-loss stay in JavaScript.
    const f64 = simd.f64;
    f64.set(data.subarray(0, n * d), 0);
    const W = n * d; // w (d)
    const Z = W + d; // z, then r (n)
    const G = Z + n; // Σ rᵢxᵢ (d)
    const fg = (theta: Float64Array) => {
      if (released) throw new Error('binaryObjective: used after release()');
      const g = new Float64Array(theta.length);
      const b = fitIntercept ? theta[d] : 0;
      for (let j = 0; j < d; j++) f64[W + j] = theta[j];
      f64.fill(0, G, G + d);
      let f = 0;
      let gb = 0;
      // Σ log(1 + eᵢ) as the logs of products of LOG_BLOCK factors (each in (1, 2]): one
      // logarithm per block instead of one per sample (see LOG_BLOCK).
      let prod = 1;
      simd.rowDots(8 * W, 0, n, d, 8 * Z);
      for (let i = 0; i < n; i++) {
        const z = f64[Z + i] + b;
        const pos = z >= 0;
        const e = Math.exp(pos ? -z : z);
        const q = 1 + e;
        prod *= q;
        if ((i & (LOG_BLOCK - 1)) === LOG_BLOCK - 1) {
          f += Math.log(prod);
          prod = 1;
        }
        let r: number;
        if (pos) {
          f += z;
          r = 1 / q;
        } else r = e / q;
        if (t[i]) {
          f -= z;
          r -= 1;
        }
        f64[Z + i] = r;
        gb += r;
      }
      simd.accumRows(0, 8 * Z, n, d, 8 * G);
      f += Math.log(prod);
      let ww = 0;
      for (let j = 0; j < d; j++) {
        g[j] = f64[G + j] / n + lambda * theta[j];
        ww += theta[j] * theta[j];
      }
      if (fitIntercept) g[d] = gb / n;
      return { f: f / n + 0.5 * lambda * ww, g };
    };
    let released = false;
    /** Gives the SIMD memory back to the pool (optional: unreleased, it is garbage-collected). */
    const release = () => {
      released = true;
      releaseSimd(simd);
    };
    return Object.assign(fg, { release });
  }
  const fg = (theta: Float64Array) => {
    const g = new Float64Array(theta.length);
    const b = fitIntercept ? theta[d] : 0;
    let f = 0;
    let gb = 0;
    let prod = 1;
    for (let i = 0; i < n; i++) {
      const o = i * d;
      let z0 = b;
      let z1 = 0;
      let z2 = 0;
      let z3 = 0;
      let j = 0;
      for (; j < d4; j += 4) {
        z0 += theta[j] * data[o + j];
        z1 += theta[j + 1] * data[o + j + 1];
        z2 += theta[j + 2] * data[o + j + 2];
        z3 += theta[j + 3] * data[o + j + 3];
      }
      for (; j < d; j++) z0 += theta[j] * data[o + j];
      const z = z0 + z1 + z2 + z3;
      const pos = z >= 0;
      const e = Math.exp(pos ? -z : z);
      const q = 1 + e;
      prod *= q;
      if ((i & (LOG_BLOCK - 1)) === LOG_BLOCK - 1) {
        f += Math.log(prod);
        prod = 1;
      }
      let r: number;
      if (pos) {
        f += z;
        r = 1 / q;
      } else r = e / q;
      if (t[i]) {
        f -= z;
        r -= 1;
      }
      if (r === 0) continue;
      j = 0;
      for (; j < d4; j += 4) {
        g[j] += r * data[o + j];
        g[j + 1] += r * data[o + j + 1];
        g[j + 2] += r * data[o + j + 2];
        g[j + 3] += r * data[o + j + 3];
      }
      for (; j < d; j++) g[j] += r * data[o + j];
      gb += r;
    }
    f += Math.log(prod);
    let ww = 0;
    for (let j = 0; j < d; j++) {
      g[j] = g[j] / n + lambda * theta[j];
      ww += theta[j] * theta[j];
    }
    if (fitIntercept) g[d] = gb / n;
    return { f: f / n + 0.5 * lambda * ww, g };
  };
  return Object.assign(fg, { release: () => {} });
}

/**
 * The mean penalised multinomial (softmax cross-entropy) loss and its gradient, θ = (W, b)
 * with W of K×d, classes cᵢ:
 *   f = (1/n) Σᵢ [logΣₖ e^{zᵢₖ} − zᵢ,cᵢ] + λ‖W‖²/2,  zᵢₖ = Wₖ·xᵢ + bₖ
 *   ∇_{Wₖ} f = (1/n) Σᵢ (pᵢₖ − [cᵢ = k]) xᵢ + λWₖ,  pᵢₖ = softmax(zᵢ)ₖ.
 * The log-sum-exp is taken with the largest score shifted out: log Σ e^{z} = z_max + log Σ e^{z − z_max}.
 */
export function multinomialObjective(X: Matrix, c: Int32Array, K: number, lambda: number, fitIntercept: boolean) {
  const { rows: n, cols: d, data } = X;
  const bOff = K * d;
  const d4 = d - (d % 4);
  return (theta: Float64Array) => {
    const g = new Float64Array(theta.length);
    const z = new Float64Array(K);
    let f = 0;
    for (let i = 0; i < n; i++) {
      const o = i * d;
      let zmax = -Infinity;
      for (let k = 0; k < K; k++) {
        const wo = k * d;
        let s0 = fitIntercept ? theta[bOff + k] : 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        let j = 0;
        for (; j < d4; j += 4) {
          s0 += theta[wo + j] * data[o + j];
          s1 += theta[wo + j + 1] * data[o + j + 1];
          s2 += theta[wo + j + 2] * data[o + j + 2];
          s3 += theta[wo + j + 3] * data[o + j + 3];
        }
        for (; j < d; j++) s0 += theta[wo + j] * data[o + j];
        const s = s0 + s1 + s2 + s3;
        z[k] = s;
        if (s > zmax) zmax = s;
      }
      const zc = z[c[i]];
      let sum = 0;
      for (let k = 0; k < K; k++) {
        z[k] = Math.exp(z[k] - zmax);
        sum += z[k];
      }
      f += zmax + Math.log(sum) - zc;
      const inv = 1 / sum;
      for (let k = 0; k < K; k++) {
        const r = z[k] * inv - (c[i] === k ? 1 : 0);
        if (r === 0) continue;
        const wo = k * d;
        let j = 0;
        for (; j < d4; j += 4) {
          g[wo + j] += r * data[o + j];
          g[wo + j + 1] += r * data[o + j + 1];
          g[wo + j + 2] += r * data[o + j + 2];
          g[wo + j + 3] += r * data[o + j + 3];
        }
        for (; j < d; j++) g[wo + j] += r * data[o + j];
        if (fitIntercept) g[bOff + k] += r;
      }
    }
    let ww = 0;
    for (let q = 0; q < bOff; q++) {
      g[q] = g[q] / n + lambda * theta[q];
      ww += theta[q] * theta[q];
    }
    if (fitIntercept) for (let k = 0; k < K; k++) g[bOff + k] /= n;
    return { f: f / n + 0.5 * lambda * ww, g };
  };
}

/**
 * {@link binaryObjective} by the WebAssembly kernel (a function of its own, so that the
 * engine compiles this small path early and cheaply).
 */
function wasmBinaryObjective(vx: VexpKernels, X: Matrix, t: Uint8Array, lambda: number, fitIntercept: boolean) {
  const { rows: n, cols: d, data } = X;
  const dp = d + (d % 2);
  // One WebAssembly pass per evaluation (see svm/_vexp.ts, `logistic`): each row read once
  // for both zᵢ = w·xᵢ + b and the gradient, two samples per step with e^{−|z|} by the
  // kernel's SIMD polynomial, and Σ log(1 + eᵢ) as one logarithm of a renormalised product.
  // Rows are padded to even length.
  const f64 = vx.f64;
  if (dp === d) f64.set(data.subarray(0, n * d), 0);
  else {
    for (let i = 0; i < n; i++) {
      f64.set(data.subarray(i * d, i * d + d), i * dp);
      f64[i * dp + d] = 0;
    }
  }
  const T = n * dp; // tᵢ as doubles (n, and a 0 read by an odd last sample's twin lane)
  const W = T + n + 1; // w, padded (dp)
  const G = W + dp; // Σ rᵢxᵢ (dp)
  const R = G + dp; // [Σ (max(z, 0) − tz), mantissa, exponent, Σ r]
  for (let i = 0; i < n; i++) f64[T + i] = t[i];
  f64[T + n] = 0;
  f64.fill(0, W, W + dp);
  const kernel = logisticKernel(vx, dp);
  let released = false;
  const fg = (theta: Float64Array) => {
    if (released) throw new Error('binaryObjective: used after release()');
    const g = new Float64Array(theta.length);
    const b = fitIntercept ? theta[d] : 0;
    for (let j = 0; j < d; j++) f64[W + j] = theta[j];
    f64.fill(0, G, R + 4);
    kernel(0, n, dp, 8 * W, b, 8 * T, 8 * G, 8 * R);
    const f = f64[R] + Math.log(f64[R + 1]) + f64[R + 2] * Math.LN2;
    let ww = 0;
    for (let j = 0; j < d; j++) {
      g[j] = f64[G + j] / n + lambda * theta[j];
      ww += theta[j] * theta[j];
    }
    if (fitIntercept) g[d] = f64[R + 3] / n;
    return { f: f / n + 0.5 * lambda * ww, g };
  };
  /** Gives the kernel's memory back to the pool (optional: unreleased, it is garbage-collected). */
  const release = () => {
    released = true;
    releaseVexp(vx);
  };
  return Object.assign(fg, { release });
}
