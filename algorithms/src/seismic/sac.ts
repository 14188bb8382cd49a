/**
 * A reader for SAC binary files (Seismic Analysis Code, IRIS/LLNL), the one-trace-per-file
 * format of many seismology courses. Written from the SAC manual's file-format description:
 * a 632-byte header of 70 float32 words, 40 int32 words (integers, enumerations, logicals) and
 * 24 eight-character strings (the event name takes two), then `npts` float32 samples. The file
 * carries no byte-order mark: the header version `nvhdr` (6, or 7 for files with a footer)
 * tells little- from big-endian.
 */
import { FormatError } from './errors';
import type { SeismicTrace } from './miniseed';

const HEADER_BYTES = 632;
/** SAC's "undefined" values. */
const UNDEF_NUM = -12345;

/** Names of the 70 float header words, in order ('' for unused or internal). */
const FLOATS = [
  'delta', 'depmin', 'depmax', 'scale', 'odelta', 'b', 'e', 'o', 'a', '',
  't0', 't1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9',
  'f', 'resp0', 'resp1', 'resp2', 'resp3', 'resp4', 'resp5', 'resp6', 'resp7', 'resp8',
  'resp9', 'stla', 'stlo', 'stel', 'stdp', 'evla', 'evlo', 'evel', 'evdp', 'mag',
  'user0', 'user1', 'user2', 'user3', 'user4', 'user5', 'user6', 'user7', 'user8', 'user9',
  'dist', 'az', 'baz', 'gcarc', '', '', 'depmen', 'cmpaz', 'cmpinc', 'xminimum',
  'xmaximum', 'yminimum', 'ymaximum', '', '', '', '', '', '', '',
] as const;

/** Names of the 40 integer words (15 integers, 20 enumerations, 5 logicals), in order. */
const INTS = [
  'nzyear', 'nzjday', 'nzhour', 'nzmin', 'nzsec', 'nzmsec', 'nvhdr', 'norid', 'nevid', 'npts',
  '', 'nwfid', 'nxsize', 'nysize', '', 'iftype', 'idep', 'iztype', '', 'iinst',
  'istreg', 'ievreg', 'ievtyp', 'iqual', 'isynth', 'imagtyp', 'imagsrc', '', '', '',
  '', '', '', '', '', 'leven', 'lpspol', 'lovrok', 'lcalda', '',
] as const;

/** String fields: [name, byte offset, length]. */
const STRINGS: readonly (readonly [string, number, number])[] = [
  ['kstnm', 440, 8], ['kevnm', 448, 16], ['khole', 464, 8], ['ko', 472, 8], ['ka', 480, 8],
  ['kt0', 488, 8], ['kt1', 496, 8], ['kt2', 504, 8], ['kt3', 512, 8], ['kt4', 520, 8],
  ['kt5', 528, 8], ['kt6', 536, 8], ['kt7', 544, 8], ['kt8', 552, 8], ['kt9', 560, 8],
  ['kf', 568, 8], ['kuser0', 576, 8], ['kuser1', 584, 8], ['kuser2', 592, 8], ['kcmpnm', 600, 8],
  ['knetwk', 608, 8], ['kdatrd', 616, 8], ['kinst', 624, 8],
];

/** The header, by SAC's field names; undefined fields (−12345, "-12345") are left out. */
export interface SacHeader {
  /** Sampling interval in seconds. */
  delta: number;
  /** Time of the first sample relative to the reference time, in seconds. */
  b: number;
  /** Number of samples. */
  npts: number;
  /** Header version (6 or 7). */
  nvhdr: number;
  /** Every other defined field: floats (stla, evla, dist, t0 …), integers (nzyear …), strings (kstnm, kcmpnm …). */
  [field: string]: number | string;
}

/** What {@link readSac} returns. */
export interface SacFile {
  /** The header fields that are defined. */
  header: SacHeader;
  /** The samples. */
  data: Float64Array;
  /** Whether the file was little-endian. */
  littleEndian: boolean;
  /** The same record as a trace (network, station, location, channel, rate, start time, data). */
  trace: SeismicTrace;
}

/**
 * Reads a SAC binary file of evenly sampled time-series data (`iftype` ITIME, `leven` true).
 * Throws a {@link FormatError}: 'truncated' for a file shorter than its header plus npts
 * samples, 'corrupt' when neither byte order gives a header version of 6 or 7 or the header
 * values are impossible (delta ≤ 0, npts < 0), 'unsupported' for spectral or unevenly spaced files.
 */
