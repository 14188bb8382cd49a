/**
 * A small functional network on TF.js variables: the engine under the CNN, the
 * autoencoders and the MLP's 'tfjs' engine. Layers are plain specs; the forward pass
 * returns every layer's output (for feature maps and neuron thumbnails); gradients come
 * from `tf.variableGrads` inside one `tf.tidy` per step, with no `model.fit` overhead.
 */
import * as tf from '@tensorflow/tfjs';
import { ValidationError } from '../core/errors';
import { RandomState } from '../core/random';
import { trackModel, untrackModel, type BackendBound } from './backend';
import { DEFAULT_OPTIMIZER_SETTINGS, TfOptimizer, type OptimizerName, type OptimizerSettings } from './optimizers';

/** An activation function φ. 'step' (φ(z) = 1 if z > 0 else 0) is forward only. */
export type Activation = 'sigmoid' | 'tanh' | 'relu' | 'linear' | 'step' | 'softmax';
/** A loss: mean squared error, or binary / categorical cross-entropy. */
export type LossName = 'mse' | 'binaryCrossentropy' | 'categoricalCrossentropy';
/** Weight penalty R(θ) added as λR: L1 = Σ|w|, L2 = Σw² (weights only, not biases). */
export type Regularization = 'none' | 'l1' | 'l2';

/** A size along height and width: one number for both, or [height, width]. */
export type Size2 = number | [number, number];

function pair(v: Size2): [number, number] {
  return typeof v === 'number' ? [v, v] : [v[0], v[1]];
}

/** A layer of a {@link TfNet}. */
export type LayerSpec =
  | { type: 'dense'; units: number; activation?: Activation }
  | { type: 'conv2d'; filters: number; kernelSize: Size2; strides?: Size2; padding?: 'same' | 'valid'; activation?: Activation }
  | { type: 'conv2dTranspose'; filters: number; kernelSize: Size2; strides?: Size2; activation?: Activation }
  | { type: 'maxPool2d'; poolSize?: Size2 }
  | { type: 'flatten' }
  | { type: 'reshape'; targetShape: number[] }
  | { type: 'dropout'; rate: number };

/** A layer's output of one forward pass. */
export interface LayerOutput {
  /** 'conv2d_1', 'dense_3', … (1-based position in the layer list). */
  name: string;
  type: LayerSpec['type'];
  /** Output shape without the batch axis. */
  shape: number[];
}

/** Weights as plain arrays, for JSON, permalinks and moving between backends. */
export interface WeightSpec {
  name: string;
  shape: number[];
}

/** Options of {@link TfNet}. */
export interface TfNetOptions {
  /** Input shape without the batch axis: [features] or [height, width, channels]. */
  inputShape: number[];
  layers: LayerSpec[];
  loss: LossName;
  optimizer?: OptimizerName;
  optimizerSettings?: Partial<OptimizerSettings>;
  regularization?: Regularization;
  /** λ of the penalty. Default 0. */
  regularizationRate?: number;
  /** Seed of the initial weights and dropout masks. */
  randomState?: number | RandomState;
}

interface Param {
  spec: WeightSpec;
  v: tf.Variable;
  /** Kernel weights are penalised by L1/L2; biases are not. */
  penalised: boolean;
}

function act(x: tf.Tensor, a: Activation | undefined): tf.Tensor {
  switch (a ?? 'linear') {
    case 'sigmoid': return tf.sigmoid(x);
    case 'tanh': return tf.tanh(x);
    case 'relu': return tf.relu(x);
    case 'step': return tf.step(x, 0);
    case 'softmax': return tf.softmax(x);
    default: return x;
  }
}

