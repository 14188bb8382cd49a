/**
 * `pnpm train:detector`: trains the ConvNetQuake-style detector (algorithms/src/nn/seismic/
 * detector.ts) in Node on the wasm backend, and writes packages/ui/assets/models/
 * seismic-detector/{model.json, weights.bin, metrics.json}.
 *
 * Data: `makeDetectionDataset` (seed 2026): NTRAIN training windows (10 s, 3 components,
 * 100 Hz; a quarter noise, the rest events in cells 1…6 at −5…20 dB). Held out: the first
 * NTEST windows of the same seed's held-out stream, made with a 10 s lead-in so that STA/LTA
 * (whose long-term average needs the past) is scored on exactly the same windows. Both
 * methods' thresholds are set on a separate calibration set (NCALIB windows, default 1500, seed 2027)
 * by one rule: the lowest one reaching precision PRECISION (default 0.92) there, so that recalls
 * compare at equal cost. The target is a little above the issue's 0.9 because a threshold set at
 * exactly 0.9 on a finite calibration set lands on either side of 0.9 on the held-out windows.
 * EVAL_ONLY=1 re-measures the files in OUT_DIR without training; RESUME=1 with DATA_SEED goes on training
 * them on fresh windows. The shipped model: 20 epochs on seed 2026 (LR 3e-3), then RESUME=1 DATA_SEED=2126
 * NTRAIN=12000 EPOCHS=8 LR=1e-3; then, after the cells became separate source regions (back-azimuths
 * within ±20° of each sector's centre), RESUME=1 DATA_SEED=2226 NTRAIN=10000 EPOCHS=10 LR=1.5e-3 and
 * RESUME=1 DATA_SEED=2326 NTRAIN=24000 EPOCHS=10 LR=1e-3 and RESUME=1 DATA_SEED=2426 NTRAIN=30000 EPOCHS=8
 * LR=8e-4, then RESUME=1 DATA_SEED=2526 NTRAIN=30000 EPOCHS=16 LR=6e-4 (see metrics.json). RESUME carries the
 * history in OUT_DIR's metrics.json on (epochs, seconds, data seeds) and appends its own stage.
 *
 * Loss 𝓛 = −Σ_c q_c log p_c + λ‖w‖² (λ = LAMBDA), Adam, batch 32, cosine learning rate 3e-3 → 1e-4 (LR).
 * Environment: EPOCHS (default 24), NTRAIN (10000), NTEST (1500), LAMBDA (1e-4), BATCH (32), OUT_DIR.
 * The model files are written every 4 epochs (a checkpoint) and at the end.
 * About 15 minutes on one free core.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { RandomState } from '../algorithms/src/core/random';
import { initBackend, loadLayersModel, saveLayersModel } from '../algorithms/src/nn/index';
import { buildDetector, detectorOutputs, evaluateDetector, trainDetectorBatch } from '../algorithms/src/nn/seismic/detector';
import { readFileSync } from 'node:fs';
import { detectionOnsetSnr, makeDetectionDataset, ONSET_SNR_BANDS, scoreDetections, staLtaWindowScores, thresholdForPrecision, type DetectionReport } from '../algorithms/src/seismic/index';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = process.env.OUT_DIR ?? path.join(root, 'packages/ui/assets/models/seismic-detector');
const SEED = 2026;
const EPOCHS = Number(process.env.EPOCHS ?? 24);
const NTRAIN = Number(process.env.NTRAIN ?? 10000);
const NTEST = Number(process.env.NTEST ?? 1500);
const LAMBDA = Number(process.env.LAMBDA ?? 1e-4);
const BATCH = Number(process.env.BATCH ?? 32);
/** SNR range of the training windows in dB (env SNR="lo,hi"); the held-out set is always −5…20. */
const LR = Number(process.env.LR ?? 3e-3);
/** Precision both methods' thresholds are set to reach on the calibration set. */
const PRECISION = Number(process.env.PRECISION ?? 0.92);
/** Windows of the calibration set (seed 2027) the thresholds are set on. */
const NCALIB = Number(process.env.NCALIB ?? 1500);
/** Seed of the training windows (another seed gives fresh windows, e.g. to go on training with RESUME=1). */
const DATA_SEED = Number(process.env.DATA_SEED ?? SEED);
const SNR = (process.env.SNR ?? '-5,20').split(',').map(Number) as [number, number];
const N = 1000;

const round = (r: DetectionReport) => JSON.parse(JSON.stringify(r, (_k, v: unknown) => (typeof v === 'number' ? (Number.isFinite(v) ? Number(v.toFixed(4)) : null) : v))) as unknown;