export function readSac(buffer: ArrayBuffer | ArrayBufferView): SacFile {
  const bytes =
    buffer instanceof Uint8Array ? buffer : ArrayBuffer.isView(buffer) ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) : buffer instanceof ArrayBuffer ? new Uint8Array(buffer) : null;
  if (!bytes) throw new FormatError('sac', 'corrupt', 'expected an ArrayBuffer or a Uint8Array');
  if (bytes.length < HEADER_BYTES) throw new FormatError('sac', 'truncated', `the file has ${bytes.length} bytes, fewer than the ${HEADER_BYTES}-byte header`, bytes.length);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const NVHDR = 4 * (70 + 6);
  const okVersion = (le: boolean) => {
    const v = view.getInt32(NVHDR, le);
    return v === 6 || v === 7;
  };
  let le: boolean;
  if (okVersion(true)) le = true;
  else if (okVersion(false)) le = false;
  else throw new FormatError('sac', 'corrupt', `header version nvhdr is ${view.getInt32(NVHDR, true)} (little-endian) / ${view.getInt32(NVHDR, false)} (big-endian), not 6 or 7: not a SAC binary file`, NVHDR);
  const header: Record<string, number | string> = {};
  FLOATS.forEach((name, i) => {
    if (!name) return;
    const v = view.getFloat32(4 * i, le);
    if (v !== UNDEF_NUM && Number.isFinite(v)) header[name] = v;
  });
  INTS.forEach((name, i) => {
    if (!name) return;
    const v = view.getInt32(4 * (70 + i), le);
    if (v !== UNDEF_NUM) header[name] = v;
  });
  for (const [name, o, len] of STRINGS) {
    let s = '';
    for (let i = o; i < o + len; i++) {
      const c = bytes[i];
      if (c === 0) break;
      s += String.fromCharCode(c);
    }
    s = s.trim();
    // Undefined is "-12345" (some writers repeat it in both halves of the 16-byte kevnm).
    if (s !== '' && !/^-12345(\s+-12345)?$/.test(s)) header[name] = s;
  }
  const delta = header.delta;
  const npts = header.npts;
  if (typeof delta !== 'number' || !(delta > 0)) throw new FormatError('sac', 'corrupt', `delta (sampling interval) is ${String(delta ?? 'undefined')}; it must be > 0`, 0);
  if (typeof npts !== 'number' || npts < 0) throw new FormatError('sac', 'corrupt', `npts is ${String(npts ?? 'undefined')}; it must be ≥ 0`, 4 * 79);
  const iftype = header.iftype ?? 1;
  if (iftype !== 1) throw new FormatError('sac', 'unsupported', `file type iftype ${String(iftype)} is not ITIME (1): only time series are read`, 4 * 85);
  if (header.leven === 0) throw new FormatError('sac', 'unsupported', 'unevenly sampled data (leven false) are not read', 4 * 105);
  const need = HEADER_BYTES + 4 * npts;
  if (bytes.length < need) throw new FormatError('sac', 'truncated', `npts = ${npts} needs ${need} bytes, the file has ${bytes.length}`, bytes.length);
  const data = new Float64Array(npts);
  for (let i = 0; i < npts; i++) {
    data[i] = view.getFloat32(HEADER_BYTES + 4 * i, le);
    // NaN or ±∞ is damage, not data: never passed on silently.
    if (!Number.isFinite(data[i])) throw new FormatError('sac', 'corrupt', `sample ${i} is ${data[i]}, not a finite number`, HEADER_BYTES + 4 * i);
  }
  if (header.b === undefined) header.b = 0;
  const h = header as SacHeader;
  // Reference time (nzyear, nzjday, nzhour, nzmin, nzsec, nzmsec) plus b.
  let startTime: number | null = null;
  if (typeof h.nzyear === 'number' && typeof h.nzjday === 'number') {
    const n = (k: string) => (typeof h[k] === 'number' ? (h[k] as number) : 0);
    startTime = Date.UTC(h.nzyear, 0, 1) + ((h.nzjday - 1) * 86400 + n('nzhour') * 3600 + n('nzmin') * 60 + n('nzsec')) * 1000 + n('nzmsec') + h.b * 1000;
  }
  const str = (k: string) => (typeof h[k] === 'string' ? (h[k] as string) : '');
  const trace: SeismicTrace = {
    network: str('knetwk'),
    station: str('kstnm'),
    location: str('khole'),
    channel: str('kcmpnm'),
    // delta is a float32 (0.01 reads as 0.0099999998): snap a rate within 10 ppm of an integer.
    sampleRate: Math.abs(1 / delta - Math.round(1 / delta)) < 1e-5 / delta ? Math.round(1 / delta) : 1 / delta,
    startTime,
    data,
  };
  return { header: h, data, littleEndian: le, trace };
}
