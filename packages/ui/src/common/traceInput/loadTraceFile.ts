/**
 * From the bytes of a file a student dropped to traces an explainer can show or a model can
 * take: read with our miniSEED and SAC readers (format by magic bytes, then by extension,
 * trying the other reader when the first fails), merge each channel's pieces (gaps padded
 * with zeros, overlaps merged), group the components (Z/N/E or Z/1/2), bring mixed sampling
 * rates to one rate or refuse them, resample to a model's rate (anti-alias low-pass first),
 * band-pass if asked, and check the length against a model's window. Every step that changes
 * the data adds a plain-language note; what cannot be done safely throws a typed error
 * (`FormatError` for an unreadable file, `ValidationError` — a `TraceError` — for traces
 * that cannot be prepared) whose message the widget shows. Pure: no DOM, no React.
 */
import { ValidationError } from '@geolearn/algorithms';
import {
  bandpass as bandpassFilter,
  checkTraceFinite,
  FormatError,
  groupComponents,
  mergeTraces,
  readMiniSeed,
  readSac,
  resample,
  TraceError,
  traceId,
  type SeismicFormat,
  type SeismicTrace,
  type TraceGap,
  type TraceOverlap,
} from '@geolearn/algorithms/seismic';

/** What to do with a record that holds fewer than three components. */
export type MissingComponents =
  /** Show what the file holds (a viewer). */
  | 'keep'
  /** Copy the vertical (or the one component) into the missing ones: a three-component model then runs, without polarisation cues. */
  | 'replicate'
  /** Fill the missing components with zeros. */
  | 'zeros'
  /** Refuse with a message (a model that needs all three). */
  | 'refuse';

/** Options of {@link loadTraceFile} and {@link prepareTraces}. */
export interface LoadTraceOptions {
  /**
   * Sampling rate wanted, in Hz (a model's rate, 100 for the pickers): every component is
   * resampled to it, with an anti-alias low-pass at 0.4·targetRate when the rate goes down.
   * Default: keep the file's rate.
   */
  targetRate?: number;
  /**
   * Components (or pieces of one channel) at different sampling rates, when `targetRate` is
   * not given: 'resample' brings them all to the lowest rate (anti-aliased; no bandwidth is
   * invented), 'refuse' throws. Default 'refuse'.
   */
  mixedRates?: 'resample' | 'refuse';
  /** Zero-phase Butterworth band-pass applied last, in Hz (freqmax below the Nyquist frequency). Default none. */
  bandpass?: { freqmin: number; freqmax: number; order?: number };
  /** Fewest samples the result needs (a model's window, after resampling). Default 1. */
  window?: number;
  /** A record shorter than `window`: 'refuse' (default) or 'pad' with zeros at the end. */
  short?: 'refuse' | 'pad';
  /** Gaps in a channel: 'pad' with zeros up to `maxGapSeconds` (default), or 'refuse'. */
  gaps?: 'pad' | 'refuse';
  /** Longest gap padded, in seconds; a longer one is refused. Default 60. */
  maxGapSeconds?: number;
  /** A record with one or two components (see {@link MissingComponents}). Default 'keep'. */
  components?: MissingComponents;
  /** Format to read: 'auto' (magic bytes, then the extension; default), 'miniseed' or 'sac'. */
  format?: 'auto' | SeismicFormat;
}

/** What {@link loadTraceFile} returns: one station's components, aligned, and what was done to them. */
export interface LoadedTraces {
  /** One trace per component, all of the same length, rate and start time, Z first (or the file's order for 'keep'). */
  traces: SeismicTrace[];
  /** Plain-language notes, in order: the format, merges and pads, resampling, filtering, padding. */
  notes: string[];
  /** "IU.COLA.00.LH": network.station.location and the band and instrument letters. */
  id: string;
  /** Component letters of `traces` ("Z", "N", "E"…). */
  components: string[];
  /** Sampling rate of every trace, Hz. */
  sampleRate: number;
  /** Samples per trace. */
  length: number;
  /** Time of the first sample, epoch ms (null when the file does not say). */
  startTime: number | null;
  /** The format read ('miniseed' or 'sac'; null for traces given directly). */
  format: SeismicFormat | null;
  /** The file's name ("" when unknown). */
  name: string;
  /** The rate(s) the record had, when it was resampled; null when not. */
  resampledFrom: number[] | null;
  /** Components the file lacked and how they were filled ("N", "E"). */
  filled: string[];
  /** Gaps padded with zeros and overlaps merged. */
  gaps: TraceGap[];
  overlaps: TraceOverlap[];
  /** Zero samples added at the end to reach `window`. */
  padded: number;
}

