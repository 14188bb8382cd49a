/**
 * The MLP of `@geolearn/algorithms/nn`: the plain-TypeScript {@link PlainMLP} (see
 * `mlpPlain.ts`, which imports no TF.js) with its 'tfjs' engine plugged in, so that
 * `engine: 'tfjs' | 'auto'` and `gridEngine: 'tfjs'` can run the network on TF.js.
 */
import * as tf from '@tensorflow/tfjs';
import type { RandomState } from '../core/random';
import { MLP as PlainMLP, type MLPSettings, type MLPTfjsBinding, type MLPTfjsEngine } from './mlpPlain';
import { TfNet } from './net';
import type { Activation, LayerSpec } from './spec';

export { gridPoints, PLAIN_ENGINE_MAX_PARAMETERS, GRID_ON_TFJS_MIN_POINTS, MAX_GRID_POINTS, MAX_TRAINING_STEPS } from './mlpPlain';
export type { MLPOptions, MLPEngine, MLPJSON, LayerWeights, NeuronOutputs, GridSpec } from './mlpPlain';

type Settings = MLPSettings;

// ---------------------------------------------------------------------------------------
// The TF.js engine: the same network as a TfNet (dense, dropout, dense, …)

class TfjsEngine implements MLPTfjsEngine {
  readonly net: TfNet;
  constructor(sizes: number[], acts: Activation[], st: Settings, rng: RandomState) {
    const layers: LayerSpec[] = [];
    for (let l = 1; l < sizes.length; l++) {
      layers.push({ type: 'dense', units: sizes[l], activation: acts[l - 1] });
      if (l < sizes.length - 1) layers.push({ type: 'dropout', rate: st.dropout });
    }
    this.net = new TfNet({ inputShape: [sizes[0]], layers, loss: st.loss, optimizer: st.optimizer, optimizerSettings: st, regularization: st.regularization, regularizationRate: st.regularizationRate, randomState: rng });
  }

  sync(st: Settings): void {
    this.net.loss = st.loss;
    this.net.regularization = st.regularization;
    this.net.regularizationRate = st.regularizationRate;
    Object.assign(this.net.settings, { learningRate: st.learningRate, momentum: st.momentum, rho: st.rho, beta1: st.beta1, beta2: st.beta2, epsilon: st.epsilon });
    this.net.setOptimizer(st.optimizer);
    for (const l of this.net.layers) if (l.type === 'dropout') l.rate = st.dropout;
  }

  private tensors(x: Float64Array, t: Float64Array | null, n: number, d: number, k: number) {
    return { xt: tf.tensor2d(Float32Array.from(x.subarray(0, n * d)), [n, d]), tt: t ? tf.tensor2d(Float32Array.from(t.subarray(0, n * k)), [n, k]) : null };
  }

  /**
   * Loss and gradients by hand-written backprop through tf ops (the same formulas as the
   * plain engine): about twice as fast as `tf.variableGrads` on tiny networks, where TF.js's
   * per-operation overhead is the cost. Call inside `tf.tidy`.
   */
  private backprop(xt: tf.Tensor2D, tt: tf.Tensor2D, training: boolean): { loss: tf.Scalar; grads: tf.Tensor[] } {
    const net = this.net;
    const vars = net.variables();
    const L = vars.length / 2;
    const dense = net.layers.filter((l) => l.type === 'dense') as Extract<LayerSpec, { type: 'dense' }>[];
    const rate = (net.layers.find((l) => l.type === 'dropout') as { rate: number } | undefined)?.rate ?? 0;
    const hs: tf.Tensor[] = [xt]; // layer inputs (after dropout)
    const pre: tf.Tensor[] = [xt]; // layer outputs before dropout, for φ′
    const masks: (tf.Tensor | null)[] = [null];
    let h: tf.Tensor = xt;
    let z: tf.Tensor = xt;
    for (let l = 0; l < L; l++) {
      z = tf.add(tf.matMul(h as tf.Tensor2D, vars[2 * l] as tf.Tensor2D), vars[2 * l + 1]);
      const f = dense[l].activation ?? 'linear';
      h = f === 'tanh' ? tf.tanh(z) : f === 'sigmoid' ? tf.sigmoid(z) : f === 'relu' ? tf.relu(z) : f === 'softmax' ? tf.softmax(z) : z;
      pre.push(h);
      let m: tf.Tensor | null = null;
      if (training && l < L - 1 && rate > 0) {
        m = net.dropoutMask(h.shape, rate);
        h = tf.mul(h, m);
      }
      masks.push(m);
      hs.push(h);
    }
    const [n, k] = tt.shape;
    const y = hs[L];
    let loss: tf.Tensor;
    let dz: tf.Tensor;
    if (net.loss === 'mse') {
      const e = tf.sub(y, tt);
      loss = tf.mean(tf.square(e));
      dz = this.derivative(tf.mul(e, 2 / (n * k)), y, dense[L - 1].activation);
    } else if (net.loss === 'binaryCrossentropy') {
      loss = tf.mean(tf.add(tf.sub(tf.relu(z), tf.mul(z, tt)), tf.log1p(tf.exp(tf.neg(tf.abs(z))))));
      dz = tf.div(tf.sub(y, tt), n * k);
    } else {
      loss = tf.mean(tf.neg(tf.sum(tf.mul(tt, tf.logSoftmax(z)), -1)));
      dz = tf.div(tf.sub(y, tt), n);
    }
    loss = tf.add(loss, net.penalty());
    const grads: tf.Tensor[] = new Array(2 * L);
    const lambda = net.regularizationRate;
    for (let l = L - 1; l >= 0; l--) {
      const W = vars[2 * l];
      let gW: tf.Tensor = tf.matMul(hs[l] as tf.Tensor2D, dz as tf.Tensor2D, true, false);
      if (lambda > 0 && net.regularization === 'l2') gW = tf.add(gW, tf.mul(W, 2 * lambda));
      else if (lambda > 0 && net.regularization === 'l1') gW = tf.add(gW, tf.mul(tf.sign(W), lambda));
      grads[2 * l] = gW;
      grads[2 * l + 1] = tf.sum(dz, 0);
      if (l > 0) {
        dz = this.derivative(tf.matMul(dz as tf.Tensor2D, W as tf.Tensor2D, false, true), pre[l], dense[l - 1].activation);
        if (masks[l]) dz = tf.mul(dz, masks[l]!);
      }
    }
    return { loss: loss as tf.Scalar, grads };
  }

