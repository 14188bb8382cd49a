import { PCA, RandomState } from '@geolearn/algorithms';
import { fieldCheck, type FieldChecks } from '../hooks/useControllableState';

/**
 * The PCA explorer's model: a 2-D Gaussian cloud the student shapes, its covariance
 * matrix, the eigen-decomposition of that 2×2 matrix in closed form, scikit-learn's PCA
 * (from @geolearn/algorithms) and the projection / reconstruction from k components.
 * Pure functions of plain JSON, no React.
 */

/** A 2-vector. */
export type Vec2 = [number, number];

/** The slide's three steps. */
export type PcaStep = 1 | 2 | 3;

/** The explainer's state: plain JSON, so it can live in a permalink. */
export interface PcaExplorerState {
  /** Centre of the cloud (x₁, x₂). */
  center: Vec2;
  /** Direction of the cloud's long axis, degrees anticlockwise from x₁. */
  angle: number;
  /** Standard deviations along the long and the short axis, [σ₁, σ₂]. */
  spread: Vec2;
  /** Which of the slide's steps is shown: 1 covariance, 2 eigenvectors, 3 projection. */
  step: PcaStep;
  /** Components kept for the projection and reconstruction (1 or 2). */
  k: 1 | 2;
  /** In step 3, whether the samples are moved onto their reconstruction from k components. */
  projected: boolean;
  /** Show the SVD view of a small matrix. Default false. */
  svd?: boolean;
  /** The small matrix A of the SVD view (rows). Default [[1.5, 1], [0.3, 1.2]]. */
  matrix?: [[number, number], [number, number]];
}

/** The state of an untouched explainer. */
export const DEFAULT_STATE: PcaExplorerState = { center: [0.5, 0.3], angle: 30, spread: [1.6, 0.5], step: 1, k: 1, projected: false };

/** How a `defaultValue` is checked field by field. */
export const STATE_CHECKS: FieldChecks<PcaExplorerState> = {
  center: fieldCheck.tuple<Vec2>(2),
  angle: fieldCheck.number(-360, 360),
  spread: (v: unknown): v is Vec2 => fieldCheck.tuple<Vec2>(2)(v) && v[0] >= 0 && v[1] >= 0 && v[0] <= 10 && v[1] <= 10,
  step: fieldCheck.oneOf<PcaStep>(1, 2, 3),
  k: fieldCheck.oneOf<1 | 2>(1, 2),
  projected: fieldCheck.boolean,
  svd: fieldCheck.boolean,
  matrix: (v: unknown): v is [[number, number], [number, number]] => Array.isArray(v) && v.length === 2 && v.every((r) => fieldCheck.tuple(2)(r) && r.every((x: number) => Math.abs(x) <= 100)),
};

/** The plot's domain, [x0, x1, y0, y1] (square, so angles look right). */
export const DOMAIN: [number, number, number, number] = [-5, 5, -5, 5];

/** n standard normal pairs (seeded): the cloud before it is stretched, rotated and moved. */
export function standardCloud(n: number, seed: number): Vec2[] {
  const rng = new RandomState(seed);
  return Array.from({ length: n }, () => [rng.normal(), rng.normal()] as Vec2);
}

/** Unit vector at `deg` degrees. */
export const dir = (deg: number): Vec2 => [Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180)];

/** The samples: xᵢ = c + R(angle) diag(σ₁, σ₂) zᵢ. */
export function shapeCloud(Z: readonly Vec2[], s: Pick<PcaExplorerState, 'center' | 'angle' | 'spread'>): Vec2[] {
  const [u1, u2] = [dir(s.angle), dir(s.angle + 90)];
  const [a, b] = s.spread;
  return Z.map(([z1, z2]) => [s.center[0] + a * z1 * u1[0] + b * z2 * u2[0], s.center[1] + a * z1 * u1[1] + b * z2 * u2[1]]);
}

/** The handles: the centre, and the ends of the two axes at 2σ from it. */
export function handlesOf(s: PcaExplorerState): { center: Vec2; axis1: Vec2; axis2: Vec2 } {
  const [u1, u2] = [dir(s.angle), dir(s.angle + 90)];
  const [c, [a, b]] = [s.center, s.spread];
  return { center: c, axis1: [c[0] + 2 * a * u1[0], c[1] + 2 * a * u1[1]], axis2: [c[0] + 2 * b * u2[0], c[1] + 2 * b * u2[1]] };
}

