import { gridSearch, makeLine, minimizeSteps, mseLineObjective, randomSearch, type Objective, type OptimizerStep } from '@geolearn/algorithms';
import { formatNumber } from '../common/LineChart';
import { fieldCheck, type FieldChecks } from '../hooks/useControllableState';
import type { ExplainerState } from '../kit/Explainer';

/**
 * The search comparison's model: the state, the three searches, the slide's cost
 * arithmetic, the texts and the layout. Pure, no React.
 */

/** The explainer's state: plain JSON, so it can live in a permalink. */
export interface SearchComparisonState {
  /** Grid values per parameter of the grid search (it costs its square). */
  gridPoints: number;
  /** Random θ drawn by the random search. */
  randomSamples: number;
  /** Learning rate η of gradient descent. */
  learningRate: number;
  /** Loss evaluations shown so far, for the animation; absent shows every evaluation. */
  shown?: number;
  /** The slide's cost arithmetic: seconds per loss evaluation. */
  secondsPerEvaluation: number;
  /** The slide's cost arithmetic: grid values per parameter. */
  valuesPerParameter: number;
}

/** How a `defaultValue` is checked field by field. */
export const STATE_CHECKS: FieldChecks<SearchComparisonState> = {
  gridPoints: fieldCheck.integer(2, 100),
  randomSamples: fieldCheck.integer(1, 10000),
  learningRate: fieldCheck.number(Number.MIN_VALUE, 100),
  shown: fieldCheck.integer(0, 1e6),
  secondsPerEvaluation: fieldCheck.number(Number.MIN_VALUE, 1e9),
  valuesPerParameter: fieldCheck.integer(2, 1e6),
};

/** The default state: the slide's 100 values per parameter at 0.1 s per evaluation. */
export const DEFAULT_STATE: SearchComparisonState = { gridPoints: 10, randomSamples: 100, learningRate: 0.1, secondsPerEvaluation: 0.1, valuesPerParameter: 100 };

/** A number for display, with the minus sign "−". */
export const fmt = (v: number) => formatNumber(v).replace(/-/g, '−');

/** A duration in the unit a person would say: s, min, h, days or years. */
export function humanDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '∞';
  const units: [number, string][] = [
    [365.25 * 86400, 'years'],
    [86400, 'days'],
    [3600, 'hours'],
    [60, 'minutes'],
  ];
  for (const [s, name] of units) if (seconds >= s) return `${fmt(seconds / s)} ${name}`;
  return `${fmt(seconds)} s`;
}

/** Cost of an exhaustive grid: k values per parameter, d parameters, t seconds each: kᵈ evaluations, kᵈ·t seconds. */
export function gridSearchCost(valuesPerParameter: number, parameters: number, secondsPerEvaluation: number) {
  const evaluations = valuesPerParameter ** parameters;
  return { evaluations, seconds: evaluations * secondsPerEvaluation };
}

/** 5 → ⁵, −3 → ⁻³. */
export const superscript = (n: number) => String(n).replace(/-/g, '⁻').replace(/\d/g, (c) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(c)]);
/** A large number as a person writes it: 1.00 × 10¹⁰. */
export function scientific(v: number): string {
  const [m, e] = v.toExponential(2).split('e');
  return `${m} × 10${superscript(Number(e))}`;
}
/** Whole counts with thousands separators up to ten million, then as m × 10ᵏ. */
export const formatCount = (n: number) => (n < 1e7 ? Math.round(n).toLocaleString('en-US') : scientific(n));
/** Seconds: whole ones with separators, huge ones as m × 10ᵏ, others compactly. */
export const formatSeconds = (s: number) => (s >= 1e7 ? scientific(s) : s >= 1 && Math.abs(s - Math.round(s)) < 1e-6 ? formatCount(s) : fmt(s));

/** The line fit's MSE on seeded data. */
export function searchObjective(seed: number): Objective {
  const d = makeLine({ nSamples: 30, slope: 2, intercept: 1, noise: 1.5, xRange: [-2, 3], randomState: seed });
  return mseLineObjective(d.x, d.y);
}

/** One evaluation of the loss. */
export interface Evaluation {
  params: readonly number[];
  loss: number;
}

/** The three searches, each as its full list of evaluations. */
export function runSearches(objective: Objective, s: SearchComparisonState, seed: number) {
  const d = objective.domain!;
  const bounds: [number, number][] = [
    [d[0], d[1]],
    [d[2], d[3]],
  ];
  const grid = gridSearch(objective, { bounds, nPoints: s.gridPoints });
  const random = randomSearch(objective, { bounds, nIter: s.randomSamples, randomState: seed });
  const gd: OptimizerStep[] = [];
  const start = [d[0] + 0.1 * (d[1] - d[0]), d[2] + 0.9 * (d[3] - d[2])];
  for (const step of minimizeSteps(objective, start, { learningRate: s.learningRate, maxIter: 300, tol: 0.01 })) gd.push(step);
  return { grid: grid.evaluations as Evaluation[], random: random.evaluations as Evaluation[], gd, total: Math.max(grid.nLossEvaluations, random.nLossEvaluations, gd.length) };
}

/** The evaluation of least loss, or undefined for none. */
export function bestOf<E extends Evaluation>(evals: readonly E[]): E | undefined {
  let best = evals[0];
  for (const e of evals) if (e.loss < best.loss) best = e;
  return best;
}

/** The summary under a search's map. */
export const searchSummary = (n: number, best: Evaluation | undefined) => `${n} loss evaluations · best 𝓛 = ${best ? fmt(best.loss) : '–'}`;

/** The summary under gradient descent's map. */
export function gdSummary(shown: readonly OptimizerStep[]): string {
  const last = shown[shown.length - 1];
  return last.diverged
    ? `diverged at step ${last.divergedAt} (${shown.length} loss evaluations)`
    : `${shown.length} loss evaluations + ${shown.length - 1} gradients · 𝓛 = ${fmt(last.loss)}`;
}

/** The frame's `data-state`. */
export function frameState(playing: boolean, done: boolean, shown: number): ExplainerState {
  if (playing) return 'playing';
  if (done) return 'done';
  return shown > 0 ? 'paused' : 'idle';
}

/** Each map's size: three side by side from 640 px, stacked below. */
export function mapSize(width: number, height: number, avail: number, compact: boolean): { width: number; height: number; full: number } {
  const w = Math.max(160, Math.min(width, avail));
  if (compact) return { width: w, height: Math.max(200, Math.min(height, Math.round(w * 0.8))), full: w };
  return { width: Math.floor((w - 2 * 12) / 3), height, full: w };
}

/** Margins of each map (room for the axes). */
export const MAP_MARGIN = { top: 10, right: 10, bottom: 40, left: 54 } as const;
