/**
 * The multilayer perceptron of the course, with one API over two engines. This file imports
 * no TF.js: it is `@geolearn/algorithms/mlp`, where only the plain engine runs;
 * `@geolearn/algorithms/nn` exports a subclass that plugs the TF.js engine in (`mlp.ts`).
 * - 'plain': TypeScript loops over Float64Array, hand-written backprop. TF.js's
 *   per-operation overhead dominates tiny networks (the playground's 6×8 net does ~55,000
 *   steps/s here, against ~4,000 on TF.js wasm);
 * - 'tfjs': the same network as a {@link TfNet} on the active TF.js backend, for big ones.
 * 'auto' picks by size and says why. Both engines share the loss, penalty, initial weights,
 * dropout masks, batch order and optimiser formulas, so they agree to float32 precision.
 *
 * Forward pass, layer ℓ = 1 … L: z⁽ℓ⁾ = h⁽ℓ⁻¹⁾W⁽ℓ⁾ + b⁽ℓ⁾, h⁽ℓ⁾ = φ⁽ℓ⁾(z⁽ℓ⁾), h⁽⁰⁾ = x.
 * Backprop: δ⁽ᴸ⁾ = ∂L/∂z⁽ᴸ⁾ from the loss; ∂L/∂W⁽ℓ⁾ = h⁽ℓ⁻¹⁾ᵀδ⁽ℓ⁾, ∂L/∂b⁽ℓ⁾ = Σₙ δ⁽ℓ⁾,
 * δ⁽ℓ⁻¹⁾ = (δ⁽ℓ⁾W⁽ℓ⁾ᵀ) ⊙ φ′(z⁽ℓ⁻¹⁾) ⊙ mask⁽ℓ⁻¹⁾.
 */
import { ValidationError } from '../core/errors';
import type { MatrixLike, VectorLike } from '../core/matrix';
import { checkRandomState, RandomState, type RandomStateLike } from '../core/random';
import { checkArray, checkOneOf, checkScalar, checkSize, describeValue } from '../core/validation';
import { DEFAULT_OPTIMIZER_SETTINGS, OPTIMIZERS, PlainOptimizer, type OptimizerName } from './plainOptimizer';
import { ACTIVATIONS, checkSavedModel, checkTrainableFlags, LOSSES, MAX_NETWORK_PARAMETERS, packWeights, REGULARIZATIONS, unpackWeights, type Activation, type LayerSpec, type LossName, type Regularization, type SavedModelJSON } from './spec';
import { BatchSampler, type StepResult } from './stepper';

/** Which engine runs an {@link MLP}. */
export type MLPEngine = 'plain' | 'tfjs';


/** From this many points, 'auto' runs a plain MLP's grid pass on TF.js (wasm or webgl). */
export const GRID_ON_TFJS_MIN_POINTS = 2500;

/** Networks with at most this many parameters run on the plain engine under 'auto'. */
export const PLAIN_ENGINE_MAX_PARAMETERS = 20_000;

/** Options of {@link MLP}. */
export interface MLPOptions {
  /**
   * Units per layer, input and output included: [2, 8, 8, 1] is 2 inputs, two hidden layers of
   * 8, 1 output. At most {@link MAX_NETWORK_PARAMETERS} weights and biases in all (a bigger
   * network is a ValidationError 'too-large', before anything is allocated).
   */
  layerSizes: number[];
  /** φ of the hidden layers. 'step' is forward only (hand-set weights, the XOR slide). Default 'tanh'. */
  activation?: Exclude<Activation, 'softmax'>;
  /**
   * φ of the output layer. Default by loss: 'linear' for MSE, 'sigmoid' for binary and
   * 'softmax' for categorical cross-entropy (which require those).
   */
  outputActivation?: Activation;
  /** Loss. Default 'mse' (mean over samples and outputs of (y − t)²). */
  loss?: LossName;
  /** Optimiser. Default 'sgd' (plain gradient descent, as the slides and the playground start). */
  optimizer?: OptimizerName;
  /** η. Default 0.03 (the playground's). */
  learningRate?: number;
  /** α of momentum. Default 0.9. */
  momentum?: number;
  /** ρ of RMSprop. Default 0.9. */
  rho?: number;
  /** β₁ of Adam. Default 0.9. */
  beta1?: number;
  /** β₂ of Adam. Default 0.999. */
  beta2?: number;
  /** ε of RMSprop and Adam. Default 1e-7. */
  epsilon?: number;
  /** Weight penalty: λΣ|w| ('l1') or λΣw² ('l2'), biases excluded. Default 'none'. */
  regularization?: Regularization;
  /** λ. Default 0. */
  regularizationRate?: number;
  /** Dropout rate of the hidden layers while training (inverted dropout, seeded). Default 0. */
  dropout?: number;
  /** Mini-batch size. Default 10. */
  batchSize?: number;
  /** 'plain', 'tfjs' or 'auto' (plain up to {@link PLAIN_ENGINE_MAX_PARAMETERS} parameters or on TF.js's cpu backend). Default 'auto'. */
  engine?: MLPEngine | 'auto';
  /** Evaluate test loss and accuracy every this many steps (0: never). Default 1. */
  evalEvery?: number;
  /**
   * Who runs {@link MLP.neuronOutputs} for a plain-engine MLP: 'plain', 'tfjs' (a TF.js
   * copy of the weights, refreshed per call) or 'auto': TF.js from
   * {@link GRID_ON_TFJS_MIN_POINTS} points when it runs on wasm or webgl, where its batched
   * matMuls beat per-point loops. Default 'auto'.
   */
  gridEngine?: MLPEngine | 'auto';
  /** Seed of initial weights, batch order and dropout masks. */
  randomState?: RandomStateLike;
  /**
   * One flag per weight layer (`layerSizes.length − 1` of them, input → first hidden first):
   * false freezes that layer's weights and bias (fine-tuning with frozen early layers).
   * Default all true. See {@link MLP.setTrainable}.
   */
  trainable?: boolean[];
}

/** @internal An MLP's resolved training settings. */
export type MLPSettings = Required<Omit<MLPOptions, 'randomState' | 'engine' | 'layerSizes' | 'trainable'>>;
type Settings = MLPSettings;

/**
 * @internal The TF.js engine of an MLP, as `@geolearn/algorithms/nn` provides it (see
 * `mlp.ts`). Float64Array in and out; the engine holds the weights as tensors.
 */
export interface MLPTfjsEngine {
  /** One step on rows x (n × d) and targets t (n × k); applies the update only when the loss is finite, keeping the weights from before it. */
  trainStep(x: Float64Array, t: Float64Array, n: number, d: number, k: number): number;
  lossAndGradients(x: Float64Array, t: Float64Array, n: number, d: number, k: number): { loss: number; gradients: Float64Array[] };
  forwardAll(x: Float64Array, n: number, d: number, sink: (layer: number, start: number, rows: number, h: Float32Array) => void): void;
  neurons(x: Float64Array, n: number, d: number): { output: Float32Array; neurons: Float32Array[][] };
  /** λR(θ) of the current weights. */
  penalty(): number;
  params(): Float64Array[];
  setParams(p: Float64Array[]): void;
  sync(st: Settings): void;
  /** Puts back the weights from before the last update; false when there is none. */
  rollback(): boolean;
  /** One flag per weight layer: false freezes its weights and bias. */
  setTrainable(flags: boolean[]): void;
  dispose(): void;
}

