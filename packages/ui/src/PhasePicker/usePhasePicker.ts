import { useEffect, useMemo, useRef, useState } from 'react';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { pickerModelUrls } from '../pickerAssets';
import { isAbortError } from '../worker/runFit';
import { runNnTaskInWorker } from '../worker/runNn';
import type { LoadedTraces } from '../common/traceInput';
import {
  checkRecord,
  DEFAULT_STATE,
  frameState,
  modelPicks,
  pickRows,
  recordWindow,
  SECONDS,
  staLtaPickTime,
  STATE_CHECKS,
  statusText,
  syntheticWindow,
  type Phase,
  type PhasePickerState,
  type PickerRecord,
  type ShownWindow,
} from './model';
import type { BatchResult, PhasePickerResult, PickerModelSource, RecordResult, WindowResult } from './task';

/** The nn worker task of the picker (registered in worker/nnTasks.ts). */
export const PICKER_TASK = 'phasePicker.run';

/** What the hook needs from the props. */
export interface PhasePickerInputs {
  value?: PhasePickerState;
  defaultValue?: Partial<PhasePickerState>;
  onValueChange?: (state: PhasePickerState) => void;
  record?: PickerRecord;
  batchSize: number;
  modelUrls?: PickerModelSource;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** A task run that can be cancelled: its result, progress and error, reset by `key`. */
function useRun<R extends PhasePickerResult>(urls: PickerModelSource | undefined) {
  const [result, setResult] = useState<R | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const ctl = useRef<AbortController | null>(null);
  useEffect(() => () => ctl.current?.abort(), []);
  const start = (payload: object) => {
    ctl.current?.abort();
    const c = new AbortController();
    ctl.current = c;
    setBusy(true);
    setError(null);
    setProgress(0);
    runNnTaskInWorker<R>(PICKER_TASK, { ...(urls ?? pickerModelUrls()), ...payload }, { signal: c.signal, onProgress: setProgress, minIntervalMs: 50 }).then(
      (r) => {
        if (c.signal.aborted) return;
        setResult(r);
        setBusy(false);
        setProgress(null);
      },
      (e: unknown) => {
        if (c.signal.aborted || isAbortError(e)) return;
        setError(e instanceof Error ? e : new Error(String(e)));
        setBusy(false);
        setProgress(null);
      },
    );
  };
  const cancel = () => {
    ctl.current?.abort();
    ctl.current = null;
    setBusy(false);
    setProgress(null);
  };
  const reset = () => {
    cancel();
    setResult(null);
    setError(null);
  };
  return { result, progress, busy, error, start, cancel, reset };
}

/**
 * The PhasePicker's state and everything derived from it: the shown window (synthetic, or
 * 30 s of the student's record), the model's probabilities (run in the nn worker whenever the
 * window changes), the picks of the model, STA/LTA and the student, and the on-demand runs on
 * a batch of held-out windows and on a whole record.
 */
export function usePhasePicker({ value, defaultValue, onValueChange, record, batchSize, modelUrls }: PhasePickerInputs) {
  const clean = useMemo(() => sanitizeDefaultValue<PhasePickerState>('PhasePicker', defaultValue, STATE_CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<PhasePickerState>({ value, defaultValue: { ...DEFAULT_STATE, ...clean }, onChange: onValueChange });
  const rootRef = useRef<HTMLElement>(null);
  const [dropped, setDropped] = useState<PickerRecord | null>(null);
  const given = dropped ?? record ?? null;
  const checked = useMemo(() => (given ? checkRecord(given) : null), [given]);
  const built = useMemo((): { w: ShownWindow | null; error: string | null } => {
    if (checked && !checked.ok) return { w: null, error: checked.message };
    try {
      return { w: checked?.ok ? recordWindow(checked, state.windowStart) : syntheticWindow(state), error: null };
    } catch (e) {
      return { w: null, error: `Could not make the window: ${message(e)}` };
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [checked, state.windowStart, state.snrDb, state.distance, state.seed]);
  const { w } = built;
  const win = useRun<WindowResult>(modelUrls);
  const batch = useRun<BatchResult>(modelUrls);
  const whole = useRun<RecordResult>(modelUrls);
  useEffect(() => {
    if (w) win.start({ kind: 'window', x: w.x });
    else win.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [w]);
  useEffect(() => whole.reset(), [checked]); // eslint-disable-line react-hooks/exhaustive-deps
  const q = win.result && !win.busy ? win.result.q : null;
  const picks = useMemo(() => modelPicks(q, state.threshold), [q, state.threshold]);
  const sta = useMemo(() => (w ? staLtaPickTime(w.x) : null), [w]);
  const rows = useMemo(() => (w ? pickRows(w, picks, sta, state.myP, state.myS) : []), [w, picks, sta, state.myP, state.myS]);
  const set = (patch: Partial<PhasePickerState>) => setState((s) => ({ ...s, ...patch }));
  const clamp = (t: number) => Math.min(SECONDS, Math.max(0, Math.round(t * 100) / 100));
  const actions = {
    setSnr: (snrDb: number) => set({ snrDb, myP: null, myS: null }),
    setDistance: (distance: number) => set({ distance, myP: null, myS: null }),
    setThreshold: (threshold: number) => set({ threshold }),
    newWindow: () => setState((s) => ({ ...s, seed: (s.seed + 1) % 2 ** 31, myP: null, myS: null, showTruth: false })),
    setShowTruth: (showTruth: boolean) => set({ showTruth }),
    setPhase: (phase: Phase) => set({ phase }),
    /** Places (or, with a non-finite t, removes) the student's pick of a phase. */
    place: (phase: Phase, t: number) => {
      const v = Number.isFinite(t) ? clamp(t) : null;
      set(phase === 'P' ? { myP: v } : { myS: v });
    },
    clearMine: () => set({ myP: null, myS: null }),
    setWindowStart: (windowStart: number) => set({ windowStart, myP: null, myS: null }),
    runBatch: () => batch.start({ kind: 'batch', n: batchSize, threshold: state.threshold }),
    cancelBatch: batch.cancel,
    pickWhole: () => {
      if (checked?.ok) whole.start({ kind: 'record', components: checked.components, threshold: state.threshold });
    },
    cancelWhole: whole.cancel,
    loadTraces: (l: LoadedTraces) => {
      setDropped({ components: l.traces.map((t) => t.data), sampleRate: l.sampleRate, name: l.name || l.id });
      set({ windowStart: 0, myP: null, myS: null, showTruth: false });
    },
    useSynthetic: () => {
      setDropped(null);
      set({ windowStart: 0 });
    },
  };
  const error = built.error ?? (win.error ? `The picker failed: ${win.error.message}` : null);
  const status = statusText({ error, busy: win.busy, loading: win.busy && !win.result, w, picks, showTruth: state.showTruth, rows });
  return {
    state,
    w,
    q,
    picks,
    sta,
    rows,
    checked,
    dropped: dropped !== null,
    win,
    batch,
    whole,
    actions,
    rootRef,
    status,
    error,
    // 'playing' only for the runs the student starts; the window's own inference is part of loading.
    frameState: frameState({ error, busy: batch.busy || whole.busy, done: q !== null }),
  };
}

/** Everything {@link usePhasePicker} returns. */
export type PhasePickerModel = ReturnType<typeof usePhasePicker>;
