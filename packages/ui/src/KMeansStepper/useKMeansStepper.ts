import { useMemo } from 'react';
import { finitePoints, useStepPlayback, type PointStepperInputs } from '../common/stepPlayback';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { useElbow } from './useElbow';
import {
  BAD_START,
  bestOfRuns,
  dataProblem,
  DEFAULT_STATE,
  drawCenters,
  frameState,
  KMEANS_DATASETS,
  makeKMeansData,
  runFrom,
  STATE_CHECKS,
  statusText,
  type KMeansDatasetName,
  type KMeansInit,
  type KMeansStepperState,
  type Pt,
} from './model';

/** What the hook needs from the props. */
export type KMeansInputs = PointStepperInputs<KMeansStepperState>;

/**
 * The stepper's state and everything derived from it: the points, the initial centroids
 * (dragged or drawn), the run's snapshots, the elbow curve, the best of 10 runs, playback,
 * the status and the actions the view parts call.
 */
export function useKMeansStepper({ data, nSamples, seed, value, defaultValue, onValueChange }: KMeansInputs) {
  const clean = useMemo(() => sanitizeDefaultValue<KMeansStepperState>('KMeansStepper', defaultValue, STATE_CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<KMeansStepperState>({ value, defaultValue: { ...DEFAULT_STATE, k: KMEANS_DATASETS[clean.dataset ?? DEFAULT_STATE.dataset].k, ...clean }, onChange: onValueChange });
  const custom = Boolean(data);
  const X = useMemo<Pt[]>(
    () => (data ? finitePoints(data) : makeKMeansData(state.dataset, nSamples, seed)),
    [data, state.dataset, nSamples, seed],
  );
  // Rows of `data` that are not two finite numbers are left out, and the status says so.
  const dropped = data ? data.length - X.length : 0;
  const problem = [dropped > 0 ? `${dropped} row${dropped === 1 ? '' : 's'} of data without two finite coordinates left out.` : null, dataProblem(X, state.k)].filter(Boolean).join(' ') || null;
  const blocking = X.length === 0 || state.k > X.length;
  // The initial centroids: the dragged ones when they fit k, else drawn (cheap: k-means++ or k samples).
  const drawn = useMemo(() => (blocking ? [] : drawCenters(X, state.k, state.init, state.initSeed)), [X, blocking, state.k, state.init, state.initSeed]);
  const centers = state.centers && state.centers.length === state.k ? state.centers : drawn;
  const run = useMemo(() => (blocking ? { steps: [], error: problem } : runFrom(X, centers)), [X, blocking, centers, problem]);
  const last = Math.max(0, run.steps.length - 1);
  const stepIndex = Math.min(state.step, last);
  const shown = run.steps[stepIndex];
  const done = run.steps.length === 0 || stepIndex >= last;
  const elbow = useElbow(X);
  const best = useMemo(() => (state.bestOf ? bestOfRuns(X, state.k, state.init, state.initSeed) : null), [X, state.bestOf, state.k, state.init, state.initSeed]);

  const { playing, setPlaying, stats, rootRef, stopThen, step, togglePlay, reset } = useStepPlayback<KMeansStepperState>(setState, { done, last, interval: 350, reducedInterval: 1200 });
  const actions = {
    step,
    togglePlay,
    reset,
    /** Moves initial centroid i (the others keep their places) and starts over. */
    moveCenter: (i: number, p: Pt) =>
      stopThen((s) => {
        const now = s.centers && s.centers.length === s.k ? s.centers : centers;
        return { ...s, centers: now.map((c, j) => (j === i ? p : c)), step: 0 };
      }),
    redraw: () => stopThen((s) => ({ ...s, centers: undefined, initSeed: s.initSeed + 1, step: 0 })),
    setInit: (init: KMeansInit) => stopThen((s) => ({ ...s, init, centers: undefined, step: 0 })),
    setK: (k: number) => stopThen((s) => ({ ...s, k, centers: undefined, step: 0 })),
    setDataset: (dataset: KMeansDatasetName) => stopThen((s) => ({ ...s, dataset, k: KMEANS_DATASETS[dataset].k, centers: undefined, step: 0 })),
    badStart: () => stopThen((s) => ({ ...s, ...BAD_START, centers: undefined })),
    setVoronoi: (voronoi: boolean) => setState((s) => ({ ...s, voronoi })),
    setBestOf: (bestOf: boolean) => setState((s) => ({ ...s, bestOf })),
    stop: () => setPlaying(false),
  };
  return {
    state,
    X,
    custom,
    centers,
    run,
    stepIndex,
    shown,
    done,
    elbow,
    best,
    problem,
    playing,
    stats,
    rootRef,
    actions,
    status: statusText(run, shown, problem),
    frameState: frameState(run, stepIndex, playing, done),
  };
}

/** Everything {@link useKMeansStepper} returns. */
export type KMeansModel = ReturnType<typeof useKMeansStepper>;
