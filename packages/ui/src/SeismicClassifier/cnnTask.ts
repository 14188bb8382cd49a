/**
 * The learned-features side of the seismic classifier: a small 1-D convolutional network on
 * the raw waveforms, trained as an async task (DOM-free, React-free) that the nn Web Worker
 * runs (`runNnTaskInWorker('seismicCnn', payload, …)`), or the main thread where there is no
 * Worker. The worker starts the TF.js backend before it calls the task.
 *
 * A 1-D convolution is a conv2d over an input of shape [length, 1, 1] with kernels k × 1:
 * three blocks conv (same padding, ReLU) → max-pool ×4 learn band-pass filters and their
 * envelopes (the "features"), then a dense layer and a softmax over the six classes.
 */
import { ValidationError } from '@geolearn/algorithms';
import { CNN, type LayerSpec } from '@geolearn/algorithms/nn';
import type { TaskStep } from '../worker/registry';

/** What the task is given: traces already normalised (see `cnnInputs` in ./model), row-major. */
export interface SeismicCnnPayload {
  /** Training traces, nTrain × length values. */
  train: Float32Array;
  /** Their labels, 0 … nClasses − 1. */
  trainLabels: number[];
  /** Held-out traces, nTest × length values. */
  test: Float32Array;
  /** Their labels. */
  testLabels: number[];
  /** Samples per trace (≥ 64). */
  length: number;
  /** Number of classes (≥ 2). */
  nClasses: number;
  /** Passes over the training set (1 … 200). */
  epochs: number;
  /** Seed of the initial weights, dropout masks and batch order. */
  seed: number;
  /** Mini-batch size. Default 16. */
  batchSize?: number;
  /** Learning rate η of Adam. Default 0.003. */
  learningRate?: number;
}

/** Sent after every epoch. */
export interface SeismicCnnSnapshot {
  /** Epochs done. */
  epoch: number;
  /** Mean mini-batch loss 𝓛 over the epoch. */
  loss: number;
  /** Held-out accuracy after the epoch. */
  testAccuracy: number;
}

/** What the task resolves with. */
export interface SeismicCnnResult {
  /** The predicted class of each held-out trace. */
  predicted: number[];
  /** One entry per epoch. */
  history: SeismicCnnSnapshot[];
  /** Number of trained weights. */
  parameters: number;
  /** True when the loss became NaN (training stopped there). */
  diverged: boolean;
  /** True when the run was cancelled before its last epoch. */
  cancelled: boolean;
}

/** The network: 3 × (conv k × 1, ReLU, max-pool 4 × 1), dense 32, dropout, softmax. */
export function seismicCnnLayers(nClasses: number): LayerSpec[] {
  return [
    { type: 'conv2d', filters: 8, kernelSize: [9, 1], padding: 'same', activation: 'relu' },
    { type: 'maxPool2d', poolSize: [4, 1] },
    { type: 'conv2d', filters: 16, kernelSize: [9, 1], padding: 'same', activation: 'relu' },
    { type: 'maxPool2d', poolSize: [4, 1] },
    { type: 'conv2d', filters: 16, kernelSize: [9, 1], padding: 'same', activation: 'relu' },
    { type: 'maxPool2d', poolSize: [4, 1] },
    { type: 'flatten' },
    { type: 'dense', units: 32, activation: 'relu' },
    { type: 'dropout', rate: 0.3 },
    { type: 'dense', units: nClasses, activation: 'softmax' },
  ];
}

function checkInt(v: unknown, name: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new ValidationError(name, 'out-of-range', `must be an integer in ${min} … ${max}, got ${String(v)}`);
  return v;
}

