/**
 * Preparing real traces for the models and the viewers: a file or an FDSN answer holds
 * pieces of each channel (records with gaps and overlaps), one to three components, at
 * whatever rate the station records. Here they are merged per channel (gaps and overlaps
 * reported), grouped into three-component sets (Z/N/E or Z/1/2), checked for NaN, and cut
 * or padded to a model's window. Resampling is in `resample.ts`.
 *
 * Each step explains what it did in plain words (`notes`), for the widget to show, and
 * refuses what it cannot do safely with a {@link TraceError} saying why.
 */
import { ValidationError, type ValidationProblem } from '../core/errors';
import { checkOneOf, checkScalar, checkSize, describeValue } from '../core/validation';
import { checkOptions, MAX_SIGNAL_SAMPLES } from './_checks';
import type { SeismicTrace } from './miniseed';

/** Why a set of traces cannot be prepared, as a stable code. */
export type TraceProblem =
  /** One channel recorded at two or more sampling rates. */
  | 'mixed-sample-rates'
  /** NaN or ±∞ samples (damaged or missing data). */
  | 'not-finite'
  /** Fewer samples than the window needs. */
  | 'too-short'
  /** Pieces of a channel without start times cannot be put in order. */
  | 'no-start-time'
  /** Fewer components than asked, or components that do not line up. */
  | 'components'
  /** A gap in a channel that is refused, or too long to fill. */
  | 'gap'
  /** Not a trace at all (no data array, no sampling rate). */
  | 'bad-trace';

const VALIDATION_PROBLEM: Record<TraceProblem, ValidationProblem> = {
  'mixed-sample-rates': 'bad-option',
  'not-finite': 'not-finite',
  'too-short': 'out-of-range',
  'no-start-time': 'missing-value',
  components: 'shape-mismatch',
  gap: 'out-of-range',
  'bad-trace': 'bad-option',
};

/**
 * A trace set that cannot be prepared. A {@link ValidationError} (argument `traces` or
 * `trace`), with {@link TraceError.reason} saying which of the cases it is.
 */
export class TraceError extends ValidationError {
  /** Which problem. */
  readonly reason: TraceProblem;
  constructor(argument: string, reason: TraceProblem, detail: string) {
    super(argument, VALIDATION_PROBLEM[reason], detail);
    this.reason = reason;
  }
}

/** "IU.COLA.00.LHZ": network.station.location.channel. */
export function traceId(t: Pick<SeismicTrace, 'network' | 'station' | 'location' | 'channel'>): string {
  if (t === null || typeof t !== 'object') throw new TraceError('trace', 'bad-trace', 'expected a trace with network, station, location and channel codes');
  const code = (v: unknown) => (typeof v === 'string' ? v : '');
  return `${code(t.network)}.${code(t.station)}.${code(t.location)}.${code(t.channel)}`;
}

/** UTC time of epoch ms, ISO-like, for messages. */
function when(t: number | null): string {
  return t === null ? 'an unknown time' : new Date(Math.round(t)).toISOString().replace('Z', ' UTC').replace('T', ' ');
}

/** Validates one trace's shape (data array, positive rate) without copying. */
function checkTraceShape(t: unknown, name: string): SeismicTrace {
  const tr = t as SeismicTrace;
  const data: unknown = tr !== null && typeof tr === 'object' ? tr.data : undefined;
  if (!(data instanceof Float64Array || data instanceof Float32Array || Array.isArray(data))) {
    throw new TraceError(name, 'bad-trace', 'expected a trace { network, station, location, channel, sampleRate, startTime, data } as readMiniSeed and readSac return');
  }
  for (const k of ['network', 'station', 'location', 'channel'] as const) {
    if (typeof tr[k] !== 'string') throw new TraceError(name, 'bad-trace', `its ${k} code must be a string ("" when unknown), got ${describeValue(tr[k])}`);
  }
  if (typeof tr.sampleRate !== 'number' || !Number.isFinite(tr.sampleRate) || tr.sampleRate <= 0) throw new TraceError(name, 'bad-trace', `${traceId(tr)} has sampling rate ${String(tr.sampleRate)}; it must be a positive number of Hz`);
  if (tr.startTime !== null && (typeof tr.startTime !== 'number' || !Number.isFinite(tr.startTime))) throw new TraceError(name, 'bad-trace', `${traceId(tr)} has start time ${String(tr.startTime)}; it must be epoch milliseconds or null`);
  return tr;
}

