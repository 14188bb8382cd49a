import { makeBlobs, makeCircles, RandomState, SVC } from '@geolearn/algorithms';
import { fieldCheck, type FieldChecks } from '../hooks/useControllableState';
import { specField, specRange, type SpecRangeOptions } from '../kit/paramSlider';
import type { ExplainerState } from '../kit/Explainer';

/**
 * The kernel-trick explainer's model: pure functions of plain JSON, no React.
 *
 * The slides' RBF kernel K(x, x′) = exp(−‖x − x′‖²/2σ²) is scikit-learn's exp(−γ‖x − x′‖²)
 * with γ = 1/(2σ²). The explicit lift adds ONE feature z(x) to the plane, so that a linear
 * SVM in (x₁, x₂, z) finds a plane w₁x₁ + w₂x₂ + w₃z + b = 0; seen from ℝ² that plane is the
 * curve w₁x₁ + w₂x₂ + w₃z(x) + b = 0: "linear in the kernel space only".
 */

/** The data sets. */
export type KernelDataset = 'circles' | 'xor' | 'blobs3' | 'blobs4';
/** The SVC kernels. */
export type KernelName = 'linear' | 'poly' | 'rbf';
/** The explicit third feature of the 3-D lift. */
export type LiftName = 'rbf' | 'radius' | 'product';

/** The explainer's state: plain JSON. */
export interface KernelTrickState {
  /** Which data set. */
  dataset: KernelDataset;
  /** The SVC's kernel in the plane. */
  kernel: KernelName;
  /** The RBF width σ (γ = 1/(2σ²)); also the width of the RBF lift. */
  sigma: number;
  /** The penalty C. */
  C: number;
  /** The lift's third feature: RBF bump around c, x₁² + x₂², or x₁x₂. */
  lift: LiftName;
  /** The RBF lift's centre c. */
  landmark: [number, number];
  /** Camera of the 3-D view: [azimuth, elevation] in degrees. */
  rotation: [number, number];
}

/** The plotted box. */
export const DOMAIN = [-3, 3, -3, 3] as const;
/**
 * The σ slider sets SVC's γ = 1/(2σ²): its range is SVC's declared γ range shown as σ = 1/√(2γ)
 * (γ ∈ [10⁻³, 10³] ↔ σ ∈ [0.022, 22]), narrowed to the teaching range σ ∈ [0.05, 5].
 */
const SIGMA_OPTIONS: SpecRangeOptions = {
  range: [0.05, 5],
  units: { fromParam: (gamma) => 1 / Math.sqrt(2 * gamma), toParam: (sigma) => 1 / (2 * sigma * sigma) },
};
/** The σ slider (min, max, log scale), from `SVC.paramSpec.gamma`. */
export const SIGMA_SLIDER = specRange(SVC, 'gamma', SIGMA_OPTIONS);
/** σ slider's ends. */
export const SIGMA_RANGE = [SIGMA_SLIDER.min, SIGMA_SLIDER.max] as const;
/** The C slider's teaching range, inside SVC's declared C range. */
const C_OPTIONS: SpecRangeOptions = { range: [0.01, 100] };
/** The C slider (min, max, log scale), from `SVC.paramSpec.C`. */
export const C_SLIDER = specRange(SVC, 'C', C_OPTIONS);
/** C slider's ends. */
export const C_RANGE = [C_SLIDER.min, C_SLIDER.max] as const;
/** The polynomial kernel's parameters: K(x, x′) = (γ x·x′ + r)^d with γ = 1, r = 1, d = 2. */
export const POLY = { degree: 2, gamma: 1, coef0: 1 } as const;

const DATASETS: readonly KernelDataset[] = ['circles', 'xor', 'blobs3', 'blobs4'];

/** How a `defaultValue` is checked. */
export const STATE_CHECKS: FieldChecks<KernelTrickState> = {
  dataset: fieldCheck.oneOf(...DATASETS),
  kernel: fieldCheck.oneOf<KernelName>('linear', 'poly', 'rbf'),
  sigma: specField(SVC, 'gamma', SIGMA_OPTIONS),
  C: specField(SVC, 'C', C_OPTIONS),
  lift: fieldCheck.oneOf<LiftName>('rbf', 'radius', 'product'),
  landmark: (v): v is [number, number] => fieldCheck.tuple(2)(v) && v.every((x) => Math.abs(x) <= 3),
  rotation: fieldCheck.tuple<[number, number]>(2),
};

