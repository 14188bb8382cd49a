import { LogisticRegression, makeCircles } from '@geolearn/algorithms';
import { fieldCheck, type FieldChecks } from '../hooks/useControllableState';
import type { ExplainerState } from '../kit/Explainer';

/**
 * "Representation matters": two rings, drawn in Cartesian coordinates (x₁, x₂) where no
 * line separates them, and in polar coordinates (r, θ) where one threshold on r does. A
 * morph z(t) = (1 − t)·x̃ + t·p̃ slides every point between its two positions (x̃ and p̃
 * are the Cartesian and polar coordinates scaled to the same square [−1, 1]²), and a
 * logistic regression is refitted on z(t): its training accuracy goes from chance to 100 %.
 * Pure functions of plain data, no React.
 */

/** A point of the plane. */
export type Pt = [number, number];

/** The explainer's state: plain JSON, so it can live in a permalink. */
export interface RepresentationState {
  /** The morph: 0 is Cartesian (x₁, x₂), 1 is polar (r, θ). */
  t: number;
  /** Standard deviation of the Gaussian noise added to the rings. */
  noise: number;
}

/** The default state. */
export const DEFAULT_STATE: RepresentationState = { t: 0, noise: 0.08 };

/** How a `defaultValue` is checked field by field. */
export const STATE_CHECKS: FieldChecks<RepresentationState> = {
  t: fieldCheck.number(0, 1),
  noise: fieldCheck.number(0, 0.3),
};

/** Inner ring's radius over the outer one's (scikit-learn's make_circles factor). */
export const FACTOR = 0.5;

/** The rings and their two representations, scaled to [−1, 1]². */
export interface Rings {
  /** The points in Cartesian coordinates (x₁, x₂). */
  X: Pt[];
  /** 0: outer ring, 1: inner ring. */
  y: number[];
  /** Their polar coordinates (r, θ), θ ∈ (−π, π]. */
  P: Pt[];
  /** The half-width of the Cartesian square and the largest r of the polar box. */
  R: number;
}

/** The rings (seeded), with their polar coordinates. */
export function makeRings(n: number, noise: number, seed: number): Rings {
  const N = Math.max(10, Math.min(2000, Math.round(n)));
  const { X, y } = makeCircles({ nSamples: N, factor: FACTOR, noise: Math.max(0, noise), randomState: seed });
  const pts = X.map((r) => [r[0], r[1]] as Pt);
  const P = pts.map(([a, b]) => [Math.hypot(a, b), Math.atan2(b, a)] as Pt);
  const R = Math.max(1.2, Math.ceil(Math.max(...pts.map(([a, b]) => Math.max(Math.abs(a), Math.abs(b)))) * 10) / 10);
  return { X: pts, y, P, R };
}

/** Cartesian (x₁, x₂) scaled to [−1, 1]²: x̃ = x / R. */
export function cartScaled([a, b]: Pt, R: number): Pt {
  return [a / R, b / R];
}

/** Polar (r, θ) scaled to [−1, 1]²: r̃ = 2r/R − 1 (r on the horizontal axis), θ̃ = θ/π. */
export function polarScaled([r, th]: Pt, R: number): Pt {
  return [(2 * r) / R - 1, th / Math.PI];
}

/** z(t) = (1 − t)·x̃ + t·p̃: the point's position in the morph (t = 0 Cartesian, t = 1 polar). */
export function morph(x: Pt, p: Pt, R: number, t: number): Pt {
  const c = cartScaled(x, R);
  const q = polarScaled(p, R);
  return [(1 - t) * c[0] + t * q[0], (1 - t) * c[1] + t * q[1]];
}

/** The points at morph position t. */
export function morphAll(rings: Rings, t: number): Pt[] {
  return rings.X.map((x, i) => morph(x, rings.P[i], rings.R, t));
}

/** A fitted linear model on z: w·z + b = 0 is the boundary, P(inner) = σ(w·z + b). */
export interface LinearFit {
  w: [number, number];
  b: number;
  /** Fraction of the points classified right. */
  accuracy: number;
}

/** Inverse regularisation C: the features are in [−1, 1], so a weak penalty lets the boundary find its place. */
export const C_REG = 100;

/** Fits LogisticRegression (L-BFGS, C = 100) on the points Z and reports its training accuracy. */
export function fitLinear(Z: readonly Pt[], y: readonly number[]): LinearFit {
  const model = new LogisticRegression({ C: C_REG, maxIter: 200 }).fit(Z as Pt[], y as number[]);
  return { w: [model.coef[0][0], model.coef[0][1]], b: model.intercept[0], accuracy: model.score(Z as Pt[], y as number[]) };
}

/** The training accuracy of the linear model on z(t), for t = 0, 0.05, …, 1. */
export function accuracyCurve(rings: Rings, steps = 20): [number, number][] {
  return Array.from({ length: steps + 1 }, (_, k) => {
    const t = k / steps;
    return [t, fitLinear(morphAll(rings, t), rings.y).accuracy] as [number, number];
  });
}

