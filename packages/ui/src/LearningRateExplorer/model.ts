import { minimizeSteps, quadraticObjective, type Objective, type OptimizerStep } from '@geolearn/algorithms';
import { formatNumber } from '../common/LineChart';
import { conceptColor, sequential } from '../common/colors';
import { fieldCheck, type FieldChecks } from '../hooks/useControllableState';
import type { ExplainerState } from '../kit/Explainer';

/**
 * The learning-rate explorer's model: state, regimes, the runs, the diagnosis of a loss
 * curve in words, the status and the layout. Pure functions, no React.
 */

/** The explainer's state: plain JSON, so it can live in a permalink. */
export interface LearningRateExplorerState {
  /** Your learning rate η. */
  learningRate: number;
  /** The 1-D parabola 𝓛(θ) = ½Lθ² or the 2-D bowl. */
  problem: 'parabola' | 'bowl';
  /** Steps taken by every run. */
  iteration: number;
}

/** How a `defaultValue` is checked field by field. */
export const STATE_CHECKS: FieldChecks<LearningRateExplorerState> = {
  learningRate: fieldCheck.number(Number.MIN_VALUE, 100),
  problem: fieldCheck.oneOf('parabola', 'bowl'),
  iteration: fieldCheck.integer(0, 1e6),
};

/** The default state. */
export const DEFAULT_STATE: LearningRateExplorerState = { learningRate: 0.1, problem: 'parabola', iteration: 0 };

/** How a learning rate behaves on a quadratic of curvature L. */
export type LearningRateRegime = 'too-small' | 'good' | 'too-large' | 'diverging';

/**
 * On a quadratic, one GD step multiplies the distance to θ* by (1 − ηλ) along each
 * eigenvector: it shrinks for 0 < ηL < 2, alternates in sign once ηL > 1 and grows once
 * ηL > 2. So η < 0.3/L crawls, η up to 1.5/L is good, up to 2/L it oscillates, beyond diverges.
 */
export function learningRateRegime(eta: number, L: number): LearningRateRegime {
  const r = eta * L;
  if (r > 2) return 'diverging';
  if (r > 1.5) return 'too-large';
  if (r >= 0.3) return 'good';
  return 'too-small';
}

/** Each regime in words. */
export const REGIME_TEXT: Record<LearningRateRegime, string> = {
  'too-small': 'too small: slow',
  good: 'good',
  'too-large': 'too large: oscillating',
  diverging: 'diverging',
};

/** A preset run: its η as a fraction of the largest stable η = 2/L, its title and colour. */
export interface Preset {
  fraction: number;
  title: string;
  /** A larger η is a lighter colour of the sequential map (η is a magnitude); the diverging run is red. */
  color: string;
  testId: string;
}

/** The four preset runs. */
export const PRESETS: readonly Preset[] = [
  { fraction: 0.04, title: 'Too small', color: sequential(0), testId: 'run-too-small' },
  { fraction: 0.6, title: 'Good', color: sequential(0.3), testId: 'run-good' },
  { fraction: 0.94, title: 'Too large', color: sequential(0.55), testId: 'run-too-large' },
  { fraction: 1.4, title: 'Diverging', color: conceptColor('diverged'), testId: 'run-diverging' },
];

/** Your run's colour (dashed in the chart). */
export const YOURS_COLOR = conceptColor('data');

/** The η of a preset, to 3 significant digits. */
export const presetEta = (p: Preset, L: number) => Number(((p.fraction * 2) / L).toPrecision(3));

/** 𝓛(θ) = ½Lθ², the 1-D problem. */
export function parabola(L: number): Objective {
  return { dim: 1, name: 'parabola', minimum: [0], loss: (t) => 0.5 * L * t[0] * t[0], grad: (t) => Float64Array.of(L * t[0]) };
}

/** The 2-D bowl ½θᵀHθ with eigenvalues L and L/4. */
export const bowl = (L: number): Objective => quadraticObjective({ eigenvalues: [L, L / 4], angle: 0.5 });

/** Starting points. */
export const START_1D = [2.5];
export const START_2D = [-2.2, 2];
/** The bowl's window. */
export const BOX = [-3, 3, -3, 3] as const;

/** n GD steps from `start`. */
export function runOf(objective: Objective, start: readonly number[], eta: number, n: number): OptimizerStep[] {
  const out: OptimizerStep[] = [];
  for (const s of minimizeSteps(objective, [...start], { learningRate: eta, maxIter: n })) out.push(s);
  return out;
}

