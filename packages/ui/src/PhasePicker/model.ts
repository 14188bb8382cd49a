/**
 * The PhasePicker's pure part: its state, the window it shows (a synthetic event, or 30 s of a
 * record the student brought), the checks a record must pass before the model sees it, the
 * picks of the model, of STA/LTA and of the student, their residuals, the histogram bins and
 * the status line. No React, no DOM.
 */
import { RandomState } from '@geolearn/algorithms';
import { makePickingWindow, onsetSnrDb, preparePickingWindow, pickPeaks, PICKING_WINDOW, staLtaPick, type Pick as PhasePick } from '@geolearn/algorithms/seismic';
import { fieldCheck, type FieldCheck, type FieldChecks } from '../hooks/useControllableState';

/** Samples per window and the model's rate. */
export const WINDOW = PICKING_WINDOW;
export const RATE = 100;
/** Seconds per window (30). */
export const SECONDS = WINDOW / RATE;

/** Which pick the student places next. */
export type Phase = 'P' | 'S';

/** The PhasePicker's state (plain JSON). */
export interface PhasePickerState {
  /** SNR of the synthetic event, dB (−5 … 20). */
  snrDb: number;
  /** Epicentral distance in km (10 … 120): S − P ≈ 0.12 s per km. */
  distance: number;
  /** Pick threshold on q_P and q_S (0.1 … 0.9). */
  threshold: number;
  /** Seed of the synthetic window (a new window: seed + 1). */
  seed: number;
  /** Show the true arrivals and the residuals (exercise mode hides them until asked). */
  showTruth: boolean;
  /** The phase a click or the arrow keys place. */
  phase: Phase;
  /** The student's P pick in seconds (null: none). */
  myP: number | null;
  /** The student's S pick in seconds (null: none). */
  myS: number | null;
  /** Start of the 30 s window in a loaded record, seconds. */
  windowStart: number;
}

export const DEFAULT_STATE: PhasePickerState = {
  snrDb: 5,
  distance: 50,
  // The shipped model's threshold (metrics.json: the best mean F1 of P and S on validation windows).
  threshold: 0.3,
  seed: 0,
  showTruth: false,
  phase: 'P',
  myP: null,
  myS: null,
  windowStart: 0,
};

const pickTime: FieldCheck<number | null> = (v): v is number | null => v === null || fieldCheck.number(0, SECONDS)(v);

/** Checks of every state field (for `sanitizeDefaultValue`). */
export const STATE_CHECKS: FieldChecks<PhasePickerState> = {
  snrDb: fieldCheck.number(-5, 20),
  distance: fieldCheck.number(10, 120),
  threshold: fieldCheck.number(0.1, 0.9),
  seed: fieldCheck.integer(0, 2 ** 31 - 1),
  showTruth: fieldCheck.boolean,
  phase: fieldCheck.oneOf<Phase>('P', 'S'),
  myP: pickTime,
  myS: pickTime,
  windowStart: fieldCheck.number(0, 1e7),
};

/** A record the student gives (prop `record`, or a dropped file): components Z[, N, E] at `sampleRate`. */
export interface PickerRecord {
  /** One to three components, Z first. */
  components: ArrayLike<number>[];
  /** Samples per second: must be 100 (a dropped file is resampled to it). */
  sampleRate: number;
  /** Its name, for the status. */
  name?: string;
}

/** A record made fit for the model, or why not. */
export type CheckedRecord = { ok: true; components: Float32Array[]; notes: string[]; name: string; length: number } | { ok: false; message: string };

/**
 * What the model may see of a record. Refused with a message: NaN or infinite samples (the
 * model never sees NaN: fill or cut the gap first), a rate other than 100 Hz, components of
 * different lengths, and a record shorter than one 30 s window (padding would invent a quiet
 * station and shift each window's normalisation). Handled with a note: one or two components
 * (the vertical copied into the missing ones: the model runs, without polarisation cues, so S
 * picks are weaker).
 */
