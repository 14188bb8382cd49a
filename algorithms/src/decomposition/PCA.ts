import { Matrix as MlMatrix, SingularValueDecomposition } from 'ml-matrix';
import { readEstimatorJSON, TransformerBase } from '../core/base';
import { ValidationError } from '../core/errors';
import { jsonError, readFiniteArray, readInt, readNumber } from '../core/json';
import type { MatrixLike } from '../core/matrix';
import type { ParamSpecs } from '../core/params';
import { checkArray, checkFeatureCount, checkFiniteResult, checkSize, LIMITS } from '../core/validation';
import { readRows } from '../cluster/_common';
import { frozenRows, gram, projectRows, symmetricEigen } from './_linalg';
import { randomizedSVD } from './_randomized';
import { lanczosLargest } from './_lanczos';
import { checkRandomState, RandomState, type RandomStateLike } from '../core/random';

/** Options of {@link PCA}, as scikit-learn's. */
export interface PCAOptions {
  /**
   * Components to keep: an integer 1 … min(nSamples, nFeatures); a fraction in (0, 1) to keep
   * the fewest components whose explained variance ratio sums to more than it; or undefined
   * null (default) for all min(nSamples, nFeatures).
   */
  nComponents?: number | null;
  /**
   * Scale the projections to unit variance (divide by √explainedVariance) in `transform`.
   * Default false.
   */
  whiten?: boolean;
  /**
   * How the SVD of the centred X is computed. 'full': ml-matrix's SVD of X. 'covariance_eigh':
   * the eigen-decomposition of the d×d matrix XᵀX (V and Σ² come out of it, U = XV/Σ), which is
   * much faster when n ≫ d. 'auto' (default) picks 'covariance_eigh' when n ≥ 10·d and d ≤ 1000,
   * as scikit-learn ≥ 1.5 does; scikit-learn 1.2 always used a full (LAPACK) SVD, with the same
   * results up to rounding. 'randomized': Halko et al.'s randomized SVD (seeded, 7 or 4 power
   * iterations, as scikit-learn's) for an integer nComponents ≪ min(n, d); 'auto' picks it when
   * the covariance route does not apply (d > 1000 or n < 10·d), max(n, d) > 500 and
   * nComponents < 0.8·min(n, d), as scikit-learn's 'auto'.
   */
  svdSolver?: 'auto' | 'full' | 'covariance_eigh' | 'randomized';
  /** Seed or generator of the randomized solver. Default undefined (seed 0). */
  randomState?: RandomStateLike;
}

/** A fitted {@link PCA} as plain JSON. */
export interface PCAJSON {
  estimator: 'PCA';
  options: Omit<PCAOptions, 'randomState'> & { randomState?: number };
  mean: number[];
  components: number[][];
  explainedVariance: number[];
  explainedVarianceRatio: number[];
  singularValues: number[];
  noiseVariance: number;
  nSamples: number;
}

interface PCAState {
  mean: number[];
  components: number[][];
  explainedVariance: number[];
  explainedVarianceRatio: number[];
  singularValues: number[];
  noiseVariance: number;
  nSamples: number;
}

/**
 * Principal component analysis, as in the slides: centre the data, find the eigenvectors of
 * its covariance matrix C = XᵀX/(n−1), project the data on them. Computed through the SVD of
 * the centred data X = UΣVᵀ: the rows of Vᵀ are the principal axes (`components`), the
 * explained variances are σᵢ²/(n−1) and the projections are XV = UΣ.
 *
 * Signs follow scikit-learn (`svd_flip` on U): in each column of U the entry of largest
 * magnitude is positive, so components match scikit-learn's exactly, not just up to sign.
 *
 * @example
 * const pca = new PCA({ nComponents: 2 }).fit(X);
 * pca.explainedVarianceRatio; // share of the variance along each axis
 * const Z = pca.transform(X);  // n × 2 scores
 *
 * Limits: svdSolver 'covariance_eigh' forms XᵀX, d² ≤ 2²⁶ ('too-large' beyond).
 */