/** @internal What a subclass of {@link MLP} provides to run on TF.js. */
export interface MLPTfjsBinding {
  /** The active TF.js backend's name, or null when none is set. */
  backendName(): string | null;
  createEngine(sizes: number[], acts: Activation[], st: Settings, rng: RandomState): MLPTfjsEngine;
}

/** Most mini-batch steps one {@link MLP.fit} / {@link MLP.fitSteps} call runs: 10 million (epochs × batches per epoch). */
export const MAX_TRAINING_STEPS = 10_000_000;

/** The largest grid {@link gridPoints} makes: 2²² points (a 2048 × 2048 image). */
export const MAX_GRID_POINTS = 2 ** 22;

/** One layer's weights: `weights[i][j]` connects input i to unit j. */
export interface LayerWeights {
  weights: number[][];
  bias: number[];
}

/** Every neuron's output over a set of points, from one batched forward pass. */
export interface NeuronOutputs {
  /** Number of points. */
  n: number;
  /** The network's output, n × outputs, row-major. */
  output: Float32Array;
  /** `neurons[ℓ][j]`: unit j of layer ℓ (hidden layers first, the output layer last) at each point. */
  neurons: Float32Array[][];
}

/** A grid over the plane for decision boundaries: nx × ny points, x varying fastest. */
export interface GridSpec {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  nx: number;
  ny: number;
}

/** An {@link MLP} as plain JSON (weights included), for permalinks. */
export interface MLPJSON {
  estimator: 'MLP';
  options: Omit<MLPOptions, 'randomState'>;
  weights: LayerWeights[];
}

/** The points of a {@link GridSpec} as an n × 2 typed matrix. */
export function gridPoints(g: GridSpec): { rows: number; cols: 2; data: Float64Array } {
  if (typeof g !== 'object' || g === null) throw new ValidationError('grid', 'bad-option', 'expected { xMin, xMax, yMin, yMax, nx, ny }');
  for (const k of ['xMin', 'xMax', 'yMin', 'yMax'] as const) checkScalar(g[k], `grid.${k}`);
  checkScalar(g.nx, 'grid.nx', { min: 1, integer: true });
  checkScalar(g.ny, 'grid.ny', { min: 1, integer: true });
  checkSize('grid', g.nx * g.ny, MAX_GRID_POINTS, 'points');
  const data = new Float64Array(g.nx * g.ny * 2);
  for (let j = 0; j < g.ny; j++) {
    const y = g.ny === 1 ? g.yMin : g.yMin + ((g.yMax - g.yMin) * j) / (g.ny - 1);
    for (let i = 0; i < g.nx; i++) {
      const x = g.nx === 1 ? g.xMin : g.xMin + ((g.xMax - g.xMin) * i) / (g.nx - 1);
      data[2 * (j * g.nx + i)] = x;
      data[2 * (j * g.nx + i) + 1] = y;
    }
  }
  return { rows: g.nx * g.ny, cols: 2, data };
}

// ---------------------------------------------------------------------------------------
// The plain engine

/** tanh z = sign(z)(1 − e^(−2|z|))/(1 + e^(−2|z|)): exact to an ulp or two, and faster than Math.tanh in V8. */
function tanhInPlace(a: Float64Array, len: number): void {
  for (let i = 0; i < len; i++) {
    const z = a[i];
    const e = Math.exp(-2 * Math.abs(z));
    const r = (1 - e) / (1 + e);
    a[i] = z < 0 ? -r : r;
  }
}

function actInPlace(a: Float64Array, n: number, k: number, f: Activation): void {
  const len = n * k;
  switch (f) {
    case 'tanh': tanhInPlace(a, len); break;
    case 'sigmoid': for (let i = 0; i < len; i++) a[i] = 1 / (1 + Math.exp(-a[i])); break;
    case 'relu': for (let i = 0; i < len; i++) if (a[i] < 0) a[i] = 0; break;
    case 'step': for (let i = 0; i < len; i++) a[i] = a[i] > 0 ? 1 : 0; break;
    case 'softmax':
      for (let r = 0; r < n; r++) {
        let m = -Infinity;
        for (let j = 0; j < k; j++) if (a[r * k + j] > m) m = a[r * k + j];
        let s = 0;
        for (let j = 0; j < k; j++) s += a[r * k + j] = Math.exp(a[r * k + j] - m);
        for (let j = 0; j < k; j++) a[r * k + j] /= s;
      }
      break;
    default: break;
  }
}

const ACT_CODE: Record<Activation, number> = { linear: 0, tanh: 1, sigmoid: 2, relu: 3, step: 4, softmax: 5 };

/** φ′ expressed through h = φ(z), multiplied into `d` in place. */
function mulDerivInPlace(d: Float64Array, h: Float64Array, len: number, f: Activation): void {
  switch (f) {
    case 'tanh': for (let i = 0; i < len; i++) d[i] *= 1 - h[i] * h[i]; break;
    case 'sigmoid': for (let i = 0; i < len; i++) d[i] *= h[i] * (1 - h[i]); break;
    case 'relu': for (let i = 0; i < len; i++) if (h[i] <= 0) d[i] = 0; break;
    default: break;
  }
}

class PlainEngine {
  readonly W: Float64Array[];
  readonly b: Float64Array[];
  private opt: PlainOptimizer;
  /** Scratch per batch size: h[ℓ] (ℓ = 0 input … L), δ buffers, gradients. */
  private buf: { n: number; h: Float64Array[]; d: Float64Array[]; masks: (Float64Array | null)[] } | null = null;
  private gW: Float64Array[];
  private gb: Float64Array[];
  /** [W⁽¹⁾, b⁽¹⁾, W⁽²⁾, …] and their gradients, the arrays the optimiser steps (fixed objects). */
  private flatParams: Float64Array[];
  private flatGrads: Float64Array[];
  /** The parameters before the last update (for a rollback after a divergence), or null. */
  private before: Float64Array[] | null = null;
  /** The parameters and gradients of the trainable layers only: what the optimiser steps. */
  private trainedParams: Float64Array[];
  private trainedGrads: Float64Array[];

  constructor(
    readonly sizes: number[],
    readonly acts: Activation[],
    init: Float64Array[],
    optimizer: OptimizerName,
  ) {
    this.W = [];
    this.b = [];
    for (let l = 0; l < sizes.length - 1; l++) {
      this.W.push(init[2 * l]);
      this.b.push(init[2 * l + 1]);
    }
    this.gW = this.W.map((w) => new Float64Array(w.length));
    this.gb = this.b.map((w) => new Float64Array(w.length));
    this.flatParams = this.W.flatMap((w, l) => [w, this.b[l]]);
    this.flatGrads = this.gW.flatMap((g, l) => [g, this.gb[l]]);
    this.trainedParams = this.flatParams;
    this.trainedGrads = this.flatGrads;
    this.opt = new PlainOptimizer(optimizer);
  }

  /** Trains only the weight layers whose flag is true; the optimiser's moments restart. */
  setTrainable(flags: boolean[]): void {
    this.trainedParams = this.flatParams.filter((_, i) => flags[i >> 1]);
    this.trainedGrads = this.flatGrads.filter((_, i) => flags[i >> 1]);
    this.opt.reset();
  }

  private scratch(n: number) {
    if (!this.buf || this.buf.n !== n) {
      this.buf = { n, h: this.sizes.map((s) => new Float64Array(n * s)), d: this.sizes.map((s) => new Float64Array(n * s)), masks: this.sizes.map(() => null) };
    }
    return this.buf;
  }

