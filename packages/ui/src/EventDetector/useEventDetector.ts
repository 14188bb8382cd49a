import { useEffect, useMemo, useRef, useState } from 'react';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { isAbortError } from '../worker/runFit';
import { runNnTaskInWorker } from '../worker/runNn';
import {
  DEFAULT_STATE,
  detectorIntervals,
  frameState,
  generatedStream,
  detectorFlags,
  scoreWindows,
  staLtaFlags,
  windowStarts,
  staLtaOf,
  STATE_CHECKS,
  statusText,
  toScan,
  type EventDetectorState,
  type Scan,
  type StreamSource,
} from './model';
import type { DetectorSource, LambdaResult, LambdaSnapshot, ScanResult } from './task';

/** The nn worker tasks (registered in worker/nnTasks.ts). */
export const SCAN_TASK = 'eventDetector.scan';
export const LAMBDA_TASK = 'eventDetector.lambda';

/** What the hook needs from the props. */
export interface EventDetectorInputs {
  model: DetectorSource | null;
  duration: number;
  lambdaRun: { nTrain: number; nTest: number; epochs: number };
  value?: EventDetectorState;
  defaultValue?: Partial<EventDetectorState>;
  onValueChange?: (state: EventDetectorState) => void;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Runs the detector along the stream in the worker whenever the stream changes. */
function useScan(source: StreamSource | null, model: DetectorSource | null) {
  const [scan, setScan] = useState<Scan | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setScan(null);
    setError(null);
    if (!source || !model) return;
    const ctl = new AbortController();
    setProgress(0);
    const payload = { model, Z: Float32Array.from(source.traces.Z), N: Float32Array.from(source.traces.N), E: Float32Array.from(source.traces.E), stepSeconds: 1 };
    runNnTaskInWorker<ScanResult>(SCAN_TASK, payload, { signal: ctl.signal, onProgress: setProgress }).then(
      (r) => {
        if (ctl.signal.aborted) return;
        setScan(toScan(r));
        setProgress(null);
      },
      (e: unknown) => {
        if (ctl.signal.aborted || isAbortError(e)) return;
        setError(`The detector could not run: ${message(e)}`);
        setProgress(null);
      },
    );
    return () => ctl.abort();
  }, [source, model]);
  return { scan, progress, error };
}

/** One retrain with a λ, and the ones before it (for comparison). */
export interface LambdaRun {
  lambda: number;
  history: LambdaSnapshot[];
  diverged: boolean;
}

