/**
 * A convolutional classifier (conv, max-pool, dense, dropout) on TF.js, with what the
 * course's MNIST demo shows: every layer's activations for one drawing and the learned
 * filters. Train it on wasm with our Conv2DBackpropFilter kernel (see `initBackend`).
 */
import * as tf from '@tensorflow/tfjs';
import { ValidationError } from '../core/errors';
import { checkRandomState, type RandomStateLike } from '../core/random';
import { checkScalar } from '../core/validation';
import { TfNet } from './net';
import { checkSavedModel, packWeights, unpackWeights, type LayerSpec, type SavedModelJSON } from './spec';

export type { SavedModelJSON } from './spec';
import { OPTIMIZERS, type OptimizerName, type OptimizerSettings } from './optimizers';
import { BatchSampler, type StepResult } from './stepper';

/** Options of {@link CNN}. */
export interface CNNOptions {
  /** Input shape [height, width, channels] (or [features] for a dense-only net). Default [28, 28, 1] (MNIST). */
  inputShape?: number[];
  /**
   * The layers; the last must be a dense softmax layer with one unit per class. Default
   * {@link CNN.mnistLayers}: conv 16@5×5, pool, conv 32@5×5, pool, dense 128, dropout 0.3,
   * dense 10, with 'valid' padding (80,202 parameters: 416 + 12,832 + 65,664 + 1,290).
   */
  layers?: LayerSpec[];
  /** Optimiser. Default 'adam'. */
  optimizer?: OptimizerName;
  /** Learning rate η. Default 0.001. */
  learningRate?: number;
  /** Mini-batch size of {@link CNN.step}. Default 64. */
  batchSize?: number;
  /** Seed of the initial weights, dropout masks and batch order. */
  randomState?: RandomStateLike;
  /**
   * One flag per layer: false freezes that layer's weights (transfer learning: keep the
   * pretrained early layers, fine-tune the later ones). Default all true. See {@link CNN.setTrainable}.
   */
  trainable?: boolean[];
}

/** One layer's output for one input, for feature-map displays. */
export interface LayerActivation {
  name: string;
  type: LayerSpec['type'] | 'input';
  /** [h, w, c] for maps, [units] for dense layers. */
  shape: number[];
  /** Row-major values, channel last. */
  data: Float32Array;
}

/** The convolutional classifier; see the module comment. */
export class CNN {
  /** The MNIST network of the course: about 80k parameters, 321 kB as float32. */
  static mnistLayers(): LayerSpec[] {
    return [
      { type: 'conv2d', filters: 16, kernelSize: 5, padding: 'valid', activation: 'relu' },
      { type: 'maxPool2d', poolSize: 2 },
      { type: 'conv2d', filters: 32, kernelSize: 5, padding: 'valid', activation: 'relu' },
      { type: 'maxPool2d', poolSize: 2 },
      { type: 'flatten' },
      { type: 'dense', units: 128, activation: 'relu' },
      { type: 'dropout', rate: 0.3 },
      { type: 'dense', units: 10, activation: 'softmax' },
    ];
  }

  readonly net: TfNet;
  /** Number of classes (units of the last layer). */
  readonly nClasses: number;
  batchSize: number;
  private data: { images: Float32Array; labels: Uint8Array | Int32Array; n: number; test: { images: Float32Array; labels: ArrayLike<number>; n: number } | null } | null = null;
  private sampler: BatchSampler;
  private steps = 0;
  private divergedAt: number | null = null;

  constructor(options: CNNOptions = {}) {
    const inputShape = options.inputShape ?? [28, 28, 1];
    const layers = options.layers ?? CNN.mnistLayers();
    const last = layers[layers.length - 1];
    if (!last || last.type !== 'dense' || last.activation !== 'softmax') throw new ValidationError('layers', 'bad-option', 'the last layer must be a dense softmax layer');
    const rng = checkRandomState(options.randomState);
    this.batchSize = checkScalar(options.batchSize ?? 64, 'batchSize', { min: 1, integer: true });
    const lr = checkScalar(options.learningRate ?? 0.001, 'learningRate', { min: 0, exclusiveMin: true });
    this.net = new TfNet({
      inputShape,
      layers,
      loss: 'categoricalCrossentropy',
      optimizer: options.optimizer ?? 'adam',
      optimizerSettings: { learningRate: lr },
      randomState: rng,
      trainable: options.trainable,
    });
    this.nClasses = last.units;
    this.sampler = new BatchSampler(0, rng);
  }

  /** The input's number of values per image. */
  get inputSize(): number {
    return this.net.inputShape.reduce((a, b) => a * b, 1);
  }

  /** Per layer, whether its weights are trained (false: frozen). */
  get trainable(): boolean[] {
    return this.net.trainable;
  }