  /** Forward pass of `n` rows of `x` into the scratch buffers; returns them. */
  forward(x: Float64Array, n: number, dropout = 0, rng: RandomState | null = null) {
    const s = this.scratch(n);
    s.h[0].set(x.subarray(0, n * this.sizes[0]));
    const L = this.sizes.length - 1;
    for (let l = 0; l < L; l++) {
      const nIn = this.sizes[l], nOut = this.sizes[l + 1];
      const inp = s.h[l], out = s.h[l + 1], W = this.W[l], b = this.b[l];
      for (let r = 0; r < n; r++) {
        const o = r * nOut, ib = r * nIn;
        for (let j = 0; j < nOut; j++) out[o + j] = b[j];
        for (let i = 0; i < nIn; i++) {
          const v = inp[ib + i];
          if (v === 0) continue;
          const wi = i * nOut;
          for (let j = 0; j < nOut; j++) out[o + j] += v * W[wi + j];
        }
      }
      actInPlace(out, n, nOut, this.acts[l]);
      // Inverted dropout on hidden layers, masks drawn in row-major order (as TfNet does).
      if (l < L - 1 && dropout > 0 && rng) {
        const m = (s.masks[l + 1] ??= new Float64Array(n * nOut));
        const keep = 1 / (1 - dropout);
        for (let i = 0; i < n * nOut; i++) {
          m[i] = rng.random() < dropout ? 0 : keep;
          out[i] *= m[i];
        }
      } else {
        s.masks[l + 1] = null;
      }
    }
    return s;
  }

  /**
   * Loss of the last forward pass against targets `t`, and δ⁽ᴸ⁾ = ∂L/∂z⁽ᴸ⁾ into s.d[L].
   * MSE: L = Σ(y − t)²/(nk), δ = 2(y − t)φ′/(nk). Binary CE with sigmoid: δ = (y − t)/(nk).
   * Categorical CE with softmax: L = −Σ t log y / n, δ = (y − t)/n.
   */
  lossAndDelta(t: Float64Array, n: number, loss: LossName): number {
    const s = this.buf!;
    const L = this.sizes.length - 1;
    const k = this.sizes[L];
    const y = s.h[L], d = s.d[L];
    let sum = 0;
    const nk = n * k;
    if (loss === 'mse') {
      for (let i = 0; i < nk; i++) {
        const e = y[i] - t[i];
        sum += e * e;
        d[i] = (2 * e) / nk;
      }
      mulDerivInPlace(d, y, nk, this.acts[L - 1]);
      return sum / nk;
    }
    if (loss === 'binaryCrossentropy') {
      for (let i = 0; i < nk; i++) {
        // from y = σ(z): log y and log(1 − y), clamped so that a saturated unit gives a large loss, not NaN
        const yi = Math.min(Math.max(y[i], 1e-15), 1 - 1e-15);
        sum -= t[i] * Math.log(yi) + (1 - t[i]) * Math.log(1 - yi);
        d[i] = (y[i] - t[i]) / nk;
      }
      return sum / nk;
    }
    for (let i = 0; i < nk; i++) {
      if (t[i] !== 0) sum -= t[i] * Math.log(Math.max(y[i], 1e-300));
      d[i] = (y[i] - t[i]) / n;
    }
    return sum / n;
  }

  /** Backprop from s.d[L] into the gradient buffers, adding the penalty's gradient. */
  backward(n: number, reg: Regularization, lambda: number): { gW: Float64Array[]; gb: Float64Array[] } {
    const s = this.buf!;
    const L = this.sizes.length - 1;
    for (let l = L - 1; l >= 0; l--) {
      const nIn = this.sizes[l], nOut = this.sizes[l + 1];
      const d = s.d[l + 1], hin = s.h[l], W = this.W[l], gW = this.gW[l], gb = this.gb[l];
      gW.fill(0);
      gb.fill(0);
      for (let r = 0; r < n; r++) {
        const o = r * nOut, ib = r * nIn;
        for (let j = 0; j < nOut; j++) gb[j] += d[o + j];
        for (let i = 0; i < nIn; i++) {
          const v = hin[ib + i];
          if (v === 0) continue;
          const wi = i * nOut;
          for (let j = 0; j < nOut; j++) gW[wi + j] += v * d[o + j];
        }
      }
      if (reg === 'l2' && lambda > 0) for (let i = 0; i < W.length; i++) gW[i] += 2 * lambda * W[i];
      else if (reg === 'l1' && lambda > 0) for (let i = 0; i < W.length; i++) gW[i] += lambda * Math.sign(W[i]);
      if (l > 0) {
        const dp = s.d[l];
        for (let r = 0; r < n; r++) {
          const o = r * nOut, ib = r * nIn;
          for (let i = 0; i < nIn; i++) {
            const wi = i * nOut;
            let acc = 0;
            for (let j = 0; j < nOut; j++) acc += d[o + j] * W[wi + j];
            dp[ib + i] = acc;
          }
        }
        const m = s.masks[l];
        if (m) {
          // hin holds the dropped-out h·m; φ′ needs h itself, so undo the mask (m = 0 or 1/(1 − p)).
          for (let i = 0; i < n * nIn; i++) {
            if (m[i] === 0) {
              dp[i] = 0;
              continue;
            }
            const h = hin[i] / m[i];
            const f = this.acts[l - 1];
            dp[i] *= m[i] * (f === 'tanh' ? 1 - h * h : f === 'sigmoid' ? h * (1 - h) : f === 'relu' ? (h > 0 ? 1 : 0) : 1);
          }
        } else {
          mulDerivInPlace(dp, hin, n * nIn, this.acts[l - 1]);
        }
      }
    }
    return { gW: this.gW, gb: this.gb };
  }

  penalty(reg: Regularization, lambda: number): number {
    if (reg === 'none' || lambda === 0) return 0;
    let p = 0;
    for (const W of this.W) for (let i = 0; i < W.length; i++) p += reg === 'l1' ? Math.abs(W[i]) : W[i] * W[i];
    return lambda * p;
  }

  trainStep(x: Float64Array, t: Float64Array, n: number, st: Settings, rng: RandomState): number {
    this.forward(x, n, st.dropout, rng);
    const loss = this.lossAndDelta(t, n, st.loss) + this.penalty(st.regularization, st.regularizationRate);
    if (!Number.isFinite(loss)) return loss;
    this.backward(n, st.regularization, st.regularizationRate);
    // Keep the weights whose loss was just found finite: a later divergence goes back to them.
    if (!this.before) this.before = this.flatParams.map((p) => p.slice());
    else for (let i = 0; i < this.flatParams.length; i++) this.before[i].set(this.flatParams[i]);
    // Frozen layers are left out: their arrays are never written (bit-identical after training).
    if (this.trainedParams.length > 0) this.opt.apply(this.trainedParams, this.trainedGrads, st);
    return loss;
  }

  lossAndGradients(x: Float64Array, t: Float64Array, n: number, st: Settings): { loss: number; gradients: Float64Array[] } {
    this.forward(x, n);
    const loss = this.lossAndDelta(t, n, st.loss) + this.penalty(st.regularization, st.regularizationRate);
    const { gW, gb } = this.backward(n, st.regularization, st.regularizationRate);
    const gradients: Float64Array[] = [];
    for (let l = 0; l < this.W.length; l++) gradients.push(gW[l].slice(), gb[l].slice());
    return { loss, gradients };
  }

