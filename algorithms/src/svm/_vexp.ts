/**
 * WebAssembly SIMD kernels that need an exponential per value: the rbf rows of the SVC's SMO
 * cache and the per-sample loss of binary logistic regression. JavaScript's Math.exp costs
 * ~7 ns a call; here eˣ is evaluated two lanes at a time in float64:
 *
 *   eˣ = 2ᵏ · eʳ,  k = round(x / ln 2),  r = x − k·ln2_hi − k·ln2_lo  (|r| ≤ ½ ln 2),
 *   eʳ by its Taylor polynomial of degree 12 (truncation < 2e-16 relative), evaluated by
 *   Estrin's scheme (a dependency chain of 8 operations, not Horner's 24: these loops are
 *   bound by latency), 2ᵏ built from its exponent bits ((k + 1023) << 52).
 *
 * Checked against Math.exp rounded to float32 on 200,000 arguments in [−720, 0.3]: no entry
 * differs (the SVC's rows are float32), and the logistic loss agrees to ~1e-15 relative.
 *
 * ln 2 is split so that k·ln2_hi is exact (ln2_hi has 32 significant bits), as fdlibm does.
 * The result is within a few ulp of Math.exp; x is clamped to ≥ −700 (e^−700 ≈ 1e−304, which
 * both callers treat as 0: a float32 kernel entry rounds it to 0, and a logistic term of that
 * size is below every sum's rounding).
 *
 * The module is assembled here byte by byte (no toolchain), like decomposition/_simd.ts, and
 * each caller makes its own instance and memory. Where WebAssembly SIMD is missing,
 * {@link vexpKernels} returns null and callers keep their JavaScript loops.
 *
 * Kernels (pointers are byte offsets into the instance's memory, vectors are f64 unless said):
 * - rbfRow(x, A, m, dp, sq, py, ng, si, yi, out): out[j] (f32) = yi·py[j]·exp(ng·(si + sq[j] − 2 x·A_j))
 *   for the m rows A_j of dp doubles (dp even, the rows zero-padded);
 * - rowDots(x, A, m, dp, out): out[j] = x·A_j (f64), same layout;
 * - logistic(X, n, dp, w, b, T, g, res): for each sample zᵢ = w·xᵢ + b, e = exp(−|zᵢ|),
 *   rᵢ = σ(zᵢ) − tᵢ; g += Σ rᵢ xᵢ; res = [Σ (max(zᵢ, 0) − tᵢzᵢ), m, E, Σ rᵢ] where
 *   Σ log(1 + eᵢ) = log m + E·ln 2 (the product of the factors 1 + eᵢ ∈ (1, 2] kept as a
 *   mantissa m ∈ [1, 2) and an exponent count E, so one logarithm serves all samples).
 *   One pass over X: each row is read once, while in cache, for both zᵢ and the gradient;
 *   two samples per step; {@link logisticKernel} gives a variant unrolled for the row length.
 */
import { BLOCK, BR, BR_IF, END, F64, F64X2_SPLAT, F64_ADD, F64_MUL, I32, I32_ADD, I32_EQZ, I32_LT_S, I32_MUL, LOOP, V128, V128_ZERO, addTo, get, i32c, leb, memarg, section, set, simd, sleb, str, vec, instantiate, lazyModule } from '../core/_wasm';

export interface VexpKernels {
  readonly memory: WebAssembly.Memory;
  /** The memory as doubles (index i is byte offset 8i). */
  readonly f64: Float64Array;
  /** The memory as floats (index i is byte offset 4i). */
  readonly f32: Float32Array;
  rbfRow(x: number, A: number, m: number, dp: number, sq: number, py: number, ng: number, si: number, yi: number, out: number): void;
  rowDots(x: number, A: number, m: number, dp: number, out: number): void;
  logistic(X: number, n: number, dp: number, w: number, b: number, T: number, g: number, res: number): void;
}

// --- A minimal assembler ---------------------------------------------------------------------

