/**
 * The four optimisers of the course, written once as formulas and used by both engines
 * (plain Float64Array here, TF.js variables in `optimizers.ts`), so that they step identically.
 * This file imports no TF.js.
 *
 * With gradient g, learning rate η and step count t (from 1):
 * - SGD:      θ ← θ − η g
 * - momentum: p ← α p − η g;  θ ← θ + p                       (the slides' form, α = momentum)
 * - RMSprop:  s ← ρ s + (1 − ρ) g²;  θ ← θ − η g / (√s + ε)
 * - Adam:     m ← β₁ m + (1 − β₁) g;  v ← β₂ v + (1 − β₂) g²;
 *             θ ← θ − η m̂ / (√v̂ + ε),  m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)
 */

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
