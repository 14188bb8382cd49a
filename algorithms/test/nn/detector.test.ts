/**
 * The ConvNetQuake-style detector: the model's mechanics (shapes, the slide's loss with λ,
 * freezing for fine-tuning, save/load, NaN refused), then the SHIPPED model
 * (packages/ui/assets/models/seismic-detector, written by `pnpm train:detector`) measured on
 * the 1,500 held-out windows of its seed (the figures of metrics.json), with STA/LTA's figures on the same windows.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors';
import { initBackend, loadLayersModel, saveLayersModel } from '../../src/nn';
import { buildDetector, detectorOutputs, evaluateDetector, freezeDetector, predictDetector, trainDetectorBatch } from '../../src/nn/seismic/detector';
import { detectionOnsetSnr, makeDetectionDataset, scoreDetections, staLtaWindowScores } from '../../src/seismic';

/** ConvNetQuake's published figures (Perol et al. 2018), as the issue cites them: detection precision above 0.9, cell accuracy about 87 %. */
const CONVNETQUAKE = { precision: 0.9, cellAccuracy: 0.87 };

beforeAll(async () => {
  const r = await initBackend({ order: ['wasm'] });
  expect(r.backend).toBe('wasm');
});

const bits = (a: Float32Array) => Array.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
const weightsOf = (m: tf.LayersModel, layer: string) => m.getLayer(layer).getWeights().map((w) => w.dataSync() as Float32Array);

