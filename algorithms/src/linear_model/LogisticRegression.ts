import { ClassifierBase, readEstimatorJSON } from '../core/base';
import { jsonError, readArray, readClasses, readInt, readMatrix, readFiniteArray } from '../core/json';
import type { Matrix, MatrixLike, VectorLike } from '../core/matrix';
import type { ParamSpecs } from '../core/params';
import { checkArray, checkClassLabels, checkFeatureCount, checkFiniteResult } from '../core/validation';
import { lbfgs, type LbfgsState } from './_lbfgs';
import { binaryObjective, multinomialObjective } from './_logistic';
import { runToEnd } from '../core/steps';

/**
 * A typed matrix of finite float64 values as it is (the caller must not write to it), or null
 * when anything needs {@link checkArray}'s validation and copy (which also raises its errors).
 */
function finiteF64View(X: MatrixLike): Matrix | null {
  if (typeof X !== 'object' || X === null || Array.isArray(X)) return null;
  const { rows, cols, data } = X as { rows?: unknown; cols?: unknown; data?: unknown };
  if (!(data instanceof Float64Array) || !Number.isSafeInteger(rows) || !Number.isSafeInteger(cols)) return null;
  const r = rows as number;
  const c = cols as number;
  if (r < 1 || c < 1 || data.length !== r * c) return null;
  for (let k = 0; k < data.length; k++) if (data[k] - data[k] !== 0) return null;
  return { rows: r, cols: c, data };
}

/** Options of {@link LogisticRegression}, as scikit-learn's. */
export interface LogisticRegressionOptions {
  /** 'l2' adds ½‖W‖² (the intercept is not penalised); null (or 'none') fits the unpenalised likelihood. Default 'l2'. */
  penalty?: 'l2' | 'none' | null;
  /**
   * Inverse regularisation strength C > 0: the objective is C Σᵢ ℓᵢ + ½‖W‖², so a small C
   * means a strong penalty (the slides' λ is 1/C). Default 1.
   */
  C?: number;
  /** Fit intercepts b. Default true. */
  fitIntercept?: boolean;
  /** Most L-BFGS iterations. Default 100, as scikit-learn (raise it for unscaled data such as digits). */
  maxIter?: number;
  /** Stop once the largest gradient entry of C Σ ℓᵢ + ½‖W‖² is ≤ tol. Default 1e-4. */
  tol?: number;
  /**
   * 'multinomial' fits one softmax over all classes (scikit-learn 1.2's 'auto' choice with
   * lbfgs for more than 2 classes); 'ovr' fits one binary model per class. Two classes
   * always give a single binary model. Default 'auto'.
   */
  multiClass?: 'auto' | 'multinomial' | 'ovr';
  /** The optimiser. Only 'lbfgs', scikit-learn's default. */
  solver?: 'lbfgs';
}

/** One immutable snapshot of the L-BFGS fit. */
export interface LogisticRegressionStep {
  /** L-BFGS iterations so far (0 is the start, W = 0). For 'ovr', counted within the current class's model. */
  readonly iteration: number;
  /** For 'ovr': the class whose binary model is being fitted; else null. */
  readonly fittingClass: number | null;
  /** The weights: one row for a binary problem, one per class otherwise. */
  readonly coef: ReadonlyArray<readonly number[]>;
  /** The intercepts, one per row of coef. */
  readonly intercept: readonly number[];
  /** The mean penalised loss (1/n) Σ ℓᵢ + ‖W‖²/(2Cn). */
  readonly loss: number;
  /** The largest gradient entry of that mean loss. */
  readonly gradMax: number;
  readonly converged: boolean;
}

/** A fitted {@link LogisticRegression} as plain JSON. */
export interface LogisticRegressionJSON {
  estimator: 'LogisticRegression';
  options: LogisticRegressionOptions;
  classes: number[];
  coef: number[][];
  intercept: number[];
  nIter: number[];
}

const SPEC: ParamSpecs = {
  penalty: { type: 'enum', values: ['l2', 'none', null], default: 'l2', doc: "'l2' adds ½‖W‖² (the intercept is not penalised); null or 'none' fits the unpenalised likelihood." },
  C: { type: 'number', default: 1, min: 0, exclusiveMin: true, log: true, uiRange: [1e-4, 1e4], doc: 'Inverse regularisation strength C > 0 (the slides’ λ is 1/C).' },
  fitIntercept: { type: 'boolean', default: true, doc: 'Fit intercepts b.' },
  maxIter: { type: 'integer', default: 100, min: 1, max: 1e6, log: true, doc: 'Most L-BFGS iterations.' },
  tol: { type: 'number', default: 1e-4, min: 0, log: true, uiRange: [1e-8, 1e-1], doc: 'Stop once the largest gradient entry is ≤ tol.' },
  multiClass: { type: 'enum', values: ['auto', 'multinomial', 'ovr'], default: 'auto', doc: "'multinomial' (softmax) or 'ovr' (one binary model per class); 'auto' is multinomial." },
  solver: { type: 'enum', values: ['lbfgs'], default: 'lbfgs', doc: "The optimiser: only 'lbfgs'." },
};

