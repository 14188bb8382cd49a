/**
 * Heavy fits off the main thread: `runFitInWorker` / `runTaskInWorker`, the `useWorkerFit`
 * hook, the `FitProgress` bar, and `modelFromJSON` to rebuild a fitted model.
 */
export { runFitInWorker, runFitEvaluateInWorker, runTaskInWorker, abortError, isAbortError, yieldToEventLoop, type RunOptions } from './runFit';
export {
  modelFromJSON,
  EVALUATE_METHODS,
  type FitEvaluateRequest,
  type FitEvaluateResult,
  WORKER_ESTIMATORS,
  WORKER_TASKS,
  type FitRequest,
  type FitManyJob,
  type FitManyResult,
  type TaskStep,
  type WorkerTask,
  type WorkerEstimators,
  type WorkerEstimatorName,
  type WorkerEstimatorOptions,
  type WorkerEstimatorJSON,
} from './registry';
export { toWire, type Throttle, type WireError } from './core';
export { useWorkerFit, useWorkerTask, type WorkerRunOptions, type WorkerRunState } from './useWorkerFit';
export { FitProgress, FIT_PROGRESS_CSS, type FitProgressProps } from './FitProgress';
