import { ClassifierBase, readEstimatorJSON } from '../core/base';
import { jsonError, readClasses, readFiniteArray, readInt, readMatrix } from '../core/json';
import type { MatrixLike, VectorLike } from '../core/matrix';
import type { ParamSpecs } from '../core/params';
import { checkRandomState, type RandomStateLike } from '../core/random';
import { checkArray, checkClassLabels, checkFeatureCount, checkFiniteResult } from '../core/validation';
import { runToEnd } from '../core/steps';

/** Options of {@link LinearSVC}, as scikit-learn's (penalty l2, dual formulation). */
export interface LinearSVCOptions {
  /** Penalty C > 0 on the loss term. Default 1. */
  C?: number;
  /**
   * 'hinge', max(0, 1 − y f(x)), as the slides teach, or 'squared_hinge', max(0, 1 − y f(x))²,
   * scikit-learn's default. Default 'squared_hinge' (as scikit-learn); pass 'hinge' for the slides' SVM.
   */
  loss?: 'hinge' | 'squared_hinge';
  /** Stop when the projected-gradient spread max PG − min PG of an epoch falls below tol. Default 1e-4. */
  tol?: number;
  /** Most epochs (passes over the samples) per binary problem. Default 1000. */
  maxIter?: number;
  /** Learn an intercept b, as the weight of a constant feature of value interceptScaling (so b is penalised too, as liblinear). Default true. */
  fitIntercept?: boolean;
  /** The constant feature's value; larger values penalise b less. Default 1. */
  interceptScaling?: number;
  /** Seed of the order in which each epoch visits the samples. Default 0. */
  randomState?: RandomStateLike;
}

/** One immutable snapshot of {@link LinearSVC.fitSteps}: one epoch of dual coordinate descent. */
export interface LinearSVCStep {
  /** Which one-vs-rest problem (0 for two classes). */
  readonly classIndex: number;
  /** The class scored positive by this problem. */
  readonly positiveClass: number;
  /** Epochs so far in this problem. */
  readonly epoch: number;
  /** w of this problem after the epoch. */
  readonly coef: readonly number[];
  /** b of this problem after the epoch. */
  readonly intercept: number;
  /** max PG − min PG over the epoch; the problem is solved when it is below tol. */
  readonly gap: number;
  /** True on the last snapshot of the problem. */
  readonly done: boolean;
}

/** A fitted {@link LinearSVC} as plain JSON. */
export interface LinearSVCJSON {
  estimator: 'LinearSVC';
  options: LinearSVCOptions;
  classes: number[];
  coef: number[][];
  intercept: number[];
  nIter: number;
}

const SPEC: ParamSpecs = {
  C: { type: 'number', default: 1, min: 0, exclusiveMin: true, log: true, uiRange: [1e-3, 1e3], doc: 'Penalty C > 0 on the loss term.' },
  loss: { type: 'enum', values: ['hinge', 'squared_hinge'], default: 'squared_hinge', doc: "'hinge' (the slides') or 'squared_hinge' (scikit-learn's default)." },
  tol: { type: 'number', default: 1e-4, min: 0, exclusiveMin: true, log: true, uiRange: [1e-8, 1e-1], doc: 'Stop when the projected-gradient spread of an epoch is below tol.' },
  maxIter: { type: 'integer', default: 1000, min: 1, max: 1e7, log: true, doc: 'Most epochs per binary problem.' },
  fitIntercept: { type: 'boolean', default: true, doc: 'Learn an intercept b (the weight of a constant feature).' },
  interceptScaling: { type: 'number', default: 1, min: 0, exclusiveMin: true, doc: "The constant feature's value; larger values penalise b less." },
  randomState: { type: 'randomState', default: 0, doc: 'Seed of the order in which each epoch visits the samples.' },
};

interface Fitted {
  classes: number[];
  coef: number[][];
  intercept: number[];
  nIter: number;
}