/** The segment of the line w·z + b = 0 inside the square [−1, 1]², or null. */
export function lineInSquare(w: readonly [number, number], b: number, half = 1): [Pt, Pt] | null {
  const pts: Pt[] = [];
  const add = (p: Pt) => {
    if (Math.abs(p[0]) <= half + 1e-9 && Math.abs(p[1]) <= half + 1e-9 && !pts.some((q) => Math.hypot(q[0] - p[0], q[1] - p[1]) < 1e-9)) pts.push(p);
  };
  if (w[1] !== 0) for (const x of [-half, half]) add([x, -(w[0] * x + b) / w[1]]);
  if (w[0] !== 0) for (const y of [-half, half]) add([-(w[1] * y + b) / w[0], y]);
  return pts.length >= 2 ? [pts[0], pts[1]] : null;
}

/**
 * The polar model's boundary carried through the morph: the points (r(θ), θ) on its line
 * w·p̃ + b = 0, each mapped to z(t). At t = 0 it is a closed curve around the inner ring
 * (a circle when w_θ = 0), at t = 1 the straight threshold. Runs broken where r leaves [0, R].
 */
export function polarBoundaryAt(fit: LinearFit, R: number, t: number, samples = 120): Pt[][] {
  const runs: Pt[][] = [];
  let run: Pt[] = [];
  for (let k = 0; k <= samples; k++) {
    const th = -Math.PI + (2 * Math.PI * k) / samples;
    // w₀(2r/R − 1) + w₁θ/π + b = 0  →  r = R/2 · (1 − (b + w₁θ/π)/w₀).
    const r = fit.w[0] === 0 ? NaN : (R / 2) * (1 - (fit.b + (fit.w[1] * th) / Math.PI) / fit.w[0]);
    if (!(r >= 0 && r <= R)) {
      if (run.length > 1) runs.push(run);
      run = [];
      continue;
    }
    run.push(morph([r * Math.cos(th), r * Math.sin(th)], [r, th], R, t));
  }
  if (run.length > 1) runs.push(run);
  return runs;
}

/**
 * The Cartesian model's line carried through the morph: points x(s) on w·x̃ + b = 0 inside
 * the square, each mapped to z(t). In polar coordinates a straight line becomes a wave
 * r = d / cos(θ − φ); runs break where θ jumps from π to −π.
 */
export function cartBoundaryAt(fit: LinearFit, R: number, t: number, samples = 160): Pt[][] {
  const seg = lineInSquare(fit.w, fit.b);
  if (!seg) return [];
  const runs: Pt[][] = [];
  let run: Pt[] = [];
  let lastTh = NaN;
  for (let k = 0; k <= samples; k++) {
    const s = k / samples;
    const xs: Pt = [(seg[0][0] + s * (seg[1][0] - seg[0][0])) * R, (seg[0][1] + s * (seg[1][1] - seg[0][1])) * R];
    const p: Pt = [Math.hypot(xs[0], xs[1]), Math.atan2(xs[1], xs[0])];
    if (t > 0 && Math.abs(p[1] - lastTh) > Math.PI) {
      if (run.length > 1) runs.push(run);
      run = [];
    }
    lastTh = p[1];
    if (p[0] <= R) run.push(morph(xs, p, R, t));
  }
  if (run.length > 1) runs.push(run);
  return runs;
}

/** The status line: the accuracy now and at both ends. */
export function statusText(t: number, now: LinearFit | null, cart: LinearFit | null, polar: LinearFit | null, problem: string | null): string {
  if (problem || !now || !cart || !polar) return `Cannot fit: ${problem ?? 'no model'}.`;
  const pc = (v: number) => `${Math.round(100 * v)} %`;
  const where = t === 0 ? 'Cartesian (x₁, x₂)' : t === 1 ? 'polar (r, θ)' : `t = ${t.toFixed(2)}, between Cartesian and polar`;
  return `${where}: the linear model classifies ${pc(now.accuracy)} of the points. Cartesian ${pc(cart.accuracy)}, polar ${pc(polar.accuracy)}.`;
}

/** The frame's `data-state`. */
export function frameState(problem: string | null, playing: boolean, t: number): ExplainerState {
  if (problem) return 'error';
  if (playing) return 'playing';
  return t === 1 ? 'done' : t > 0 ? 'paused' : 'idle';
}

/** Sizes: the square morph plot and the side panel, one column when compact. */
export function representationSizes(width: number, avail: number, compact: boolean, fit: boolean) {
  const w = Math.max(220, Math.min(width, avail));
  let plot = compact ? w : Math.max(260, Math.min(460, w - 300 - 12));
  if (fit) plot = Math.min(plot, 440);
  return { plot, side: compact ? w : Math.max(240, Math.min(340, w - plot - 12)) };
}

/** One step of Play: toward the end it heads to; under reduced motion, straight there. */
export function nextT(t: number, dir: 1 | -1, reducedMotion: boolean, step = 0.01): number {
  if (reducedMotion) return dir > 0 ? 1 : 0;
  return Math.max(0, Math.min(1, Math.round((t + dir * step) * 1000) / 1000));
}
