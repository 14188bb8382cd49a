import { RandomState, SVC } from '@geolearn/algorithms';
import type { FieldCheck, FieldChecks } from '../hooks/useControllableState';
import { fieldCheck } from '../hooks/useControllableState';
import { specField, specRange } from '../kit/paramSlider';
import type { ExplainerState } from '../kit/Explainer';

/**
 * The SVM-margin explainer's model: pure functions of plain JSON, no React.
 *
 * The slides' SVM: f(x) = w·x + b, labels yᵢ ∈ {−1, +1} (class 0 ↦ −1, class 1 ↦ +1), the
 * hinge loss 𝓛(w, b) = (1/N) Σ max(0, 1 − yᵢ(w·xᵢ + b)). Both solvers minimise the same
 * soft-margin objective as scikit-learn's SVC (libsvm):
 *
 *   J(w, b) = ½‖w‖² + C Σᵢ max(0, 1 − yᵢ(w·xᵢ + b)),   b not penalised,
 *
 * exactly by SMO (`SVC({ kernel: 'linear' })`), or step by step by sub-gradient descent on
 * J/(NC) = (λ/2)‖w‖² + 𝓛(w, b) with λ = 1/(NC) (same minimiser). LinearSVC's `fitSteps` is
 * not used: it is dual coordinate descent with b penalised as a weight (liblinear), whose
 * minimiser differs from SVC's; with interceptScaling large enough to make b nearly free it
 * converges slowly at large C (on an 11-point set at C = 100 it was still 0.12 off SMO's w after 10⁵ epochs).
 */

/** A labelled point [x₁, x₂, class] with class 0 (y = −1) or 1 (y = +1). */
export type SvmPoint = [number, number, 0 | 1];

/** How the fit is found: exactly (SMO) or by sub-gradient steps. */
export type SvmSolver = 'exact' | 'steps';

/** What a press on the plot does. */
export type SvmTool = 'move' | 'add' | 'delete';

/** The explainer's state: plain JSON, so it can live in a permalink. */
export interface SvmMarginState {
  /** The points. */
  points: SvmPoint[];
  /** The penalty C > 0 of the margin violations. */
  C: number;
  /** 'exact' (SMO, recomputed live) or 'steps' (sub-gradient descent, `iteration` steps from w = 0, b = 0). */
  solver: SvmSolver;
  /** Sub-gradient steps taken (solver 'steps'). */
  iteration: number;
  /** What a press on the plot does: drag points, add a point, delete a point. */
  tool: SvmTool;
  /** The class a click adds in the 'add' tool. */
  addClass: 0 | 1;
}

/** The plotted box [x0, x1, y0, y1]. */
export const DOMAIN = [-4, 4, -4, 4] as const;
/** The C slider's teaching range, inside SVC's declared C range (checked by `specRange`). */
const C_TEACHING = [0.01, 100] as const;
/** The C slider (min, max, log scale), read from `SVC.paramSpec.C`. */
export const C_SLIDER = specRange(SVC, 'C', { range: C_TEACHING });
/** The C slider's ends. */
export const C_RANGE = [C_SLIDER.min, C_SLIDER.max] as const;
/** Most sub-gradient steps (enough to agree with SMO to ~10⁻² at C ≤ 100 on the default data). */
export const MAX_STEPS = 20000;
/** Most SMO iterations of the exact fit. */
export const SMO_MAX_ITER = 20000;
/** Most points (the fit and field stay well within a frame). */
export const MAX_POINTS = 100;

const isPoint: FieldCheck<SvmPoint> = (v): v is SvmPoint =>
  Array.isArray(v) && v.length === 3 && Number.isFinite(v[0]) && Number.isFinite(v[1]) && (v[2] === 0 || v[2] === 1);

/** How a `defaultValue` is checked field by field. */
export const STATE_CHECKS: FieldChecks<SvmMarginState> = {
  points: (v): v is SvmPoint[] => fieldCheck.arrayOf(isPoint)(v) && v.length <= MAX_POINTS,
  C: specField(SVC, 'C', { range: C_TEACHING }),
  solver: fieldCheck.oneOf<SvmSolver>('exact', 'steps'),
  iteration: fieldCheck.integer(0, MAX_STEPS),
  tool: fieldCheck.oneOf<SvmTool>('move', 'add', 'delete'),
  addClass: fieldCheck.oneOf<0 | 1>(0, 1),
};

