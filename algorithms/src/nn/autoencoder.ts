/**
 * Autoencoders, fully connected and convolutional: an encoder squeezes x into a short
 * latent code z, a decoder rebuilds x̂ from z, and training minimises ‖x − x̂‖² (MSE).
 * Unsupervised: the input is the target. In denoising mode the encoder sees
 * x + σ·N(0, 1) (seeded) while the target stays the clean x.
 *
 * The course trains one on seismic traces: pass traces as inputShape [length] (dense) or
 * [length, channels] (convolutional, run as 1 × length images with 1 × k kernels).
 */
import * as tf from '@tensorflow/tfjs';
import { ValidationError } from '../core/errors';
import { checkRandomState, type RandomState, type RandomStateLike } from '../core/random';
import { checkOneOf, checkScalar } from '../core/validation';
import { TfNet } from './net';
import { checkSavedModel, packWeights, unpackWeights, type Activation, type LayerSpec, type SavedModelJSON } from './spec';
import type { OptimizerName } from './optimizers';
import { BatchSampler, type StepResult } from './stepper';

/** Options of {@link Autoencoder}. */
export interface AutoencoderOptions {
  /** 'dense' (fully connected) or 'conv'. Default 'dense'. */
  kind?: 'dense' | 'conv';
  /**
   * Shape of one sample: [features] for 'dense'; [height, width, channels] or, for 1-D
   * signals such as traces, [length, channels] for 'conv'.
   */
  inputShape: number[];
  /** Size of the latent code z. Default 2 (a plane the UI can draw). */
  latentDim?: number;
  /** Dense: hidden layer sizes of the encoder (the decoder mirrors them). Default [64]. */
  hiddenUnits?: number[];
  /** Conv: filters per encoder block (conv, then 2× max-pool); the decoder mirrors them. Default [8, 16]. */
  filters?: number[];
  /** Conv: kernel size. Default 3. */
  kernelSize?: number;
  /** Hidden activation. Default 'relu'. */
  activation?: Exclude<Activation, 'softmax' | 'step'>;
  /** Output activation: 'linear' for signals, 'sigmoid' for images in [0, 1]. Default 'linear'. */
  outputActivation?: 'linear' | 'sigmoid' | 'tanh';
  /** Denoising: σ of the Gaussian noise added to the inputs while training. Default 0 (off). */
  noiseStd?: number;
  /** Optimiser. Default 'adam'. */
  optimizer?: OptimizerName;
  /** Learning rate. Default 0.001. */
  learningRate?: number;
  /** Mini-batch size. Default 32. */
  batchSize?: number;
  /** Seed of weights, batch order and noise. */
  randomState?: RandomStateLike;
  /**
   * One flag per layer of `net.layers` (encoder then decoder): false freezes the layer's
   * weights (e.g. train a new decoder on a pretrained encoder). Default all true.
   */
  trainable?: boolean[];
}

type Resolved = Required<Omit<AutoencoderOptions, 'randomState' | 'trainable'>>;

