/**
 * The shipped PhaseNet-style picker (packages/ui/assets/models/seismic-picker, written by
 * `pnpm train:picker`), measured on the 600 windows of the fixed held-out set (the figures of
 * metrics.json), with STA/LTA on the same windows beside; plus the model's structure, freezing, save/load and the
 * long-record picker's checks.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors';
import {
  buildPicker,
  countParameters,
  initBackend,
  loadLayersModel,
  modelPickThreshold,
  pickRecord,
  predictPicker,
  saveLayersModel,
  setTrainable,
  trainPickerBatch,
} from '../../src/nn';
import { evaluatePickingDataset, makePickingDataset, makePickingWindow, PICKING_HELD_OUT, type PickingBandReport } from '../../src/seismic/picking';

/** PhaseNet's published figures within 0.1 s (Zhu & Beroza 2019, test set): P 0.939/0.857, S 0.853/0.755. */
const PHASENET = { P: { precision: 0.939, recall: 0.857 }, S: { precision: 0.853, recall: 0.755 } };

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../packages/ui/assets/models/seismic-picker');
let model: tf.LayersModel;
let threshold = 0.5;

beforeAll(async () => {
  await initBackend({ order: ['wasm'] });
  const json = JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8'));
  threshold = json.userDefinedMetadata.threshold;
  model = await loadLayersModel(json, new Uint8Array(readFileSync(path.join(dir, 'weights.bin'))));
}, 60_000);

describe('shipped picker on the 600 held-out windows', () => {
  let all: PickingBandReport;
  let low: PickingBandReport;
  let high: PickingBandReport;
  let onset: PickingBandReport;
  beforeAll(() => {
    const d = makePickingDataset(PICKING_HELD_OUT);
    const q = predictPicker(model, d.x);
    const rep = evaluatePickingDataset(q, d, { threshold, bands: [[-5, 5], [5, 20]] });
    [all, low, high] = rep;
    // The onsets an analyst would pick: the P wave's own SNR (variance 2 s after over 2 s before) ≥ 3 dB.
    onset = evaluatePickingDataset(q, d, { threshold, bandBy: 'onset', bands: [[3, 60]] })[1];
    const f = (r: PickingBandReport) =>
      `P ${r.P.scores.map((x) => `${x.precision.toFixed(3)}/${x.recall.toFixed(3)}`).join(' ')} r ${r.P.residualMean.toFixed(3)}±${r.P.residualStd.toFixed(3)}, S ${r.S.scores.map((x) => `${x.precision.toFixed(3)}/${x.recall.toFixed(3)}`).join(' ')} r ${r.S.residualMean.toFixed(3)}±${r.S.residualStd.toFixed(3)}, STA/LTA P ${r.staLtaP.scores.map((x) => `${x.precision.toFixed(3)}/${x.recall.toFixed(3)}`).join(' ')}`;
    for (const r of [...rep, onset]) console.log(`held-out 600, ${r.band} (${r.windows} windows): ${f(r)}`);
  }, 180_000);
  const at = (e: PickingBandReport['P'], k: number) => e.scores[k];

  it('has its size and files within budget', () => {
    expect(readFileSync(path.join(dir, 'weights.bin')).byteLength).toBeLessThan(1_000_000);
    expect(countParameters(model).trainable).toBeLessThan(250_000);
  });

  it('picks P and S within 0.1 s and 0.5 s (floors a little under the measured figures)', () => {
    expect(at(all.P, 0).precision).toBeGreaterThanOrEqual(FLOORS.P01.precision);
    expect(at(all.P, 0).recall).toBeGreaterThanOrEqual(FLOORS.P01.recall);
    expect(at(all.P, 1).precision).toBeGreaterThanOrEqual(FLOORS.P05.precision);
    expect(at(all.P, 1).recall).toBeGreaterThanOrEqual(FLOORS.P05.recall);
    expect(at(all.S, 0).precision).toBeGreaterThanOrEqual(FLOORS.S01.precision);
    expect(at(all.S, 0).recall).toBeGreaterThanOrEqual(FLOORS.S01.recall);
    expect(at(all.S, 1).precision).toBeGreaterThanOrEqual(FLOORS.S05.precision);
    expect(at(all.S, 1).recall).toBeGreaterThanOrEqual(FLOORS.S05.recall);
  });

  it('at 5 dB and above, picks S as PhaseNet and P within its floors', () => {
    expect(at(high.P, 0).precision).toBeGreaterThanOrEqual(FLOORS.high.P01.precision);
    expect(at(high.P, 0).recall).toBeGreaterThanOrEqual(FLOORS.high.P01.recall);
    expect(at(high.S, 0).precision).toBeGreaterThanOrEqual(PHASENET.S.precision);
    expect(at(high.S, 0).recall).toBeGreaterThanOrEqual(PHASENET.S.recall);
  });

  it('where the P onset stands 3 dB out of the noise, picks P and S as PhaseNet', () => {
    expect(onset.windows).toBeGreaterThanOrEqual(100);
    expect(at(onset.P, 0).precision).toBeGreaterThanOrEqual(FLOORS.onset.P01.precision);
    expect(at(onset.P, 0).recall).toBeGreaterThanOrEqual(PHASENET.P.recall);
    expect(at(onset.S, 0).precision).toBeGreaterThanOrEqual(PHASENET.S.precision);
    expect(at(onset.S, 0).recall).toBeGreaterThanOrEqual(PHASENET.S.recall);
  });

  it('has small residuals (mean and standard deviation, seconds)', () => {
    expect(Math.abs(all.P.residualMean)).toBeLessThan(FLOORS.residual.mean);
    expect(all.P.residualStd).toBeLessThan(FLOORS.residual.stdP);
    expect(Math.abs(all.S.residualMean)).toBeLessThan(FLOORS.residual.mean);
    expect(all.S.residualStd).toBeLessThan(FLOORS.residual.stdS);
  });

  it('beats STA/LTA overall, and below 5 dB picks S, which STA/LTA cannot', () => {
    expect(at(all.P, 0).f1).toBeGreaterThan(at(all.staLtaP, 0).f1 + 0.3);
    expect(at(all.P, 1).f1).toBeGreaterThan(at(all.staLtaP, 1).f1 + 0.15);
    expect(at(onset.P, 0).f1).toBeGreaterThan(at(onset.staLtaP, 0).f1 + 0.4);
    // Below 5 dB the P onset is mostly under the noise for both; S is where the model wins.
    expect(at(low.S, 1).recall).toBeGreaterThan(0.3);
    expect(at(low.S, 1).precision).toBeGreaterThan(0.88);
    expect(at(low.S, 1).f1).toBeGreaterThan(at(low.staLtaP, 1).f1 + 0.3);
  });
});