/** Output shape of `spec` for input `shape` (no batch axis), validating as it goes. */
function outShape(spec: LayerSpec, shape: number[], where: string): number[] {
  const pos = (v: number, what: string) => {
    if (!Number.isInteger(v) || v < 1) throw new ValidationError(where, 'out-of-range', `${what} must be a positive integer, got ${v}`);
    return v;
  };
  switch (spec.type) {
    case 'dense':
      if (shape.length !== 1) throw new ValidationError(where, 'shape-mismatch', `dense needs a flat input, got [${shape}]: add a flatten layer`);
      return [pos(spec.units, 'units')];
    case 'conv2d': {
      if (shape.length !== 3) throw new ValidationError(where, 'shape-mismatch', `conv2d needs [h, w, c], got [${shape}]`);
      const [kh, kw] = pair(spec.kernelSize).map((v) => pos(v, 'kernelSize'));
      const [sh, sw] = pair(spec.strides ?? 1).map((v) => pos(v, 'strides'));
      const same = (spec.padding ?? 'same') === 'same';
      const h = same ? Math.ceil(shape[0] / sh) : Math.ceil((shape[0] - kh + 1) / sh);
      const w = same ? Math.ceil(shape[1] / sw) : Math.ceil((shape[1] - kw + 1) / sw);
      return [pos(h, 'output height'), pos(w, 'output width'), pos(spec.filters, 'filters')];
    }
    case 'conv2dTranspose': {
      if (shape.length !== 3) throw new ValidationError(where, 'shape-mismatch', `conv2dTranspose needs [h, w, c], got [${shape}]`);
      pair(spec.kernelSize).forEach((v) => pos(v, 'kernelSize'));
      const [sh, sw] = pair(spec.strides ?? 1).map((v) => pos(v, 'strides'));
      return [shape[0] * sh, shape[1] * sw, pos(spec.filters, 'filters')];
    }
    case 'maxPool2d': {
      if (shape.length !== 3) throw new ValidationError(where, 'shape-mismatch', `maxPool2d needs [h, w, c], got [${shape}]`);
      const [ph, pw] = pair(spec.poolSize ?? 2).map((v) => pos(v, 'poolSize'));
      return [pos(Math.floor(shape[0] / ph), 'output height'), pos(Math.floor(shape[1] / pw), 'output width'), shape[2]];
    }
    case 'flatten':
      return [shape.reduce((a, b) => a * b, 1)];
    case 'reshape': {
      const n = spec.targetShape.reduce((a, b) => a * b, 1);
      if (n !== shape.reduce((a, b) => a * b, 1)) throw new ValidationError(where, 'shape-mismatch', `cannot reshape [${shape}] to [${spec.targetShape}]`);
      return [...spec.targetShape];
    }
    case 'dropout':
      if (!(spec.rate >= 0 && spec.rate < 1)) throw new ValidationError(where, 'out-of-range', `dropout rate must be in [0, 1), got ${spec.rate}`);
      return shape;
  }
}

/** Steps between host copies of the weights on WebGL (the fallback after a lost context). */
const SHADOW_EVERY = 100;

/** A trainable variable holding `data`; the temporary tensor is freed (tidy keeps variables). */
function newVariable(data: Float32Array, shape: number[]): tf.Variable {
  return tf.tidy(() => tf.variable(tf.tensor(data, shape), true));
}

/** Glorot-uniform weights, U(±√(6 / (fanIn + fanOut))), drawn from `rng`; Keras's default. */
function glorot(shape: number[], fanIn: number, fanOut: number, rng: RandomState): Float32Array {
  const n = shape.reduce((a, b) => a * b, 1);
  const lim = Math.sqrt(6 / (fanIn + fanOut));
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.uniform(-lim, lim);
  return out;
}

/** A network of {@link LayerSpec}s on TF.js; see the module comment. */
export class TfNet implements BackendBound {
  readonly inputShape: number[];
  readonly layers: LayerSpec[];
  /** Output shape of each layer, without the batch axis. */
  readonly shapes: number[][];
  loss: LossName;
  optimizerName: OptimizerName;
  settings: OptimizerSettings;
  regularization: Regularization;
  regularizationRate: number;
  readonly rng: RandomState;
  private params: Param[] = [];
  /** Index into `params` of each layer's kernel (−1 when it has none). */
  private paramOf: number[] = [];
  private optimizer: TfOptimizer;
  private disposed = false;
  /** Last weights read on the host, the fallback when a lost context cannot be read. */
  private shadow: Float32Array[] | null = null;
  private trained = 0;

