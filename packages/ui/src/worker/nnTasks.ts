/**
 * The TF.js tasks the nn worker runs, by name: training and inference of the seismic models
 * (`@geolearn/ui/seismic`). Each is an async generator of steps (snapshot and/or progress)
 * that returns plain, structured-cloneable data, DOM-free and React-free, so that the worker
 * (./nn.worker.ts) and the main-thread fallback (./runNn.ts) run the same code. The worker has
 * started a TF.js backend (WASM, else CPU) before a task runs.
 *
 * To add a task: write it in the explainer's folder (`…/task.ts`) and add one line here. The
 * imports are static: a worker bundled by an app's Vite (IIFE workers by default) cannot split.
 */
import { ValidationError } from '@geolearn/algorithms';
import type { AsyncWorkerTask } from './core';
import { autoencoderTask } from '../Autoencoder/task';
import { detectorLambdaTask, detectorScanTask } from '../EventDetector/task';
import { phasePickerTask } from '../PhasePicker/task';
import { seismicCnnTask } from '../SeismicClassifier/cnnTask';
import { transferTask } from '../TransferLearning/task';

/** The nn worker's tasks, by name (`'<explainer>.<what>'`). */
export const NN_TASKS: Record<string, AsyncWorkerTask> = {
  // A trivial task, for the runner's own tests: counts to `payload.n`, one step each.
  'nn.count': async function* (payload: unknown) {
    const n = typeof payload === 'object' && payload !== null ? (payload as { n?: unknown }).n : undefined;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 1e6) throw new ValidationError('payload.n', 'bad-option', `expected an integer in [0, 1e6], got ${String(n)}`);
    for (let i = 1; i <= n; i++) yield { snapshot: { i }, progress: i / n };
    return n;
  },
  'seismicClassifier.cnn': seismicCnnTask,
  'phasePicker.run': phasePickerTask,
  'autoencoder.run': autoencoderTask,
  'eventDetector.scan': detectorScanTask,
  'eventDetector.lambda': detectorLambdaTask,
  'transferLearning.run': transferTask,
};

/** The nn task named `name`, or a ValidationError naming `task`. */
export function nnTaskOf(name: unknown): AsyncWorkerTask {
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(NN_TASKS, name)) {
    throw new ValidationError('task', 'bad-option', `${JSON.stringify(name)} is not an nn worker task; expected one of ${Object.keys(NN_TASKS).join(', ')}`);
  }
  return NN_TASKS[name];
}
