import { readEstimatorJSON } from '../core/base';
import { ValidationError } from '../core/errors';
import { readInt } from '../core/json';
import type { MatrixLike, VectorLike } from '../core/matrix';
import type { ParamSpecs } from '../core/params';
import { checkRandomState, type RandomStateLike } from '../core/random';
import { checkXy } from '../core/validation';
import { LinearRegressorBase, readLinearJSON } from './_base';
import { runToEnd } from '../core/steps';

/** Per-sample losses of {@link SGDRegressor}. */
export type SGDRegressorLoss = 'squared_error' | 'huber' | 'epsilon_insensitive';
/** Step-size schedules of {@link SGDRegressor}. */
export type SGDLearningRate = 'constant' | 'optimal' | 'invscaling' | 'adaptive';

/** Options of {@link SGDRegressor}, as scikit-learn's. */
export interface SGDRegressorOptions {
  /** Per-sample loss: ½(ŷ − y)² ('squared_error'), Huber, or ε-insensitive. Default 'squared_error'. */
  loss?: SGDRegressorLoss;
  /** Penalty on θ: 'l2' (½‖θ‖²), 'l1', 'elasticnet', or null for none. Default 'l2'. */
  penalty?: 'l2' | 'l1' | 'elasticnet' | null;
  /** Penalty strength α ≥ 0. Default 1e-4. */
  alpha?: number;
  /** L1 share for penalty 'elasticnet'. Default 0.15. */
  l1Ratio?: number;
  /** Fit an intercept b. Default true. */
  fitIntercept?: boolean;
  /** Most epochs (passes over the data). Default 1000. */
  maxIter?: number;
  /**
   * Stop once the epoch's summed loss has failed to drop below best − tol·n for
   * `nIterNoChange` epochs in a row; null never stops early. Default 1e-3.
   */
  tol?: number | null;
  /** Reshuffle the samples every epoch. Default true. */
  shuffle?: boolean;
  /** ε of the 'huber' and 'epsilon_insensitive' losses. Default 0.1. */
  epsilon?: number;
  /** Seed for the shuffle. Default 0. */
  randomState?: RandomStateLike;
  /**
   * Step size η schedule, with t the number of samples seen (from 1):
   * 'constant' η = η₀; 'invscaling' η = η₀ / t^powerT; 'optimal' η = 1/(α(t₀ + t − 1))
   * (Bottou's heuristic t₀); 'adaptive' η = η₀, divided by 5 whenever the loss stalls.
   * Default 'invscaling' (scikit-learn's; the slides' plain SGD is 'constant').
   */
  learningRate?: SGDLearningRate;
  /** The initial step η₀ > 0. Default 0.01. */
  eta0?: number;
  /** The exponent of 'invscaling'. Default 0.25. */
  powerT?: number;
  /** Epochs without improvement before stopping (or shrinking η for 'adaptive'). Default 5. */
  nIterNoChange?: number;
}

/** One immutable snapshot of SGD, at the end of an epoch. */
export interface SGDRegressorStep {
  /** Epochs completed. */
  readonly epoch: number;
  /** Samples seen so far (scikit-learn's t_ − 1). */
  readonly nUpdates: number;
  /** θ at the end of this epoch. */
  readonly coef: readonly number[];
  /** b at the end of this epoch. */
  readonly intercept: number;
  /** The mean per-sample loss accumulated over this epoch (before each sample's update). */
  readonly loss: number;
  /** The step size η in use at the end of the epoch. */
  readonly learningRate: number;
  /** Whether the stopping rule fired after this epoch. */
  readonly converged: boolean;
}

/** A fitted {@link SGDRegressor} as plain JSON. */
export interface SGDRegressorJSON {
  estimator: 'SGDRegressor';
  options: Omit<SGDRegressorOptions, 'randomState'> & { randomState?: number };
  coef: number[];
  intercept: number;
  nIter: number;
  t: number;
}

