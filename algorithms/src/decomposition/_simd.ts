/**
 * Five float64 kernels in WebAssembly with 128-bit SIMD (two doubles per instruction), for
 * the dense loops that bound PCA, SVC and logistic regression. Plain JavaScript runs one
 * multiply-add at a time; on this machine kind these kernels take a third of the time
 * (a 10,000 × 100 Gram matrix: 8 ms against 28 ms).
 *
 * The module is assembled here byte by byte (no toolchain, no download).
 * Each caller makes its own instance with its own memory, sized once (so that views never
 * detach), and copies its data in. Where WebAssembly or its SIMD is missing,
 * {@link simdKernels} returns null and the callers keep their JavaScript loops.
 *
 * Kernels (pointers are byte offsets into the instance's memory, all f64):
 * - dot(p, q, n) = Σ_{t<n} p[t]·q[t], two SIMD accumulators (4 values per step), then the tail;
 * - rowDots(x, A, m, d, out): out[j] = x·A_j for the m rows A_j of length d;
 * - accumRows(A, r, m, d, g): g += Σ_j r[j]·A_j (a transposed matrix-vector product);
 * - gramPairs(T, len, pairs, stride, G, gRow): a block's XᵀX by 2×2 tiles of column pairs;
 * - crossPairs(A, B, …): all the dot products of two sets of vectors (X Wᵀ), 2×2 tiles.
 * Sums run in a different order from a sequential loop: results agree to rounding (~1e-15).
 */
import { BLOCK, BR, BR_IF, END, F64, F64X2_SPLAT, F64_ADD, F64_MUL, I32, I32_ADD, I32_EQZ, I32_LT_S, I32_MUL, LOOP, V128, V128_ZERO, addTo, get, i32c, leb, section, set, simd, str, vec, instantiate, lazyModule } from '../core/_wasm';

export interface SimdKernels {
  /** The instance's memory as doubles (index i is byte offset 8i). */
  readonly f64: Float64Array;
  dot(p: number, q: number, n: number): number;
  rowDots(x: number, A: number, m: number, d: number, out: number): void;
  accumRows(A: number, r: number, m: number, d: number, g: number): void;
  /** See gramPairsBody: a block's column-pair dot products added into G. */
  gramPairs(T: number, len: number, pairs: number, stride: number, G: number, gRow: number): void;
  /** See crossPairsBody: the dot products of two sets of vectors, 2×2 at a time, written to out. */
  crossPairs(A: number, B: number, na2: number, nb2: number, len: number, sa: number, sb: number, out: number, oRow: number): void;
}


// Opcodes used.
const mem = (op: number[], offset = 0) => [...op, 3, ...leb(offset)]; // align 2³
const v128load = (offset = 0) => mem(simd(0x00), offset);
const v128store = (offset = 0) => mem(simd(0x0b), offset);
const f64load = (offset = 0) => mem([0x2b], offset);
const f64store = (offset = 0) => mem([0x39], offset);
const F64X2_EXTRACT = (lane: number) => [...simd(0x21), lane];
const F64X2_ADD = simd(0xf0);
const F64X2_MUL = simd(0xf2);
const CALL = (f: number) => [0x10, f];

/** dot(p 0, q 1, n 2) → f64; locals acc0 3, acc1 4 (v128), s 5 (f64). */
const dotBody = [
  ...vec([[2, V128], [1, F64]]),
  ...BLOCK, ...LOOP,
  ...get(2), ...i32c(4), ...I32_LT_S, ...BR_IF(1),
  ...get(3), ...get(0), ...v128load(), ...get(1), ...v128load(), ...F64X2_MUL, ...F64X2_ADD, ...set(3),
  ...get(4), ...get(0), ...v128load(16), ...get(1), ...v128load(16), ...F64X2_MUL, ...F64X2_ADD, ...set(4),
  ...addTo(0, 32), ...addTo(1, 32), ...addTo(2, -4),
  ...BR(0), ...END, ...END,
  ...get(3), ...get(4), ...F64X2_ADD, ...set(3),
  ...BLOCK,
  ...get(2), ...i32c(2), ...I32_LT_S, ...BR_IF(0),
  ...get(3), ...get(0), ...v128load(), ...get(1), ...v128load(), ...F64X2_MUL, ...F64X2_ADD, ...set(3),
  ...addTo(0, 16), ...addTo(1, 16), ...addTo(2, -2),
  ...END,
  ...get(3), ...F64X2_EXTRACT(0), ...get(3), ...F64X2_EXTRACT(1), ...F64_ADD, ...set(5),
  ...BLOCK,
  ...get(2), ...I32_EQZ, ...BR_IF(0),
  ...get(5), ...get(0), ...f64load(), ...get(1), ...f64load(), ...F64_MUL, ...F64_ADD, ...set(5),
  ...END,
  ...get(5),
  ...END,
];