  constructor(options: TfNetOptions) {
    this.inputShape = [...options.inputShape];
    this.layers = options.layers.map((l) => ({ ...l }));
    this.loss = options.loss;
    this.optimizerName = options.optimizer ?? 'adam';
    this.settings = { ...DEFAULT_OPTIMIZER_SETTINGS, ...options.optimizerSettings };
    this.regularization = options.regularization ?? 'none';
    this.regularizationRate = options.regularizationRate ?? 0;
    this.rng = options.randomState instanceof RandomState ? options.randomState : new RandomState(options.randomState ?? 0);
    this.optimizer = new TfOptimizer(this.optimizerName);
    if (this.inputShape.some((d) => !Number.isInteger(d) || d < 1)) throw new ValidationError('inputShape', 'out-of-range', `dimensions must be positive integers, got [${this.inputShape}]`);
    if (this.layers.length === 0) throw new ValidationError('layers', 'empty', 'needs at least one layer');
    let shape = this.inputShape;
    this.shapes = [];
    const init: { spec: WeightSpec; data: Float32Array; penalised: boolean }[] = [];
    this.layers.forEach((spec, i) => {
      const name = `${spec.type}_${i + 1}`;
      const next = outShape(spec, shape, `layers[${i}]`);
      this.paramOf.push(init.length);
      if (spec.type === 'dense') {
        const ws = [shape[0], spec.units];
        init.push({ spec: { name: `${name}/kernel`, shape: ws }, data: glorot(ws, shape[0], spec.units, this.rng), penalised: true });
        init.push({ spec: { name: `${name}/bias`, shape: [spec.units] }, data: new Float32Array(spec.units), penalised: false });
      } else if (spec.type === 'conv2d' || spec.type === 'conv2dTranspose') {
        const [kh, kw] = pair(spec.kernelSize);
        const cin = shape[2];
        // conv2d filters are [kh, kw, in, out]; transposed ones [kh, kw, out, in].
        const ws = spec.type === 'conv2d' ? [kh, kw, cin, spec.filters] : [kh, kw, spec.filters, cin];
        init.push({ spec: { name: `${name}/kernel`, shape: ws }, data: glorot(ws, kh * kw * cin, kh * kw * spec.filters, this.rng), penalised: true });
        init.push({ spec: { name: `${name}/bias`, shape: [spec.filters] }, data: new Float32Array(spec.filters), penalised: false });
      } else {
        this.paramOf[i] = -1;
      }
      this.shapes.push(next);
      shape = next;
    });
    this.params = init.map(({ spec, data, penalised }) => ({ spec, penalised, v: newVariable(data, spec.shape) }));
    trackModel(this);
  }

  /** Names and shapes of the weight arrays, in order. */
  get weightSpecs(): WeightSpec[] {
    return this.params.map((p) => ({ ...p.spec, shape: [...p.spec.shape] }));
  }

  /** Total number of trainable numbers. */
  get parameterCount(): number {
    return this.params.reduce((s, p) => s + p.spec.shape.reduce((a, b) => a * b, 1), 0);
  }

  /** The output shape of the network, without the batch axis. */
  get outputShape(): number[] {
    return this.shapes[this.shapes.length - 1];
  }

  private check(): void {
    if (this.disposed) throw new ValidationError('model', 'not-fitted', 'this network was disposed');
  }

  /**
   * The forward pass on a batch `x` ([n, ...inputShape]). Returns the output and, when
   * `keep` is set, every layer's output. In training, dropout draws its masks from the
   * seeded generator and scales kept units by 1/(1 − rate) (inverted dropout).
   */
  forward(x: tf.Tensor, training: boolean, keep = false, stopAt = this.layers.length, startAt = 0): { out: tf.Tensor; outputs: tf.Tensor[]; logits: tf.Tensor | null } {
    let h = x;
    const outputs: tf.Tensor[] = [];
    let logits: tf.Tensor | null = null;
    for (let i = startAt; i < stopAt; i++) {
      const spec = this.layers[i];
      const p = this.paramOf[i];
      const a = 'activation' in spec ? spec.activation : undefined;
      let z: tf.Tensor | null = null;
      switch (spec.type) {
        case 'dense':
          z = tf.add(tf.matMul(h as tf.Tensor2D, this.params[p].v as tf.Tensor2D), this.params[p + 1].v);
          break;
        case 'conv2d':
          z = tf.add(tf.conv2d(h as tf.Tensor4D, this.params[p].v as tf.Tensor4D, pair(spec.strides ?? 1), spec.padding ?? 'same'), this.params[p + 1].v);
          break;
        case 'conv2dTranspose': {
          const n = h.shape[0];
          const [oh, ow, oc] = this.shapes[i];
          z = tf.add(tf.conv2dTranspose(h as tf.Tensor4D, this.params[p].v as tf.Tensor4D, [n, oh, ow, oc], pair(spec.strides ?? 1), 'same'), this.params[p + 1].v);
          break;
        }
        case 'maxPool2d': {
          const ps = pair(spec.poolSize ?? 2);
          h = tf.maxPool(h as tf.Tensor4D, ps, ps, 'valid');
          break;
        }
        case 'flatten':
          h = tf.reshape(h, [h.shape[0], -1]);
          break;
        case 'reshape':
          h = tf.reshape(h, [h.shape[0], ...spec.targetShape]);
          break;
        case 'dropout':
          if (training && spec.rate > 0) h = tf.mul(h, this.dropoutMask(h.shape, spec.rate));
          break;
      }
      if (z) {
        if (i === this.layers.length - 1) logits = z;
        h = act(z, a);
      }
      if (keep) outputs.push(h);
    }
    return { out: h, outputs, logits };
  }

