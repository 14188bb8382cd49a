/**
 * A ConvNetQuake-style event detector and locator (Perol, Gharbi & Denolle 2018; slides,
 * section 7): a 3-component window x ∈ ℝ^{N×3} goes through eight strided 1-D convolutions
 * (each halves the time axis, as ConvNetQuake's: 1000 → 4 samples, so that the last ones see
 * about 5 s, enough to hold both P and S of a far event), is flattened and a dense softmax
 * gives p_c, c = 0 ("no event") and the cells 1…6 around the station. Trained on the slide's loss
 *   𝓛 = −Σ_c q_c log p_c + λ‖w‖²
 * (q the one-hot target, the cross-entropy averaged over a batch, ‖w‖² the sum of squared
 * kernel weights, biases excluded), written out here so that λ can change between steps.
 *
 * Layers are named `conv1`…`convK`, `flatten`, `cells`; freezing the first k convolutions
 * ({@link freezeDetector}) is the slide's fine-tuning: the pretrained early layers stay fixed
 * while the others train on the new region. Save/load as standard layers files via ./io.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { ValidationError } from '../../core/errors';
import { RandomState } from '../../core/random';
import { checkScalar } from '../../core/validation';
import { DETECTION_CLASSES, highpassWindows, standardiseWindows } from '../../seismic/detection';
import { setTrainable } from './io';

/** Options of {@link buildDetector}. */
export interface DetectorOptions {
  /** Samples per window N. Default 1000 (10 s at 100 Hz). */
  length?: number;
  /** Channels of each stride-2 convolution. Default [8, 16, 16, 32, 32, 32, 32, 32] (eight, as ConvNetQuake). */
  filters?: number[];
  /** Kernel length of each convolution (one per entry of `filters`, or one for all). Default [7, 5, 5, 3, 3, 3, 3, 3]. */
  kernelSize?: number | number[];
  /** Seed of the initial weights. Default 0. */
  seed?: number;
}

/** Default channels per convolution. */
export const DETECTOR_FILTERS = [8, 16, 16, 32, 32, 32, 32, 32];
const DETECTOR_KERNELS = [7, 5, 5, 3, 3, 3, 3, 3];

function checkInts(v: unknown, name: string, min: number, max: number): number[] {
  if (!Array.isArray(v) || v.length === 0) throw new ValidationError(name, 'bad-option', `must be a non-empty array of integers, got ${JSON.stringify(v)}`);
  return v.map((x, i) => checkScalar(x, `${name}[${i}]`, { min, max, integer: true }));
}

/**
 * Builds the detector (not compiled: train it with {@link trainDetectorBatch}). Input
 * [batch, N, 3] (Z, N, E; standardised by {@link prepareDetectorInput}), output [batch, 7].
 */
export function buildDetector(options: DetectorOptions = {}): tf.LayersModel {
  const length = checkScalar(options.length ?? 1000, 'length', { min: 16, max: 100_000, integer: true });
  const filters = checkInts(options.filters ?? DETECTOR_FILTERS, 'filters', 1, 128);
  const ks = typeof options.kernelSize === 'number' ? filters.map(() => options.kernelSize as number) : checkInts(options.kernelSize ?? DETECTOR_KERNELS.slice(0, filters.length), 'kernelSize', 1, 31);
  if (ks.length !== filters.length) throw new ValidationError('kernelSize', 'length-mismatch', `needs one entry per convolution (${filters.length}), got ${ks.length}`);
  if (length / 2 ** filters.length < 1) throw new ValidationError('filters', 'out-of-range', `${filters.length} stride-2 layers leave nothing of a ${length}-sample window`);
  const seed = checkScalar(options.seed ?? 0, 'seed', { min: 0, integer: true });
  const rng = new RandomState(seed);
  const init = () => tf.initializers.heNormal({ seed: rng.randint(2 ** 31 - 1) });
  const input = tf.input({ shape: [length, 3], name: 'window' });
  let h: tf.SymbolicTensor = input;
  filters.forEach((f, i) => {
    h = tf.layers.conv1d({ name: `conv${i + 1}`, filters: f, kernelSize: ks[i], strides: 2, padding: 'same', activation: 'relu', kernelInitializer: init() }).apply(h) as tf.SymbolicTensor;
  });
  h = tf.layers.flatten({ name: 'flatten' }).apply(h) as tf.SymbolicTensor;
  const out = tf.layers.dense({ name: 'cells', units: DETECTION_CLASSES, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: rng.randint(2 ** 31 - 1) }) }).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: out, name: 'convnetquake_small' });
}

