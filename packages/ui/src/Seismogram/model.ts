/**
 * The seismogram's model: its types and state checks, the view window (clamp, pan, zoom,
 * focus on a pick), the STA/LTA picker, the band-pass corners, the status text and the
 * layout of the tracks. Pure functions of plain values, no React.
 */
import { bandpass, nextPowerOfTwo, staLta, triggerOnset } from '@geolearn/algorithms/seismic';
import { conceptColor } from '../common/colors';
import { fieldCheck, type FieldChecks } from '../hooks/useControllableState';

/** One trace of a seismogram: a component's samples and its name. */
export interface SeismogramTrace {
  /** Name shown beside the trace ("Z", "N", "E", "BHZ"…). */
  label: string;
  /** The samples, evenly spaced at the record's sampling rate. */
  samples: ArrayLike<number>;
}

/** P and S times in seconds from the first sample; either may be absent. */
export interface PhasePicks {
  /** P arrival time in s. */
  P?: number;
  /** S arrival time in s. */
  S?: number;
}

/** The explainer's state: plain JSON, so it can live in a permalink. */
export interface SeismogramView {
  /** Left edge of the view in seconds from the first sample. */
  start: number;
  /** Right edge of the view in seconds (> start). */
  end: number;
  /** The user's (or a picker's) P and S picks, drawn dashed. */
  picks?: PhasePicks;
  /** Amplitude scale: 'shared' (one scale for the whole record and every component, so the S/P ratio by component shows) or 'view' (each trace fills its track within the view). Default 'shared'. */
  scaling?: 'shared' | 'view';
  /** Band-pass (Butterworth, order 4, zero-phase) corners in Hz applied to the traces shown; absent or null: raw traces. */
  bandpass?: [number, number] | null;
  /** Show the STA/LTA ratio under the traces (the picker turns it on). Default false. */
  showRatio?: boolean;
}

/** How a `defaultValue` is checked field by field (bad fields are reported once and dropped). */
export const STATE_CHECKS: FieldChecks<SeismogramView> = {
  start: fieldCheck.number(),
  end: fieldCheck.number(),
  picks: (v: unknown): v is PhasePicks =>
    typeof v === 'object' && v !== null && !Array.isArray(v) && Object.entries(v).every(([k, t]) => (k === 'P' || k === 'S') && (t === undefined || fieldCheck.number()(t))),
  scaling: fieldCheck.oneOf('shared', 'view'),
  bandpass: (v: unknown): v is [number, number] | null => v === null || (fieldCheck.tuple<[number, number]>(2)(v) && v[0] > 0 && v[1] > v[0]),
  showRatio: fieldCheck.boolean,
};

/** Colours of the P and S markers: the library's P-wave and S-wave colours. */
export const PHASE_COLORS = { P: conceptColor('pWave'), S: conceptColor('sWave') } as const;

/** Keeps a view inside the record and at least `minSpan` wide. */
export function clampView(start: number, end: number, duration: number, minSpan: number): [number, number] {
  const span = Math.min(duration, Math.max(minSpan, Number.isFinite(end - start) ? end - start : duration));
  let s = Number.isFinite(start) ? start : 0;
  if (s + span > duration) s = duration - span;
  if (s < 0) s = 0;
  return [s, s + span];
}

/** The view with a new window (clamped); the same object when nothing moved. */
export function withWindow(v: SeismogramView, s: number, e: number, duration: number, minSpan: number): SeismogramView {
  const [a, b] = clampView(s, e, duration, minSpan);
  return a === v.start && b === v.end ? v : { ...v, start: a, end: b };
}

/** Pans by a fraction of the current span. */
export function panned(v: SeismogramView, fraction: number, duration: number, minSpan: number): SeismogramView {
  const [a, b] = clampView(v.start, v.end, duration, minSpan);
  return withWindow(v, a + fraction * (b - a), b + fraction * (b - a), duration, minSpan);
}

/** Zooms by `factor` (< 1 zooms in) around time `at` (default the centre). */
export function zoomed(v: SeismogramView, factor: number, duration: number, minSpan: number, at?: number): SeismogramView {
  const [a, b] = clampView(v.start, v.end, duration, minSpan);
  const c = at ?? (a + b) / 2;
  const span = Math.min(duration, Math.max(minSpan, (b - a) * factor));
  const t = (c - a) / (b - a);
  return withWindow(v, c - t * span, c + (1 - t) * span, duration, minSpan);
}

/** Widest view (s) the picker leaves around its pick: a minute shows an onset at any record length. */
export const PICK_VIEW_SPAN = 60;

/**
 * Moves the view to a pick: keeps it where it is if the pick is in view and the view is at
 * most {@link PICK_VIEW_SPAN} wide; otherwise shows at most a minute with the pick a third
 * of the way in, so the onset and what follows it are on screen.
 */