/** Two seeded Gaussian clouds, n per class, around (−1.1, −0.8) and (1.1, 0.8), σ = 0.9, rounded to 0.01. */
export function defaultPoints(seed = 0, n = 8): SvmPoint[] {
  const rng = new RandomState(seed);
  const out: SvmPoint[] = [];
  for (const c of [0, 1] as const) {
    const s = c === 0 ? -1 : 1;
    for (let i = 0; i < n; i++) {
      const x = Math.round((s * 1.1 + rng.normal(0, 0.9)) * 100) / 100;
      const y = Math.round((s * 0.8 + rng.normal(0, 0.9)) * 100) / 100;
      out.push([clampTo(x, DOMAIN[0], DOMAIN[1]), clampTo(y, DOMAIN[2], DOMAIN[3]), c]);
    }
  }
  return out;
}

/** The default state for a seed. */
export function defaultState(seed = 0): SvmMarginState {
  return { points: defaultPoints(seed), C: 1, solver: 'exact', iteration: 0, tool: 'move', addClass: 0 };
}

function clampTo(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/** y = −1 for class 0, +1 for class 1. */
export const sign = (c: 0 | 1): -1 | 1 => (c === 1 ? 1 : -1);

/** A linear decision function f(x) = w·x + b. */
export interface LinearFit {
  w: [number, number];
  b: number;
}

/** Why there is nothing to fit, or null. */
export function dataProblem(points: readonly SvmPoint[]): string | null {
  if (points.length === 0) return 'No points: add some of each class.';
  const n1 = points.filter((p) => p[2] === 1).length;
  if (n1 === 0 || n1 === points.length) return 'One class only: nothing to separate. Add a point of the other class.';
  return null;
}

/**
 * The exact soft-margin SVM by SMO: scikit-learn's SVC(kernel='linear', C), with its default
 * tol 1e-3 and at most {@link SMO_MAX_ITER} iterations so that a drag frame stays short
 * (measured: 100 heavily overlapping points at C = 100 take ~3·10⁴ iterations, ~40 ms; at
 * tol 1e-6 the same set took 4.4·10⁶ iterations, 0.5 s).
 */
export function fitExact(points: readonly SvmPoint[], C: number): LinearFit & { support: number[] } {
  const svc = new SVC({ kernel: 'linear', C, maxIter: SMO_MAX_ITER }).fit(
    points.map((p) => [p[0], p[1]]),
    points.map((p) => p[2]),
  );
  const w = svc.coef[0];
  return { w: [w[0], w[1]], b: svc.intercept[0], support: svc.support };
}

/** Where sub-gradient descent is after `t` steps. */
export interface DescentState extends LinearFit {
  t: number;
}

/** The sub-gradient step size at step t: η_t = min(1, 1/(λt)), Pegasos' 1/(λt) capped at 1. */
export function stepSize(t: number, lambda: number): number {
  return Math.min(1, 1 / (lambda * t));
}

/**
 * Sub-gradient descent on (λ/2)‖w‖² + (1/N) Σ max(0, 1 − yᵢ(w·xᵢ + b)), λ = 1/(NC), from
 * `from` to step `to`. A sub-gradient is g_w = λw − (1/N) Σ_{yᵢfᵢ<1} yᵢxᵢ, g_b = −(1/N) Σ_{yᵢfᵢ<1} yᵢ
 * (the hinge's kink counts as flat). Full batch, O(N) per step.
 */
export function descend(points: readonly SvmPoint[], C: number, from: DescentState, to: number): DescentState {
  const N = points.length;
  if (N === 0) return from;
  const lambda = 1 / (N * C);
  let [w0, w1] = from.w;
  let b = from.b;
  for (let t = from.t + 1; t <= to; t++) {
    let g0 = lambda * w0;
    let g1 = lambda * w1;
    let gb = 0;
    for (const [x0, x1, c] of points) {
      const y = c === 1 ? 1 : -1;
      if (y * (w0 * x0 + w1 * x1 + b) < 1) {
        g0 -= (y * x0) / N;
        g1 -= (y * x1) / N;
        gb -= y / N;
      }
    }
    const eta = stepSize(t, lambda);
    w0 -= eta * g0;
    w1 -= eta * g1;
    b -= eta * gb;
  }
  return { w: [w0, w1], b, t: Math.max(from.t, to) };
}

/** The start of the descent: w = 0, b = 0. */
export const DESCENT_START: DescentState = { w: [0, 0], b: 0, t: 0 };

/** f(x) = w·x + b. */
export const decision = (fit: LinearFit, x0: number, x1: number): number => fit.w[0] * x0 + fit.w[1] * x1 + fit.b;

/** Each point's hinge term max(0, 1 − yᵢ f(xᵢ)). */
export function hingeTerms(points: readonly SvmPoint[], fit: LinearFit): number[] {
  return points.map((p) => Math.max(0, 1 - sign(p[2]) * decision(fit, p[0], p[1])));
}

/** The slides' hinge loss 𝓛(w, b): the mean of the hinge terms (0 without points). */
export function hingeLoss(points: readonly SvmPoint[], fit: LinearFit): number {
  const h = hingeTerms(points, fit);
  return h.length ? h.reduce((a, v) => a + v, 0) / h.length : 0;
}

/** The primal objective J(w, b) = ½‖w‖² + C Σ hinge. */
export function objective(points: readonly SvmPoint[], fit: LinearFit, C: number): number {
  return 0.5 * (fit.w[0] ** 2 + fit.w[1] ** 2) + C * hingeTerms(points, fit).reduce((a, v) => a + v, 0);
}

/**
 * Support vectors of a fit: points on or inside their margin, yᵢf(xᵢ) ≤ 1 (+ tolerance). For the
 * exact fit these are SMO's αᵢ > 0 up to points lying exactly on the margin with αᵢ = 0.
 */
export function marginPoints(points: readonly SvmPoint[], fit: LinearFit, tol = 1e-3): number[] {
  const out: number[] = [];
  points.forEach((p, i) => {
    if (sign(p[2]) * decision(fit, p[0], p[1]) <= 1 + tol) out.push(i);
  });
  return out;
}

/**
 * The segment from point i to its own margin line w·x + b = yᵢ (drawn when its hinge term is
 * positive): along the normal, of length (1 − yᵢfᵢ)/‖w‖ = hinge/‖w‖. Null if ‖w‖ = 0.
 */
export function hingeSegment(p: SvmPoint, fit: LinearFit): [[number, number], [number, number]] | null {
  const n2 = fit.w[0] ** 2 + fit.w[1] ** 2;
  if (!(n2 > 1e-12)) return null;
  const y = sign(p[2]);
  // Move x by s·w with w·(x + s w) + b = y  ⇒  s = (y − f(x)) / ‖w‖².
  const s = (y - decision(fit, p[0], p[1])) / n2;
  return [
    [p[0], p[1]],
    [p[0] + s * fit.w[0], p[1] + s * fit.w[1]],
  ];
}

/**
 * The line w·x + b = level clipped to the box: two end points, or null (w = 0 or outside).
 * Cohen–Sutherland-free: intersect with the four sides and keep the two inside.
 */
export function lineInBox(fit: LinearFit, level: number, box: readonly [number, number, number, number] = DOMAIN): [[number, number], [number, number]] | null {
  const [a, c] = fit.w;
  const rhs = level - fit.b;
  const pts: [number, number][] = [];
  const eps = 1e-9;
  if (Math.abs(c) > eps) {
    for (const x of [box[0], box[1]]) {
      const y = (rhs - a * x) / c;
      if (y >= box[2] - eps && y <= box[3] + eps) pts.push([x, y]);
    }
  }
  if (Math.abs(a) > eps) {
    for (const y of [box[2], box[3]]) {
      const x = (rhs - c * y) / a;
      if (x >= box[0] - eps && x <= box[1] + eps) pts.push([x, y]);
    }
  }
  if (pts.length < 2) return null;
  // The two points farthest apart (corners can be found twice).
  let best: [[number, number], [number, number]] = [pts[0], pts[1]];
  let d = -1;
  for (let i = 0; i < pts.length; i++)
    for (let j = i + 1; j < pts.length; j++) {
      const dd = (pts[i][0] - pts[j][0]) ** 2 + (pts[i][1] - pts[j][1]) ** 2;
      if (dd > d) {
        d = dd;
        best = [pts[i], pts[j]];
      }
    }
  return d > 1e-12 ? best : null;
}

/** f over an n × n grid of the box, row 0 at the top, scaled by 1/6 and clamped to [−1, 1] for the diverging map (pale, so the points stand out). */
export function decisionGrid(fit: LinearFit | null, n: number, box: readonly [number, number, number, number] = DOMAIN): Float32Array {
  const out = new Float32Array(n * n);
  if (!fit) return out;
  for (let r = 0; r < n; r++) {
    const y = box[3] - ((r + 0.5) * (box[3] - box[2])) / n;
    for (let c = 0; c < n; c++) {
      const x = box[0] + ((c + 0.5) * (box[1] - box[0])) / n;
      out[r * n + c] = Math.max(-1, Math.min(1, decision(fit, x, y) / 6));
    }
  }
  return out;
}

/** A number for the readouts: 2 decimals, exponent form when huge. */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 1e4 ? v.toExponential(2) : v.toFixed(2);
}

