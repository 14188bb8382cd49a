/**
 * A reader for miniSEED (SEED 2.4 data records), the format in which FDSN data centres serve
 * waveforms. Written from the SEED Reference Manual v2.4, chapter 8 (fixed section of the data
 * header), blockettes 1000 and 1001, and appendix B (Steim-1 and Steim-2 compression).
 *
 * A file is a sequence of records of 2ⁿ bytes (the length is in blockette 1000). Each holds a
 * 48-byte fixed header (station, channel, start time, sample count and rate), blockettes, and
 * then the samples, here as 16- or 32-bit integers, IEEE floats, or Steim-compressed
 * differences. Records of the same channel that follow each other in time are joined into one
 * trace; a gap or an overlap starts a new one.
 */
import { FormatError } from './errors';

/** A continuous run of samples of one channel. */
export interface SeismicTrace {
  /** FDSN network code ("IU"). */
  network: string;
  /** Station code ("ANMO"). */
  station: string;
  /** Location code ("00", or ""). */
  location: string;
  /** Channel code ("BHZ": band, instrument, orientation). */
  channel: string;
  /** Sampling rate in Hz. */
  sampleRate: number;
  /** Time of the first sample, in milliseconds since 1970-01-01T00:00:00Z (fractional: sub-ms precision); null if unknown. */
  startTime: number | null;
  /** The samples (counts, or physical units for float encodings). */
  data: Float64Array;
}

/** The fixed header of one data record, as read. */
export interface MiniSeedRecordHeader {
  /** Byte offset of the record in the file. */
  offset: number;
  /** Sequence number (six ASCII digits). */
  sequenceNumber: number;
  /** Data quality indicator: 'D', 'R', 'Q' or 'M'. */
  quality: string;
  network: string;
  station: string;
  location: string;
  channel: string;
  /** Start time in epoch milliseconds (time correction and blockette 1001 µs applied). */
  startTime: number;
  /** Number of samples in the record. */
  sampleCount: number;
  /** Sampling rate in Hz from the rate factor and multiplier. */
  sampleRate: number;
  /** Encoding code of blockette 1000 (1 int16, 3 int32, 4 float32, 5 float64, 10 Steim-1, 11 Steim-2). */
  encoding: number;
  /** Record length in bytes. */
  recordLength: number;
  /** Whether the header (and non-Steim data) is big-endian. */
  bigEndian: boolean;
}

/** What {@link readMiniSeed} returns. */
export interface MiniSeedFile {
  /** Traces, one per channel and continuous segment, in order of first appearance. */
  traces: SeismicTrace[];
  /** Every data record's header, in file order. */
  records: MiniSeedRecordHeader[];
}

const ENCODING_NAMES: Record<number, string> = {
  0: 'ASCII text',
  1: '16-bit integers',
  2: '24-bit integers',
  3: '32-bit integers',
  4: 'IEEE float32',
  5: 'IEEE float64',
  10: 'Steim-1',
  11: 'Steim-2',
  12: 'GEOSCOPE 24-bit',
  13: 'GEOSCOPE 16/3',
  14: 'GEOSCOPE 16/4',
  15: 'US National Network',
  16: 'CDSN 16-bit gain ranged',
  17: 'Graefenberg 16-bit gain ranged',
  18: 'IPG Strasbourg 16-bit gain ranged',
  19: 'Steim-3',
  30: 'SRO',
  31: 'HGLP',
  32: 'DWWSSN',
  33: 'RSTN 16-bit gain ranged',
};

function toBytes(buffer: ArrayBuffer | ArrayBufferView): Uint8Array {
  if (buffer instanceof Uint8Array) return buffer;
  if (ArrayBuffer.isView(buffer)) return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (buffer instanceof ArrayBuffer) return new Uint8Array(buffer);
  throw new FormatError('miniseed', 'corrupt', 'expected an ArrayBuffer or a Uint8Array');
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  let s = '';
  for (let i = start; i < start + length; i++) s += String.fromCharCode(bytes[i]);
  return s.trim();
}

/**
 * Reads every data record of a miniSEED (v2) file and joins them into traces per channel.
 * Throws a {@link FormatError}: 'truncated' if the bytes end inside a record, 'corrupt' for a
 * header that is not a SEED data header or Steim data whose integration check fails,
 * 'unsupported' for encodings other than int16, int32, float32, float64, Steim-1 and Steim-2.
 *
 * @example
 * const { traces } = readMiniSeed(new Uint8Array(await file.arrayBuffer()));
 * traces[0].channel; // 'BHZ'
 */