  /**
   * Freezes (false) or unfreezes (true) layer `layer`, by index or name (`conv2d_1`,
   * `dense_6`). Training then leaves a frozen layer's weights bit-identical while the others
   * change (fine-tuning with frozen early layers). The optimiser's state restarts. Saved by
   * {@link save}.
   */
  setTrainable(layer: number | string, trainable: boolean): void {
    this.net.setTrainable(layer, trainable);
  }

  /** Changes learning rate, batch size or optimiser between steps, without a reset. */
  setOptions(o: { learningRate?: number; batchSize?: number; optimizer?: OptimizerName; optimizerSettings?: Partial<OptimizerSettings> }): void {
    if (o.learningRate !== undefined) this.net.settings.learningRate = checkScalar(o.learningRate, 'learningRate', { min: 0, exclusiveMin: true });
    if (o.batchSize !== undefined) this.batchSize = checkScalar(o.batchSize, 'batchSize', { min: 1, integer: true });
    if (o.optimizerSettings) Object.assign(this.net.settings, o.optimizerSettings);
    if (o.optimizer !== undefined) {
      if (!OPTIMIZERS.includes(o.optimizer)) throw new ValidationError('optimizer', 'bad-option', `unknown optimizer ${o.optimizer}`);
      this.net.setOptimizer(o.optimizer);
    }
  }

  private checkImages(images: ArrayLike<number>, name: string): number {
    const d = this.inputSize;
    if (images.length === 0 || images.length % d !== 0) throw new ValidationError(name, 'shape-mismatch', `expected a multiple of ${d} values (${this.net.inputShape.join('×')} per image), got ${images.length}`);
    return images.length / d;
  }

  private checkLabels(labels: ArrayLike<number>, n: number, name: string): void {
    if (labels.length !== n) throw new ValidationError(name, 'length-mismatch', `expected ${n} labels, got ${labels.length}`);
    for (let i = 0; i < n; i++) {
      const l = labels[i];
      if (!Number.isInteger(l) || l < 0 || l >= this.nClasses) throw new ValidationError(name, 'out-of-range', `label ${i} is ${l}, expected an integer in 0…${this.nClasses - 1}`);
    }
  }

  /** One-hot targets of `labels`. */
  private oneHot(labels: ArrayLike<number>, idx?: ArrayLike<number>): tf.Tensor2D {
    const n = idx ? idx.length : labels.length;
    const t = new Float32Array(n * this.nClasses);
    for (let i = 0; i < n; i++) t[i * this.nClasses + labels[idx ? idx[i] : i]] = 1;
    return tf.tensor2d(t, [n, this.nClasses]);
  }

  private images(images: Float32Array, n: number): tf.Tensor {
    return tf.tensor(images, [n, ...this.net.inputShape]);
  }

  /** One optimiser step on the given images (n × inputSize values) and labels; returns the loss. */
  trainBatch(images: Float32Array, labels: ArrayLike<number>): number {
    const n = this.checkImages(images, 'images');
    this.checkLabels(labels, n, 'labels');
    const x = this.images(images, n);
    const y = this.oneHot(labels);
    try {
      return this.net.trainBatch(x, y);
    } finally {
      x.dispose();
      y.dispose();
    }
  }

  /** Sets the training (and optional test) data of {@link step}. */
  setData(images: Float32Array, labels: ArrayLike<number>, test?: { images: Float32Array; labels: ArrayLike<number> }): void {
    const n = this.checkImages(images, 'images');
    this.checkLabels(labels, n, 'labels');
    let t = null;
    if (test) {
      const nt = this.checkImages(test.images, 'test.images');
      this.checkLabels(test.labels, nt, 'test.labels');
      t = { images: test.images, labels: test.labels, n: nt };
    }
    this.data = { images, labels: Int32Array.from(labels), n, test: t };
    this.sampler.reset(n);
  }

  /**
   * One mini-batch step. Test loss and accuracy are computed at the end of each epoch
   * (null in between), since a CNN pass over a test set is not free. NaN loss is reported
   * as `diverged`, never thrown.
   */
  step(): StepResult {
    if (!this.data) throw new ValidationError('data', 'not-fitted', 'call setData() before step()');
    if (this.divergedAt !== null) return this.result(NaN, null, null);
    const d = this.inputSize;
    const idx = this.sampler.next(this.batchSize);
    const xb = new Float32Array(idx.length * d);
    idx.forEach((k, i) => xb.set(this.data!.images.subarray(k * d, (k + 1) * d), i * d));
    const lb = idx.map((k) => this.data!.labels[k]);
    const loss = this.trainBatch(xb, lb);
    this.steps++;
    if (!Number.isFinite(loss)) {
      // Back to the weights from before the last update, the last ones with a finite loss.
      this.divergedAt = this.steps;
      this.net.restoreSnapshot();
      return this.result(loss, null, null);
    }
    const endOfEpoch = this.sampler.atEpochEnd;
    if (endOfEpoch && this.data.test) {
      const ev = this.evaluate(this.data.test.images, this.data.test.labels);
      return this.result(loss, ev.loss, ev.accuracy);
    }
    return this.result(loss, null, null);
  }