/**
 * Refuses a trace with NaN or ±∞ samples, naming the first one and its time: models must
 * never see NaN (one spreads through every filter and convolution to the whole output).
 * Returns the trace.
 */
export function checkTraceFinite(trace: SeismicTrace, name = 'trace'): SeismicTrace {
  const t = checkTraceShape(trace, name);
  const d = t.data;
  for (let i = 0; i < d.length; i++) {
    if (!Number.isFinite(d[i])) {
      let count = 0;
      for (let j = i; j < d.length; j++) if (!Number.isFinite(d[j])) count++;
      const at = t.startTime === null ? '' : ` (${when(t.startTime + (i * 1000) / t.sampleRate)})`;
      throw new TraceError(name, 'not-finite', `${traceId(t)} has ${count} sample${count > 1 ? 's' : ''} that ${count > 1 ? 'are' : 'is'} not a number, the first at index ${i}${at} (${d[i]}): the record is damaged or has missing data. Cut that part out, or fill it, before running a model: models never see NaN`);
    }
  }
  return t;
}

/** A stretch of missing data between two pieces of a channel. */
export interface TraceGap {
  /** Channel, "IU.COLA.00.LHZ". */
  id: string;
  /** Time the missing samples start (just after the last sample before the gap), epoch ms. */
  start: number;
  /** Time of the first sample after the gap, epoch ms. */
  end: number;
  /** Number of missing samples. */
  samples: number;
}

/** A stretch recorded twice: a piece of a channel starts before the previous one ended. */
export interface TraceOverlap {
  /** Channel, "IU.COLA.00.LHZ". */
  id: string;
  /** Start of the doubly covered stretch (the later piece's start), epoch ms. */
  start: number;
  /** End of the stretch (just after the earlier piece's last sample), epoch ms. */
  end: number;
  /** Number of samples covered twice. */
  samples: number;
  /** Whether both pieces hold the same values there (a record sent twice), or differ. */
  identical: boolean;
}

/** Options of {@link mergeTraces}. */
export interface MergeTracesOptions {
  /**
   * What to do at a gap: 'split' keeps separate traces (no invented data), 'zeros' fills the
   * missing samples with zeros (the mean of the trace after demeaning; a model needs one
   * window). Default 'split'.
   */
  fill?: 'split' | 'zeros';
  /** Longest gap 'zeros' fills, in seconds; a longer one splits. Default Infinity. */
  maxFillSeconds?: number;
  /** Largest relative difference of two sampling rates read as the same rate. Default 1e-4 (100 ppm). */
  rateTolerance?: number;
}

/** What {@link mergeTraces} returns. */
export interface MergedTraces {
  /** One trace per channel (or several after a split gap), ordered by channel then time. */
  traces: SeismicTrace[];
  /** Gaps found, in time order per channel. */
  gaps: TraceGap[];
  /** Overlaps found; the earlier piece's samples are kept. */
  overlaps: TraceOverlap[];
  /** Plain-language notes for the student, one per gap or overlap handled. */
  notes: string[];
}

/**
 * Merges the pieces of each channel (network.station.location.channel) in time order. Two
 * pieces are contiguous when the second starts within half a sample of where the first
 * ended; later, there is a gap (split or zero-filled, see `fill`); earlier, an overlap (the
 * samples already there are kept, the rest of the later piece appended). After a zero-filled
 * gap the next piece is placed on the nearest sample of the first piece's grid (an error
 * under half a sample). Throws a {@link TraceError} 'mixed-sample-rates' when one channel
 * has pieces at different rates (resample each first), and 'no-start-time' when a channel
 * has several pieces and one has no start time.
 *
 * @example
 * const { traces, gaps, notes } = mergeTraces(readMiniSeed(bytes).traces, { fill: 'zeros' });
 */
