/**
 * Heavy fits off the main thread (issue 19): a task runs in a module Web Worker and streams
 * its snapshots and progress back; cancelling terminates the worker. Where there is no
 * Worker (server rendering, happy-dom, Node) or the worker script cannot load (a dev server
 * that pre-bundled this package), the same task runs on the main thread in slices of about
 * `sliceMs`, yielding to the event loop between slices, so that a fit with `fitSteps` never
 * blocks the page for long. (A fit with only `fit()` is one slice there.)
 */
import { errorFromWire, Job, type RunMessage, type Throttle, type WorkerReply } from './core';
import type { FitEvaluateRequest, FitEvaluateResult, FitRequest, WorkerEstimatorJSON, WorkerEstimatorName } from './registry';

/** Options of {@link runTaskInWorker} and {@link runFitInWorker}. */
export interface RunOptions<S = unknown> {
  /**
   * Called with each snapshot that passes the throttle (plain data: a forest's tree arrives as
   * its JSON) and the progress at that moment.
   */
  onSnapshot?: (snapshot: S, progress: number | null) => void;
  /** Called when the progress changes: a fraction in [0, 1], or null when it cannot be estimated. */
  onProgress?: (progress: number | null) => void;
  /** Aborting it terminates the worker; the promise then rejects with an `AbortError`. */
  signal?: AbortSignal;
  /** At most one snapshot per this many ms. Default 16 (one animation frame). */
  minIntervalMs?: number;
  /** Report every n-th snapshot only (the last one always). Default 1. */
  every?: number;
  /**
   * Where to run: true (default) a Worker where one can be made, false always the main thread
   * in slices, or a function that makes the Worker (tests; a custom bundler setup).
   */
  worker?: boolean | (() => Worker);
  /** Time budget of one main-thread slice in the fallback, in ms. Default 12. */
  sliceMs?: number;
}

/** The error a cancelled run rejects with (`name === 'AbortError'`). */
export function abortError(): Error {
  if (typeof DOMException === 'function') return new DOMException('The run was cancelled', 'AbortError') as unknown as Error;
  const e = new Error('The run was cancelled');
  e.name = 'AbortError';
  return e;
}

/** Whether `e` is the rejection of a cancelled run. */
export function isAbortError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';
}

/**
 * Makes the module worker. The `new Worker(new URL(…, import.meta.url), { type: 'module' })`
 * form is what Vite and webpack recognise and bundle; the package build rewrites the file name
 * to the emitted `fit.worker.js`.
 */
function createFitWorker(): Worker {
  return new Worker(new URL('./fit.worker.ts', import.meta.url), { type: 'module' });
}

/** Lets the event loop run (input, rendering) before the next slice: a message, or a timeout. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof MessageChannel === 'function') {
      // Unlike setTimeout(0), a message is not clamped to 4 ms after a few nested calls.
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        resolve();
      };
      ch.port2.postMessage(null);
    } else setTimeout(resolve, 0);
  });
}

let warnedFallback = false;

/** The caller's callbacks: onProgress whenever the progress changes (a snapshot carries it too). */
export function reporter<S>(options: RunOptions<S>) {
  let last: number | null | undefined;
  const progress = (p: number | null) => {
    if (p === last) return;
    last = p;
    options.onProgress?.(p);
  };
  // Nothing is reported once the run is cancelled (a cancel from inside onSnapshot included).
  const cancelled = () => options.signal?.aborted === true;
  return {
    snapshot: (s: unknown, p: number | null) => {
      if (cancelled()) return;
      options.onSnapshot?.(s as S, p);
      progress(p);
    },
    progress: (p: number | null) => {
      if (!cancelled()) progress(p);
    },
    cancelled,
  };
}

/**
 * How a run starts: the worker to make, the same task on this thread where no worker can
 * run it, and what the run message carries besides the task (the nn runner's WASM paths).
 */
export interface WorkerRunner {
  /** Names the worker in messages ("fit worker"). */
  label: string;
  make: () => Worker;
  fallback: <R, S>(task: string, payload: unknown, throttle: Throttle, options: RunOptions<S>) => Promise<R>;
  extra?: () => Partial<RunMessage>;
}

const FIT_RUNNER: WorkerRunner = { label: 'fit worker', make: createFitWorker, fallback: runOnMainThread };

/**
 * Runs a named task (see `WORKER_TASKS`: 'fit', 'fitMany', …) off the main thread and
 * resolves with its result. Errors of the task arrive with their type (a `ValidationError`
 * with its argument and problem).
 */
export function runTaskInWorker<R = unknown, S = unknown>(task: string, payload: unknown, options: RunOptions<S> = {}): Promise<R> {
  return runWithRunner<R, S>(FIT_RUNNER, task, payload, options);
}