/** rowDots(x 0, A 1, m 2, d 3, out 4); local stride 5 (i32). */
const rowDotsBody = [
  ...vec([[1, I32]]),
  ...get(3), ...i32c(8), ...I32_MUL, ...set(5),
  ...BLOCK, ...LOOP,
  ...get(2), ...I32_EQZ, ...BR_IF(1),
  ...get(4), ...get(0), ...get(1), ...get(3), ...CALL(0), ...f64store(),
  ...get(1), ...get(5), ...I32_ADD, ...set(1),
  ...addTo(4, 8), ...addTo(2, -1),
  ...BR(0), ...END, ...END,
  ...END,
];

/** accumRows(A 0, r 1, m 2, d 3, g 4); locals rj 5 (v128), t 6, ga 7 (i32). */
const accumRowsBody = [
  ...vec([[1, V128], [2, I32]]),
  ...BLOCK, ...LOOP,
  ...get(2), ...I32_EQZ, ...BR_IF(1),
  ...get(1), ...f64load(), ...F64X2_SPLAT, ...set(5),
  ...get(3), ...set(6), ...get(4), ...set(7),
  ...BLOCK, ...LOOP,
  ...get(6), ...i32c(2), ...I32_LT_S, ...BR_IF(1),
  ...get(7), ...get(7), ...v128load(), ...get(5), ...get(0), ...v128load(), ...F64X2_MUL, ...F64X2_ADD, ...v128store(),
  ...addTo(7, 16), ...addTo(0, 16), ...addTo(6, -2),
  ...BR(0), ...END, ...END,
  ...BLOCK,
  ...get(6), ...I32_EQZ, ...BR_IF(0),
  ...get(7), ...get(7), ...f64load(), ...get(1), ...f64load(), ...get(0), ...f64load(), ...F64_MUL, ...F64_ADD, ...f64store(),
  ...addTo(0, 8),
  ...END,
  ...addTo(1, 8), ...addTo(2, -1),
  ...BR(0), ...END, ...END,
  ...END,
];

/**
 * gramPairs(T 0, len 1, pairs 2, stride 3, G 4, gRow 5): for one block of rows stored as
 * column pieces (column j at T + j·stride, len doubles, len even), adds to G (d×d, gRow = 8d
 * bytes a row) the dot products of columns (2a, 2a+1) with (2b, 2b+1) for a ≤ b < pairs: four
 * SIMD accumulators per pair of column pairs, so each load feeds two multiply-adds (the
 * one-dot kernel loads twice per multiply-add, which bounds it).
 * Locals: ia 6, ib 7, pa0 8, pa1 9, pb0 10, pb1 11, off 12, end 13, g 14, g2 15 (i32);
 * c00 16, c01 17, c10 18, c11 19, xa0 20, xa1 21, xb0 22, xb1 23 (v128).
 */
