/**
 * The transfer-learning explainer's pure part: state, checks, the chart series and the status.
 */
import { DEFAULT_REGION, NEW_REGION } from '@geolearn/algorithms/seismic';
import { classColor } from '../common/colors';
import { fieldCheck, type FieldCheck } from '../hooks/useControllableState';
import type { ExplainerState } from '../kit/Explainer';
import { STRATEGIES, type Strategy } from './strategies';
import type { TransferSnapshot } from './task';

/** The explainer's state (plain JSON). */
export interface TransferLearningState {
  /** Labelled windows of the new region (10 … 200). */
  nLabelled: number;
  /** Convolutions kept frozen in fine-tuning (1 … 7 of 8). */
  frozen: number;
  /** What the chart shows. */
  metric: 'accuracy' | 'loss';
  /** Seed of the windows and the fresh weights. */
  seed: number;
}

export const DEFAULT_STATE: TransferLearningState = { nLabelled: 50, frozen: 6, metric: 'accuracy', seed: 0 };

export const STATE_CHECKS: { [K in keyof TransferLearningState]: FieldCheck<TransferLearningState[K]> } = {
  nLabelled: fieldCheck.integer(10, 200),
  frozen: fieldCheck.integer(1, 7),
  metric: fieldCheck.oneOf('accuracy', 'loss'),
  seed: fieldCheck.integer(0, 2 ** 31 - 1),
};

/** Names of the strategies, as the chart's legend says them. */
export const STRATEGY_NAMES: Record<Strategy, string> = {
  pretrained: 'pretrained as is, f_θ*',
  scratch: 'from scratch',
  frozen: 'fine-tuned, early layers frozen',
  full: 'transfer, all layers, f_θ* → f_α*',
};

/** The colour of each strategy's curve. */
export const strategyColor = (s: Strategy) => classColor(STRATEGIES.indexOf(s));

/** The four series of the chart (held-out accuracy in % or cross-entropy per epoch). */
export function chartSeries(history: TransferSnapshot[], metric: TransferLearningState['metric']) {
  return STRATEGIES.map((s) => ({
    label: STRATEGY_NAMES[s],
    color: strategyColor(s),
    dashed: s === 'pretrained',
    points: history.map((h) => [h.epoch, metric === 'accuracy' ? 100 * h.curves[s].accuracy : h.curves[s].loss] as const),
  }));
}

/** The two regions side by side, for the table. */
export const REGION_ROWS: { name: string; training: string; target: string }[] = [
  { name: 'v_P, v_S (km/s)', training: `${DEFAULT_REGION.vp}, ${DEFAULT_REGION.vs}`, target: `${NEW_REGION.vp}, ${NEW_REGION.vs}` },
  { name: 'S−P per km (s)', training: (1 / DEFAULT_REGION.vs - 1 / DEFAULT_REGION.vp).toFixed(3), target: (1 / NEW_REGION.vs - 1 / NEW_REGION.vp).toFixed(3) },
  { name: 'station rate', training: `${DEFAULT_REGION.sampleRate} Hz`, target: `${NEW_REGION.sampleRate} Hz → 100 Hz` },
  { name: 'noise', training: 'microseism 0.12–0.3 Hz + 1/f', target: 'cultural 1.5–3 Hz + 1/f' },
];

const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(0)} %` : '—');

/** The status line. */
export function statusText(o: { error: string | null; running: boolean; history: TransferSnapshot[]; nLabelled: number; epochs: number }): string {
  if (o.error) return o.error;
  const last = o.history[o.history.length - 1];
  if (!last) return o.running ? `Training four models on ${o.nLabelled} labelled windows of the new region…` : `Press Train: four models, ${o.nLabelled} labelled windows of the new region, ${o.epochs} epochs.`;
  const c = last.curves;
  const head = o.running ? `Epoch ${last.epoch} of ${o.epochs}` : `After ${last.epoch} epoch${last.epoch === 1 ? '' : 's'} on ${o.nLabelled} labelled windows`;
  return `${head}: held-out accuracy — pretrained ${pct(c.pretrained.accuracy)}, from scratch ${pct(c.scratch.accuracy)}, frozen early layers ${pct(c.frozen.accuracy)}, all layers ${pct(c.full.accuracy)}.`;
}

/** The frame's data-state. */
export function frameState(o: { error: string | null; running: boolean; done: boolean }): ExplainerState {
  return o.error ? 'error' : o.running ? 'playing' : o.done ? 'done' : 'idle';
}
