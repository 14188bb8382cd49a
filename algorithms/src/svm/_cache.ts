/**
 * The SMO solver's cache of rows of Q (Qᵢⱼ = yᵢyⱼK(xᵢ, xⱼ)), as libsvm's `Cache`:
 *
 * - rows are indexed by the solver's *positions*, which it permutes so that the active
 *   (unshrunk) samples are the prefix 0 … activeSize−1; a row is computed only over the
 *   prefix the solver asks for, and extended later if a longer prefix is asked;
 * - entries are float32 (libsvm's Qfloat), so a row costs 4 bytes per entry and the budget
 *   `cacheSize` MB holds twice as many entries as float64 would; the gradient is still summed
 *   in float64;
 * - memory is bounded: when a row does not fit, the least recently used rows are freed;
 * - `swap(i, j)` follows a swap of two positions in the solver: the row heads swap, and in
 *   every cached row entries i and j swap (a row that holds only one of them is dropped).
 */
import { simdKernels, type SimdKernels } from '../decomposition/_simd';
import type { KernelCache } from './kernels';

export class QCache {
  private readonly data: (Float32Array | null)[];
  private readonly len: Int32Array;
  /** Entries still free in the budget. */
  private free: number;
  // Circular doubly-linked LRU list over positions; node l is the sentinel.
  private readonly prev: Int32Array;
  private readonly next: Int32Array;
  private readonly l: number;
  /** Position → training-set index (permuted by the solver). */
  readonly pidx: Int32Array;
  /** ±1 label per position (permuted by the solver). */
  readonly py: Float64Array;
  /** The training rows copied in position order (swapped along), for contiguous row scans. */
  private readonly Xp: Float64Array<ArrayBufferLike>;
  /** ‖x‖² per position. */
  private readonly sqp: Float64Array;
  private readonly dim: number;
  private readonly xi: Float64Array;
  private readonly simd: SimdKernels | null;

  constructor(
    private readonly K: KernelCache,
    pidx: Int32Array,
    py: Float64Array,
  ) {
    const l = pidx.length;
    this.l = l;
    this.pidx = pidx;
    this.py = py;
    this.data = new Array<Float32Array | null>(l).fill(null);
    this.len = new Int32Array(l);
    // libsvm: size in Qfloat entries, at least two full rows.
    this.free = Math.max(2 * l, Math.floor((K.cacheSizeMB * 1048576) / 4));
    this.prev = new Int32Array(l + 1);
    this.next = new Int32Array(l + 1);
    this.prev[l] = this.next[l] = l;
    const d = K.X.cols;
    this.dim = d;
    // With d ≥ 4 the row dot products go to the WebAssembly SIMD kernel: Xp and the dot
    // buffer then live in its memory.
    this.simd = d >= 4 ? simdKernels(l * d + l) : null;
    this.Xp = this.simd ? this.simd.f64.subarray(0, l * d) : new Float64Array(l * d);
    if (this.simd) this.dots = this.simd.f64.subarray(l * d, l * d + l);
    this.sqp = new Float64Array(l);
    for (let t = 0; t < l; t++) {
      this.Xp.set(K.X.data.subarray(pidx[t] * d, pidx[t] * d + d), t * d);
      this.sqp[t] = K.sq[pidx[t]];
    }
    this.xi = new Float64Array(d);
  }

  private unlink(h: number): void {
    this.next[this.prev[h]] = this.next[h];
    this.prev[this.next[h]] = this.prev[h];
  }

  private insert(h: number): void {
    // Most recent at the end (before the sentinel), as libsvm.
    const s = this.l;
    this.next[h] = s;
    this.prev[h] = this.prev[s];
    this.next[this.prev[s]] = h;
    this.prev[s] = h;
  }

  private drop(h: number): void {
    this.unlink(h);
    this.free += this.len[h];
    this.data[h] = null;
    this.len[h] = 0;
  }

  /** Row i of Q over positions 0 … want−1 (entries beyond `want` may be stale or absent). */
  row(i: number, want: number): Float32Array {
    let d = this.data[i];
    const have = this.len[i];
    if (have) this.unlink(i);
    if (want > have) {
      const more = want - have;
      while (this.free < more) {
        const old = this.next[this.l];
        if (old === this.l) break;
        this.drop(old);
      }
      const grown = new Float32Array(want);
      if (d && have) grown.set(d.subarray(0, have));
      d = grown;
      this.data[i] = d;
      this.free -= more;
      this.len[i] = want;
      this.fill(i, d, have, want);
    }
    this.insert(i);
    return d!;
  }