/** The state after dragging the first axis handle to p: it sets the angle and σ₁. */
export function withAxis1(s: PcaExplorerState, p: Vec2): PcaExplorerState {
  const d: Vec2 = [p[0] - s.center[0], p[1] - s.center[1]];
  const len = Math.hypot(d[0], d[1]);
  if (len < 1e-9) return s;
  return { ...s, angle: round((Math.atan2(d[1], d[0]) * 180) / Math.PI, 2), spread: [round(len / 2, 3), s.spread[1]] };
}

/** The state after dragging the second axis handle to p: its distance along the perpendicular sets σ₂. */
export function withAxis2(s: PcaExplorerState, p: Vec2): PcaExplorerState {
  const u2 = dir(s.angle + 90);
  const t = (p[0] - s.center[0]) * u2[0] + (p[1] - s.center[1]) * u2[1];
  return { ...s, spread: [s.spread[0], round(Math.abs(t) / 2, 3)] };
}

const round = (v: number, d: number) => Number(v.toFixed(d));

/** The column means and the sample covariance C = XcᵀXc/(n − 1) of the centred data. */
export function covariance(X: readonly Vec2[]): { mean: Vec2; C: [[number, number], [number, number]] } {
  const n = X.length;
  let [m1, m2] = [0, 0];
  for (const [a, b] of X) {
    m1 += a;
    m2 += b;
  }
  [m1, m2] = [m1 / n, m2 / n];
  let [s11, s12, s22] = [0, 0, 0];
  for (const [a, b] of X) {
    s11 += (a - m1) ** 2;
    s12 += (a - m1) * (b - m2);
    s22 += (b - m2) ** 2;
  }
  const q = Math.max(1, n - 1);
  return { mean: [m1, m2], C: [[s11 / q, s12 / q], [s12 / q, s22 / q]] };
}

/**
 * The eigen-decomposition of a symmetric 2×2 matrix [[a, b], [b, c]] in closed form:
 * λ = (a + c)/2 ± √(((a − c)/2)² + b²), largest first, with unit eigenvectors
 * (b, λ − a) — or the axes when b = 0.
 */
export function eigen2(C: readonly (readonly number[])[]): { values: Vec2; vectors: [Vec2, Vec2] } {
  const [a, b, c] = [C[0][0], C[0][1], C[1][1]];
  const m = (a + c) / 2;
  const r = Math.hypot((a - c) / 2, b);
  const values: Vec2 = [m + r, m - r];
  let v1: Vec2;
  if (Math.abs(b) < 1e-15 * Math.max(1, Math.abs(a), Math.abs(c))) v1 = a >= c ? [1, 0] : [0, 1];
  else {
    // Of the two equivalent forms (b, λ − a) and (λ − c, b), take the better conditioned one.
    const p: Vec2 = [b, values[0] - a];
    const q: Vec2 = [values[0] - c, b];
    v1 = Math.hypot(...p) >= Math.hypot(...q) ? p : q;
    const l = Math.hypot(v1[0], v1[1]);
    v1 = [v1[0] / l, v1[1] / l];
  }
  return { values, vectors: [v1, [-v1[1], v1[0]]] };
}

/** C·v. */
export const matVec = (C: readonly (readonly number[])[], v: readonly number[]): Vec2 => [C[0][0] * v[0] + C[0][1] * v[1], C[1][0] * v[0] + C[1][1] * v[1]];

/** Everything the explainer shows about one cloud. */
export interface PcaFit {
  X: Vec2[];
  mean: Vec2;
  /** The sample covariance. */
  C: [[number, number], [number, number]];
  /** PCA's principal axes (rows), its explained variances λᵢ and their ratios. */
  components: [Vec2, Vec2];
  variances: Vec2;
  ratios: Vec2;
  /** Scores zᵢ = (xᵢ − μ)·vⱼ. */
  scores: Vec2[];
  /** Why the fit is degenerate (all points identical…), or null. */
  problem: string | null;
}