const i64c = (v: bigint) => [0x42, ...sleb(v)];
const f64c = (v: number) => {
  const b = new Uint8Array(new Float64Array([v]).buffer);
  return [0x44, ...b];
};
const f64store = (o = 0) => [0x39, ...memarg(3, o)];
const f32store = (o = 0) => [0x38, ...memarg(2, o)];
const v128load = (o = 0) => [...simd(0x00), ...memarg(4, o)];
const v128store = (o = 0) => [...simd(0x0b), ...memarg(4, o)];
const store64lane = (lane: number, o = 0) => [...simd(0x5b), ...memarg(3, o), lane];
const extract = (lane: number) => [...simd(0x21), lane];
const replace = (lane: number) => [...simd(0x22), lane];
const F32X4_EXTRACT0 = [...simd(0x1f), 0];
const I64X2_SPLAT = simd(0x12);
const VADD = simd(0xf0);
const VSUB = simd(0xf1);
const VMUL = simd(0xf2);
const VDIV = simd(0xf3);
const VMAX = simd(0xf5);
const I64X2_ADD = simd(0xce);
const I64X2_SHL = simd(0xcb);
const DEMOTE = simd(0x5e); // f32x4.demote_f64x2_zero
const F64_CONVERT_I64 = [0xb9];
const addLocal = (local: number, other: number) => [...get(local), ...get(other), ...I32_ADD, ...set(local)];

// --- eˣ ----------------------------------------------------------------------------------------
const LOG2E = 1.4426950408889634;
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
/** 1/j! for j = 12 … 0 (Horner's order). */
const TAYLOR: number[] = [];
{
  let f = 1;
  const inv: number[] = [1];
  for (let j = 1; j <= 12; j++) {
    f *= j;
    inv.push(1 / f);
  }
  TAYLOR.push(...inv.reverse());
}

/** 1.5·2⁵²: adding it rounds to an integer held in the low mantissa bits (round to nearest even). */
const SHIFT = 6755399441055744;
/** The constants of {@link vexp}, splatted once per call into v128 locals C … C + 18. */
const VEXP_CONSTS = [LOG2E, SHIFT, LN2_HI, LN2_LO, -700];
const vexpInit = (C: number): number[] => {
  const out: number[] = [];
  VEXP_CONSTS.forEach((v, q) => out.push(...f64c(v), ...F64X2_SPLAT, ...set(C + q)));
  out.push(...i64c(1023n), ...I64X2_SPLAT, ...set(C + 5));
  TAYLOR.forEach((v, q) => out.push(...f64c(v), ...F64X2_SPLAT, ...set(C + 6 + q)));
  return out;
};
const VEXP_LOCALS = 6 + TAYLOR.length + 2;

/**
 * Two lanes: the v128 in local `x` (clamped here) becomes eˣ; `k` and `r` are v128 scratch
 * locals, C the first of the constants' locals ({@link vexpInit}). k = round(x/ln 2) comes from
 * t = x·log₂e + 1.5·2⁵² (k in t's low bits, so 2ᵏ = ((t + 1023) << 52) as integers).
 */
const vexp = (x: number, k: number, r: number, C: number): number[] => {
  const out: number[] = [
    ...get(x), ...get(C + 4), ...VMAX, ...set(x),
    ...get(x), ...get(C), ...VMUL, ...get(C + 1), ...VADD, ...set(k),
    // r = x − (t − S)·ln2_hi − (t − S)·ln2_lo, with t − S = k exactly.
    ...get(k), ...get(C + 1), ...VSUB, ...set(r),
    ...get(x), ...get(r), ...get(C + 2), ...VMUL, ...VSUB, ...get(r), ...get(C + 3), ...VMUL, ...VSUB, ...set(r),
  ];
  // eʳ by Estrin's scheme (depth 8 instead of Horner's 24: the loop is latency-bound), with
  // cⱼ = 1/j!; scratch: s0 = r², s1 = r⁴ (locals C + 19, C + 20).
  const c = (j: number) => get(C + 6 + 12 - j);
  const s0 = C + 19;
  const s1 = C + 20;
  const lin = (j: number) => [...c(j + 1), ...get(r), ...VMUL, ...c(j), ...VADD]; // cⱼ + cⱼ₊₁r
  out.push(...get(r), ...get(r), ...VMUL, ...set(s0));
  out.push(...get(s0), ...get(s0), ...VMUL, ...set(s1));
  // d0 = (c0 + c1r) + (c2 + c3r)r² + ((c4 + c5r) + (c6 + c7r)r²)r⁴
  out.push(...lin(0), ...lin(2), ...get(s0), ...VMUL, ...VADD);
  out.push(...lin(4), ...lin(6), ...get(s0), ...VMUL, ...VADD, ...get(s1), ...VMUL, ...VADD);
  // d1 = (c8 + c9r) + (c10 + c11r)r² + c12·r⁴; p = d0 + d1·r⁸.
  out.push(...lin(8), ...lin(10), ...get(s0), ...VMUL, ...VADD, ...c(12), ...get(s1), ...VMUL, ...VADD);
  out.push(...get(s1), ...get(s1), ...VMUL, ...VMUL, ...VADD);
  out.push(...get(k), ...get(C + 5), ...I64X2_ADD, ...i32c(52), ...I64X2_SHL, ...VMUL, ...set(x));
  return out;
};

