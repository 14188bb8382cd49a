import { ClassifierBase, readEstimatorJSON } from '../core/base';
import { ValidationError } from '../core/errors';
import { jsonError, readClasses, readFiniteArray, readIntArray, readMatrix, readNumber } from '../core/json';
import type { Matrix, MatrixLike, VectorLike } from '../core/matrix';
import type { ParamSpecs } from '../core/params';
import { checkArray, checkClassLabels, checkFeatureCount, checkFiniteResult, checkScalar } from '../core/validation';
import { KernelCache, kernelValue, rowSquaredNorms, type KernelParams, type SVCKernel } from './kernels';
import { SMOSolver } from './smo';
import { runToEnd } from '../core/steps';

/** Options of {@link SVC}, as scikit-learn's. */
export interface SVCOptions {
  /** Penalty C > 0 on the slack: larger C, fewer margin violations, narrower margin. Default 1. */
  C?: number;
  /** 'linear' x·x', 'rbf' exp(−γ‖x − x'‖²) or 'poly' (γ x·x' + coef0)^degree. Default 'rbf'. */
  kernel?: SVCKernel;
  /** Degree of the 'poly' kernel. Default 3. */
  degree?: number;
  /**
   * γ of the rbf and poly kernels: 'scale' = 1 / (nFeatures · Var(X)) over all entries of X,
   * 'auto' = 1 / nFeatures, or a number ≥ 0. The slides' rbf width σ is γ = 1/(2σ²). Default 'scale'.
   */
  gamma?: 'scale' | 'auto' | number;
  /** Constant term of the 'poly' kernel. Default 0. */
  coef0?: number;
  /** Set aside multipliers stuck at 0 or C during SMO (libsvm's shrinking heuristic). Default true. */
  shrinking?: boolean;
  /** Stop when the KKT gap m(α) − M(α) falls below tol. Default 1e-3. */
  tol?: number;
  /** Kernel-row cache size in megabytes. Default 200. */
  cacheSize?: number;
  /** Most SMO iterations per pair of classes; −1 for libsvm's cap of max(10⁷, 100·n). Default −1. */
  maxIter?: number;
  /**
   * Shape of `decisionFunction` with more than two classes: 'ovr' (one column per class:
   * votes plus a confidence in (−⅓, ⅓), as scikit-learn's default) or 'ovo' (one column per
   * pair of classes). Training is one-vs-one either way. Default 'ovr'.
   */
  decisionFunctionShape?: 'ovr' | 'ovo';
  /** With 'ovr' and more than two classes, break vote ties by the ovr decision values. Default false. */
  breakTies?: boolean;
}

/** Options of {@link SVC.fitSteps}. */
export interface SVCFitStepsOptions {
  /** Yield a snapshot every this many SMO iterations (and at the end of each pair); Infinity for the ends only. Default 1. */
  every?: number;
}

/**
 * One immutable snapshot of SVC's SMO: the dual solution of the pair of classes being
 * trained, after `iteration` pair updates. Its decision function is
 * f(x) = Σᵢ dualCoef[i]·K(xᵢ, x) + intercept, positive for `positiveClass`.
 */
export interface SVCStep {
  /** Which one-vs-one sub-problem (0 … nPairs−1, in scikit-learn's order (0,1), (0,2), …, (1,2), …). */
  readonly pairIndex: number;
  readonly nPairs: number;
  readonly positiveClass: number;
  readonly negativeClass: number;
  /** SMO iterations (pair updates) in this sub-problem so far. */
  readonly iteration: number;
  /** The two training samples (indices into X) updated last, or null before any. */
  readonly workingSet: readonly [number, number] | null;
  /** The KKT gap m(α) − M(α); the sub-problem is solved when it is below tol. */
  readonly gap: number;
  /** yᵢαᵢ (signed toward positiveClass) for every training sample, 0 outside this pair. */
  readonly dualCoef: readonly number[];
  /** b of this pair's decision function so far. */
  readonly intercept: number;
  /** Support vectors (αᵢ > 0) of this pair so far. */
  readonly nSupport: number;
  /** True on the last snapshot of the pair. */
  readonly done: boolean;
}