export function checkRecord(rec: PickerRecord): CheckedRecord {
  const name = rec.name ?? 'the record';
  if (!rec || !Array.isArray(rec.components) || rec.components.length === 0) return { ok: false, message: `${name} has no component.` };
  if (rec.components.length > 3) return { ok: false, message: `${name} has ${rec.components.length} components; the picker takes Z, N, E.` };
  if (rec.sampleRate !== RATE) return { ok: false, message: `${name} is sampled at ${rec.sampleRate} Hz; the picker was trained at ${RATE} Hz: resample it first (a dropped file is resampled for you).` };
  const n = rec.components[0].length;
  const names = ['Z', 'N', 'E'];
  for (let c = 0; c < rec.components.length; c++) {
    const x = rec.components[c];
    if (x.length !== n) return { ok: false, message: `${name}: component ${names[c]} has ${x.length} samples, Z has ${n}; align the components first.` };
    for (let i = 0; i < x.length; i++) {
      if (!Number.isFinite(x[i])) return { ok: false, message: `${name}: sample ${i} of ${names[c]} (${(i / RATE).toFixed(2)} s) is ${String(x[i])}. The model never sees NaN: fill or cut the gap first.` };
    }
  }
  if (n < WINDOW) return { ok: false, message: `${name} lasts ${(n / RATE).toFixed(1)} s, shorter than the picker's 30 s window (${WINDOW} samples at ${RATE} Hz). It is not padded: zeros would look like a quiet station and change the window's normalisation.` };
  const notes: string[] = [];
  const comps = rec.components.map((x) => Float32Array.from(x));
  if (comps.length < 3) {
    notes.push(`${name} has ${comps.length === 1 ? 'one component' : 'two components'}: Z is copied into the missing one${comps.length === 1 ? 's' : ''}, so the model runs without polarisation cues and its S picks are weaker.`);
    while (comps.length < 3) comps.push(comps[0].slice());
  }
  return { ok: true, components: comps, notes, name, length: n };
}

/** The shown window: normalised x (3000×3, time-major) and the truth when known. */
export interface ShownWindow {
  x: Float32Array;
  /** True arrivals in seconds (null: unknown, a real record; NaN never). */
  pTrue: number | null;
  sTrue: number | null;
  /** Where it comes from, for the status. */
  source: string;
  /**
   * The P onset's own SNR in dB (variance 2 s after over 2 s before the true P), when the truth
   * is known: how far the P wave stands out of the noise, whatever the record's SNR (set by S).
   */
  onsetSnr?: number;
}

/** The synthetic window of the state: P onset drawn from the seed, S − P from the distance. */
export function syntheticWindow(s: Pick<PhasePickerState, 'snrDb' | 'distance' | 'seed'>): ShownWindow {
  const rng = new RandomState(s.seed);
  const sp = s.distance * (1 / 3.4 - 1 / 6.2) + 1;
  const pOnset = rng.uniform(3, Math.max(3.5, SECONDS - 2.5 - sp));
  const w = makePickingWindow({ snrDb: s.snrDb, distance: s.distance, pOnset, randomState: rng.nextSeed() });
  return { x: w.x, pTrue: w.pTime, sTrue: Number.isNaN(w.sTime) ? null : w.sTime, source: `a synthetic event ${Math.round(s.distance)} km away at ${s.snrDb.toFixed(0)} dB`, onsetSnr: onsetSnrDb(w.x, w.pIndex) };
}

/** 30 s of a checked record from `start` seconds (clamped into the record), high-passed and normalised as the picker sees it. */
export function recordWindow(rec: Extract<CheckedRecord, { ok: true }>, start: number): ShownWindow & { start: number } {
  const i0 = Math.max(0, Math.min(rec.length - WINDOW, Math.round(start * RATE)));
  const x = new Float32Array(WINDOW * 3);
  for (let t = 0; t < WINDOW; t++) for (let c = 0; c < 3; c++) x[t * 3 + c] = rec.components[c][i0 + t];
  return { x: preparePickingWindow(x), pTrue: null, sTrue: null, source: `${rec.name}, ${(i0 / RATE).toFixed(0)}–${(i0 / RATE + SECONDS).toFixed(0)} s`, start: i0 / RATE };
}

/** One component of a time-major window. */
export function component(x: Float32Array, c: number): Float32Array {
  const out = new Float32Array(WINDOW);
  for (let t = 0; t < WINDOW; t++) out[t] = x[t * 3 + c];
  return out;
}

/** The model's picks (seconds, with probabilities) at a threshold. */
export function modelPicks(q: Float32Array | null, threshold: number): { P: PhasePick[]; S: PhasePick[] } {
  if (!q) return { P: [], S: [] };
  const opts = { threshold, minDistance: 100 };
  return { P: pickPeaks(component(q, 0), opts), S: pickPeaks(component(q, 1), opts) };
}

/** STA/LTA's P pick on the window (seconds), or null when it never triggers. */
export function staLtaPickTime(x: Float32Array): number | null {
  const p = staLtaPick(x);
  return p.length ? p[0].index / RATE : null;
}

/** The pick nearest to `t` (seconds), or null. */
export function nearest(picks: PhasePick[], t: number | null): number | null {
  if (!picks.length) return null;
  if (t === null) return picks[0].index / RATE;
  let best = picks[0].index / RATE;
  for (const p of picks) if (Math.abs(p.index / RATE - t) < Math.abs(best - t)) best = p.index / RATE;
  return best;
}

