import type { CovarianceType } from '@geolearn/algorithms';
import { useMemo } from 'react';
import { finitePoints, useStepPlayback, type PointStepperInputs } from '../common/stepPlayback';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import {
  dataProblem,
  DEFAULT_STATE,
  frameState,
  GMM_DATASETS,
  makeGmmData,
  responsibilities,
  runEm,
  STATE_CHECKS,
  statusText,
  type GaussianMixtureEmState,
  type GmmDatasetName,
  type GmmInit,
  type Pt,
} from './model';

/** What the hook needs from the props. */
export type GmmInputs = PointStepperInputs<GaussianMixtureEmState>;

/** The stepper's state, the EM run (all snapshots), the responsibilities shown, playback and the actions. */
export function useGaussianMixtureEm({ data, nSamples, seed, value, defaultValue, onValueChange }: GmmInputs) {
  const clean = useMemo(() => sanitizeDefaultValue<GaussianMixtureEmState>('GaussianMixtureEm', defaultValue, STATE_CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<GaussianMixtureEmState>({
    value,
    defaultValue: { ...DEFAULT_STATE, k: GMM_DATASETS[clean.dataset ?? DEFAULT_STATE.dataset].k, ...clean },
    onChange: onValueChange,
  });
  const n = Math.max(1, Math.min(400, Math.round(nSamples) || 1));
  const X = useMemo<Pt[]>(
    () => (data ? finitePoints(data) : makeGmmData(state.dataset, n, seed)),
    [data, state.dataset, n, seed],
  );
  const problem = dataProblem(X, state.k);
  // All EM iterations at once (≤ 100 iterations of n ≤ 400 samples: a few ms).
  const run = useMemo(() => runEm(X, state.k, state.covarianceType, state.initSeed, state.init), [X, state.k, state.covarianceType, state.initSeed, state.init]);
  const last = Math.max(0, run.steps.length - 1);
  const stepIndex = Math.min(state.step, last);
  const shown = run.steps[stepIndex];
  const resp = useMemo(() => (shown ? responsibilities(X, shown) : null), [X, shown]);
  const done = run.steps.length === 0 || stepIndex >= last;
  const { playing, stats, rootRef, stopThen, step, togglePlay, reset } = useStepPlayback<GaussianMixtureEmState>(setState, { done, last, interval: 400, reducedInterval: 1200 });
  const actions = {
    step,
    togglePlay,
    reset,
    setK: (k: number) => stopThen((s) => ({ ...s, k, step: 0 })),
    setCovarianceType: (covarianceType: CovarianceType) => stopThen((s) => ({ ...s, covarianceType, step: 0 })),
    setInit: (init: GmmInit) => stopThen((s) => ({ ...s, init, step: 0 })),
    reinitialise: () => stopThen((s) => ({ ...s, initSeed: s.initSeed + 1, step: 0 })),
    setDataset: (dataset: GmmDatasetName) => stopThen((s) => ({ ...s, dataset, k: GMM_DATASETS[dataset].k, step: 0 })),
  };
  return {
    state,
    X,
    custom: Boolean(data),
    run,
    stepIndex,
    shown,
    resp,
    done,
    problem,
    playing,
    stats,
    rootRef,
    actions,
    status: statusText(run, shown, problem),
    frameState: frameState(run, stepIndex, playing, done),
  };
}

/** Everything {@link useGaussianMixtureEm} returns. */
export type GmmModel = ReturnType<typeof useGaussianMixtureEm>;
