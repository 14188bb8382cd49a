import type { WorkerEstimatorName, WorkerEstimators } from './registry';

/**
 * Rebuilds a fitted model from the `toJSON()` that a worker fit resolved with. The estimator
 * registry loads on first use (a separate chunk), so an app's initial bundle carries only the
 * estimators its explainers name themselves; an explainer that knows its estimator can call
 * that class's own `fromJSON` instead.
 */
export async function modelFromJSONAsync<N extends WorkerEstimatorName>(json: { estimator: N } & object): Promise<WorkerEstimators[N]> {
  const { modelFromJSON } = await import('./registry');
  return modelFromJSON(json);
}
