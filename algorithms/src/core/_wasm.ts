/**
 * A minimal WebAssembly assembler shared by the SIMD kernels (decomposition/_simd.ts,
 * svm/_vexp.ts, cluster/_kmeansWasm.ts): LEB128 integers, vectors, sections, and the opcodes
 * every kernel uses. Each kernel writes its own function bodies with these and keeps the
 * opcodes only it needs. Spec: https://webassembly.github.io/spec/core/binary/.
 */

/** Unsigned LEB128. */
export const leb = (v: number): number[] => {
  const out: number[] = [];
  do {
    let b = v & 0x7f;
    v >>>= 7;
    if (v) b |= 0x80;
    out.push(b);
  } while (v);
  return out;
};

/** Signed LEB128 (numbers up to 2⁵³, or bigints for i64 constants). */
export const sleb = (value: number | bigint): number[] => {
  let v = BigInt(value);
  const out: number[] = [];
  for (;;) {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    if ((v === 0n && !(b & 0x40)) || (v === -1n && b & 0x40)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
};

/** A vector: its length, then its items. */
export const vec = (items: number[][]): number[] => [...leb(items.length), ...items.flat()];
/** A section: id, byte size, body. */
export const section = (id: number, body: number[]): number[] => [id, ...leb(body.length), ...body];
/** A name (ASCII). */
export const str = (s: string): number[] => [...leb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];

// Value types.
export const I32 = 0x7f;
export const F64 = 0x7c;
export const V128 = 0x7b;

// Locals, constants, SIMD prefix, memory argument (log₂ alignment, offset).
export const get = (i: number) => [0x20, i];
export const set = (i: number) => [0x21, i];
export const i32c = (v: number) => [0x41, ...sleb(v)];
export const simd = (op: number) => [0xfd, ...leb(op)];
export const memarg = (align: number, offset: number) => [align, ...leb(offset)];

// Control and the scalar arithmetic every kernel uses.
export const BLOCK = [0x02, 0x40];
export const LOOP = [0x03, 0x40];
export const END = [0x0b];
export const BR = (d: number) => [0x0c, d];
export const BR_IF = (d: number) => [0x0d, d];
export const I32_ADD = [0x6a];
export const I32_MUL = [0x6c];
export const I32_LT_S = [0x48];
export const I32_EQZ = [0x45];
export const F64_ADD = [0xa0];
export const F64_MUL = [0xa2];
export const F64X2_SPLAT = simd(0x14);
export const V128_ZERO = [...simd(0x0c), ...new Array<number>(16).fill(0)];
/** local += v. */
export const addTo = (local: number, v: number) => [...get(local), ...i32c(v), ...I32_ADD, ...set(local)];

/**
 * The module of `bytes`, compiled on the first call and kept; null where WebAssembly (or the
 * SIMD the kernels use) is unavailable, so callers keep their JavaScript loops.
 */
export function lazyModule(bytes: Uint8Array<ArrayBuffer>): () => WebAssembly.Module | null {
  let compiled: WebAssembly.Module | null | undefined;
  return () => {
    if (compiled !== undefined) return compiled;
    compiled = null;
    try {
      if (typeof WebAssembly === 'object' && WebAssembly.validate(bytes)) compiled = new WebAssembly.Module(bytes);
    } catch {
      compiled = null;
    }
    return compiled;
  };
}

/**
 * A fresh instance of `mod` with its own memory of at least `bytes` bytes, imported as
 * `env.mem` (never grown), or null when there is no module, the size reaches 2 GiB, or the
 * instantiation fails.
 */
export function instantiate<E>(mod: WebAssembly.Module | null, bytes: number): { memory: WebAssembly.Memory; exports: E } | null {
  if (!mod || !(bytes < 2 ** 31)) return null;
  try {
    const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / 65536)) });
    const inst = new WebAssembly.Instance(mod, { env: { mem: memory } });
    return { memory, exports: inst.exports as unknown as E };
  } catch {
    return null;
  }
}