/** The λ retrain on a small set, on demand. */
function useLambdaRuns(params: EventDetectorInputs['lambdaRun'], seed: number) {
  const [runs, setRuns] = useState<LambdaRun[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const ctl = useRef<AbortController | null>(null);
  useEffect(() => () => ctl.current?.abort(), []);
  const start = (lambda: number) => {
    ctl.current?.abort();
    const c = new AbortController();
    ctl.current = c;
    setError(null);
    setProgress(0);
    setRuns((r) => [...r.slice(-3), { lambda, history: [], diverged: false }]);
    const update = (f: (run: LambdaRun) => LambdaRun) => setRuns((r) => (r.length ? [...r.slice(0, -1), f(r[r.length - 1])] : r));
    runNnTaskInWorker<LambdaResult, LambdaSnapshot>(LAMBDA_TASK, { lambda, ...params, seed }, {
      signal: c.signal,
      onProgress: setProgress,
      onSnapshot: (s) => update((run) => ({ ...run, history: [...run.history, s] })),
    }).then(
      (r) => {
        if (c.signal.aborted) return;
        update((run) => ({ ...run, history: r.history, diverged: r.diverged }));
        setProgress(null);
      },
      (e: unknown) => {
        if (c.signal.aborted || isAbortError(e)) return;
        setError(e instanceof Error ? e : new Error(String(e)));
        setProgress(null);
      },
    );
  };
  const cancel = () => {
    ctl.current?.abort();
    ctl.current = null;
    setProgress(null);
  };
  return { runs, progress, running: progress !== null, error, start, cancel };
}

/**
 * The detector explainer's state and everything derived from it: the stream (generated, or a
 * file the student dropped), STA/LTA and its triggers, the detector's scan (in the worker), the
 * detections of both at their thresholds matched to the true events, and the λ retrains.
 */
export function useEventDetector({ model, duration, lambdaRun, value, defaultValue, onValueChange }: EventDetectorInputs) {
  const clean = useMemo(() => sanitizeDefaultValue<EventDetectorState>('EventDetector', defaultValue, STATE_CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<EventDetectorState>({ value, defaultValue: { ...DEFAULT_STATE, ...clean }, onChange: onValueChange });
  const rootRef = useRef<HTMLElement>(null);
  const [loaded, setLoaded] = useState<StreamSource | null>(null);
  const built = useMemo(() => {
    if (loaded) return { source: loaded, error: null };
    try {
      return { source: generatedStream(state.snrDb, state.seed, duration), error: null };
    } catch (e) {
      return { source: null, error: `Could not generate the stream: ${message(e)}` };
    }
  }, [loaded, state.snrDb, state.seed, duration]);
  const { source } = built;
  const sta = useMemo(() => (source ? staLtaOf(source, state.staLtaOn) : null), [source, state.staLtaOn]);
  const det = useScan(source, model);
  const lambda = useLambdaRuns(lambdaRun, state.seed);
  const events = source?.events ?? null;
  const detIntervals = useMemo(() => detectorIntervals(det.scan, state.threshold), [det.scan, state.threshold]);
  const detMatch = useMemo(() => (det.scan ? scoreWindows(det.scan.starts, detectorFlags(det.scan, state.threshold), events) : null), [det.scan, state.threshold, events]);
  const staMatch = useMemo(() => {
    if (!sta || !source) return null;
    const starts = windowStarts(source.duration);
    return scoreWindows(starts, staLtaFlags(sta.ratio, starts, state.staLtaOn, source.sampleRate), events);
  }, [sta, source, state.staLtaOn, events]);
  const set = (patch: Partial<EventDetectorState>) => setState((s) => ({ ...s, ...patch }));
  const span = Math.min(60, source?.duration ?? 60);
  const maxStart = Math.max(0, (source?.duration ?? 0) - span);
  const maxCursor = Math.max(0, (source?.duration ?? 0) - 10);
  const actions = {
    setThreshold: (threshold: number) => set({ threshold }),
    setSnr: (snrDb: number) => {
      setLoaded(null);
      set({ snrDb });
    },
    setStaLtaOn: (staLtaOn: number) => set({ staLtaOn }),
    newStream: () => {
      setLoaded(null);
      setState((s) => ({ ...s, seed: (s.seed + 1) % 2 ** 31 }));
    },
    setView: (view: number) => set({ view: Math.max(0, Math.min(maxStart, view)) }),
    setCursor: (cursor: number) => set({ cursor: Math.max(0, Math.min(maxCursor, Math.round(cursor))) }),
    setLambda: (l: number) => set({ lambda: l }),
    retrain: () => lambda.start(state.lambda),
    cancelRetrain: lambda.cancel,
    loadRecord: (s: StreamSource) => {
      setLoaded(s);
      setState((st) => ({ ...st, view: 0, cursor: 0 }));
    },
  };
  const error = built.error ?? det.error;
  const status = statusText({ error, scanning: det.progress !== null, scan: det.scan, detector: detMatch, staLta: staMatch, nDetector: detIntervals.length, nStaLta: sta?.intervals.length ?? 0, threshold: state.threshold, staLtaOn: state.staLtaOn });
  return {
    state,
    source,
    loaded: loaded !== null,
    sta,
    det,
    detIntervals,
    detMatch,
    staMatch,
    lambda,
    actions,
    span,
    view: Math.min(state.view, maxStart),
    cursor: Math.min(state.cursor, maxCursor),
    rootRef,
    status,
    error,
    frameState: frameState({ error, busy: det.progress !== null || lambda.running, done: det.scan !== null }),
  };
}

/** Everything {@link useEventDetector} returns. */
export type EventDetectorModel = ReturnType<typeof useEventDetector>;
