import { useMemo, useRef } from 'react';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { usePlayback } from '../hooks/usePlayback';
import { DEFAULT_STATE, frameAt, frameState, growDbscan, makeDbscanData, STATE_CHECKS, statusText, type DbscanDatasetName, type DbscanState, type Pt } from './model';

/** What the hook needs from the props. */
export interface DbscanInputs {
  data?: readonly (readonly number[])[];
  nSamples: number;
  seed: number;
  value?: DbscanState;
  defaultValue?: Partial<DbscanState>;
  onValueChange?: (state: DbscanState) => void;
}

/** The stepper's state, the precomputed growth, the frame shown, playback and the actions. */
export function useDbscan({ data, nSamples, seed, value, defaultValue, onValueChange }: DbscanInputs) {
  const clean = useMemo(() => sanitizeDefaultValue<DbscanState>('Dbscan', defaultValue, STATE_CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<DbscanState>({ value, defaultValue: { ...DEFAULT_STATE, ...clean }, onChange: onValueChange });
  const n = Math.max(1, Math.min(400, Math.round(nSamples) || 1));
  const X = useMemo<Pt[]>(
    () => (data ? data.filter((r) => r.length >= 2 && Number.isFinite(r[0]) && Number.isFinite(r[1])).map((r) => [r[0], r[1]]) : makeDbscanData(state.dataset, n, seed)),
    [data, state.dataset, n, seed],
  );
  const growth = useMemo(() => growDbscan(X, state.eps, state.minSamples, state.seed), [X, state.eps, state.minSamples, state.seed]);
  const stepIndex = Math.min(state.step, growth.lastStep);
  const frame = useMemo(() => frameAt(growth, stepIndex), [growth, stepIndex]);
  const done = growth.error !== null || frame.done;
  const rootRef = useRef<HTMLElement | null>(null);
  const last = growth.lastStep;
  const { playing, setPlaying, stats } = usePlayback({
    done,
    target: rootRef,
    interval: 300,
    reducedInterval: 1000,
    onFrame: () => setState((s) => ({ ...s, step: Math.min(last, s.step + 1) })),
  });
  const stopThen = (f: (s: DbscanState) => DbscanState) => {
    setPlaying(false);
    setState(f);
  };
  const actions = {
    step: () => setState((s) => (done ? s : { ...s, step: Math.min(last, s.step + 1) })),
    togglePlay: () => setPlaying((p) => !p),
    reset: () => stopThen((s) => ({ ...s, step: 0 })),
    toEnd: () => stopThen((s) => ({ ...s, step: last })),
    setEps: (eps: number) => stopThen((s) => ({ ...s, eps, step: 0 })),
    setMinSamples: (minSamples: number) => stopThen((s) => ({ ...s, minSamples, step: 0 })),
    setSeed: (i: number) => stopThen((s) => ({ ...s, seed: i, step: 0 })),
    setDataset: (dataset: DbscanDatasetName) => stopThen((s) => ({ ...s, dataset, seed: 0, step: 0 })),
  };
  return {
    state,
    X,
    custom: Boolean(data),
    growth,
    frame,
    stepIndex,
    done,
    playing,
    stats,
    rootRef,
    actions,
    status: statusText(growth, frame, { ...state, step: stepIndex }, X.length),
    frameState: frameState(growth, stepIndex, playing, done),
  };
}

/** Everything {@link useDbscan} returns. */
export type DbscanModel = ReturnType<typeof useDbscan>;