export function mergeTraces(traces: readonly SeismicTrace[], options: MergeTracesOptions = {}): MergedTraces {
  options = checkOptions(options);
  if (!Array.isArray(traces)) throw new TraceError('traces', 'bad-trace', 'expected an array of traces');
  const fill = checkOneOf(options.fill ?? 'split', 'fill', ['split', 'zeros'] as const);
  const maxFill = options.maxFillSeconds === undefined ? Infinity : checkScalar(options.maxFillSeconds, 'maxFillSeconds', { min: 0 });
  const tol = checkScalar(options.rateTolerance ?? 1e-4, 'rateTolerance', { min: 0, max: 0.1 });
  traces.forEach((t, i) => checkTraceFinite(t, `traces[${i}]`));
  const byId = new Map<string, SeismicTrace[]>();
  for (const t of traces) {
    const id = traceId(t);
    if (!byId.has(id)) byId.set(id, []);
    byId.get(id)!.push(t);
  }
  const out: MergedTraces = { traces: [], gaps: [], overlaps: [], notes: [] };
  for (const [id, pieces] of byId) {
    const rates = [...new Set(pieces.map((p) => p.sampleRate))];
    const fs = rates[0];
    const odd = rates.find((r) => Math.abs(r - fs) > tol * fs);
    if (odd !== undefined) {
      throw new TraceError('traces', 'mixed-sample-rates', `channel ${id} is recorded at ${rates.join(' Hz and ')} Hz in the same file: one channel must have one sampling rate. Resample the pieces to one rate (resampleTrace) before merging, or load them separately`);
    }
    if (pieces.length === 1) {
      out.traces.push(pieces[0]);
      continue;
    }
    if (pieces.some((p) => p.startTime === null)) throw new TraceError('traces', 'no-start-time', `channel ${id} comes in ${pieces.length} pieces and at least one has no start time, so they cannot be put in order`);
    const dt = 1000 / fs;
    const sorted = [...pieces].sort((a, b) => a.startTime! - b.startTime!);
    // Current run: its start, and its chunks (sample arrays) with their total length.
    let start = sorted[0].startTime!;
    let chunks: ArrayLike<number>[] = [sorted[0].data];
    let length = sorted[0].data.length;
    const close = () => {
      checkSize('traces', length, MAX_SIGNAL_SAMPLES, 'samples in one merged trace');
      const data = new Float64Array(length);
      let o = 0;
      for (const c of chunks) {
        data.set(c, o);
        o += c.length;
      }
      out.traces.push({ ...sorted[0], sampleRate: fs, startTime: start, data });
    };
    for (let k = 1; k < sorted.length; k++) {
      const p = sorted[k];
      const endTime = start + length * dt; // time the next sample of the run is due
      const offset = (p.startTime! - endTime) / dt; // in samples; 0 when contiguous
      if (Math.abs(offset) <= 0.5) {
        chunks.push(p.data);
        length += p.data.length;
        continue;
      }
      if (offset > 0) {
        const missing = Math.round(offset);
        out.gaps.push({ id, start: endTime, end: p.startTime!, samples: missing });
        const seconds = (p.startTime! - endTime) / 1000;
        if (fill === 'zeros' && seconds <= maxFill) {
          checkSize('traces', length + missing + p.data.length, MAX_SIGNAL_SAMPLES, 'samples in one merged trace (the gap is too long to fill: use fill "split")');
          chunks.push(new Float64Array(missing), p.data);
          length += missing + p.data.length;
          out.notes.push(`${id}: a gap of ${fmtSeconds(seconds)} (${missing} samples) at ${when(endTime)} was filled with zeros`);
        } else {
          close();
          start = p.startTime!;
          chunks = [p.data];
          length = p.data.length;
          out.notes.push(`${id}: a gap of ${fmtSeconds(seconds)} (${missing} samples) at ${when(endTime)} splits the channel into separate traces${fill === 'zeros' ? ` (longer than maxFillSeconds = ${maxFill} s)` : ''}`);
        }
        continue;
      }
      // Overlap: the piece starts `back` samples before the run ends, and covers `twice` of them.
      const back = Math.min(Math.round(-offset), length);
      const twice = Math.min(back, p.data.length);
      const run = concatTail(chunks, back);
      let identical = true;
      for (let i = 0; i < twice; i++) if (run[i] !== p.data[i]) identical = false;
      out.overlaps.push({ id, start: p.startTime!, end: Math.min(endTime, p.startTime! + p.data.length * dt), samples: twice, identical });
      const rest = Array.prototype.slice.call(p.data, twice) as number[];
      if (rest.length > 0) {
        chunks.push(Float64Array.from(rest));
        length += rest.length;
      }
      out.notes.push(
        `${id}: ${twice} samples (${fmtSeconds((twice * dt) / 1000)}) at ${when(p.startTime!)} were recorded twice${identical ? ' with the same values (kept once)' : ' with different values; the earlier piece was kept'}`,
      );
    }
    close();
  }
  return out;
}

