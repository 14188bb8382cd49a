/**
 * Kernels of the SVC and a cache of kernel-matrix rows.
 *
 * - linear: K(x, x') = x·x'
 * - rbf:    K(x, x') = exp(−γ‖x − x'‖²)   (the slides' exp(−‖x − x'‖²/2σ²), γ = 1/2σ²)
 * - poly:   K(x, x') = (γ x·x' + coef0)^degree
 */
import type { Matrix } from '../core/matrix';

/** The kernels SVC offers. */
export type SVCKernel = 'linear' | 'rbf' | 'poly';

/** A kernel with its parameters resolved to numbers. */
export interface KernelParams {
  kernel: SVCKernel;
  gamma: number;
  degree: number;
  coef0: number;
}

/** x·x' over d values at offsets a (in A) and b (in B). */
function dotAt(A: Float64Array, a: number, B: Float64Array, b: number, d: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) s += A[a + k] * B[b + k];
  return s;
}

/** Integer powers by repeated squaring (degree is a small integer). */
function powi(x: number, n: number): number {
  if (!Number.isInteger(n) || n < 0) return Math.pow(x, n);
  let r = 1;
  let b = x;
  while (n > 0) {
    if (n & 1) r *= b;
    b *= b;
    n >>= 1;
  }
  return r;
}

/** K between row a of A and row b of B, given their squared norms (used by rbf). */
export function kernelValue(p: KernelParams, A: Float64Array, a: number, B: Float64Array, b: number, d: number, na: number, nb: number): number {
  const dot = dotAt(A, a * d, B, b * d, d);
  switch (p.kernel) {
    case 'linear':
      return dot;
    case 'rbf':
      // ‖x − x'‖² = ‖x‖² + ‖x'‖² − 2x·x', as libsvm computes it.
      return Math.exp(-p.gamma * (na + nb - 2 * dot));
    case 'poly':
      return powi(p.gamma * dot + p.coef0, p.degree);
  }
}

/** Squared norm of each row. */
export function rowSquaredNorms(X: Matrix): Float64Array {
  const out = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i++) out[i] = dotAt(X.data, i * X.cols, X.data, i * X.cols, X.cols);
  return out;
}

/**
 * Rows of the training kernel matrix K[i][·], computed on demand and kept while they fit
 * in `cacheSize` megabytes (least recently used rows dropped first), as libsvm's cache.
 * The one-vs-one sub-problems of a multi-class fit share it, so a row computed for one
 * pair of classes serves every other pair its sample takes part in.
 */
export class KernelCache {
  private readonly rows: (Float64Array | null)[];
  private readonly diag: Float64Array;
  /** ‖xᵢ‖² of every training row (read by the SMO solver's own row cache). */
  readonly sq: Float64Array;
  private readonly maxRows: number;
  private cached = 0;
  // Doubly-linked LRU list over row ids; head = most recent.
  private readonly prev: Int32Array;
  private readonly next: Int32Array;
  private head = -1;
  private tail = -1;
  /** Kernel rows computed so far (a cost measure for the UI). */
  rowsComputed = 0;

  constructor(
    /** The training rows. */
    readonly X: Matrix,
    /** The kernel and its parameters. */
    readonly p: KernelParams,
    /** The row-cache budget in megabytes (libsvm's cache_size). */
    readonly cacheSizeMB: number,
  ) {
    const n = X.rows;
    this.rows = new Array<Float64Array | null>(n).fill(null);
    this.sq = rowSquaredNorms(X);
    this.diag = new Float64Array(n);
    for (let i = 0; i < n; i++) this.diag[i] = kernelValue(p, X.data, i, X.data, i, X.cols, this.sq[i], this.sq[i]);
    this.maxRows = Math.max(2, Math.floor((cacheSizeMB * 1048576) / (8 * Math.max(1, n))));
    this.prev = new Int32Array(n).fill(-1);
    this.next = new Int32Array(n).fill(-1);
  }

  /** K(xᵢ, xᵢ). */
  diagonal(i: number): number {
    return this.diag[i];
  }

  private unlink(i: number): void {
    const p = this.prev[i];
    const q = this.next[i];
    if (p >= 0) this.next[p] = q;
    else this.head = q;
    if (q >= 0) this.prev[q] = p;
    else this.tail = p;
    this.prev[i] = this.next[i] = -1;
  }

  private pushFront(i: number): void {
    this.prev[i] = -1;
    this.next[i] = this.head;
    if (this.head >= 0) this.prev[this.head] = i;
    this.head = i;
    if (this.tail < 0) this.tail = i;
  }

  /** The row K(xᵢ, x_j) for all training samples j. */
  row(i: number): Float64Array {
    const r = this.rows[i];
    const n = this.X.rows;
    if (r) {
      if (this.maxRows < n && this.head !== i) {
        this.unlink(i);
        this.pushFront(i);
      }
      return r;
    }
    let out: Float64Array;
    if (this.cached >= this.maxRows) {
      const victim = this.tail;
      this.unlink(victim);
      out = this.rows[victim]!;
      this.rows[victim] = null;
    } else {
      out = new Float64Array(n);
      this.cached++;
    }
    this.fill(i, out);
    this.rows[i] = out;
    if (this.maxRows < n) this.pushFront(i);
    return out;
  }

  private fill(i: number, out: Float64Array): void {
    this.rowsComputed++;
    const { X, p, sq, rows } = this;
    const d = X.cols;
    const A = X.data;
    const n = X.rows;
    const a = i * d;
    // K is symmetric: entries already in a cached row j are copied, not recomputed.
    if (p.kernel === 'rbf' && d === 2) {
      // The 2-D case of the explainers, unrolled.
      const ng = -p.gamma;
      const x0 = A[a];
      const x1 = A[a + 1];
      for (let j = 0; j < n; j++) {
        const rj = rows[j];
        if (rj) out[j] = rj[i];
        else {
          const u = x0 - A[2 * j];
          const v = x1 - A[2 * j + 1];
          out[j] = Math.exp(ng * (u * u + v * v));
        }
      }
    } else if (p.kernel === 'rbf') {
      const ng = -p.gamma;
      const si = sq[i];
      for (let j = 0; j < n; j++) {
        const rj = rows[j];
        out[j] = rj ? rj[i] : Math.exp(ng * (si + sq[j] - 2 * dotAt(A, a, A, j * d, d)));
      }
    } else if (p.kernel === 'linear') {
      for (let j = 0; j < n; j++) {
        const rj = rows[j];
        out[j] = rj ? rj[i] : dotAt(A, a, A, j * d, d);
      }
    } else {
      for (let j = 0; j < n; j++) {
        const rj = rows[j];
        out[j] = rj ? rj[i] : powi(p.gamma * dotAt(A, a, A, j * d, d) + p.coef0, p.degree);
      }
    }
  }
}