/** Everything the view shows, derived from the state. */
export interface SvmView {
  /** Why nothing is fitted, or null. */
  problem: string | null;
  /** The fit shown (exact or the current step), or null. */
  fit: LinearFit | null;
  /** The exact fit, for comparison (null when there is a problem). */
  exact: (LinearFit & { support: number[] }) | null;
  /** Indices of the ringed support vectors. */
  support: number[];
  /** Hinge term per point. */
  hinge: number[];
  /** 𝓛(w, b). */
  loss: number;
  /** Margin width 2/‖w‖ (Infinity when w = 0). */
  margin: number;
}

/** Derives the view from the state and the current descent (solver 'steps'). */
export function deriveView(s: SvmMarginState, descent: DescentState): SvmView {
  const problem = dataProblem(s.points);
  if (problem) return { problem, fit: null, exact: null, support: [], hinge: s.points.map(() => 0), loss: 0, margin: Infinity };
  const exact = fitExact(s.points, s.C);
  const fit: LinearFit = s.solver === 'exact' ? exact : descent;
  const hinge = hingeTerms(s.points, fit);
  const nw = Math.hypot(fit.w[0], fit.w[1]);
  return {
    problem,
    fit,
    exact,
    support: s.solver === 'exact' ? [...exact.support].sort((a, b) => a - b) : marginPoints(s.points, fit),
    hinge,
    loss: hinge.reduce((a, v) => a + v, 0) / hinge.length,
    margin: nw > 0 ? 2 / nw : Infinity,
  };
}

