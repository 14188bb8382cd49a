import { readEstimatorJSON } from '../core/base';
import { readInt, readNumber } from '../core/json';
import type { MatrixLike, VectorLike } from '../core/matrix';
import type { ParamSpecs } from '../core/params';
import { checkRandomState, type RandomStateLike } from '../core/random';
import { checkXy } from '../core/validation';
import { centerData, interceptFrom } from './_shared';
import { LinearRegressorBase, readLinearJSON } from './_base';
import { runToEnd } from '../core/steps';

/** Options of {@link ElasticNet} (and {@link Lasso}), as scikit-learn's. */
export interface ElasticNetOptions {
  /** Overall penalty strength α ≥ 0. Default 1. */
  alpha?: number;
  /** The L1 share ρ ∈ [0, 1]: 1 is the Lasso, 0 a ridge penalty. Default 0.5 (Lasso: always 1). */
  l1Ratio?: number;
  /** Fit an intercept b, which is never penalised. Default true. */
  fitIntercept?: boolean;
  /** Most passes over the coefficients. Default 1000. */
  maxIter?: number;
  /**
   * Stopping tolerance: once the largest coefficient change of a pass is below tol × max|θⱼ|,
   * the duality gap is computed and the fit stops when it is below tol × ‖ỹ‖². Default 1e-4.
   */
  tol?: number;
  /** Constrain the coefficients to θⱼ ≥ 0. Default false. */
  positive?: boolean;
  /** Visit the coordinates in order ('cyclic') or in a random order each pass ('random'). Default 'cyclic'. */
  selection?: 'cyclic' | 'random';
  /** Seed for selection 'random'. Default 0. */
  randomState?: RandomStateLike;
}

/** One immutable snapshot of coordinate descent, after a full pass over the coefficients. */
export interface ElasticNetStep {
  /** Passes made so far. */
  readonly iteration: number;
  /** θ after this pass. */
  readonly coef: readonly number[];
  /** b = ȳ − x̄·θ for this θ. */
  readonly intercept: number;
  /** The objective (1/(2n))‖ỹ − X̃θ‖² + αρ‖θ‖₁ + ½α(1−ρ)‖θ‖². */
  readonly loss: number;
  /** The largest |Δθⱼ| of this pass. */
  readonly maxCoefChange: number;
  /** The duality gap, when computed on this pass (else null). */
  readonly dualGap: number | null;
  /** Whether the stopping test passed on this pass. */
  readonly converged: boolean;
}

/** A fitted {@link ElasticNet} or {@link Lasso} as plain JSON. */
export interface ElasticNetJSON {
  estimator: 'ElasticNet' | 'Lasso';
  options: Omit<ElasticNetOptions, 'randomState'> & { randomState?: number };
  coef: number[];
  intercept: number;
  nIter: number;
  dualGap: number;
}

const ENET_SPEC: ParamSpecs = {
  alpha: { type: 'number', default: 1, min: 0, log: true, uiRange: [1e-3, 1e3], doc: 'Overall penalty strength α ≥ 0.' },
  l1Ratio: { type: 'number', default: 0.5, min: 0, max: 1, doc: 'The L1 share ρ ∈ [0, 1]: 1 is the Lasso, 0 a ridge penalty.' },
  fitIntercept: { type: 'boolean', default: true, doc: 'Fit an intercept b, which is never penalised.' },
  maxIter: { type: 'integer', default: 1000, min: 1, max: 1e7, log: true, doc: 'Most passes over the coefficients.' },
  tol: { type: 'number', default: 1e-4, min: 0, log: true, uiRange: [1e-8, 1e-1], doc: 'Stopping tolerance on the coefficient change and the duality gap.' },
  positive: { type: 'boolean', default: false, doc: 'Constrain the coefficients to θⱼ ≥ 0.' },
  selection: { type: 'enum', values: ['cyclic', 'random'], default: 'cyclic', doc: "Visit the coordinates in order ('cyclic') or in a random order each pass ('random')." },
  randomState: { type: 'randomState', default: undefined, doc: "Seed for selection 'random'." },
};

/** The ElasticNet spec without l1Ratio (always 1 for the Lasso). */
const LASSO_SPEC: ParamSpecs = Object.fromEntries(Object.entries(ENET_SPEC).filter(([k]) => k !== 'l1Ratio'));