/** The default state. */
export const DEFAULT_STATE: KernelTrickState = {
  dataset: 'circles',
  kernel: 'rbf',
  sigma: 1,
  C: 1,
  lift: 'rbf',
  landmark: [0, 0],
  rotation: [30, 25],
};

/** A labelled 2-D data set. */
export interface Data {
  X: number[][];
  y: number[];
  /** Number of classes. */
  K: number;
}

/** Points per data set by default. */
export const N_POINTS = 80;

/** The data set for a seed: rings, XOR quadrants, or 3–4 Gaussian blobs (n points, 8–400), all inside DOMAIN. */
export function makeData(name: KernelDataset, seed = 0, nPoints = N_POINTS): Data {
  const n = Math.round(Math.min(400, Math.max(8, Number.isFinite(nPoints) ? nPoints : N_POINTS)));
  if (name === 'circles') {
    const d = makeCircles({ nSamples: n, factor: 0.4, noise: 0.08, randomState: seed });
    return { X: d.X.map(([a, b]) => [2.2 * a, 2.2 * b]), y: d.y, K: 2 };
  }
  if (name === 'xor') {
    // Four clouds at (±1.3, ±1.3): class 1 where x₁x₂ > 0 (XOR of the signs).
    const rng = new RandomState(seed);
    const X: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < n; i++) {
      const sx = i % 2 ? 1 : -1;
      const sy = i % 4 < 2 ? 1 : -1;
      X.push([clamp(sx * 1.3 + rng.normal(0, 0.5)), clamp(sy * 1.3 + rng.normal(0, 0.5))]);
      y.push(sx * sy > 0 ? 1 : 0);
    }
    return { X, y, K: 2 };
  }
  const K = name === 'blobs3' ? 3 : 4;
  const centers = Array.from({ length: K }, (_, k) => {
    const a = Math.PI / 2 + (2 * Math.PI * k) / K;
    return [1.5 * Math.cos(a), 1.5 * Math.sin(a)];
  });
  const d = makeBlobs({ nSamples: n, centers, clusterStd: 0.5, randomState: seed });
  return { X: d.X.map((r) => [clamp(r[0]), clamp(r[1])]), y: d.y, K };
}

const clamp = (v: number) => Math.min(2.95, Math.max(-2.95, v));

/** γ = 1/(2σ²). */
export const gammaOf = (sigma: number): number => 1 / (2 * sigma * sigma);

/** The SVC of the state's kernel, fitted on the data. */
export function fitKernel(data: Data, s: Pick<KernelTrickState, 'kernel' | 'sigma' | 'C'>): SVC {
  const opts =
    s.kernel === 'rbf'
      ? { kernel: 'rbf' as const, gamma: gammaOf(s.sigma) }
      : s.kernel === 'poly'
        ? { kernel: 'poly' as const, ...POLY }
        : { kernel: 'linear' as const };
  return new SVC({ ...opts, C: s.C }).fit(data.X, data.y);
}

/** The n × n grid of cell centres of the box, row 0 at the top (x₂ largest). */
export function gridPoints(n: number, box: readonly [number, number, number, number] = DOMAIN): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < n; r++) {
    const y = box[3] - ((r + 0.5) * (box[3] - box[2])) / n;
    for (let c = 0; c < n; c++) out.push([box[0] + ((c + 0.5) * (box[1] - box[0])) / n, y]);
  }
  return out;
}

/** The decision field over the grid: raw f (binary) and the canvas encoding. */
export interface DecisionField {
  /** Binary: f(x) per cell; multi-class: the winning class per cell. */
  raw: Float64Array;
  /** For the canvas: binary f/4 clamped to [−1, 1] (diverging); multi-class class + confidence (classes). */
  paint: Float32Array;
  kind: 'diverging' | 'classes';
}

/**
 * Kernel values K(svₛ, x) of every support vector at every grid cell, one row per support
 * vector. RBF factorises on a grid: exp(−γ‖x − s‖²) = exp(−γ(x₁ − s₁)²)·exp(−γ(x₂ − s₂)²),
 * so each row costs n² products and only 2n exponentials (the field stays within a frame).
 */
