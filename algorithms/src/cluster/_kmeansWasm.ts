/**
 * A WebAssembly SIMD kernel for k-means++ seeding on two features, the pass that dominates
 * the seeding of a large fit: the potential Σᵢ min(D(xᵢ)², ‖xᵢ − c‖²) of three candidate
 * centres c at once (greedy k-means++ draws 2 + ⌊ln k⌋ = 3 candidates for k < 20).
 *
 * Two samples per step: the interleaved rows (x₀, y₀), (x₁, y₁) are shuffled into lanes
 * (x₀, x₁) and (y₀, y₁), so every instruction serves two samples. Each candidate's sum is
 * kept per lane (even and odd samples) and the two halves are added at the end: the same
 * terms as a sequential sum, added in another order (the potentials agree to ~1e-16
 * relative, and only their comparison is used).
 *
 * Assembled byte by byte like svm/_vexp.ts; {@link kmeansKernels} returns null where
 * WebAssembly SIMD is missing and the caller keeps its JavaScript loop.
 *
 * pots3(X, pairs, closest, cand, out): X = 2·pairs samples (x, y interleaved, f64), closest
 * their D² (f64), cand = [a₀, a₁, b₀, b₁, e₀, e₁], out = the three potentials (f64).
 */
import { BLOCK, BR, BR_IF, END, F64X2_SPLAT, F64_ADD, F64_MUL, I32, I32_ADD, I32_EQZ, LOOP, V128, V128_ZERO, addTo, get, i32c, leb, memarg, section, set, simd, str, vec, instantiate, lazyModule } from '../core/_wasm';

export interface KMeansKernels {
  readonly f64: Float64Array;
  pots3(X: number, pairs: number, closest: number, cand: number, out: number): void;
  /**
   * Hamerly's test of the two-feature assignment (see _kmeans.ts, assign2): writes to todo
   * (i32) the samples i, in order, with upper[i] + upOff[a] ≥ max(lower[i] − off[a], half[a])·
   * shrink − slack, a = labels[i] (i32; lower, upper f32; off, half, upOff f64 per centre);
   * returns their count. Branch-free: the index is always written, the count advances on a pass.
   */
  filter(labels: number, lower: number, upper: number, off: number, half: number, upOff: number, todo: number, n: number, shrink: number, slack: number): number;
}


const v128load = (o = 0) => [...simd(0x00), ...memarg(4, o)];
const f64load = (o = 0) => [0x2b, ...memarg(3, o)];
const f64store = (o = 0) => [0x39, ...memarg(3, o)];
const extract = (lane: number) => [...simd(0x21), lane];
const VADD = simd(0xf0);
const VSUB = simd(0xf1);
const VMUL = simd(0xf2);
const VPMIN = simd(0xf6); // pmin(a, b) = b < a ? b : a
/** i8x16.shuffle picking doubles: lane 0 of a and b (lo), or lane 1 of each (hi). */
const SHUF_LO = [...simd(0x0d), 0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23];
const SHUF_HI = [...simd(0x0d), 8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31];

/**
 * pots3(X 0, pairs 1, closest 2, cand 3, out 4).
 * Locals (v128): a0 5, a1 6, b0 7, b1 8, e0 9, e1 10, acc 11–13, xs 14, ys 15, c 16, u 17, v 18, r0 19.
 */
const term = (c0: number, c1: number, acc: number): number[] => [
  ...get(14), ...get(c0), ...VSUB, ...set(17),
  ...get(15), ...get(c1), ...VSUB, ...set(18),
  ...get(acc), ...get(16), ...get(17), ...get(17), ...VMUL, ...get(18), ...get(18), ...VMUL, ...VADD, ...VPMIN, ...VADD, ...set(acc),
];
const pots3Body = [
  ...vec([[15, V128]]),
  ...[0, 8, 16, 24, 32, 40].flatMap((o, q) => [...get(3), ...f64load(o), ...F64X2_SPLAT, ...set(5 + q)]),
  ...V128_ZERO, ...set(11), ...V128_ZERO, ...set(12), ...V128_ZERO, ...set(13),
  ...BLOCK, ...LOOP,
  ...get(1), ...I32_EQZ, ...BR_IF(1),
  ...get(0), ...v128load(0), ...set(19),
  ...get(19), ...get(0), ...v128load(16), ...SHUF_LO, ...set(14),
  ...get(19), ...get(0), ...v128load(16), ...SHUF_HI, ...set(15),
  ...get(2), ...v128load(0), ...set(16),
  ...term(5, 6, 11),
  ...term(7, 8, 12),
  ...term(9, 10, 13),
  ...addTo(0, 32), ...addTo(2, 16), ...addTo(1, -1),
  ...BR(0), ...END, ...END,
  ...[11, 12, 13].flatMap((acc, q) => [...get(4), ...get(acc), ...extract(0), ...get(acc), ...extract(1), ...F64_ADD, ...f64store(8 * q)]),
  ...END,
];

