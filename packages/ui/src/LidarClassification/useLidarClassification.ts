import { makeLidarScene, type LidarScene } from '@geolearn/algorithms';
import { useEffect, useMemo, useRef, useState } from 'react';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { isAbortError, runTaskInWorker } from '../worker/runFit';
import {
  CLASS_NAMES,
  columnRange,
  confusion,
  DEFAULT_STATE,
  FEATURE_NAMES,
  frameState,
  RADII,
  rotated,
  STATE_CHECKS,
  statusText,
  trainCount,
  type LidarClassificationState,
  type LidarColorBy,
} from './model';
import type { LidarTaskPayload, LidarTaskResult } from './task';

/** What the hook needs from the props. */
export interface LidarInputs {
  nPoints: number;
  seed: number;
  value?: LidarClassificationState;
  defaultValue?: Partial<LidarClassificationState>;
  onValueChange?: (s: LidarClassificationState) => void;
  /** Run the task in a Web Worker (default true; false: main thread in slices). */
  worker?: boolean;
}

/** The progress of the run. */
interface FitState {
  progress: number | null;
  running: boolean;
  error: string | null;
  /** The student pressed Cancel (until the next run). */
  cancelled: boolean;
}

/** A finished run, with the inputs it belongs to. */
interface Run {
  key: string;
  sceneKey: string;
  result: LidarTaskResult;
  /** From the request to the result on this thread, ms. */
  totalMs: number;
}

const NO_LABELS = new Int32Array(0);