const I32_GE_S = [0x4e];
const hsum = (c: number) => [...get(c), ...F64X2_EXTRACT(0), ...get(c), ...F64X2_EXTRACT(1), ...F64_ADD];
const addInto = (ptr: number, offset: number, c: number) => [...get(ptr), ...get(ptr), ...f64load(offset), ...hsum(c), ...F64_ADD, ...f64store(offset)];
const mulAdd = (acc: number, a: number, b: number) => [...get(acc), ...get(a), ...get(b), ...F64X2_MUL, ...F64X2_ADD, ...set(acc)];
const loadAt = (ptr: number, into: number) => [...get(ptr), ...get(12), ...I32_ADD, ...v128load(), ...set(into)];
const gramPairsBody = [
  ...vec([[10, I32], [8, V128]]),
  ...get(1), ...i32c(8), ...I32_MUL, ...set(13),
  ...i32c(0), ...set(6),
  ...BLOCK, ...LOOP,
  ...get(6), ...get(2), ...I32_GE_S, ...BR_IF(1),
  ...get(0), ...get(6), ...get(3), ...I32_MUL, ...i32c(2), ...I32_MUL, ...I32_ADD, ...set(8),
  ...get(8), ...get(3), ...I32_ADD, ...set(9),
  ...get(6), ...set(7),
  ...BLOCK, ...LOOP,
  ...get(7), ...get(2), ...I32_GE_S, ...BR_IF(1),
  ...get(0), ...get(7), ...get(3), ...I32_MUL, ...i32c(2), ...I32_MUL, ...I32_ADD, ...set(10),
  ...get(10), ...get(3), ...I32_ADD, ...set(11),
  ...V128_ZERO, ...set(16), ...V128_ZERO, ...set(17), ...V128_ZERO, ...set(18), ...V128_ZERO, ...set(19),
  ...i32c(0), ...set(12),
  ...BLOCK, ...LOOP,
  ...get(12), ...get(13), ...I32_GE_S, ...BR_IF(1),
  ...loadAt(8, 20), ...loadAt(9, 21), ...loadAt(10, 22), ...loadAt(11, 23),
  ...mulAdd(16, 20, 22), ...mulAdd(17, 20, 23), ...mulAdd(18, 21, 22), ...mulAdd(19, 21, 23),
  ...addTo(12, 16),
  ...BR(0), ...END, ...END,
  // g = G + 2a·gRow + 16b, g2 = g + gRow.
  ...get(4), ...get(6), ...get(5), ...I32_MUL, ...i32c(2), ...I32_MUL, ...I32_ADD, ...get(7), ...i32c(16), ...I32_MUL, ...I32_ADD, ...set(14),
  ...get(14), ...get(5), ...I32_ADD, ...set(15),
  ...addInto(14, 0, 16), ...addInto(14, 8, 17), ...addInto(15, 0, 18), ...addInto(15, 8, 19),
  ...addTo(7, 1),
  ...BR(0), ...END, ...END,
  ...addTo(6, 1),
  ...BR(0), ...END, ...END,
  ...END,
];

/**
 * crossPairs(A 0, Bv 1, na2 2, nb2 3, len 4, sa 5, sb 6, out 7, oRow 8): out[i][c] = Aᵢ·B_c
 * (written) for the first 2·na2 vectors Aᵢ (at A + i·sa) and 2·nb2 vectors B_c (at Bv + c·sb),
 * len doubles each (even), by the same 2×2 tiles as gramPairs; out rows are oRow bytes.
 * Locals: ia 9, ib 10, pa0 11, pa1 12, pb0 13, pb1 14, off 15, end 16, g 17, g2 18 (i32);
 * c00 19, c01 20, c10 21, c11 22, xa0 23, xa1 24, xb0 25, xb1 26 (v128).
 */
const storeH = (ptr: number, offset: number, c: number) => [...get(ptr), ...hsum(c), ...f64store(offset)];
const loadAt2 = (ptr: number, into: number) => [...get(ptr), ...get(15), ...I32_ADD, ...v128load(), ...set(into)];
const crossPairsBody = [
  ...vec([[10, I32], [8, V128]]),
  ...get(4), ...i32c(8), ...I32_MUL, ...set(16),
  ...i32c(0), ...set(9),
  ...BLOCK, ...LOOP,
  ...get(9), ...get(2), ...I32_GE_S, ...BR_IF(1),
  ...get(0), ...get(9), ...get(5), ...I32_MUL, ...i32c(2), ...I32_MUL, ...I32_ADD, ...set(11),
  ...get(11), ...get(5), ...I32_ADD, ...set(12),
  ...i32c(0), ...set(10),
  ...BLOCK, ...LOOP,
  ...get(10), ...get(3), ...I32_GE_S, ...BR_IF(1),
  ...get(1), ...get(10), ...get(6), ...I32_MUL, ...i32c(2), ...I32_MUL, ...I32_ADD, ...set(13),
  ...get(13), ...get(6), ...I32_ADD, ...set(14),
  ...V128_ZERO, ...set(19), ...V128_ZERO, ...set(20), ...V128_ZERO, ...set(21), ...V128_ZERO, ...set(22),
  ...i32c(0), ...set(15),
  ...BLOCK, ...LOOP,
  ...get(15), ...get(16), ...I32_GE_S, ...BR_IF(1),
  ...loadAt2(11, 23), ...loadAt2(12, 24), ...loadAt2(13, 25), ...loadAt2(14, 26),
  ...mulAdd(19, 23, 25), ...mulAdd(20, 23, 26), ...mulAdd(21, 24, 25), ...mulAdd(22, 24, 26),
  ...addTo(15, 16),
  ...BR(0), ...END, ...END,
  // g = out + 2i·oRow + 16c, g2 = g + oRow.
  ...get(7), ...get(9), ...get(8), ...I32_MUL, ...i32c(2), ...I32_MUL, ...I32_ADD, ...get(10), ...i32c(16), ...I32_MUL, ...I32_ADD, ...set(17),
  ...get(17), ...get(8), ...I32_ADD, ...set(18),
  ...storeH(17, 0, 19), ...storeH(17, 8, 20), ...storeH(18, 0, 21), ...storeH(18, 8, 22),
  ...addTo(10, 1),
  ...BR(0), ...END, ...END,
  ...addTo(9, 1),
  ...BR(0), ...END, ...END,
  ...END,
];