interface Fitted {
  classes: number[];
  coef: number[][];
  intercept: number[];
  nIter: number[];
}

/** σ(z) = 1/(1 + e⁻ᶻ), stable for large |z|. */
function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * Logistic regression, a linear classifier with probabilities, as scikit-learn's with the
 * default 'lbfgs' solver. Two classes: P(y = c₁ | x) = σ(w·x + b). More classes:
 * multinomial, P(y = k | x) = softmax(Wx + b)ₖ (or one-vs-rest with multiClass 'ovr').
 * The weights minimise the penalised negative log-likelihood C Σᵢ ℓᵢ + ½‖W‖², here divided
 * by Cn for conditioning (same minimiser), by L-BFGS.
 */
export class LogisticRegression extends ClassifierBase<LogisticRegressionOptions, Fitted> {
  static override readonly estimatorName = 'LogisticRegression';
  /** The declared options (read by UIs for controls and by permalink decoders). */
  static override readonly paramSpec: ParamSpecs = SPEC;

  /** L-BFGS as a generator: one frozen snapshot per iteration. `fit` runs it to the end. */
  *fitSteps(X: MatrixLike, y: VectorLike): Generator<LogisticRegressionStep, this, undefined> {
    const o = this.options;
    const penalty = o.penalty === null ? 'none' : o.penalty;
    const { C, maxIter, tol, multiClass } = o;
    // The fit only reads X: under fit() a finite Float64Array matrix is read in place (no
    // validated copy, 16 MB at 100k × 20); a paused stepper keeps its own copy.
    const A = (this.draining && finiteF64View(X)) || checkArray(X);
    const { classes, yIndex } = checkClassLabels(y, A.rows);
    const n = A.rows;
    const d = A.cols;
    const K = classes.length;
    const lambda = penalty === 'l2' ? 1 / (C * n) : 0;
    // scikit-learn's tol bounds the gradient of C Σℓ + ½‖W‖² = Cn·f.
    const gtol = tol / (penalty === 'l2' ? C * n : n);
    const p = d + (o.fitIntercept ? 1 : 0);
    const unpack = (theta: Float64Array, rows: number) => {
      const coef: number[][] = [];
      const intercept: number[] = [];
      for (let k = 0; k < rows; k++) {
        coef.push(Array.from(theta.subarray(k * d, (k + 1) * d)));
        intercept.push(o.fitIntercept ? theta[rows * d + k] : 0);
      }
      return { coef, intercept };
    };
    const snapshot = (
      s: { iteration: number; x: Float64Array; f: number; gradMax: number; converged: boolean },
      rows: number,
      fittingClass: number | null,
      prefix?: { coef: number[][]; intercept: number[] },
    ): LogisticRegressionStep => {
      const u = unpack(s.x, rows);
      const coef = prefix ? [...prefix.coef, ...u.coef] : u.coef;
      const intercept = prefix ? [...prefix.intercept, ...u.intercept] : u.intercept;
      return Object.freeze({
        iteration: s.iteration,
        fittingClass,
        coef: Object.freeze(coef.map((r) => Object.freeze(r))),
        intercept: Object.freeze(intercept),
        loss: s.f,
        gradMax: s.gradMax,
        converged: s.converged,
      });
    };

    if (K === 2 || multiClass === 'ovr') {
      const models = K === 2 ? [1] : classes.map((_, k) => k);
      const done = { coef: [] as number[][], intercept: [] as number[] };
      const nIter: number[] = [];
      for (const k of models) {
        const t = new Uint8Array(n);
        for (let i = 0; i < n; i++) t[i] = yIndex[i] === k ? 1 : 0;
        const objective = binaryObjective(A, t, lambda, o.fitIntercept);
        const run = lbfgs(objective, new Float64Array(p), { maxIter, gtol, fScale: n });
        let last: LbfgsState = { iteration: 0, x: new Float64Array(p), f: 0, g: new Float64Array(p), gradMax: 0, converged: false };
        for (;;) {
          const r = run.next();
          if (r.done) break;
          last = r.value;
          yield snapshot(last, 1, K === 2 ? null : classes[k], done);
        }
        objective.release(); // its SIMD memory back to the pool
        const u = unpack(last.x, 1);
        done.coef.push(u.coef[0]);
        done.intercept.push(u.intercept[0]);
        nIter.push(last.iteration);
      }
      this.checkFit(done.coef, done.intercept);
      this.fitted = { classes, coef: done.coef, intercept: done.intercept, nIter };
    } else {
      const P = K * p;
      const run = lbfgs(multinomialObjective(A, yIndex, K, lambda, o.fitIntercept), new Float64Array(P), { maxIter, gtol, fScale: n });
      let last: LbfgsState = { iteration: 0, x: new Float64Array(P), f: 0, g: new Float64Array(P), gradMax: 0, converged: false };
      for (;;) {
        const r = run.next();
        if (r.done) break;
        last = r.value;
        yield snapshot(last, K, null);
      }
      const u = unpack(last.x, K);
      this.checkFit(u.coef, u.intercept);
      this.fitted = { classes, coef: u.coef, intercept: u.intercept, nIter: [last.iteration] };
    }
    return this;
  }