export function focusedOn(v: SeismogramView, t: number, duration: number, minSpan: number): SeismogramView {
  const [a, b] = clampView(v.start, v.end, duration, minSpan);
  const span = Math.min(b - a, Math.max(minSpan, PICK_VIEW_SPAN));
  if (t >= a && t <= b && span === b - a) return v;
  return withWindow(v, t - span / 3, t - span / 3 + span, duration, minSpan);
}

/** Default band-pass corners for a sampling rate: 1–10 Hz, scaled down below 25 Hz sampling (always under 0.4·fs). */
export function defaultCorners(fs: number): [number, number] {
  const high = Math.min(10, 0.4 * fs);
  return [Math.min(1, high / 10), high];
}

/** Corners made valid: 0 < low < high < 0.45·fs (the design fails at Nyquist), low ≤ high/1.5. */
export function cleanCorners(c: readonly [number, number], fs: number): [number, number] {
  const nyq = 0.45 * fs;
  const high = Math.min(nyq, Math.max(1e-3, Number.isFinite(c[1]) ? c[1] : nyq));
  const low = Math.min(high / 1.5, Math.max(1e-4, Number.isFinite(c[0]) ? c[0] : high / 10));
  return [low, high];
}

/** Zero-phase Butterworth band-pass (order 4, filtered forwards and backwards: no shift of the onsets). */
export function bandpassed(samples: ArrayLike<number>, fs: number, corners: readonly [number, number]): Float64Array {
  const [freqmin, freqmax] = cleanCorners(corners, fs);
  return bandpass(samples, { sampleRate: fs, freqmin, freqmax, order: 4, zeroPhase: true });
}

/** The STA/LTA picker's settings. */
export interface PickerSettings {
  /** Short and long windows, s. */
  sta: number;
  lta: number;
  /** Trigger on and off thresholds of the ratio. */
  on: number;
  off: number;
}

/** The picker's windows for a record: STA 0.5 s, LTA 10 s (at most 40 % of the record), on 5, off 1.5. */
export function pickerSettings(duration: number, fs: number): PickerSettings {
  const lta = Math.min(10, 0.4 * duration);
  const sta = Math.max(2 / fs, Math.min(0.5, lta / 5));
  return { sta, lta, on: 5, off: 1.5 };
}

/** What the picker found: the ratio it used, its settings, and the pick (null when none). */
export interface AutoPick {
  ratio: Float64Array;
  settings: PickerSettings;
  /** Seconds from the first sample. */
  pick: number | null;
  /** The first time the ratio is defined: the end of the first LTA window (the warm-up). */
  warmUp: number;
}

/**
 * STA/LTA = (1/n_s Σ x²)/(1/n_l Σ x²) on Z band-passed between `corners` (pickers filter
 * first: the microseism and slow drifts otherwise set off the trigger in the noise). The
 * first LTA window is skipped: until it is full the long-term mean is no noise level, and
 * a ratio there is a warm-up transient, not an onset. The pick is the first sample after
 * it where the ratio rises above `on`.
 */
export function autoPickP(samples: ArrayLike<number>, fs: number, corners: readonly [number, number]): AutoPick {
  const duration = samples.length / fs;
  const settings = pickerSettings(duration, fs);
  const x = bandpassed(samples, fs, corners);
  const ratio = staLta(x, { sampleRate: fs, sta: settings.sta, lta: settings.lta });
  const nlta = Math.round(settings.lta * fs);
  ratio.fill(0, 0, Math.min(ratio.length, nlta));
  const windows = triggerOnset(ratio, { on: settings.on, off: settings.off });
  return { ratio, settings, pick: windows.length > 0 ? windows[0].start / fs : null, warmUp: nlta / fs };
}

/** A time for the readouts: 2 decimals below 100 s, whole seconds above. */
export const fmt = (t: number): string => (Math.abs(t) >= 100 ? t.toFixed(0) : t.toFixed(2));

/** An amplitude tick: 2 significant digits with k/M/G, or an exponent when tiny; the minus sign U+2212. */
export function fmtAmplitude(v: number): string {
  const a = Math.abs(v);
  let s: string;
  if (a === 0) s = '0';
  else if (a >= 1e9) s = `${Number((v / 1e9).toPrecision(2))}G`;
  else if (a >= 1e6) s = `${Number((v / 1e6).toPrecision(2))}M`;
  else if (a >= 1e3) s = `${Number((v / 1e3).toPrecision(2))}k`;
  else if (a < 1e-2) s = v.toExponential(1);
  else s = String(Number(v.toPrecision(2)));
  return s.replace(/-/g, '−');
}