const code = (body: number[]) => [...leb(body.length), ...body];

const BYTES = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(
    1,
    vec([
      [0x60, ...vec([[I32], [I32], [I32]]), ...vec([[F64]])],
      [0x60, ...vec([[I32], [I32], [I32], [I32], [I32]]), 0],
      [0x60, ...vec([[I32], [I32], [I32], [I32], [I32], [I32]]), 0],
      [0x60, ...vec([[I32], [I32], [I32], [I32], [I32], [I32], [I32], [I32], [I32]]), 0],
    ]),
  ),
  ...section(2, vec([[...str('env'), ...str('mem'), 0x02, 0x00, 0x01]])),
  ...section(3, vec([[0], [1], [1], [2], [3]])),
  ...section(
    7,
    vec([
      [...str('dot'), 0x00, 0],
      [...str('rowDots'), 0x00, 1],
      [...str('accumRows'), 0x00, 2],
      [...str('gramPairs'), 0x00, 3],
      [...str('crossPairs'), 0x00, 4],
    ]),
  ),
  ...section(10, vec([code(dotBody), code(rowDotsBody), code(accumRowsBody), code(gramPairsBody), code(crossPairsBody)])),
]);

const module = lazyModule(BYTES);

/** Below this many multiply-adds a fit keeps its JavaScript loops (instantiation costs ~0.1 ms). */
export const SIMD_MIN_WORK = 200_000;

/**
 * A fresh instance with room for `doubles` float64 values (its memory is never grown), or
 * null where WebAssembly SIMD is unavailable or the size exceeds 2 GiB.
 */
export function simdKernels(doubles: number): SimdKernels | null {
  const r = instantiate<Omit<SimdKernels, 'f64'>>(module(), doubles * 8);
  if (!r) return null;
  const e = r.exports;
  return { f64: new Float64Array(r.memory.buffer), dot: e.dot, rowDots: e.rowDots, accumRows: e.accumRows, gramPairs: e.gramPairs, crossPairs: e.crossPairs };
}

/**
 * Released instances, kept for reuse: a fresh WebAssembly memory costs its page faults again
 * (~1 ms for a few MB), which a fit of a few ms notices. At most 4 are kept, 512 MB in all.
 */
const pool: SimdKernels[] = [];

/**
 * An instance with room for `doubles` values, from the pool when one is free and big enough
 * (its memory holds stale data), else fresh; null without WebAssembly SIMD. Give it back with
 * {@link releaseSimd} once done, and do not touch it afterwards.
 */
export function acquireSimd(doubles: number): SimdKernels | null {
  let best = -1;
  for (let i = 0; i < pool.length; i++) {
    const cap = pool[i].f64.length;
    if (cap >= doubles && (best < 0 || cap < pool[best].f64.length)) best = i;
  }
  if (best >= 0) return pool.splice(best, 1)[0];
  return simdKernels(doubles);
}

/** Returns an instance from {@link acquireSimd} to the pool. */
export function releaseSimd(k: SimdKernels | null): void {
  if (!k || pool.includes(k)) return;
  pool.push(k);
  let bytes = pool.reduce((s, p) => s + p.f64.length * 8, 0);
  while (pool.length > 4 || bytes > 2 ** 29) {
    bytes -= pool[0].f64.length * 8;
    pool.shift();
  }
}
