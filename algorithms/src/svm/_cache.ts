/**
 * The SMO solver's cache of rows of Q (Qᵢⱼ = yᵢyⱼK(xᵢ, xⱼ)), as libsvm's `Cache`:
 *
 * - rows are indexed by the solver's *positions*, which it permutes so that the active
 *   (unshrunk) samples are the prefix 0 … activeSize−1; a row is computed only over the
 *   prefix the solver asks for, and extended later if a longer prefix is asked;
 * - entries are float32 (libsvm's Qfloat), so a row costs 4 bytes per entry and the budget
 *   `cacheSize` MB holds twice as many entries as float64 would; the gradient is still summed
 *   in float64;
 * - memory is bounded: rows live in fixed slots of l entries, carved from a few large buffers
 *   (no allocation, hence no garbage collection, per row), at most ⌊cacheSize / 4l⌋ slots
 *   (at least 2); when none is free, the least recently used row gives its slot up. Which rows
 *   are cached never changes the results, only the time;
 * - `swap(i, j)` follows a swap of two positions in the solver: the row heads swap, and in
 *   every cached row entries i and j swap (a row that holds only one of them is dropped). The
 *   entry swaps are deferred and applied row by row before the next row is read: a shrinking
 *   round's swaps then cost one pass per cached row instead of a scattered access per row and
 *   swap;
 * - with WebAssembly SIMD (see `_vexp.ts`) a row is one kernel call: the training rows, their
 *   squared norms and labels live, in position order, in the kernel's memory, the dot products
 *   run two rows at a time and eˣ two lanes at a time (a 10,000-sample rbf fit: 15 M entries,
 *   ~4 ns each instead of ~15).
 */
import type { KernelCache } from './kernels';
import { rbfKernel, vexpKernels, type VexpKernels } from './_vexp';

export class QCache {
  private readonly data: (Float32Array | null)[];
  private readonly len: Int32Array;
  /** The slot (a view of l entries) of each position's row. */
  private readonly slotOf: Int32Array;
  private readonly slots: Float32Array[] = [];
  /** The buffers the slots are carved from (back to the pool on {@link release}). */
  private readonly buffers: Float32Array[] = [];
  private readonly freeSlots: number[] = [];
  /** Most slots (the budget). */
  private readonly maxSlots: number;
  /** Deferred entry swaps (pairs a < b, in order) and their count. */
  private pend = new Int32Array(64);
  private nPend = 0;
  // Circular doubly-linked LRU list over positions; node l is the sentinel.
  private readonly prev: Int32Array;
  private readonly next: Int32Array;
  private readonly l: number;
  /** Position → training-set index (permuted by the solver). */
  readonly pidx: Int32Array;
  /** ±1 label per position (permuted by the solver). */
  readonly py: Float64Array;
  /** The training rows copied in position order (swapped along), `stride` doubles apart. */
  private readonly Xp: Float64Array<ArrayBufferLike>;
  /** ‖x‖² per position. */
  private readonly sqp: Float64Array<ArrayBufferLike>;
  /** ±1 per position, in the kernel's memory (swapped along with the solver's `py`). */
  private readonly pyw: Float64Array<ArrayBufferLike> | null;
  private readonly dim: number;
  /** Row stride of Xp: dim, or dim rounded up to even (zero-padded) for the kernel. */
  private readonly stride: number;
  private readonly xi: Float64Array;
  private readonly vx: VexpKernels | null;
  /** The rbf row kernel (unrolled for the row length where it can be). */
  private rbfRow: VexpKernels['rbfRow'] | null = null;
  /** Byte offsets of Xp, sqp, pyw and the float32 output row in the kernel's memory. */
  private readonly at = { X: 0, sq: 0, py: 0, out: 0 };

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
    // The budget in float32 rows of l entries, at least two.
    this.maxSlots = Math.min(l, Math.max(2, Math.floor((K.cacheSizeMB * 1048576) / (4 * l))));
    this.slotOf = new Int32Array(l).fill(-1);
    this.prev = new Int32Array(l + 1);
    this.next = new Int32Array(l + 1);
    this.prev[l] = this.next[l] = l;
    const d = K.X.cols;
    this.dim = d;
    // The kernel's memory: Xp (l rows of an even stride), sqp and pyw (one spare entry each:
    // an odd last row is computed as a pair with itself), the dot products or float32 row.
    const dp = d + (d % 2);
    const doubles = l * dp + 2 * (l + 1) + l + 2;
    this.vx = l * d >= 64 ? vexpKernels(8 * doubles) : null;
    const vx = this.vx;
    if (vx) {
      this.stride = dp;
      const at = this.at;
      at.sq = 8 * l * dp;
      at.py = at.sq + 8 * (l + 1);
      at.out = at.py + 8 * (l + 1);
      this.Xp = vx.f64.subarray(0, l * dp);
      this.sqp = vx.f64.subarray(at.sq / 8, at.sq / 8 + l + 1);
      this.pyw = vx.f64.subarray(at.py / 8, at.py / 8 + l + 1);
      this.dots = vx.f64.subarray(at.out / 8, at.out / 8 + l + 1);
      this.pyw.set(py);
      if (K.p.kernel === 'rbf') this.rbfRow = rbfKernel(vx, dp);
    } else {
      this.stride = d;
      this.Xp = new Float64Array(l * d);
      this.sqp = new Float64Array(l);
      this.pyw = null;
    }
    const st = this.stride;
    for (let t = 0; t < l; t++) {
      this.Xp.set(K.X.data.subarray(pidx[t] * d, pidx[t] * d + d), t * st);
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
    this.freeSlots.push(this.slotOf[h]);
    this.slotOf[h] = -1;
    this.data[h] = null;
    this.len[h] = 0;
  }

