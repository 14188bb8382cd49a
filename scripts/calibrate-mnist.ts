/**
 * `pnpm calibrate:mnist`: fits the temperature T of softmax(z / T) for each shipped MNIST model
 * and writes it into packages/ui/assets/models/{mnist-fc,mnist-cnn}/calibration.json.
 *
 * Why not on the clean held-out digits: there both models are already well calibrated (ECE
 * ≈ 0.01, and the fitted T ≈ 1 changes nothing), while hand-drawn digits come from another
 * distribution (solid pen strokes of another width, slanted, stretched) on which the softmax
 * is over-confident. So T is fitted by minimising the NLL on held-out digits distorted like
 * drawings (`drawnLikeDigit`: 4× upsampling to the pad's 112 × 112 raster, solid ink, stroke
 * width −2 … +3 filter passes, rotation ±25°, shear ±0.35, aspect ×0.8 … ×1.25, then the pad's
 * own preprocessing), one distortion per digit, seeded.
 *
 * Split: the 2,000 held-out digits (last 200 of each class, never trained on); T is fitted on
 * the even-indexed 1,000 and every ECE (15 equal-width bins) is reported on the odd-indexed
 * 1,000, clean and drawn-like, before and after.
 *
 * Environment: OUT_DIR (default the shipped models' folder), SEED (default 13).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RandomState } from '../algorithms/src/core/random';
import { CNN, MNIST_PIXELS, initBackend, loadMnist, type MnistPackage, type SavedModelJSON } from '../algorithms/src/nn/index';
import { accuracyOf, expectedCalibrationError, fitTemperature, temperatureScale, type MnistCalibration } from '../packages/ui/src/common/calibration';
import { drawnLikeDigit, drawnLikeParams } from '../packages/ui/src/DigitDrawingPad/transforms';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const modelsDir = process.env.OUT_DIR ?? path.join(root, 'packages/ui/assets/models');
const SEED = Number(process.env.SEED ?? 13);

/** Every `step`-th digit from `start`, its image and label. */
function pick(images: Float32Array, labels: ArrayLike<number>, start: number, step: number): { images: Float32Array; labels: Uint8Array } {
  const n = Math.ceil((labels.length - start) / step);
  const out = { images: new Float32Array(n * MNIST_PIXELS), labels: new Uint8Array(n) };
  for (let i = 0; i < n; i++) {
    const k = start + i * step;
    out.images.set(images.subarray(k * MNIST_PIXELS, (k + 1) * MNIST_PIXELS), i * MNIST_PIXELS);
    out.labels[i] = labels[k];
  }
  return out;
}

/** The drawn-like copy of each digit, one seeded distortion each. */
function drawnLike(images: Float32Array, seed: number): Float32Array {
  const rng = new RandomState(seed);
  const out = new Float32Array(images.length);
  for (let i = 0; i < images.length / MNIST_PIXELS; i++) {
    out.set(drawnLikeDigit(images.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS), drawnLikeParams((a, b) => rng.uniform(a, b))), i * MNIST_PIXELS);
  }
  return out;
}

const r4 = (v: number) => Math.round(v * 10000) / 10000;

async function main(): Promise<void> {
  const report = await initBackend({ order: ['wasm', 'cpu'] });
  console.log(`backend: ${report.backend}`);
  const { test } = loadMnist(require('mnist') as MnistPackage);
  const fit = pick(test.images, test.labels, 0, 2);
  const evalSet = pick(test.images, test.labels, 1, 2);
  const t0 = performance.now();
  const fitDrawn = drawnLike(fit.images, SEED);
  const evalDrawn = drawnLike(evalSet.images, SEED + 1);
  console.log(`data: ${fit.labels.length} digits to fit T, ${evalSet.labels.length} to evaluate; drawn-like copies in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  for (const name of ['mnist-fc', 'mnist-cnn'] as const) {
    const dir = path.join(modelsDir, name);
    const model = CNN.load(JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8')) as SavedModelJSON, new Uint8Array(readFileSync(path.join(dir, 'weights.bin'))));
    const pFitDrawn = model.predictProba(fitDrawn);
    const pClean = model.predictProba(evalSet.images);
    const pDrawn = model.predictProba(evalDrawn);
    const tClean = fitTemperature(model.predictProba(fit.images), fit.labels);
    const T = fitTemperature(pFitDrawn, fit.labels);
    const ece = (p: Float32Array) => r4(expectedCalibrationError(p, evalSet.labels));
    const cal: MnistCalibration & Record<string, unknown> = {
      temperature: T,
      method: 'temperature scaling: q = softmax(log p / T), T minimising the mean NLL (golden-section search on log T)',
      fittedOn: `the even-indexed ${fit.labels.length} of the 2,000 held-out digits, each distorted like a drawing (seed ${SEED})`,
      drawnLike: '4× upsampling to the pad’s 112 × 112 raster, solid ink, stroke width −2 … +3 passes of a 3 × 3 max/min filter, rotation ±25°, shear ±0.35, aspect ×0.8 … ×1.25, then preprocessDigit',
      temperatureIfFittedOnClean: tClean,
      evaluated: evalSet.labels.length,
      evaluatedOn: `the odd-indexed ${evalSet.labels.length} held-out digits; drawn-like copies with seed ${SEED + 1}, one distortion per digit in order`,
      seed: SEED,
      bins: 15,
      ece: {
        clean: { before: ece(pClean), after: ece(temperatureScale(pClean, T)) },
        drawnLike: { before: ece(pDrawn), after: ece(temperatureScale(pDrawn, T)) },
      },
      accuracy: { clean: r4(accuracyOf(pClean, evalSet.labels)), drawnLike: r4(accuracyOf(pDrawn, evalSet.labels)) },
    };
    writeFileSync(path.join(dir, 'calibration.json'), JSON.stringify(cal, null, 1) + '\n');
    console.log(`${name}: T = ${T} (T fitted on clean digits would be ${tClean}); ECE clean ${cal.ece!.clean.before} → ${cal.ece!.clean.after}, drawn-like ${cal.ece!.drawnLike.before} → ${cal.ece!.drawnLike.after}; accuracy clean ${cal.accuracy!.clean}, drawn-like ${cal.accuracy!.drawnLike}`);
    model.dispose();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