const SPEC: ParamSpecs = {
  loss: { type: 'enum', values: ['squared_error', 'huber', 'epsilon_insensitive'], default: 'squared_error', doc: 'Per-sample loss.' },
  penalty: { type: 'enum', values: ['l2', 'l1', 'elasticnet', null], default: 'l2', doc: 'Penalty on θ, or null for none.' },
  alpha: { type: 'number', default: 1e-4, min: 0, log: true, uiRange: [1e-6, 1], doc: 'Penalty strength α ≥ 0.' },
  l1Ratio: { type: 'number', default: 0.15, min: 0, max: 1, doc: "L1 share for penalty 'elasticnet'." },
  fitIntercept: { type: 'boolean', default: true, doc: 'Fit an intercept b.' },
  maxIter: { type: 'integer', default: 1000, min: 1, max: 1e7, log: true, doc: 'Most epochs (passes over the data).' },
  tol: { type: 'number', default: 1e-3, min: 0, nullable: true, log: true, uiRange: [1e-6, 1], doc: 'Early-stopping tolerance on the epoch loss; null never stops early.' },
  shuffle: { type: 'boolean', default: true, doc: 'Reshuffle the samples every epoch.' },
  epsilon: { type: 'number', default: 0.1, min: 0, doc: "ε of the 'huber' and 'epsilon_insensitive' losses." },
  randomState: { type: 'randomState', default: undefined, doc: 'Seed for the shuffle.' },
  learningRate: { type: 'enum', values: ['constant', 'optimal', 'invscaling', 'adaptive'], default: 'invscaling', doc: 'Step size schedule.' },
  eta0: { type: 'number', default: 0.01, min: 0, exclusiveMin: true, log: true, uiRange: [1e-5, 1], doc: 'The initial step η₀ > 0.' },
  powerT: { type: 'number', default: 0.25, min: 0, doc: "The exponent of 'invscaling'." },
  nIterNoChange: { type: 'integer', default: 5, min: 1, max: 1e6, doc: 'Epochs without improvement before stopping (or shrinking η).' },
};

/** The loss ℓ(ŷ, y) and its derivative ∂ℓ/∂ŷ. */
function lossFns(kind: SGDRegressorLoss, eps: number): { loss: (p: number, y: number) => number; dloss: (p: number, y: number) => number } {
  switch (kind) {
    case 'huber':
      // Quadratic within ε of the target, linear beyond: robust to outliers.
      return {
        loss: (p, y) => {
          const r = Math.abs(y - p);
          return r <= eps ? 0.5 * r * r : eps * r - 0.5 * eps * eps;
        },
        dloss: (p, y) => {
          const r = y - p;
          return Math.abs(r) <= eps ? -r : r > 0 ? -eps : eps;
        },
      };
    case 'epsilon_insensitive':
      // max(0, |y − ŷ| − ε), the loss of support-vector regression.
      return {
        loss: (p, y) => Math.max(0, Math.abs(y - p) - eps),
        dloss: (p, y) => (y - p > eps ? -1 : p - y > eps ? 1 : 0),
      };
    default:
      return { loss: (p, y) => 0.5 * (p - y) ** 2, dloss: (p, y) => p - y };
  }
}

/**
 * Linear regression by stochastic gradient descent, one sample at a time, as scikit-learn's
 * SGDRegressor (plain SGD of Bottou). For each sample (xᵢ, yᵢ), with ŷ = θ·xᵢ + b and
 * g = ∂ℓ/∂ŷ:
 *   θ ← (1 − ηα(1 − ρ)) θ − η g xᵢ   (the factor is the L2 weight decay),
 *   b ← b − η g,
 * followed, for L1 penalties, by the cumulative truncated-gradient step of Tsuruoka et al.
 * (2009) that clips θⱼ at zero. Features should be standardised (see StandardScaler): a
 * single η has to suit every feature's scale.
 */
export class SGDRegressor extends LinearRegressorBase<SGDRegressorOptions, { coef: number[]; intercept: number; nIter: number; t: number }> {
  static override readonly estimatorName = 'SGDRegressor';
  /** The declared options (read by UIs for controls and by permalink decoders). */
  static override readonly paramSpec: ParamSpecs = SPEC;

