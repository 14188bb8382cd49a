/**
 * TF.js work off the main thread: training and inference of the seismic models run in a module
 * Web Worker of their own (./nn.worker.ts, which bundles TF.js), stream snapshots and progress
 * back, and cancel by terminating the worker. Where there is no Worker (server rendering,
 * happy-dom, Node) the same task runs here, awaiting between steps. Imported only by the
 * `@geolearn/ui/seismic` explainers: its WASM URLs (./wasmAssets.ts) must not reach apps that
 * import only `@geolearn/ui`.
 */
import { shippedWasmPaths } from '../wasmAssets';
import { Job, type Throttle } from './core';
import { abortError, reporter, runWithRunner, yieldToEventLoop, type RunOptions, type WorkerRunner } from './runFit';

/** Makes the module worker; the package build rewrites the file name to the emitted `nn.worker.js`. */
function createNnWorker(): Worker {
  return new Worker(new URL('./nn.worker.ts', import.meta.url), { type: 'module' });
}

/** The same task on this thread: the backend started here, then each step awaited in turn. */
async function runNnOnMainThread<R, S>(task: string, payload: unknown, throttle: Throttle, options: RunOptions<S>): Promise<R> {
  const { signal } = options;
  await yieldToEventLoop();
  if (signal?.aborted) throw abortError();
  const { ensureNnBackend } = await import('./nnServe');
  const { nnTaskOf } = await import('./nnTasks');
  const run = nnTaskOf(task);
  // Under Node (tests, server) TF.js finds its WASM files itself; a page gets the bundled URLs.
  const node = typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === 'string';
  await ensureNnBackend(node ? undefined : shippedWasmPaths());
  const report = reporter(options);
  const r = await new Job(run, payload, throttle, report).pumpAsync();
  if (!r.done) throw abortError();
  report.progress(1);
  return r.result as R;
}

const NN_RUNNER: WorkerRunner = {
  label: 'TF.js worker',
  make: createNnWorker,
  fallback: runNnOnMainThread,
  extra: () => ({ wasmPaths: shippedWasmPaths() }),
};

/**
 * Runs a named TF.js task (see `NN_TASKS` in ./nnTasks.ts) in the TF.js worker and resolves
 * with its result; snapshots and progress arrive through `options` as with `runTaskInWorker`,
 * and aborting `options.signal` terminates the worker (the promise rejects with an AbortError).
 *
 * @example
 * const result = await runNnTaskInWorker<TrainResult>('autoencoder.train', { epochs: 20, seed: 0 }, {
 *   onSnapshot: (s) => setCurve(s.loss), onProgress: setProgress, signal: controller.signal,
 * });
 */
export function runNnTaskInWorker<R = unknown, S = unknown>(task: string, payload: unknown, options: RunOptions<S> = {}): Promise<R> {
  return runWithRunner<R, S>(NN_RUNNER, task, payload, options);
}