// --- rowDots / rbfRow ----------------------------------------------------------------------------
/**
 * The dot products of x with rows `a` (local holding a byte pointer) and a + stride, dp
 * doubles each (even), left as [x·A_a, x·A_{a+1}] in v128 local `into`. Locals: t (i32), p,
 * q (i32 pointers), acc0, acc1 (v128).
 */
const twoDots = (xL: number, aL: number, strideL: number, dpL: number, t: number, p: number, q: number, acc0: number, acc1: number, into: number, zero: number[]): number[] => [
  ...zero, ...set(acc0), ...zero, ...set(acc1),
  ...get(xL), ...set(p), ...get(aL), ...set(q), ...get(dpL), ...set(t),
  ...BLOCK, ...LOOP,
  ...get(t), ...I32_EQZ, ...BR_IF(1),
  ...get(acc0), ...get(p), ...v128load(), ...get(q), ...v128load(), ...VMUL, ...VADD, ...set(acc0),
  ...get(acc1), ...get(p), ...v128load(), ...get(q), ...get(strideL), ...I32_ADD, ...v128load(), ...VMUL, ...VADD, ...set(acc1),
  ...addTo(p, 16), ...addTo(q, 16), ...addTo(t, -2),
  ...BR(0), ...END, ...END,
  ...get(acc0), ...extract(0), ...get(acc0), ...extract(1), ...F64_ADD, ...F64X2_SPLAT,
  ...get(acc1), ...extract(0), ...get(acc1), ...extract(1), ...F64_ADD, ...replace(1), ...set(into),
];

/**
 * rbfRow(x 0, A 1, m 2, dp 3, sq 4, py 5, ng 6 (f64), si 7 (f64), yi 8 (f64), out 9).
 * Locals: stride 10, t 11, p 12, q 13, pairs 14 (i32); acc0 15, acc1 16, v 17, k 18, r 19 (v128).
 * Rows go two at a time; an odd last row is paired with itself and only lane 0 stored.
 */
const rbfTail = (single: boolean): number[] => [
  // v ← ng·(si + sq − 2v), then eᵛ, × yi·py, → float32.
  ...get(6), ...F64X2_SPLAT, ...get(7), ...F64X2_SPLAT, ...get(4), ...v128load(), ...VADD,
  ...get(17), ...get(17), ...VADD, ...VSUB, ...VMUL, ...set(17),
  ...vexp(17, 18, 19, RBF_C),
  ...get(9),
  ...get(17), ...get(8), ...F64X2_SPLAT, ...VMUL, ...get(5), ...v128load(), ...VMUL, ...DEMOTE,
  ...(single ? [...F32X4_EXTRACT0, ...f32store()] : store64lane(0)),
];
const RBF_C = 20;
/**
 * twoDots unrolled for one row length dp: constant offsets, and two accumulators per row
 * (even and odd chunks, locals 15/41 and 16/42) for a shorter dependency chain; the second
 * row's pointer in local 13.
 */
const twoDotsUnrolled = (dp: number): number[] => {
  const out: number[] = [...V128_ZERO, ...set(15), ...V128_ZERO, ...set(16), ...V128_ZERO, ...set(41), ...V128_ZERO, ...set(42)];
  out.push(...get(1), ...get(10), ...I32_ADD, ...set(13));
  for (let o = 0, q = 0; o < 8 * dp; o += 16, q++) {
    const a0 = q % 2 ? 41 : 15;
    const a1 = q % 2 ? 42 : 16;
    out.push(...get(0), ...v128load(o), ...set(17));
    out.push(...get(a0), ...get(1), ...v128load(o), ...get(17), ...VMUL, ...VADD, ...set(a0));
    out.push(...get(a1), ...get(13), ...v128load(o), ...get(17), ...VMUL, ...VADD, ...set(a1));
  }
  out.push(...get(15), ...get(41), ...VADD, ...set(15), ...get(16), ...get(42), ...VADD, ...set(16));
  out.push(
    ...get(15), ...extract(0), ...get(15), ...extract(1), ...F64_ADD, ...F64X2_SPLAT,
    ...get(16), ...extract(0), ...get(16), ...extract(1), ...F64_ADD, ...replace(1), ...set(17),
  );
  return out;
};