export function readMiniSeed(buffer: ArrayBuffer | ArrayBufferView): MiniSeedFile {
  const bytes = toBytes(buffer);
  if (bytes.length === 0) throw new FormatError('miniseed', 'truncated', 'the file is empty', 0);
  const records: MiniSeedRecordHeader[] = [];
  const traces: SeismicTrace[] = [];
  const segments: { trace: SeismicTrace; chunks: Float64Array[]; count: number; end: number }[] = [];
  const open = new Map<string, number>(); // channel id → index of its last segment
  let offset = 0;
  while (offset < bytes.length) {
    const { header, samples } = readRecord(bytes, offset);
    records.push(header);
    offset += header.recordLength;
    if (header.sampleCount === 0 || header.sampleRate === 0) continue; // e.g. a log or timing record
    const id = `${header.network}.${header.station}.${header.location}.${header.channel}`;
    const k = open.get(id);
    const dt = 1000 / header.sampleRate;
    const last = k === undefined ? undefined : segments[k];
    // Contiguous if it starts where the previous record ended, to within half a sample.
    if (last && last.trace.sampleRate === header.sampleRate && Math.abs(header.startTime - last.end) <= dt / 2) {
      last.chunks.push(samples);
      last.count += samples.length;
      last.end = header.startTime + samples.length * dt;
    } else {
      const trace: SeismicTrace = {
        network: header.network,
        station: header.station,
        location: header.location,
        channel: header.channel,
        sampleRate: header.sampleRate,
        startTime: header.startTime,
        data: new Float64Array(0),
      };
      segments.push({ trace, chunks: [samples], count: samples.length, end: header.startTime + samples.length * dt });
      open.set(id, segments.length - 1);
    }
  }
  for (const s of segments) {
    const data = new Float64Array(s.count);
    let o = 0;
    for (const c of s.chunks) {
      data.set(c, o);
      o += c.length;
    }
    s.trace.data = data;
    traces.push(s.trace);
  }
  return { traces, records };
}

/** Epoch ms of a SEED BTIME (year, day of year, h, m, s, 0.0001 s). */
function btime(year: number, doy: number, h: number, m: number, s: number, tenthMs: number): number {
  return Date.UTC(year, 0, 1) + ((doy - 1) * 86400 + h * 3600 + m * 60 + s) * 1000 + tenthMs / 10;
}