/** Encoder and decoder layers for the options; returns the layers and the latent layer's index. */
function buildLayers(o: Resolved): { inputShape: number[]; layers: LayerSpec[]; latent: number } {
  const layers: LayerSpec[] = [];
  if (o.kind === 'dense') {
    if (o.inputShape.length !== 1) throw new ValidationError('inputShape', 'shape-mismatch', `a dense autoencoder takes [features], got [${o.inputShape}]`);
    for (const u of o.hiddenUnits) layers.push({ type: 'dense', units: u, activation: o.activation });
    layers.push({ type: 'dense', units: o.latentDim, activation: 'linear' });
    const latent = layers.length - 1;
    for (const u of [...o.hiddenUnits].reverse()) layers.push({ type: 'dense', units: u, activation: o.activation });
    layers.push({ type: 'dense', units: o.inputShape[0], activation: o.outputActivation });
    return { inputShape: o.inputShape, layers, latent };
  }
  const oneD = o.inputShape.length === 2;
  if (!oneD && o.inputShape.length !== 3) throw new ValidationError('inputShape', 'shape-mismatch', `a conv autoencoder takes [h, w, c] or [length, channels], got [${o.inputShape}]`);
  const shape = oneD ? [1, o.inputShape[0], o.inputShape[1]] : o.inputShape;
  const down = 2 ** o.filters.length;
  const [h, w, c] = shape;
  if ((!oneD && h % down !== 0) || w % down !== 0) throw new ValidationError('inputShape', 'shape-mismatch', `spatial size must be divisible by 2^${o.filters.length} = ${down}, got [${o.inputShape}]`);
  const k: [number, number] = oneD ? [1, o.kernelSize] : [o.kernelSize, o.kernelSize];
  const pool: [number, number] = oneD ? [1, 2] : [2, 2];
  for (const f of o.filters) {
    layers.push({ type: 'conv2d', filters: f, kernelSize: k, padding: 'same', activation: o.activation });
    layers.push({ type: 'maxPool2d', poolSize: pool });
  }
  const sh = oneD ? 1 : h / down, sw = w / down, sc = o.filters[o.filters.length - 1];
  layers.push({ type: 'flatten' });
  layers.push({ type: 'dense', units: o.latentDim, activation: 'linear' });
  const latent = layers.length - 1;
  layers.push({ type: 'dense', units: sh * sw * sc, activation: o.activation });
  layers.push({ type: 'reshape', targetShape: [sh, sw, sc] });
  for (const f of [...o.filters].reverse()) layers.push({ type: 'conv2dTranspose', filters: f, kernelSize: k, strides: pool, activation: o.activation });
  layers.push({ type: 'conv2d', filters: c, kernelSize: k, padding: 'same', activation: o.outputActivation });
  return { inputShape: shape, layers, latent };
}

/** An autoencoder (dense or convolutional, optionally denoising); see the module comment. */
export class Autoencoder {
  readonly options: Resolved;
  readonly net: TfNet;
  /** Index of the latent layer in `net.layers`. */
  readonly latentLayer: number;
  private readonly rng: RandomState;
  private sampler: BatchSampler;
  private data: { x: Float32Array; n: number; test: { x: Float32Array; n: number } | null } | null = null;
  private steps = 0;
  private divergedAt: number | null = null;

  constructor(options: AutoencoderOptions) {
    const o: Resolved = {
      kind: 'dense',
      latentDim: 2,
      hiddenUnits: [64],
      filters: [8, 16],
      kernelSize: 3,
      activation: 'relu',
      outputActivation: 'linear',
      noiseStd: 0,
      optimizer: 'adam',
      learningRate: 0.001,
      batchSize: 32,
      ...definedOnly(options),
    } as Resolved;
    delete (o as Partial<AutoencoderOptions>).trainable;
    if (!Array.isArray(o.inputShape) || o.inputShape.length === 0 || o.inputShape.some((d) => typeof d !== 'number' || !Number.isInteger(d) || d < 1)) {
      throw new ValidationError('inputShape', 'out-of-range', `must be an array of positive integers, got ${JSON.stringify(o.inputShape)}`);
    }
    checkOneOf(o.kind, 'kind', ['dense', 'conv'] as const);
    for (const [name, list] of [['hiddenUnits', o.hiddenUnits], ['filters', o.filters]] as const) {
      if (!Array.isArray(list)) throw new ValidationError(name, 'bad-option', `must be an array of positive integers, got ${JSON.stringify(list)}`);
      list.forEach((u, i) => checkScalar(u, `${name}[${i}]`, { min: 1, integer: true }));
    }
    checkScalar(o.kernelSize, 'kernelSize', { min: 1, integer: true });
    checkOneOf(o.activation, 'activation', ['sigmoid', 'tanh', 'relu', 'linear'] as const);
    checkOneOf(o.outputActivation, 'outputActivation', ['linear', 'sigmoid', 'tanh'] as const);
    checkScalar(o.latentDim, 'latentDim', { min: 1, integer: true });
    checkScalar(o.learningRate, 'learningRate', { min: 0, exclusiveMin: true });
    checkScalar(o.noiseStd, 'noiseStd', { min: 0 });
    checkScalar(o.batchSize, 'batchSize', { min: 1, integer: true });
    this.options = o;
    this.rng = checkRandomState(options?.randomState);
    const { inputShape, layers, latent } = buildLayers(o);
    this.latentLayer = latent;
    this.net = new TfNet({ inputShape, layers, loss: 'mse', optimizer: o.optimizer, optimizerSettings: { learningRate: o.learningRate }, randomState: this.rng, trainable: options?.trainable });
    this.sampler = new BatchSampler(0, this.rng);
  }

