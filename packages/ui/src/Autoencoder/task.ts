/**
 * The autoencoder explainer's TF.js work, as nn worker tasks (DOM-free, React-free; see
 * worker/nnTasks.ts): training a new fully connected autoencoder with a 2-D latent space on
 * fresh windows (the student's choice), and running the shipped convolutional denoiser on the
 * denoising examples. The worker has started the TF.js backend before a task runs.
 */
import { RandomState, ValidationError } from '@geolearn/algorithms';
import { Autoencoder, type SavedModelJSON } from '@geolearn/algorithms/nn';
import { autoencoderWindows } from '@geolearn/algorithms/seismic';
import type { TaskContext } from '../worker/core';
import type { TaskStep } from '../worker/registry';
import { readModelFiles } from './fetchModel';

/** What {@link trainAutoencoderTask} is given. */
export interface AutoencoderTrainPayload {
  /** Passes over the training windows, 1 … 100. */
  epochs: number;
  /** Training windows, 64 … 4000. Default 1500. */
  count?: number;
  /** Seed of the training windows (seed + 1, never a held-out seed) and of the weights, 0 … 999. Default 0. */
  seed?: number;
  /** Held-out windows (seed 1001) for the held-out loss, 16 … 400. Default 160. */
  heldOut?: number;
}

/** Sent after every epoch. */
export interface AutoencoderTrainSnapshot {
  /** Epochs done. */
  epoch: number;
  /** Mean mini-batch loss 𝓛 = ‖x − x′‖²/L over the epoch. */
  loss: number;
  /** Mean held-out loss after the epoch. */
  testLoss: number;
}

/** What {@link trainAutoencoderTask} resolves with: the trained model as saved files. */
export interface AutoencoderTrainResult {
  modelJSON: SavedModelJSON;
  weightData: ArrayBuffer;
  history: AutoencoderTrainSnapshot[];
  /** True when the loss became NaN (training stopped there and the last good weights are returned). */
  diverged: boolean;
  /** True when the run was cancelled before its last epoch. */
  cancelled: boolean;
}

/** What {@link denoiseTask} is given: the saved denoiser (URLs or files) and the noisy windows. */
export interface DenoisePayload {
  /** URLs of model.json and weights.bin (computed on the main thread). */
  urls?: { modelUrl: string; weightsUrl: string };
  /** Or the files themselves. */
  files?: { modelJSON: unknown; weightData: ArrayBuffer | Uint8Array };
  /** Noisy windows, count × length, row-major. */
  noisy: Float32Array;
}

/** What {@link denoiseTask} resolves with. */
export interface DenoiseResult {
  /** The denoised windows, same shape as the input. */
  denoised: Float32Array;
  /** Values in the code (the compression ratio is length / latentDim). */
  latentDim: number;
  /** Samples per window. */
  length: number;
  /** Trained weights. */
  parameters: number;
}

function intField(p: Record<string, unknown>, name: string, min: number, max: number, fallback?: number): number {
  const v = p[name] ?? fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new ValidationError(`payload.${name}`, 'out-of-range', `must be an integer in [${min}, ${max}], got ${String(v)}`);
  return v;
}

function objectPayload(payload: unknown): Record<string, unknown> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw new ValidationError('payload', 'bad-option', 'must be an object');
  return payload as Record<string, unknown>;
}

/**
 * Trains a fully connected autoencoder 256 → 128 → 32 → z ∈ ℝ² → 32 → 128 → 256 (as the
 * shipped one) with Adam on 𝓛 = ‖x − x′‖², one snapshot per epoch.
 */
