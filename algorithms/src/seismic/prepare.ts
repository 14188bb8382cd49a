/**
 * The whole path from the traces of a file (or an FDSN answer) to what a three-component
 * model takes: merge each channel's pieces, group Z/N/E (or Z/1/2), resample to the model's
 * rate with an anti-alias filter, band-pass if asked, and check the length against the
 * model's window. Every step that changes the data adds a plain-language note, for the
 * widget to show beside the result; what cannot be done safely is a {@link TraceError}.
 */
import { ValidationError } from '../core/errors';
import { checkOneOf, checkScalar, describeValue } from '../core/validation';
import { checkOptions } from './_checks';
import { bandpass } from './filter';
import type { SeismicTrace } from './miniseed';
import { resample } from './resample';
import { groupComponents, mergeTraces, TraceError, traceId, type TraceGap, type TraceOverlap } from './traces';

/** Options of {@link prepareStreams}. */
export interface PrepareStreamsOptions {
  /** Sampling rate the model takes, in Hz. Default 100 (PhaseNet's and ConvNetQuake's). */
  sampleRate?: number;
  /** Fewest samples each stream needs after resampling: the model's window (3000 for 30 s at 100 Hz). Default 1. */
  minLength?: number;
  /** A stream shorter than `minLength`: 'refuse' (a {@link TraceError} 'too-short') or 'pad' with zeros at the end. Default 'refuse'. */
  short?: 'refuse' | 'pad';
  /**
   * Gaps inside a channel: filled with zeros up to `maxFillSeconds` ('zeros'), or refused
   * ('refuse', a {@link TraceError} 'gap'). Default 'zeros'.
   */
  gaps?: 'zeros' | 'refuse';
  /** Longest gap filled with zeros, in seconds; a longer one is a TraceError 'gap'. Default 10. */
  maxFillSeconds?: number;
  /**
   * Missing components: filled with zeros, with a note saying the model sees no motion
   * there ('zeros'), or refused ('refuse'). Default 'zeros'.
   */
  missing?: 'zeros' | 'refuse';
  /** Zero-phase Butterworth band-pass after resampling, e.g. { freqmin: 1, freqmax: 20 }; off by default. */
  bandpass?: { freqmin: number; freqmax: number; order?: number };
}

/** One station's three components, ready for a model. */
export interface PreparedStream {
  /** "IU.COLA.00.LH": network.station.location and band/instrument letters. */
  id: string;
  /** Component letters, ['Z', 'N', 'E'] or ['Z', '1', '2']. */
  components: string[];
  /** The three components, each `length` samples at `sampleRate` (zeros for a missing one). */
  data: Float64Array[];
  /** Sampling rate, Hz (the model's). */
  sampleRate: number;
  /** Time of the first sample, epoch ms (null if unknown). */
  startTime: number | null;
  /** Samples per component. */
  length: number;
  /** The rate the file had, when it was resampled; null when it already matched. */
  resampledFrom: number | null;
  /** Components the file did not hold (filled with zeros). */
  missing: string[];
  /** Gaps found in this stream's channels (filled with zeros). */
  gaps: TraceGap[];
  /** Overlaps found in this stream's channels (the earlier samples kept). */
  overlaps: TraceOverlap[];
  /** Zero samples added at the end to reach `minLength`. */
  padded: number;
  /** What was done, in plain words, in order. */
  notes: string[];
}

/**
 * Prepares every three-component stream found in `traces` for a model (see the module
 * comment); one {@link PreparedStream} per station and instrument, in order of appearance.
 * Throws a {@link TraceError}: 'not-finite' for NaN samples, 'mixed-sample-rates' for one
 * channel at two rates, 'gap' for a gap that is refused or too long to fill,
 * 'components' for a missing component under `missing: 'refuse'`, 'too-short' for a stream
 * shorter than `minLength` under `short: 'refuse'`.
 *
 * @example
 * const [stream] = prepareStreams(readMiniSeed(bytes).traces, { sampleRate: 100, minLength: 3000 });
 * stream.notes; // ['XX.GEOL.00.HH: resampled from 40 Hz to 100 Hz (anti-alias low-pass first when the rate goes down)', …]
 */