function readRecord(bytes: Uint8Array, offset: number): { header: MiniSeedRecordHeader; samples: Float64Array } {
  if (bytes.length - offset < 48) throw new FormatError('miniseed', 'truncated', `the file ends ${bytes.length - offset} bytes into a 48-byte record header`, offset);
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, bytes.length - offset);
  const seq = ascii(bytes, offset, 6);
  const quality = String.fromCharCode(bytes[offset + 6]);
  if (!/^[0-9 ]{6}$/.test(String.fromCharCode(...bytes.subarray(offset, offset + 6))) || !'DRQM'.includes(quality)) {
    throw new FormatError('miniseed', 'corrupt', `not a SEED data record header (sequence "${seq}", quality "${quality}")`, offset);
  }
  // Byte order: the year must read 1900–2100 and the day 1–366 in the right one.
  const plausible = (le: boolean) => {
    const y = view.getUint16(20, le);
    const d = view.getUint16(22, le);
    return y >= 1900 && y <= 2100 && d >= 1 && d <= 366;
  };
  let le: boolean;
  if (plausible(false)) le = false;
  else if (plausible(true)) le = true;
  else throw new FormatError('miniseed', 'corrupt', `start time year ${view.getUint16(20, false)} / day ${view.getUint16(22, false)} is not a valid date in either byte order`, offset + 20);
  const hour = bytes[offset + 24];
  const minute = bytes[offset + 25];
  const second = bytes[offset + 26];
  const tenthMs = view.getUint16(28, le);
  if (hour > 23 || minute > 59 || second > 60 || tenthMs > 9999) throw new FormatError('miniseed', 'corrupt', `start time ${hour}:${minute}:${second}.${tenthMs} is not a valid time`, offset + 24);
  const sampleCount = view.getUint16(30, le);
  const factor = view.getInt16(32, le);
  const multiplier = view.getInt16(34, le);
  const activity = bytes[offset + 36];
  const nBlockettes = bytes[offset + 39];
  const correction = view.getInt32(40, le); // 0.0001 s units
  const dataOffset = view.getUint16(44, le);
  let blocketteOffset = view.getUint16(46, le);
  // Sampling rate: factor F and multiplier M (SEED manual, fixed header field 10).
  let sampleRate = 0;
  if (factor > 0 && multiplier > 0) sampleRate = factor * multiplier;
  else if (factor > 0 && multiplier < 0) sampleRate = -factor / multiplier;
  else if (factor < 0 && multiplier > 0) sampleRate = -multiplier / factor;
  else if (factor < 0 && multiplier < 0) sampleRate = 1 / (factor * multiplier);
  let encoding = -1;
  let recordLength = 0;
  let dataBigEndian = !le;
  let microseconds = 0;
  for (let b = 0; b < nBlockettes && blocketteOffset !== 0; b++) {
    if (blocketteOffset < 48 || blocketteOffset + 4 > view.byteLength) {
      if (blocketteOffset + 4 > view.byteLength) throw new FormatError('miniseed', 'truncated', `blockette ${b + 1} at offset ${blocketteOffset} lies past the end of the file`, offset + blocketteOffset);
      throw new FormatError('miniseed', 'corrupt', `blockette ${b + 1} offset ${blocketteOffset} points into the fixed header`, offset + 46);
    }
    const type = view.getUint16(blocketteOffset, le);
    const next = view.getUint16(blocketteOffset + 2, le);
    if (type === 1000) {
      if (blocketteOffset + 8 > view.byteLength) throw new FormatError('miniseed', 'truncated', 'blockette 1000 is cut off', offset + blocketteOffset);
      encoding = bytes[offset + blocketteOffset + 4];
      const wordOrder = bytes[offset + blocketteOffset + 5];
      if (wordOrder > 1) throw new FormatError('miniseed', 'corrupt', `blockette 1000 word order ${wordOrder} is neither 0 (little-endian) nor 1 (big-endian)`, offset + blocketteOffset + 5);
      dataBigEndian = wordOrder === 1;
      const exponent = bytes[offset + blocketteOffset + 6];
      if (exponent < 7 || exponent > 20) throw new FormatError('miniseed', 'corrupt', `blockette 1000 record length 2^${exponent} is out of range (2^7 … 2^20)`, offset + blocketteOffset + 6);
      recordLength = 2 ** exponent;
    } else if (type === 1001) {
      if (blocketteOffset + 8 > view.byteLength) throw new FormatError('miniseed', 'truncated', 'blockette 1001 is cut off', offset + blocketteOffset);
      microseconds = view.getInt8(blocketteOffset + 5);
    }
    if (next !== 0 && next <= blocketteOffset) throw new FormatError('miniseed', 'corrupt', `blockette chain loops back (next offset ${next})`, offset + blocketteOffset + 2);
    blocketteOffset = next;
  }
  if (recordLength === 0) throw new FormatError('miniseed', 'unsupported', 'the record has no blockette 1000 (record length and encoding unknown; pre-2.3 SEED)', offset);
  if (bytes.length - offset < recordLength) {
    throw new FormatError('miniseed', 'truncated', `the file ends ${bytes.length - offset} bytes into a ${recordLength}-byte record`, offset);
  }
  let startTime = btime(view.getUint16(20, le), view.getUint16(22, le), hour, minute, second, tenthMs) + microseconds / 1000;
  // Bit 1 of the activity flags says whether the time correction is already applied.
  if ((activity & 0x02) === 0) startTime += correction / 10;
  const header: MiniSeedRecordHeader = {
    offset,
    sequenceNumber: Number(seq) || 0,
    quality,
    network: ascii(bytes, offset + 18, 2),
    station: ascii(bytes, offset + 8, 5),
    location: ascii(bytes, offset + 13, 2),
    channel: ascii(bytes, offset + 15, 3),
    startTime,
    sampleCount,
    sampleRate,
    encoding,
    recordLength,
    bigEndian: !le,
  };
  if (sampleCount === 0) return { header, samples: new Float64Array(0) };
  if (dataOffset < 48 || dataOffset >= recordLength) throw new FormatError('miniseed', 'corrupt', `beginning of data ${dataOffset} lies outside the ${recordLength}-byte record`, offset + 44);
  const data = new DataView(bytes.buffer, bytes.byteOffset + offset + dataOffset, recordLength - dataOffset);
  const at = offset + dataOffset;
  let samples: Float64Array;
  switch (encoding) {
    case 1:
    case 3:
    case 4:
    case 5: {
      const size = encoding === 1 ? 2 : encoding === 5 ? 8 : 4;
      if (sampleCount * size > data.byteLength) throw new FormatError('miniseed', 'corrupt', `${sampleCount} samples of ${size} bytes do not fit in the record's ${data.byteLength} data bytes`, at);
      const lit = !dataBigEndian;
      samples = new Float64Array(sampleCount);
      for (let i = 0; i < sampleCount; i++) {
        samples[i] =
          encoding === 1 ? data.getInt16(2 * i, lit) : encoding === 3 ? data.getInt32(4 * i, lit) : encoding === 4 ? data.getFloat32(4 * i, lit) : data.getFloat64(8 * i, lit);
        // A NaN or ±∞ sample is damage (no SEED writer stores gaps that way): never pass it on silently.
        if (!Number.isFinite(samples[i])) throw new FormatError('miniseed', 'corrupt', `sample ${i} of the record is ${samples[i]}, not a finite number`, at + size * i);
      }
      break;
    }
    case 10:
    case 11:
      samples = decodeSteim(data, sampleCount, encoding === 10 ? 1 : 2, at);
      break;
    default:
      throw new FormatError('miniseed', 'unsupported', `data encoding ${encoding} (${ENCODING_NAMES[encoding] ?? 'unknown'}) is not supported; int16, int32, float32, float64, Steim-1 and Steim-2 are`, offset);
  }
  return { header, samples };
}

