/**
 * The four optimisers of the course, written once as formulas and used by both engines
 * (plain Float64Array and TF.js variables), so that they step identically.
 *
 * With gradient g, learning rate η and step count t (from 1):
 * - SGD:      θ ← θ − η g
 * - momentum: p ← α p − η g;  θ ← θ + p                       (the slides' form, α = momentum)
 * - RMSprop:  s ← ρ s + (1 − ρ) g²;  θ ← θ − η g / (√s + ε)
 * - Adam:     m ← β₁ m + (1 − β₁) g;  v ← β₂ v + (1 − β₂) g²;
 *             θ ← θ − η m̂ / (√v̂ + ε),  m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)
 */
import * as tf from '@tensorflow/tfjs';

/** An optimiser's name. */
export type OptimizerName = 'sgd' | 'momentum' | 'rmsprop' | 'adam';
/** The optimiser names, for validation and menus. */
export const OPTIMIZERS: readonly OptimizerName[] = ['sgd', 'momentum', 'rmsprop', 'adam'];

/** Hyper-parameters of the optimisers (all but the learning rate have Keras's defaults). */
export interface OptimizerSettings {
  /** η, the step size. */
  learningRate: number;
  /** α of momentum. Default 0.9. */
  momentum: number;
  /** ρ of RMSprop. Default 0.9. */
  rho: number;
  /** β₁ of Adam. Default 0.9. */
  beta1: number;
  /** β₂ of Adam. Default 0.999. */
  beta2: number;
  /** ε of RMSprop and Adam. Default 1e-7. */
  epsilon: number;
}

/** Default optimiser settings (learning rate 0.01). */
export const DEFAULT_OPTIMIZER_SETTINGS: OptimizerSettings = { learningRate: 0.01, momentum: 0.9, rho: 0.9, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };

/** Steps plain Float64Array parameters in place; one state slot per parameter array. */
export class PlainOptimizer {
  private t = 0;
  private m: Float64Array[] = [];
  private v: Float64Array[] = [];
  constructor(readonly name: OptimizerName) {}

  /** Applies one update to every `params[i]` with gradient `grads[i]`. */
  apply(params: Float64Array[], grads: Float64Array[], s: OptimizerSettings): void {
    this.t++;
    if (this.m.length !== params.length) {
      this.m = params.map((p) => new Float64Array(p.length));
      this.v = params.map((p) => new Float64Array(p.length));
    }
    const lr = s.learningRate;
    const c1 = 1 - Math.pow(s.beta1, this.t);
    const c2 = 1 - Math.pow(s.beta2, this.t);
    for (let i = 0; i < params.length; i++) {
      const p = params[i], g = grads[i], m = this.m[i], v = this.v[i];
      const n = p.length;
      switch (this.name) {
        case 'sgd':
          for (let k = 0; k < n; k++) p[k] -= lr * g[k];
          break;
        case 'momentum':
          for (let k = 0; k < n; k++) {
            m[k] = s.momentum * m[k] - lr * g[k];
            p[k] += m[k];
          }
          break;
        case 'rmsprop':
          for (let k = 0; k < n; k++) {
            v[k] = s.rho * v[k] + (1 - s.rho) * g[k] * g[k];
            p[k] -= (lr * g[k]) / (Math.sqrt(v[k]) + s.epsilon);
          }
          break;
        case 'adam':
          for (let k = 0; k < n; k++) {
            m[k] = s.beta1 * m[k] + (1 - s.beta1) * g[k];
            v[k] = s.beta2 * v[k] + (1 - s.beta2) * g[k] * g[k];
            p[k] -= (lr * (m[k] / c1)) / (Math.sqrt(v[k] / c2) + s.epsilon);
          }
          break;
      }
    }
  }

  /** Forgets the moments (after weights are set by hand, or moved between backends). */
  reset(): void {
    this.t = 0;
    this.m = [];
    this.v = [];
  }
}

/** The same updates on TF.js variables, each in one `tf.tidy`. */
export class TfOptimizer {
  private t = 0;
  private m: tf.Variable[] = [];
  private v: tf.Variable[] = [];
  constructor(readonly name: OptimizerName) {}

  /** Applies one update; `grads[i]` is the gradient of `vars[i]`. */
  apply(vars: tf.Variable[], grads: tf.Tensor[], s: OptimizerSettings): void {
    if (this.m.length !== vars.length && this.name !== 'sgd') {
      this.dispose();
      this.m = tf.tidy(() => vars.map((x) => tf.variable(tf.zerosLike(x), false)));
      this.v = tf.tidy(() => vars.map((x) => tf.variable(tf.zerosLike(x), false)));
    }
    this.t++;
    const lr = s.learningRate;
    const c1 = 1 - Math.pow(s.beta1, this.t);
    const c2 = 1 - Math.pow(s.beta2, this.t);
    tf.tidy(() => {
      for (let i = 0; i < vars.length; i++) {
        const p = vars[i], g = grads[i];
        switch (this.name) {
          case 'sgd':
            p.assign(p.sub(g.mul(lr)));
            break;
          case 'momentum': {
            const m = this.m[i].mul(s.momentum).sub(g.mul(lr));
            this.m[i].assign(m);
            p.assign(p.add(m));
            break;
          }
          case 'rmsprop': {
            const v = this.v[i].mul(s.rho).add(g.square().mul(1 - s.rho));
            this.v[i].assign(v);
            p.assign(p.sub(g.mul(lr).div(v.sqrt().add(s.epsilon))));
            break;
          }
          case 'adam': {
            const m = this.m[i].mul(s.beta1).add(g.mul(1 - s.beta1));
            const v = this.v[i].mul(s.beta2).add(g.square().mul(1 - s.beta2));
            this.m[i].assign(m);
            this.v[i].assign(v);
            p.assign(p.sub(m.div(c1).mul(lr).div(v.div(c2).sqrt().add(s.epsilon))));
            break;
          }
        }
      }
    });
  }

  /** Frees the state variables and restarts the step count. */
  dispose(): void {
    for (const x of [...this.m, ...this.v]) x.dispose();
    this.m = [];
    this.v = [];
    this.t = 0;
  }
}