/**
 * filter(labels 0, lower 1, upper 2, off 3, half 4, upOff 5, todo 6, n 7, shrink 8, slack 9).
 * Locals: q 10 (4i), nt 11, a8 12 (i32); l 13 (f64).
 */
const F32_LOAD = (o = 0) => [0x2a, ...memarg(2, o)];
const I32_LOAD = (o = 0) => [0x28, ...memarg(2, o)];
const I32_STORE = (o = 0) => [0x36, ...memarg(2, o)];
const PROMOTE = [0xbb];
const F64_SUB = [0xa1];
const F64_MAX = [0xa5];
const F64_GE = [0x66];
const I32_SHL = [0x74];
const I32_LT_U = [0x49];
const at = (base: number, idx: number) => [...get(base), ...get(idx), ...I32_ADD];
const filterBody = [
  ...vec([[3, I32], [1, 0x7c]]),
  ...BLOCK, ...LOOP,
  ...get(10), ...get(7), ...i32c(2), ...I32_SHL, ...I32_LT_U, ...I32_EQZ, ...BR_IF(1),
  ...at(0, 10), ...I32_LOAD(), ...i32c(3), ...I32_SHL, ...set(12),
  ...at(1, 10), ...F32_LOAD(), ...PROMOTE, ...at(3, 12), ...f64load(), ...F64_SUB, ...set(13),
  // todo[nt] = i (the byte offset q over 4).
  ...get(6), ...get(11), ...i32c(2), ...I32_SHL, ...I32_ADD, ...get(10), ...i32c(2), 0x76, ...I32_STORE(),
  ...at(2, 10), ...F32_LOAD(), ...PROMOTE, ...at(5, 12), ...f64load(), ...F64_ADD,
  ...get(13), ...at(4, 12), ...f64load(), ...F64_MAX, ...get(8), ...F64_MUL, ...get(9), ...F64_SUB,
  ...F64_GE, ...get(11), ...I32_ADD, ...set(11),
  ...addTo(10, 4),
  ...BR(0), ...END, ...END,
  ...get(11),
  ...END,
];

const BYTES = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, vec([[0x60, ...vec([[I32], [I32], [I32], [I32], [I32]]), 0], [0x60, ...vec([[I32], [I32], [I32], [I32], [I32], [I32], [I32], [I32], [0x7c], [0x7c]]), ...vec([[I32]])]])),
  ...section(2, vec([[...str('env'), ...str('mem'), 0x02, 0x00, 0x01]])),
  ...section(3, vec([[0], [1]])),
  ...section(7, vec([[...str('pots3'), 0x00, 0], [...str('filter'), 0x00, 1]])),
  ...section(10, vec([[...leb(pots3Body.length), ...pots3Body], [...leb(filterBody.length), ...filterBody]])),
]);

const module = lazyModule(BYTES);

/** A fresh instance with its own memory of `bytes` bytes, or null without WebAssembly SIMD. */
export function kmeansInstance(bytes: number): KMeansKernels | null {
  const r = instantiate<Pick<KMeansKernels, 'pots3' | 'filter'>>(module(), bytes);
  return r && { f64: new Float64Array(r.memory.buffer), pots3: r.exports.pots3, filter: r.exports.filter };
}

/** One instance, grown (replaced) when a larger one is asked for: the seeding runs one at a time. */
let shared: KMeansKernels | null = null;

/**
 * An instance with room for `doubles` float64 values (contents stale), or null without
 * WebAssembly SIMD. It is shared: valid until the next call, so use it within one seeding.
 */
export function kmeansKernels(doubles: number): KMeansKernels | null {
  if (shared && shared.f64.length >= doubles) return shared;
  const k = kmeansInstance(8 * doubles);
  if (k) shared = k;
  return k;
}
