/**
 * Transfer learning of the detector to a "new region", as an nn worker task (DOM-free,
 * React-free): four models on the same small labelled set of the new region, scored after each
 * epoch on the same held-out windows of that region:
 * - `pretrained`: the shipped detector f_{θ*} as is (no training: a flat curve);
 * - `scratch`: a fresh detector, every layer trained;
 * - `frozen`: the slide's fine-tuning: the pretrained early convolutions kept fixed, the later
 *   layers re-trained;
 * - `full`: transfer learning f_α = f_{θ*} → f_{α*}: every pretrained weight re-trained.
 */
import * as tf from '@tensorflow/tfjs';
import { RandomState, ValidationError } from '@geolearn/algorithms';
import { buildDetector, evaluateDetector, freezeDetector, loadLayersModel, trainDetectorBatch } from '@geolearn/algorithms/nn';
import { checkDetectionRegion, makeDetectionDataset, NEW_REGION, type DetectionRegion, type DetectionSplit } from '@geolearn/algorithms/seismic';
import type { DetectorSource } from '../EventDetector/task';
import type { TaskStep } from '../worker/registry';

import type { Strategy } from './strategies';
import { readBytes } from '../common/readBytes';

export type { Strategy } from './strategies';

/** What `transferLearning.run` is given. */
export interface TransferPayload {
  /** The pretrained detector's files. */
  model: DetectorSource;
  /** Labelled windows of the new region to train on (10 … 200). */
  nLabelled: number;
  /** Held-out windows of the new region (8 … 1000). Default 200. */
  nTest?: number;
  /** Epochs (1 … 60). Default 12. */
  epochs?: number;
  /** Convolutions kept frozen in fine-tuning (1 … 7 of 8). Default 6. */
  frozen?: number;
  /** Seed of the windows, the fresh weights and the batch order. Default 0. */
  seed?: number;
  /** The new region. Default NEW_REGION. */
  region?: DetectionRegion;
  /** Adam's learning rate. Default 0.001. */
  learningRate?: number;
}

/** Held-out figures of one model. */
export interface CurvePoint {
  /** Held-out cross-entropy. */
  loss: number;
  /** Held-out accuracy over the 7 classes. */
  accuracy: number;
}

/** After each epoch (epoch 0 = before any training). */
export interface TransferSnapshot {
  epoch: number;
  curves: Record<Strategy, CurvePoint>;
}

/** What the task returns. */
export interface TransferResult {
  history: TransferSnapshot[];
  /** Trainable weights of each strategy. */
  trainable: Record<Strategy, number>;
  /** The region used. */
  region: string;
  cancelled: boolean;
  /** Strategies whose loss became non-finite (they stop there). */
  diverged: Strategy[];
}

function int(v: unknown, name: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new ValidationError(name, 'out-of-range', `must be an integer in [${min}, ${max}], got ${String(v)}`);
  return v;
}

/** Validates a payload (a ValidationError names the field) and fills in the defaults. */
export function checkTransferPayload(payload: unknown): Required<TransferPayload> {
  if (typeof payload !== 'object' || payload === null) throw new ValidationError('payload', 'wrong-type', 'must be { model, nLabelled, … }');
  const p = payload as TransferPayload;
  if (!p.model || typeof p.model.modelUrl !== 'string' || typeof p.model.weightsUrl !== 'string') throw new ValidationError('model', 'wrong-type', 'must be { modelUrl, weightsUrl }');
  const lr = p.learningRate ?? 0.001;
  if (typeof lr !== 'number' || !(lr > 0 && lr <= 1)) throw new ValidationError('learningRate', 'out-of-range', `must be in (0, 1], got ${String(lr)}`);
  return {
    model: p.model,
    nLabelled: int(p.nLabelled, 'nLabelled', 10, 200),
    nTest: int(p.nTest ?? 200, 'nTest', 8, 1000),
    epochs: int(p.epochs ?? 12, 'epochs', 1, 60),
    frozen: int(p.frozen ?? 6, 'frozen', 1, 7),
    seed: int(p.seed ?? 0, 'seed', 0, 2 ** 31 - 1),
    region: checkDetectionRegion(p.region ?? NEW_REGION),
    learningRate: lr,
  };
}