/**
 * A linear SVM, f(x) = w·x + b, trained as scikit-learn's LinearSVC (liblinear) by dual
 * coordinate descent (Hsieh et al. 2008) on
 *
 *   min_w ½‖w‖² + C Σᵢ max(0, 1 − yᵢ w·xᵢ)       (hinge, the slides' loss plus the ½‖w‖² margin term)
 *   min_w ½‖w‖² + C Σᵢ max(0, 1 − yᵢ w·xᵢ)²      (squared_hinge)
 *
 * whose dual is min_α ½αᵀQ̄α − Σαᵢ, 0 ≤ αᵢ ≤ U, with Q̄ = Q + D (Qᵢⱼ = yᵢyⱼxᵢ·xⱼ; hinge: D = 0,
 * U = C; squared hinge: D = I/2C, U = ∞). With w = Σ yᵢαᵢxᵢ kept up to date, one coordinate
 * step is αᵢ ← clip(αᵢ − Gᵢ/Q̄ᵢᵢ, 0, U) with Gᵢ = yᵢ w·xᵢ − 1 + Dᵢᵢαᵢ: O(d) per sample.
 * Multi-class is one-vs-rest. The intercept is the weight of a constant feature, so it is
 * regularised, as in liblinear (scikit-learn's LinearSVC).
 *
 * @example
 * const svm = new LinearSVC({ loss: 'hinge', C: 1 }).fit(X, y);
 * svm.coef; svm.intercept;
 */
export class LinearSVC extends ClassifierBase<LinearSVCOptions, Fitted> {
  static override readonly estimatorName = 'LinearSVC';
  /** The declared options (read by UIs for controls and by permalink decoders). */
  static override readonly paramSpec: ParamSpecs = SPEC;

  /**
   * Trains by dual coordinate descent, yielding a frozen snapshot after every epoch of every
   * one-vs-rest problem. `fit` runs this generator to the end.
   */
  *fitSteps(X: MatrixLike, y: VectorLike): Generator<LinearSVCStep, this, undefined> {
    const A = checkArray(X);
    const { classes, yIndex } = checkClassLabels(y, A.rows);
    const o = this.options;
    const { C, loss, tol, maxIter } = o;
    const B = o.fitIntercept ? o.interceptScaling : 0;
    const rng = checkRandomState(o.randomState);
    const n = A.rows;
    const d = A.cols;
    const X0 = A.data;
    const hinge = loss === 'hinge';
    const diag = hinge ? 0 : 0.5 / C;
    const upper = hinge ? C : Infinity;
    // Q̄ᵢᵢ = ‖xᵢ‖² + B² + Dᵢᵢ.
    const QD = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = B * B + diag;
      for (let k = 0; k < d; k++) s += X0[i * d + k] ** 2;
      QD[i] = s;
    }
    const K = classes.length;
    const problems = K === 2 ? [1] : classes.map((_, k) => k);
    const coef: number[][] = [];
    const intercept: number[] = [];
    let nIterMax = 0;
    const w = new Float64Array(d + 1); // w[d] is the intercept feature's weight
    const alpha = new Float64Array(n);
    const ys = new Float64Array(n);
    const index = new Int32Array(n);