/** The last `count` samples of a run stored as chunks. */
function concatTail(chunks: ArrayLike<number>[], count: number): Float64Array {
  const out = new Float64Array(count);
  let need = count;
  for (let c = chunks.length - 1; c >= 0 && need > 0; c--) {
    const ch = chunks[c];
    const take = Math.min(need, ch.length);
    for (let i = 0; i < take; i++) out[need - take + i] = ch[ch.length - take + i];
    need -= take;
  }
  return out;
}

function fmtSeconds(s: number): string {
  return s >= 120 ? `${(s / 60).toFixed(1)} min` : `${Number(s.toPrecision(3))} s`;
}

/** The component letters of the two three-component conventions. */
export const COMPONENT_SETS = [
  ['Z', 'N', 'E'],
  ['Z', '1', '2'],
] as const;

/** Three components of one station and instrument, aligned sample for sample. */
export interface ComponentGroup {
  /** "IU.COLA.00.LH": network.station.location and the band and instrument letters. */
  id: string;
  /** Component letters in order: ['Z', 'N', 'E'] or ['Z', '1', '2']. */
  components: string[];
  /** The samples of each component (null when it is missing and `missing` is 'keep'), all of the same length. */
  data: (Float64Array | null)[];
  /** Shared sampling rate, Hz. */
  sampleRate: number;
  /** Time of the first sample, epoch ms (null if unknown). */
  startTime: number | null;
  /** The components that the file does not hold. */
  missing: string[];
  /** Plain-language notes: a missing component, trimming to the common span. */
  notes: string[];
}

/** Options of {@link groupComponents}. */
export interface GroupComponentsOptions {
  /**
   * What to do when a group has fewer than three components: 'keep' returns it with null
   * data for the missing ones and a note; 'zeros' fills them with zeros (a note says so:
   * a three-component model then sees a vertical-only station); 'refuse' throws a
   * {@link TraceError} 'components'. Default 'keep'.
   */
  missing?: 'keep' | 'zeros' | 'refuse';
}

/**
 * Groups traces into three-component sets by network, station, location and the first two
 * letters of the channel (band and instrument: "HH", "BH", "LH"); the third letter is the
 * component, Z/N/E or Z/1/2 (1 and 2 are horizontals not aligned with north and east).
 * Components are trimmed to the time span they share, on the first one's sample grid.
 * Throws a {@link TraceError}: 'mixed-sample-rates' when components differ in rate,
 * 'components' when a component comes in several pieces (merge with fill 'zeros' first),
 * mixes the two conventions, or does not overlap the others in time.
 */