async function main(): Promise<void> {
  const report = await initBackend({ order: ['wasm', 'cpu'] });
  console.log(`backend: ${report.backend}`);
  let t = performance.now();
  const { train } = makeDetectionDataset({ nSamples: process.env.EVAL_ONLY ? 1 : NTRAIN, testFraction: 0, split: 'train', randomState: DATA_SEED, snrRange: SNR });
  const { test } = makeDetectionDataset({ nSamples: NTEST, testFraction: 1, split: 'test', leadIn: 10, randomState: SEED });
  const { train: calib } = makeDetectionDataset({ nSamples: NCALIB, testFraction: 0, split: 'train', leadIn: 10, randomState: SEED + 1 });
  console.log(`data: ${train.n} training, ${test.n} held-out, ${calib.n} calibration windows in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  // Both methods' thresholds: the lowest reaching precision PRECISION on the calibration set (the issue's target is 0.9), so that
  // their recalls compare at the same cost in false alarms.
  const staT = thresholdForPrecision(calib.y, staLtaWindowScores(calib), PRECISION);
  const staScores = staLtaWindowScores(test);
  const sta = scoreDetections(test.y, test.snrDb, staScores, staT);
  // The same windows banded by the P onset's own SNR (variance 2 s after over 2 s before).
  const onsetSnr = detectionOnsetSnr(test);
  const bandsOnset = ONSET_SNR_BANDS.map(([a, b]) => [a, b] as [number, number]);
  const staOnset = scoreDetections(test.y, onsetSnr, staScores, staT, undefined, bandsOnset);
  if (process.env.EVAL_ONLY) {
    // Re-measure the files already in OUT_DIR (no training).
    const m = await loadLayersModel(readFileSync(path.join(outDir, 'model.json'), 'utf8'), new Uint8Array(readFileSync(path.join(outDir, 'weights.bin'))));
    const old = JSON.parse(readFileSync(path.join(outDir, 'metrics.json'), 'utf8')) as { epochs: number | string; trainingSeconds: number } & Record<string, unknown>;
    // Keeps the history fields of the old metrics (epochs, training time, notes) and the model files as they are.
    await measure(m, old.epochs, old.trainingSeconds, old);
    return;
  }
  // RESUME=1 goes on training the model in OUT_DIR (e.g. on fresh windows of another DATA_SEED); its
  // metrics.json's history (epochs, seconds, data) is carried on, this stage appended.
  const model = process.env.RESUME ? await loadLayersModel(readFileSync(path.join(outDir, 'model.json'), 'utf8'), new Uint8Array(readFileSync(path.join(outDir, 'weights.bin')))) : buildDetector({ seed: 7 });
  const prior = process.env.RESUME ? priorHistory() : null;
  const lr = (e: number) => 1e-4 + 0.5 * (LR - 1e-4) * (1 + Math.cos((Math.PI * e) / Math.max(1, EPOCHS - 1)));
  const optimizer = tf.train.adam(lr(0));
  const rng = new RandomState(SEED);
  const per = N * 3;
  t = performance.now();
  for (let e = 0; e < EPOCHS; e++) {
    (optimizer as unknown as { learningRate: number }).learningRate = lr(e);
    const te = performance.now();
    const order = rng.permutation(train.n);
    let sum = 0;
    let batches = 0;
    for (let s = 0; s + BATCH <= train.n; s += BATCH) {
      const xb = new Float32Array(BATCH * per);
      const yb = new Int32Array(BATCH);
      for (let i = 0; i < BATCH; i++) {
        const k = order[s + i];
        xb.set(train.x.subarray(k * per, (k + 1) * per), i * per);
        yb[i] = train.y[k];
      }
      sum += trainDetectorBatch(model, optimizer, xb, yb, LAMBDA).total;
      batches++;
    }
    const ev = evaluateDetector(model, test.x.subarray(0, 500 * per), test.y.subarray(0, 500), LAMBDA);
    console.log(`epoch ${e + 1}/${EPOCHS}: train loss ${(sum / batches).toFixed(4)}, held-out (500) loss ${ev.total.toFixed(4)}, accuracy ${(100 * ev.accuracy).toFixed(1)}%, ${((performance.now() - te) / 1000).toFixed(1)} s`);
    if ((e + 1) % 4 === 0 || e + 1 === EPOCHS) await finish(e + 1, (performance.now() - t) / 1000);
  }

  async function finish(epochs: number, seconds: number): Promise<void> {
    if (!prior) return measure(model, epochs, seconds);
    // This stage after the earlier ones: "N: <earlier>, then E on NTRAIN fresh windows of seed S (…)".
    const stage = `${epochs} on ${NTRAIN.toLocaleString('en')} fresh windows of seed ${DATA_SEED} (RESUME=1, cosine ${LR} → 1e-4 over ${EPOCHS})`;
    const history = `${prior.epochs + epochs}: ${prior.stages}, then ${stage}`;
    await measure(model, history, prior.seconds + seconds, prior.keep, `${prior.data}; then seed ${DATA_SEED}: ${NTRAIN} windows`);
  }

  /**
   * The training history in OUT_DIR's metrics.json and model.json: epochs so far (the leading number of
   * a staged "72: …" history, or a plain count), their description, seconds and data.
   */
  function priorHistory(): { epochs: number; stages: string; seconds: number; data: string; keep: Record<string, unknown> } {
    const old = JSON.parse(readFileSync(path.join(outDir, 'metrics.json'), 'utf8')) as Record<string, unknown>;
    const meta = (JSON.parse(readFileSync(path.join(outDir, 'model.json'), 'utf8')) as { userDefinedMetadata?: Record<string, unknown> }).userDefinedMetadata ?? {};
    const e = old.epochs;
    const m = typeof e === 'string' ? /^(\d+):\s*(.*)$/s.exec(e) : null;
    const epochs = typeof e === 'number' ? e : m ? Number(m[1]) : NaN;
    if (!Number.isFinite(epochs) || typeof old.trainingSeconds !== 'number') throw new Error(`RESUME: ${outDir}/metrics.json has no epochs/trainingSeconds history to carry on`);
    return { epochs, stages: m ? m[2] : `${epochs} epochs`, seconds: old.trainingSeconds, data: typeof meta.data === 'string' ? meta.data : 'earlier stages', keep: old };
  }

  /** Measures the model on the whole held-out set and writes the three files (a checkpoint every 4 epochs). */
  async function measure(model: tf.LayersModel, epochs: number | string, seconds: number, keep?: Record<string, unknown>, data?: string): Promise<void> {
    const calibP = detectorOutputs(evaluateDetector(model, calib.x, calib.y).probs).pEvent;
    const threshold = thresholdForPrecision(calib.y, calibP, PRECISION);
    const t1 = performance.now();
    const ev = evaluateDetector(model, test.x, test.y, LAMBDA);
    const inferMs = performance.now() - t1;
    const { pEvent, cell } = detectorOutputs(ev.probs);
    const cnn = scoreDetections(test.y, test.snrDb, pEvent, threshold, cell);
    const cnnOnset = scoreDetections(test.y, onsetSnr, pEvent, threshold, cell, bandsOnset);
    console.log('detector', JSON.stringify(round(cnn)));
    console.log('STA/LTA', JSON.stringify(round(sta)));
    const meta = {
      description: 'ConvNetQuake-style: 8 conv1d stride 2 (8, 16, 16, 32, 32, 32, 32, 32 channels; kernels 7, 5, 5, 3, 3, 3, 3, 3; relu), flatten, dense 7 softmax',
      input: '10 s × 3 components (Z, N, E) at 100 Hz; each window high-passed above 1 Hz (Butterworth order 2, zero phase), demeaned per component and divided by its standard deviation',
      classes: ['noise', 'near 0–120°', 'near 120–240°', 'near 240–360°', 'far 0–120°', 'far 120–240°', 'far 240–360°'],
      data: data ?? `makeDetectionDataset seed ${DATA_SEED}: ${NTRAIN} training windows, SNR ${SNR[0]}…${SNR[1]} dB, noise fraction 0.25`,
      heldOut: `first ${test.n} windows of the held-out stream of seed ${SEED}, leadIn 10 s`,
      loss: `cross-entropy + λ‖w‖², λ = ${LAMBDA}`,
      epochs,
      optimizer: process.env.RESUME ? `adam, batch ${BATCH}, cosine learning rate per stage (see epochs)` : `adam, batch ${BATCH}, learning rate cosine ${LR} → 1e-4 over ${EPOCHS} epochs`,
      trainingSeconds: Math.round(seconds),
      backend: report.backend,
    };
    const saved = await saveLayersModel(model, meta);
    mkdirSync(outDir, { recursive: true });
    if (!keep || process.env.RESUME) {
      writeFileSync(path.join(outDir, 'model.json'), JSON.stringify(saved.modelJSON) + '\n');
      writeFileSync(path.join(outDir, 'weights.bin'), new Uint8Array(saved.weightData));
    }
    const metrics = {
      heldOut: meta.heldOut,
      threshold: Number(threshold.toFixed(4)),
      thresholdRule: `the lowest threshold with precision ≥ ${PRECISION} on ${calib.n} calibration windows (seed ${SEED + 1}), for both methods`,
      detector: round(cnn),
      staLta: { ...(round(sta) as object), method: `classic STA/LTA 0.5 s / 10 s on the 1–15 Hz band-passed 3-component energy; threshold by the detector's rule (precision ≥ ${PRECISION} on the calibration windows)` },
      byOnsetSnr: { note: 'bands of the P onset\'s own SNR (detectionOnsetSnr: variance 2 s after over 2 s before the P arrival, high-passed), dB', detector: (round(cnnOnset) as { bands: unknown }).bands, staLta: (round(staOnset) as { bands: unknown }).bands },
      heldOutLoss: Number(ev.total.toFixed(4)),
      heldOutAccuracy7: Number(ev.accuracy.toFixed(4)),
      epochs,
      trainingSeconds: Math.round(seconds),
      inferenceMsPerWindow: Number((inferMs / test.n).toFixed(3)),
      parameters: model.countParams(),
      weightBytes: saved.weightData.byteLength,
      // Notes written by hand beside the history (the training machine, the cells' geometry) stay.
      ...(keep?.trainingNote === undefined ? {} : { trainingNote: keep.trainingNote }),
      ...(keep?.cells === undefined ? {} : { cells: keep.cells }),
    };
    writeFileSync(path.join(outDir, 'metrics.json'), JSON.stringify(metrics, null, 1) + '\n');
    console.log(`epoch ${epochs}: ${Math.round(seconds)} s of training; ${saved.weightData.byteLength} bytes of weights → ${outDir}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
