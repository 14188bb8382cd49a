/**
 * The detector's TF.js work, as async tasks the nn Web Worker runs (or the main thread where
 * there is no Worker): DOM-free and React-free. The worker has started the backend already.
 *
 * - `eventDetector.scan`: slides the shipped detector along a 3-component stream (10 s
 *   windows, one every `stepSeconds`) and returns p_c for every window, with progress.
 * - `eventDetector.lambda`: trains a fresh detector on a small generated set with the slide's
 *   loss 𝓛 = −Σ_c q_c log p_c + λ‖w‖² and reports the held-out loss after each epoch, so that
 *   the student sees what λ does (too small: the held-out loss turns up as the network
 *   overfits its few windows; too large: the weights are crushed and it underfits).
 */
import * as tf from '@tensorflow/tfjs';
import { ValidationError } from '@geolearn/algorithms';
import { buildDetector, evaluateDetector, loadLayersModel, predictDetector, trainDetectorBatch } from '@geolearn/algorithms/nn';
import { DETECTION_CLASSES, makeDetectionDataset, streamWindows } from '@geolearn/algorithms/seismic';
import { RandomState } from '@geolearn/algorithms';
import type { TaskStep } from '../worker/registry';
import { readBytes } from '../common/readBytes';

/** Where the model's files are (URLs; `file:` under Node). */
export interface DetectorSource {
  modelUrl: string;
  weightsUrl: string;
}

/** Loads the shipped (or given) detector. The caller disposes it. */
export async function loadDetector(source: DetectorSource): Promise<tf.LayersModel> {
  if (!source || typeof source.modelUrl !== 'string' || typeof source.weightsUrl !== 'string') throw new ValidationError('model', 'wrong-type', 'must be { modelUrl, weightsUrl }');
  const [json, weights] = await Promise.all([readBytes(source.modelUrl), readBytes(source.weightsUrl)]);
  return loadLayersModel(new TextDecoder().decode(json), weights);
}

const isObject = (p: unknown): p is Record<string, unknown> => typeof p === 'object' && p !== null;
function num(v: unknown, name: string, min: number, max: number, integer = false): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) throw new ValidationError(name, 'out-of-range', `must be ${integer ? 'an integer' : 'a number'} in [${min}, ${max}], got ${String(v)}`);
  return v;
}

/** What `eventDetector.scan` is given. */
export interface ScanPayload {
  model: DetectorSource;
  /** The components at 100 Hz, one length. */
  Z: Float32Array;
  N: Float32Array;
  E: Float32Array;
  /** Hop between windows in seconds (0.25 … 10). Default 1. */
  stepSeconds?: number;
}

/** What `eventDetector.scan` returns. */
export interface ScanResult {
  /** Start time of each window, s. */
  starts: Float64Array;
  /** p_c of each window, row-major n × 7. */
  probs: Float32Array;
  /** Milliseconds of inference (loading excluded). */
  ms: number;
}

/** Slides the detector along a stream; progress after each batch, the probabilities so far as snapshots. */
export async function* detectorScanTask(payload: unknown, ctx: { cancelled(): boolean } = { cancelled: () => false }): AsyncGenerator<TaskStep, ScanResult, undefined> {
  if (!isObject(payload)) throw new ValidationError('payload', 'wrong-type', 'must be { model, Z, N, E }');
  const p = payload as unknown as ScanPayload;
  for (const c of ['Z', 'N', 'E'] as const) if (!(p[c] instanceof Float32Array)) throw new ValidationError(c, 'wrong-type', 'each component must be a Float32Array');
  const step = num(p.stepSeconds ?? 1, 'stepSeconds', 0.25, 10);
  const w = streamWindows({ Z: Float64Array.from(p.Z), N: Float64Array.from(p.N), E: Float64Array.from(p.E) }, { stepSeconds: step });
  const model = await loadDetector(p.model);
  try {
    const per = w.length * 3;
    const probs = new Float32Array(w.n * DETECTION_CLASSES);
    const batch = 64;
    const t0 = performance.now();
    for (let s = 0; s < w.n; s += batch) {
      if (ctx.cancelled()) break;
      const m = Math.min(batch, w.n - s);
      probs.set(predictDetector(model, w.x.subarray(s * per, (s + m) * per)), s * DETECTION_CLASSES);
      yield { progress: (s + m) / w.n };
    }
    return { starts: w.starts, probs, ms: performance.now() - t0 };
  } finally {
    model.dispose();
  }
}

