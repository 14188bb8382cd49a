/**
 * Speed of the seismic deep-learning models on TF.js wasm in Node (shared file: one describe
 * block per model). Targets from issue 16: picker inference on one 3000×3 window < 20 ms; a
 * one-hour 100 Hz three-component record (360,000 samples per component) picked with sliding
 * windows < 5 s. STA/LTA's time on the same records is given beside.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bench, describe } from 'vitest';
import { initBackend, loadLayersModel, pickRecord, predictDetector, predictPicker } from '../src/nn';
import { bandpass, makeDetectionStream, makePickingWindow, seismicNoise, staLta, staLtaCharacteristic, staLtaPick, streamWindows, syntheticSeismogram } from '../src/seismic';

await initBackend({ order: ['wasm'] });
const assets = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../packages/ui/assets/models');

// ---- PhaseNet-style picker (helper H2) ----
const pickerDir = path.join(assets, 'seismic-picker');
const picker = await loadLayersModel(JSON.parse(readFileSync(path.join(pickerDir, 'model.json'), 'utf8')), new Uint8Array(readFileSync(path.join(pickerDir, 'weights.bin'))));
const window = makePickingWindow({ snrDb: 5, distance: 60, randomState: 1 });

/** One hour at 100 Hz: coloured noise with 12 local events of various SNR and distance. */
function hourRecord(): Float64Array[] {
  const n = 360_000;
  const comps = [0, 1, 2].map((c) => seismicNoise(n, { sampleRate: 100, randomState: 10 + c }));
  for (let e = 0; e < 12; e++) {
    const rec = syntheticSeismogram({ duration: 60, distance: 20 + 8 * e, snr: Infinity, randomState: e });
    const at = 20_000 + e * 28_000;
    const amp = 0.5 + (e % 4);
    [rec.clean.Z, rec.clean.N, rec.clean.E].forEach((tr, c) => {
      for (let t = 0; t < tr.length; t++) comps[c][at + t] += amp * tr[t];
    });
  }
  return comps;
}
const hour = hourRecord();

describe('PhaseNet-style picker, TF.js wasm (targets: one window < 20 ms, one hour < 5 s)', () => {
  bench('picker: one 3000×3 window', () => {
    predictPicker(picker, window.x);
  }, { time: 2000, warmupIterations: 3 });
  bench('STA/LTA P pick on the same window (band-pass + classic STA/LTA)', () => {
    staLtaPick(window.x);
  }, { time: 1000 });
  bench('picker: one hour, 3 × 360,000 samples, windows every 1,500 samples (239 windows)', async () => {
    await pickRecord(picker, hour, { step: 1500, batchSize: 16 });
  }, { iterations: 2, time: 0, warmupIterations: 1 });
  bench('picker: one hour, windows every 2,400 samples (150 windows)', async () => {
    await pickRecord(picker, hour, { step: 2400, batchSize: 16 });
  }, { iterations: 2, time: 0, warmupIterations: 1 });
  bench('STA/LTA on the same hour (band-pass 1–20 Hz + classic STA/LTA, Z)', () => {
    staLta(bandpass(hour[0], { sampleRate: 100, freqmin: 1, freqmax: 20, order: 2 }), { sampleRate: 100, sta: 0.3, lta: 2.5 });
  }, { iterations: 5, time: 0, warmupIterations: 1 });
});

// ---- ConvNetQuake-style detector (helper H1) ----
// Target from issue 16: the detector over a 10-minute stream < 1 s (windows of 10 s, one per second: 591 windows).
const detectorDir = path.join(assets, 'seismic-detector');
const detector = await loadLayersModel(readFileSync(path.join(detectorDir, 'model.json'), 'utf8'), new Uint8Array(readFileSync(path.join(detectorDir, 'weights.bin'))));
const tenMinutes = makeDetectionStream({ duration: 600, nEvents: 15, randomState: 3 });
const oneWindow = streamWindows(tenMinutes.traces, { stepSeconds: 10 }).x.subarray(0, 3000);

describe('ConvNetQuake-style detector, TF.js wasm (target: a 10-minute stream < 1 s)', () => {
  bench('detector: 10 minutes, 3 × 60,000 samples, 10 s windows every 1 s (591 windows, high-pass + standardise + CNN)', () => {
    const w = streamWindows(tenMinutes.traces, { stepSeconds: 1 });
    predictDetector(detector, w.x, 128);
  }, { iterations: 3, time: 0, warmupIterations: 1 });
  bench('detector: one 1000×3 window', () => {
    predictDetector(detector, oneWindow);
  }, { time: 1000, warmupIterations: 3 });
  bench('STA/LTA on the same 10 minutes (band-pass 1–15 Hz, 3-component energy, classic 0.5 s / 10 s)', () => {
    staLtaCharacteristic(tenMinutes.traces);
  }, { iterations: 5, time: 0, warmupIterations: 1 });
});