function kernelRows(svc: SVC, s: Pick<KernelTrickState, 'kernel'>, n: number): Float64Array[] {
  const sv = svc.supportVectors;
  const g = svc.gamma;
  const xs = Array.from({ length: n }, (_, c) => DOMAIN[0] + ((c + 0.5) * (DOMAIN[1] - DOMAIN[0])) / n);
  const ys = Array.from({ length: n }, (_, r) => DOMAIN[3] - ((r + 0.5) * (DOMAIN[3] - DOMAIN[2])) / n);
  const ex = new Float64Array(n);
  const ey = new Float64Array(n);
  return sv.map(([a, b]) => {
    const row = new Float64Array(n * n);
    if (s.kernel === 'rbf') {
      for (let c = 0; c < n; c++) ex[c] = Math.exp(-g * (xs[c] - a) ** 2);
      for (let r = 0; r < n; r++) ey[r] = Math.exp(-g * (ys[r] - b) ** 2);
      for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) row[r * n + c] = ey[r] * ex[c];
    } else {
      for (let r = 0; r < n; r++)
        for (let c = 0; c < n; c++) {
          const dot = xs[c] * a + ys[r] * b;
          row[r * n + c] = s.kernel === 'poly' ? (POLY.gamma * dot + POLY.coef0) ** POLY.degree : dot;
        }
    }
    return row;
  });
}

/**
 * Evaluates the SVC on the grid from its support vectors, dual coefficients and intercepts
 * (the numbers of `svc.decisionFunction`, computed in one pass per support vector).
 * Binary: f(x) = Σ yᵢαᵢK(xᵢ, x) + b. Multi-class: libsvm's one-vs-one layout (pair (i, j) takes
 * class i's coefficients from row j − 1 and class j's from row i), each cell going to the
 * class with most pairwise wins (ties: the lower class, as libsvm), shaded by its smallest
 * pairwise |f|.
 */
export function decisionField(svc: SVC, K: number, n: number, s: Pick<KernelTrickState, 'kernel'> = { kernel: svcKernel(svc) }): DecisionField {
  const rows = kernelRows(svc, s, n);
  const coef = svc.dualCoef;
  const icpt = svc.intercept;
  const raw = new Float64Array(n * n);
  const paint = new Float32Array(n * n);
  if (K === 2) {
    raw.fill(icpt[0]);
    rows.forEach((row, k) => {
      const a = coef[0][k];
      for (let q = 0; q < row.length; q++) raw[q] += a * row[q];
    });
    for (let q = 0; q < raw.length; q++) paint[q] = Math.max(-1, Math.min(1, raw[q] / 4));
    return { raw, paint, kind: 'diverging' };
  }
  // Which class each support vector belongs to (they are grouped by class).
  const owner: number[] = [];
  svc.nSupport.forEach((m, c) => {
    for (let t = 0; t < m; t++) owner.push(c);
  });
  const pairs: [number, number][] = [];
  for (let i = 0; i < K; i++) for (let j = i + 1; j < K; j++) pairs.push([i, j]);
  const dec = pairs.map((_, p) => new Float64Array(n * n).fill(icpt[p]));
  pairs.forEach(([i, j], p) => {
    rows.forEach((row, k) => {
      const c = owner[k];
      if (c !== i && c !== j) return;
      const a = coef[c === i ? j - 1 : i][k];
      if (a === 0) return;
      const d = dec[p];
      for (let q = 0; q < row.length; q++) d[q] += a * row[q];
    });
  });
  const votes = new Int32Array(K);
  const least = new Float64Array(K);
  for (let q = 0; q < n * n; q++) {
    votes.fill(0);
    least.fill(Infinity);
    pairs.forEach(([i, j], p) => {
      const f = dec[p][q];
      votes[f > 0 ? i : j]++;
      least[i] = Math.min(least[i], Math.abs(f));
      least[j] = Math.min(least[j], Math.abs(f));
    });
    let best = 0;
    for (let k = 1; k < K; k++) if (votes[k] > votes[best]) best = k;
    raw[q] = best;
    paint[q] = best + Math.min(0.6, least[best] / 3);
  }
  return { raw, paint, kind: 'classes' };
}

/** The kernel an SVC was built with. */
const svcKernel = (svc: SVC): KernelName => svc.options.kernel;

/** The lift's third feature z(x). */
export function liftZ(lift: LiftName, x0: number, x1: number, landmark: readonly [number, number], sigma: number): number {
  if (lift === 'radius') return x0 * x0 + x1 * x1;
  if (lift === 'product') return x0 * x1;
  return Math.exp(-((x0 - landmark[0]) ** 2 + (x1 - landmark[1]) ** 2) / (2 * sigma * sigma));
}

