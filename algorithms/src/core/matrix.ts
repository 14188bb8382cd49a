/**
 * Small dense-matrix helpers over row-major Float64Array storage. They exist for the
 * hot loops of the estimators (no allocation per element, no bounds checks); bigger
 * decompositions (SVD, symmetric eigen) come from ml-matrix.
 */

/** A row-major dense matrix: entry (i, j) is `data[i * cols + j]`. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** A typed-array matrix as callers may hand it in (Float32 or Float64, row-major). */
export interface TypedMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array | Float32Array;
}

/** A matrix as the public API accepts it: rows of numbers, or a typed-array matrix. */
export type MatrixLike = ReadonlyArray<ArrayLike<number>> | TypedMatrix;

/** A vector as the public API accepts it. */
export type VectorLike = ArrayLike<number>;

export function zeros(rows: number, cols: number): Matrix {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

export function fromRows(rows: ReadonlyArray<ArrayLike<number>>): Matrix {
  const n = rows.length;
  const d = n === 0 ? 0 : rows[0].length;
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) data.set(rows[i] as ArrayLike<number>, i * d);
  return { rows: n, cols: d, data };
}

export function toRows(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}

/** Row i as a view (no copy). */
export function row(m: Matrix, i: number): Float64Array {
  return m.data.subarray(i * m.cols, (i + 1) * m.cols);
}

/** The rows of `m` listed in `idx`, copied. */
export function takeRows(m: Matrix, idx: ArrayLike<number>): Matrix {
  const out = zeros(idx.length, m.cols);
  for (let k = 0; k < idx.length; k++) out.data.set(row(m, idx[k]), k * m.cols);
  return out;
}

export function transpose(m: Matrix): Matrix {
  const out = zeros(m.cols, m.rows);
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) out.data[j * m.rows + i] = m.data[i * m.cols + j];
  return out;
}

/** C = A·B, with the i-k-j loop order so the inner loop walks both rows contiguously. */
export function matmul(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows) throw new RangeError(`matmul: ${a.rows}×${a.cols} by ${b.rows}×${b.cols}`);
  const out = zeros(a.rows, b.cols);
  const { data: A } = a;
  const { data: B } = b;
  const C = out.data;
  const n = b.cols;
  for (let i = 0; i < a.rows; i++) {
    for (let k = 0; k < a.cols; k++) {
      const aik = A[i * a.cols + k];
      if (aik === 0) continue;
      const bo = k * n;
      const co = i * n;
      for (let j = 0; j < n; j++) C[co + j] += aik * B[bo + j];
    }
  }
  return out;
}

/** y = A·x. */
export function matvec(a: Matrix, x: ArrayLike<number>): Float64Array {
  const y = new Float64Array(a.rows);
  for (let i = 0; i < a.rows; i++) {
    let s = 0;
    const o = i * a.cols;
    for (let j = 0; j < a.cols; j++) s += a.data[o + j] * x[j];
    y[i] = s;
  }
  return y;
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** ‖a − b‖². */
export function squaredDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    s += d * d;
  }
  return s;
}

/** Column means: μⱼ = (1/n) Σᵢ Xᵢⱼ. */
export function columnMeans(m: Matrix): Float64Array {
  const mu = new Float64Array(m.cols);
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) mu[j] += m.data[i * m.cols + j];
  for (let j = 0; j < m.cols; j++) mu[j] /= m.rows;
  return mu;
}

/** X − 1μᵀ, a new matrix. */
export function centerColumns(m: Matrix, mu: ArrayLike<number>): Matrix {
  const out = zeros(m.rows, m.cols);
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) out.data[i * m.cols + j] = m.data[i * m.cols + j] - mu[j];
  return out;
}

export function mean(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i];
  return s / v.length;
}

/**
 * Least squares min ‖A x − b‖² by Householder QR (A is m×n, m ≥ n, full column rank).
 * QR avoids forming AᵀA, whose condition number is the square of A's, so the
 * coefficients agree with LAPACK's to ~1e-12 on well-posed problems. Returns null when
 * A is rank-deficient (|Rᵢᵢ| tiny), so the caller can fall back to a pseudo-inverse.
 */
export function lstsqQR(a: Matrix, b: ArrayLike<number>): Float64Array | null {
  const m = a.rows;
  const n = a.cols;
  if (m < n) return null;
  const R = Float64Array.from(a.data);
  const y = Float64Array.from(b);
  let maxDiag = 0;
  for (let k = 0; k < n; k++) {
    // Householder vector v for column k below the diagonal: H = I − 2vvᵀ/(vᵀv).
    let norm = 0;
    for (let i = k; i < m; i++) norm += R[i * n + k] ** 2;
    norm = Math.sqrt(norm);
    if (norm === 0) return null;
    const alpha = R[k * n + k] > 0 ? -norm : norm;
    const v = new Float64Array(m - k);
    v[0] = R[k * n + k] - alpha;
    for (let i = k + 1; i < m; i++) v[i - k] = R[i * n + k];
    const vv = dot(v, v);
    if (vv === 0) continue;
    for (let j = k; j < n; j++) {
      let s = 0;
      for (let i = k; i < m; i++) s += v[i - k] * R[i * n + j];
      const f = (2 * s) / vv;
      for (let i = k; i < m; i++) R[i * n + j] -= f * v[i - k];
    }
    let s = 0;
    for (let i = k; i < m; i++) s += v[i - k] * y[i];
    const f = (2 * s) / vv;
    for (let i = k; i < m; i++) y[i] -= f * v[i - k];
    maxDiag = Math.max(maxDiag, Math.abs(R[k * n + k]));
  }
  // Back substitution R x = Qᵀb, refusing near-singular R.
  const x = new Float64Array(n);
  for (let k = n - 1; k >= 0; k--) {
    const rkk = R[k * n + k];
    if (Math.abs(rkk) <= maxDiag * Math.max(m, n) * Number.EPSILON) return null;
    let s = y[k];
    for (let j = k + 1; j < n; j++) s -= R[k * n + j] * x[j];
    x[k] = s / rkk;
  }
  return x;
}

/**
 * Solves the symmetric positive-definite system A x = b by Cholesky, A = LLᵀ.
 * Returns null when A is not positive definite.
 */
export function solveCholesky(a: Matrix, b: ArrayLike<number>): Float64Array | null {
  const n = a.rows;
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a.data[i * n + j];
      for (let k = 0; k < j; k++) s -= L[i * n + k] * L[j * n + k];
      if (i === j) {
        if (s <= 0) return null;
        L[i * n + i] = Math.sqrt(s);
      } else L[i * n + j] = s / L[j * n + j];
    }
  }
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[i * n + k] * z[k];
    z[i] = s / L[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < n; k++) s -= L[k * n + i] * x[k];
    x[i] = s / L[i * n + i];
  }
  return x;
}