export class PCA extends TransformerBase<PCAOptions, PCAState> {
  static override readonly estimatorName = 'PCA';
  /** The declared options (read by UIs for controls and by permalink decoders). */
  static override readonly paramSpec: ParamSpecs = {
    nComponents: {
      type: 'number',
      default: null,
      nullable: true,
      min: 0,
      exclusiveMin: true,
      max: 1e6,
      uiRange: [1, 10],
      check: (v, name) => {
        if (typeof v === 'number' && v >= 1 && !Number.isInteger(v)) throw new ValidationError(name, 'not-integer', `must be an integer ≥ 1 or a fraction in (0, 1), got ${v}`);
      },
      doc: 'Components kept: an integer 1 … min(nSamples, nFeatures), a fraction in (0, 1) of the variance to explain, or null for all.',
    },
    whiten: { type: 'boolean', default: false, doc: 'Scale the projections to unit variance (divide by √explainedVariance).' },
    svdSolver: {
      type: 'enum',
      values: ['auto', 'full', 'covariance_eigh', 'randomized'],
      default: 'auto',
      doc: "How the SVD of the centred X is computed: 'full', 'covariance_eigh' (XᵀX, fast when n ≫ d), 'randomized' (Halko et al., integer nComponents) or 'auto'.",
    },
    randomState: { type: 'randomState', default: undefined, doc: "Seed or generator of the 'randomized' solver (undefined: seed 0)." },
  };

  /** Fits the principal axes of X (rows = samples) and returns this estimator. */
  fit(X: MatrixLike): this {
    const M = checkArray(X);
    const { rows: n, cols: d } = M;
    const solver = this.options.svdSolver;
    const kMax = Math.min(n, d);
    const nc = this.options.nComponents ?? undefined;
    if (nc !== undefined && nc > kMax) throw new ValidationError('nComponents', 'out-of-range', `must be ≤ min(nSamples, nFeatures) = ${kMax}, got ${nc}`);
    // Centre: X ← X − 1μᵀ.
    const mu = new Float64Array(d);
    const A = M.data;
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mu[j] += A[i * d + j];
    for (let j = 0; j < d; j++) mu[j] /= n;
    // Σ (centred entries)², in the same pass: features of order 1e154 overflow XᵀX, so report
    // it before decomposing ∞ and NaN.
    let spread = 0;
    for (let i = 0; i < n; i++) {
      const o = i * d;
      for (let j = 0; j < d; j++) {
        const v = A[o + j] - mu[j];
        A[o + j] = v;
        spread += v * v;
      }
    }
    checkFiniteResult(spread, 'PCA: the total variance of X');

    const useEigh = solver === 'covariance_eigh' || (solver === 'auto' && n >= 10 * d && d <= 1000);
    // 'covariance_eigh' forms the d×d matrix XᵀX: refuse a width that cannot be held.
    if (useEigh) checkSize('X', d * d, LIMITS.maxElements, "entries of XᵀX (nFeatures², svdSolver 'covariance_eigh')");
    const intK = nc !== undefined && nc >= 1 ? nc : undefined;
    const useRandomized =
      intK !== undefined && (solver === 'randomized' || (solver === 'auto' && !useEigh && Math.max(n, d) > 500 && intK < 0.8 * kMax));
    // Signs are fixed (svd_flip) only for the kept components: projecting all min(n, d) would
    // cost n·d·min(n, d), more than the decomposition itself.
    // With an integer nComponents ≤ d/4 the covariance route needs only the top eigen-pairs of
    // XᵀX (Lanczos); the total variance then comes from the trace, as for the randomized route.
    const partial = useRandomized || (useEigh && intK !== undefined && intK <= d / 4);
    const { s, Vt } = useRandomized
      ? randomizedSVD(A, n, d, intK!, checkRandomState(this.options.randomState))
      : useEigh
        ? svdByGram(A, n, d, intK, partial)
        : svdFull(A, n, d);

    // Explained variance σ²/(n−1) and its ratio to the total variance Σⱼ Var(xⱼ).
    const ev = Array.from(s, (x) => (x * x) / Math.max(n - 1, 1));
    let total = 0;
    if (partial) total = spread / Math.max(n - 1, 1);
    else total = ev.reduce((a, b) => a + b, 0);
    const ratio = ev.map((v) => (total > 0 ? v / total : 0));
    let k = kMax;
    if (nc !== undefined && nc >= 1) k = nc;
    else if (nc !== undefined) {
      // Fewest components whose cumulative ratio exceeds nc (numpy searchsorted, side right, + 1).
      let cum = 0;
      k = 0;
      while (k < kMax && cum <= nc) cum += ratio[k++];
      k = Math.max(k, 1);
    }
    const noiseVariance =
      k >= kMax ? 0 : partial ? Math.max(0, total - ev.slice(0, k).reduce((a, b) => a + b, 0)) / (kMax - k) : ev.slice(k).reduce((a, b) => a + b, 0) / (kMax - k);
    checkFiniteResult(ev, 'PCA explained variance');
    checkFiniteResult(Vt, 'PCA components');
    this.fitted = {
      mean: Array.from(mu),
      components: frozenRows(Vt, k, d),
      explainedVariance: ev.slice(0, k),
      explainedVarianceRatio: ratio.slice(0, k),
      singularValues: Array.from(s.slice(0, k)),
      noiseVariance,
      nSamples: n,
    };
    return this;
  }

