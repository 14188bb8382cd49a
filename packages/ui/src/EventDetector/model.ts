/**
 * The event detector's pure part: state, its checks, the stream and the STA/LTA baseline
 * (computed here, cheap), the matching of both methods' detections to the true events, the
 * cell-map geometry and the status line. No React, no DOM.
 */
import {
  DETECTION_CLASSES,
  DETECTION_CLASS_NAMES,
  DETECTION_RINGS,
  detectionIntervals,
  makeDetectionStream,
  staLtaCharacteristic,
  staLtaIntervals,
  type DetectionEvent,
  type DetectionInterval,
  type ThreeComponents,
} from '@geolearn/algorithms/seismic';
import { fieldCheck, type FieldCheck } from '../hooks/useControllableState';
import type { ExplainerState } from '../kit/Explainer';

/** The explainer's state (plain JSON). */
export interface EventDetectorState {
  /** Threshold on the detector's p_event = 1 − p₀, 0.05 … 0.95. Default 0.50: precision 0.92 on the calibration windows (metrics.json: 0.5019). */
  threshold: number;
  /** SNR of every event of the generated stream, dB (−5 … 20). */
  snrDb: number;
  /** STA/LTA's trigger-on threshold (1.2 … 20; default 1.9, set by the same rule); it switches off at half of it (at least 1). */
  staLtaOn: number;
  /** Seed of the stream. */
  seed: number;
  /** Start of the visible part of the stream, s. */
  view: number;
  /** Start of the current 10 s window (the one shown on the map), s. */
  cursor: number;
  /** λ of the retrain on a small set (10⁻⁶ … 1). */
  lambda: number;
}

/** Window length of the detector, s. */
export const WINDOW_SECONDS = 10;
/** Hop between the detector's windows, s. */
export const STEP_SECONDS = 1;

export const DEFAULT_STATE: EventDetectorState = { threshold: 0.5, snrDb: 2, staLtaOn: 1.9, seed: 1, view: 0, cursor: 24, lambda: 1e-4 };

/** Checks for `sanitizeDefaultValue`. */
export const STATE_CHECKS: { [K in keyof EventDetectorState]: FieldCheck<EventDetectorState[K]> } = {
  threshold: fieldCheck.number(0.05, 0.95),
  snrDb: fieldCheck.number(-5, 20),
  staLtaOn: fieldCheck.number(1.2, 20),
  seed: fieldCheck.integer(0, 2 ** 31 - 1),
  view: fieldCheck.number(0, 7200),
  cursor: fieldCheck.number(0, 7200),
  lambda: fieldCheck.number(1e-6, 1),
};

/** A stream to scan: generated (with its true events) or loaded from a file (events unknown). */
export interface StreamSource {
  traces: ThreeComponents;
  sampleRate: number;
  duration: number;
  /** The true events, or null for a real record. */
  events: DetectionEvent[] | null;
  /** Where it came from, for the status. */
  name: string;
}

/** The generated stream: `duration` s with one event per 30 s slot, all at `snrDb`. */
export function generatedStream(snrDb: number, seed: number, duration: number): StreamSource {
  const nEvents = Math.max(1, Math.floor((duration - 15) / 30));
  const s = makeDetectionStream({ duration, nEvents, snrDb, randomState: seed });
  return { traces: s.traces, sampleRate: s.sampleRate, duration: s.duration, events: s.events, name: `generated stream, ${nEvents} events at ${formatDb(snrDb)}` };
}

/** STA/LTA (0.5 s / 10 s, 1–15 Hz, three-component energy) and its triggers. */
export function staLtaOf(source: StreamSource, on: number): { ratio: Float64Array; intervals: DetectionInterval[] } {
  const ratio = staLtaCharacteristic(source.traces, { sampleRate: source.sampleRate });
  return { ratio, intervals: staLtaIntervals(ratio, on, Math.max(1, on / 2), source.sampleRate) };
}

/** The detector's scan, once done. */
export interface Scan {
  starts: Float64Array;
  /** p_c, n × 7. */
  probs: Float32Array;
  /** p_event = 1 − p₀ per window. */
  pEvent: Float32Array;
  ms: number;
}

/** Adds p_event to a scan result. */
export function toScan(r: { starts: Float64Array; probs: Float32Array; ms: number }): Scan {
  const n = r.starts.length;
  const pEvent = new Float32Array(n);
  for (let i = 0; i < n; i++) pEvent[i] = 1 - r.probs[i * DETECTION_CLASSES];
  return { ...r, pEvent };
}