  /**
   * Inference over many points, one point at a time through the whole network (the
   * activations stay in two small scratch vectors, in cache): writes the output to
   * `output` (n × k) and, when given, unit j of layer ℓ at point p to `neurons[ℓ][j][p]`.
   */
  forwardPoints(x: Float64Array, n: number, output: Float64Array | Float32Array, neurons: Float32Array[][] | null): void {
    const sizes = this.sizes;
    const L = sizes.length - 1;
    const width = Math.max(...sizes);
    let a = new Float64Array(width), b = new Float64Array(width);
    const d = sizes[0], k = sizes[L];
    const codes = this.acts.map((f) => ACT_CODE[f]);
    for (let p = 0; p < n; p++) {
      for (let i = 0; i < d; i++) a[i] = x[p * d + i];
      for (let l = 0; l < L; l++) {
        const nIn = sizes[l], nOut = sizes[l + 1], W = this.W[l], bias = this.b[l], code = codes[l];
        for (let j = 0; j < nOut; j++) {
          let z = bias[j];
          for (let i = 0, wi = j; i < nIn; i++, wi += nOut) z += a[i] * W[wi];
          b[j] = z;
        }
        // 0 linear, 1 tanh, 2 sigmoid, 3 relu, 4 step, 5 softmax
        if (code === 1) tanhInPlace(b, nOut);
        else if (code !== 0) actInPlace(b, 1, nOut, this.acts[l]);
        if (neurons) {
          const layer = neurons[l];
          for (let j = 0; j < nOut; j++) layer[j][p] = b[j];
        }
        const t = a;
        a = b;
        b = t;
      }
      for (let j = 0; j < k; j++) output[p * k + j] = a[j];
    }
  }

  params(): Float64Array[] {
    const out: Float64Array[] = [];
    for (let l = 0; l < this.W.length; l++) out.push(this.W[l], this.b[l]);
    return out;
  }

  setParams(p: Float64Array[]): void {
    for (let l = 0; l < this.W.length; l++) {
      this.W[l].set(p[2 * l]);
      this.b[l].set(p[2 * l + 1]);
    }
    this.before = null;
    this.opt.reset();
  }

  /** Puts back the parameters from before the last update; false when there is none. */
  rollback(): boolean {
    if (!this.before) return false;
    for (let i = 0; i < this.flatParams.length; i++) this.flatParams[i].set(this.before[i]);
    return true;
  }

  setOptimizer(name: OptimizerName): void {
    this.opt = new PlainOptimizer(name);
  }
}

// ---------------------------------------------------------------------------------------

function defaultOutputActivation(loss: LossName): Activation {
  return loss === 'binaryCrossentropy' ? 'sigmoid' : loss === 'categoricalCrossentropy' ? 'softmax' : 'linear';
}

/** Glorot-uniform W, zero b, drawn in the same order as TfNet's initialiser. */
function initParams(sizes: number[], rng: RandomState): Float64Array[] {
  const out: Float64Array[] = [];
  for (let l = 0; l < sizes.length - 1; l++) {
    const lim = Math.sqrt(6 / (sizes[l] + sizes[l + 1]));
    const W = new Float64Array(sizes[l] * sizes[l + 1]);
    for (let i = 0; i < W.length; i++) W[i] = Math.fround(rng.uniform(-lim, lim));
    out.push(W, new Float64Array(sizes[l + 1]));
  }
  return out;
}

/**
 * A multilayer perceptron trained by mini-batch gradient descent, as a stepper.
 *
 * @example
 * const mlp = new MLP({ layerSizes: [2, 8, 8, 1], activation: 'tanh', loss: 'mse', randomState: 0 });
 * mlp.setData(X, y, { X: XTest, y: yTest });
 * const { trainLoss, testLoss } = mlp.step();
 * const { output, neurons } = mlp.neuronOutputs(gridPoints({ xMin: -6, xMax: 6, yMin: -6, yMax: 6, nx: 100, ny: 100 }));
 */
export class MLP {
  /** Units per layer, input and output included. */
  readonly layerSizes: number[];
  /** Activation of each weight layer (hidden ones, then the output's). */
  readonly activations: Activation[];
  /** The engine in use. */
  readonly engine: MLPEngine;
  /** Why this engine (under 'auto', which rule picked it). */
  readonly engineReason: string;
  private st: Settings;
  private readonly rng: RandomState;
  private plain: PlainEngine | null = null;
  private tfe: MLPTfjsEngine | null = null;
  /** TF.js copy of a plain MLP's weights for big grid passes (see `gridEngine`). */
  private mirror: MLPTfjsEngine | null = null;
  /**
   * @internal The TF.js engine's factory: null here (`@geolearn/algorithms/mlp`, no TF.js);
   * set by the subclass that `@geolearn/algorithms/nn` exports.
   */
  protected static tfjs: MLPTfjsBinding | null = null;
  private readonly binding: MLPTfjsBinding | null;
  /** Which engine ran the last {@link neuronOutputs}. */
  lastGridEngine: MLPEngine | null = null;
  private sampler: BatchSampler;
  private data: { X: Float64Array; T: Float64Array; n: number; test: { X: Float64Array; T: Float64Array; n: number } | null } | null = null;
  private steps = 0;
  private divergedAt: number | null = null;
  private xb: Float64Array = new Float64Array(0);
  private tb: Float64Array = new Float64Array(0);
  private threshold = 0.5;
  private disposed = false;
  /** Per weight layer: false when frozen. */
  private trainableFlags: boolean[];

  constructor(options: MLPOptions) {
    this.binding = (new.target as typeof MLP).tfjs;
    const sizes = options?.layerSizes;
    if (!Array.isArray(sizes) || sizes.length < 2) throw new ValidationError('layerSizes', 'empty', 'needs at least an input and an output size, e.g. [2, 4, 1]');
    sizes.forEach((s, i) => {
      if (!Number.isInteger(s) || s < 1) throw new ValidationError('layerSizes', 'out-of-range', `layer ${i} has ${s} units; every layer needs a positive integer number of units`);
    });
    // Check the size before allocating: [2, 1e5, 1e5, 1] would need 1e10 weights.
    let nWeights = 0;
    for (let l = 0; l < sizes.length - 1; l++) nWeights += (sizes[l] + 1) * sizes[l + 1];
    checkSize('layerSizes', nWeights, MAX_NETWORK_PARAMETERS, 'weights and biases');
    this.layerSizes = [...sizes];
    const loss = checkOneOf(options.loss ?? 'mse', 'loss', LOSSES);
    const activation = checkOneOf(options.activation ?? 'tanh', 'activation', ACTIVATIONS.filter((a) => a !== 'softmax'));
    const outAct = checkOneOf(options.outputActivation ?? defaultOutputActivation(loss), 'outputActivation', ACTIVATIONS);
    if (loss === 'binaryCrossentropy' && outAct !== 'sigmoid') throw new ValidationError('outputActivation', 'bad-option', 'binary cross-entropy needs a sigmoid output');
    if (loss === 'categoricalCrossentropy' && outAct !== 'softmax') throw new ValidationError('outputActivation', 'bad-option', 'categorical cross-entropy needs a softmax output');
    this.activations = [...Array(sizes.length - 2).fill(activation), outAct];
    this.st = {
      activation,
      outputActivation: outAct,
      loss,
      optimizer: 'sgd',
      ...DEFAULT_OPTIMIZER_SETTINGS,
      learningRate: 0.03,
      regularization: 'none',
      regularizationRate: 0,
      dropout: 0,
      batchSize: 10,
      evalEvery: 1,
      gridEngine: 'auto',
    };
    this.setOptions({ ...options, learningRate: options.learningRate ?? 0.03 });
    this.rng = checkRandomState(options.randomState);
    this.sampler = new BatchSampler(0, this.rng);
    const nParams = this.parameterCount;
    const want = checkOneOf(options.engine ?? 'auto', 'engine', ['auto', 'plain', 'tfjs'] as const);
    if (want === 'tfjs' && !this.binding) throw noTfjs('engine');
    if (want === 'auto') {
      const backend = this.binding?.backendName() ?? null;
      if (nParams <= PLAIN_ENGINE_MAX_PARAMETERS) {
        this.engine = 'plain';
        this.engineReason = `auto: ${nParams} parameters ≤ ${PLAIN_ENGINE_MAX_PARAMETERS}, where TF.js's per-operation overhead dominates`;
      } else if (!backend || backend === 'cpu') {
        this.engine = 'plain';
        this.engineReason = `auto: ${nParams} parameters, but TF.js is ${!this.binding ? 'not loaded (import MLP from @geolearn/algorithms/nn to use it)' : backend ? 'on its slow cpu backend' : 'not initialised'}`;
      } else {
        this.engine = 'tfjs';
        this.engineReason = `auto: ${nParams} parameters > ${PLAIN_ENGINE_MAX_PARAMETERS}, TF.js on ${backend}`;
      }
    } else {
      this.engine = want;
      this.engineReason = `asked for '${want}'`;
    }
    this.trainableFlags = checkTrainableFlags(options.trainable, sizes.length - 1);
    if (this.engine === 'plain') this.plain = new PlainEngine(this.layerSizes, this.activations, initParams(this.layerSizes, this.rng), this.st.optimizer);
    else this.tfe = this.binding!.createEngine(this.layerSizes, this.activations, this.st, this.rng);
    if (this.trainableFlags.includes(false)) this.engineSetTrainable();
  }