/** A fitted {@link SVC} as plain JSON. */
export interface SVCJSON {
  estimator: 'SVC';
  options: SVCOptions;
  classes: number[];
  gamma: number;
  supportVectors: number[][];
  support: number[];
  nSupport: number[];
  /** libsvm's orientation (pair (i, j) positive for class i), (nClasses − 1) × nSV. */
  svCoef: number[][];
  rho: number[];
  nIter: number[];
}

const SPEC: ParamSpecs = {
  C: { type: 'number', default: 1, min: 0, exclusiveMin: true, log: true, uiRange: [1e-3, 1e3], doc: 'Penalty C > 0 on the slack.' },
  kernel: { type: 'enum', values: ['linear', 'rbf', 'poly'], default: 'rbf', doc: "'linear', 'rbf' or 'poly'." },
  degree: { type: 'integer', default: 3, min: 0, max: 100, doc: "Degree of the 'poly' kernel." },
  gamma: { type: 'number', default: 'scale', min: 0, keywords: ['scale', 'auto'], log: true, uiRange: [1e-3, 1e3], doc: "γ of the rbf and poly kernels: 'scale', 'auto' or a number ≥ 0." },
  coef0: { type: 'number', default: 0, doc: "Constant term of the 'poly' kernel." },
  shrinking: { type: 'boolean', default: true, doc: "libsvm's shrinking heuristic." },
  tol: { type: 'number', default: 1e-3, min: 0, exclusiveMin: true, log: true, uiRange: [1e-6, 1e-1], doc: 'Stop when the KKT gap falls below tol.' },
  cacheSize: { type: 'number', default: 200, min: 0, exclusiveMin: true, max: 1e5, doc: 'Kernel-row cache size in megabytes.' },
  maxIter: { type: 'integer', default: -1, min: -1, max: 1e9, doc: "Most SMO iterations per pair of classes; −1 (or 0) for libsvm's cap." },
  decisionFunctionShape: { type: 'enum', values: ['ovr', 'ovo'], default: 'ovr', doc: "Shape of decisionFunction with more than two classes." },
  breakTies: { type: 'boolean', default: false, doc: 'Break vote ties by the ovr decision values.' },
};

interface Fitted {
  classes: number[];
  kp: KernelParams;
  /** Support vectors, grouped by class in class order, each group in training order. */
  sv: Matrix;
  svSq: Float64Array;
  support: number[];
  nSupport: number[];
  /** Start of each class's block of support vectors. */
  svStart: number[];
  /** libsvm's sv_coef, (K − 1) × nSV row-major. */
  svCoef: Float64Array;
  rho: Float64Array;
  nIter: number[];
}

/** Resolves the gamma option: 'scale' = 1/(d·Var(X)), 'auto' = 1/d, or the number. */
function resolveGamma(g: SVCOptions['gamma'], X: Matrix): number {
  if (g === 'auto') return 1 / X.cols;
  if (g === 'scale') {
    const N = X.data.length;
    let m = 0;
    for (let k = 0; k < N; k++) m += X.data[k];
    m /= N;
    let v = 0;
    for (let k = 0; k < N; k++) {
      const t = X.data[k] - m;
      v += t * t;
    }
    v /= N;
    checkFiniteResult(v, "the variance of X (for gamma 'scale')");
    return v > 0 ? 1 / (X.cols * v) : 1;
  }
  if (typeof g !== 'number') throw new ValidationError('gamma', 'bad-option', `must be 'scale', 'auto' or a number, got ${JSON.stringify(g)}`);
  return checkScalar(g, 'gamma', { min: 0 });
}

/**
 * C-support vector classification, as scikit-learn's SVC (libsvm): the soft-margin SVM
 *
 *   min_{w,b,ξ} ½‖w‖² + C Σᵢ ξᵢ  s.t.  yᵢ(w·φ(xᵢ) + b) ≥ 1 − ξᵢ, ξᵢ ≥ 0,
 *
 * which is the slides' hinge loss Σ max(0, 1 − yᵢf(xᵢ)) plus a ½‖w‖² penalty, solved in its
 * dual by SMO ({@link SMOSolver}), so that only kernel values K(xᵢ, xⱼ) = φ(xᵢ)·φ(xⱼ) are
 * needed. The decision function is f(x) = Σᵢ yᵢαᵢ K(xᵢ, x) + b; the samples with αᵢ > 0
 * are the support vectors.
 *
 * More than two classes are handled one-vs-one, as scikit-learn: one SVM per pair of
 * classes, and each sample goes to the class with most pairwise wins (the lowest class
 * index on ties).
 *
 * @example
 * const svc = new SVC({ kernel: 'rbf', C: 1, gamma: 'scale' }).fit(X, y);
 * svc.supportVectors; svc.predict(Xtest);
 */
