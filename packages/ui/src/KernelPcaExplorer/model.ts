import { makeCircles, makeMoons, PCA, ValidationError, type KernelPCAJSON, type KernelPCAOptions } from '@geolearn/algorithms';
import { fieldCheck, type FieldChecks } from '../hooks/useControllableState';

/**
 * The kernel-PCA explorer's model: the data sets, linear PCA's projection, the options of the
 * RBF kernel PCA (fitted in the worker), how well the first component separates the two
 * classes, and the pre-image error. Pure functions of plain JSON, no React.
 *
 * The slides' RBF kernel k(x, x′) = exp(−‖x − x′‖²/2σ²) is scikit-learn's exp(−γ‖x − x′‖²)
 * with γ = 1/(2σ²), as in the SVM explainers.
 */

/** A point (x₁, x₂). */
export type Pt = [number, number];

/** The data sets of the chooser. */
export type KpcaDatasetName = 'circles' | 'moons' | 'identical';

/** Each data set's label. */
export const KPCA_DATASETS: Record<KpcaDatasetName, { label: string }> = {
  circles: { label: 'Concentric circles' },
  moons: { label: 'Two moons' },
  identical: { label: 'Identical points' },
};

/** How many kernel components are kept (and used by the pre-image). */
export const COMPONENT_CHOICES = [2, 4, 8] as const;

/** The explainer's state: plain JSON. */
export interface KernelPcaState {
  /** The data set. */
  dataset: KpcaDatasetName;
  /** γ of the RBF kernel exp(−γ‖x − x′‖²) (σ = 1/√(2γ)). */
  gamma: number;
  /** Kernel components kept: the projection shows the first two, the pre-image uses all. */
  nComponents: (typeof COMPONENT_CHOICES)[number];
  /** Draw the pre-images (the reconstruction from the kept components) over the data. */
  preImage: boolean;
}

/** The state of an untouched explainer: γ = 3 (σ ≈ 0.41), where the first component separates the circles (γ = 2 … 5 do; ≤ 1 and ≥ 10 do not). */
export const DEFAULT_STATE: KernelPcaState = { dataset: 'circles', gamma: 3, nComponents: 2, preImage: true };

/** How a `defaultValue` is checked field by field. */
export const STATE_CHECKS: FieldChecks<KernelPcaState> = {
  dataset: fieldCheck.oneOf<KpcaDatasetName>('circles', 'moons', 'identical'),
  gamma: fieldCheck.number(1e-3, 1e3),
  nComponents: fieldCheck.oneOf(...COMPONENT_CHOICES),
  preImage: fieldCheck.boolean,
};

/** γ ↔ σ: γ = 1/(2σ²). */
export const sigmaOf = (gamma: number): number => 1 / Math.sqrt(2 * gamma);

/** A labelled data set (labels: which circle or moon). */
export interface KpcaData {
  X: Pt[];
  y: number[];
}

/** The points of a data set (n samples, seeded): scikit-learn's example, circles with factor 0.3 and noise 0.05. */
export function makeKpcaData(name: KpcaDatasetName, n: number, seed: number): KpcaData {
  if (name === 'identical') return { X: Array.from({ length: Math.min(n, 30) }, () => [0.5, 0.5]), y: Array.from({ length: Math.min(n, 30) }, (_, i) => i % 2) };
  const d = name === 'circles' ? makeCircles({ nSamples: n, factor: 0.3, noise: 0.05, randomState: seed }) : makeMoons({ nSamples: n, noise: 0.05, randomState: seed });
  return { X: d.X.map((r) => [r[0], r[1]]), y: [...d.y] };
}

/** Why kernel PCA cannot run on these points with p components, or null. */
export function dataProblem(X: readonly Pt[], p: number): string | null {
  if (X.length === 0) return 'There are no points.';
  if (p > X.length) return `${p} components are more than the ${X.length} points. Keep at most ${X.length}.`;
  if (new Set(X.map((q) => `${q[0]},${q[1]}`)).size === 1) return `All ${X.length} points are identical: the centred kernel matrix is zero, so there are no components to project on.`;
  return null;
}

/** The KernelPCA options of a state (RBF, its γ, the pre-image map by kernel ridge with α = 0.1). */
export function kpcaParams(state: KernelPcaState): KernelPCAOptions {
  return { kernel: 'rbf', gamma: state.gamma, nComponents: state.nComponents, fitInverseTransform: true, alpha: 0.1 };
}