  private engineSetTrainable(): void {
    if (this.plain) this.plain.setTrainable(this.trainableFlags);
    else this.tfe!.setTrainable(this.trainableFlags);
  }

  /** Per weight layer (0 = input → first hidden), whether it is trained (false: frozen). */
  get trainable(): boolean[] {
    return [...this.trainableFlags];
  }

  /**
   * Freezes (false) or unfreezes (true) weight layer `layer` (0 = input → first hidden, as
   * {@link getWeights}; or its name `dense_1`, `dense_2`, …). Training then leaves a frozen
   * layer's weights and bias bit-identical while the others change, on both engines.
   * Gradients still flow through it to earlier layers. The optimiser's moments restart.
   * Saved by {@link toJSON} and {@link save}.
   */
  setTrainable(layer: number | string, trainable: boolean): void {
    this.check();
    let l = layer;
    if (typeof layer === 'string') {
      const m = /^dense_(\d+)$/.exec(layer);
      l = m ? Number(m[1]) - 1 : -1;
      if (!(l >= 0 && l < this.layerSizes.length - 1)) throw new ValidationError('layer', 'out-of-range', `no layer named ${JSON.stringify(layer)}; the layers are ${this.layerSizes.slice(1).map((_, i) => `dense_${i + 1}`).join(', ')}`);
    }
    this.checkLayer(l as number);
    if (typeof trainable !== 'boolean') throw new ValidationError('trainable', 'wrong-type', `must be true or false, got ${describeValue(trainable)}`);
    if (this.trainableFlags[l as number] === trainable) return;
    this.trainableFlags[l as number] = trainable;
    this.engineSetTrainable();
  }

  /** Number of weights and biases. */
  get parameterCount(): number {
    let p = 0;
    for (let l = 0; l < this.layerSizes.length - 1; l++) p += (this.layerSizes[l] + 1) * this.layerSizes[l + 1];
    return p;
  }

  /** The current settings (learning rate, penalty, batch size, …). */
  get settings(): Readonly<Settings> {
    return { ...this.st };
  }

  /** Steps done so far. */
  get stepCount(): number {
    return this.steps;
  }

  /**
   * Changes training settings between steps, without resetting the weights: learning rate,
   * regularisation, dropout, batch size, optimiser hyper-parameters. Changing the optimiser
   * itself restarts its state (moments).
   */
  setOptions(o: Partial<Omit<MLPOptions, 'layerSizes' | 'activation' | 'outputActivation' | 'loss' | 'engine' | 'randomState' | 'trainable'>>): void {
    const st = { ...this.st };
    if (o.learningRate !== undefined) st.learningRate = checkScalar(o.learningRate, 'learningRate', { min: 0, exclusiveMin: true });
    if (o.optimizer !== undefined) st.optimizer = checkOneOf(o.optimizer, 'optimizer', OPTIMIZERS);
    if (o.momentum !== undefined) st.momentum = checkScalar(o.momentum, 'momentum', { min: 0, max: 1 });
    if (o.rho !== undefined) st.rho = checkScalar(o.rho, 'rho', { min: 0, max: 1 });
    if (o.beta1 !== undefined) st.beta1 = checkScalar(o.beta1, 'beta1', { min: 0, max: 1, });
    if (o.beta2 !== undefined) st.beta2 = checkScalar(o.beta2, 'beta2', { min: 0, max: 1 });
    if (o.epsilon !== undefined) st.epsilon = checkScalar(o.epsilon, 'epsilon', { min: 0, exclusiveMin: true });
    if (o.regularization !== undefined) st.regularization = checkOneOf(o.regularization, 'regularization', REGULARIZATIONS);
    if (o.regularizationRate !== undefined) st.regularizationRate = checkScalar(o.regularizationRate, 'regularizationRate', { min: 0 });
    if (o.dropout !== undefined) {
      st.dropout = checkScalar(o.dropout, 'dropout', { min: 0 });
      if (st.dropout >= 1) throw new ValidationError('dropout', 'out-of-range', `must be < 1, got ${st.dropout}`);
    }
    if (o.batchSize !== undefined) st.batchSize = checkScalar(o.batchSize, 'batchSize', { min: 1, integer: true });
    if (o.evalEvery !== undefined) st.evalEvery = checkScalar(o.evalEvery, 'evalEvery', { min: 0, integer: true });
    if (o.gridEngine !== undefined) st.gridEngine = checkOneOf(o.gridEngine, 'gridEngine', ['auto', 'plain', 'tfjs'] as const);
    if (st.gridEngine === 'tfjs' && !this.binding) throw noTfjs('gridEngine');
    const optimizerChanged = st.optimizer !== this.st.optimizer;
    this.st = st;
    if (optimizerChanged) this.plain?.setOptimizer(st.optimizer);
    this.tfe?.sync(st);
  }

  private check(): void {
    if (this.disposed) throw new ValidationError('MLP', 'not-fitted', 'this MLP was disposed');
  }

  private checkTrainable(): void {
    if (this.activations.includes('step')) throw new ValidationError('activation', 'bad-option', "the binary step has no useful gradient: it is forward only, for hand-set weights (the XOR slide); train with 'sigmoid', 'tanh' or 'relu'");
  }

  private checkX(X: MatrixLike, name: string): { data: Float64Array; n: number } {
    const m = checkArray(X, { name });
    if (m.cols !== this.layerSizes[0]) throw new ValidationError(name, 'shape-mismatch', `has ${m.cols} features per sample, but the network's input layer has ${this.layerSizes[0]}`);
    return { data: m.data, n: m.rows };
  }

