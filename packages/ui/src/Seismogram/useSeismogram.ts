import { COMPONENTS, spectrogram, syntheticSeismogram, type SyntheticSeismogramOptions } from '@geolearn/algorithms/seismic';
import { useMemo, useState } from 'react';
import type { LoadedTraces } from '../common/traceInput';
import { peakAmplitude, spectrogramImage } from '../common/waveform';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import {
  autoPickP,
  bandpassed,
  clampView,
  cleanCorners,
  cornersForRate,
  defaultCorners,
  focusedOn,
  panned,
  spectrogramExtent,
  spectrogramWindow,
  STATE_CHECKS,
  statusText,
  truthVisible,
  withWindow,
  zoomed,
  type PhasePicks,
  type SeismogramTrace,
  type SeismogramView,
} from './model';
import { useSourceRecord } from './RecordLoader';
import { recordFromLoaded, type SeismogramRecord } from './source';

/** What {@link useSeismogram} needs from the props. */
export interface SeismogramInput {
  traces?: readonly SeismogramTrace[];
  sampleRate: number;
  arrivals?: PhasePicks;
  synthetic?: Omit<SyntheticSeismogramOptions, 'randomState'>;
  seed: number;
  units?: string;
  showSpectrogram: boolean;
  spectrogramTrace: number;
  maxFrequency?: number;
  minSpan?: number;
  exercise: boolean;
  value?: SeismogramView;
  defaultValue?: Partial<SeismogramView>;
  onValueChange?: (view: SeismogramView) => void;
  /** URL of a miniSEED or SAC record to load on mount. */
  src?: string;
  /** The spectrogram of the trace as shown (filtered) or raw. */
  spectrogramOf: 'shown' | 'raw';
  /** Called with each record loaded (file, FDSN or `src`). */
  onRecordChange?: (loaded: LoadedTraces) => void;
}

/** The record behind the widget: a loaded one, else the given traces or the seeded synthetic one, with its truth and units. */
function useRecord({ traces, sampleRate, arrivals, synthetic, seed, units, src }: SeismogramInput, loaded: LoadedTraces | null): SeismogramRecord {
  const syntheticKey = JSON.stringify(synthetic ?? {});
  // While `src` loads there is no record yet (an empty plot, not a synthetic one that would flash).
  const given = (traces !== undefined && traces.length > 0) || loaded !== null || src !== undefined;
  // The synthetic record depends on its options and seed only (not on inline props that change identity).
  const synth = useMemo(
    () => (given ? null : syntheticSeismogram({ ...(JSON.parse(syntheticKey) as SyntheticSeismogramOptions), randomState: seed })),
    [given, syntheticKey, seed],
  );
  const arrivalsKey = arrivals === undefined ? '' : JSON.stringify(arrivals);
  return useMemo(() => {
    const truth: PhasePicks | undefined = arrivalsKey ? (JSON.parse(arrivalsKey) as PhasePicks) : undefined;
    if (loaded) return { ...recordFromLoaded(loaded), ...(truth ? { arrivals: truth } : {}), ...(units ? { units } : {}) };
    if (!synth) return { traces: traces ?? [], sampleRate, arrivals: truth ?? {}, units: units ?? 'counts', id: null, startTime: null };
    return {
      id: null,
      startTime: null,
      traces: COMPONENTS.map((c) => ({ label: c, samples: synth.traces[c] as ArrayLike<number> })),
      sampleRate: synth.sampleRate,
      arrivals: truth ?? { P: synth.pArrival, S: synth.sArrival },
      units: units ?? 'ground velocity, P peak = 1',
    };
  }, [synth, traces, sampleRate, arrivalsKey, units, loaded]);
}

/**
 * The seismogram's state and everything derived from it: the record (band-passed when the
 * filter is on), the clamped view, the STA/LTA picker's ratio, the spectrogram image, the
 * status, and the actions the controls, keys and gestures call.
 */