/** Whether a phase's true arrival may be shown: always, or in an exercise once that phase is picked. */
export function truthVisible(phase: 'P' | 'S', exercise: boolean, picks: PhasePicks): boolean {
  return !exercise || picks[phase] !== undefined;
}

/** The status line: each pick and its error (an exercise hides the truth until that phase is picked). */
export function statusText(picks: PhasePicks, truth: PhasePicks, exercise: boolean, message: string | null): string {
  if (message) return message;
  const one = (phase: 'P' | 'S') => {
    const p = picks[phase];
    if (p === undefined) return null;
    const t = truth[phase];
    const err = t !== undefined ? `, ${p - t >= 0 ? '+' : '−'}${Math.abs(p - t).toFixed(2)} s from the true arrival` : '';
    return `${phase} picked at ${fmt(p)} s${err}`;
  };
  const text = [one('P'), one('S')].filter(Boolean).join(' · ');
  if (text) return `${text}.`;
  return exercise
    ? 'Exercise: pick P and S yourself (keys P and S, or the buttons); each true arrival shows once you have picked it.'
    : 'No picks yet: press P or S (or the buttons) to pick at the cursor.';
}

/** Margins of the plot (room for the amplitude axes, the phase labels and the time axis). */
export const MARGIN = { top: 22, right: 14, bottom: 40, left: 70 } as const;
/** Gap between tracks, px. */
export const GAP = 8;

/** Where each part of the plot sits, in px inside the margins. */
export interface TrackLayout {
  /** Plot width and height. */
  plotW: number;
  plotH: number;
  /** Height of each trace track; track j starts at j·(trackH + GAP). */
  trackH: number;
  /** Top and height of the STA/LTA ratio track (height 0 when hidden). */
  ratioTop: number;
  ratioH: number;
  /** Top and height of the spectrogram (height 0 when hidden). */
  specTop: number;
  specH: number;
}

/** Splits the plot: the traces share what the ratio track (18 %) and the spectrogram (32 %) leave. */
export function trackLayout(width: number, height: number, nTraces: number, showRatio: boolean, showSpectrogram: boolean): TrackLayout {
  const plotW = Math.max(60, width - MARGIN.left - MARGIN.right);
  const plotH = Math.max(60, height - MARGIN.top - MARGIN.bottom);
  const ratioH = showRatio ? Math.max(36, Math.round(plotH * 0.18)) : 0;
  const specH = showSpectrogram ? Math.max(40, Math.round(plotH * 0.32)) : 0;
  const gaps = GAP * (nTraces - 1) + (showRatio ? GAP : 0) + (showSpectrogram ? GAP : 0);
  const trackH = Math.max(16, (plotH - ratioH - specH - gaps) / Math.max(1, nTraces));
  const ratioTop = nTraces * (trackH + GAP);
  const specTop = ratioTop + (showRatio ? ratioH + GAP : 0);
  return { plotW, plotH, trackH, ratioTop, ratioH, specTop, specH };
}

/**
 * The time span the spectrogram image covers: frame m is centred at (m·hop + L/2)/fs, so
 * pixel column m spans that centre ± hop/2 and the image starts at (L − hop)/2 samples. Drawn
 * on the traces' time scale, each frame then sits under the samples it was computed from.
 */
export function spectrogramExtent(windowLength: number, hop: number, frames: number, fs: number): { left: number; pixel: number; right: number } {
  const left = (windowLength - hop) / 2 / fs;
  const pixel = hop / fs;
  return { left, pixel, right: left + frames * pixel };
}

/**
 * Frame length and hop of the spectrogram for n samples at fs: at least 2.56 s (256 samples at
 * 100 Hz, enough to resolve 0.4 Hz) and at least n/32 samples, a power of two, so that a long
 * low-rate record (an hour of 1 Hz LHZ) still resolves its long periods (256 s frames: 0.004 Hz
 * bins); the hop is a quarter frame, widened to keep at most 2,000 frames.
 */
export function spectrogramWindow(n: number, fs: number): { windowLength: number; hop: number } {
  const L = Math.max(1, Math.min(n, nextPowerOfTwo(Math.max(Math.round(2.56 * fs), Math.ceil(n / 32)))));
  return { windowLength: L, hop: Math.max(1, Math.floor(L / 4), Math.ceil((n - L) / 2000)) };
}

/** The band-pass kept across a new record: the same corners if they still fit under its Nyquist frequency, else its default corners; off stays off. */
export function cornersForRate(band: SeismogramView['bandpass'], fs: number): [number, number] | null {
  if (!Array.isArray(band)) return null;
  return band[1] < 0.45 * fs ? cleanCorners(band, fs) : defaultCorners(fs);
}