  /** SGD as a generator: one frozen snapshot per epoch. `fit` runs it to the end. */
  *fitSteps(X: MatrixLike, y: VectorLike): Generator<SGDRegressorStep, this, undefined> {
    const o = this.options;
    const { loss: lossKind, learningRate: schedule, alpha, maxIter, tol, epsilon: eps, powerT, nIterNoChange: nNoChange } = o;
    const rho = o.penalty === 'l1' ? 1 : o.penalty === 'elasticnet' ? o.l1Ratio : 0;
    if (schedule === 'optimal' && !(alpha > 0)) throw new ValidationError('alpha', 'out-of-range', "must be > 0 with learningRate 'optimal' (η = 1/(α(t₀ + t)))");
    const { X: A, y: b } = checkXy(X, y);
    const n = A.rows;
    const d = A.cols;
    const rng = checkRandomState(o.randomState);
    const { loss, dloss } = lossFns(lossKind, eps);
    const penalised = o.penalty !== null;

    // Bottou's t₀ for 'optimal': the step a typical weight |θ| ≈ 1/√α would take at t = 1.
    let optimalInit = 0;
    if (schedule === 'optimal') {
      const typw = Math.sqrt(1 / Math.sqrt(alpha));
      const eta0 = typw / Math.max(1, Math.abs(dloss(-typw, 1)));
      optimalInit = 1 / (eta0 * alpha);
    }

    let zeroLoss = 0;
    for (let i = 0; i < n; i++) zeroLoss += loss(0, b[i]);
    zeroLoss = Math.max(zeroLoss, n);
    const w = new Float64Array(d);
    let intercept = 0;
    const q = new Float64Array(d); // L1 penalty actually applied to each θⱼ so far
    let u = 0; // L1 penalty that could have been applied so far
    let t = 1;
    let eta = o.eta0;
    let best = Infinity;
    let noImprovement = 0;
    const order = Array.from({ length: n }, (_, i) => i);
    let epoch = 0;
    for (; epoch < maxIter; ) {
      if (o.shuffle) rng.shuffle(order);
      let sumLoss = 0;
      for (const i of order) {
        const off = i * d;
        let p = intercept;
        for (let j = 0; j < d; j++) p += w[j] * A.data[off + j];
        if (schedule === 'optimal') eta = 1 / (alpha * (optimalInit + t - 1));
        else if (schedule === 'invscaling') eta = o.eta0 / t ** powerT;
        sumLoss += loss(p, b[i]);
        const g = Math.max(-1e12, Math.min(1e12, dloss(p, b[i])));
        const update = -eta * g;
        if (penalised && rho < 1) {
          const decay = Math.max(0, 1 - (1 - rho) * eta * alpha);
          for (let j = 0; j < d; j++) w[j] *= decay;
        }
        if (update !== 0) {
          for (let j = 0; j < d; j++) w[j] += update * A.data[off + j];
          if (o.fitIntercept) intercept += update;
        }
        if (penalised && rho > 0) {
          // Truncated gradient with cumulative penalty: pull θⱼ towards 0 by what it is
          // owed (u ± qⱼ), never across 0.
          u += rho * eta * alpha;
          for (let j = 0; j < d; j++) {
            const z = w[j];
            if (z > 0) w[j] = Math.max(0, z - (u + q[j]));
            else if (z < 0) w[j] = Math.min(0, z + (u - q[j]));
            q[j] += w[j] - z;
          }
        }
        t++;
      }
      epoch++;
      let converged = false;
      if (tol !== null) {
        noImprovement = sumLoss > best - tol * n ? noImprovement + 1 : 0;
        if (sumLoss < best) best = sumLoss;
        if (noImprovement >= nNoChange) {
          if (schedule === 'adaptive' && eta > 1e-6) {
            eta /= 5;
            noImprovement = 0;
          } else converged = true;
        }
      }
      // Divergence: non-finite weights (scikit-learn's error), or an epoch loss 10¹² times that
      // of the zero model, which the gradient clipping would otherwise keep finite but useless.
      if (!Number.isFinite(sumLoss) || sumLoss > 1e12 * zeroLoss || w.some((v) => !Number.isFinite(v)) || !Number.isFinite(intercept)) {
        throw new ValidationError('eta0', 'out-of-range', `SGD diverged in epoch ${epoch} (the loss exploded): lower eta0 or standardise the features`);
      }
      yield Object.freeze({
        epoch,
        nUpdates: t - 1,
        coef: Object.freeze(Array.from(w)),
        intercept,
        loss: sumLoss / n,
        learningRate: eta,
        converged,
      });
      if (converged) break;
    }
    this.checkFit(w, intercept);
    this.fitted = { coef: Array.from(w), intercept, nIter: epoch, t };
    return this;
  }

  /** Runs {@link fitSteps} to the end and returns this estimator. */
  fit(X: MatrixLike, y: VectorLike): this {
    return runToEnd(this.fitSteps(X, y));
  }

  /** Epochs run. */
  get nIter(): number {
    return this.model.nIter;
  }

  /** Number of weight updates plus one, as scikit-learn's t_. */
  get t(): number {
    return this.model.t;
  }

  /** The fitted model as plain JSON ({ estimator, options, …fitted }), for permalinks and export. */
  toJSON(): SGDRegressorJSON {
    const m = this.model;
    return { ...this.jsonHeader(), estimator: 'SGDRegressor', coef: [...m.coef], intercept: m.intercept, nIter: m.nIter, t: m.t };
  }

  /** Rebuilds a fitted model from {@link toJSON}'s output, validating every field. */
  static fromJSON(json: unknown): SGDRegressor {
    const { doc, model } = readEstimatorJSON(json, SGDRegressor);
    model.fitted = { ...readLinearJSON(doc), nIter: readInt(doc.nIter, 'json.nIter'), t: readInt(doc.t, 'json.t', 1) };
    return model;
  }
}