export function useSeismogram(input: SeismogramInput) {
  const [loaded, setLoaded] = useState<LoadedTraces | null>(null);
  const record = useRecord(input, loaded);
  const fs = record.sampleRate;
  const nSamples = record.traces.reduce((m, t) => Math.max(m, t.samples.length), 0);
  const duration = nSamples / fs;
  const minSpan = Math.min(duration, input.minSpan ?? 20 / fs);
  const clean = useMemo(() => sanitizeDefaultValue<SeismogramView>('Seismogram', input.defaultValue, STATE_CHECKS), [input.defaultValue]);
  const initial: SeismogramView = { start: 0, end: duration, ...clean };
  const [view, setView] = useControllableState<SeismogramView>({ value: input.value, defaultValue: initial, onChange: input.onValueChange });
  const [start, end] = clampView(view.start, view.end, duration, minSpan);
  const picks = view.picks ?? {};
  const scaling = view.scaling ?? 'shared';
  const filterOn = Array.isArray(view.bandpass);
  const corners = cleanCorners(filterOn ? view.bandpass! : defaultCorners(fs), fs);
  const [c0, c1] = corners;

  // The traces shown: raw, or band-passed (zero phase, so the onsets stay where they are).
  const shown = useMemo(
    () => (filterOn ? record.traces.map((t) => ({ label: t.label, samples: bandpassed(t.samples, fs, [c0, c1]) as ArrayLike<number> })) : record.traces),
    [record, filterOn, fs, c0, c1],
  );
  const sharedPeak = useMemo(() => shown.reduce((m, t) => Math.max(m, peakAmplitude(t.samples)), 0), [shown]);

  // The picker's ratio on Z, computed while it is shown (a filter and a pass over the record).
  const wantRatio = view.showRatio ?? false;
  const picker = useMemo(() => {
    if (!wantRatio || record.traces.length === 0) return null;
    try {
      return autoPickP(record.traces[0].samples, fs, [c0, c1]);
    } catch (err) {
      return { error: (err as Error).message };
    }
  }, [wantRatio, record, fs, c0, c1]);

  const specIndex = Math.min(Math.max(0, input.spectrogramTrace), shown.length - 1);
  const fmax = Math.min(fs / 2, input.maxFrequency ?? 25);
  const specSource = input.spectrogramOf === 'raw' ? record.traces : shown;
  const spec = useMemo(() => {
    if (!input.showSpectrogram || specSource.length === 0 || specSource[specIndex].samples.length < 2) return null;
    const x = specSource[specIndex].samples;
    const { windowLength: L, hop } = spectrogramWindow(x.length, fs);
    const s = spectrogram(x, { sampleRate: fs, windowLength: L, hop });
    return { image: spectrogramImage(s, fmax), ...spectrogramExtent(L, hop, s.times.length, fs) };
  }, [input.showSpectrogram, specSource, specIndex, fs, fmax]);

  const [cursor, setCursor] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const cursorTime = cursor !== null && cursor >= start && cursor <= end ? cursor : (start + end) / 2;
  const truth: PhasePicks = {
    P: truthVisible('P', input.exercise, picks) ? record.arrivals.P : undefined,
    S: truthVisible('S', input.exercise, picks) ? record.arrivals.S : undefined,
  };

  // A new record: the whole of it in view (or the window asked by defaultValue, for the first one from `src`), picks cleared, the band-pass kept if it fits its rate.
  const showRecord = (l: LoadedTraces) => {
    const d = l.length / l.sampleRate;
    const first = loaded === null && input.src !== undefined;
    setLoaded(l);
    setMessage(null);
    setCursor(null);
    setView((v) => ({ ...v, start: first ? (clean.start ?? 0) : 0, end: first ? (clean.end ?? d) : d, picks: {}, showRatio: false, bandpass: cornersForRate(v.bandpass, l.sampleRate) }));
    input.onRecordChange?.(l);
  };
  const source = useSourceRecord(input.src, showRecord);

  const actions = {
    showRecord,
    setWindow: (s: number, e: number) => setView((v) => withWindow(v, s, e, duration, minSpan)),
    pan: (fraction: number) => setView((v) => panned(v, fraction, duration, minSpan)),
    zoom: (factor: number, at?: number) => setView((v) => zoomed(v, factor, duration, minSpan, at)),
    resetView: () => {
      const d = { start: 0, end: duration, ...clean };
      setView((v) => withWindow(v, d.start, d.end, duration, minSpan));
    },
    showEnd: () => setView((v) => withWindow(v, duration - (end - start), duration, duration, minSpan)),
    setCursor,
    setPick: (phase: 'P' | 'S', t: number | undefined = cursorTime) => {
      setMessage(null);
      setView((v) => ({ ...v, picks: { ...v.picks, [phase]: t } }));
    },
    clearPicks: () => {
      setMessage(null);
      setView((v) => ({ ...v, picks: {} }));
    },
    toggleScaling: () => setView((v) => ({ ...v, scaling: (v.scaling ?? 'shared') === 'view' ? 'shared' : 'view' })),
    setFilter: (on: boolean) => setView((v) => ({ ...v, bandpass: on ? cleanCorners(v.bandpass ?? defaultCorners(fs), fs) : null })),
    setCorner: (which: 0 | 1, hz: number) =>
      setView((v) => {
        const now = cleanCorners(v.bandpass ?? defaultCorners(fs), fs);
        const next: [number, number] = which === 0 ? [hz, now[1]] : [now[0], hz];
        return { ...v, bandpass: cleanCorners(next, fs) };
      }),
    toggleRatio: () => setView((v) => ({ ...v, showRatio: !(v.showRatio ?? false) })),
    autoPick: () => {
      if (record.traces.length === 0) return;
      let result;
      try {
        result = picker && 'ratio' in picker ? picker : autoPickP(record.traces[0].samples, fs, corners);
      } catch (err) {
        setMessage(`STA/LTA could not run: ${(err as Error).message}`);
        return;
      }
      const pick = result.pick;
      if (pick === null) {
        setMessage(`STA/LTA found no onset above the threshold ${result.settings.on} after the first ${result.settings.lta} s (the LTA's warm-up).`);
        setView((v) => ({ ...v, showRatio: true }));
        return;
      }
      setMessage(null);
      setView((v) => ({ ...focusedOn(v, pick, duration, minSpan), picks: { ...v.picks, P: pick }, showRatio: true }));
    },
  };

  return {
    record,
    shown,
    fs,
    duration,
    minSpan,
    view,
    start,
    end,
    span: end - start,
    picks,
    truth,
    scaling,
    filterOn,
    corners,
    sharedPeak,
    picker: picker && 'ratio' in picker ? picker : null,
    showRatio: (view.showRatio ?? false) && picker !== null && 'ratio' in picker,
    spec,
    cursor,
    cursorTime,
    source,
    status: statusText(picks, truth, input.exercise, message ?? ('message' in source ? source.message : null) ?? (picker && 'error' in picker ? `STA/LTA could not run: ${picker.error}` : null)),
    actions,
  };
}

/** Everything the view parts read. */
export type SeismogramModel = ReturnType<typeof useSeismogram>;