export class SVC extends ClassifierBase<SVCOptions, Fitted> {
  static override readonly estimatorName = 'SVC';
  /** The declared options (read by UIs for controls and by permalink decoders). */
  static override readonly paramSpec: ParamSpecs = SPEC;

  /**
   * Trains the one-vs-one SVMs by SMO, yielding a frozen snapshot every `every` iterations
   * and at the end of each pair of classes. `fit` runs this generator to the end.
   */
  *fitSteps(X: MatrixLike, y: VectorLike, stepOptions: SVCFitStepsOptions = {}): Generator<SVCStep, this, undefined> {
    const A = checkArray(X);
    const { classes, yIndex } = checkClassLabels(y, A.rows);
    const o = this.options;
    const { C, kernel, degree, coef0, tol, cacheSize, maxIter: maxIterOpt } = o;
    const stepEvery = (stepOptions ?? {}).every;
    const every = stepEvery === undefined || stepEvery === Infinity ? (stepEvery ?? 1) : checkScalar(stepEvery, 'every', { min: 1, integer: true });
    const gamma = resolveGamma(o.gamma, A);
    const kp: KernelParams = { kernel, gamma, degree, coef0 };
    const n = A.rows;
    const K = classes.length;
    const cache = new KernelCache(A, kp, cacheSize);
    const maxIter = maxIterOpt > 0 ? maxIterOpt : Math.max(10_000_000, 100 * n);

    // Samples grouped by class, in training order within a class (libsvm's grouping).
    const byClass: number[][] = Array.from({ length: K }, () => []);
    for (let i = 0; i < n; i++) byClass[yIndex[i]].push(i);
    const nPairs = (K * (K - 1)) / 2;
    const pairCoef: Float64Array[] = [];
    const rho = new Float64Array(nPairs);
    const nIter: number[] = [];
    const nonzero = new Uint8Array(n);
    const binary = K === 2;

    let p = 0;
    for (let ci = 0; ci < K; ci++) {
      for (let cj = ci + 1; cj < K; cj++, p++) {
        const a = byClass[ci];
        const b = byClass[cj];
        const idx = Int32Array.from([...a, ...b]);
        const ys = new Float64Array(idx.length);
        ys.fill(1, 0, a.length);
        ys.fill(-1, a.length);
        const solver = new SMOSolver(cache, idx, ys, C, tol, o.shrinking, maxIter);
        // In the snapshots, as in decisionFunction, a binary problem is positive for classes[1].
        const sign = binary ? -1 : 1;
        const snap = (done: boolean): SVCStep => {
          const coef = new Array<number>(n).fill(0);
          let nsv = 0;
          for (let t = 0; t < idx.length; t++) {
            if (solver.alpha[t] > 0) {
              coef[idx[t]] = sign * ys[t] * solver.alpha[t];
              nsv++;
            }
          }
          return Object.freeze({
            pairIndex: p,
            nPairs,
            positiveClass: binary ? classes[1] : classes[ci],
            negativeClass: binary ? classes[0] : classes[cj],
            iteration: solver.iter,
            workingSet: solver.wi >= 0 ? Object.freeze([idx[solver.wi], idx[solver.wj]] as const) : null,
            gap: solver.gap,
            dualCoef: Object.freeze(coef),
            intercept: -sign * solver.rho(),
            nSupport: nsv,
            done,
          });
        };
        for (;;) {
          solver.run(every);
          if (solver.done) break;
          yield snap(false);
        }
        solver.release();
        rho[p] = solver.rho();
        const c = new Float64Array(idx.length);
        for (let t = 0; t < idx.length; t++) {
          c[t] = ys[t] * solver.alpha[t];
          if (solver.alpha[t] > 0) nonzero[idx[t]] = 1;
        }
        pairCoef.push(c);
        nIter.push(solver.iter);
        yield snap(true);
      }
    }

    // Assemble libsvm's model: support vectors grouped by class, sv_coef (K−1) × nSV with
    // pair (i, j)'s coefficients of class-i vectors in row j−1 and of class-j vectors in row i.
    const support: number[] = [];
    const nSupport: number[] = [];
    const svStart: number[] = [];
    const posInSV = new Int32Array(n).fill(-1);
    for (let c = 0; c < K; c++) {
      svStart.push(support.length);
      let cnt = 0;
      for (const i of byClass[c]) {
        if (nonzero[i]) {
          posInSV[i] = support.length;
          support.push(i);
          cnt++;
        }
      }
      nSupport.push(cnt);
    }
    const nSV = support.length;
    const svCoef = new Float64Array((K - 1) * nSV);
    p = 0;
    for (let ci = 0; ci < K; ci++) {
      for (let cj = ci + 1; cj < K; cj++, p++) {
        const a = byClass[ci];
        const b = byClass[cj];
        const c = pairCoef[p];
        for (let t = 0; t < a.length; t++) if (posInSV[a[t]] >= 0) svCoef[(cj - 1) * nSV + posInSV[a[t]]] = c[t];
        for (let t = 0; t < b.length; t++) if (posInSV[b[t]] >= 0) svCoef[ci * nSV + posInSV[b[t]]] = c[a.length + t];
      }
    }
    const sv: Matrix = { rows: nSV, cols: A.cols, data: new Float64Array(nSV * A.cols) };
    support.forEach((i, s) => sv.data.set(A.data.subarray(i * A.cols, (i + 1) * A.cols), s * A.cols));
    checkFiniteResult(rho, 'SVC intercepts');
    checkFiniteResult(svCoef, 'SVC dual coefficients');
    this.fitted = { classes, kp, sv, svSq: rowSquaredNorms(sv), support, nSupport, svStart, svCoef, rho, nIter };
    return this;
  }