/** The convolutions' channels and kernels of a detector (disposed after): a fresh model of the same shape. */
function architectureOf(model: tf.LayersModel): { filters: number[]; kernelSize: number[]; length: number } {
  const convs = model.layers.filter((l) => /^conv\d+$/.test(l.name)).map((l) => l.getConfig() as { filters: number; kernelSize: number[] | number });
  const length = model.inputs[0].shape[1] as number;
  model.dispose();
  return { filters: convs.map((c) => c.filters), kernelSize: convs.map((c) => (Array.isArray(c.kernelSize) ? c.kernelSize[0] : c.kernelSize)), length };
}

/** One training pass over the labelled set; returns false when the loss stopped being finite. */
function epochOf(model: tf.LayersModel, opt: tf.Optimizer, set: DetectionSplit, order: number[], batch: number): boolean {
  const per = set.length * 3;
  for (let s = 0; s < order.length; s += batch) {
    const idx = order.slice(s, s + batch);
    const xb = new Float32Array(idx.length * per);
    idx.forEach((j, i) => xb.set(set.x.subarray(j * per, (j + 1) * per), i * per));
    const l = trainDetectorBatch(model, opt, xb, idx.map((j) => set.y[j]), 1e-4);
    if (!Number.isFinite(l.total)) return false;
  }
  return true;
}

/** Trains and scores the four strategies; a snapshot after each epoch, progress after each model's pass. */
export async function* transferTask(payload: unknown, ctx: { cancelled(): boolean } = { cancelled: () => false }): AsyncGenerator<TaskStep, TransferResult, undefined> {
  const p = checkTransferPayload(payload);
  yield { progress: 0 };
  const [json, weights] = await Promise.all([readBytes(p.model.modelUrl), readBytes(p.model.weightsUrl)]);
  const text = new TextDecoder().decode(json);
  // Labelled and held-out windows of the new region (their own seeds: never the training region's).
  const { train } = makeDetectionDataset({ nSamples: p.nLabelled, testFraction: 0, split: 'train', region: p.region, randomState: 5000 + p.seed });
  const { test } = makeDetectionDataset({ nSamples: p.nTest, testFraction: 1, split: 'test', region: p.region, randomState: 5000 + p.seed });
  yield { progress: 0.05 };
  const models: Record<Strategy, tf.LayersModel> = {
    pretrained: await loadLayersModel(text, weights),
    scratch: buildDetector({ seed: p.seed, ...architectureOf(await loadLayersModel(text, weights)) }),
    frozen: await loadLayersModel(text, weights),
    full: await loadLayersModel(text, weights),
  };
  freezeDetector(models.frozen, p.frozen);
  const opts = { scratch: tf.train.adam(p.learningRate), frozen: tf.train.adam(p.learningRate), full: tf.train.adam(p.learningRate) };
  const count = (m: tf.LayersModel) => m.trainableWeights.reduce((a, w) => a + w.shape.reduce((x: number, y) => x * (y ?? 1), 1), 0);
  const trainable = { pretrained: 0, scratch: count(models.scratch), frozen: count(models.frozen), full: count(models.full) };
  const rng = new RandomState(p.seed);
  const history: TransferSnapshot[] = [];
  const diverged: Strategy[] = [];
  const score = (s: Strategy): CurvePoint => {
    if (diverged.includes(s)) return { loss: NaN, accuracy: NaN };
    const e = evaluateDetector(models[s], test.x, test.y);
    return { loss: e.crossEntropy, accuracy: e.accuracy };
  };
  const fixed = score('pretrained');
  const snap = (epoch: number): TransferSnapshot => ({ epoch, curves: { pretrained: fixed, scratch: score('scratch'), frozen: score('frozen'), full: score('full') } });
  let cancelled = false;
  try {
    const first = snap(0);
    history.push(first);
    yield { snapshot: first, progress: 0.08 };
    for (let e = 1; e <= p.epochs && !cancelled; e++) {
      const order = rng.permutation(train.n);
      for (const [k, s] of (['scratch', 'frozen', 'full'] as const).entries()) {
        if (ctx.cancelled()) {
          cancelled = true;
          break;
        }
        if (!diverged.includes(s) && !epochOf(models[s], opts[s], train, order, 16)) diverged.push(s);
        yield { progress: 0.08 + 0.92 * ((e - 1 + (k + 1) / 3) / p.epochs) };
      }
      if (cancelled) break;
      const point = snap(e);
      history.push(point);
      yield { snapshot: point };
    }
    return { history, trainable, region: p.region.name ?? 'new region', cancelled, diverged };
  } finally {
    for (const m of Object.values(models)) m.dispose();
    for (const o of Object.values(opts)) o.dispose();
  }
}