  /**
   * Targets as an n × k matrix. `y` may be class labels 0 … k−1 (one-hot encoded) when
   * there are k > 1 outputs, a vector of targets when there is one output, or an n × k matrix.
   */
  private targets(y: VectorLike | MatrixLike, n: number, name: string): Float64Array {
    const k = this.layerSizes[this.layerSizes.length - 1];
    if (y === null || y === undefined || typeof y !== 'object') throw new ValidationError(name, 'bad-option', `expected targets (an array of numbers or rows), got ${y === null ? 'null' : typeof y}`);
    const is2D = typeof y === 'object' && y !== null && ('data' in y || (typeof (y as ArrayLike<unknown>).length === 'number' && typeof (y as ArrayLike<unknown>)[0] === 'object'));
    let T: Float64Array;
    if (is2D) {
      const m = checkArray(y as MatrixLike, { name });
      if (m.rows !== n || m.cols !== k) throw new ValidationError(name, 'shape-mismatch', `expected ${n} × ${k} targets, got ${m.rows} × ${m.cols}`);
      T = m.data;
    } else {
      const v = y as VectorLike;
      if (v.length !== n) throw new ValidationError(name, 'length-mismatch', `expected ${n} values, got ${v.length}`);
      if (k === 1) {
        T = Float64Array.from(v);
        const bad = T.findIndex((t) => !Number.isFinite(t));
        if (bad >= 0) throw new ValidationError(name, 'not-finite', `value ${bad} is ${T[bad]}`);
      } else {
        T = new Float64Array(n * k);
        for (let i = 0; i < n; i++) {
          const c = v[i];
          if (!Number.isInteger(c) || c < 0 || c >= k) throw new ValidationError(name, 'out-of-range', `label ${i} is ${c}, expected an integer class in 0…${k - 1}`);
          T[i * k + c] = 1;
        }
      }
    }
    if (this.st.loss !== 'mse') {
      const bad = T.findIndex((t) => t < 0 || t > 1);
      if (bad >= 0) throw new ValidationError(name, 'out-of-range', `cross-entropy targets must be in [0, 1]; value ${bad} is ${T[bad]}`);
    }
    return T;
  }

  /** Sets the training data (and an optional test set) that {@link step} draws mini-batches from. */
  setData(X: MatrixLike, y: VectorLike | MatrixLike, test?: { X: MatrixLike; y: VectorLike | MatrixLike }): void {
    this.check();
    const { data, n } = this.checkX(X, 'X');
    const T = this.targets(y, n, 'y');
    let t = null;
    if (test) {
      const tx = this.checkX(test.X, 'test.X');
      t = { X: tx.data, T: this.targets(test.y, tx.n, 'test.y'), n: tx.n };
    }
    // One output: the class threshold is the middle of the target range (0.5 for {0, 1}, 0 for {−1, 1}).
    let lo = Infinity, hi = -Infinity;
    for (const v of T) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    this.threshold = (lo + hi) / 2;
    this.data = { X: data, T, n, test: t };
    this.sampler.reset(n);
  }

  /**
   * One mini-batch step. Returns the batch loss and, every `evalEvery` steps, the test loss
   * and accuracy (on the training set when there is no test set). A NaN or infinite loss is
   * reported as `diverged` with its step, and later steps change nothing.
   */
  step(): StepResult {
    this.check();
    this.checkTrainable();
    if (!this.data) throw new ValidationError('data', 'not-fitted', 'call setData() before step()');
    if (this.divergedAt !== null) return this.result(NaN, null, null);
    const d = this.layerSizes[0], k = this.layerSizes[this.layerSizes.length - 1];
    const idx = this.sampler.next(this.st.batchSize);
    const nb = idx.length;
    if (this.xb.length < nb * d) this.xb = new Float64Array(nb * d);
    if (this.tb.length < nb * k) this.tb = new Float64Array(nb * k);
    const { X, T } = this.data;
    for (let i = 0; i < nb; i++) {
      const r = idx[i];
      for (let j = 0; j < d; j++) this.xb[i * d + j] = X[r * d + j];
      for (let j = 0; j < k; j++) this.tb[i * k + j] = T[r * k + j];
    }
    const loss = this.plain ? this.plain.trainStep(this.xb, this.tb, nb, this.st, this.rng) : this.tfe!.trainStep(this.xb, this.tb, nb, d, k);
    this.steps++;
    if (!Number.isFinite(loss)) {
      this.diverge();
      return this.result(loss, null, null);
    }
    if (this.st.evalEvery > 0 && this.steps % this.st.evalEvery === 0) {
      const ev = this.data.test ?? this.data;
      const r = this.evaluateRaw(ev.X, ev.T, ev.n);
      if (!Number.isFinite(r.loss)) this.diverge();
      return this.result(loss, this.data.test ? r.loss : null, r.accuracy);
    }
    return this.result(loss, null, null);
  }

  /**
   * Stops training at a divergence and goes back to the weights from before the last update,
   * the last ones whose loss was finite, so that predictions stay finite (both engines).
   */
  private diverge(): void {
    this.divergedAt = this.steps;
    if (this.plain) this.plain.rollback();
    else this.tfe!.rollback();
  }

  private result(trainLoss: number, testLoss: number | null, accuracy: number | null): StepResult {
    return Object.freeze({ step: this.steps, epoch: this.sampler.epoch, trainLoss, testLoss, accuracy, diverged: this.divergedAt !== null, divergedAt: this.divergedAt });
  }

  /**
   * Runs `epochs` passes over (X, y), yielding each step's frozen report; stops early on
   * divergence. {@link fit} runs it to the end.
   */
  *fitSteps(X: MatrixLike, y: VectorLike | MatrixLike, options: { epochs?: number; test?: { X: MatrixLike; y: VectorLike | MatrixLike } } = {}): Generator<StepResult, void, void> {
    if (options === null || typeof options !== 'object') throw new ValidationError('options', 'bad-option', 'expected { epochs?, test? }');
    const epochs = checkScalar(options.epochs ?? 1, 'epochs', { min: 1, integer: true });
    this.setData(X, y, options.test);
    const nSteps = epochs * Math.ceil(this.data!.n / this.st.batchSize);
    checkSize('epochs', nSteps, MAX_TRAINING_STEPS, 'training steps');
    for (let s = 0; s < nSteps; s++) {
      const r = this.step();
      yield r;
      if (r.diverged) return;
    }
  }

  /** Trains for `epochs` passes and returns this MLP. */
  fit(X: MatrixLike, y: VectorLike | MatrixLike, options: { epochs?: number; test?: { X: MatrixLike; y: VectorLike | MatrixLike } } = {}): this {
    for (const _ of this.fitSteps(X, y, options)) {
      // the generator does the work
    }
    return this;
  }

  private outputsOf(X: Float64Array, n: number): Float64Array {
    const k = this.layerSizes[this.layerSizes.length - 1];
    const out = new Float64Array(n * k);
    if (this.plain) {
      this.plain.forwardPoints(X, n, out, null);
      return out;
    }
    const last = this.layerSizes.length - 2;
    this.tfe!.forwardAll(X, n, this.layerSizes[0], (l, s, rows, h) => {
      if (l === last) for (let i = 0; i < rows * k; i++) out[s * k + i] = h[i];
    });
    return out;
  }

