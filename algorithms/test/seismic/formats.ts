/**
 * Test helpers that write miniSEED and SAC bytes by hand, from the format specifications
 * (SEED Reference Manual v2.4: fixed header, blockettes 1000/1001, appendix B Steim; SAC
 * manual: binary header layout). The readers under test are never used to build their input.
 */

/** Steim-1 or -2 frames for `samples`, whose previous sample (for d₀) is `previous`. */
export function steimFrames(samples: readonly number[], version: 1 | 2, frames: number, previous = samples[0]): Uint8Array {
  const n = samples.length;
  const diffs: number[] = samples.map((x, i) => x - (i === 0 ? previous : samples[i - 1]));
  const out = new Uint8Array(64 * frames);
  const view = new DataView(out.buffer);
  const fits = (v: number, bits: number) => v >= -(2 ** (bits - 1)) && v < 2 ** (bits - 1);
  // Packings as [count, bits, code, dnib | null], tightest first.
  const packings: [number, number, number, number | null][] =
    version === 1
      ? [
          [4, 8, 1, null],
          [2, 16, 2, null],
          [1, 32, 3, null],
        ]
      : [
          [7, 4, 3, 2],
          [6, 5, 3, 1],
          [5, 6, 3, 0],
          [4, 8, 1, null],
          [3, 10, 2, 3],
          [2, 15, 2, 2],
          [1, 30, 2, 1],
        ];
  let k = 0;
  for (let f = 0; f < frames; f++) {
    let control = 0;
    for (let w = f === 0 ? 3 : 1; w < 16 && k < n; w++) {
      const left = diffs.slice(k, k + 7);
      // The first packing whose fields hold the next `count` differences (zero-padded at the end).
      const pick = packings.find(([count, bits]) => {
        const chunk = left.slice(0, count);
        while (chunk.length < count) chunk.push(0);
        return chunk.every((d) => fits(d, bits));
      });
      if (!pick) throw new Error(`difference ${diffs[k]} does not fit any Steim-${version} packing`);
      const [count, bits, code, dnib] = pick;
      let word = dnib === null ? 0 : dnib << 30;
      for (let j = 0; j < count; j++) {
        const d = k + j < n ? diffs[k + j] : 0;
        const shift = bits * (count - 1 - j);
        word |= (d & (2 ** bits - 1)) << shift;
      }
      view.setUint32(64 * f + 4 * w, word >>> 0, false);
      control |= code << (30 - 2 * w);
      k += count;
    }
    view.setUint32(64 * f, control >>> 0, false);
  }
  if (k < n) throw new Error(`${n} samples do not fit in ${frames} frames`);
  view.setInt32(4, samples[0], false); // X₀
  view.setInt32(8, samples[n - 1], false); // Xₙ
  return out;
}

/** Fields of one hand-built miniSEED record. */
export interface RecordSpec {
  sequence?: number;
  quality?: string;
  network?: string;
  station?: string;
  location?: string;
  channel?: string;
  /** BTIME: year, day of year, hour, minute, second, 0.0001 s. */
  start?: [number, number, number, number, number, number];
  /** Sample rate factor and multiplier. */
  rate?: [number, number];
  /** Blockette 1000 encoding code. */
  encoding: number;
  /** Header byte order. Default big-endian (false). */
  littleEndian?: boolean;
  /** Blockette 1000 word order: 1 big-endian data (default for Steim), 0 little-endian. */
  wordOrder?: number;
  /** Record length exponent (record = 2^exp bytes). Default 9 (512 bytes). */
  exponent?: number;
  /** Number of samples announced. */
  nSamples: number;
  /** Data section bytes (written from byte 64). */
  data: Uint8Array;
  /** Microseconds for a blockette 1001 (omitted if undefined). */
  microseconds?: number;
}

function putAscii(b: Uint8Array, at: number, len: number, s: string): void {
  for (let i = 0; i < len; i++) b[at + i] = i < s.length ? s.charCodeAt(i) : 0x20;
}