function checkSet(x: unknown, labels: unknown, length: number, nClasses: number, name: string): { x: Float32Array; labels: number[]; n: number } {
  if (!(x instanceof Float32Array)) throw new ValidationError(name, 'wrong-type', 'must be a Float32Array of traces');
  if (!Array.isArray(labels)) throw new ValidationError(`${name}Labels`, 'wrong-type', 'must be an array of class indices');
  const n = labels.length;
  if (n === 0) throw new ValidationError(name, 'empty', 'has no traces');
  if (x.length !== n * length) throw new ValidationError(name, 'shape-mismatch', `expected ${n} × ${length} values, got ${x.length}`);
  labels.forEach((l, i) => checkInt(l, `${name}Labels[${i}]`, 0, nClasses - 1));
  return { x, labels: labels as number[], n };
}

/** Validates a payload; throws a {@link ValidationError} naming the bad field. */
export function checkSeismicCnnPayload(payload: unknown): Required<SeismicCnnPayload> {
  if (typeof payload !== 'object' || payload === null) throw new ValidationError('payload', 'wrong-type', 'must be an object { train, trainLabels, test, testLabels, length, nClasses, epochs, seed }');
  const p = payload as SeismicCnnPayload;
  const length = checkInt(p.length, 'length', 64, 1 << 16);
  const nClasses = checkInt(p.nClasses, 'nClasses', 2, 64);
  checkSet(p.train, p.trainLabels, length, nClasses, 'train');
  checkSet(p.test, p.testLabels, length, nClasses, 'test');
  const epochs = checkInt(p.epochs, 'epochs', 1, 200);
  const seed = checkInt(p.seed, 'seed', 0, 2 ** 31 - 1);
  const batchSize = checkInt(p.batchSize ?? 16, 'batchSize', 1, 1024);
  const learningRate = p.learningRate ?? 0.003;
  if (typeof learningRate !== 'number' || !(learningRate > 0) || learningRate > 1) throw new ValidationError('learningRate', 'out-of-range', `must be in (0, 1], got ${String(learningRate)}`);
  return { ...p, length, nClasses, epochs, seed, batchSize, learningRate };
}

/**
 * Trains the network for `epochs` passes and predicts the held-out traces. Yields the
 * progress after every mini-batch step and a {@link SeismicCnnSnapshot} after every epoch.
 */
export async function* seismicCnnTask(payload: unknown, ctx: { cancelled(): boolean } = { cancelled: () => false }): AsyncGenerator<TaskStep, SeismicCnnResult, undefined> {
  const p = checkSeismicCnnPayload(payload);
  const nTrain = p.trainLabels.length;
  const cnn = new CNN({ inputShape: [p.length, 1, 1], layers: seismicCnnLayers(p.nClasses), learningRate: p.learningRate, batchSize: p.batchSize, randomState: p.seed });
  try {
    cnn.setData(p.train, p.trainLabels);
    const perEpoch = Math.ceil(nTrain / p.batchSize);
    const total = perEpoch * p.epochs;
    const history: SeismicCnnSnapshot[] = [];
    let diverged = false;
    let cancelled = false;
    yield { progress: 0 };
    outer: for (let e = 1; e <= p.epochs; e++) {
      let sum = 0;
      for (let s = 0; s < perEpoch; s++) {
        if (ctx.cancelled()) {
          cancelled = true;
          break outer;
        }
        const r = cnn.step();
        if (r.diverged) {
          diverged = true;
          break outer;
        }
        sum += r.trainLoss;
        yield { progress: ((e - 1) * perEpoch + s + 1) / total };
      }
      const ev = cnn.evaluate(p.test, p.testLabels);
      const snap: SeismicCnnSnapshot = { epoch: e, loss: sum / perEpoch, testAccuracy: ev.accuracy };
      history.push(snap);
      yield { snapshot: snap, progress: (e * perEpoch) / total };
    }
    const predicted = Array.from(cnn.predict(p.test));
    const parameters = cnn.net.weightSpecs.reduce((a, w) => a + w.shape.reduce((x, y) => x * y, 1), 0);
    return { predicted, history, parameters, diverged, cancelled };
  } finally {
    cnn.dispose();
  }
}