export function prepareStreams(traces: readonly SeismicTrace[], options: PrepareStreamsOptions = {}): PreparedStream[] {
  options = checkOptions(options);
  const fs = checkScalar(options.sampleRate ?? 100, 'sampleRate', { min: 0, exclusiveMin: true });
  const minLength = checkScalar(options.minLength ?? 1, 'minLength', { min: 1, integer: true });
  const short = checkOneOf(options.short ?? 'refuse', 'short', ['refuse', 'pad'] as const);
  const gapMode = checkOneOf(options.gaps ?? 'zeros', 'gaps', ['zeros', 'refuse'] as const);
  const maxFill = checkScalar(options.maxFillSeconds ?? 10, 'maxFillSeconds', { min: 0 });
  const missing = checkOneOf(options.missing ?? 'zeros', 'missing', ['zeros', 'refuse'] as const);
  const band = options.bandpass;
  if (band !== undefined && (band === null || typeof band !== 'object')) throw new ValidationError('bandpass', 'bad-option', `must be { freqmin, freqmax } in Hz, got ${describeValue(band)}`);
  if (band) {
    // Checked now, so that a bad band fails before the work (and names the option).
    const fmin = checkScalar(band.freqmin, 'bandpass.freqmin', { min: 0, exclusiveMin: true });
    const fmax = checkScalar(band.freqmax, 'bandpass.freqmax', { min: 0, exclusiveMin: true });
    if (fmax <= fmin) throw new ValidationError('bandpass.freqmax', 'out-of-range', `must be above freqmin (${fmin} Hz), got ${fmax}`);
    if (fmax >= fs / 2) throw new ValidationError('bandpass.freqmax', 'out-of-range', `must be below the Nyquist frequency of the model's rate, ${fs / 2} Hz, got ${fmax}`);
  }

  const merged = mergeTraces(traces, { fill: 'zeros', maxFillSeconds: gapMode === 'zeros' ? maxFill : 0 });
  // A gap left open (refused, or too long to fill) splits a channel: name it.
  const pieces = new Map<string, number>();
  for (const t of merged.traces) pieces.set(traceId(t), (pieces.get(traceId(t)) ?? 0) + 1);
  const open = merged.gaps.find((g) => (pieces.get(g.id) ?? 0) > 1);
  if (open) {
    const seconds = (open.end - open.start) / 1000;
    throw new TraceError(
      'traces',
      'gap',
      `${open.id} has a gap of ${Number(seconds.toPrecision(3))} s at ${new Date(Math.round(open.start)).toISOString()}${gapMode === 'refuse' ? ", and gaps: 'refuse' was asked" : `, longer than maxFillSeconds = ${maxFill} s`}: load a window without it, or fill longer gaps (a model would read a long run of zeros as a quiet station)`,
    );
  }
  const groups = groupComponents(merged.traces, { missing: missing === 'refuse' ? 'refuse' : 'zeros' });
  return groups.map((g) => {
    // The group's channels are its id plus one component letter ("XX.GEOL.00.HH" + "Z").
    const inGroup = (id: string) => id.length === g.id.length + 1 && id.startsWith(g.id);
    const notes = [...merged.notes.filter((n) => inGroup(n.slice(0, n.indexOf(':')))), ...g.notes];
    let data = g.data.map((d) => d!);
    let resampledFrom: number | null = null;
    if (Math.abs(g.sampleRate - fs) > 1e-9 * fs) {
      resampledFrom = g.sampleRate;
      data = data.map((d) => resample(d, { sampleRate: g.sampleRate, targetRate: fs }));
      notes.push(`${g.id}: resampled from ${g.sampleRate} Hz to ${fs} Hz${g.sampleRate > fs ? ` after an anti-alias low-pass at ${0.4 * fs} Hz` : ''}`);
    }
    if (band) {
      data = data.map((d, i) => (g.missing.includes(g.components[i]) ? d : bandpass(d, { sampleRate: fs, freqmin: band.freqmin, freqmax: band.freqmax, order: band.order ?? 4, zeroPhase: true })));
      notes.push(`${g.id}: band-passed ${band.freqmin}–${band.freqmax} Hz (Butterworth, zero phase)`);
    }
    let length = data[0].length;
    let padded = 0;
    if (length < minLength) {
      if (short === 'refuse') {
        throw new TraceError('traces', 'too-short', `${g.id} holds ${length} samples at ${fs} Hz (${Number((length / fs).toPrecision(3))} s), but the model's window needs ${minLength} (${Number((minLength / fs).toPrecision(3))} s): load a longer record, or pad it (short: 'pad')`);
      }
      padded = minLength - length;
      data = data.map((d) => {
        const p = new Float64Array(minLength);
        p.set(d);
        return p;
      });
      notes.push(`${g.id}: ${length} samples padded with ${padded} zeros to the window of ${minLength}`);
      length = minLength;
    }
    return {
      id: g.id,
      components: g.components,
      data,
      sampleRate: fs,
      startTime: g.startTime,
      length,
      resampledFrom,
      missing: g.missing,
      gaps: merged.gaps.filter((x) => inGroup(x.id)),
      overlaps: merged.overlaps.filter((x) => inGroup(x.id)),
      padded,
      notes,
    };
  });
}