/** Samples per window the model takes (its input's second dimension). */
export function detectorLength(model: tf.LayersModel): number {
  const shape = model.inputs[0]?.shape;
  if (!shape || shape.length !== 3 || shape[2] !== 3 || typeof shape[1] !== 'number') throw new ValidationError('model', 'shape-mismatch', 'is not a detector: its input must be [batch, N, 3]');
  return shape[1];
}

/** Indices of the convolutions (conv1…convK) in `model.layers`. */
function convLayers(model: tf.LayersModel): tf.layers.Layer[] {
  return model.layers.filter((l) => /^conv\d+$/.test(l.name));
}

/**
 * Freezes the first `nFrozen` convolutions (trainable = false) and lets every other layer
 * train; 0 unfreezes all. Returns the names of the trainable layers. The training step reads
 * the flags at every call, so nothing needs recompiling.
 */
export function freezeDetector(model: tf.LayersModel, nFrozen: number): string[] {
  const convs = convLayers(model);
  const k = checkScalar(nFrozen, 'nFrozen', { min: 0, max: convs.length + 1, integer: true });
  const frozen = new Set(convs.slice(0, k).map((l) => l.name));
  if (k > convs.length) frozen.add('cells');
  return setTrainable(model, (layer) => !frozen.has(layer.name));
}

/**
 * Copies windows (n × N × 3 at 100 Hz, as `makeDetectionDataset` and `streamWindows` give
 * them), high-passes them above 1 Hz (`highpassWindows`: the microseism out) and standardises
 * each (`standardiseWindows`): what the network sees. NaN or ±∞ is refused.
 */
export function prepareDetectorInput(x: ArrayLike<number>, length: number): { data: Float32Array; n: number } {
  const per = length * 3;
  if (x.length === 0 || x.length % per !== 0) throw new ValidationError('x', 'shape-mismatch', `must hold whole windows of ${length} × 3 samples, got ${x.length} values`);
  const data = Float32Array.from(x);
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) throw new ValidationError('x', 'not-finite', `sample ${Math.floor(i / 3) % length} of window ${Math.floor(i / per)} (component ${'ZNE'[i % 3]}) is ${data[i]}: the detector never sees NaN`);
  }
  const n = data.length / per;
  return { data: standardiseWindows(highpassWindows(data, n, length), n, length), n };
}

function checkLabels(y: ArrayLike<number>, n: number): Int32Array {
  if (y.length !== n) throw new ValidationError('y', 'length-mismatch', `one label per window: ${n} windows, ${y.length} labels`);
  const out = Int32Array.from(y);
  for (let i = 0; i < n; i++) if (!(out[i] >= 0 && out[i] < DETECTION_CLASSES) || out[i] !== y[i]) throw new ValidationError('y', 'out-of-range', `labels are 0…${DETECTION_CLASSES - 1}, got ${y[i]} at ${i}`);
  return out;
}

/** λ‖w‖²: squared kernel weights of the trainable and frozen convolutions and the dense layer (biases excluded). */
function l2(model: tf.LayersModel): tf.Scalar {
  return tf.tidy(() => {
    let s: tf.Scalar = tf.scalar(0);
    for (const layer of model.layers) {
      for (const w of layer.weights) if (w.name.includes('kernel')) s = s.add(tf.sum(tf.square(w.read()))) as tf.Scalar;
    }
    return s;
  });
}

/** The loss's parts on a batch: cross-entropy −Σ_c q_c log p_c (batch mean), penalty ‖w‖², total = CE + λ‖w‖². */
export interface DetectorLoss {
  crossEntropy: number;
  /** ‖w‖² (without λ). */
  penalty: number;
  total: number;
}

