/**
 * Dense symmetric eigen-decomposition for the unsupervised methods (PCA's covariance path,
 * FastICA's whitening, KernelPCA and spectral clustering).
 *
 * Why our own and not ml-matrix's `EigenvalueDecomposition`: ml-matrix stores a matrix as an
 * array of row arrays and reaches entries through `get`/`set`; on this machine kind its
 * symmetric solver took 2.3 ms for a 64×64 matrix and 0.9 s for 500×500, which alone would
 * exceed the PCA speed target (scikit-learn fits PCA on digits in 4.1 ms). The same maths on
 * one flat Float64Array, with the eigenvector rotations applied to contiguous rows, is several
 * times faster. The general SVD (`svd`) still comes from ml-matrix.
 *
 * Method: Householder reduction to a tridiagonal T = QᵀAQ, then the implicit QL algorithm with
 * Wilkinson-style shifts on T, accumulating the Givens rotations into Q.
 */
import { SIMD_MIN_WORK, acquireSimd, releaseSimd } from './_simd';

/** Eigen-pairs of a symmetric matrix, eigenvalues in descending order. */
export interface SymmetricEigen {
  /** λ₁ ≥ λ₂ ≥ … ≥ λₙ. */
  values: Float64Array;
  /** Row-major n×n; ROW j is the unit eigenvector of λⱼ (i.e. this is Vᵀ). */
  vectorsT: Float64Array;
}

/**
 * Eigen-decomposition of the symmetric n×n matrix `a` (row-major; only read, never changed).
 * Returns eigenvalues in descending order and the eigenvectors as the rows of `vectorsT`.
 */
export function symmetricEigen(a: ArrayLike<number>, n: number): SymmetricEigen {
  const A = Float64Array.from(a);
  // Qᵀ, accumulated: starts as the identity; row r of the result is an eigenvector.
  const Qt = new Float64Array(n * n);
  for (let i = 0; i < n; i++) Qt[i * n + i] = 1;
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  const v = new Float64Array(n);
  const p = new Float64Array(n);

  // 1. Householder tridiagonalisation. At step k, H = I − 2vvᵀ (v supported on k+1 … n−1)
  //    zeroes A[k+2…, k]. For the trailing block B: HBH = B − 2vqᵀ − 2qvᵀ with p = Bv,
  //    c = vᵀp, q = p − c v. Qᵀ ← H Qᵀ.
  for (let k = 0; k < n - 2; k++) {
    let tail2 = 0;
    for (let i = k + 2; i < n; i++) tail2 += A[i * n + k] * A[i * n + k];
    if (tail2 === 0) continue; // already tridiagonal in this column
    const x0 = A[(k + 1) * n + k];
    const norm = Math.sqrt(tail2 + x0 * x0);
    const alpha = x0 > 0 ? -norm : norm;
    let vn2 = 0;
    for (let i = k + 1; i < n; i++) {
      v[i] = A[i * n + k];
      if (i === k + 1) v[i] -= alpha;
      vn2 += v[i] * v[i];
    }
    const vn = Math.sqrt(vn2);
    for (let i = k + 1; i < n; i++) v[i] /= vn;
    // p = B v and c = vᵀp over the trailing block.
    let c = 0;
    for (let i = k + 1; i < n; i++) {
      let s = 0;
      const o = i * n;
      for (let j = k + 1; j < n; j++) s += A[o + j] * v[j];
      p[i] = s;
      c += v[i] * s;
    }
    for (let i = k + 1; i < n; i++) p[i] -= c * v[i]; // q
    for (let i = k + 1; i < n; i++) {
      const o = i * n;
      const vi = v[i];
      const qi = p[i];
      for (let j = k + 1; j < n; j++) A[o + j] -= 2 * (vi * p[j] + qi * v[j]);
    }
    A[(k + 1) * n + k] = alpha;
    A[k * n + k + 1] = alpha;
    for (let i = k + 2; i < n; i++) {
      A[i * n + k] = 0;
      A[k * n + i] = 0;
    }
    // Qᵀ ← H Qᵀ: rows k+1 … n−1 of Qᵀ lose 2 v (vᵀ Qᵀ).
    const w = p; // reuse as workspace: w = vᵀ Qᵀ (a row vector)
    w.fill(0);
    for (let i = k + 1; i < n; i++) {
      const vi = v[i];
      const o = i * n;
      for (let j = 0; j < n; j++) w[j] += vi * Qt[o + j];
    }
    for (let i = k + 1; i < n; i++) {
      const f = 2 * v[i];
      const o = i * n;
      for (let j = 0; j < n; j++) Qt[o + j] -= f * w[j];
    }
  }
  for (let i = 0; i < n; i++) {
    d[i] = A[i * n + i];
    e[i] = i < n - 1 ? A[(i + 1) * n + i] : 0;
  }

  // 2. Implicit QL on T (diagonal d, sub-diagonal e[i] = T[i+1][i]). Each sweep chases a
  //    bulge with Givens rotations; rotation (i, i+1) mixes rows i and i+1 of Qᵀ.
  const eps = Number.EPSILON;
  for (let l = 0; l < n; l++) {
    let iter = 0;
    for (;;) {
      let m = l;
      for (; m < n - 1; m++) {
        const dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
        if (Math.abs(e[m]) <= eps * dd) break;
      }
      if (m === l) break;
      if (++iter > 60) break; // does not happen for finite symmetric input; stop rather than hang
      let g = (d[l + 1] - d[l]) / (2 * e[l]);
      let r = Math.hypot(g, 1);
      g = d[m] - d[l] + e[l] / (g + (g >= 0 ? r : -r));
      let s = 1;
      let c = 1;
      let pp = 0;
      let i = m - 1;
      let underflow = false;
      for (; i >= l; i--) {
        const f = s * e[i];
        const b = c * e[i];
        r = Math.hypot(f, g);
        e[i + 1] = r;
        if (r === 0) {
          d[i + 1] -= pp;
          e[m] = 0;
          underflow = true;
          break;
        }
        s = f / r;
        c = g / r;
        g = d[i + 1] - pp;
        r = (d[i] - g) * s + 2 * c * b;
        pp = s * r;
        d[i + 1] = g + pp;
        g = c * r - b;
        const oi = i * n;
        const oj = (i + 1) * n;
        for (let k = 0; k < n; k++) {
          const zf = Qt[oj + k];
          const zi = Qt[oi + k];
          Qt[oj + k] = s * zi + c * zf;
          Qt[oi + k] = c * zi - s * zf;
        }
      }
      if (underflow && i >= l) continue;
      d[l] -= pp;
      e[l] = g;
      e[m] = 0;
    }
  }

  // 3. Sort descending.
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => d[y] - d[x]);
  const values = new Float64Array(n);
  const vectorsT = new Float64Array(n * n);
  order.forEach((src, dst) => {
    values[dst] = d[src];
    vectorsT.set(Qt.subarray(src * n, (src + 1) * n), dst * n);
  });
  return { values, vectorsT };
}