export async function* trainAutoencoderTask(payload: unknown, ctx: TaskContext): AsyncGenerator<TaskStep, AutoencoderTrainResult, undefined> {
  const p = objectPayload(payload);
  const epochs = intField(p, 'epochs', 1, 100);
  const count = intField(p, 'count', 64, 4000, 1500);
  const seed = intField(p, 'seed', 0, 999, 0);
  const heldOut = intField(p, 'heldOut', 16, 400, 160);
  const train = autoencoderWindows({ count, seed: seed + 1 });
  const test = autoencoderWindows({ count: heldOut, seed: 1001 });
  const L = train.length;
  const batchSize = 32;
  // Cosine decay of the learning rate η from 3·10⁻³ to 3·10⁻⁴ over the run.
  const eta = (e: number) => 3e-4 + 0.5 * (3e-3 - 3e-4) * (1 + Math.cos((Math.PI * e) / Math.max(1, epochs - 1)));
  const ae = new Autoencoder({ inputShape: [L], latentDim: 2, hiddenUnits: [128, 32], activation: 'relu', learningRate: eta(0), batchSize, randomState: seed });
  const history: AutoencoderTrainSnapshot[] = [];
  let diverged = false;
  let cancelled = false;
  try {
    const rng = new RandomState(seed + 7);
    for (let e = 0; e < epochs; e++) {
      if (ctx.cancelled()) {
        cancelled = true;
        break;
      }
      ae.setLearningRate(eta(e));
      const order = rng.permutation(count);
      let sum = 0, batches = 0;
      for (let s = 0; s < count; s += batchSize) {
        const idx = order.slice(s, s + batchSize);
        const xb = new Float32Array(idx.length * L);
        idx.forEach((k, j) => xb.set(train.x.subarray(k * L, (k + 1) * L), j * L));
        sum += ae.trainBatch(xb);
        batches++;
      }
      const loss = sum / batches;
      if (!Number.isFinite(loss)) {
        diverged = true;
        break;
      }
      const snap = { epoch: e + 1, loss, testLoss: ae.reconstructionError(test.x) };
      history.push(snap);
      yield { snapshot: snap, progress: (e + 1) / epochs };
    }
    const { modelJSON, weightData } = ae.save({ description: 'trained in the page', epochs: history.length, seed });
    return { modelJSON, weightData, history, diverged, cancelled };
  } finally {
    ae.dispose();
  }
}

/** Runs the saved convolutional denoiser on `payload.noisy`. */
export async function* denoiseTask(payload: unknown): AsyncGenerator<TaskStep, DenoiseResult, undefined> {
  const p = objectPayload(payload) as Partial<DenoisePayload>;
  if (!(p.noisy instanceof Float32Array) || p.noisy.length === 0) throw new ValidationError('payload.noisy', 'bad-option', 'must be a non-empty Float32Array');
  const files = p.files ?? (p.urls ? await readModelFiles(p.urls) : null);
  if (!files) throw new ValidationError('payload.urls', 'missing-value', 'give the model as urls or files');
  yield { progress: 0.5 };
  const ae = Autoencoder.load(files.modelJSON as SavedModelJSON, files.weightData);
  try {
    const L = ae.inputSize;
    if (p.noisy.length % L !== 0) throw new ValidationError('payload.noisy', 'shape-mismatch', `must hold whole windows of ${L} samples, got ${p.noisy.length} values`);
    const denoised = ae.reconstruct(p.noisy);
    return { denoised, latentDim: ae.options.latentDim, length: L, parameters: ae.net.parameterCount };
  } finally {
    ae.dispose();
  }
}

/** The one nn worker task of the explainer (`'autoencoder.run'`): `payload.job` picks training or denoising. */
export async function* autoencoderTask(payload: unknown, ctx: TaskContext): AsyncGenerator<TaskStep, AutoencoderTrainResult | DenoiseResult, undefined> {
  const job = objectPayload(payload).job;
  if (job === 'train') return yield* trainAutoencoderTask(payload, ctx);
  if (job === 'denoise') return yield* denoiseTask(payload);
  throw new ValidationError('payload.job', 'bad-option', `must be 'train' or 'denoise', got ${JSON.stringify(job)}`);
}