/**
 * Linear regression with a combined L1 and L2 penalty, fitted by coordinate descent as
 * scikit-learn does. With n samples, ρ = l1Ratio, it minimises
 *   (1/(2n)) ‖y − Xθ − b‖² + αρ ‖θ‖₁ + ½ α(1 − ρ) ‖θ‖².
 *
 * Each coordinate step is exact: with the partial residual r = ỹ − Σ_{k≠j} X̃ₖθₖ,
 *   θⱼ ← S(X̃ⱼ·r, nαρ) / (‖X̃ⱼ‖² + nα(1 − ρ)),   S(z, λ) = sign(z) max(|z| − λ, 0),
 * the soft threshold that sets small coefficients exactly to zero (the Lasso's sparsity).
 * The intercept is handled by centring, b = ȳ − x̄·θ.
 */
export class ElasticNet extends LinearRegressorBase<ElasticNetOptions, { coef: number[]; intercept: number; nIter: number; dualGap: number }> {
  static override readonly estimatorName: string = 'ElasticNet';
  /** The declared options (read by UIs for controls and by permalink decoders). */
  static override readonly paramSpec: ParamSpecs = ENET_SPEC;

  /** The L1 share ρ in use (1 for the Lasso). */
  protected get rho(): number {
    return this.options.l1Ratio ?? 1;
  }

  /**
   * Coordinate descent as a generator: one frozen snapshot per pass over the
   * coefficients, so that a UI can draw the path of θ towards the sparse solution.
   */
  *fitSteps(X: MatrixLike, y: VectorLike): Generator<ElasticNetStep, this, undefined> {
    const o = this.options;
    const { alpha, maxIter, tol, selection } = o;
    const rho = this.rho;
    const { X: A, y: b } = checkXy(X, y);
    const { Xc, yc, xMean, yMean } = centerData(A, b, o.fitIntercept);
    const n = Xc.rows;
    const d = Xc.cols;
    const rng = checkRandomState(o.randomState);

    // Column-major copy: the inner loops walk one feature over all samples.
    const cols = new Float64Array(n * d);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) cols[j * n + i] = Xc.data[i * d + j];
    const normSq = new Float64Array(d);
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += cols[j * n + i] ** 2;
      normSq[j] = s;
    }
    const l1 = alpha * rho * n;
    const l2 = alpha * (1 - rho) * n;
    const w = new Float64Array(d);
    const R = Float64Array.from(yc); // residual ỹ − X̃θ, θ = 0 at the start
    let yy = 0;
    for (let i = 0; i < n; i++) yy += yc[i] * yc[i];
    const gapTol = tol * yy;

    const objective = () => {
      let rr = 0;
      for (let i = 0; i < n; i++) rr += R[i] * R[i];
      let a1 = 0;
      let a2 = 0;
      for (let j = 0; j < d; j++) {
        a1 += Math.abs(w[j]);
        a2 += w[j] * w[j];
      }
      return rr / (2 * n) + alpha * rho * a1 + 0.5 * alpha * (1 - rho) * a2;
    };

    // Duality gap of the n-scaled problem ½‖R‖² + l1‖θ‖₁ + ½l2‖θ‖², as scikit-learn's
    // enet_coordinate_descent computes it: a certificate that θ is within `gap` of optimal.
    const dualityGap = () => {
      let dualNorm = 0;
      for (let j = 0; j < d; j++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += cols[j * n + i] * R[i];
        const xta = s - l2 * w[j];
        dualNorm = Math.max(dualNorm, o.positive ? xta : Math.abs(xta));
      }
      let rNorm2 = 0;
      let ry = 0;
      for (let i = 0; i < n; i++) {
        rNorm2 += R[i] * R[i];
        ry += R[i] * yc[i];
      }
      let wNorm2 = 0;
      let l1Norm = 0;
      for (let j = 0; j < d; j++) {
        wNorm2 += w[j] * w[j];
        l1Norm += Math.abs(w[j]);
      }
      let gap: number;
      let c: number;
      if (dualNorm > l1) {
        c = l1 / dualNorm;
        gap = 0.5 * (rNorm2 + rNorm2 * c * c);
      } else {
        c = 1;
        gap = rNorm2;
      }
      return gap + l1 * l1Norm - c * ry + 0.5 * l2 * (1 + c * c) * wNorm2;
    };

    const order = Array.from({ length: d }, (_, j) => j);
    let nIter = 0;
    let gap = Infinity;
    for (let t = 0; t < maxIter; t++) {
      if (selection === 'random') rng.shuffle(order);
      let wMax = 0;
      let dwMax = 0;
      for (const j of order) {
        if (normSq[j] === 0) continue;
        const wj = w[j];
        const off = j * n;
        // r = R + X̃ⱼθⱼ (add back this coordinate), z = X̃ⱼ·r.
        let z = 0;
        for (let i = 0; i < n; i++) z += cols[off + i] * R[i];
        z += normSq[j] * wj;
        let next: number;
        if (o.positive && z < 0) next = 0;
        // (+ 0 turns the −0 of a negative z thresholded to zero into 0.)
        else next = (Math.sign(z) * Math.max(Math.abs(z) - l1, 0)) / (normSq[j] + l2) + 0;
        const delta = next - wj;
        if (delta !== 0) for (let i = 0; i < n; i++) R[i] -= delta * cols[off + i];
        w[j] = next;
        dwMax = Math.max(dwMax, Math.abs(delta));
        wMax = Math.max(wMax, Math.abs(next));
      }
      nIter = t + 1;
      let stepGap: number | null = null;
      let converged = false;
      if (wMax === 0 || dwMax / wMax < tol || t === maxIter - 1) {
        gap = dualityGap();
        stepGap = gap / n;
        converged = gap < gapTol;
      }
      const coef = Object.freeze(Array.from(w));
      yield Object.freeze({
        iteration: nIter,
        coef,
        intercept: o.fitIntercept ? interceptFrom(xMean, yMean, w) : 0,
        loss: objective(),
        maxCoefChange: dwMax,
        dualGap: stepGap,
        converged,
      });
      if (converged) break;
    }
    const intercept = o.fitIntercept ? interceptFrom(xMean, yMean, w) : 0;
    this.checkFit(w, intercept);
    this.fitted = {
      coef: Array.from(w),
      intercept,
      nIter,
      // The gap of the 1/n-scaled objective, the one stated in the class comment.
      dualGap: gap / n,
    };
    return this;
  }

  /** Runs {@link fitSteps} to the end and returns this estimator. */
  fit(X: MatrixLike, y: VectorLike): this {
    return runToEnd(this.fitSteps(X, y));
  }

  /** Passes over the coefficients that the fit took. */
  get nIter(): number {
    return this.model.nIter;
  }

  /** The final duality gap of the (1/n-scaled) objective. */
  get dualGap(): number {
    return this.model.dualGap;
  }

  /** The fitted model as plain JSON ({ estimator, options, …fitted }), for permalinks and export. */
  toJSON(): ElasticNetJSON {
    const m = this.model;
    return {
      ...this.jsonHeader(),
      estimator: this.estimatorName as 'ElasticNet' | 'Lasso',
      coef: [...m.coef],
      intercept: m.intercept,
      nIter: m.nIter,
      dualGap: m.dualGap,
    };
  }

  /** Rebuilds a fitted model (an ElasticNet, or a Lasso for a Lasso document) from {@link toJSON}'s output, validating every field. */
  static fromJSON(json: unknown): ElasticNet {
    const isLasso = typeof json === 'object' && json !== null && (json as { estimator?: unknown }).estimator === 'Lasso';
    const { doc, model } = isLasso ? readEstimatorJSON(json, Lasso) : readEstimatorJSON(json, ElasticNet);
    model.fitted = { ...readLinearJSON(doc), nIter: readInt(doc.nIter, 'json.nIter'), dualGap: readNumber(doc.dualGap, 'json.dualGap') };
    return model;
  }
}