const SAC_EXT = /\.sac$/i;
const FORMAT_NAME: Record<SeismicFormat, string> = { miniseed: 'miniSEED', sac: 'SAC' };

/**
 * Which format the bytes look like. miniSEED 2: a record starts with a six-character sequence
 * number (digits, spaces or NULs) and a quality letter D, R, Q or M. SAC: the header version
 * (int32 word 76, byte 304) is 6 or 7 in either byte order. null when neither.
 */
export function sniffFormat(bytes: Uint8Array): SeismicFormat | null {
  if (bytes.length >= 48) {
    let seq = true;
    for (let i = 0; i < 6; i++) {
      const c = bytes[i];
      if (!((c >= 48 && c <= 57) || c === 32 || c === 0)) seq = false;
    }
    if (seq && 'DRQM'.includes(String.fromCharCode(bytes[6]))) return 'miniseed';
  }
  if (bytes.length >= 308) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const le = view.getInt32(304, true);
    const be = view.getInt32(304, false);
    if (le === 6 || le === 7 || be === 6 || be === 7) return 'sac';
  }
  return null;
}

/** The format to try first: the magic bytes, else the extension (.sac; anything else is read as miniSEED first). */
function firstFormat(bytes: Uint8Array, name: string): SeismicFormat {
  return sniffFormat(bytes) ?? (SAC_EXT.test(name) ? 'sac' : 'miniseed');
}

function read(format: SeismicFormat, bytes: Uint8Array): SeismicTrace[] {
  return format === 'sac' ? [readSac(bytes).trace] : readMiniSeed(bytes).traces;
}

/** A FormatError with more words after its detail (its format, problem and offset kept). */
function explained(err: FormatError, more: string): FormatError {
  const prefix = `${FORMAT_NAME[err.format]}: `;
  const where = err.offset === undefined ? '' : ` (at byte ${err.offset})`;
  let detail = err.message.startsWith(prefix) ? err.message.slice(prefix.length) : err.message;
  if (where && detail.endsWith(where)) detail = detail.slice(0, -where.length);
  return new FormatError(err.format, err.problem, `${detail}${more}`, err.offset);
}

/**
 * Reads the traces of a miniSEED or SAC file. With format 'auto' it tries the format the
 * bytes (or the name) suggest, then the other; when both fail it throws the first reader's
 * FormatError (whose message says what is wrong at which byte).
 */