export function groupComponents(traces: readonly SeismicTrace[], options: GroupComponentsOptions = {}): ComponentGroup[] {
  options = checkOptions(options);
  if (!Array.isArray(traces)) throw new TraceError('traces', 'bad-trace', 'expected an array of traces');
  const missingMode = checkOneOf(options.missing ?? 'keep', 'missing', ['keep', 'zeros', 'refuse'] as const);
  traces.forEach((t, i) => checkTraceFinite(t, `traces[${i}]`));
  const groups = new Map<string, Map<string, SeismicTrace[]>>();
  for (const t of traces) {
    const ch = t.channel ?? '';
    const key = `${t.network}.${t.station}.${t.location}.${ch.slice(0, Math.max(ch.length - 1, 0))}`;
    const comp = ch.slice(-1).toUpperCase();
    if (!groups.has(key)) groups.set(key, new Map());
    const g = groups.get(key)!;
    if (!g.has(comp)) g.set(comp, []);
    g.get(comp)!.push(t);
  }
  const out: ComponentGroup[] = [];
  for (const [id, comps] of groups) {
    const letters = [...comps.keys()];
    const set = COMPONENT_SETS.find((s) => letters.every((l) => (s as readonly string[]).includes(l)));
    if (!set) {
      throw new TraceError('traces', 'components', `${id}: components ${letters.join(', ')} are not one set of Z/N/E or Z/1/2 (channels ${letters.map((l) => id.split('.')[3] + l).join(', ')})`);
    }
    for (const [l, list] of comps) {
      if (list.length > 1) throw new TraceError('traces', 'components', `${id}${l} comes in ${list.length} pieces (gaps or overlaps): merge them first, mergeTraces(traces, { fill: 'zeros' })`);
    }
    const present = set.filter((l) => comps.has(l));
    const missing = set.filter((l) => !comps.has(l));
    const first = comps.get(present[0])![0];
    const fs = first.sampleRate;
    for (const l of present) {
      const r = comps.get(l)![0].sampleRate;
      if (Math.abs(r - fs) > 1e-4 * fs) throw new TraceError('traces', 'mixed-sample-rates', `${id}: component ${present[0]} is at ${fs} Hz but ${l} at ${r} Hz; resample them to one rate first`);
    }
    const notes: string[] = [];
    // Common span on the first component's grid: shift each by its start offset in samples.
    const dt = 1000 / fs;
    const t0 = first.startTime;
    let lo = 0;
    let hi = first.data.length; // sample indices on the first component's grid
    const shifts = new Map<string, number>();
    for (const l of present) {
      const t = comps.get(l)![0];
      let shift = 0;
      if (t0 !== null && t.startTime !== null) shift = Math.round((t.startTime - t0) / dt);
      else if (t0 !== t.startTime) notes.push(`${id}: component ${l} has no start time; it is assumed to start with ${present[0]}`);
      shifts.set(l, shift);
      lo = Math.max(lo, shift);
      hi = Math.min(hi, shift + t.data.length);
    }
    if (hi <= lo) throw new TraceError('traces', 'components', `${id}: components ${present.join(', ')} do not overlap in time`);
    const len = hi - lo;
    const data = set.map((l) => {
      if (!comps.has(l)) return missingMode === 'zeros' ? new Float64Array(len) : null;
      const t = comps.get(l)![0];
      const from = lo - shifts.get(l)!;
      if (from > 0 || t.data.length !== len) notes.push(`${id}${l}: trimmed to the span all components share (${t.data.length - len} samples cut)`);
      return Float64Array.from(Array.prototype.slice.call(t.data, from, from + len) as number[]);
    });
    if (missing.length > 0) {
      const what = `${id}: only ${present.join(' and ')} ${present.length === 1 ? 'is' : 'are'} in the file, ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing`;
      if (missingMode === 'refuse') throw new TraceError('traces', 'components', `${what}; a three-component model needs all three (load the other channels too)`);
      notes.unshift(missingMode === 'zeros' ? `${what}: filled with zeros, so a three-component model sees no horizontal motion and its S picks are unreliable` : `${what}: the views show ${present.length === 1 ? 'it' : 'them'} alone`);
    }
    out.push({ id, components: [...set], data, sampleRate: fs, startTime: t0 === null ? null : t0 + lo * dt, missing, notes });
  }
  return out;
}

/** Options of {@link fitWindow}. */
export interface FitWindowOptions {
  /** Number of samples of the window (3000 for 30 s at 100 Hz). Required. */
  length: number;
  /** A shorter signal: 'refuse' (a {@link TraceError} 'too-short') or 'pad' with `padValue`. Default 'refuse'. */
  short?: 'refuse' | 'pad';
  /** Where a padded signal sits: 'start' (padding after it) or 'center'. Default 'start'. */
  align?: 'start' | 'center';
  /** Value of the padding. Default 0. */
  padValue?: number;
  /** Sample where the window starts in a longer signal. Default 0. */
  offset?: number;
}