  private result(trainLoss: number, testLoss: number | null, accuracy: number | null): StepResult {
    return Object.freeze({ step: this.steps, epoch: this.sampler.epoch, trainLoss, testLoss, accuracy, diverged: this.divergedAt !== null, divergedAt: this.divergedAt });
  }

  /** Class probabilities, n × nClasses, predicted in batches of `batchSize`. */
  predictProba(images: Float32Array, batchSize = 500): Float32Array {
    const n = this.checkImages(images, 'images');
    const x = this.images(images, n);
    try {
      return this.net.predict(x, batchSize);
    } finally {
      x.dispose();
    }
  }

  /** The most probable class of each image. */
  predict(images: Float32Array): Int32Array {
    const p = this.predictProba(images);
    const n = p.length / this.nClasses;
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let c = 1; c < this.nClasses; c++) if (p[i * this.nClasses + c] > p[i * this.nClasses + best]) best = c;
      out[i] = best;
    }
    return out;
  }

  /** Mean cross-entropy and accuracy on labelled images. */
  evaluate(images: Float32Array, labels: ArrayLike<number>): { loss: number; accuracy: number } {
    const p = this.predictProba(images);
    const n = p.length / this.nClasses;
    this.checkLabels(labels, n, 'labels');
    let loss = 0, ok = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let c = 1; c < this.nClasses; c++) if (p[i * this.nClasses + c] > p[i * this.nClasses + best]) best = c;
      if (best === labels[i]) ok++;
      loss -= Math.log(Math.max(p[i * this.nClasses + labels[i]], 1e-12));
    }
    return { loss: loss / n, accuracy: ok / n };
  }

  /** The input and every layer's output for one image (one batched pass). */
  activations(image: Float32Array): LayerActivation[] {
    const n = this.checkImages(image, 'image');
    if (n !== 1) throw new ValidationError('image', 'shape-mismatch', `expected one image, got ${n}`);
    const x = this.images(image, 1);
    const outs = tf.tidy(() => this.net.forward(x, false, true).outputs);
    x.dispose();
    const res: LayerActivation[] = [{ name: 'input', type: 'input', shape: [...this.net.inputShape], data: Float32Array.from(image) }];
    outs.forEach((t, i) => {
      res.push({ name: `${this.net.layers[i].type}_${i + 1}`, type: this.net.layers[i].type, shape: this.net.shapes[i], data: t.dataSync() as Float32Array });
    });
    tf.dispose(outs);
    return res;
  }

  /**
   * The learned filters of conv layer `layer` (index in the layer list), shape
   * [kh, kw, inChannels, filters], row-major.
   */
  filters(layer: number): { shape: number[]; data: Float32Array } {
    const spec = this.net.layers[layer];
    if (!spec || spec.type !== 'conv2d') throw new ValidationError('layer', 'out-of-range', `layer ${layer} is not a conv2d layer`);
    const k = this.net.kernelIndex(layer);
    return { shape: this.net.weightSpecs[k].shape, data: this.net.getParam(k) };
  }

  /** Topology as JSON plus the weights as one binary float32 buffer. */
  save(meta?: Record<string, unknown>): { modelJSON: SavedModelJSON; weightData: ArrayBuffer } {
    const modelJSON: SavedModelJSON = { format: 'geolearn-nn', version: 1, kind: this.net.layers.some((l) => l.type === 'conv2d') ? 'CNN' : 'MLP', inputShape: [...this.net.inputShape], layers: this.net.layers, weightSpecs: this.net.weightSpecs, meta };
    // Written only when a layer is frozen, so that fully trainable models save as before.
    const trainable = this.net.trainable;
    if (trainable.includes(false)) modelJSON.trainable = trainable;
    return { modelJSON, weightData: packWeights(this.net.exportWeights()) };
  }

  /**
   * Reads {@link save}'s output back. The JSON is validated field by field and the weights
   * (finite, as many as the layers need) before any tensor is made; a failed load frees
   * everything it allocated.
   */
  static load(modelJSON: SavedModelJSON, weightData: ArrayBuffer | ArrayBufferView): CNN {
    const mj = checkSavedModel(modelJSON, ['CNN', 'MLP']);
    const weights = unpackWeights(weightData, mj.weightSpecs);
    const m = new CNN({ inputShape: mj.inputShape, layers: mj.layers, trainable: mj.trainable });
    try {
      m.net.importWeights(weights);
      return m;
    } catch (e) {
      m.dispose();
      throw e;
    }
  }

  /** Frees every tensor. */
  dispose(): void {
    this.net.dispose();
  }
}