/**
 * Floors a little under the figures measured on the 600 windows (shipped model, threshold 0.3
 * from model.json): P 0.813/0.448 within 0.1 s and 0.950/0.523 within 0.5 s, S 0.887/0.705 and
 * 0.975/0.774, residuals P +0.001 ± 0.114 s, S +0.006 ± 0.080 s; STA/LTA P 0.162/0.094 and
 * 0.511/0.295. At 5 dB and above (329 windows): P 0.847/0.708, S 0.982/0.982 within 0.1 s. Where
 * the P onset's own SNR is 3 dB or more (132 windows): P 0.955/0.955, S 1.000/1.000 (STA/LTA P
 * 0.333/0.333). metrics.json has every band.
 */
const FLOORS = {
  P01: { precision: 0.79, recall: 0.42 },
  P05: { precision: 0.93, recall: 0.5 },
  S01: { precision: 0.86, recall: 0.68 },
  S05: { precision: 0.95, recall: 0.75 },
  residual: { mean: 0.03, stdP: 0.13, stdS: 0.095 },
  high: { P01: { precision: 0.82, recall: 0.68 } },
  onset: { P01: { precision: PHASENET.P.precision } },
};

describe('picker model', () => {
  it('is a U-Net: strided encoder, transposed-conv decoder, skip connections, softmax per sample', () => {
    const m = buildPicker({ seed: 1 });
    const types = m.layers.map((l) => l.getClassName());
    expect(types.filter((t) => t === 'Conv2DTranspose')).toHaveLength(5);
    expect(types.filter((t) => t === 'Concatenate')).toHaveLength(5);
    expect(m.outputs[0].shape).toEqual([null, 3000, 3]);
    const q = predictPicker(m, makePickingWindow({ randomState: 1 }).x);
    for (let t = 0; t < 3000; t += 500) expect(q[t * 3] + q[t * 3 + 1] + q[t * 3 + 2]).toBeCloseTo(1, 5);
    m.dispose();
  });

  it('freezes layers by their trainable flags: a step moves the decoder only', () => {
    const m = buildPicker({ seed: 2, filters: [4, 4, 4, 4, 4, 4] });
    const frozen = setTrainable(m, (l) => !l.name.startsWith('enc'));
    expect(frozen.every((n) => !n.startsWith('enc'))).toBe(true);
    expect(countParameters(m).frozen).toBeGreaterThan(0);
    const w = (name: string) => m.getLayer(name).getWeights()[0].dataSync().slice();
    const before = { enc: w('enc1'), dec: w('dec1') };
    const d = makePickingDataset({ nSamples: 2, randomState: 3 });
    const loss = trainPickerBatch(m, tf.train.adam(1e-2), d.x, d.y);
    expect(Number.isFinite(loss)).toBe(true);
    expect(Array.from(w('enc1'))).toEqual(Array.from(before.enc));
    expect(Array.from(w('dec1'))).not.toEqual(Array.from(before.dec));
    m.dispose();
  });

  it('saves and loads as a standard layers model.json + weights.bin', async () => {
    const m = buildPicker({ seed: 3, filters: [4, 4, 4, 4, 4, 4] });
    const saved = await saveLayersModel(m, { note: 'test' });
    expect(saved.modelJSON.format).toBe('layers-model');
    expect(saved.modelJSON.weightsManifest[0].paths).toEqual(['weights.bin']);
    const back = await loadLayersModel(JSON.stringify(saved.modelJSON), saved.weightData);
    const x = makePickingWindow({ randomState: 4 }).x;
    expect(Array.from(predictPicker(back, x).slice(0, 30))).toEqual(Array.from(predictPicker(m, x).slice(0, 30)));
    await expect(loadLayersModel({}, saved.weightData)).rejects.toBeInstanceOf(ValidationError);
    await expect(loadLayersModel(saved.modelJSON, new ArrayBuffer(8))).rejects.toBeInstanceOf(ValidationError);
    m.dispose();
    back.dispose();
  });
});