/** One data record: 48-byte fixed header, blockette 1000 at 48 (and 1001 at 56), data at 64. */
export function miniSeedRecord(spec: RecordSpec): Uint8Array {
  const length = 2 ** (spec.exponent ?? 9);
  const b = new Uint8Array(length);
  const v = new DataView(b.buffer);
  const le = spec.littleEndian ?? false;
  putAscii(b, 0, 6, String(spec.sequence ?? 1).padStart(6, '0'));
  b[6] = (spec.quality ?? 'D').charCodeAt(0);
  b[7] = 0x20;
  putAscii(b, 8, 5, spec.station ?? 'GEOL');
  putAscii(b, 13, 2, spec.location ?? '00');
  putAscii(b, 15, 3, spec.channel ?? 'HHZ');
  putAscii(b, 18, 2, spec.network ?? 'XX');
  const [year, doy, h, m, s, tenth] = spec.start ?? [2024, 60, 12, 34, 56, 7890];
  v.setUint16(20, year, le);
  v.setUint16(22, doy, le);
  b[24] = h;
  b[25] = m;
  b[26] = s;
  b[27] = 0;
  v.setUint16(28, tenth, le);
  v.setUint16(30, spec.nSamples, le);
  const [factor, multiplier] = spec.rate ?? [100, 1];
  v.setInt16(32, factor, le);
  v.setInt16(34, multiplier, le);
  b[36] = 0; // activity flags
  b[37] = 0; // I/O flags
  b[38] = 0; // quality flags
  b[39] = spec.microseconds === undefined ? 1 : 2; // number of blockettes
  v.setInt32(40, 0, le); // time correction
  v.setUint16(44, 64, le); // beginning of data
  v.setUint16(46, 48, le); // first blockette
  // Blockette 1000: type, next, encoding, word order, record length exponent, reserved.
  v.setUint16(48, 1000, le);
  v.setUint16(50, spec.microseconds === undefined ? 0 : 56, le);
  b[52] = spec.encoding;
  b[53] = spec.wordOrder ?? 1;
  b[54] = spec.exponent ?? 9;
  b[55] = 0;
  if (spec.microseconds !== undefined) {
    // Blockette 1001: type, next, timing quality, µs, reserved, frame count.
    v.setUint16(56, 1001, le);
    v.setUint16(58, 0, le);
    b[60] = 100;
    v.setInt8(61, spec.microseconds);
    b[62] = 0;
    b[63] = 7;
  }
  b.set(spec.data.subarray(0, length - 64), 64);
  return b;
}

/** Concatenates byte arrays. */
export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Fields of a hand-built SAC file. */
export interface SacSpec {
  littleEndian: boolean;
  delta: number;
  b?: number;
  data: readonly number[];
  /** Header version; 6 unless testing a corrupt one. */
  nvhdr?: number;
  /** npts written in the header; the data length unless testing a lie. */
  npts?: number;
  iftype?: number;
  reference?: [number, number, number, number, number, number]; // nzyear, nzjday, nzhour, nzmin, nzsec, nzmsec
  station?: string;
  channel?: string;
  network?: string;
  stla?: number;
}

/** A SAC binary file: 70 floats, 40 ints, 192 bytes of strings, then float32 data. */
export function sacFile(spec: SacSpec): Uint8Array {
  const b = new Uint8Array(632 + 4 * spec.data.length);
  const v = new DataView(b.buffer);
  const le = spec.littleEndian;
  for (let i = 0; i < 70; i++) v.setFloat32(4 * i, -12345, le);
  for (let i = 0; i < 40; i++) v.setInt32(280 + 4 * i, -12345, le);
  for (let o = 440; o < 632; o += 8) if (o !== 456) putAscii(b, o, 8, '-12345'); // kevnm (448) is one 16-byte field
  putAscii(b, 456, 8, '');
  const float = (word: number, x: number) => v.setFloat32(4 * word, x, le);
  const int = (word: number, x: number) => v.setInt32(4 * word, x, le);
  float(0, spec.delta); // delta
  float(5, spec.b ?? 0); // b
  float(6, (spec.b ?? 0) + spec.delta * (spec.data.length - 1)); // e
  if (spec.stla !== undefined) float(31, spec.stla);
  if (spec.reference) spec.reference.forEach((x, i) => int(70 + i, x)); // nzyear … nzmsec
  int(76, spec.nvhdr ?? 6); // nvhdr
  int(79, spec.npts ?? spec.data.length); // npts
  int(85, spec.iftype ?? 1); // iftype = ITIME
  int(105, 1); // leven = true
  if (spec.station) putAscii(b, 440, 8, spec.station); // kstnm
  if (spec.channel) putAscii(b, 600, 8, spec.channel); // kcmpnm
  if (spec.network) putAscii(b, 608, 8, spec.network); // knetwk
  spec.data.forEach((x, i) => v.setFloat32(632 + 4 * i, x, le));
  return b;
}