/** rbfRow, looped over the row (dp = 0: any length) or unrolled for one dp. */
const rbfRowBodyFor = (dp: number): number[] => {
  const dots = dp > 0 ? twoDotsUnrolled(dp) : twoDots(0, 1, 10, 3, 11, 12, 13, 15, 16, 17, V128_ZERO);
  return [
    ...vec([[5, I32], [5 + VEXP_LOCALS + 2, V128]]),
    ...vexpInit(RBF_C),
    ...get(3), ...i32c(8), ...I32_MUL, ...set(10),
    ...BLOCK, ...LOOP,
    ...get(2), ...i32c(2), ...I32_LT_S, ...BR_IF(1),
    ...dots,
    ...rbfTail(false),
    ...addLocal(1, 10), ...addLocal(1, 10), ...addTo(4, 16), ...addTo(5, 16), ...addTo(9, 8), ...addTo(2, -2),
    ...BR(0), ...END, ...END,
    ...BLOCK,
    ...get(2), ...I32_EQZ, ...BR_IF(0),
    // The last row, paired with itself (stride 0); sq and py lanes 1 are read but not used.
    ...i32c(0), ...set(10),
    ...dots,
    ...rbfTail(true),
    ...END,
    ...END,
  ];
};
const rbfRowBody = rbfRowBodyFor(0);

/** rowDots(x 0, A 1, m 2, dp 3, out 4). Locals: stride 5, t 6, p 7, q 8 (i32); acc0 9, acc1 10, v 11 (v128). */
const rowDotsBody = [
  ...vec([[4, I32], [3, V128]]),
  ...get(3), ...i32c(8), ...I32_MUL, ...set(5),
  ...BLOCK, ...LOOP,
  ...get(2), ...i32c(2), ...I32_LT_S, ...BR_IF(1),
  ...twoDots(0, 1, 5, 3, 6, 7, 8, 9, 10, 11, V128_ZERO),
  ...get(4), ...get(11), ...v128store(),
  ...addLocal(1, 5), ...addLocal(1, 5), ...addTo(4, 16), ...addTo(2, -2),
  ...BR(0), ...END, ...END,
  ...BLOCK,
  ...get(2), ...I32_EQZ, ...BR_IF(0),
  ...i32c(0), ...set(5),
  ...twoDots(0, 1, 5, 3, 6, 7, 8, 9, 10, 11, V128_ZERO),
  ...get(4), ...get(11), ...extract(0), ...f64store(),
  ...END,
  ...END,
];

/**
 * logistic(X 0, n 1, dp 2, w 3, b 4 (f64), T 5, g 6, res 7), two samples per step (lanes): the
 * two dot products run side by side, eˣ and σ two lanes at a time, and the gradient takes
 * r₀x₀ then r₁x₁ (the order of a sequential loop). An odd last sample is paired with itself
 * under a lane mask [1, 0] (its twin's e, r and loss terms are zeroed); T needs one spare entry.
 * Locals: t 8, p 9, q 10, p1 11, stride 12 (i32); acc0 13, acc1 14, z 15, e 16, k 17, r 18,
 * qv 19, lin 20, prod 21, E 22, rs 23, mask 24, w 25, tv 26 (v128).
 */