  /** A free slot: a fresh one while under budget, else the least recently used row's. */
  private takeSlot(): number {
    if (this.freeSlots.length > 0) return this.freeSlots.pop()!;
    const l = this.l;
    if (this.slots.length < this.maxSlots) {
      // Buffers carved into slots, each twice the last (from about 1 MB up to 32 MB): few
      // allocations (each large one may cost a garbage collection), little unused memory.
      const per = Math.max(1, Math.min(this.maxSlots - this.slots.length, Math.max(this.slots.length, Math.floor(262144 / l)), Math.floor(8388608 / l)));
      const buf = takeBuffer(per * l);
      this.buffers.push(buf);
      for (let s = 0; s < per; s++) this.slots.push(buf.subarray(s * l, (s + 1) * l));
      for (let s = this.slots.length - 1; s > this.slots.length - per; s--) this.freeSlots.push(s);
      return this.slots.length - per;
    }
    this.drop(this.next[l]);
    return this.freeSlots.pop()!;
  }

  /** Row i of Q over positions 0 … want−1 (entries beyond `want` may be stale or absent). */
  row(i: number, want: number): Float32Array {
    if (this.nPend > 0) this.flush();
    let d = this.data[i];
    const have = this.len[i];
    if (have) this.unlink(i);
    if (want > have) {
      if (!d) {
        const s = this.takeSlot();
        this.slotOf[i] = s;
        d = this.slots[s];
        this.data[i] = d;
      }
      this.len[i] = want;
      this.fill(i, d, have, want);
    }
    this.insert(i);
    return d!;
  }

  /** Gives the row buffers back for the next fit's cache; the cache is unusable afterwards. */
  release(): void {
    giveBuffers(this.buffers);
    this.buffers.length = 0;
    this.slots.length = 0;
    this.freeSlots.length = 0;
    this.data.fill(null);
    this.len.fill(0);
    this.prev[this.l] = this.next[this.l] = this.l;
  }