    for (let pi = 0; pi < problems.length; pi++) {
      const pos = problems[pi];
      for (let i = 0; i < n; i++) ys[i] = yIndex[i] === pos ? 1 : -1;
      w.fill(0);
      alpha.fill(0);
      for (let i = 0; i < n; i++) index[i] = i;
      let activeSize = n;
      let PGmaxOld = Infinity;
      let PGminOld = -Infinity;
      let iter = 0;
      let done = false;
      while (!done) {
        let PGmaxNew = -Infinity;
        let PGminNew = Infinity;
        // Visit the active samples in a random order.
        for (let s = 0; s < activeSize; s++) {
          const j = s + rng.randint(activeSize - s);
          const t = index[s];
          index[s] = index[j];
          index[j] = t;
        }
        for (let s = 0; s < activeSize; s++) {
          const i = index[s];
          const yi = ys[i];
          const o = i * d;
          let wx = w[d] * B;
          for (let k = 0; k < d; k++) wx += w[k] * X0[o + k];
          const G = yi * wx - 1 + alpha[i] * diag;
          let PG = 0;
          if (alpha[i] === 0) {
            if (G > PGmaxOld) {
              // Shrink: at the lower bound and likely to stay there.
              activeSize--;
              index[s] = index[activeSize];
              index[activeSize] = i;
              s--;
              continue;
            } else if (G < 0) PG = G;
          } else if (alpha[i] === upper) {
            if (G < PGminOld) {
              activeSize--;
              index[s] = index[activeSize];
              index[activeSize] = i;
              s--;
              continue;
            } else if (G > 0) PG = G;
          } else PG = G;
          if (PG > PGmaxNew) PGmaxNew = PG;
          if (PG < PGminNew) PGminNew = PG;
          if (Math.abs(PG) > 1e-12) {
            const old = alpha[i];
            alpha[i] = Math.min(Math.max(old - G / QD[i], 0), upper);
            const step = (alpha[i] - old) * yi;
            for (let k = 0; k < d; k++) w[k] += step * X0[o + k];
            w[d] += step * B;
          }
        }
        iter++;
        let converged = false;
        if (PGmaxNew - PGminNew <= tol) {
          if (activeSize === n) converged = true;
          else {
            // Converged on the active set: check all samples again before stopping.
            activeSize = n;
            PGmaxOld = Infinity;
            PGminOld = -Infinity;
          }
        } else {
          PGmaxOld = PGmaxNew <= 0 ? Infinity : PGmaxNew;
          PGminOld = PGminNew >= 0 ? -Infinity : PGminNew;
        }
        done = converged || iter >= maxIter;
        yield Object.freeze({
          classIndex: pi,
          positiveClass: classes[pos],
          epoch: iter,
          coef: Object.freeze(Array.from(w.subarray(0, d))),
          intercept: w[d] * B,
          gap: PGmaxNew - PGminNew,
          done,
        });
      }
      nIterMax = Math.max(nIterMax, iter);
      checkFiniteResult(w, 'LinearSVC coefficients');
      coef.push(Array.from(w.subarray(0, d)));
      intercept.push(w[d] * B);
    }
    this.fitted = { classes, coef, intercept, nIter: nIterMax };
    return this;
  }

  /** Trains and returns this estimator. */
  fit(X: MatrixLike, y: VectorLike): this {
    return runToEnd(this.fitSteps(X, y));
  }

  /** w per one-vs-rest problem: one row for two classes (positive for classes[1]), else one per class. */
  get coef(): number[][] {
    return this.model.coef.map((r) => [...r]);
  }

  /** b per one-vs-rest problem. */
  get intercept(): number[] {
    return [...this.model.intercept];
  }

  /** Most epochs any problem took (scikit-learn's n_iter_). */
  get nIter(): number {
    return this.model.nIter;
  }

  /** Number of features seen in fit. */
  get nFeaturesIn(): number {
    return this.model.coef[0].length;
  }

  /** f(x) = w·x + b: one value per sample for two classes (positive for classes[1]), else one per class. */
  decisionFunction(X: MatrixLike): number[] | number[][] {
    const A = checkArray(X);
    checkFeatureCount(A, this.nFeaturesIn);
    const { coef, intercept } = this.model;
    const d = A.cols;
    const rows = Array.from({ length: A.rows }, (_, i) =>
      coef.map((w, k) => {
        let s = intercept[k];
        for (let j = 0; j < d; j++) s += w[j] * A.data[i * d + j];
        return s;
      }),
    );
    checkFiniteResult(rows, 'LinearSVC decision function');
    return coef.length === 1 ? rows.map((r) => r[0]) : rows;
  }

  /** The class of largest decision value (two classes: classes[1] where f(x) > 0). */
  predict(X: MatrixLike): number[] {
    const { classes } = this.model;
    const f = this.decisionFunction(X);
    return f.map((v) => {
      if (typeof v === 'number') return classes[v > 0 ? 1 : 0];
      let best = 0;
      for (let k = 1; k < v.length; k++) if (v[k] > v[best]) best = k;
      return classes[best];
    });
  }

  /** The fitted model as plain JSON ({ estimator, options, …fitted }), for permalinks and export. */
  toJSON(): LinearSVCJSON {
    const m = this.model;
    return { ...this.jsonHeader(), estimator: 'LinearSVC', classes: [...m.classes], coef: this.coef, intercept: this.intercept, nIter: m.nIter };
  }

  /** Rebuilds a fitted model from {@link toJSON}'s output, validating every field and their shapes. */
  static fromJSON(json: unknown): LinearSVC {
    const { doc, model } = readEstimatorJSON(json, LinearSVC);
    const classes = readClasses(doc.classes, 'json.classes');
    const rows = classes.length === 2 ? 1 : classes.length;
    const coef = readMatrix(doc.coef, 'json.coef', rows);
    if (coef[0].length === 0) throw jsonError('json.coef[0]', 'empty', 'has no weights; expected one per feature');
    model.fitted = { classes, coef, intercept: readFiniteArray(doc.intercept, 'json.intercept', rows), nIter: readInt(doc.nIter, 'json.nIter') };
    return model;
  }
}