/**
 * One window of exactly `length` samples from a signal: a slice from `offset`, or, for a
 * signal shorter than the window, padding (option) or a {@link TraceError} 'too-short'. The
 * samples must be finite. Returns `{ data, padded }` (how many padding samples were added).
 */
export function fitWindow(signal: ArrayLike<number>, options: FitWindowOptions): { data: Float64Array; padded: number } {
  options = checkOptions(options);
  const length = checkScalar(options.length, 'length', { min: 1, integer: true });
  checkSize('length', length, MAX_SIGNAL_SAMPLES, 'samples');
  const short = checkOneOf(options.short ?? 'refuse', 'short', ['refuse', 'pad'] as const);
  const align = checkOneOf(options.align ?? 'start', 'align', ['start', 'center'] as const);
  const padValue = checkScalar(options.padValue ?? 0, 'padValue');
  const offset = checkScalar(options.offset ?? 0, 'offset', { min: 0, integer: true });
  if (signal === null || typeof signal !== 'object' || typeof signal.length !== 'number') throw new ValidationError('signal', 'bad-option', 'expected an array of samples');
  const n = signal.length;
  for (let i = 0; i < n; i++) if (!Number.isFinite(signal[i])) throw new TraceError('signal', 'not-finite', `sample ${i} is ${signal[i]}: models never see NaN; cut or fill the damaged part first`);
  const avail = Math.max(0, n - offset);
  if (avail >= length) return { data: Float64Array.from(Array.prototype.slice.call(signal, offset, offset + length) as number[]), padded: 0 };
  if (short === 'refuse') {
    throw new TraceError('signal', 'too-short', `has ${avail} samples${offset ? ` from offset ${offset}` : ''}, but the window needs ${length}; load a longer record, or pad it (short: 'pad')`);
  }
  const data = new Float64Array(length).fill(padValue);
  const at = align === 'center' ? Math.floor((length - avail) / 2) : 0;
  for (let i = 0; i < avail; i++) data[at + i] = signal[offset + i];
  return { data, padded: length - avail };
}

/**
 * Start indices of sliding windows of `length` samples, `step` apart, covering a signal of
 * n samples; the last window is moved back to end at the last sample, so that nothing is
 * left out. A signal shorter than one window gives [] (see {@link fitWindow} to pad it).
 */
export function windowStarts(n: number, length: number, step: number): number[] {
  checkScalar(n, 'n', { min: 0, integer: true });
  checkScalar(length, 'length', { min: 1, integer: true });
  checkScalar(step, 'step', { min: 1, integer: true });
  if (n < length) return [];
  checkSize('step', Math.floor((n - length) / step) + 2, MAX_SIGNAL_SAMPLES, 'windows');
  const out: number[] = [];
  for (let s = 0; s + length <= n; s += step) out.push(s);
  if (out[out.length - 1] + length < n) out.push(n - length);
  return out;
}

/**
 * The samples of a trace whose times fall in [start, end] (epoch ms, both ends included,
 * to within a microsecond), as a new trace with its start time moved to the first kept
 * sample; null when none falls inside. A trace without a start time cannot be cut (a
 * {@link TraceError} 'no-start-time').
 */
export function sliceTrace(trace: SeismicTrace, start: number, end: number): SeismicTrace | null {
  const t = checkTraceShape(trace, 'trace');
  checkScalar(start, 'start');
  checkScalar(end, 'end');
  if (end < start) throw new ValidationError('end', 'out-of-range', `must not be before start (${start}), got ${end}`);
  if (t.startTime === null) throw new TraceError('trace', 'no-start-time', `${traceId(t)} has no start time, so it cannot be cut to a time window`);
  const dt = 1000 / t.sampleRate;
  const eps = 1e-3 / dt; // one microsecond, in samples
  const i0 = Math.max(0, Math.ceil((start - t.startTime) / dt - eps));
  const i1 = Math.min(t.data.length - 1, Math.floor((end - t.startTime) / dt + eps));
  if (i1 < i0) return null;
  if (i0 === 0 && i1 === t.data.length - 1) return t;
  return { ...t, startTime: t.startTime + i0 * dt, data: Float64Array.from(Array.prototype.slice.call(t.data, i0, i1 + 1) as number[]) };
}