/** A plane w·(x₁, x₂, z) + b = 0 in the lifted space, with its training accuracy. */
export interface Plane {
  w: [number, number, number];
  b: number;
  accuracy: number;
}

/** The lifted points (x₁, x₂, z). */
export function lifted(data: Data, s: Pick<KernelTrickState, 'lift' | 'landmark' | 'sigma'>): number[][] {
  return data.X.map(([a, b]) => [a, b, liftZ(s.lift, a, b, s.landmark, s.sigma)]);
}

/** A linear SVM (SVC linear, same C) in the lifted space: the separating plane. */
export function fitPlane(L: number[][], y: number[], C: number): Plane {
  const svc = new SVC({ kernel: 'linear', C }).fit(L, y);
  const w = svc.coef[0];
  const b = svc.intercept[0];
  let right = 0;
  L.forEach((p, i) => {
    if ((w[0] * p[0] + w[1] * p[1] + w[2] * p[2] + b > 0 ? 1 : 0) === y[i]) right++;
  });
  return { w: [w[0], w[1], w[2]], b, accuracy: right / L.length };
}

/** The plane seen from ℝ²: g(x) = w₁x₁ + w₂x₂ + w₃z(x) + b over the grid. */
export function planeField(plane: Plane, s: Pick<KernelTrickState, 'lift' | 'landmark' | 'sigma'>, n: number): Float64Array {
  const out = new Float64Array(n * n);
  gridPoints(n).forEach(([a, b], i) => {
    out[i] = plane.w[0] * a + plane.w[1] * b + plane.w[2] * liftZ(s.lift, a, b, s.landmark, s.sigma) + plane.b;
  });
  return out;
}

/** Training accuracy of the SVC. */
export function accuracy(svc: SVC, data: Data): number {
  const p = svc.predict(data.X);
  return p.filter((v, i) => v === data.y[i]).length / p.length;
}

/** A number for the readouts: up to 3 significant digits. */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  return Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3 ? v.toExponential(2) : String(Number(v.toPrecision(3)));
}

/** Names for the status and controls. */
export const KERNEL_LABELS: Record<KernelName, string> = { linear: 'Linear', poly: 'Polynomial', rbf: 'RBF' };
export const LIFT_LABELS: Record<LiftName, string> = { rbf: 'z = RBF bump around c', radius: 'z = x₁² + x₂²', product: 'z = x₁x₂' };
export const DATASET_LABELS: Record<KernelDataset, string> = { circles: 'Circles', xor: 'XOR', blobs3: '3 blobs', blobs4: '4 blobs' };

/** The status line. */
export function statusText(s: KernelTrickState, svc: SVC, data: Data, plane: Plane | null): string {
  const acc = Math.round(accuracy(svc, data) * 100);
  const nsv = svc.support.length;
  const kernel = s.kernel === 'rbf' ? `RBF kernel, σ = ${fmt(s.sigma)} (γ = ${fmt(gammaOf(s.sigma))})` : `${KERNEL_LABELS[s.kernel]} kernel`;
  const head = `${kernel}, C = ${fmt(s.C)}: ${nsv} support vectors, training accuracy ${acc} %.`;
  if (data.K > 2) return `One-vs-one: ${(data.K * (data.K - 1)) / 2} SVMs for ${data.K} classes. ${head}`;
  return plane ? `${head} The plane in (x₁, x₂, z) separates ${Math.round(plane.accuracy * 100)} %.` : head;
}

/** The frame's `data-state`. */
export const frameState = (): ExplainerState => 'done';

/** The camera after turning by (dAz, dEl) degrees: azimuth wraps, elevation stays in [−85°, 85°]. */
export function rotated(rotation: readonly [number, number], dAz: number, dEl: number): [number, number] {
  return [Math.round((((rotation[0] + dAz) % 360) + 360) % 360), Math.round(Math.min(85, Math.max(-85, rotation[1] + dEl)))];
}

/** Sizes: the two square panels side by side, or stacked below 640 px. */
export function kernelSizes(width: number, height: number, avail: number, compact: boolean): { plot: number; lift: number } {
  if (compact) {
    const s = Math.max(200, Math.min(avail, height));
    return { plot: s, lift: s };
  }
  const s = Math.max(200, Math.min(height, Math.floor((Math.min(width, avail) - 12) / 2)));
  return { plot: s, lift: s };
}