/** The detector's intervals at a threshold. */
export function detectorIntervals(scan: Scan | null, threshold: number): DetectionInterval[] {
  return scan ? detectionIntervals(scan.starts, scan.pEvent, threshold, WINDOW_SECONDS) : [];
}

/** Where an event's signal is, s: from just before P to 10 s after S (its coda). */
export function eventSpan(e: Pick<DetectionEvent, 'pArrival' | 'sArrival'>): [number, number] {
  return [e.pArrival - 0.5, e.sArrival + 10];
}

/**
 * Both methods scored the same way, window by window (as the held-out evaluation): a window is
 * flagged when the method fires in it; an event is hit when a window holding its P arrival is
 * flagged; a false alarm is a flagged window that holds no part of any event (pure noise).
 */
export interface WindowScore {
  hits: number;
  misses: number;
  /** Flagged noise-only windows. */
  falseAlarms: number;
  /** Noise-only windows. */
  noiseWindows: number;
  /** Per event: hit or not. */
  detected: boolean[];
}

/** Scores flags per window (start times `starts`, length W) against the true events; null when they are unknown. */
export function scoreWindows(starts: ArrayLike<number>, flagged: ArrayLike<boolean>, events: DetectionEvent[] | null): WindowScore | null {
  if (!events) return null;
  const detected = events.map(() => false);
  let falseAlarms = 0;
  let noiseWindows = 0;
  for (let i = 0; i < starts.length; i++) {
    const a = starts[i];
    const b = a + WINDOW_SECONDS;
    let touches = false;
    events.forEach((e, k) => {
      const [s0, s1] = eventSpan(e);
      if (b > s0 && a < s1) touches = true;
      if (flagged[i] && e.pArrival >= a && e.pArrival < b) detected[k] = true;
    });
    if (!touches) {
      noiseWindows++;
      if (flagged[i]) falseAlarms++;
    }
  }
  const hits = detected.filter(Boolean).length;
  return { hits, misses: events.length - hits, falseAlarms, noiseWindows, detected };
}

/** Window starts every STEP_SECONDS over a stream (the detector's own windows). */
export function windowStarts(duration: number): Float64Array {
  const n = Math.max(0, Math.floor((duration - WINDOW_SECONDS) / STEP_SECONDS) + 1);
  return Float64Array.from({ length: n }, (_, i) => i * STEP_SECONDS);
}

/** The detector's flags: p_event ≥ threshold. */
export function detectorFlags(scan: Scan, threshold: number): boolean[] {
  return Array.from(scan.pEvent, (p) => p >= threshold);
}

/** STA/LTA's flags: its largest ratio inside the window ≥ its trigger-on level. */
export function staLtaFlags(ratio: Float64Array, starts: ArrayLike<number>, on: number, sampleRate: number): boolean[] {
  const n = Math.round(WINDOW_SECONDS * sampleRate);
  return Array.from(starts, (s) => {
    const i0 = Math.round(s * sampleRate);
    for (let i = i0; i < Math.min(ratio.length, i0 + n); i++) if (ratio[i] >= on) return true;
    return false;
  });
}

/** Whether a drawn detection interval overlaps an event's signal (true when events are unknown). */
export function onEvent(d: DetectionInterval, events: DetectionEvent[] | null): boolean {
  if (!events) return true;
  return events.some((e) => {
    const [a, b] = eventSpan(e);
    return d.end > a && d.start < b;
  });
}

/** The window index nearest a start time. */
export function windowAt(scan: Scan | null, start: number): number {
  if (!scan || scan.starts.length === 0) return -1;
  const i = Math.round(start / STEP_SECONDS);
  return Math.max(0, Math.min(scan.starts.length - 1, i));
}

/** p_c of window i, or null. */
export function probsAt(scan: Scan | null, i: number): number[] | null {
  if (!scan || i < 0) return null;
  return Array.from(scan.probs.subarray(i * DETECTION_CLASSES, (i + 1) * DETECTION_CLASSES));
}

/** The event whose P arrival lies inside the window [start, start + W), if any. */
export function eventInWindow(events: DetectionEvent[] | null, start: number): DetectionEvent | null {
  return events?.find((e) => e.pArrival >= start && e.pArrival < start + WINDOW_SECONDS) ?? null;
}