/** One row of the comparison: who picked, when, and the residual pick − truth. */
export interface PickRow {
  who: 'Model' | 'STA/LTA' | 'You';
  phase: Phase;
  time: number | null;
  residual: number | null;
}

/** The comparison rows: the model's P and S, STA/LTA's P, and the student's P and S. */
export function pickRows(w: ShownWindow, picks: { P: PhasePick[]; S: PhasePick[] }, sta: number | null, myP: number | null, myS: number | null): PickRow[] {
  const res = (t: number | null, truth: number | null) => (t === null || truth === null ? null : t - truth);
  const mP = nearest(picks.P, w.pTrue);
  const mS = nearest(picks.S, w.sTrue);
  return [
    { who: 'Model', phase: 'P', time: mP, residual: res(mP, w.pTrue) },
    { who: 'Model', phase: 'S', time: mS, residual: res(mS, w.sTrue) },
    { who: 'STA/LTA', phase: 'P', time: sta, residual: res(sta, w.pTrue) },
    { who: 'You', phase: 'P', time: myP, residual: res(myP, w.pTrue) },
    { who: 'You', phase: 'S', time: myS, residual: res(myS, w.sTrue) },
  ];
}

/** Counts of `values` in `bins` equal bins over [lo, hi]; values outside are clamped into the end bins. */
export function histogram(values: readonly number[], lo = -0.5, hi = 0.5, bins = 20): number[] {
  const out = new Array<number>(bins).fill(0);
  const w = (hi - lo) / bins;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    out[Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / w)))]++;
  }
  return out;
}

/** Mean and standard deviation (population) of residuals; zeros for none. */
export function meanStd(values: readonly number[]): { mean: number; std: number } {
  if (!values.length) return { mean: 0, std: 0 };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { mean, std: Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length) };
}

/** Seconds with two decimals, or a dash. */
export const fmtS = (t: number | null) => (t === null ? '—' : `${t.toFixed(2)} s`);
/** A signed residual in seconds. */
export const fmtRes = (r: number | null) => (r === null ? '—' : `${r >= 0 ? '+' : '−'}${Math.abs(r).toFixed(2)} s`);

/** The status line. */
export function statusText(o: { error: string | null; busy: boolean; loading: boolean; w: ShownWindow | null; picks: { P: PhasePick[]; S: PhasePick[] }; showTruth: boolean; rows: PickRow[] }): string {
  if (o.error) return o.error;
  if (o.loading) return 'Loading the picker…';
  if (!o.w) return 'No window to pick.';
  if (o.busy) return `Picking ${o.w.source}…`;
  const m = `The model picks ${o.picks.P.length} P and ${o.picks.S.length} S in ${o.w.source}`;
  if (!o.showTruth || o.w.pTrue === null) return `${m}. ${o.w.pTrue === null ? 'The true arrivals of a real record are unknown.' : 'Place your own P and S picks, then show the true arrivals.'}`;
  const r = (who: PickRow['who'], ph: Phase) => o.rows.find((x) => x.who === who && x.phase === ph)?.residual ?? null;
  const onset = o.w.onsetSnr !== undefined && Number.isFinite(o.w.onsetSnr) ? ` The P onset stands ${o.w.onsetSnr.toFixed(1)} dB out of the noise (the record's SNR is set by its largest swing, S).` : '';
  return `${m}.${onset} Residuals (pick − truth): model P ${fmtRes(r('Model', 'P'))}, S ${fmtRes(r('Model', 'S'))}; STA/LTA P ${fmtRes(r('STA/LTA', 'P'))}; yours P ${fmtRes(r('You', 'P'))}, S ${fmtRes(r('You', 'S'))}.`;
}

/** The frame's data-state. */
export function frameState(o: { error: string | null; busy: boolean; done: boolean }): 'error' | 'playing' | 'done' | 'idle' {
  if (o.error) return 'error';
  if (o.busy) return 'playing';
  return o.done ? 'done' : 'idle';
}

/** Heights of the plot's tracks (px) for a plot width: three traces and the probability panel. */
export function traceLayout(width: number, compact: boolean) {
  const margin = { top: 8, right: 12, bottom: 34, left: 48 };
  const plotW = Math.max(80, width - margin.left - margin.right);
  const track = compact ? 54 : 64;
  const gap = 6;
  const probH = compact ? 90 : 110;
  const plotH = 3 * track + 2 * gap + 10 + probH;
  return { margin, plotW, track, gap, probH, plotH, probTop: 3 * track + 2 * gap + 10, height: plotH + margin.top + margin.bottom };
}