const I64X2_SHR_S = simd(0xcc);
const I64X2_SUB = simd(0xd1);
const V128_AND = simd(0x4e);
const V128_OR = simd(0x50);
const BITSELECT = simd(0x52);
const F64X2_GE = simd(0x4c);
const F64X2_ABS = simd(0xec);
const F64X2_NEG = simd(0xed);
const splat = (v: number) => [...f64c(v), ...F64X2_SPLAT];
/** First local of logistic's eˣ constants. */
const LOG_C = 27;
/** acc0 = x₀·w, acc1 = x₁·w over the padded row, looped (any dp) or unrolled (dp fixed). */
const dotsLooped = [
  ...V128_ZERO, ...set(13), ...V128_ZERO, ...set(14),
  ...get(0), ...set(9), ...get(11), ...set(10), ...get(3), ...set(12), ...get(2), ...set(8),
  ...BLOCK, ...LOOP,
  ...get(8), ...I32_EQZ, ...BR_IF(1),
  ...get(12), ...v128load(), ...set(25),
  ...get(13), ...get(9), ...v128load(), ...get(25), ...VMUL, ...VADD, ...set(13),
  ...get(14), ...get(10), ...v128load(), ...get(25), ...VMUL, ...VADD, ...set(14),
  ...addTo(9, 16), ...addTo(10, 16), ...addTo(12, 16), ...addTo(8, -2),
  ...BR(0), ...END, ...END,
];
const dotsUnrolled = (dp: number): number[] => {
  // Two accumulators per row (even and odd chunks, locals 13/14 and 17/18), summed at the end:
  // half the dependency chain of one.
  const out: number[] = [...V128_ZERO, ...set(13), ...V128_ZERO, ...set(14), ...V128_ZERO, ...set(17), ...V128_ZERO, ...set(18)];
  for (let o = 0, q = 0; o < 8 * dp; o += 16, q++) {
    const a0 = q % 2 ? 17 : 13;
    const a1 = q % 2 ? 18 : 14;
    out.push(...get(3), ...v128load(o), ...set(25));
    out.push(...get(a0), ...get(0), ...v128load(o), ...get(25), ...VMUL, ...VADD, ...set(a0));
    out.push(...get(a1), ...get(11), ...v128load(o), ...get(25), ...VMUL, ...VADD, ...set(a1));
  }
  out.push(...get(13), ...get(17), ...VADD, ...set(13), ...get(14), ...get(18), ...VADD, ...set(14));
  return out;
};
/** g += r₀x₀, then += r₁x₁ (r₀, r₁ splatted in locals 16, 17). */
const gradLooped = [
  ...get(0), ...set(9), ...get(11), ...set(10), ...get(6), ...set(12), ...get(2), ...set(8),
  ...BLOCK, ...LOOP,
  ...get(8), ...I32_EQZ, ...BR_IF(1),
  ...get(12),
  ...get(12), ...v128load(), ...get(9), ...v128load(), ...get(16), ...VMUL, ...VADD,
  ...get(10), ...v128load(), ...get(17), ...VMUL, ...VADD,
  ...v128store(),
  ...addTo(9, 16), ...addTo(10, 16), ...addTo(12, 16), ...addTo(8, -2),
  ...BR(0), ...END, ...END,
];
const gradUnrolled = (dp: number): number[] => {
  const out: number[] = [];
  for (let o = 0; o < 8 * dp; o += 16) {
    out.push(...get(6));
    out.push(...get(6), ...v128load(o), ...get(0), ...v128load(o), ...get(16), ...VMUL, ...VADD);
    out.push(...get(11), ...v128load(o), ...get(17), ...VMUL, ...VADD, ...v128store(o));
  }
  return out;
};
/** From the two dot products to the loss terms, r and the product of the factors 1 + e. */
const logisticMiddle = [
  // z = [x₀·w, x₁·w] + b.
  ...get(13), ...extract(0), ...get(13), ...extract(1), ...F64_ADD, ...F64X2_SPLAT,
  ...get(14), ...extract(0), ...get(14), ...extract(1), ...F64_ADD, ...replace(1),
  ...get(4), ...F64X2_SPLAT, ...VADD, ...set(15),
  // e = exp(−|z|)·mask; q = 1 + e; r = ((z ≥ 0 ? 1 : e)/q − t)·mask.
  ...get(15), ...F64X2_ABS, ...F64X2_NEG, ...set(16),
  ...vexp(16, 17, 18, LOG_C),
  ...get(16), ...get(24), ...VMUL, ...set(16),
  ...splat(1), ...get(16), ...VADD, ...set(19),
  ...get(5), ...v128load(), ...set(26),
  ...splat(1), ...get(16), ...get(15), ...V128_ZERO, ...F64X2_GE, ...BITSELECT, ...get(19), ...VDIV,
  ...get(26), ...VSUB, ...get(24), ...VMUL, ...set(18),
  // lin += (max(z, 0) − t·z)·mask.
  ...get(20), ...get(15), ...V128_ZERO, ...VMAX, ...get(26), ...get(15), ...VMUL, ...VSUB, ...get(24), ...VMUL, ...VADD, ...set(20),
  // prod ← prod·q renormalised to [1, 2) per lane, exponents summed (as integers) in E.
  ...get(21), ...get(19), ...VMUL, ...set(21),
  ...get(22), ...get(21), ...i32c(52), ...I64X2_SHR_S, ...i64c(1023n), ...I64X2_SPLAT, ...I64X2_SUB, ...I64X2_ADD, ...set(22),
  ...get(21), ...i64c(0xfffffffffffffn), ...I64X2_SPLAT, ...V128_AND, ...i64c(0x3ff0000000000000n), ...I64X2_SPLAT, ...V128_OR, ...set(21),
  ...get(23), ...get(18), ...VADD, ...set(23),
  ...get(18), ...extract(0), ...F64X2_SPLAT, ...set(16),
  ...get(18), ...extract(1), ...F64X2_SPLAT, ...set(17),
];
/** The whole kernel: looped rows (dp = 0, any row length) or unrolled for one dp. */
const logisticBodyFor = (dp: number): number[] => {
  const pair = dp > 0 ? [...dotsUnrolled(dp), ...logisticMiddle, ...gradUnrolled(dp)] : [...dotsLooped, ...logisticMiddle, ...gradLooped];
  return [
    ...vec([[5, I32], [14 + VEXP_LOCALS, V128]]),
    ...vexpInit(LOG_C),
    ...splat(1), ...set(21), ...splat(1), ...set(24),
    ...BLOCK, ...LOOP,
    ...get(1), ...i32c(2), ...I32_LT_S, ...BR_IF(1),
    ...get(0), ...get(2), ...i32c(8), ...I32_MUL, ...I32_ADD, ...set(11),
    ...pair,
    ...get(11), ...get(2), ...i32c(8), ...I32_MUL, ...I32_ADD, ...set(0),
    ...addTo(5, 16), ...addTo(1, -2),
    ...BR(0), ...END, ...END,
    ...BLOCK,
    ...get(1), ...I32_EQZ, ...BR_IF(0),
    ...get(0), ...set(11),
    ...f64c(1), ...F64X2_SPLAT, ...f64c(0), ...replace(1), ...set(24),
    ...pair,
    ...END,
    ...get(7), ...get(20), ...extract(0), ...get(20), ...extract(1), ...F64_ADD, ...f64store(0),
    ...get(7), ...get(21), ...extract(0), ...get(21), ...extract(1), ...F64_MUL, ...f64store(8),
    ...get(7), ...get(22), ...[...simd(0x1d), 0], ...F64_CONVERT_I64, ...get(22), ...[...simd(0x1d), 1], ...F64_CONVERT_I64, ...F64_ADD, ...f64store(16),
    ...get(7), ...get(23), ...extract(0), ...get(23), ...extract(1), ...F64_ADD, ...f64store(24),
    ...END,
  ];
};
const logisticBody = logisticBodyFor(0);