/** What `eventDetector.lambda` is given. */
export interface LambdaPayload {
  /** λ ≥ 0 (at most 1). */
  lambda: number;
  /** Training windows (8 … 2000). */
  nTrain: number;
  /** Held-out windows (8 … 2000). */
  nTest: number;
  /** Epochs (1 … 100). */
  epochs: number;
  /** Seed of the data and the initial weights. */
  seed: number;
  /** Learning rate of Adam. Default 0.003. */
  learningRate?: number;
}

/** One epoch of the λ run. */
export interface LambdaSnapshot {
  epoch: number;
  /** Mean training loss 𝓛 (with the penalty). */
  trainLoss: number;
  /** Held-out cross-entropy −Σ q log p (the penalty is not a test error). */
  testLoss: number;
  /** ‖w‖². */
  penalty: number;
  /** Held-out accuracy over the 7 classes. */
  testAccuracy: number;
}

/** What `eventDetector.lambda` returns. */
export interface LambdaResult {
  lambda: number;
  history: LambdaSnapshot[];
  diverged: boolean;
  cancelled: boolean;
}

/** Trains a fresh detector with penalty λ on a small set; a snapshot after each epoch. */
export async function* detectorLambdaTask(payload: unknown, ctx: { cancelled(): boolean } = { cancelled: () => false }): AsyncGenerator<TaskStep, LambdaResult, undefined> {
  if (!isObject(payload)) throw new ValidationError('payload', 'wrong-type', 'must be { lambda, nTrain, nTest, epochs, seed }');
  const lambda = num(payload.lambda, 'lambda', 0, 1);
  const nTrain = num(payload.nTrain, 'nTrain', 8, 2000, true);
  const nTest = num(payload.nTest, 'nTest', 8, 2000, true);
  const epochs = num(payload.epochs, 'epochs', 1, 100, true);
  const seed = num(payload.seed, 'seed', 0, 2 ** 31 - 1, true);
  const lr = num(payload.learningRate ?? 0.003, 'learningRate', 1e-5, 1);
  yield { progress: 0 };
  const { train } = makeDetectionDataset({ nSamples: nTrain, testFraction: 0, split: 'train', randomState: seed + 101 });
  const { test } = makeDetectionDataset({ nSamples: nTest, testFraction: 1, split: 'test', randomState: seed + 101 });
  const model = buildDetector({ seed });
  const optimizer = tf.train.adam(lr);
  const rng = new RandomState(seed);
  const history: LambdaSnapshot[] = [];
  const batch = 16;
  const per = train.length * 3;
  let diverged = false;
  let cancelled = false;
  try {
    for (let e = 1; e <= epochs; e++) {
      const order = rng.permutation(train.n);
      let sum = 0;
      let k = 0;
      for (let s = 0; s < train.n; s += batch) {
        if (ctx.cancelled()) {
          cancelled = true;
          break;
        }
        const idx = order.slice(s, s + batch);
        const xb = new Float32Array(idx.length * per);
        idx.forEach((j, i) => xb.set(train.x.subarray(j * per, (j + 1) * per), i * per));
        const l = trainDetectorBatch(model, optimizer, xb, idx.map((j) => train.y[j]), lambda);
        if (!Number.isFinite(l.total)) {
          diverged = true;
          break;
        }
        sum += l.total;
        k++;
        yield { progress: (e - 1 + (s + idx.length) / train.n) / epochs };
      }
      if (diverged || cancelled) break;
      const ev = evaluateDetector(model, test.x, test.y, lambda);
      const snap = { epoch: e, trainLoss: sum / Math.max(1, k), testLoss: ev.crossEntropy, penalty: ev.penalty, testAccuracy: ev.accuracy };
      history.push(snap);
      yield { snapshot: snap, progress: e / epochs };
    }
    return { lambda, history, diverged, cancelled };
  } finally {
    model.dispose();
    optimizer.dispose();
  }
}