  /** Trains the SVMs and returns this estimator. */
  fit(X: MatrixLike, y: VectorLike): this {
    return runToEnd(this.fitSteps(X, y, { every: Infinity }));
  }

  /** Number of features seen in fit. */
  get nFeaturesIn(): number {
    return this.model.sv.cols;
  }

  /** The γ actually used (after resolving 'scale' or 'auto'). */
  get gamma(): number {
    return this.model.kp.gamma;
  }

  /** The support vectors, grouped by class (scikit-learn's support_vectors_). */
  get supportVectors(): number[][] {
    const { sv } = this.model;
    return Array.from({ length: sv.rows }, (_, s) => Array.from(sv.data.subarray(s * sv.cols, (s + 1) * sv.cols)));
  }

  /** Indices into the training set of the support vectors. */
  get support(): number[] {
    return [...this.model.support];
  }

  /** Support vectors per class. */
  get nSupport(): number[] {
    return [...this.model.nSupport];
  }

  /** SMO iterations per pair of classes (scikit-learn's n_iter_). */
  get nIter(): number[] {
    return [...this.model.nIter];
  }

  /**
   * yᵢαᵢ of each support vector, (nClasses − 1) × nSV, laid out as scikit-learn's dual_coef_.
   * For two classes the signs are flipped (as scikit-learn does) so that
   * Σ dualCoef·K(sv, x) + intercept > 0 means classes[1].
   */
  get dualCoef(): number[][] {
    const { svCoef, classes, sv } = this.model;
    const sign = classes.length === 2 ? -1 : 1;
    return Array.from({ length: classes.length - 1 }, (_, r) => Array.from(svCoef.subarray(r * sv.rows, (r + 1) * sv.rows), (v) => sign * v));
  }

  /** b of each pairwise decision function (one for two classes, flipped as dualCoef). */
  get intercept(): number[] {
    const { rho, classes } = this.model;
    return Array.from(rho, (r) => (classes.length === 2 ? r : -r));
  }