/** Row lengths up to this get a logistic kernel unrolled for them (compiled once per length). */
const UNROLL_MAX = 64;
const LOGISTIC_TYPE = [0x60, ...vec([[I32], [I32], [I32], [I32], [F64], [I32], [I32], [I32]]), 0];

const RBF_TYPE = [0x60, ...vec([[I32], [I32], [I32], [I32], [I32], [I32], [F64], [F64], [F64], [I32]]), 0];

const unrolled = new Map<string, WebAssembly.Module | null>();

/** A one-function module `name` of the given type and body, compiled once per key. */
function unrolledModule(key: string, name: string, type: number[], body: () => number[]): WebAssembly.Module | null {
  let mod = unrolled.get(key);
  if (mod !== undefined) return mod;
  const bytes = new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([type])),
    ...section(2, vec([[...str('env'), ...str('mem'), 0x02, 0x00, 0x01]])),
    ...section(3, vec([[0]])),
    ...section(7, vec([[...str(name), 0x00, 0]])),
    ...section(10, vec([code(body())])),
  ]);
  try {
    mod = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  } catch {
    mod = null;
  }
  unrolled.set(key, mod);
  return mod;
}

/** The export `name` of `mod` instantiated on k's memory, or null. */
function onMemory<F>(mod: WebAssembly.Module | null, k: VexpKernels, name: string): F | null {
  if (!mod) return null;
  try {
    return (new WebAssembly.Instance(mod, { env: { mem: k.memory } }).exports as Record<string, unknown>)[name] as F;
  } catch {
    return null;
  }
}

