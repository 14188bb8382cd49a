import { useMemo } from 'react';
import { finitePoints, useStepPlayback, type PointStepperInputs } from '../common/stepPlayback';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { DEFAULT_STATE, frameAt, frameState, growDbscan, makeDbscanData, STATE_CHECKS, statusText, type DbscanDatasetName, type DbscanState, type Pt } from './model';

/** What the hook needs from the props. */
export type DbscanInputs = PointStepperInputs<DbscanState>;

/** The stepper's state, the precomputed growth, the frame shown, playback and the actions. */
export function useDbscan({ data, nSamples, seed, value, defaultValue, onValueChange }: DbscanInputs) {
  const clean = useMemo(() => sanitizeDefaultValue<DbscanState>('Dbscan', defaultValue, STATE_CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<DbscanState>({ value, defaultValue: { ...DEFAULT_STATE, ...clean }, onChange: onValueChange });
  const n = Math.max(1, Math.min(400, Math.round(nSamples) || 1));
  const X = useMemo<Pt[]>(
    () => (data ? finitePoints(data) : makeDbscanData(state.dataset, n, seed)),
    [data, state.dataset, n, seed],
  );
  const growth = useMemo(() => growDbscan(X, state.eps, state.minSamples, state.seed), [X, state.eps, state.minSamples, state.seed]);
  const stepIndex = Math.min(state.step, growth.lastStep);
  const frame = useMemo(() => frameAt(growth, stepIndex), [growth, stepIndex]);
  const done = growth.error !== null || frame.done;
  const last = growth.lastStep;
  const { playing, stats, rootRef, stopThen, step, togglePlay, reset } = useStepPlayback<DbscanState>(setState, { done, last, interval: 300, reducedInterval: 1000 });
  const actions = {
    step,
    togglePlay,
    reset,
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