/** Fits PCA (from @geolearn/algorithms) to the cloud, with the covariance it diagonalises. */
export function fitPca(X: Vec2[]): PcaFit {
  const { mean, C } = covariance(X);
  const total = C[0][0] + C[1][1];
  if (X.length < 2 || !(total > 1e-12)) {
    const z: Vec2[] = X.map(() => [0, 0]);
    return { X, mean, C, components: [[1, 0], [0, 1]], variances: [0, 0], ratios: [0, 0], scores: z, problem: X.length < 2 ? 'PCA needs at least 2 samples.' : 'All the samples are identical: there is no variance to explain.' };
  }
  const pca = new PCA({ nComponents: 2 }).fit(X);
  const comps = pca.components.map((r) => [r[0], r[1]] as Vec2) as [Vec2, Vec2];
  const variances = [pca.explainedVariance[0], pca.explainedVariance[1]] as Vec2;
  const ratios = [pca.explainedVarianceRatio[0], pca.explainedVarianceRatio[1]] as Vec2;
  const scores = X.map((x) => {
    const d = [x[0] - mean[0], x[1] - mean[1]];
    return [d[0] * comps[0][0] + d[1] * comps[0][1], d[0] * comps[1][0] + d[1] * comps[1][1]] as Vec2;
  });
  return { X, mean, C, components: comps, variances, ratios, scores, problem: null };
}

/** The reconstruction x̂ = μ + Σ_{j≤k} zⱼ vⱼ from the first k components. */
export function reconstruct(fit: PcaFit, k: 1 | 2): Vec2[] {
  const [v1, v2] = fit.components;
  return fit.scores.map(([z1, z2]) => {
    const z2k = k === 2 ? z2 : 0;
    return [fit.mean[0] + z1 * v1[0] + z2k * v2[0], fit.mean[1] + z1 * v1[1] + z2k * v2[1]];
  });
}

/** The mean squared reconstruction error (1/n) Σ ‖xᵢ − x̂ᵢ‖² (for k = 1 it is (n − 1)/n · λ₂). */
export function reconstructionError(X: readonly Vec2[], Xh: readonly Vec2[]): number {
  let s = 0;
  for (let i = 0; i < X.length; i++) s += (X[i][0] - Xh[i][0]) ** 2 + (X[i][1] - Xh[i][1]) ** 2;
  return X.length ? s / X.length : 0;
}

/** A number for the readouts: 3 decimals (−0 shown as 0). */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return '—';
  const s = v.toFixed(3);
  return (s === '-0.000' ? '0.000' : s).replace(/^-/, '−');
}

/** What each step does, in the slide's words. */
export const STEP_TEXT: Record<PcaStep, string> = {
  1: 'Compute the data covariance matrix',
  2: 'Compute the eigenvectors',
  3: 'Project the data onto the eigenvectors',
};

/** The status line. */
export function statusText(fit: PcaFit, s: PcaExplorerState, err: number): string {
  if (fit.problem) return fit.problem;
  const [r1, r2] = fit.ratios;
  if (s.step === 1) return `Step 1 · ${STEP_TEXT[1]}: C₁₁ = ${fmt(fit.C[0][0])}, C₁₂ = ${fmt(fit.C[0][1])}, C₂₂ = ${fmt(fit.C[1][1])}.`;
  if (s.step === 2) return `Step 2 · ${STEP_TEXT[2]}: λ₁ = ${fmt(fit.variances[0])}, λ₂ = ${fmt(fit.variances[1])}.`;
  return `Step 3 · ${STEP_TEXT[3]}: k = ${s.k} keeps ${(100 * (s.k === 2 ? r1 + r2 : r1)).toFixed(1)} % of the variance; reconstruction error ${fmt(err)}.`;
}

/** Sizes of the plot and the side panel. */
export function pcaSizes(width: number, avail: number, compact: boolean, fit: boolean) {
  let w = Math.max(200, Math.min(width, avail));
  // Slide mode: the plot at most 330 px, so the whole explainer fits 960 × 700.
  if (fit) w = Math.min(w, 330);
  const side = compact ? w : Math.max(240, Math.min(320, avail - w - 12));
  return { size: w, sideWidth: side };
}

/** Margins of the plot. */
export const MARGIN = { top: 10, right: 10, bottom: 40, left: 44 } as const;