  /** w = Σ dualCoef·sv per pair of classes; only for the linear kernel (scikit-learn's coef_). */
  get coef(): number[][] {
    const m = this.model;
    if (m.kp.kernel !== 'linear') throw new ValidationError('coef', 'bad-option', `coef is only available with the linear kernel, not '${m.kp.kernel}'`);
    const K = m.classes.length;
    const d = m.sv.cols;
    const nSV = m.sv.rows;
    const out: number[][] = [];
    for (let ci = 0; ci < K; ci++) {
      for (let cj = ci + 1; cj < K; cj++) {
        const w = new Array<number>(d).fill(0);
        const add = (cls: number, row: number) => {
          const end = cls + 1 < K ? m.svStart[cls + 1] : nSV;
          for (let s = m.svStart[cls]; s < end; s++) {
            const c = m.svCoef[row * nSV + s];
            for (let k = 0; k < d; k++) w[k] += c * m.sv.data[s * d + k];
          }
        };
        add(ci, cj - 1);
        add(cj, ci);
        out.push(K === 2 ? w.map((v) => -v) : w);
      }
    }
    return out;
  }

  /** libsvm's pairwise decision values, Σ yᵢαᵢK(xᵢ, x) − ρ, positive for the pair's first class. */
  private ovo(X: MatrixLike): { dec: Float64Array; rows: number; nPairs: number } {
    const m = this.model;
    const A = checkArray(X);
    checkFeatureCount(A, this.nFeaturesIn);
    const K = m.classes.length;
    const nSV = m.sv.rows;
    const d = A.cols;
    const nPairs = (K * (K - 1)) / 2;
    const dec = new Float64Array(A.rows * nPairs);
    const kv = new Float64Array(nSV);
    const sq = rowSquaredNorms(A);
    const ends = m.svStart.map((_, c) => (c + 1 < K ? m.svStart[c + 1] : nSV));
    for (let i = 0; i < A.rows; i++) {
      for (let s = 0; s < nSV; s++) kv[s] = kernelValue(m.kp, A.data, i, m.sv.data, s, d, sq[i], m.svSq[s]);
      let p = 0;
      for (let ci = 0; ci < K; ci++) {
        for (let cj = ci + 1; cj < K; cj++, p++) {
          let sum = 0;
          let o = (cj - 1) * nSV;
          for (let s = m.svStart[ci]; s < ends[ci]; s++) sum += m.svCoef[o + s] * kv[s];
          o = ci * nSV;
          for (let s = m.svStart[cj]; s < ends[cj]; s++) sum += m.svCoef[o + s] * kv[s];
          dec[i * nPairs + p] = sum - m.rho[p];
        }
      }
    }
    // Linear and poly kernels of features of order 1e154 overflow.
    checkFiniteResult(dec, 'SVC decision function');
    return { dec, rows: A.rows, nPairs };
  }

  /**
   * The decision function, as scikit-learn's: for two classes one value per sample,
   * positive for classes[1]; for more, one row per sample, either one value per pair of
   * classes ('ovo', positive for the pair's first class) or, by default ('ovr'), per class
   * the number of pairwise wins plus a tie-breaking confidence Σ±f / (3(|Σ±f| + 1)).
   */
  decisionFunction(X: MatrixLike): number[] | number[][] {
    const { dec, rows, nPairs } = this.ovo(X);
    const K = this.model.classes.length;
    if (K === 2) return Array.from(dec, (v) => -v);
    if (this.options.decisionFunctionShape === 'ovo') return Array.from({ length: rows }, (_, i) => Array.from(dec.subarray(i * nPairs, (i + 1) * nPairs)));
    return Array.from({ length: rows }, (_, i) => ovrRow(dec, i * nPairs, K));
  }

  /** The class with most one-vs-one wins (ties: the lowest class, as libsvm; or see breakTies). */
  predict(X: MatrixLike): number[] {
    const { dec, rows, nPairs } = this.ovo(X);
    const { classes } = this.model;
    const K = classes.length;
    const out = new Array<number>(rows);
    const votes = new Int32Array(K);
    for (let i = 0; i < rows; i++) {
      if (this.options.breakTies && K > 2 && this.options.decisionFunctionShape === 'ovr') {
        const r = ovrRow(dec, i * nPairs, K);
        let best = 0;
        for (let k = 1; k < K; k++) if (r[k] > r[best]) best = k;
        out[i] = classes[best];
        continue;
      }
      votes.fill(0);
      let p = 0;
      for (let ci = 0; ci < K; ci++) for (let cj = ci + 1; cj < K; cj++, p++) votes[dec[i * nPairs + p] > 0 ? ci : cj]++;
      let best = 0;
      for (let k = 1; k < K; k++) if (votes[k] > votes[best]) best = k;
      out[i] = classes[best];
    }
    return out;
  }

