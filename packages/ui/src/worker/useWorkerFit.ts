import { useCallback, useEffect, useRef, useState } from 'react';
import type { FitRequest, WorkerEstimatorJSON, WorkerEstimatorName } from './registry';
import { isAbortError, runFitInWorker, runTaskInWorker, type RunOptions } from './runFit';

/** Options of {@link useWorkerFit} and {@link useWorkerTask} (passed to every run). */
export type WorkerRunOptions = Pick<RunOptions, 'minIntervalMs' | 'every' | 'worker' | 'sliceMs'>;

/** What {@link useWorkerFit} and {@link useWorkerTask} return. */
export interface WorkerRunState<A, R, S = unknown> {
  /**
   * Starts a run (cancelling one in progress). Resolves with the result, or undefined when it
   * was cancelled, replaced or failed (the error is in `error`); it never rejects.
   */
  run: (args: A) => Promise<R | undefined>;
  /** Cancels the run in progress (terminates its worker). */
  cancel: () => void;
  /** Fraction done in [0, 1], null when unknown (or before any run). */
  progress: number | null;
  /** The latest snapshot of the run in progress (or the last run), null before any. */
  snapshot: S | null;
  /** The result of the last finished run. */
  result: R | null;
  /** The error of the last run (a `ValidationError` for bad input); null after a cancel. */
  error: Error | null;
  /** Whether a run is in progress. */
  running: boolean;
}

interface State<R, S> {
  progress: number | null;
  snapshot: S | null;
  result: R | null;
  error: Error | null;
  running: boolean;
}

const IDLE = { progress: null, snapshot: null, result: null, error: null, running: false };

function useWorkerRunner<A, R, S>(start: (args: A, o: RunOptions<S>) => Promise<R>, options: WorkerRunOptions): WorkerRunState<A, R, S> {
  const [state, setState] = useState<State<R, S>>(IDLE);
  const current = useRef<AbortController | null>(null);
  const opts = useRef(options);
  opts.current = options;
  const startRef = useRef(start);
  startRef.current = start;

  const cancel = useCallback(() => {
    const c = current.current;
    if (!c) return;
    current.current = null;
    c.abort();
    setState((s) => ({ ...s, running: false }));
  }, []);

  const run = useCallback(async (args: A): Promise<R | undefined> => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    // Only the run still current may touch the state (a replaced or unmounted run is ignored).
    const live = () => current.current === controller && !controller.signal.aborted;
    setState({ progress: 0, snapshot: null, result: null, error: null, running: true });
    try {
      const result = await startRef.current(args, {
        ...opts.current,
        signal: controller.signal,
        onSnapshot: (snapshot, progress) => {
          if (live()) setState((s) => ({ ...s, snapshot, progress }));
        },
        onProgress: (progress) => {
          if (live()) setState((s) => (s.progress === progress ? s : { ...s, progress }));
        },
      });
      if (!live()) return undefined;
      current.current = null;
      setState((s) => ({ ...s, result, progress: 1, running: false }));
      return result;
    } catch (e) {
      if (live()) {
        current.current = null;
        setState((s) => ({ ...s, error: isAbortError(e) ? null : e instanceof Error ? e : new Error(String(e)), running: false }));
      }
      return undefined;
    }
  }, []);

  // Unmount: terminate the worker of a run in progress (its promise settles unseen).
  useEffect(
    () => () => {
      const c = current.current;
      current.current = null;
      c?.abort();
    },
    [],
  );

  return { run, cancel, ...state };
}

/**
 * Fits estimators off the main thread from a component: `run({ estimator, params, X, y })`
 * streams `snapshot` and `progress` into state and ends with `result` (the model's JSON;
 * `modelFromJSON(result)` rebuilds it) or `error`. A new run cancels the previous one, and
 * unmounting terminates the worker.
 *
 * @example
 * const fit = useWorkerFit();
 * <Button onClick={() => fit.run({ estimator: 'RandomForestClassifier', params: { nEstimators: 100 }, X, y })}>Fit</Button>
 * <FitProgress value={fit.progress} running={fit.running} onCancel={fit.cancel} />
 */
export function useWorkerFit<N extends WorkerEstimatorName = WorkerEstimatorName, S = unknown>(
  options: WorkerRunOptions = {},
): WorkerRunState<FitRequest<N>, WorkerEstimatorJSON<N>, S> {
  return useWorkerRunner<FitRequest<N>, WorkerEstimatorJSON<N>, S>((req, o) => runFitInWorker(req, o as RunOptions), options);
}

/** As {@link useWorkerFit}, for a named task of the worker (`run(payload)` runs `task`). */
export function useWorkerTask<R = unknown, S = unknown>(task: string, options: WorkerRunOptions = {}): WorkerRunState<unknown, R, S> {
  return useWorkerRunner<unknown, R, S>((payload, o) => runTaskInWorker<R, S>(task, payload, o), options);
}