export function readTraceBytes(bytes: Uint8Array, name = '', format: 'auto' | SeismicFormat = 'auto'): { traces: SeismicTrace[]; format: SeismicFormat } {
  if (!(bytes instanceof Uint8Array)) throw new ValidationError('bytes', 'bad-option', 'expected the file as a Uint8Array');
  if (bytes.length === 0) throw new FormatError(format === 'sac' ? 'sac' : 'miniseed', 'truncated', `the file${name ? ` ${name}` : ''} is empty`, 0);
  const first = format === 'auto' ? firstFormat(bytes, name) : format;
  try {
    return { traces: read(first, bytes), format: first };
  } catch (err) {
    // NaN or ±∞ samples: the file is this format, but damaged; never passed on to a model.
    if (err instanceof FormatError && /not a finite number/.test(err.message)) {
      throw explained(err, ': the record is damaged or has missing data, and models must never see NaN, so it is refused');
    }
    if (!(err instanceof FormatError) || format !== 'auto') throw err;
    const other: SeismicFormat = first === 'sac' ? 'miniseed' : 'sac';
    try {
      return { traces: read(other, bytes), format: other };
    } catch {
      // Neither reader makes sense of it: the first one's message is the likely story.
      throw explained(err, `; it is not a ${FORMAT_NAME[other]} file either`);
    }
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const hz = (f: number) => `${Number(f.toPrecision(4))} Hz`;

/** One channel's traces brought to `rate` (anti-aliased when going down). */
function toRate(t: SeismicTrace, rate: number): SeismicTrace {
  if (Math.abs(t.sampleRate - rate) <= 1e-9 * rate) return t;
  return { ...t, sampleRate: rate, data: resample(t.data, { sampleRate: t.sampleRate, targetRate: rate }) };
}

function checkOptions(options: LoadTraceOptions): Required<Omit<LoadTraceOptions, 'targetRate' | 'bandpass'>> & Pick<LoadTraceOptions, 'targetRate' | 'bandpass'> {
  if (options === null || typeof options !== 'object') throw new ValidationError('options', 'bad-option', 'expected an object of options');
  const pick = <T extends string>(key: keyof LoadTraceOptions, allowed: readonly T[], fallback: T): T => {
    const v = options[key] ?? fallback;
    if (!allowed.includes(v as T)) throw new ValidationError(key, 'bad-option', `must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${JSON.stringify(v)}`);
    return v as T;
  };
  const positive = (key: 'targetRate' | 'window' | 'maxGapSeconds', v: number | undefined, fallback: number | undefined, integer = false) => {
    if (v === undefined) return fallback;
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || (integer && !Number.isInteger(v))) {
      throw new ValidationError(key, 'out-of-range', `must be a positive ${integer ? 'whole ' : ''}number, got ${String(v)}`);
    }
    return v;
  };
  const band = options.bandpass;
  if (band !== undefined) {
    if (band === null || typeof band !== 'object') throw new ValidationError('bandpass', 'bad-option', 'must be { freqmin, freqmax } in Hz');
    if (!(Number.isFinite(band.freqmin) && band.freqmin > 0)) throw new ValidationError('bandpass.freqmin', 'out-of-range', `must be a positive number of Hz, got ${String(band.freqmin)}`);
    if (!(Number.isFinite(band.freqmax) && band.freqmax > band.freqmin)) throw new ValidationError('bandpass.freqmax', 'out-of-range', `must be above freqmin (${band.freqmin} Hz), got ${String(band.freqmax)}`);
  }
  return {
    targetRate: positive('targetRate', options.targetRate, undefined),
    mixedRates: pick('mixedRates', ['resample', 'refuse'] as const, 'refuse'),
    bandpass: band,
    window: positive('window', options.window, 1, true)!,
    short: pick('short', ['refuse', 'pad'] as const, 'refuse'),
    gaps: pick('gaps', ['pad', 'refuse'] as const, 'pad'),
    maxGapSeconds: positive('maxGapSeconds', options.maxGapSeconds, 60)!,
    components: pick('components', ['keep', 'replicate', 'zeros', 'refuse'] as const, 'keep'),
    format: pick('format', ['auto', 'miniseed', 'sac'] as const, 'auto'),
  };
}

/**
 * The rate every piece is brought to before merging: `targetRate` when given and the rates
 * differ; the lowest rate under mixedRates 'resample'; null when all pieces share a rate.
 * Refuses mixed rates otherwise.
 */
function commonRate(traces: readonly SeismicTrace[], o: ReturnType<typeof checkOptions>, notes: string[]): number | null {
  const rates = [...new Set(traces.map((t) => t.sampleRate))].sort((a, b) => a - b);
  const mixed = rates.length > 1 && rates[rates.length - 1] - rates[0] > 1e-4 * rates[0];
  if (!mixed) return null;
  const where = traces.map((t) => `${traceId(t)} at ${hz(t.sampleRate)}`).filter((v, i, a) => a.indexOf(v) === i);
  if (o.targetRate !== undefined) {
    notes.push(`The record mixes sampling rates (${where.join(', ')}): each piece resampled to ${hz(o.targetRate)} before merging`);
    return o.targetRate;
  }
  if (o.mixedRates === 'refuse') {
    throw new TraceError('traces', 'mixed-sample-rates', `the record mixes sampling rates (${where.join(', ')}): one record must have one rate. Load the channels separately, or resample them to one rate`);
  }
  notes.push(`The record mixes sampling rates (${where.join(', ')}): all resampled to the lowest, ${hz(rates[0])}, after an anti-alias low-pass (no detail is invented)`);
  return rates[0];
}

/** The merged channels of the first station and instrument; the others are named in a note. */
function firstStation(merged: SeismicTrace[], notes: string[]): SeismicTrace[] {
  const key = (t: SeismicTrace) => traceId(t).slice(0, -1);
  const k0 = key(merged[0]);
  const others = [...new Set(merged.map(key).filter((k) => k !== k0))];
  if (others.length > 0) notes.push(`The file holds ${plural(others.length + 1, 'station or instrument')} (${[k0, ...others].join(', ')}): showing the first, ${k0}`);
  return merged.filter((t) => key(t) === k0);
}

/**
 * Prepares traces already read (from a file or an FDSN answer) as {@link loadTraceFile}
 * does: merge, group, rates, components, band-pass, window. `notes` are prepended to the
 * result's notes.
 */
export function prepareTraces(input: readonly SeismicTrace[], options: LoadTraceOptions = {}, source: { format?: SeismicFormat | null; name?: string; notes?: string[] } = {}): LoadedTraces {
  const o = checkOptions(options);
  if (!Array.isArray(input) || input.length === 0) throw new TraceError('traces', 'bad-trace', `${source.name || 'the record'} holds no traces`);
  const notes = [...(source.notes ?? [])];
  input.forEach((t, i) => checkTraceFinite(t, input.length === 1 ? 'trace' : `traces[${i}]`));
  const nonEmpty = input.filter((t) => t.data.length > 0);
  if (nonEmpty.length === 0) throw new TraceError('traces', 'too-short', `${source.name || 'the record'} holds no samples`);

  // 1. One rate for all pieces (refused, or resampled before merging).
  const rate = commonRate(nonEmpty, o, notes);
  const pieces = rate === null ? nonEmpty : nonEmpty.map((t) => toRate(t, rate));
  const resampledFrom = rate === null ? null : [...new Set(nonEmpty.map((t) => t.sampleRate))];

  // 2. Merge each channel's pieces: gaps padded with zeros (or refused), overlaps merged.
  const merged = mergeTraces(pieces, { fill: 'zeros', maxFillSeconds: o.gaps === 'pad' ? o.maxGapSeconds : 0 });
  const count = new Map<string, number>();
  for (const t of merged.traces) count.set(traceId(t), (count.get(traceId(t)) ?? 0) + 1);
  const maxFill = o.gaps === 'pad' ? o.maxGapSeconds : 0;
  const open = merged.gaps.find((g) => (count.get(g.id) ?? 0) > 1 && (g.end - g.start) / 1000 > maxFill);
  if (open) {
    const s = Number(((open.end - open.start) / 1000).toPrecision(3));
    throw new TraceError(
      'traces',
      'gap',
      `${open.id} has a gap of ${s} s at ${new Date(Math.round(open.start)).toISOString().replace('T', ' ').replace('Z', ' UTC')}${o.gaps === 'refuse' ? ' and gaps are refused here' : `, longer than the ${o.maxGapSeconds} s this widget pads with zeros`}: load a window without it`,
    );
  }
  notes.push(...merged.notes.map((n) => n.replace(/filled with zeros$/, 'padded with zeros').replace(/\(kept once\)$/, '(merged: kept once)').replace(/the earlier piece was kept$/, 'merged, keeping the earlier piece')));
  const station = firstStation(merged.traces, notes);

  // 3. Components: grouped Z/N/E (or Z/1/2) and aligned; a lone channel with another code stands alone.
  let comps: { letter: string; trace: SeismicTrace }[];
  let id: string;
  let missing: string[] = [];
  const letter = (t: SeismicTrace) => t.channel.slice(-1).toUpperCase();
  const standard = station.every((t) => 'ZNE12'.includes(letter(t)) && letter(t) !== '');
  if (station.length === 1 && !standard) {
    const t = station[0];
    id = traceId(t);
    comps = [{ letter: t.channel || '?', trace: t }];
  } else {
    const [g] = groupComponents(station, { missing: 'keep' });
    id = g.id;
    notes.push(...g.notes.filter((n) => !/ (is|are) missing: the views show/.test(n)));
    missing = g.missing;
    comps = g.components.flatMap((l, i) => (g.data[i] ? [{ letter: l, trace: { ...station[0], channel: `${g.id.split('.')[3]}${l}`, sampleRate: g.sampleRate, startTime: g.startTime, data: g.data[i]! } }] : []));
  }
  const filled: string[] = [];
  if (o.components !== 'keep' && (missing.length > 0 || comps.length === 1)) {
    const set = missing.length > 0 ? [...comps.map((c) => c.letter), ...missing] : ['Z', 'N', 'E'];
    const want = missing.length > 0 ? missing : ['N', 'E'];
    const present = comps.map((c) => c.letter).join(' and ');
    if (o.components === 'refuse') {
      throw new TraceError('traces', 'components', `${id}: only ${present} ${comps.length === 1 ? 'is' : 'are'} in the file; this model needs three components (load the other channels too)`);
    }
    const src = comps.find((c) => c.letter === 'Z') ?? comps[0];
    for (const l of want) {
      const data = o.components === 'replicate' ? Float64Array.from(src.trace.data) : new Float64Array(src.trace.data.length);
      comps.push({ letter: l, trace: { ...src.trace, channel: `${src.trace.channel.slice(0, -1)}${l}`, data } });
      filled.push(l);
    }
    comps.sort((a, b) => set.indexOf(a.letter) - set.indexOf(b.letter));
    notes.push(
      o.components === 'replicate'
        ? `${id}: only ${present} in the file; ${src.letter} copied into ${want.join(' and ')}, so a three-component model sees the same motion on all three (no polarisation: S picks are less reliable)`
        : `${id}: only ${present} in the file; ${want.join(' and ')} filled with zeros, so a three-component model sees no horizontal motion`,
    );
  }

  // 4. The model's rate, the band-pass, the window.
  let traces = comps.map((c) => c.trace);
  let from = resampledFrom;
  if (o.targetRate !== undefined && Math.abs(traces[0].sampleRate - o.targetRate) > 1e-9 * o.targetRate) {
    const was = traces[0].sampleRate;
    from = from ?? [was];
    traces = traces.map((t) => toRate(t, o.targetRate!));
    notes.push(`${id}: resampled from ${hz(was)} to ${hz(o.targetRate)}${was > o.targetRate ? ` after an anti-alias low-pass at ${hz(0.4 * o.targetRate)}` : ''}`);
  }
  const fs = traces[0].sampleRate;
  if (o.bandpass) {
    const { freqmin, freqmax, order = 4 } = o.bandpass;
    if (freqmax >= fs / 2) throw new ValidationError('bandpass.freqmax', 'out-of-range', `must be below the Nyquist frequency ${hz(fs / 2)} of the ${hz(fs)} record, got ${freqmax}`);
    traces = traces.map((t) => ({ ...t, data: bandpassFilter(t.data, { sampleRate: fs, freqmin, freqmax, order, zeroPhase: true }) }));
    notes.push(`${id}: band-passed ${freqmin}–${freqmax} Hz (Butterworth, zero phase)`);
  }
  let length = traces[0].data.length;
  let padded = 0;
  if (length < o.window) {
    const sec = (n: number) => `${Number((n / fs).toPrecision(3))} s`;
    if (o.short === 'refuse') {
      throw new TraceError('traces', 'too-short', `${id} holds ${plural(length, 'sample')} at ${hz(fs)} (${sec(length)}), shorter than the window of ${o.window} (${sec(o.window)}): load a longer record`);
    }
    padded = o.window - length;
    traces = traces.map((t) => {
      const d = new Float64Array(o.window);
      d.set(t.data);
      return { ...t, data: d };
    });
    notes.push(`${id}: ${plural(length, 'sample')} padded with ${padded} zeros to the window of ${o.window}`);
    length = o.window;
  }
  return {
    traces,
    notes,
    id,
    components: comps.map((c) => c.letter),
    sampleRate: fs,
    length,
    startTime: traces[0].startTime,
    format: source.format ?? null,
    name: source.name ?? '',
    resampledFrom: from,
    filled,
    gaps: merged.gaps,
    overlaps: merged.overlaps,
    padded,
  };
}

/**
 * Reads a dropped or picked miniSEED or SAC file and prepares it (see the module comment).
 * Throws a `FormatError` for bytes neither reader can read, a `ValidationError` (a
 * `TraceError` with its `reason`) for traces that cannot be prepared as asked; the caller
 * shows `error.message` and keeps what it showed before.
 *
 * @example
 * const { traces, notes } = loadTraceFile(new Uint8Array(await file.arrayBuffer()), file.name, { targetRate: 100, window: 3000, components: 'replicate' });
 */
export function loadTraceFile(bytes: Uint8Array, name: string, options: LoadTraceOptions = {}): LoadedTraces {
  const o = checkOptions(options);
  const read = readTraceBytes(bytes, name, o.format);
  const what = `${name || 'The file'}: ${FORMAT_NAME[read.format]}, ${plural(read.traces.length, 'trace')}`;
  return prepareTraces(read.traces, options, { format: read.format, name, notes: [what] });
}