/** Linear PCA's projection on its two components (a rotation of the centred plane), or an error. */
export function linearProjection(X: readonly Pt[]): { Z: Pt[]; ratio: number[] } | { error: string } {
  try {
    const pca = new PCA({ nComponents: 2 }).fit(X as Pt[]);
    return { Z: pca.transform(X as Pt[]).map((r) => [r[0], r[1]]), ratio: [...pca.explainedVarianceRatio] };
  } catch (e) {
    if (e instanceof ValidationError) return { error: e.message };
    throw e;
  }
}

/**
 * How well one coordinate separates two classes: the best accuracy of a single threshold on
 * it (either side), in [0.5, 1]. Sorting once, then counting the class-0 samples below.
 */
export function thresholdAccuracy(v: readonly number[], y: readonly number[]): number {
  const n = v.length;
  if (n === 0) return 0;
  const order = v.map((_, i) => i).sort((a, b) => v[a] - v[b]);
  const total0 = y.filter((c) => c === 0).length;
  let below0 = 0;
  let below1 = 0;
  let best = Math.max(total0, n - total0);
  for (let j = 0; j < n; j++) {
    if (y[order[j]] === 0) below0++;
    else below1++;
    // Cut after j (only between distinct values): class 0 below, 1 above — or the reverse.
    if (j < n - 1 && v[order[j]] === v[order[j + 1]]) continue;
    const right = below0 + (n - total0 - below1);
    best = Math.max(best, right, n - right);
  }
  return best / n;
}

/** Mean squared distance between the samples and their pre-images, (1/n) Σ ‖xᵢ − x̂ᵢ‖². */
export function preImageError(X: readonly Pt[], R: readonly (readonly number[])[]): number {
  let s = 0;
  for (let i = 0; i < X.length; i++) s += (X[i][0] - R[i][0]) ** 2 + (X[i][1] - R[i][1]) ** 2;
  return s / Math.max(1, X.length);
}

/**
 * The projections of the training samples and their pre-images, read from a fitted model's
 * JSON (as the worker returns it) without rebuilding the model: zᵢ are the rows of Xt
 * (αₖ√λₖ), and x̂ᵢ = Σⱼ exp(−γ‖zᵢ − zⱼ‖²) Bⱼ with B the pre-image map's dual coefficients —
 * `inverseTransform(transform(X))` for the training samples, in O(n²p) (2 ms at 300 samples).
 */
export function projectionsFromJson(json: Pick<KernelPCAJSON, 'Xt' | 'n' | 'p' | 'd' | 'gamma' | 'dualCoef' | 'eigenvalues'>): KpcaResult {
  const { Xt, n, p, d, gamma, dualCoef } = json;
  const Z: Pt[] = Array.from({ length: n }, (_, i) => [Xt[i * p], p > 1 ? Xt[i * p + 1] : 0]);
  let R: Pt[] | null = null;
  if (dualCoef && d >= 2) {
    R = [];
    for (let i = 0; i < n; i++) {
      let [a, b] = [0, 0];
      for (let j = 0; j < n; j++) {
        let s2 = 0;
        for (let c = 0; c < p; c++) s2 += (Xt[i * p + c] - Xt[j * p + c]) ** 2;
        const k = Math.exp(-gamma * s2);
        a += k * dualCoef[j * d];
        b += k * dualCoef[j * d + 1];
      }
      R.push([a, b]);
    }
  }
  return { Z, R, eigenvalues: [...json.eigenvalues] };
}

/** A number for the readouts: 3 significant digits. */
export const fmt = (v: number): string => (Number.isFinite(v) ? String(Number(v.toPrecision(3))) : '—');

/** What the fit gave: the first two kernel components of each sample, the pre-images, the eigenvalues. */
export interface KpcaResult {
  Z: Pt[];
  R: Pt[] | null;
  eigenvalues: number[];
}

/** The status line. */
export function statusText(state: KernelPcaState, problem: string | null, fit: KpcaResult | null, busy: boolean, linAcc: number | null, kerAcc: number | null, err: number | null): string {
  if (problem) return problem;
  const g = `γ = ${fmt(state.gamma)} (σ = ${fmt(sigmaOf(state.gamma))})`;
  if (busy || !fit) return `Fitting RBF kernel PCA with ${g}…`;
  const sep = linAcc !== null && kerAcc !== null ? ` One threshold on the first component separates ${Math.round(kerAcc * 100)} % of the two classes (linear PCA: ${Math.round(linAcc * 100)} %).` : '';
  const pre = err !== null ? ` Pre-image from ${state.nComponents} components: mean squared error ${fmt(err)}.` : '';
  return `RBF kernel PCA, ${g}.${sep}${pre}`;
}

/** Margins of each panel. */
export const MARGIN = { top: 24, right: 8, bottom: 36, left: 54 } as const;