  /** d ⊙ φ′, with φ′ written through h = φ(z). */
  private derivative(d: tf.Tensor, h: tf.Tensor, f: Activation | undefined): tf.Tensor {
    switch (f ?? 'linear') {
      case 'tanh': return tf.mul(d, tf.sub(1, tf.square(h)));
      case 'sigmoid': return tf.mul(d, tf.mul(h, tf.sub(1, h)));
      case 'relu': return tf.mul(d, tf.step(h, 0));
      default: return d;
    }
  }

  /**
   * One step. The loss is read before the update, which is applied only when it is finite
   * (TfNet keeps the weights from before it, for {@link rollback}).
   */
  trainStep(x: Float64Array, t: Float64Array, n: number, d: number, k: number): number {
    const { xt, tt } = this.tensors(x, t, n, d, k);
    const r = tf.tidy(() => this.backprop(xt, tt!, true));
    xt.dispose();
    tt!.dispose();
    const v = r.loss.dataSync()[0];
    if (Number.isFinite(v)) this.net.applyGradients(r.grads);
    tf.dispose([r.loss, ...r.grads]);
    return v;
  }

  rollback(): boolean {
    return this.net.restoreSnapshot();
  }

  /** Weight layer l is the TfNet's l-th dense layer (dropout layers sit in between). */
  setTrainable(flags: boolean[]): void {
    let l = 0;
    this.net.layers.forEach((spec, i) => {
      if (spec.type === 'dense') this.net.setTrainable(i, flags[l++]);
    });
  }

  penalty(): number {
    const p = tf.tidy(() => this.net.penalty());
    const v = p.dataSync()[0];
    p.dispose();
    return v;
  }

  dispose(): void {
    this.net.dispose();
  }

  lossAndGradients(x: Float64Array, t: Float64Array, n: number, d: number, k: number): { loss: number; gradients: Float64Array[] } {
    const { xt, tt } = this.tensors(x, t, n, d, k);
    const r = tf.tidy(() => this.backprop(xt, tt!, false));
    xt.dispose();
    tt!.dispose();
    const out = { loss: r.loss.dataSync()[0], gradients: r.grads.map((g) => Float64Array.from(g.dataSync())) };
    tf.dispose([r.loss, ...r.grads]);
    return out;
  }

  /** Every dense layer's output for all rows, one batched pass (tensors read after the tidy). */
  forwardAll(x: Float64Array, n: number, d: number, sink: (layer: number, start: number, rows: number, h: Float32Array) => void): void {
    const { xt } = this.tensors(x, null, n, d, 0);
    const outs = tf.tidy(() => this.net.forward(xt, false, true).outputs.filter((_, i) => this.net.layers[i].type === 'dense'));
    xt.dispose();
    outs.forEach((o, l) => sink(l, 0, n, o.dataSync() as Float32Array));
    tf.dispose(outs);
  }

  /**
   * Every neuron over all rows: each layer's [n, u] output is transposed on the backend,
   * so that one read gives u contiguous neuron images, handed out as zero-copy subarrays.
   */
  neurons(x: Float64Array, n: number, d: number): { output: Float32Array; neurons: Float32Array[][] } {
    const { xt } = this.tensors(x, null, n, d, 0);
    const outs = tf.tidy(() => {
      const all = this.net.forward(xt, false, true).outputs.filter((_, i) => this.net.layers[i].type === 'dense');
      return [...all.map((h) => tf.transpose(h)), all[all.length - 1]];
    });
    xt.dispose();
    const data = outs.map((o) => o.dataSync() as Float32Array);
    tf.dispose(outs);
    const neurons = data.slice(0, -1).map((a) => Array.from({ length: a.length / n }, (_, j) => a.subarray(j * n, (j + 1) * n)));
    return { output: data[data.length - 1], neurons };
  }

  params(): Float64Array[] {
    return this.net.exportWeights().map((w) => Float64Array.from(w));
  }

  setParams(p: Float64Array[]): void {
    this.net.importWeights(p.map((w) => Float32Array.from(w)));
  }
}

const TFJS_BINDING: MLPTfjsBinding = {
  backendName: () => (tf.engine().backendName as string | null) ?? null,
  createEngine: (sizes, acts, st, rng) => new TfjsEngine(sizes, acts, st, rng),
};

/**
 * A multilayer perceptron trained by mini-batch gradient descent, as a stepper, on the plain
 * engine or on TF.js ('auto' picks by size). Everything but the TF.js engine is in
 * {@link PlainMLP}, which `@geolearn/algorithms/mlp` exports without TF.js.
 *
 * @example
 * const mlp = new MLP({ layerSizes: [2, 8, 8, 1], activation: 'tanh', loss: 'mse', randomState: 0 });
 * mlp.setData(X, y, { X: XTest, y: yTest });
 * const { trainLoss, testLoss } = mlp.step();
 */
export class MLP extends PlainMLP {
  /** @internal */
  protected static override tfjs: MLPTfjsBinding | null = TFJS_BINDING;
}