/** {@link runTaskInWorker} for a given runner (the fit worker, or the TF.js worker of ./runNn). */
export function runWithRunner<R = unknown, S = unknown>(runner: WorkerRunner, task: string, payload: unknown, options: RunOptions<S> = {}): Promise<R> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(abortError());
  const throttle: Throttle = { every: options.every, minIntervalMs: options.minIntervalMs };
  const make = typeof options.worker === 'function' ? options.worker : options.worker !== false && typeof Worker === 'function' ? runner.make : null;
  if (!make) return runner.fallback<R, S>(task, payload, throttle, options);

  return new Promise<R>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = make();
    } catch {
      runner.fallback<R, S>(task, payload, throttle, options).then(resolve, reject);
      return;
    }
    const report = reporter(options);
    let started = false;
    let settled = false;
    const finish = () => {
      settled = true;
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      if (settled) return;
      finish();
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort);
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      if (settled) return;
      const m = e.data;
      if (m.type === 'started') started = true;
      else if (m.type === 'snapshot') report.snapshot(m.snapshot, m.progress);
      else if (m.type === 'progress') report.progress(m.progress);
      else if (m.type === 'result') {
        finish();
        report.progress(1);
        resolve(m.result as R);
      } else if (m.type === 'error') {
        finish();
        reject(errorFromWire(m.error));
      }
    };
    worker.onerror = (e: ErrorEvent) => {
      if (settled) return;
      e.preventDefault?.();
      finish();
      if (!started) {
        // The script did not load (no module workers, or a dev server that pre-bundled this
        // package and lost the file): run here rather than fail.
        if (!warnedFallback) {
          warnedFallback = true;
          console.warn(`@geolearn/ui: the ${runner.label} could not start; running on the main thread instead.`);
        }
        runner.fallback<R, S>(task, payload, throttle, options).then(resolve, reject);
      } else reject(new Error(`${runner.label} failed: ${e.message || 'unknown error'}`));
    };
    worker.onmessageerror = () => {
      if (settled) return;
      finish();
      reject(new Error(`${runner.label}: a message could not be read (not structured-cloneable)`));
    };
    const msg: RunMessage = { ...runner.extra?.(), type: 'run', task, payload, throttle };
    try {
      worker.postMessage(msg);
    } catch (e) {
      // The payload is not structured-cloneable (a function, a RandomState instance…).
      finish();
      reject(e);
    }
  });
}

/** The same task on this thread, in slices of `sliceMs`, yielding between them. */
async function runOnMainThread<R, S>(task: string, payload: unknown, throttle: Throttle, options: RunOptions<S>): Promise<R> {
  const { signal } = options;
  const budget = typeof options.sliceMs === 'number' && options.sliceMs > 0 ? options.sliceMs : 12;
  // Start after the caller's synchronous code (it may set state, or cancel at once).
  await yieldToEventLoop();
  if (signal?.aborted) throw abortError();
  const report = reporter(options);
  // The registry (every estimator the worker can fit) loads only on this fallback path.
  const { taskOf } = await import('./registry');
  const job = new Job(taskOf(task), payload, throttle, report);
  for (;;) {
    const r = job.pump(budget);
    if (r.done) {
      report.progress(1);
      return r.result as R;
    }
    await yieldToEventLoop();
    if (signal?.aborted) throw abortError();
  }
}

/**
 * Fits an estimator off the main thread: the worker constructs it by name, drains its
 * `fitSteps` (streaming throttled snapshots) or calls `fit()` (progress 0 → 1), and resolves
 * with the fitted model's `toJSON()`; rebuild it with `modelFromJSON`.
 *
 * @example
 * const json = await runFitInWorker(
 *   { estimator: 'KMeans', params: { nClusters: 3, randomState: 0 }, X },
 *   { onSnapshot: (s) => draw(s), onProgress: setProgress, signal: controller.signal },
 * );
 * const km = modelFromJSON(json); // a KMeans, on this thread
 */
export function runFitInWorker<N extends WorkerEstimatorName>(request: FitRequest<N>, options: RunOptions = {}): Promise<WorkerEstimatorJSON<N>> {
  return runTaskInWorker<WorkerEstimatorJSON<N>>('fit', request, { ...options, every: options.every ?? request?.every });
}

/**
 * As {@link runFitInWorker}, then the model's methods on given samples in the worker too
 * (`evaluate: { predict: grid }`): resolves with `{ json, outputs }`. For decision surfaces
 * and for models whose `fromJSON` would itself be a long main-thread task (a large forest).
 */
export function runFitEvaluateInWorker<N extends WorkerEstimatorName>(request: FitEvaluateRequest<N>, options: RunOptions = {}): Promise<FitEvaluateResult<N>> {
  return runTaskInWorker<FitEvaluateResult<N>>('fitEvaluate', request, { ...options, every: options.every ?? request?.every });
}
