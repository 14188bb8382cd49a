/**
 * A small functional network on TF.js variables: the engine under the CNN, the
 * autoencoders and the MLP's 'tfjs' engine. Layers are plain specs; the forward pass
 * returns every layer's output (for feature maps and neuron thumbnails); gradients come
 * from `tf.variableGrads` inside one `tf.tidy` per step, with no `model.fit` overhead.
 */
import * as tf from '@tensorflow/tfjs';
import { ValidationError } from '../core/errors';
import { describeValue } from '../core/validation';
import { RandomState } from '../core/random';
import { trackModel, untrackModel, type BackendBound } from './backend';
import { DEFAULT_OPTIMIZER_SETTINGS, TfOptimizer, type OptimizerName, type OptimizerSettings } from './optimizers';
import { checkTrainableFlags, pair, planNetwork, type Activation, type LayerSpec, type LossName, type Regularization, type WeightSpec } from './spec';

export type { Activation, LossName, Regularization, Size2, LayerSpec, LayerOutput, WeightSpec } from './spec';
export { packWeights, unpackWeights } from './spec';

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
  /**
   * One flag per layer: false freezes the layer's weights (fine-tuning with frozen early
   * layers). Layers without weights ignore their flag. Default all true.
   */
  trainable?: boolean[];
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
  /** Layer index of each entry of `params`. */
  private layerOfParam: number[] = [];
  /** Per layer: false when its weights are frozen. */
  private trainableFlags: boolean[];
  private optimizer: TfOptimizer;
  private disposed = false;
  /** Last weights read on the host, the fallback when a lost context cannot be read. */
  private shadow: Float32Array[] | null = null;
  private trained = 0;

  constructor(options: TfNetOptions) {
    // Validate every layer and the total size before allocating anything.
    const plan = planNetwork(options?.inputShape, options?.layers);
    this.trainableFlags = checkTrainableFlags(options.trainable, options.layers.length);
    this.inputShape = [...options.inputShape];
    this.layers = options.layers.map((l) => ({ ...l }));
    this.loss = options.loss;
    this.optimizerName = options.optimizer ?? 'adam';
    this.settings = { ...DEFAULT_OPTIMIZER_SETTINGS, ...options.optimizerSettings };
    this.regularization = options.regularization ?? 'none';
    this.regularizationRate = options.regularizationRate ?? 0;
    this.rng = options.randomState instanceof RandomState ? options.randomState : new RandomState(options.randomState ?? 0);
    this.optimizer = new TfOptimizer(this.optimizerName);
    let shape = this.inputShape;
    this.shapes = plan.shapes;
    const init: { spec: WeightSpec; data: Float32Array; penalised: boolean }[] = [];
    this.layers.forEach((spec, i) => {
      const next = plan.shapes[i];
      this.paramOf.push(init.length);
      if (spec.type === 'dense' || spec.type === 'conv2d' || spec.type === 'conv2dTranspose') {
        const k = plan.weightSpecs[init.length];
        const b = plan.weightSpecs[init.length + 1];
        let fanIn: number, fanOut: number;
        if (spec.type === 'dense') {
          fanIn = shape[0];
          fanOut = spec.units;
        } else {
          // conv2d filters are [kh, kw, in, out]; transposed ones [kh, kw, out, in].
          const [kh, kw] = pair(spec.kernelSize);
          fanIn = kh * kw * shape[2];
          fanOut = kh * kw * spec.filters;
        }
        init.push({ spec: k, data: glorot(k.shape, fanIn, fanOut, this.rng), penalised: true });
        init.push({ spec: b, data: new Float32Array(b.shape[0]), penalised: false });
        this.layerOfParam.push(i, i);
      } else {
        this.paramOf[i] = -1;
      }
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

  /** Per layer, whether its weights are trained (a copy; layers without weights say true unless set). */
  get trainable(): boolean[] {
    return [...this.trainableFlags];
  }

  /** Number of numbers the optimiser updates (the weights and biases of the trainable layers). */
  get trainableParameterCount(): number {
    return this.params.reduce((s, p, i) => s + (this.trainableFlags[this.layerOfParam[i]] ? p.spec.shape.reduce((a, b) => a * b, 1) : 0), 0);
  }

  /**
   * Freezes (false) or unfreezes (true) a layer, given by index or by name (`conv2d_1`,
   * `dense_3`: type and 1-based position, as {@link LayerOutput} names them). A frozen layer
   * still runs forwards and passes gradients to the layers before it, but the optimiser
   * never updates its weights, which stay bit-identical. Changing a flag restarts the
   * optimiser's state (its moments are kept per trained variable).
   */
  setTrainable(layer: number | string, trainable: boolean): void {
    this.check();
    const i = this.layerIndex(layer);
    if (typeof trainable !== 'boolean') throw new ValidationError('trainable', 'wrong-type', `must be true or false, got ${describeValue(trainable)}`);
    if (this.trainableFlags[i] === trainable) return;
    this.trainableFlags[i] = trainable;
    this.optimizer.dispose();
  }

  /** Index of a layer given by index or by name (`dense_2`); ValidationError('layer') otherwise. */
  layerIndex(layer: number | string): number {
    const names = this.layers.map((l, i) => `${l.type}_${i + 1}`);
    if (typeof layer === 'string') {
      const i = names.indexOf(layer);
      if (i < 0) throw new ValidationError('layer', 'out-of-range', `no layer named ${JSON.stringify(layer)}; the layers are ${names.join(', ')}`);
      return i;
    }
    if (typeof layer !== 'number' || !Number.isInteger(layer) || layer < 0 || layer >= this.layers.length) {
      throw new ValidationError('layer', 'out-of-range', `must be a layer index in 0…${this.layers.length - 1} or a name (${names.join(', ')}), got ${describeValue(layer)}`);
    }
    return layer;
  }

  /** Indices into {@link variables} of the weights the optimiser updates. */
  private trainedParams(): number[] {
    const out: number[] = [];
    this.params.forEach((_, i) => {
      if (this.trainableFlags[this.layerOfParam[i]]) out.push(i);
    });
    return out;
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

  /**
   * One optimiser update with `grads[i]` for variable i (from a hand-written backprop). The
   * weights before it are kept (see {@link restoreSnapshot}), so that a diverging run can
   * go back to the last weights whose loss was finite.
   */
  applyGradients(grads: tf.Tensor[]): void {
    this.check();
    this.snapshotWeights();
    // Frozen layers' gradients are dropped: their weights are never assigned.
    const idx = this.trainedParams();
    if (idx.length > 0) this.optimizer.apply(idx.map((i) => this.params[i].v), idx.map((i) => grads[i]), this.settings);
    if (++this.trained % SHADOW_EVERY === 0 && tf.getBackend() === 'webgl') this.exportWeights();
  }

  /**
   * One optimiser step on a batch; returns the batch loss (read back to the host). A
   * non-finite loss changes nothing: the update is applied only when the loss is finite.
   */
  trainBatch(x: tf.Tensor, target: tf.Tensor): number {
    this.check();
    // Gradients only of the trainable layers' variables: the frozen ones are constants here.
    const vars = this.trainedParams().map((i) => this.params[i].v);
    const { value, grads } = tf.tidy(() => {
      if (vars.length === 0) return { value: this.lossOf(x, target, true), grads: [] as tf.Tensor[] };
      const r = tf.variableGrads(() => this.lossOf(x, target, true), vars);
      return { value: r.value, grads: vars.map((v) => r.grads[v.name]) };
    });
    const l = value.dataSync()[0];
    if (Number.isFinite(l)) {
      this.snapshotWeights();
      if (vars.length > 0) this.optimizer.apply(vars, grads, this.settings);
    }
    tf.dispose([value, ...grads]);
    // On WebGL, keep a host copy now and then: a lost context cannot be read any more.
    if (++this.trained % SHADOW_EVERY === 0 && tf.getBackend() === 'webgl') this.exportWeights();
    return l;
  }

  /** Copies of the weights before the last update (null before the first). */
  private before: tf.Tensor[] | null = null;

  private snapshotWeights(): void {
    if (this.before) tf.dispose(this.before);
    this.before = this.params.map((p) => tf.clone(p.v));
  }

  /**
   * Puts back the weights from before the last update (after a divergence: the last
   * weights that gave a finite loss). Returns false when there is nothing to restore.
   */
  restoreSnapshot(): boolean {
    this.check();
    if (!this.before) return false;
    this.params.forEach((p, i) => p.v.assign(this.before![i]));
    return true;
  }

  private dropSnapshot(): void {
    if (!this.before) return;
    try {
      tf.dispose(this.before);
    } catch {
      // a lost context may refuse; the tensors are gone either way
    }
    this.before = null;
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
    this.dropSnapshot();
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
    this.dropSnapshot();
    this.optimizer.dispose();
    untrackModel(this);
  }
}