  /** The principal axes, nComponents × nFeatures, sorted by explained variance (rows of Vᵀ). */
  get components(): number[][] {
    return this.model.components;
  }
  /** Variance along each component, σᵢ²/(n−1). */
  get explainedVariance(): number[] {
    return this.model.explainedVariance;
  }
  /** Share of the total variance along each component. */
  get explainedVarianceRatio(): number[] {
    return this.model.explainedVarianceRatio;
  }
  /** The singular values σᵢ of the centred data. */
  get singularValues(): number[] {
    return this.model.singularValues;
  }
  /** The per-feature mean μ removed before projecting. */
  get mean(): number[] {
    return this.model.mean;
  }
  /** Mean variance of the discarded components (probabilistic PCA's σ²); 0 when all are kept. */
  get noiseVariance(): number {
    return this.model.noiseVariance;
  }
  /** The number of components kept. */
  get nComponents(): number {
    return this.model.components.length;
  }
  /** Number of features seen in fit. */
  get nFeaturesIn(): number {
    return this.model.mean.length;
  }

  /** Projections Z = (X − μ)Vₖ, divided by √explainedVariance when whiten is set. */
  transform(X: MatrixLike): number[][] {
    const m = this.model;
    const A = checkArray(X);
    checkFeatureCount(A, m.mean.length);
    const d = A.cols;
    const k = m.components.length;
    const scale = m.explainedVariance.map((v) => (this.options.whiten ? 1 / Math.sqrt(v > 0 ? v : Number.EPSILON) : 1));
    const out: number[][] = [];
    for (let i = 0; i < A.rows; i++) {
      const r = new Array<number>(k);
      for (let c = 0; c < k; c++) {
        const w = m.components[c];
        let s = 0;
        for (let j = 0; j < d; j++) s += (A.data[i * d + j] - m.mean[j]) * w[j];
        r[c] = s * scale[c];
      }
      out.push(r);
    }
    checkFiniteResult(out, 'PCA.transform');
    return out;
  }

  /** Back to feature space: X̂ = Z Vₖᵀ + μ (undoing the whitening first); the best rank-k reconstruction. */
  inverseTransform(Z: MatrixLike): number[][] {
    const m = this.model;
    const k = m.components.length;
    const B = checkArray(Z, { name: 'Z' });
    if (B.cols !== k) throw new ValidationError('Z', 'shape-mismatch', `has ${B.cols} columns, but the model has ${k} components`);
    const d = m.mean.length;
    const out: number[][] = [];
    for (let i = 0; i < B.rows; i++) {
      const r = m.mean.slice();
      for (let c = 0; c < k; c++) {
        const z = B.data[i * k + c] * (this.options.whiten ? Math.sqrt(m.explainedVariance[c]) : 1);
        const w = m.components[c];
        for (let j = 0; j < d; j++) r[j] += z * w[j];
      }
      out.push(r);
    }
    checkFiniteResult(out, 'PCA.inverseTransform', 'Z');
    return out;
  }

  /** The fitted model as plain JSON. */
  toJSON(): PCAJSON {
    const m = this.model;
    return {
      ...this.jsonHeader(),
      estimator: 'PCA',
      mean: [...m.mean],
      components: m.components.map((r) => [...r]),
      explainedVariance: [...m.explainedVariance],
      explainedVarianceRatio: [...m.explainedVarianceRatio],
      singularValues: [...m.singularValues],
      noiseVariance: m.noiseVariance,
      nSamples: m.nSamples,
    };
  }

  /**
   * Rebuilds a fitted model from {@link toJSON}'s output, validating every field: d means,
   * k ≤ d components of d finite values (k = nComponents when that is an integer), k
   * non-negative variances, ratios in [0, 1] and singular values.
   */
  static fromJSON(json: unknown): PCA {
    const { doc, model } = readEstimatorJSON(json, PCA);
    const mean = readFiniteArray(doc.mean, 'json.mean');
    const d = mean.length;
    if (d === 0) throw jsonError('json.mean', 'empty', 'has no entries');
    const components = readRows(doc.components, 'json.components', undefined, d);
    const k = components.length;
    if (k > d) throw jsonError('json.components', 'length-mismatch', `has ${k} rows; at most the ${d} features`);
    const nc = model.options.nComponents;
    if (nc !== null && nc >= 1 && nc !== k) throw jsonError('json.components', 'length-mismatch', `has ${k} rows but options.nComponents is ${nc}`);
    model.fitted = {
      mean,
      components: Object.freeze(components.map((r) => Object.freeze(r))) as number[][],
      explainedVariance: readFiniteArray(doc.explainedVariance, 'json.explainedVariance', k, { min: 0 }),
      // ≤ 1 up to rounding (the randomized solver's total is computed apart from the σᵢ).
      explainedVarianceRatio: readFiniteArray(doc.explainedVarianceRatio, 'json.explainedVarianceRatio', k, { min: 0, max: 1 + 1e-9 }),
      singularValues: readFiniteArray(doc.singularValues, 'json.singularValues', k, { min: 0 }),
      noiseVariance: readNumber(doc.noiseVariance, 'json.noiseVariance', { min: 0 }),
      nSamples: readInt(doc.nSamples, 'json.nSamples', 1),
    };
    return model;
  }
}