/** A number for display, with the minus sign "−". */
export const fmt = (v: number) => formatNumber(v).replace(/-/g, '−');

/** The text under a run: its loss so far, or where it diverged. */
export function runStatus(steps: readonly OptimizerStep[]): string {
  const last = steps[steps.length - 1];
  return last.diverged ? `diverged at step ${last.divergedAt}` : `step ${last.iteration} · 𝓛 = ${fmt(last.loss)}`;
}

/** The status line. */
export function statusText(s: LearningRateExplorerState, n: number, maxIterations: number, L: number, last: OptimizerStep): string {
  const regime = REGIME_TEXT[learningRateRegime(s.learningRate, L)];
  return last.diverged
    ? `Your η = ${s.learningRate} (${regime}): diverged at step ${last.divergedAt}.`
    : `Step ${n} of ${maxIterations} · your η = ${s.learningRate} (${regime}) · 𝓛 = ${fmt(last.loss)}`;
}

/** The frame's `data-state`. */
export function frameState(last: OptimizerStep, playing: boolean, done: boolean, n: number): ExplainerState {
  if (last.diverged) return 'diverged';
  if (playing) return 'playing';
  if (done) return 'done';
  return n > 0 ? 'paused' : 'idle';
}

/** What a loss curve says about η. */
export type Diagnosis = 'wait' | 'growing' | 'slow' | 'oscillating' | 'good';

/** Each diagnosis in words: what to do with η. */
export const DIAGNOSIS_TEXT: Record<Diagnosis, string> = {
  wait: 'Take a few steps: the curve tells you what to do with η.',
  growing: 'The loss is growing: lower η.',
  slow: 'The loss falls slowly: raise η.',
  oscillating: 'The loss falls but θ jumps across the minimum every step: lower η a little.',
  good: 'The loss falls fast: this η is good.',
};

/**
 * Reads a live loss curve as the slides do ("slow → raise η, growing → lower η"): a loss
 * that rose (or diverged) asks for a smaller η; a mean factor per step r = (𝓛ₙ/𝓛₀)^(1/n)
 * above 0.6 is slow, unless the steps reverse direction most of the time (with r above 0.3): then it oscillates.
 */
export function diagnoseCurve(steps: readonly OptimizerStep[]): Diagnosis {
  const n = steps.length - 1;
  if (n < 3) return 'wait';
  const last = steps[n];
  if (last.diverged || !(last.loss <= steps[0].loss)) return 'growing';
  const l0 = steps[0].loss;
  const r = l0 > 0 && last.loss > 0 ? (last.loss / l0) ** (1 / n) : 0;
  let reversals = 0;
  for (let k = 2; k <= n; k++) {
    const a = steps[k].params;
    const b = steps[k - 1].params;
    const c = steps[k - 2].params;
    let dot = 0;
    for (let j = 0; j < a.length; j++) dot += (a[j] - b[j]) * (b[j] - c[j]);
    if (dot < 0) reversals++;
  }
  if (reversals > (n - 1) / 2 && r > 0.3) return 'oscillating';
  return r > 0.6 ? 'slow' : 'good';
}

/** Sizes of the parts. */
export interface LrSizes {
  /** Your run's panel and the chart. */
  mainWidth: number;
  chartWidth: number;
  topHeight: number;
  /** The four small runs: columns and size. */
  miniColumns: number;
  miniWidth: number;
  miniHeight: number;
  /** Width of the η ruler. */
  rulerWidth: number;
}

/** Lays out the parts: side by side from 640 px, one column (minis two by two) below. */
export function lrSizes(width: number, height: number, avail: number, compact: boolean): LrSizes {
  const w = Math.max(160, Math.min(width, avail));
  const topHeight = Math.round(height * 0.55);
  const gap = 12;
  const miniColumns = compact ? 2 : 4;
  const miniWidth = Math.floor((w - (miniColumns - 1) * 8) / miniColumns);
  return {
    mainWidth: compact ? w : Math.round((w - gap) * 0.5),
    chartWidth: compact ? w : Math.max(200, w - Math.round((w - gap) * 0.5) - gap),
    topHeight: compact ? Math.round(w * 0.7) : topHeight,
    miniColumns,
    miniWidth,
    miniHeight: compact ? Math.round(miniWidth * 0.8) + 40 : Math.max(80, height - topHeight - 12),
    rulerWidth: Math.max(160, Math.min(420, w - 16)),
  };
}