  /** True while {@link fit} drains {@link fitSteps} (synchronously: X cannot change meanwhile). */
  private draining = false;

  /** Runs {@link fitSteps} to the end and returns this estimator. */
  fit(X: MatrixLike, y: VectorLike): this {
    this.draining = true;
    try {
      return runToEnd(this.fitSteps(X, y));
    } finally {
      this.draining = false;
    }
  }

  /** Finite inputs of order 1e154 and more overflow the likelihood: say so rather than keep NaN weights. */
  private checkFit(coef: number[][], intercept: number[]): void {
    checkFiniteResult(coef, 'LogisticRegression coefficients');
    checkFiniteResult(intercept, 'LogisticRegression intercept');
  }

  /** Weights: shape 1×d for two classes (the positive class is classes[1]), K×d otherwise. */
  get coef(): number[][] {
    return this.model.coef;
  }

  /** Intercepts, one per row of coef. */
  get intercept(): number[] {
    return this.model.intercept;
  }

  /** L-BFGS iterations, one entry per binary model ('ovr') or a single one. */
  get nIter(): number[] {
    return this.model.nIter;
  }

  /** Number of features seen in fit. */
  get nFeaturesIn(): number {
    return this.model.coef[0].length;
  }

  private scores(X: MatrixLike): { Z: number[][]; n: number } {
    const A = checkArray(X);
    checkFeatureCount(A, this.nFeaturesIn);
    const { coef, intercept } = this.model;
    const Z: number[][] = [];
    for (let i = 0; i < A.rows; i++) {
      const o = i * A.cols;
      Z.push(
        coef.map((w, k) => {
          let s = intercept[k];
          for (let j = 0; j < w.length; j++) s += w[j] * A.data[o + j];
          return s;
        }),
      );
    }
    checkFiniteResult(Z, 'LogisticRegression decision function');
    return { Z, n: A.rows };
  }

  /**
   * The confidence scores z = Wx + b: one number per sample for two classes (positive
   * means classes[1]), else one row of K scores per sample, as scikit-learn.
   */
  decisionFunction(X: MatrixLike): number[] | number[][] {
    const { Z } = this.scores(X);
    return this.model.coef.length === 1 ? Z.map((r) => r[0]) : Z;
  }

  /**
   * Class probabilities, one row per sample, columns in the order of `classes`:
   * [1 − σ(z), σ(z)] for two classes, softmax(z) for multinomial, and the one-vs-rest
   * sigmoids normalised to sum to 1 for 'ovr'.
   */
  predictProba(X: MatrixLike): number[][] {
    const { Z } = this.scores(X);
    if (this.model.coef.length === 1) return Z.map(([z]) => [1 - sigmoid(z), sigmoid(z)]);
    const ovr = this.options.multiClass === 'ovr';
    return Z.map((z) => {
      let e: number[];
      if (ovr) e = z.map(sigmoid);
      else {
        const m = Math.max(...z);
        e = z.map((v) => Math.exp(v - m));
      }
      const s = e.reduce((a, b) => a + b, 0);
      return e.map((v) => v / s);
    });
  }

  /** log P(y = k | x), as scikit-learn's predict_log_proba. */
  predictLogProba(X: MatrixLike): number[][] {
    return this.predictProba(X).map((r) => r.map(Math.log));
  }

  /** The most probable class of each sample. */
  predict(X: MatrixLike): number[] {
    const { Z } = this.scores(X);
    const { classes } = this.model;
    if (this.model.coef.length === 1) return Z.map(([z]) => (z > 0 ? classes[1] : classes[0]));
    return Z.map((z) => {
      let best = 0;
      for (let k = 1; k < z.length; k++) if (z[k] > z[best]) best = k;
      return classes[best];
    });
  }

  /** The fitted model as plain JSON ({ estimator, options, …fitted }), for permalinks and export. */
  toJSON(): LogisticRegressionJSON {
    const m = this.model;
    return {
      ...this.jsonHeader(),
      estimator: 'LogisticRegression',
      classes: [...m.classes],
      coef: m.coef.map((r) => [...r]),
      intercept: [...m.intercept],
      nIter: [...m.nIter],
    };
  }

  /** Rebuilds a fitted model from {@link toJSON}'s output, validating every field and their shapes. */
  static fromJSON(json: unknown): LogisticRegression {
    const { doc, model } = readEstimatorJSON(json, LogisticRegression);
    const classes = readClasses(doc.classes, 'json.classes');
    const K = classes.length;
    // Two classes: one row (positive class classes[1]); more: one row per class.
    const rows = K === 2 ? 1 : K;
    const coef = readMatrix(doc.coef, 'json.coef', rows);
    if (coef[0].length === 0) throw jsonError('json.coef[0]', 'empty', 'has no weights; expected one per feature');
    const intercept = readFiniteArray(doc.intercept, 'json.intercept', rows);
    const nIter = readArray(doc.nIter, 'json.nIter', (v, p) => readInt(v, p), { minLength: 1, maxLength: K });
    model.fitted = { classes, coef, intercept, nIter };
    return model;
  }
}