/**
 * Thin SVD of the centred X (n×d, n ≥ d) through its Gram matrix: XᵀX = VΣ²Vᵀ gives V and Σ,
 * and U = XVΣ⁻¹ is needed only for scikit-learn's sign rule, so only its argmax is found.
 * Singular values below ~√ε·σ₁ lose relative accuracy this way (they are squared), which does
 * not move explained-variance ratios by more than ~1e-12.
 */
export function svdByGram(Xc: Float64Array, n: number, d: number, kFlip?: number, topOnly = false): { s: Float64Array; Vt: Float64Array } {
  const kf = Math.min(n, d, kFlip ?? Math.min(n, d));
  // topOnly: only the kf leading eigen-pairs, by Lanczos on the d×d Gram matrix.
  const k = topOnly ? kf : Math.min(n, d);
  const G = gram(Xc, n, d);
  const { values, vectorsT } = topOnly ? topGramEigen(G, d, kf) : symmetricEigen(G, d);
  const s = new Float64Array(k);
  for (let c = 0; c < k; c++) s[c] = Math.sqrt(Math.max(values[c], 0));
  const Vt = vectorsT.slice(0, k * d);
  // U's columns up to scale, P = X V (n×kf), for the kf kept components only; only each
  // column's largest-|p| entry is kept.
  const P = projectRows(Xc, n, d, Vt, kf);
  const best = new Float64Array(kf);
  const bestVal = new Float64Array(kf);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < kf; c++) {
      const v = P[i * kf + c];
      const a = Math.abs(v);
      if (a > best[c]) {
        best[c] = a;
        bestVal[c] = v;
      }
    }
  }
  flipRows(Vt, d, bestVal);
  return { s, Vt };
}

/** The k leading eigen-pairs of the symmetric d×d G by Lanczos (seeded), as symmetricEigen's layout. */
function topGramEigen(G: Float64Array, d: number, k: number): { values: Float64Array; vectorsT: Float64Array } {
  const r = lanczosLargest(
    d,
    k,
    (x, out) => {
      for (let i = 0; i < d; i++) {
        let t = 0;
        const o = i * d;
        for (let j = 0; j < d; j++) t += G[o + j] * x[j];
        out[i] = t;
      }
    },
    new RandomState(0),
    { tol: 1e-12, maxDim: d },
  );
  return { values: r.values, vectorsT: r.vectors };
}

/** Thin SVD of the centred X by ml-matrix (any shape), with scikit-learn's u-based sign flip. */
export function svdFull(Xc: Float64Array, n: number, d: number): { s: Float64Array; Vt: Float64Array } {
  const k = Math.min(n, d);
  const M = new MlMatrix(n, d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) M.set(i, j, Xc[i * d + j]);
  const dec = new SingularValueDecomposition(M, { autoTranspose: true });
  const U = dec.leftSingularVectors;
  const V = dec.rightSingularVectors;
  const s = Float64Array.from(dec.diagonal.slice(0, k));
  const Vt = new Float64Array(k * d);
  const bestVal = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < d; j++) Vt[c * d + j] = V.get(j, c);
    let best = -1;
    for (let i = 0; i < n; i++) {
      const u = U.get(i, c);
      if (Math.abs(u) > best) {
        best = Math.abs(u);
        bestVal[c] = u;
      }
    }
  }
  flipRows(Vt, d, bestVal);
  return { s, Vt };
}

/** svd_flip: negate row c of Vᵀ where the largest-|u| entry of U's column c is negative. */
function flipRows(Vt: Float64Array, d: number, pivot: Float64Array): void {
  for (let c = 0; c < pivot.length; c++) {
    if (pivot[c] < 0) for (let j = 0; j < d; j++) Vt[c * d + j] = -Vt[c * d + j];
  }
}