/**
 * XᵀX of a row-major n×d matrix (d×d, symmetric). X is first transposed so that each entry
 * is a dot product of two contiguous columns summed in registers, and entries are computed
 * in 2×2 blocks: four products per four loads instead of one per two, which is what bounds
 * this loop in JavaScript.
 */
export function gram(X: Float64Array, n: number, d: number): Float64Array {
  // Blocks of B rows (B even); a block holds its d column pieces contiguously, each padded to
  // an even length with a zero, then G (d×d) follows.
  const B = Math.max(64, Math.min(n + (n & 1), Math.floor(32768 / d) & ~1));
  const nBlocks = Math.ceil(n / B);
  const tSize = nBlocks * B * d;
  const simd = n * d * d >= 2 * SIMD_MIN_WORK ? acquireSimd(tSize + d * d) : null;
  if (simd) {
    // The column dot products by the WebAssembly SIMD kernels, block by block (d·B doubles,
    // ≤ 256 KB, so the d² products of a block run from cache rather than streaming whole
    // columns): gramPairs takes the column pairs (2×2 tiles, each load used twice), dot the
    // last column when d is odd.
    const T = simd.f64;
    const gOff = tSize;
    T.fill(0, gOff, gOff + d * d);
    const pairs = d >> 1;
    for (let base = 0; base < n; base += B) {
      const len = Math.min(B, n - base);
      const lenP = len + (len & 1);
      const o = base * d;
      for (let i = base; i < base + len; i++) {
        const r = o + (i - base);
        const xo = i * d;
        for (let j = 0; j < d; j++) T[r + j * lenP] = X[xo + j];
      }
      if (lenP > len) for (let j = 0; j < d; j++) T[o + j * lenP + len] = 0;
      simd.gramPairs(8 * o, lenP, pairs, 8 * lenP, 8 * gOff, 8 * d);
      if (d & 1) {
        const pl = 8 * (o + (d - 1) * lenP);
        for (let a2 = 0; a2 < d; a2++) T[gOff + a2 * d + d - 1] += simd.dot(8 * (o + a2 * lenP), pl, lenP);
      }
    }
    const G = new Float64Array(d * d);
    for (let a2 = 0; a2 < d; a2++) for (let b2 = a2; b2 < d; b2++) G[a2 * d + b2] = G[b2 * d + a2] = T[gOff + a2 * d + b2];
    releaseSimd(simd);
    return G;
  }
  const T = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) T[j * n + i] = X[i * d + j];
  const G = new Float64Array(d * d);
  const dot = (oa: number, ob: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += T[oa + i] * T[ob + i];
    return s;
  };
  let a = 0;
  for (; a + 1 < d; a += 2) {
    const oa = a * n;
    const oa1 = oa + n;
    let b = a;
    for (; b + 1 < d; b += 2) {
      const ob = b * n;
      const ob1 = ob + n;
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      for (let i = 0; i < n; i++) {
        const x0 = T[oa + i];
        const x1 = T[oa1 + i];
        const y0 = T[ob + i];
        const y1 = T[ob1 + i];
        s00 += x0 * y0;
        s01 += x0 * y1;
        s10 += x1 * y0;
        s11 += x1 * y1;
      }
      G[a * d + b] = G[b * d + a] = s00;
      G[a * d + b + 1] = G[(b + 1) * d + a] = s01;
      G[(a + 1) * d + b] = G[b * d + a + 1] = s10;
      G[(a + 1) * d + b + 1] = G[(b + 1) * d + a + 1] = s11;
    }
    if (b < d) {
      const ob = b * n;
      G[a * d + b] = G[b * d + a] = dot(oa, ob);
      G[(a + 1) * d + b] = G[b * d + a + 1] = dot(oa1, ob);
    }
  }
  if (a < d) G[a * d + a] = dot(a * n, a * n);
  return G;
}