describe('pickRecord (sliding windows over a long record)', () => {
  it('defaults to the threshold the model was calibrated with (its metadata), 0.5 without one', async () => {
    expect(modelPickThreshold(model)).toBe(threshold);
    expect(threshold).toBeGreaterThan(0);
    const bare = buildPicker({ seed: 5, filters: [4, 4, 4, 4, 4, 4] });
    expect(modelPickThreshold(bare)).toBe(0.5);
    const saved = await saveLayersModel(bare, { threshold: 0.25 });
    const back = await loadLayersModel(JSON.stringify(saved.modelJSON), saved.weightData);
    expect(modelPickThreshold(back)).toBe(0.25);
    bare.dispose();
    back.dispose();
  });

  it('picks an event in a 75 s record, with progress, and refuses bad records', async () => {
    const w1 = makePickingWindow({ snrDb: 20, distance: 40, pOnset: 10, randomState: 5 });
    const n = 7500;
    const comps = [0, 1, 2].map((c) => {
      const a = new Float64Array(n);
      for (let t = 0; t < 3000; t++) a[3000 + t] = w1.x[t * 3 + c];
      for (let t = 0; t < n; t++) if (t < 3000 || t >= 6000) a[t] = 0.3 * Math.sin(t * 0.013 + c) + 0.05 * Math.sin(t * 1.7 * (c + 1));
      return a;
    });
    const progress: number[] = [];
    const r = await pickRecord(model, comps, { threshold, onProgress: (p) => progress.push(p), batchSize: 2 });
    expect(r.windows).toBe(4); // starts 0, 1500, 3000, 4500
    expect(progress[progress.length - 1]).toBe(1);
    expect(r.P.some((p) => Math.abs(p.index - (3000 + w1.pIndex)) <= 50)).toBe(true);
    expect(r.probP).toHaveLength(n);
    const bad = comps.map((c) => c.slice());
    bad[1][100] = NaN;
    await expect(pickRecord(model, bad)).rejects.toThrow(/NaN/);
    await expect(pickRecord(model, comps.map((c) => c.subarray(0, 2000)))).rejects.toThrow(/shorter than one 3000-sample window/);
    await expect(pickRecord(model, [comps[0]])).rejects.toBeInstanceOf(ValidationError);
  });
});
