import { makeLine, mseLineObjective } from '@geolearn/algorithms';
import { formatNumber } from '../common/LineChart';
import { fieldCheck, type FieldChecks } from '../hooks/useControllableState';
import type { ExplainerState } from '../kit/Explainer';

/**
 * The model of "data, model and loss": the state, its checks, the loss of a line and the
 * status text. Pure functions of plain JSON, no React.
 */

/** The explainer's state: plain JSON, so it can live in a permalink. */
export interface DataModelLossState {
  /** The data 𝓓 = {(xᵢ, yᵢ)}, each point [x, y]. */
  points: [number, number][];
  /** Slope a of the model y = a·x + b. */
  a: number;
  /** Intercept b of the model. */
  b: number;
}

/** The plotted window, the same in x and y so that a residual square is a square. */
export const LO = 0;
export const HI = 6;
/** The slope handle sits on the line at x = 5; the intercept handle at x = 0. */
export const X_A = 5;
/** Margins of the plot (room for the axes). */
export const MARGIN = { top: 12, right: 16, bottom: 44, left: 48 } as const;
/** One arrow press moves a point or handle by 0.1 (Shift: 1). */
export const KEY_STEP = 0.1;

/** How a `defaultValue` is checked field by field. */
export const STATE_CHECKS: FieldChecks<DataModelLossState> = {
  points: fieldCheck.arrayOf(fieldCheck.tuple<[number, number]>(2)),
  a: fieldCheck.number(-1e6, 1e6),
  b: fieldCheck.number(-1e6, 1e6),
};

/** Clamps v to [lo, hi] (the plotted window by default). */
export function clamp(v: number, lo = LO, hi = HI): number {
  return Math.min(hi, Math.max(lo, v));
}

/** A number for display, with the minus sign "−". */
export function fmt(v: number): string {
  return formatNumber(v).replace(/-/g, '−');
}

/** The seeded data and a first guess of the line (a poor one, so there is something to learn). */
export function initialState(seed: number, nPoints: number): DataModelLossState {
  const d = makeLine({ nSamples: nPoints, slope: 0.7, intercept: 1.2, noise: 0.7, xRange: [0.5, 5.5], randomState: seed });
  const round = (v: number) => Math.round(v * 100) / 100;
  return { points: d.x.map((x, i) => [round(x), round(clamp(d.y[i], 0.2, 5.8))]), a: 0.1, b: 3.5 };
}

/** The loss of the current line, the least-squares line θ* and its loss. */
export interface LossInfo {
  /** 𝓛(θ) = (1/N) Σ (a·xᵢ + b − yᵢ)². */
  loss: number;
  /** θ* = argmin 𝓛 (closed form), or null without data. */
  best: [number, number] | null;
  /** 𝓛(θ*). */
  bestLoss: number;
  /** Whether θ is θ* (to rounding). */
  fitted: boolean;
}

/** The loss, θ* and whether the line is fitted. */
export function lossInfo(s: DataModelLossState): LossInfo {
  if (s.points.length === 0) return { loss: 0, best: null, bestLoss: 0, fitted: false };
  const obj = mseLineObjective(
    s.points.map((p) => p[0]),
    s.points.map((p) => p[1]),
  );
  const loss = obj.loss([s.a, s.b]);
  const best = (obj.minimum ?? [0, 0]) as [number, number];
  const bestLoss = obj.loss(best);
  return { loss, best, bestLoss, fitted: Math.abs(loss - bestLoss) <= 1e-9 * Math.max(1, bestLoss) };
}

/** The status line: θ, 𝓛, and θ* for comparison. */
export function statusText(s: DataModelLossState, info: LossInfo): string {
  const head = `θ = (${fmt(s.a)}, ${fmt(s.b)}) · 𝓛 = ${fmt(info.loss)}`;
  if (!info.best) return `${head} · no data`;
  return info.fitted
    ? `${head} · this is θ*, the least loss`
    : `${head} · θ* = (${fmt(info.best[0])}, ${fmt(info.best[1])}) gives 𝓛 = ${fmt(info.bestLoss)}`;
}

/** The frame's `data-state`: gliding to θ* plays, θ* reached is done. */
export function frameState(info: LossInfo, fitting: boolean): ExplainerState {
  if (fitting) return 'playing';
  return info.fitted ? 'done' : 'idle';
}

/** The state after moving the intercept handle to height y (b = y, kept within [−6, 12]). */
export function withIntercept(s: DataModelLossState, y: number): DataModelLossState {
  return { ...s, b: clamp(y, -HI, 2 * HI) };
}

/** The state after moving the slope handle (on the line at x = 5) to height y: the line turns about its intercept. */
export function withSlope(s: DataModelLossState, y: number): DataModelLossState {
  return { ...s, a: (clamp(y, -HI, 2 * HI) - s.b) / X_A };
}

/** The state after moving point i to (x, y), kept in the window. */
export function withPoint(s: DataModelLossState, i: number, [x, y]: readonly number[]): DataModelLossState {
  return { ...s, points: s.points.map((p, j) => (j === i ? ([clamp(x), clamp(y)] as [number, number]) : p)) };
}

/** Side of the square plot area, px: the available width less the margins, at most the height. */
export function plotSide(avail: number, height: number, compact: boolean): number {
  const byWidth = avail - MARGIN.left - MARGIN.right;
  return Math.max(80, Math.round(compact ? byWidth : Math.min(byWidth, height - MARGIN.top - MARGIN.bottom)));
}

/** Width of the panel of the four ingredients beside the plot (below it, full width, when compact). */
export function ingredientsWidth(avail: number, side: number, compact: boolean): number {
  if (compact) return avail;
  return Math.max(200, Math.min(320, avail - side - MARGIN.left - MARGIN.right - 12));
}

/** Where the residual square of a point stands: on its residual segment, to the right unless that leaves the plot. */
export function squareLeft(xPx: number, side: number, plot: number): number {
  return xPx + side > plot ? xPx - side : xPx;
}
