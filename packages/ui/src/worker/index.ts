/**
 * Heavy fits off the main thread: `runFitInWorker` / `runTaskInWorker`, the `useWorkerFit`
 * hook, the `FitProgress` bar, and `modelFromJSONAsync` to rebuild a fitted model.
 */
export { runFitInWorker, runFitEvaluateInWorker, runTaskInWorker, abortError, isAbortError, yieldToEventLoop, type RunOptions } from './runFit';
export { modelFromJSONAsync } from './lazy';
// Types only: the registry's code (every estimator the worker fits) stays out of the main
// thread's bundle; it runs in the worker, and loads lazily for the main-thread fallback.
export type {
  FitEvaluateRequest,
  FitEvaluateResult,
  FitRequest,
  FitManyJob,
  FitManyResult,
  TaskStep,
  WorkerTask,
  WorkerEstimators,
  WorkerEstimatorName,
  WorkerEstimatorOptions,
  WorkerEstimatorJSON,
} from './registry';
export { toWire, type Throttle, type WireError } from './core';
export { useWorkerFit, useWorkerTask, type WorkerRunOptions, type WorkerRunState } from './useWorkerFit';
export { FitProgress, FIT_PROGRESS_CSS, type FitProgressProps } from './FitProgress';