/**
 * Y = X Wᵀ for row-major X (n×d) and W (k×d): the projection of every row on every row of W.
 * Blocks of two rows of X by four rows of W: eight products per six loads.
 */
export function projectRows(X: Float64Array, n: number, d: number, W: Float64Array, k: number): Float64Array {
  const Y = new Float64Array(n * k);
  const R = 256; // rows per block of the tiled kernel's output
  const simd = n * d * k >= SIMD_MIN_WORK ? acquireSimd(n * d + k * d + Math.max(k, R * k)) : null;
  if (simd) {
    const f = simd.f64;
    f.set(X, 0);
    const w = n * d;
    f.set(W.subarray(0, k * d), w);
    const out = w + k * d;
    if (d % 2 === 0) {
      // Blocks of R rows by the 2×2-tiled kernel (each load feeds two multiply-adds); an odd
      // last row and an odd last row of W by the one-dot kernels.
      const k2 = k >> 1;
      for (let i0 = 0; i0 < n; i0 += R) {
        const m = Math.min(R, n - i0);
        const m2 = m >> 1;
        simd.crossPairs(8 * i0 * d, 8 * w, m2, k2, d, 8 * d, 8 * d, 8 * out, 8 * k);
        for (let t = 0; t < 2 * m2; t++) {
          const yo = (i0 + t) * k;
          const fo = out + t * k;
          for (let c = 0; c < 2 * k2; c++) Y[yo + c] = f[fo + c];
          if (k & 1) Y[yo + k - 1] = simd.dot(8 * (i0 + t) * d, 8 * (w + (k - 1) * d), d);
        }
        if (m & 1) {
          const i = i0 + m - 1;
          simd.rowDots(8 * i * d, 8 * w, k, d, 8 * out);
          for (let c = 0; c < k; c++) Y[i * k + c] = f[out + c];
        }
      }
    } else {
      // Row by row: the k products of xᵢ with the rows of W in one SIMD call; X is read once.
      for (let i = 0; i < n; i++) {
        simd.rowDots(8 * i * d, 8 * w, k, d, 8 * out);
        for (let c = 0; c < k; c++) Y[i * k + c] = f[out + c];
      }
    }
    releaseSimd(simd);
    return Y;
  }
  const one = (i: number, c: number) => {
    let s = 0;
    const o = i * d;
    const w = c * d;
    for (let j = 0; j < d; j++) s += X[o + j] * W[w + j];
    Y[i * k + c] = s;
  };
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const o = i * d;
    const p = o + d;
    let c = 0;
    for (; c + 3 < k; c += 4) {
      const w0 = c * d;
      const w1 = w0 + d;
      const w2 = w1 + d;
      const w3 = w2 + d;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let t0 = 0;
      let t1 = 0;
      let t2 = 0;
      let t3 = 0;
      for (let j = 0; j < d; j++) {
        const x = X[o + j];
        const y = X[p + j];
        const v0 = W[w0 + j];
        const v1 = W[w1 + j];
        const v2 = W[w2 + j];
        const v3 = W[w3 + j];
        s0 += x * v0;
        s1 += x * v1;
        s2 += x * v2;
        s3 += x * v3;
        t0 += y * v0;
        t1 += y * v1;
        t2 += y * v2;
        t3 += y * v3;
      }
      const r = i * k + c;
      Y[r] = s0;
      Y[r + 1] = s1;
      Y[r + 2] = s2;
      Y[r + 3] = s3;
      Y[r + k] = t0;
      Y[r + k + 1] = t1;
      Y[r + k + 2] = t2;
      Y[r + k + 3] = t3;
    }
    for (; c < k; c++) {
      one(i, c);
      one(i + 1, c);
    }
  }
  if (i < n) for (let c = 0; c < k; c++) one(i, c);
  return Y;
}

/** Matrix as number[][] (rows), frozen row by row, for fitted attributes. */
export function frozenRows(data: ArrayLike<number>, rows: number, cols: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < rows; i++) out.push(Object.freeze(Array.from({ length: cols }, (_, j) => data[i * cols + j])) as number[]);
  return Object.freeze(out) as number[][];
}