/** Sign-extends the low `bits` bits of v. */
function signed(v: number, bits: number): number {
  const shift = 32 - bits;
  return (v << shift) >> shift;
}

/**
 * Steim-1/2 decompression (SEED manual, appendix B). The data are 64-byte frames of sixteen
 * big-endian 32-bit words; word 0 of each frame packs sixteen 2-bit codes, one per word. In
 * the first frame, words 1 and 2 are the forward and reverse integration constants X₀ (the
 * first sample) and Xₙ (the last). Other words hold first differences:
 * - Steim-1, code 01: four 8-bit; 10: two 16-bit; 11: one 32-bit;
 * - Steim-2, code 01: four 8-bit; 10: the word's top two bits (dnib) say 01 one 30-bit,
 *   10 two 15-bit, 11 three 10-bit; 11: dnib 00 five 6-bit, 01 six 5-bit, 10 seven 4-bit;
 * code 00 is a word without differences. Samples are x₀ = X₀ and xᵢ = xᵢ₋₁ + dᵢ; the first
 * difference d₀ links to the previous record and is skipped. xₙ₋₁ must equal Xₙ.
 */
function decodeSteim(data: DataView, count: number, version: 1 | 2, at: number): Float64Array {
  const frames = Math.floor(data.byteLength / 64);
  const diffs = new Int32Array(count);
  let nd = 0;
  let x0 = 0;
  let xn = 0;
  const push = (d: number) => {
    if (nd < count) diffs[nd] = d;
    nd++;
  };
  for (let f = 0; f < frames && nd < count; f++) {
    const base = 64 * f;
    const control = data.getUint32(base, false);
    for (let w = 1; w < 16; w++) {
      const code = (control >>> (30 - 2 * w)) & 3;
      const word = data.getInt32(base + 4 * w, false);
      if (f === 0 && w === 1) {
        x0 = word;
        continue;
      }
      if (f === 0 && w === 2) {
        xn = word;
        continue;
      }
      if (code === 0) continue;
      if (code === 1) {
        for (let k = 0; k < 4; k++) push(signed(word >>> (24 - 8 * k), 8));
        continue;
      }
      if (version === 1) {
        if (code === 2) {
          push(signed(word >>> 16, 16));
          push(signed(word, 16));
        } else push(word);
        continue;
      }
      const dnib = (word >>> 30) & 3;
      if (code === 2) {
        if (dnib === 1) push(signed(word, 30));
        else if (dnib === 2) {
          push(signed(word >>> 15, 15));
          push(signed(word, 15));
        } else if (dnib === 3) for (let k = 0; k < 3; k++) push(signed(word >>> (20 - 10 * k), 10));
        else throw new FormatError('miniseed', 'corrupt', `Steim-2 word ${w} of frame ${f} has code 10 with dnib 00`, at + base + 4 * w);
      } else {
        if (dnib === 0) for (let k = 0; k < 5; k++) push(signed(word >>> (24 - 6 * k), 6));
        else if (dnib === 1) for (let k = 0; k < 6; k++) push(signed(word >>> (25 - 5 * k), 5));
        else if (dnib === 2) for (let k = 0; k < 7; k++) push(signed(word >>> (24 - 4 * k), 4));
        else throw new FormatError('miniseed', 'corrupt', `Steim-2 word ${w} of frame ${f} has code 11 with dnib 11`, at + base + 4 * w);
      }
    }
  }
  if (frames === 0) throw new FormatError('miniseed', 'corrupt', 'no room for a Steim frame in the record', at);
  if (nd < count) throw new FormatError('miniseed', 'corrupt', `the Steim frames hold ${nd} differences, but the header announces ${count} samples`, at);
  const out = new Float64Array(count);
  out[0] = x0;
  let x = x0;
  for (let i = 1; i < count; i++) {
    x = (x + diffs[i]) | 0;
    out[i] = x;
  }
  if (x !== xn) throw new FormatError('miniseed', 'corrupt', `Steim integration check failed: the last sample is ${x}, the reverse integration constant says ${xn}`, at + 8);
  return out;
}