/** SVG path of the annular sector of cell c (1…6) on a map of radius R (far ring's outer edge), centred at 0, north up. */
export function cellPath(cell: number, R: number): string {
  const ring = cell <= 3 ? 0 : 1;
  const sector = (cell - 1) % 3;
  const scale = R / DETECTION_RINGS.far[1];
  const r0 = ring === 0 ? 0 : DETECTION_RINGS.far[0] * scale;
  const r1 = ring === 0 ? DETECTION_RINGS.near[1] * scale : R;
  const a0 = (sector * 120 * Math.PI) / 180;
  const a1 = ((sector + 1) * 120 * Math.PI) / 180;
  // Azimuth clockwise from north: (x, y) = (r sin a, −r cos a) in SVG coordinates.
  const pt = (r: number, a: number) => `${(r * Math.sin(a)).toFixed(2)},${(-r * Math.cos(a)).toFixed(2)}`;
  const outer = `M${pt(r1, a0)}A${r1},${r1} 0 0 1 ${pt(r1, a1)}`;
  return r0 === 0 ? `M0,0L${pt(r1, a0)}A${r1},${r1} 0 0 1 ${pt(r1, a1)}Z` : `${outer}L${pt(r0, a1)}A${r0},${r0} 0 0 0 ${pt(r0, a0)}Z`;
}

/** Where an epicentre at distance Δ (km) and back-azimuth β (°) falls on that map. */
export function epicentreXY(distance: number, backAzimuth: number, R: number): [number, number] {
  const r = (Math.min(distance, DETECTION_RINGS.far[1]) * R) / DETECTION_RINGS.far[1];
  const a = (backAzimuth * Math.PI) / 180;
  return [r * Math.sin(a), -r * Math.cos(a)];
}

export const formatDb = (v: number) => `${v.toFixed(0)} dB`;
export const CELL_NAMES = DETECTION_CLASS_NAMES;

const counts = (m: WindowScore | null, n: number) =>
  m ? `${m.hits} hit${m.hits === 1 ? '' : 's'}, ${m.misses} miss${m.misses === 1 ? '' : 'es'}, ${m.falseAlarms} of ${m.noiseWindows} noise windows flagged` : `${n} detection${n === 1 ? '' : 's'}`;

/** The status line. */
export function statusText(o: { error: string | null; scanning: boolean; scan: Scan | null; detector: WindowScore | null; staLta: WindowScore | null; nDetector: number; nStaLta: number; threshold: number; staLtaOn: number }): string {
  if (o.error) return o.error;
  const sta = `STA/LTA (on at ${o.staLtaOn.toFixed(1)}): ${counts(o.staLta, o.nStaLta)}`;
  if (!o.scan) return o.scanning ? `Running the detector along the stream… ${sta}.` : `The detector has not run yet. ${sta}.`;
  return `Detector (p_event ≥ ${o.threshold.toFixed(2)}): ${counts(o.detector, o.nDetector)}. ${sta}.`;
}

/** The frame's data-state. */
export function frameState(o: { error: string | null; busy: boolean; done: boolean }): ExplainerState {
  return o.error ? 'error' : o.busy ? 'playing' : o.done ? 'done' : 'idle';
}

/** Longest real record scanned, s (10 minutes: about 600 windows). */
export const MAX_RECORD_SECONDS = 600;

/**
 * A dropped record (already resampled to 100 Hz with three components by `loadTraceFile`) as a
 * stream: Z and the two horizontals (N/E, or 1/2 taken as N/E), cut to its first 10 minutes.
 */
export function recordToSource(l: { traces: { data: ArrayLike<number> }[]; components: string[]; sampleRate: number; length: number; id: string; name: string }): StreamSource {
  const find = (...names: string[]) => l.components.findIndex((c) => names.includes(c.toUpperCase()));
  const iz = find('Z');
  const iN = find('N', '1');
  const iE = find('E', '2');
  if (iz < 0 || iN < 0 || iE < 0) throw new Error(`the detector needs Z, N and E components; this record has ${l.components.join(', ') || 'none'}`);
  const n = Math.min(l.length, Math.round(MAX_RECORD_SECONDS * l.sampleRate));
  const take = (i: number) => Float64Array.from({ length: n }, (_, k) => l.traces[i].data[k]);
  const cut = l.length > n ? ` (first ${MAX_RECORD_SECONDS / 60} minutes)` : '';
  return { traces: { Z: take(iz), N: take(iN), E: take(iE) }, sampleRate: l.sampleRate, duration: n / l.sampleRate, events: null, name: `${l.name || l.id}${cut}` };
}