/** The scene, or the message of a bad `nPoints`/`seed` (shown in the status, never thrown). */
function useScene(nPoints: number, seed: number): LidarScene | string {
  return useMemo(() => {
    try {
      return makeLidarScene({ nPoints, randomState: seed });
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }, [nPoints, seed]);
}

/**
 * Features, training and prediction off the main thread ('lidarClassify' task): a new run
 * (after a 120 ms pause in the inputs, so a dragged slider does not restart it at every step)
 * cancels the last one, and unmounting cancels it.
 */
function useClassifier(payload: LidarTaskPayload | null, worker: boolean) {
  const [run, setRun] = useState<Run | null>(null);
  const [fit, setFit] = useState<FitState>(() => ({ progress: null, running: payload !== null, error: null, cancelled: false }));
  const key = JSON.stringify(payload);
  const latest = useRef(payload);
  latest.current = payload;
  const controllerRef = useRef<AbortController | null>(null);
  useEffect(() => {
    const p = latest.current;
    if (!p) return;
    const controller = new AbortController();
    controllerRef.current = controller;
    const sceneKey = JSON.stringify([p.nPoints, p.seed]);
    setFit({ progress: 0, running: true, error: null, cancelled: false });
    const t0 = performance.now();
    const timer = setTimeout(() => {
      runTaskInWorker<LidarTaskResult>('lidarClassify', p, {
        worker,
        signal: controller.signal,
        minIntervalMs: 50,
        onProgress: (progress) => setFit((f) => (f.progress === progress ? f : { ...f, progress })),
      }).then(
        (result) => {
          setRun({ key, sceneKey, result, totalMs: performance.now() - t0 });
          setFit({ progress: 1, running: false, error: null, cancelled: false });
        },
        (e: unknown) => {
          if (!isAbortError(e)) setFit({ progress: null, running: false, error: e instanceof Error ? e.message : String(e), cancelled: false });
        },
      );
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key, worker]);
  const cancel = () => {
    controllerRef.current?.abort();
    setFit((f) => ({ ...f, running: false, cancelled: true }));
  };
  return { run, fit, cancel, key };
}

/** Per point: the value that colours it and whether it is drawn bold (1) or faint (0). */
export interface PointPaint {
  kind: 'classes' | 'errors' | 'sequential';
  values: Float32Array;
  bold: Uint8Array;
}

/** The colours of the points for the chosen view (pure; exported for tests). */
export function paintPoints(colorBy: LidarColorBy, labels: Int32Array, run: LidarTaskResult | null, feature: number): PointPaint {
  const n = labels.length;
  const values = new Float32Array(n);
  const bold = new Uint8Array(n).fill(1);
  const train = run?.train;
  if (colorBy === 'truth' || !run) {
    // The truth, the labelled subset bold: what the forest is shown.
    for (let i = 0; i < n; i++) {
      values[i] = labels[i];
      if (train && !train[i]) bold[i] = 0;
    }
    return { kind: 'classes', values, bold };
  }
  if (colorBy === 'prediction') {
    values.set(run.predictions);
    return { kind: 'classes', values, bold };
  }
  if (colorBy === 'errors') {
    // 0 right, 1 wrong, 2 labelled (not judged).
    for (let i = 0; i < n; i++) {
      values[i] = train![i] ? 2 : run.predictions[i] === labels[i] ? 0 : 1;
      bold[i] = values[i] === 1 ? 1 : 0;
    }
    return { kind: 'errors', values, bold };
  }
  const cols = run.names.length;
  const [lo, hi] = columnRange(run.features, cols, feature);
  for (let i = 0; i < n; i++) values[i] = (run.features[i * cols + feature] - lo) / (hi - lo);
  return { kind: 'sequential', values, bold };
}

/**
 * The lidar explainer's state and what derives from it: the scene (on this thread: a few ms),
 * the worker run (features, forest, predictions), the confusion matrix on the unlabelled
 * points, and the paint of the points.
 */
export function useLidarClassification({ nPoints, seed, value, defaultValue, onValueChange, worker = true }: LidarInputs) {
  const clean = useMemo(() => sanitizeDefaultValue<LidarClassificationState>('LidarClassification', defaultValue, STATE_CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<LidarClassificationState>({ value, defaultValue: { ...DEFAULT_STATE, ...clean }, onChange: onValueChange });
  const scene = useScene(nPoints, seed);
  const problem = typeof scene === 'string' ? scene : null;
  const payload: LidarTaskPayload | null = problem ? null : { nPoints, seed, trainFraction: state.trainFraction, nTrees: state.nTrees, radii: RADII };
  const { run: finished, fit, cancel, key } = useClassifier(payload, worker);
  const sceneKey = JSON.stringify([nPoints, seed]);
  // A run of this scene (possibly of other slider values while the new one computes).
  const run = finished && finished.sceneKey === sceneKey && !problem ? finished : null;
  const current = run !== null && run.key === key;
  const labels = typeof scene === 'string' ? NO_LABELS : scene.labels;
  const K = CLASS_NAMES.length;
  const cm = useMemo(() => (run ? confusion(labels, run.result.predictions, run.result.train, K) : null), [run, labels, K]);
  const featureIndex = Math.max(0, FEATURE_NAMES.indexOf(state.feature));
  const paint = useMemo(() => paintPoints(state.colorBy, labels, run?.result ?? null, featureIndex), [state.colorBy, labels, run, featureIndex]);
  const featureRange = useMemo(() => (run ? columnRange(run.result.features, run.result.names.length, featureIndex) : null), [run, featureIndex]);
  const n = labels.length;
  const nTrain = trainCount(state.trainFraction, Math.max(3, n));
  const rootRef = useRef<HTMLElement | null>(null);
  const edit = (g: (s: LidarClassificationState) => LidarClassificationState) => setState((s) => g(s));
  const actions = {
    setTrainFraction: (v: number) => edit((s) => ({ ...s, trainFraction: Math.min(0.5, Math.max(0.01, v)) })),
    setTrees: (v: number) => edit((s) => ({ ...s, nTrees: Math.min(100, Math.max(1, Math.round(v))) })),
    setColorBy: (colorBy: LidarColorBy) => edit((s) => ({ ...s, colorBy })),
    setFeature: (feature: string) => edit((s) => ({ ...s, feature, colorBy: 'feature' })),
    rotate: (dAz: number, dEl: number) => edit((s) => ({ ...s, rotation: rotated(s.rotation, dAz, dEl) })),
    cancel,
  };
  const error = problem ?? fit.error;
  const status = statusText({ n, nTrain, running: !fit.cancelled && (fit.running || !current), progress: fit.progress, accuracy: current && cm ? cm.accuracy : null, error });
  return {
    state,
    scene: typeof scene === 'string' ? null : scene,
    problem,
    run,
    current,
    fit,
    cm,
    paint,
    featureIndex,
    featureRange,
    nTrain,
    rootRef,
    actions,
    status,
    frameState: frameState(fit.running, current, error !== null),
  };
}

/** Everything {@link useLidarClassification} returns. */
export type LidarModel = ReturnType<typeof useLidarClassification>;