/** The largest difference between a fit's (w₁, w₂, b) and the exact one's. */
export function gapTo(fit: LinearFit, exact: LinearFit): number {
  return Math.max(Math.abs(fit.w[0] - exact.w[0]), Math.abs(fit.w[1] - exact.w[1]), Math.abs(fit.b - exact.b));
}

/** The status line. */
export function statusText(s: SvmMarginState, v: SvmView): string {
  if (v.problem || !v.fit || !v.exact) return v.problem ?? '';
  const f = v.fit;
  const head = `w = (${fmt(f.w[0])}, ${fmt(f.w[1])}), b = ${fmt(f.b)} · margin 2/‖w‖ = ${Number.isFinite(v.margin) ? fmt(v.margin) : '∞'} · ${v.support.length} support vector${v.support.length === 1 ? '' : 's'} · 𝓛 = ${fmt(v.loss)}`;
  if (s.solver === 'exact') return `Exact (SMO): ${head}`;
  return `Step ${s.iteration}: ${head} · differs from SMO by ${gapTo(f, v.exact).toFixed(3)}`;
}

/** The frame's `data-state`. */
export function frameState(s: SvmMarginState, v: SvmView, playing: boolean): ExplainerState {
  if (v.problem) return 'error';
  if (s.solver === 'exact') return 'done';
  if (playing) return 'playing';
  if (s.iteration >= MAX_STEPS) return 'done';
  return s.iteration > 0 ? 'paused' : 'idle';
}

/** Steps per animation frame: accelerating, so Play reaches thousands of steps in a few seconds. */
export function stepsPerFrame(iteration: number): number {
  return Math.max(1, Math.floor(iteration / 8));
}

/** Sizes of the parts. */
export interface SvmSizes {
  plot: number;
  sideWidth: number;
  sideHeight: number;
}

/** The square plot shrinks to the container; the bars sit beside it, or below in one column. */
export function svmSizes(width: number, height: number, avail: number, compact: boolean): SvmSizes {
  if (compact) {
    const plot = Math.max(200, Math.min(width, height, avail));
    return { plot, sideWidth: plot, sideHeight: 180 };
  }
  const side = Math.round(Math.min(300, Math.max(220, avail * 0.34)));
  const plot = Math.max(200, Math.min(height, avail - side - 24));
  return { plot, sideWidth: side, sideHeight: Math.max(200, plot) };
}