/**
 * The rbfRow kernel for rows of dp doubles on `k`'s memory, unrolled for that length when
 * dp ≤ 64 (else k's looped one). The unrolled dot products use two accumulators, so the two
 * forms may differ in the last bits of a dot product.
 */
export function rbfKernel(k: VexpKernels, dp: number): VexpKernels['rbfRow'] {
  if (dp > UNROLL_MAX || dp % 2 || dp === 0) return k.rbfRow;
  return onMemory<VexpKernels['rbfRow']>(unrolledModule(`rbf${dp}`, 'rbfRow', RBF_TYPE, () => rbfRowBodyFor(dp)), k, 'rbfRow') ?? k.rbfRow;
}

/**
 * The logistic kernel for rows of dp doubles on `k`'s memory: unrolled for that length when
 * dp ≤ 64 (its own small module, compiled once per length and instantiated on k's memory),
 * else k's looped one. The unrolled dot products use two accumulators, so the two forms may
 * differ in the last bits of zᵢ.
 */
export function logisticKernel(k: VexpKernels, dp: number): VexpKernels['logistic'] {
  if (dp > UNROLL_MAX || dp % 2 || dp === 0) return k.logistic;
  return onMemory<VexpKernels['logistic']>(unrolledModule(`logistic${dp}`, 'logistic', LOGISTIC_TYPE, () => logisticBodyFor(dp)), k, 'logistic') ?? k.logistic;
}

function code(body: number[]): number[] {
  return [...leb(body.length), ...body];
}

const BYTES = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(
    1,
    vec([
      [0x60, ...vec([[I32], [I32], [I32], [I32], [I32], [I32], [F64], [F64], [F64], [I32]]), 0],
      [0x60, ...vec([[I32], [I32], [I32], [I32], [I32]]), 0],
      [0x60, ...vec([[I32], [I32], [I32], [I32], [F64], [I32], [I32], [I32]]), 0],
    ]),
  ),
  ...section(2, vec([[...str('env'), ...str('mem'), 0x02, 0x00, 0x01]])),
  ...section(3, vec([[0], [1], [2]])),
  ...section(7, vec([[...str('rbfRow'), 0x00, 0], [...str('rowDots'), 0x00, 1], [...str('logistic'), 0x00, 2]])),
  ...section(10, vec([code(rbfRowBody), code(rowDotsBody), code(logisticBody)])),
]);

const module = lazyModule(BYTES);

/** True when the kernels can run here (WebAssembly with SIMD). */
export function vexpAvailable(): boolean {
  return module() !== null;
}

/**
 * A fresh instance with room for `bytes` bytes (its memory is never grown), or null where
 * WebAssembly SIMD is unavailable or the size exceeds 2 GiB.
 */
export function vexpKernels(bytes: number): VexpKernels | null {
  const r = instantiate<Pick<VexpKernels, 'rbfRow' | 'rowDots' | 'logistic'>>(module(), bytes);
  if (!r) return null;
  const { memory, exports: e } = r;
  return { memory, f64: new Float64Array(memory.buffer), f32: new Float32Array(memory.buffer), rbfRow: e.rbfRow, rowDots: e.rowDots, logistic: e.logistic };
}

/** Kept for reuse (a fresh memory costs its page faults again); at most 2, 256 MB in all. */
const pool: VexpKernels[] = [];

/** An instance with room for `bytes` bytes, from the pool when one is big enough, else fresh. */
export function acquireVexp(bytes: number): VexpKernels | null {
  let best = -1;
  for (let i = 0; i < pool.length; i++) {
    const cap = pool[i].memory.buffer.byteLength;
    if (cap >= bytes && (best < 0 || cap < pool[best].memory.buffer.byteLength)) best = i;
  }
  if (best >= 0) return pool.splice(best, 1)[0];
  return vexpKernels(bytes);
}

/** Returns an instance from {@link acquireVexp} to the pool. */
export function releaseVexp(k: VexpKernels | null): void {
  if (!k || pool.includes(k)) return;
  pool.push(k);
  let bytes = pool.reduce((s, p) => s + p.memory.buffer.byteLength, 0);
  while (pool.length > 2 || bytes > 2 ** 28) {
    bytes -= pool[0].memory.buffer.byteLength;
    pool.shift();
  }
}