  /** Per layer of `net.layers`, whether its weights are trained (false: frozen). */
  get trainable(): boolean[] {
    return this.net.trainable;
  }

  /**
   * Freezes (false) or unfreezes (true) a layer of `net.layers`, by index or name
   * (`dense_1`); a frozen layer's weights stay bit-identical through training. Saved by {@link save}.
   */
  setTrainable(layer: number | string, trainable: boolean): void {
    this.net.setTrainable(layer, trainable);
  }

  /** Changes the learning rate between steps (a schedule), keeping the optimiser's state. */
  setLearningRate(learningRate: number): void {
    this.net.settings.learningRate = checkScalar(learningRate, 'learningRate', { min: 0, exclusiveMin: true });
    this.options.learningRate = learningRate;
  }

  /** Values per sample. */
  get inputSize(): number {
    return this.net.inputShape.reduce((a, b) => a * b, 1);
  }

  private count(x: ArrayLike<number>, name: string, per = this.inputSize): number {
    if (x.length === 0 || x.length % per !== 0) throw new ValidationError(name, 'shape-mismatch', `expected a multiple of ${per} values per sample, got ${x.length}`);
    for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i])) throw new ValidationError(name, 'not-finite', `value ${i} is ${x[i]}`);
    return x.length / per;
  }

  private tensor(x: Float32Array, n: number): tf.Tensor {
    return tf.tensor(x, [n, ...this.net.inputShape]);
  }

  /**
   * One optimiser step on samples `x` (n × inputSize); noise is added in denoising mode. Returns
   * the loss. With `target` (same shape) the step fits x → target instead of x → x: a denoising
   * autoencoder trained on recorded noisy inputs and their clean targets.
   */
  trainBatch(x: Float32Array, target?: Float32Array): number {
    const n = this.count(x, 'x');
    if (target !== undefined && (!(target instanceof Float32Array) || target.length !== x.length)) {
      throw new ValidationError('target', 'shape-mismatch', `must be a Float32Array of ${x.length} values (as x), got ${target instanceof Float32Array ? target.length : typeof target}`);
    }
    if (target !== undefined) this.count(target, 'target');
    let input = x;
    if (this.options.noiseStd > 0) {
      input = new Float32Array(x.length);
      for (let i = 0; i < x.length; i++) input[i] = x[i] + this.options.noiseStd * this.rng.normal();
    }
    const xi = this.tensor(input, n);
    const xt = this.tensor(target ?? x, n);
    try {
      return this.net.trainBatch(xi, xt);
    } finally {
      xi.dispose();
      xt.dispose();
    }
  }

  /** Sets training (and optional test) samples for {@link step}. */
  setData(x: Float32Array, test?: Float32Array): void {
    const n = this.count(x, 'x');
    this.data = { x, n, test: test ? { x: test, n: this.count(test, 'test') } : null };
    this.sampler.reset(n);
  }

  /** One mini-batch step; test loss (reconstruction MSE of clean inputs) at each epoch's end. */
  step(): StepResult {
    if (!this.data) throw new ValidationError('data', 'not-fitted', 'call setData() before step()');
    const freeze = (trainLoss: number, testLoss: number | null) => Object.freeze({ step: this.steps, epoch: this.sampler.epoch, trainLoss, testLoss, accuracy: null, diverged: this.divergedAt !== null, divergedAt: this.divergedAt });
    if (this.divergedAt !== null) return freeze(NaN, null);
    const d = this.inputSize;
    const idx = this.sampler.next(this.options.batchSize);
    const xb = new Float32Array(idx.length * d);
    idx.forEach((k, i) => xb.set(this.data!.x.subarray(k * d, (k + 1) * d), i * d));
    const loss = this.trainBatch(xb);
    this.steps++;
    if (!Number.isFinite(loss)) {
      this.divergedAt = this.steps;
      this.net.restoreSnapshot();
      return freeze(loss, null);
    }
    const testLoss = this.sampler.atEpochEnd && this.data.test ? this.reconstructionError(this.data.test.x) : null;
    return freeze(loss, testLoss);
  }

  /** Mean squared reconstruction error of clean samples. */
  reconstructionError(x: Float32Array): number {
    const r = this.reconstruct(x);
    let s = 0;
    for (let i = 0; i < x.length; i++) s += (r[i] - x[i]) ** 2;
    return s / x.length;
  }

  /** The latent codes z of samples `x`: n × latentDim. */
  encode(x: Float32Array): Float32Array {
    const n = this.count(x, 'x');
    const xt = this.tensor(x, n);
    const z = tf.tidy(() => this.net.forward(xt, false, false, this.latentLayer + 1).out);
    xt.dispose();
    const out = z.dataSync() as Float32Array;
    z.dispose();
    return out;
  }

  /** Samples rebuilt from latent codes `z` (n × latentDim), n × inputSize. */
  decode(z: Float32Array): Float32Array {
    const n = this.count(z, 'z', this.options.latentDim);
    const zt = tf.tensor2d(z, [n, this.options.latentDim]);
    const y = tf.tidy(() => this.net.forward(zt, false, false, this.net.layers.length, this.latentLayer + 1).out);
    zt.dispose();
    const out = y.dataSync() as Float32Array;
    y.dispose();
    return out;
  }

  /** decode(encode(x)). */
  reconstruct(x: Float32Array): Float32Array {
    const n = this.count(x, 'x');
    const xt = this.tensor(x, n);
    try {
      return this.net.predict(xt, 512);
    } finally {
      xt.dispose();
    }
  }

  /** Topology and options as JSON plus the weights as one binary float32 buffer. */
  save(meta?: Record<string, unknown>): { modelJSON: SavedModelJSON; weightData: ArrayBuffer } {
    const modelJSON: SavedModelJSON = { format: 'geolearn-nn', version: 1, kind: 'Autoencoder', inputShape: [...this.options.inputShape], layers: this.net.layers, weightSpecs: this.net.weightSpecs, meta, options: { ...this.options } };
    const trainable = this.net.trainable;
    if (trainable.includes(false)) modelJSON.trainable = trainable;
    return { modelJSON, weightData: packWeights(this.net.exportWeights()) };
  }

  /** Reads {@link save}'s output. */
  static load(modelJSON: SavedModelJSON, weightData: ArrayBuffer | ArrayBufferView): Autoencoder {
    // A 1-D conv autoencoder saves [length, channels] and runs as 1 × length images.
    const raw = modelJSON as unknown as { inputShape?: unknown; options?: { kind?: unknown } } | null;
    if (raw !== null && typeof raw === 'object' && (typeof raw.options !== 'object' || raw.options === null)) throw new ValidationError('modelJSON.options', 'bad-option', 'an Autoencoder needs its options');
    const shape = raw && Array.isArray(raw.inputShape) && raw.inputShape.length === 2 && raw.options?.kind === 'conv' ? [1, ...raw.inputShape] : undefined;
    const mj = checkSavedModel(modelJSON, ['Autoencoder'], shape);
    if (!mj.options) throw new ValidationError('modelJSON.options', 'bad-option', 'an Autoencoder needs its options');
    const weights = unpackWeights(weightData, mj.weightSpecs);
    const a = new Autoencoder({ ...(mj.options as unknown as AutoencoderOptions), trainable: mj.trainable });
    try {
      a.net.importWeights(weights);
      return a;
    } catch (e) {
      a.dispose();
      throw e;
    }
  }

  /** Frees every tensor. */
  dispose(): void {
    this.net.dispose();
  }
}

/** The options without their undefined entries, so that an explicit `undefined` keeps the default. */
function definedOnly<T extends object>(o: T | null | undefined): Partial<T> {
  const out: Partial<T> = {};
  if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