  /** Applies the deferred entry swaps to every cached row, in order (see {@link swap}). */
  private flush(): void {
    const { pend, len, data } = this;
    const np = 2 * this.nPend;
    this.nPend = 0;
    const s = this.l;
    for (let h = this.next[s]; h !== s; ) {
      const nx = this.next[h];
      const L = len[h];
      const row = data[h]!;
      for (let q = 0; q < np; q += 2) {
        const a = pend[q];
        if (L <= a) continue;
        const b = pend[q + 1];
        if (L <= b) {
          this.drop(h); // holds a but not b: give the row up
          break;
        }
        const t = row[a];
        row[a] = row[b];
        row[b] = t;
      }
      h = nx;
    }
  }

  /**
   * d[j] = yᵢyⱼK(xᵢ, xⱼ) for positions j in [from, to). The dot products run over the
   * position-ordered copy two rows at a time, so each load of xᵢ serves two products.
   */
  private fill(i: number, out: Float32Array, from: number, to: number): void {
    const { p } = this.K;
    const { py, Xp, sqp, dim, xi, vx, at } = this;
    const yi = py[i];
    if (vx) {
      const st = this.stride;
      if (p.kernel === 'rbf') {
        // ‖xᵢ − xⱼ‖² = ‖xᵢ‖² + ‖xⱼ‖² − 2xᵢ·xⱼ (as libsvm), the kernel and yᵢyⱼ in one call.
        this.rbfRow!(8 * i * st, 8 * from * st, to - from, st, at.sq + 8 * from, at.py + 8 * from, -p.gamma, sqp[i], yi, at.out);
        out.set(vx.f32.subarray(at.out / 4, at.out / 4 + (to - from)), from);
        return;
      }
      vx.rowDots(8 * i * st, 8 * from * st, to - from, st, at.out + 8 * from);
      this.finish(i, out, from, to);
      return;
    }
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
    this.finish(i, out, from, to);
  }

  /** out[q] = yᵢy_q k(dots[q]) for q in [from, to): the kernel of the dot products. */
  private finish(i: number, out: Float32Array, from: number, to: number): void {
    const { p } = this.K;
    const { py, sqp, dots } = this;
    const yi = py[i];
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
    const { Xp, sqp, dim, stride, pyw } = this;
    for (let t = 0; t < dim; t++) {
      const v = Xp[i * stride + t];
      Xp[i * stride + t] = Xp[j * stride + t];
      Xp[j * stride + t] = v;
    }
    const sv = sqp[i];
    sqp[i] = sqp[j];
    sqp[j] = sv;
    if (pyw) {
      const yv = pyw[i];
      pyw[i] = pyw[j];
      pyw[j] = yv;
    }
    const ts = this.slotOf[i];
    this.slotOf[i] = this.slotOf[j];
    this.slotOf[j] = ts;
    // The entry swaps wait for the next row read (see flush).
    if (2 * this.nPend + 2 > this.pend.length) {
      const grown = new Int32Array(2 * this.pend.length);
      grown.set(this.pend);
      this.pend = grown;
    }
    this.pend[2 * this.nPend] = i < j ? i : j;
    this.pend[2 * this.nPend + 1] = i < j ? j : i;
    this.nPend++;
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

/**
 * Row buffers of finished fits, kept for the next (a large allocation may cost a garbage
 * collection, and fresh memory its page faults): at most 64 MB, the largest dropped first.
 */
const POOL: Float32Array[] = [];
const POOL_BYTES = 64 * 1048576;

/** A buffer of exactly n floats (stale contents), from the pool when one fits. */
function takeBuffer(n: number): Float32Array {
  const i = POOL.findIndex((b) => b.length === n);
  if (i >= 0) return POOL.splice(i, 1)[0];
  return new Float32Array(n);
}

function giveBuffers(bufs: Float32Array[]): void {
  POOL.push(...bufs);
  POOL.sort((a, b) => a.length - b.length);
  let bytes = POOL.reduce((s, b) => s + 4 * b.length, 0);
  while (bytes > POOL_BYTES) bytes -= 4 * POOL.pop()!.length;
}