  /**
   * d[j] = yᵢyⱼK(xᵢ, xⱼ) for positions j in [from, to). The dot products run over the
   * position-ordered copy two rows at a time, so each load of xᵢ serves two products.
   */
  private fill(i: number, out: Float32Array, from: number, to: number): void {
    const { p } = this.K;
    const { py, Xp, sqp, dim, xi } = this;
    const yi = py[i];
    xi.set(Xp.subarray(i * dim, i * dim + dim));
    if (p.kernel === 'rbf' && dim === 2) {
      const ng = -p.gamma;
      const x0 = xi[0];
      const x1 = xi[1];
      for (let j = from; j < to; j++) {
        const u = x0 - Xp[2 * j];
        const v = x1 - Xp[2 * j + 1];
        out[j] = yi * py[j] * Math.exp(ng * (u * u + v * v));
      }
      return;
    }
    // dots[j] ← xᵢ·xⱼ first, then the kernel of it.
    const dots = this.dotBuffer(to);
    const d2 = dim - (dim % 2);
    let j = from;
    if (this.simd) {
      this.simd.rowDots(8 * i * dim, 8 * from * dim, to - from, dim, 8 * (this.Xp.length + from));
      j = to;
    }
    for (; j + 1 < to; j += 2) {
      const q = j * dim;
      const r = q + dim;
      let s0 = 0;
      let s1 = 0;
      let t0 = 0;
      let t1 = 0;
      let t = 0;
      for (; t < d2; t += 2) {
        const u = xi[t];
        const v = xi[t + 1];
        s0 += u * Xp[q + t];
        s1 += v * Xp[q + t + 1];
        t0 += u * Xp[r + t];
        t1 += v * Xp[r + t + 1];
      }
      if (t < dim) {
        s0 += xi[t] * Xp[q + t];
        t0 += xi[t] * Xp[r + t];
      }
      dots[j] = s0 + s1;
      dots[j + 1] = t0 + t1;
    }
    for (; j < to; j++) {
      const q = j * dim;
      let s = 0;
      for (let t = 0; t < dim; t++) s += xi[t] * Xp[q + t];
      dots[j] = s;
    }
    if (p.kernel === 'rbf') {
      // ‖xᵢ − xⱼ‖² = ‖xᵢ‖² + ‖xⱼ‖² − 2xᵢ·xⱼ, as libsvm.
      const ng = -p.gamma;
      const si = sqp[i];
      for (let q = from; q < to; q++) out[q] = yi * py[q] * Math.exp(ng * (si + sqp[q] - 2 * dots[q]));
    } else if (p.kernel === 'linear') {
      for (let q = from; q < to; q++) out[q] = yi * py[q] * dots[q];
    } else {
      for (let q = from; q < to; q++) out[q] = yi * py[q] * powi(p.gamma * dots[q] + p.coef0, p.degree);
    }
  }

  private dots: Float64Array<ArrayBufferLike> = new Float64Array(0);
  private dotBuffer(len: number): Float64Array {
    if (this.dots.length < len) this.dots = new Float64Array(this.l);
    return this.dots;
  }

  /** Follows the solver's swap of positions i and j (libsvm's Cache::swap_index). */
  swap(i: number, j: number): void {
    if (i === j) return;
    const { data, len } = this;
    if (len[i]) this.unlink(i);
    if (len[j]) this.unlink(j);
    const td = data[i];
    data[i] = data[j];
    data[j] = td;
    const tl = len[i];
    len[i] = len[j];
    len[j] = tl;
    if (len[i]) this.insert(i);
    if (len[j]) this.insert(j);
    const { Xp, sqp, dim } = this;
    for (let t = 0; t < dim; t++) {
      const v = Xp[i * dim + t];
      Xp[i * dim + t] = Xp[j * dim + t];
      Xp[j * dim + t] = v;
    }
    const sv = sqp[i];
    sqp[i] = sqp[j];
    sqp[j] = sv;
    if (i > j) {
      const t = i;
      i = j;
      j = t;
    }
    const s = this.l;
    for (let h = this.next[s]; h !== s; ) {
      const nx = this.next[h];
      if (len[h] > i) {
        if (len[h] > j) {
          const row = data[h]!;
          const t = row[i];
          row[i] = row[j];
          row[j] = t;
        } else this.drop(h); // holds i but not j: give the row up
      }
      h = nx;
    }
  }
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