/** Options of {@link Lasso}: those of {@link ElasticNet} without l1Ratio (always 1). */
export type LassoOptions = Omit<ElasticNetOptions, 'l1Ratio'>;

/**
 * The Lasso: least squares with an L1 penalty, (1/(2n)) ‖y − Xθ − b‖² + α ‖θ‖₁,
 * by coordinate descent. It is {@link ElasticNet} with l1Ratio = 1, as in scikit-learn.
 * Large α sets coefficients exactly to zero: a built-in feature selection.
 */
export class Lasso extends ElasticNet {
  static override readonly estimatorName: string = 'Lasso';
  /** The declared options: ElasticNet's without l1Ratio. */
  static override readonly paramSpec: ParamSpecs = LASSO_SPEC;

  constructor(options: LassoOptions = {}) {
    super(options);
  }

  protected override get rho(): number {
    return 1;
  }

  /** Rebuilds a fitted model from {@link toJSON}'s output, validating every field. */
  static override fromJSON(json: unknown): Lasso {
    const { doc, model } = readEstimatorJSON(json, Lasso);
    model.fitted = { ...readLinearJSON(doc), nIter: readInt(doc.nIter, 'json.nIter'), dualGap: readNumber(doc.dualGap, 'json.dualGap') };
    return model;
  }
}