  /** A {0, 1/(1−rate)} mask drawn from the seeded generator. */
  dropoutMask(shape: number[], rate: number): tf.Tensor {
    const n = shape.reduce((a, b) => a * b, 1);
    const m = new Float32Array(n);
    const keep = 1 / (1 - rate);
    for (let i = 0; i < n; i++) m[i] = this.rng.random() < rate ? 0 : keep;
    return tf.tensor(m, shape);
  }

  /**
   * The mean loss of a batch plus the penalty λR(θ). Cross-entropies are computed from
   * the last layer's pre-activation z, stably: binary, max(z, 0) − z t + log(1 + e^−|z|);
   * categorical, −Σ t log softmax(z).
   */
  lossOf(x: tf.Tensor, target: tf.Tensor, training: boolean): tf.Scalar {
    const { out, logits } = this.forward(x, training);
    let data: tf.Scalar;
    if (this.loss === 'mse') {
      data = tf.mean(tf.squaredDifference(out, target));
    } else if (this.loss === 'binaryCrossentropy') {
      const z = logits ?? out;
      data = tf.mean(tf.add(tf.sub(tf.relu(z), tf.mul(z, target)), tf.log1p(tf.exp(tf.neg(tf.abs(z))))));
    } else {
      const z = logits ?? out;
      data = tf.mean(tf.neg(tf.sum(tf.mul(target, tf.logSoftmax(z)), -1)));
    }
    return tf.add(data, this.penalty()) as tf.Scalar;
  }

  /** λ Σ|w| or λ Σ w² over the kernels. */
  penalty(): tf.Scalar {
    if (this.regularization === 'none' || this.regularizationRate === 0) return tf.scalar(0);
    const terms = this.params.filter((p) => p.penalised).map((p) => (this.regularization === 'l1' ? tf.sum(tf.abs(p.v)) : tf.sum(tf.square(p.v))));
    return tf.mul(tf.addN(terms), this.regularizationRate) as tf.Scalar;
  }

  /** The trainable variables, in {@link weightSpecs} order. */
  variables(): tf.Variable[] {
    return this.params.map((p) => p.v);
  }

  /** One optimiser update with `grads[i]` for variable i (from a hand-written backprop). */
  applyGradients(grads: tf.Tensor[]): void {
    this.check();
    this.optimizer.apply(this.variables(), grads, this.settings);
    if (++this.trained % SHADOW_EVERY === 0 && tf.getBackend() === 'webgl') this.exportWeights();
  }