  /** The fitted model as plain JSON ({ estimator, options, …fitted }), in libsvm's layout. */
  toJSON(): SVCJSON {
    const m = this.model;
    const nSV = m.sv.rows;
    return {
      ...this.jsonHeader(),
      estimator: 'SVC',
      classes: [...m.classes],
      gamma: m.kp.gamma,
      supportVectors: this.supportVectors,
      support: [...m.support],
      nSupport: [...m.nSupport],
      svCoef: Array.from({ length: m.classes.length - 1 }, (_, r) => Array.from(m.svCoef.subarray(r * nSV, (r + 1) * nSV))),
      rho: Array.from(m.rho),
      nIter: [...m.nIter],
    };
  }

  /**
   * Rebuilds a fitted model from {@link toJSON}'s output, validating every field and the
   * shapes that tie them: nSupport (one count per class) sums to the number of support
   * vectors, svCoef is (nClasses − 1) × nSV, rho and nIter have one entry per pair.
   */
  static fromJSON(json: unknown): SVC {
    const { doc, model: m } = readEstimatorJSON(json, SVC);
    const o = m.options;
    const classes = readClasses(doc.classes, 'json.classes');
    const K = classes.length;
    const nPairs = (K * (K - 1)) / 2;
    const nSupport = readIntArray(doc.nSupport, 'json.nSupport', K);
    const nSV = nSupport.reduce((a, b) => a + b, 0);
    if (nSV === 0) throw jsonError('json.nSupport', 'empty', 'counts no support vector');
    const rowsSV = readMatrix(doc.supportVectors, 'json.supportVectors', nSV);
    const d = rowsSV[0].length;
    if (d === 0) throw jsonError('json.supportVectors[0]', 'empty', 'has no features');
    const support = readIntArray(doc.support, 'json.support', nSV);
    const coefRows = readMatrix(doc.svCoef, 'json.svCoef', K - 1, nSV);
    const rho = readFiniteArray(doc.rho, 'json.rho', nPairs);
    const nIter = readIntArray(doc.nIter, 'json.nIter', nPairs);
    const gamma = readNumber(doc.gamma, 'json.gamma', { min: 0 });
    const sv: Matrix = { rows: nSV, cols: d, data: new Float64Array(nSV * d) };
    rowsSV.forEach((r, s) => sv.data.set(r, s * d));
    const svStart: number[] = [];
    let acc = 0;
    for (const c of nSupport) {
      svStart.push(acc);
      acc += c;
    }
    const svCoef = new Float64Array((K - 1) * nSV);
    coefRows.forEach((r, k) => svCoef.set(r, k * nSV));
    m.fitted = {
      classes,
      kp: { kernel: o.kernel, gamma, degree: o.degree, coef0: o.coef0 },
      sv,
      svSq: rowSquaredNorms(sv),
      support,
      nSupport,
      svStart,
      svCoef,
      rho: Float64Array.from(rho),
      nIter,
    };
    return m;
  }
}

/** scikit-learn's _ovr_decision_function for one sample: votes + Σ±f / (3(|Σ±f| + 1)). */
function ovrRow(dec: Float64Array, off: number, K: number): number[] {
  const votes = new Array<number>(K).fill(0);
  const conf = new Array<number>(K).fill(0);
  let p = 0;
  for (let i = 0; i < K; i++) {
    for (let j = i + 1; j < K; j++, p++) {
      const f = dec[off + p];
      // scikit-learn passes predictions (f < 0 → j) and confidences −f.
      conf[i] += f;
      conf[j] -= f;
      if (f < 0) votes[j]++;
      else votes[i]++;
    }
  }
  return votes.map((v, k) => v + conf[k] / (3 * (Math.abs(conf[k]) + 1)));
}