/**
 * One optimisation step on a batch (raw windows; standardised here). Only the trainable
 * layers' weights move. Returns the loss before the step. A non-finite loss is returned as is
 * (the caller reports divergence), never thrown.
 */
export function trainDetectorBatch(model: tf.LayersModel, optimizer: tf.Optimizer, x: ArrayLike<number>, y: ArrayLike<number>, lambda = 0): DetectorLoss {
  const length = detectorLength(model);
  const lam = checkScalar(lambda, 'lambda', { min: 0 });
  const { data, n } = prepareDetectorInput(x, length);
  const labels = checkLabels(y, n);
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  if (vars.length === 0) throw new ValidationError('model', 'bad-option', 'every layer is frozen: nothing to train');
  let ce = NaN;
  let pen = NaN;
  tf.tidy(() => {
    const xt = tf.tensor3d(data, [n, length, 3]);
    const q = tf.oneHot(tf.tensor1d(labels, 'int32'), DETECTION_CLASSES);
    const cost = optimizer.minimize(
      () => {
        const p = model.apply(xt, { training: true }) as tf.Tensor;
        const c = tf.mean(tf.neg(tf.sum(tf.mul(q, tf.log(tf.clipByValue(p, 1e-7, 1))), -1))) as tf.Scalar;
        const penalty = l2(model);
        ce = c.dataSync()[0];
        pen = penalty.dataSync()[0];
        return lam > 0 ? (c.add(penalty.mul(lam)) as tf.Scalar) : c;
      },
      true,
      vars,
    );
    cost?.dispose();
  });
  return { crossEntropy: ce, penalty: pen, total: ce + lam * pen };
}

/** Class probabilities p_c (n × 7, row-major) of raw windows, in batches of `batchSize`. */
export function predictDetector(model: tf.LayersModel, x: ArrayLike<number>, batchSize = 128): Float32Array {
  const length = detectorLength(model);
  const { data, n } = prepareDetectorInput(x, length);
  const out = new Float32Array(n * DETECTION_CLASSES);
  const per = length * 3;
  for (let s = 0; s < n; s += batchSize) {
    const m = Math.min(batchSize, n - s);
    const p = tf.tidy(() => model.predict(tf.tensor3d(data.subarray(s * per, (s + m) * per), [m, length, 3])) as tf.Tensor);
    out.set(p.dataSync() as Float32Array, s * DETECTION_CLASSES);
    p.dispose();
  }
  return out;
}

/** From probabilities (n × 7): p_event = 1 − p₀ and the located cell argmax_{c ≥ 1} p_c. */
export function detectorOutputs(probs: Float32Array): { pEvent: Float32Array; cell: Int32Array } {
  const n = probs.length / DETECTION_CLASSES;
  const pEvent = new Float32Array(n);
  const cell = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const o = i * DETECTION_CLASSES;
    pEvent[i] = 1 - probs[o];
    let best = 1;
    for (let c = 2; c < DETECTION_CLASSES; c++) if (probs[o + c] > probs[o + best]) best = c;
    cell[i] = best;
  }
  return { pEvent, cell };
}

/** Loss parts and accuracy (argmax over all 7 classes) on labelled windows, with the probabilities. */
export function evaluateDetector(model: tf.LayersModel, x: ArrayLike<number>, y: ArrayLike<number>, lambda = 0): DetectorLoss & { accuracy: number; probs: Float32Array } {
  const lam = checkScalar(lambda, 'lambda', { min: 0 });
  const probs = predictDetector(model, x);
  const n = probs.length / DETECTION_CLASSES;
  const labels = checkLabels(y, n);
  let ce = 0;
  let right = 0;
  for (let i = 0; i < n; i++) {
    const o = i * DETECTION_CLASSES;
    ce -= Math.log(Math.max(1e-7, probs[o + labels[i]]));
    let best = 0;
    for (let c = 1; c < DETECTION_CLASSES; c++) if (probs[o + c] > probs[o + best]) best = c;
    if (best === labels[i]) right++;
  }
  const penalty = l2(model);
  const pen = penalty.dataSync()[0];
  penalty.dispose();
  return { crossEntropy: ce / n, penalty: pen, total: ce / n + lam * pen, accuracy: right / n, probs };
}