describe('detector model', () => {
  // Short windows (1 s: 100 samples) keep these tests fast.
  const data = () => makeDetectionDataset({ nSamples: 16, testFraction: 0, windowSeconds: 1, randomState: 1 });

  it('maps [n, N, 3] windows to 7 probabilities and trains on 𝓛 = CE + λ‖w‖²', () => {
    const { train } = data();
    const m = buildDetector({ length: 100, filters: [4, 4, 8, 8], seed: 3 });
    expect(m.outputs[0].shape).toEqual([null, 7]);
    const p = predictDetector(m, train.x);
    expect(p).toHaveLength(16 * 7);
    for (let i = 0; i < 16; i++) expect(p.subarray(i * 7, i * 7 + 7).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    const opt = tf.train.adam(1e-2);
    const l0 = trainDetectorBatch(m, opt, train.x, train.y, 0.01);
    expect(l0.total).toBeCloseTo(l0.crossEntropy + 0.01 * l0.penalty, 5);
    // The penalty λ‖w‖² shrinks the weights: with a large λ, ‖w‖² falls step after step.
    let last = l0;
    for (let k = 0; k < 5; k++) last = trainDetectorBatch(m, opt, train.x, train.y, 1);
    expect(last.penalty).toBeLessThan(l0.penalty);
    const ev = evaluateDetector(m, train.x, train.y, 0);
    expect(ev.accuracy).toBeGreaterThanOrEqual(0);
    expect(ev.total).toBe(ev.crossEntropy);
    m.dispose();
  });

  it('keeps frozen layers bit-identical while the others train, and saves/loads', async () => {
    const { train } = data();
    const m = buildDetector({ length: 100, filters: [4, 4, 8, 8], seed: 4 });
    expect(freezeDetector(m, 2)).toEqual(['conv3', 'conv4', 'cells']);
    const before1 = weightsOf(m, 'conv1').map(bits);
    const before3 = weightsOf(m, 'conv3').map(bits);
    const opt = tf.train.adam(1e-2);
    for (let k = 0; k < 3; k++) trainDetectorBatch(m, opt, train.x, train.y, 1e-3);
    expect(weightsOf(m, 'conv1').map(bits)).toEqual(before1);
    expect(weightsOf(m, 'conv3').map(bits)).not.toEqual(before3);
    expect(freezeDetector(m, 0)).toEqual(['conv1', 'conv2', 'conv3', 'conv4', 'cells']);
    const saved = await saveLayersModel(m, { test: true });
    const back = await loadLayersModel(JSON.parse(JSON.stringify(saved.modelJSON)), saved.weightData);
    expect(Array.from(predictDetector(back, train.x))).toEqual(Array.from(predictDetector(m, train.x)));
    expect(() => freezeDetector(m, 9)).toThrow(ValidationError);
    m.dispose();
    back.dispose();
  });

  it('refuses NaN, ragged input and bad labels', () => {
    const m = buildDetector({ length: 100, filters: [4, 4], seed: 0 });
    const x = new Float32Array(2 * 300);
    x[5] = NaN;
    expect(() => predictDetector(m, x)).toThrow(/never sees NaN/);
    expect(() => predictDetector(m, new Float32Array(301))).toThrow(ValidationError);
    expect(() => trainDetectorBatch(m, tf.train.sgd(0.1), new Float32Array(600), [0, 7])).toThrow(/labels are 0…6/);
    expect(() => trainDetectorBatch(m, tf.train.sgd(0.1), new Float32Array(600), [0, 1], -1)).toThrow(ValidationError);
    expect(() => buildDetector({ length: 8, filters: [4, 4, 4, 4, 4] })).toThrow(ValidationError);
    m.dispose();
  });
});

describe('shipped detector on the held-out windows', () => {
  const dir = new URL('../../../packages/ui/assets/models/seismic-detector/', import.meta.url);
  const metrics = JSON.parse(readFileSync(fileURLToPath(new URL('metrics.json', dir)), 'utf8')) as { staLta: { threshold: number }; threshold: number };

  it('beats its floors, and STA/LTA below 5 dB', async () => {
    const json = readFileSync(fileURLToPath(new URL('model.json', dir)), 'utf8');
    const weights = readFileSync(fileURLToPath(new URL('weights.bin', dir)));
    expect(json.length + weights.byteLength).toBeLessThan(1_000_000);
    const model = await loadLayersModel(json, weights);
    // The held-out stream of seed 2026 (as in scripts/train-detector.ts).
    const { test } = makeDetectionDataset({ nSamples: 1500, testFraction: 1, split: 'test', leadIn: 10, randomState: 2026 });
    const { pEvent, cell } = detectorOutputs(predictDetector(model, test.x));
    const cnn = scoreDetections(test.y, test.snrDb, pEvent, metrics.threshold, cell);
    const sta = scoreDetections(test.y, test.snrDb, staLtaWindowScores(test), metrics.staLta.threshold);
    const low = (r: typeof cnn) => {
      const b = r.bands.filter((x) => x.band[1] <= 5);
      return b.reduce((s, x) => s + x.recall * x.events, 0) / b.reduce((s, x) => s + x.events, 0);
    };
    // Cell accuracy over the events at SNR ≥ 5 dB, where the polarisation stands out of the noise.
    const high = cnn.bands.filter((x) => x.band[0] >= 5);
    const cellHigh = high.reduce((s, x) => s + x.cellAccuracy * x.events, 0) / high.reduce((s, x) => s + x.events, 0);
    // Where the P onset stands 3 dB out of the noise (its own SNR: variance 2 s after over 2 s before).
    const onset = scoreDetections(test.y, detectionOnsetSnr(test), pEvent, metrics.threshold, cell, [[3, 60]]).bands[0];
    console.log(`held-out 1500: P onset ≥ 3 dB (${onset.events} events): recall ${onset.recall.toFixed(3)}, cell accuracy ${onset.cellAccuracy.toFixed(3)}`);
    console.log(`held-out 1500: detector precision ${cnn.precision.toFixed(3)}, recall ${cnn.recall.toFixed(3)}, cell accuracy ${cnn.cellAccuracy.toFixed(3)} (≥ 5 dB: ${cellHigh.toFixed(3)}), recall < 5 dB ${low(cnn).toFixed(3)}; STA/LTA precision ${sta.precision.toFixed(3)}, recall ${sta.recall.toFixed(3)}, recall < 5 dB ${low(sta).toFixed(3)}`);
    expect(cnn.precision).toBeGreaterThan(FLOORS.precision);
    expect(cnn.recall).toBeGreaterThan(FLOORS.recall);
    expect(cnn.cellAccuracy).toBeGreaterThan(FLOORS.cellAccuracy);
    expect(cellHigh).toBeGreaterThan(FLOORS.cellAccuracyHighSnr);
    // ConvNetQuake's figures where the onset is visible: precision (all windows) and cell accuracy.
    expect(cnn.precision).toBeGreaterThan(CONVNETQUAKE.precision);
    expect(onset.events).toBeGreaterThan(300);
    expect(onset.cellAccuracy).toBeGreaterThanOrEqual(CONVNETQUAKE.cellAccuracy);
    expect(onset.recall).toBeGreaterThan(0.97);
    // Below 5 dB the detector finds more events than STA/LTA, both at thresholds set for precision 0.9 on the
    // calibration windows (metrics.json); their precisions on these windows stay within a few points.
    expect(low(cnn)).toBeGreaterThan(low(sta) + FLOORS.lowSnrMargin);
    expect(Math.abs(cnn.precision - sta.precision)).toBeLessThan(0.06);
    model.dispose();
  });
});

/**
 * Floors a little under the shipped model's figures on the 1,500 windows (measured: precision 0.940, recall 0.895,
 * cell accuracy 0.738, 0.927 at ≥ 5 dB, recall below 5 dB 0.742 against STA/LTA's 0.559; at a P onset SNR ≥ 3 dB,
 * 368 events: recall 1.000, cell accuracy 0.976). Thresholds: both
 * methods' lowest reaching precision 0.92 on 1,500 calibration windows (metrics.json), so that the held-out precision
 * stays above the issue's 0.9. Cell accuracy: see metrics.json for the 1,500 held-out windows by SNR band.
 */
const FLOORS = { precision: 0.92, recall: 0.87, cellAccuracy: 0.71, cellAccuracyHighSnr: 0.9, lowSnrMargin: 0.14 };