  /** One optimiser step on a batch; returns the batch loss (read back to the host). */
  trainBatch(x: tf.Tensor, target: tf.Tensor): number {
    this.check();
    const vars = this.params.map((p) => p.v);
    const loss = tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => this.lossOf(x, target, true), vars);
      this.optimizer.apply(vars, vars.map((v) => grads[v.name]), this.settings);
      return value;
    });
    const l = loss.dataSync()[0];
    loss.dispose();
    // On WebGL, keep a host copy now and then: a lost context cannot be read any more.
    if (++this.trained % SHADOW_EVERY === 0 && tf.getBackend() === 'webgl') this.exportWeights();
    return l;
  }

  /** The loss and gradients on a batch without updating (dropout off). */
  lossAndGradients(x: tf.Tensor, target: tf.Tensor): { loss: number; gradients: Float32Array[] } {
    this.check();
    const vars = this.params.map((p) => p.v);
    const { value, grads } = tf.tidy(() => tf.variableGrads(() => this.lossOf(x, target, false), vars));
    const out = { loss: value.dataSync()[0], gradients: vars.map((v) => grads[v.name].dataSync() as Float32Array) };
    value.dispose();
    tf.dispose(Object.values(grads));
    return out;
  }

  /** Predictions in batches of `batchSize` (TF.js's default of 32 is far too small). */
  predict(x: tf.Tensor, batchSize = 1024): Float32Array {
    this.check();
    const n = x.shape[0];
    const k = this.outputShape.reduce((a, b) => a * b, 1);
    const res = new Float32Array(n * k);
    for (let s = 0; s < n; s += batchSize) {
      const e = Math.min(n, s + batchSize);
      const y = tf.tidy(() => this.forward(x.slice(s, e - s), false).out);
      res.set(y.dataSync() as Float32Array, s * k);
      y.dispose();
    }
    return res;
  }

  /** Changes the optimiser (its state restarts). */
  setOptimizer(name: OptimizerName): void {
    if (name === this.optimizerName) return;
    this.optimizer.dispose();
    this.optimizerName = name;
    this.optimizer = new TfOptimizer(name);
  }

  /** All weights as plain arrays. */
  exportWeights(): Float32Array[] {
    try {
      this.shadow = this.params.map((p) => Float32Array.from(p.v.dataSync() as Float32Array));
    } catch (e) {
      if (!this.shadow) throw e;
    }
    return this.shadow.map((w) => w.slice());
  }

  /** Replaces all weights (fresh variables on the active backend); optimiser state restarts. */
  importWeights(weights: Float32Array[]): void {
    if (weights.length !== this.params.length) throw new ValidationError('weights', 'length-mismatch', `expected ${this.params.length} arrays, got ${weights.length}`);
    weights.forEach((w, i) => {
      const n = this.params[i].spec.shape.reduce((a, b) => a * b, 1);
      if (w.length !== n) throw new ValidationError(`weights[${i}]`, 'shape-mismatch', `${this.params[i].spec.name} needs ${n} values, got ${w.length}`);
    });
    for (let i = 0; i < weights.length; i++) {
      const p = this.params[i];
      try {
        p.v.dispose();
      } catch {
        // a lost context may refuse; the tensor is gone either way
      }
      p.v = newVariable(Float32Array.from(weights[i]), p.spec.shape);
    }
    this.shadow = weights.map((w) => Float32Array.from(w));
    this.optimizer.dispose();
    this.optimizer = new TfOptimizer(this.optimizerName);
  }

  /** Reads one weight array (by index into {@link weightSpecs}). */
  getParam(i: number): Float32Array {
    return Float32Array.from(this.params[i].v.dataSync() as Float32Array);
  }

  /** Index of layer `layer`'s kernel in {@link weightSpecs}, or −1. */
  kernelIndex(layer: number): number {
    return this.paramOf[layer] ?? -1;
  }

  /** Frees every tensor this network holds. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const p of this.params) p.v.dispose();
    this.optimizer.dispose();
    untrackModel(this);
  }
}

/** Packs weights into one little-endian float32 buffer (the binary half of a saved model). */
export function packWeights(weights: Float32Array[]): ArrayBuffer {
  const n = weights.reduce((s, w) => s + w.length, 0);
  const out = new Float32Array(n);
  let o = 0;
  for (const w of weights) {
    out.set(w, o);
    o += w.length;
  }
  return out.buffer;
}

/** Unpacks {@link packWeights}'s buffer by the specs' shapes. */
export function unpackWeights(buffer: ArrayBuffer | ArrayBufferView, specs: WeightSpec[]): Float32Array[] {
  const bytes = buffer instanceof ArrayBuffer ? new Uint8Array(buffer) : new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const all = new Float32Array(bytes.slice().buffer);
  const need = specs.reduce((s, w) => s + w.shape.reduce((a, b) => a * b, 1), 0);
  if (all.length !== need) throw new ValidationError('weightData', 'length-mismatch', `expected ${need} float32 values, got ${all.length}`);
  let o = 0;
  return specs.map((s) => {
    const n = s.shape.reduce((a, b) => a * b, 1);
    const w = all.slice(o, o + n);
    o += n;
    return w;
  });
}