  private evaluateRaw(X: Float64Array, T: Float64Array, n: number): { loss: number; accuracy: number } {
    const k = this.layerSizes[this.layerSizes.length - 1];
    const Y = this.outputsOf(X, n);
    let loss = 0, ok = 0;
    for (let r = 0; r < n; r++) {
      for (let j = 0; j < k; j++) {
        const y = Y[r * k + j], t = T[r * k + j];
        if (this.st.loss === 'mse') loss += (y - t) * (y - t) / k;
        else if (this.st.loss === 'binaryCrossentropy') {
          const yc = Math.min(Math.max(y, 1e-15), 1 - 1e-15);
          loss -= (t * Math.log(yc) + (1 - t) * Math.log(1 - yc)) / k;
        } else if (t !== 0) loss -= t * Math.log(Math.max(y, 1e-300));
      }
      if (k === 1) {
        if (Y[r] > this.threshold === T[r] > this.threshold) ok++;
      } else {
        let a = 0, b = 0;
        for (let j = 1; j < k; j++) {
          if (Y[r * k + j] > Y[r * k + a]) a = j;
          if (T[r * k + j] > T[r * k + b]) b = j;
        }
        if (a === b) ok++;
      }
    }
    return { loss: loss / n + this.penaltyValue(), accuracy: ok / n };
  }

  private penaltyValue(): number {
    if (this.plain) return this.plain.penalty(this.st.regularization, this.st.regularizationRate);
    return this.tfe!.penalty();
  }

  /** Loss (penalty included) and accuracy on labelled data; see {@link setData} for `y`. */
  evaluate(X: MatrixLike, y: VectorLike | MatrixLike): { loss: number; accuracy: number } {
    this.check();
    const { data, n } = this.checkX(X, 'X');
    return this.evaluateRaw(data, this.targets(y, n, 'y'), n);
  }

  /** The network's outputs, n × outputs, row-major. */
  predict(X: MatrixLike): Float64Array {
    this.check();
    const { data, n } = this.checkX(X, 'X');
    return this.outputsOf(data, n);
  }

  /** The predicted class of each sample: argmax of the outputs, or output > threshold for one output. */
  predictClasses(X: MatrixLike): Int32Array {
    const Y = this.predict(X);
    const k = this.layerSizes[this.layerSizes.length - 1];
    const n = Y.length / k;
    const out = new Int32Array(n);
    for (let r = 0; r < n; r++) {
      if (k === 1) out[r] = Y[r] > this.threshold ? 1 : 0;
      else {
        let a = 0;
        for (let j = 1; j < k; j++) if (Y[r * k + j] > Y[r * k + a]) a = j;
        out[r] = a;
      }
    }
    return out;
  }

  /**
   * One batched forward pass over `X` (e.g. {@link gridPoints} of a 100 × 100 grid) giving
   * the output for a decision boundary and every neuron's output for the thumbnails.
   */
  neuronOutputs(X: MatrixLike): NeuronOutputs {
    this.check();
    const { data, n } = this.checkX(X, 'X');
    this.lastGridEngine = this.plain && !this.gridOnTfjs(n) ? 'plain' : 'tfjs';
    if (this.lastGridEngine === 'plain') {
      const neurons = this.layerSizes.slice(1).map((u) => Array.from({ length: u }, () => new Float32Array(n)));
      const output = new Float32Array(n * this.layerSizes[this.layerSizes.length - 1]);
      this.plain!.forwardPoints(data, n, output, neurons);
      return { n, output, neurons };
    }
    let engine = this.tfe;
    if (!engine) {
      // A TF.js copy of the plain engine's weights (its own throwaway seed: the MLP's stream is untouched).
      this.mirror ??= this.binding!.createEngine(this.layerSizes, this.activations, this.st, new RandomState(0));
      this.mirror.setParams(this.plain!.params());
      engine = this.mirror;
    }
    return { n, ...engine.neurons(data, n, this.layerSizes[0]) };
  }

  private gridOnTfjs(n: number): boolean {
    const g = this.st.gridEngine;
    if (!this.binding) return false;
    if (g !== 'auto') return g === 'tfjs';
    const backend = this.binding.backendName();
    return n >= GRID_ON_TFJS_MIN_POINTS && (backend === 'wasm' || backend === 'webgl');
  }

  /**
   * Loss (penalty included) and its gradient for every weight and bias on a batch, without
   * dropout and without updating: `[∂L/∂W⁽¹⁾, ∂L/∂b⁽¹⁾, ∂L/∂W⁽²⁾, …]`, W row-major nIn × nOut.
   */
  lossAndGradients(X: MatrixLike, y: VectorLike | MatrixLike): { loss: number; gradients: Float64Array[] } {
    this.check();
    this.checkTrainable();
    const { data, n } = this.checkX(X, 'X');
    const T = this.targets(y, n, 'y');
    return this.plain ? this.plain.lossAndGradients(data, T, n, this.st) : this.tfe!.lossAndGradients(data, T, n, this.layerSizes[0], this.layerSizes[this.layerSizes.length - 1]);
  }

  private allParams(): Float64Array[] {
    return this.plain ? this.plain.params().map((p) => p.slice()) : this.tfe!.params();
  }

  /** Weights and bias of weight layer `layer` (0 = input → first hidden). */
  getWeights(layer: number): LayerWeights {
    this.check();
    this.checkLayer(layer);
    const p = this.allParams();
    const nIn = this.layerSizes[layer], nOut = this.layerSizes[layer + 1];
    const W = p[2 * layer];
    return { weights: Array.from({ length: nIn }, (_, i) => Array.from(W.subarray(i * nOut, (i + 1) * nOut))), bias: Array.from(p[2 * layer + 1]) };
  }

  /** Sets weight layer `layer`'s weights (nIn × nOut) and bias; the optimiser's moments restart. */
  setWeights(layer: number, w: LayerWeights): void {
    this.check();
    this.checkLayer(layer);
    const nIn = this.layerSizes[layer], nOut = this.layerSizes[layer + 1];
    if (!isPlainObject(w) || !Array.isArray(w.bias)) throw new ValidationError('weights', 'bad-option', 'expected { weights: number[][], bias: number[] }');
    const W = checkArray(w.weights, { name: 'weights' });
    if (W.rows !== nIn || W.cols !== nOut) throw new ValidationError('weights', 'shape-mismatch', `layer ${layer} needs ${nIn} × ${nOut} weights, got ${W.rows} × ${W.cols}`);
    if (w.bias.length !== nOut || w.bias.some((v) => !Number.isFinite(v))) throw new ValidationError('bias', 'shape-mismatch', `layer ${layer} needs ${nOut} finite biases`);
    const p = this.allParams();
    p[2 * layer] = W.data;
    p[2 * layer + 1] = Float64Array.from(w.bias);
    this.setAll(p);
  }

  private setAll(p: Float64Array[]): void {
    if (this.plain) this.plain.setParams(p);
    else this.tfe!.setParams(p);
    this.divergedAt = null;
  }

  private checkLayer(layer: number): void {
    if (typeof layer !== 'number' || !Number.isInteger(layer) || layer < 0 || layer >= this.layerSizes.length - 1) throw new ValidationError('layer', 'out-of-range', `must be an integer in 0…${this.layerSizes.length - 2}, got ${layer}`);
  }

  private options(): Omit<MLPOptions, 'randomState'> {
    const { evalEvery: _e, gridEngine: _g, ...st } = this.st;
    // `trainable` only when a layer is frozen, so that fully trainable models serialise as before.
    return { layerSizes: [...this.layerSizes], engine: this.engine, ...st, ...(this.trainableFlags.includes(false) ? { trainable: [...this.trainableFlags] } : {}) };
  }

