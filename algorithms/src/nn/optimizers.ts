/**
 * The optimisers on TF.js variables: the same formulas as {@link PlainOptimizer} (see
 * `plainOptimizer.ts`), each update in one `tf.tidy`.
 */
import * as tf from '@tensorflow/tfjs';
import type { OptimizerName, OptimizerSettings } from './plainOptimizer';

export { PlainOptimizer, OPTIMIZERS, DEFAULT_OPTIMIZER_SETTINGS } from './plainOptimizer';
export type { OptimizerName, OptimizerSettings } from './plainOptimizer';

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
