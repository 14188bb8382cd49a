import { makeLine, minimizeSteps, mseLineObjective, type Objective, type OptimizerStep } from '@geolearn/algorithms';
import { sequential } from '../common/colors';
import { formatNumber } from '../common/LineChart';
import { fieldCheck, type FieldChecks } from '../hooks/useControllableState';
import type { ExplainerState } from '../kit/Explainer';

/**
 * The batch-size explorer's model: state, the three runs, their summary, the status and the
 * layout. Pure, no React.
 */

/** The explainer's state: plain JSON, so it can live in a permalink. */
export interface BatchSizeExplorerState {
  /** Samples per step of the mini-batch run (full batch uses all N, stochastic uses 1). */
  batchSize: number;
  /** Learning rate η, the same for the three runs. */
  learningRate: number;
  /** Epochs (passes over the data) run so far. */
  epochs: number;
}

/** How a `defaultValue` is checked field by field. */
export const STATE_CHECKS: FieldChecks<BatchSizeExplorerState> = {
  batchSize: fieldCheck.integer(1, 1e6),
  learningRate: fieldCheck.number(Number.MIN_VALUE, 100),
  epochs: fieldCheck.integer(0, 1e6),
};

/** The default state. */
export const DEFAULT_STATE: BatchSizeExplorerState = { batchSize: 8, learningRate: 0.1, epochs: 0 };

/** Mini-batch sizes offered (those below N). */
export const BATCH_SIZES = [2, 4, 8, 16, 32];

/** A number for display, with the minus sign "−". */
export const fmt = (v: number) => formatNumber(v).replace(/-/g, '−');

/** Path length over straight distance from θ₀ to θ: 1 for a straight path, larger for a noisy one. */
export function pathTortuosity(steps: readonly OptimizerStep[]): number {
  let len = 0;
  for (let k = 1; k < steps.length; k++) len += Math.hypot(steps[k].params[0] - steps[k - 1].params[0], steps[k].params[1] - steps[k - 1].params[1]);
  const a = steps[0].params;
  const b = steps[steps.length - 1].params;
  const d = Math.hypot(b[0] - a[0], b[1] - a[1]);
  return d > 0 ? len / d : 1;
}

/**
 * The colour of a batch size B out of N: the batch size is a magnitude, so it takes the
 * library's sequential map, by log B (B = 1 darkest, B = N lighter), kept in its darker
 * part so lines stay readable on the page and, with a halo, on the loss map.
 */
export function batchColor(batch: number, n: number): string {
  return sequential(n > 1 ? (0.62 * Math.log(batch)) / Math.log(n) : 0);
}

/** The line fit's MSE on seeded data. */
export function batchObjective(nSamples: number, seed: number): Objective {
  const d = makeLine({ nSamples, slope: 2, intercept: 1, noise: 1.5, xRange: [-2, 2], randomState: seed });
  return mseLineObjective(d.x, d.y);
}

/** Where all three runs start: near the top-left corner of the map. */
export function startOf(objective: Objective): [number, number] {
  const d = objective.domain!;
  return [d[0] + 0.1 * (d[1] - d[0]), d[2] + 0.9 * (d[3] - d[2])];
}

/** One run's summary. */
export interface BatchRun {
  key: 'full' | 'stochastic' | 'mini';
  name: string;
  batch: number;
  color: string;
  steps: OptimizerStep[];
  /** Steps per epoch, ⌈N/B⌉. */
  perEpoch: number;
  /** Modelled time per step, c₀ + B·c₁ ms. */
  msPerStep: number;
  last: OptimizerStep;
  /** Path length ÷ distance. */
  noise: number;
  /** Modelled time so far, ms. */
  ms: number;
}

/** The inputs of the three runs. */
export interface RunInputs {
  objective: Objective;
  nSamples: number;
  batchSize: number;
  learningRate: number;
  epochs: number;
  seed: number;
  stepCost: number;
  sampleCost: number;
}

/** Full batch (B = N), stochastic (B = 1) and mini-batch runs, `epochs` passes each. */
export function runBatches({ objective, nSamples, batchSize, learningRate, epochs, seed, stepCost, sampleCost }: RunInputs): BatchRun[] {
  const mini = Math.min(nSamples, Math.max(1, Math.round(batchSize)));
  const methods = [
    { key: 'full' as const, name: 'Full batch', batch: nSamples },
    { key: 'stochastic' as const, name: 'Stochastic (B = 1)', batch: 1 },
    { key: 'mini' as const, name: `Mini-batch (B = ${batchSize})`, batch: mini },
  ];
  const start = startOf(objective);
  return methods.map((m) => {
    const perEpoch = Math.ceil(nSamples / m.batch);
    const steps: OptimizerStep[] = [];
    for (const s of minimizeSteps(objective, start, { learningRate, batchSize: m.batch, maxIter: epochs * perEpoch, randomState: seed })) steps.push(s);
    const msPerStep = stepCost + m.batch * sampleCost;
    return { ...m, color: batchColor(m.batch, nSamples), steps, perEpoch, msPerStep, last: steps[steps.length - 1], noise: pathTortuosity(steps), ms: (steps.length - 1) * msPerStep };
  });
}

/** A run's loss in words. */
export const lossText = (r: BatchRun) => (r.last.diverged ? `diverged at step ${r.last.divergedAt}` : fmt(r.last.loss));

/** The status line. */
export function statusText(runs: readonly BatchRun[], epochs: number, maxEpochs: number): string {
  return `Epoch ${epochs} of ${maxEpochs} · ` + runs.map((r) => `${r.name}: ${r.last.diverged ? `diverged at step ${r.last.divergedAt}` : `𝓛 = ${fmt(r.last.loss)}`}`).join(' · ');
}

/** The frame's `data-state`. */
export function frameState(runs: readonly BatchRun[], playing: boolean, done: boolean, epochs: number): ExplainerState {
  if (runs.every((r) => r.last.diverged)) return 'diverged';
  if (playing) return 'playing';
  if (done) return 'done';
  return epochs > 0 ? 'paused' : 'idle';
}

/** Sizes of the map and the two charts. */
export interface BatchSizes {
  mapWidth: number;
  mapHeight: number;
  chartWidth: number;
  chartHeight: number;
}

/** Map and two charts side by side from 640 px; stacked below, each at the full width. */
export function batchSizes(width: number, height: number, avail: number, compact: boolean): BatchSizes {
  const w = Math.max(160, Math.min(width, avail));
  if (compact) return { mapWidth: w, mapHeight: Math.min(height, w), chartWidth: w, chartHeight: Math.max(180, Math.round(w * 0.6)) };
  const mapWidth = Math.round(Math.min(height, w * 0.4));
  return { mapWidth, mapHeight: height, chartWidth: Math.max(180, Math.floor((w - mapWidth - 2 * 12) / 2)), chartHeight: height };
}

/** Margins of the map (room for the axes). */
export const MAP_MARGIN = { top: 10, right: 10, bottom: 40, left: 54 } as const;