  /** Plain JSON with the weights as nested arrays (for permalinks). */
  toJSON(): MLPJSON {
    return { estimator: 'MLP', options: this.options(), weights: this.layerSizes.slice(1).map((_, l) => this.getWeights(l)) };
  }

  /**
   * Reads {@link toJSON}'s output; `engine` may override the saved engine. Every field is
   * validated (ValidationError('json.…') naming it): options, layer count, each layer's
   * weights (nIn × nOut finite numbers) and biases. A saved 'tfjs' engine runs on 'auto'
   * where TF.js is not loaded.
   */
  static fromJSON(json: MLPJSON, engine?: MLPEngine | 'auto'): MLP {
    if (!isPlainObject(json) || json.estimator !== 'MLP') throw new ValidationError('json', 'bad-option', 'not a serialised MLP (estimator must be "MLP")');
    if (!isPlainObject(json.options)) throw new ValidationError('json.options', 'bad-option', 'missing or not an object');
    if (!Array.isArray(json.weights)) throw new ValidationError('json.weights', 'bad-option', 'missing or not an array of { weights, bias }');
    const saved = json.options.engine;
    const eng = engine ?? (saved === 'tfjs' && !this.tfjs ? 'auto' : saved);
    const m = rethrowAs('json.options', () => new this({ ...json.options, engine: eng }));
    try {
      const L = m.layerSizes.length - 1;
      if (json.weights.length !== L) throw new ValidationError('json.weights', 'length-mismatch', `layerSizes [${m.layerSizes}] need ${L} layers of weights, got ${json.weights.length}`);
      json.weights.forEach((w, l) => {
        if (!isPlainObject(w) || !Array.isArray(w.weights) || !Array.isArray(w.bias)) throw new ValidationError(`json.weights[${l}]`, 'bad-option', 'must be { weights: number[][], bias: number[] }');
        rethrowAs(`json.weights[${l}]`, () => m.setWeights(l, w as unknown as LayerWeights));
      });
      return m;
    } catch (e) {
      m.dispose();
      throw e;
    }
  }

  /** Topology as JSON plus all weights as one binary float32 buffer. */
  save(meta?: Record<string, unknown>): { modelJSON: SavedModelJSON; weightData: ArrayBuffer } {
    const layers: LayerSpec[] = [];
    for (let l = 1; l < this.layerSizes.length; l++) {
      layers.push({ type: 'dense', units: this.layerSizes[l], activation: this.activations[l - 1] });
      if (l < this.layerSizes.length - 1 && this.st.dropout > 0) layers.push({ type: 'dropout', rate: this.st.dropout });
    }
    // Per layer of the list (dropout layers have no weights: true).
    const trainable: boolean[] = [];
    for (let l = 0; l < this.layerSizes.length - 1; l++) {
      trainable.push(this.trainableFlags[l]);
      if (l < this.layerSizes.length - 2 && this.st.dropout > 0) trainable.push(true);
    }
    const weightSpecs = this.layerSizes.slice(1).flatMap((u, l) => [
      { name: `dense_${l + 1}/kernel`, shape: [this.layerSizes[l], u] },
      { name: `dense_${l + 1}/bias`, shape: [u] },
    ]);
    const modelJSON: SavedModelJSON = { format: 'geolearn-nn', version: 1, kind: 'MLP', inputShape: [this.layerSizes[0]], layers, weightSpecs, meta, options: this.options() as unknown as Record<string, unknown> };
    if (trainable.includes(false)) modelJSON.trainable = trainable;
    return { modelJSON, weightData: packWeights(this.allParams().map((p) => Float32Array.from(p))) };
  }

  /**
   * Reads a saved MLP (from {@link save}, or a dense-only network saved by the CNN class,
   * such as the shipped MNIST 784-128-10 model). The JSON is validated field by field before
   * anything is allocated (ValidationError('modelJSON.…')), weights must be finite, and a
   * failed load frees everything it made.
   */
  static load(modelJSON: SavedModelJSON, weightData: ArrayBuffer | ArrayBufferView, options: Partial<MLPOptions> = {}): MLP {
    const mj = checkSavedModel(modelJSON, ['MLP']);
    const dense = mj.layers.filter((l): l is Extract<LayerSpec, { type: 'dense' }> => l.type === 'dense');
    const other = mj.layers.find((l) => l.type !== 'dense' && l.type !== 'dropout');
    if (other || mj.inputShape.length !== 1) throw new ValidationError('modelJSON.layers', 'bad-option', `an MLP has [features] input and dense (and dropout) layers only${other ? `, got a ${other.type} layer` : ''}`);
    const hidden = dense.slice(0, -1).map((l) => l.activation ?? 'linear');
    if (hidden.some((a) => a !== hidden[0])) throw new ValidationError('modelJSON.layers', 'bad-option', `an MLP has one hidden activation, got ${hidden.join(', ')}`);
    if (hidden[0] === 'softmax') throw new ValidationError('modelJSON.layers', 'bad-option', 'softmax is for the output layer only');
    const weights = unpackWeights(weightData, mj.weightSpecs);
    const dropout = mj.layers.find((l): l is Extract<LayerSpec, { type: 'dropout' }> => l.type === 'dropout');
    const outAct = dense[dense.length - 1].activation ?? 'linear';
    const saved = (mj.options ?? {}) as Partial<MLPOptions>;
    if (options === null || typeof options !== 'object') throw new ValidationError('options', 'bad-option', 'must be an object of MLP options');
    const eng = options.engine ?? (saved.engine === 'tfjs' && !this.tfjs ? 'auto' : saved.engine);
    // A network saved by the CNN class has per-layer flags only: keep those of its dense layers.
    const trainable = saved.trainable ?? (mj.trainable ? mj.layers.flatMap((l, i) => (l.type === 'dense' ? [mj.trainable![i]] : [])) : undefined);
    const m = rethrowAs('modelJSON.options', () =>
      new this({
        loss: outAct === 'softmax' ? 'categoricalCrossentropy' : outAct === 'sigmoid' ? 'binaryCrossentropy' : 'mse',
        ...saved,
        layerSizes: [mj.inputShape[0], ...dense.map((l) => l.units)],
        activation: (dense.length > 1 ? hidden[0] : 'tanh') as MLPOptions['activation'],
        outputActivation: outAct,
        dropout: dropout?.rate ?? 0,
        trainable,
        ...options,
        engine: eng,
      }),
    );
    try {
      m.setAll(weights.map((w) => Float64Array.from(w)));
      return m;
    } catch (e) {
      m.dispose();
      throw e;
    }
  }

  /** Frees every tensor (tfjs engine); the plain engine just drops its arrays. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.tfe?.dispose();
    this.mirror?.dispose();
    this.mirror = null;
    this.plain = null;
  }
}

function noTfjs(name: string): ValidationError {
  return new ValidationError(name, 'bad-option', "the 'tfjs' engine needs TF.js: import { MLP } from '@geolearn/algorithms/nn' (with @tensorflow/tfjs installed) instead of '@geolearn/algorithms/mlp'");
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Runs f; a ValidationError it throws is re-thrown with `prefix.` before its argument's name. */
function rethrowAs<T>(prefix: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ValidationError && !e.argument.startsWith(prefix)) throw new ValidationError(`${prefix}.${e.argument}`, e.problem, e.message.slice(e.argument.length + 2));
    throw e;
  }
}
