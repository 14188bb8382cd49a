/**
 * The SHIPPED seismic autoencoders (packages/ui/assets/models/seismic-{autoencoder,denoiser}/,
 * written by `pnpm train:autoencoder`), loaded from disk and measured on their held-out
 * windows (seeds the training never saw): reconstruction error and SNR, denoising SNR gain,
 * compression ratio, and the figures written in metrics.json.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { Autoencoder, initBackend, type SavedModelJSON } from '../../src/nn';
import { autoencoderWindows, denoisingWindows, snrDb } from '../../src/seismic/autoencoderData';

const models = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../packages/ui/assets/models');

function load(name: string): { ae: Autoencoder; metrics: Record<string, number>; bytes: number } {
  const dir = path.join(models, name);
  const json = JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8')) as SavedModelJSON;
  const weights = readFileSync(path.join(dir, 'weights.bin'));
  const metrics = JSON.parse(readFileSync(path.join(dir, 'metrics.json'), 'utf8')) as Record<string, number>;
  const bytes = statSync(path.join(dir, 'weights.bin')).size + statSync(path.join(dir, 'model.json')).size;
  return { ae: Autoencoder.load(json, weights), metrics, bytes };
}

/** 10·log₁₀(Σ a² / Σ (a − b)²) pooled over the rows where `keep` holds. */
function pooledSnr(a: Float32Array, b: Float32Array, L: number, keep: (k: number) => boolean): number {
  let s = 0, r = 0;
  for (let k = 0; k < a.length / L; k++) {
    if (!keep(k)) continue;
    for (let i = k * L; i < (k + 1) * L; i++) {
      s += a[i] ** 2;
      r += (a[i] - b[i]) ** 2;
    }
  }
  return 10 * Math.log10(s / r);
}

beforeAll(async () => {
  await initBackend({ order: ['wasm', 'cpu'] });
});

describe('shipped seismic autoencoder (2-D latent space)', () => {
  it('reconstructs held-out windows better than PCA with 2 components, at 128:1', () => {
    const { ae, metrics, bytes } = load('seismic-autoencoder');
    try {
      expect(bytes).toBeLessThanOrEqual(1024 * 1024);
      expect(ae.options.latentDim).toBe(2);
      expect(ae.options.inputShape).toEqual([256]);
      expect(metrics.compressionRatio).toBe(128);
      const test = autoencoderWindows({ count: 400, seed: 1001 });
      const L = test.length;
      const y = ae.reconstruct(test.x);
      let se = 0;
      for (let i = 0; i < y.length; i++) se += (test.x[i] - y[i]) ** 2;
      const mse = se / y.length;
      const all = pooledSnr(test.x, y, L, () => true);
      const quakes = pooledSnr(test.x, y, L, (k) => test.type[k] !== 0);
      // The shipped metrics are what this measures (same windows, same weights).
      expect(mse).toBeCloseTo(metrics.mse, 4);
      expect(quakes).toBeCloseTo(metrics.earthquakeSnrDb, 1);
      // Floors: an untrained network gives ≈ 0 dB (it outputs ≈ 0); PCA with 2 components ≈ 2.9 dB
      // on the earthquakes. Noise windows (a quarter) have no shape to learn: ≈ 0 dB, which pulls
      // the figure over all windows down.
      expect(quakes).toBeGreaterThan(3.5);
      expect(quakes).toBeGreaterThan(metrics.pca2EarthquakeSnrDb + 1);
      expect(all).toBeGreaterThan(0.8);
      expect(mse).toBeLessThan(0.045);
      // The latent codes spread out (not collapsed to a point) and decode back to windows.
      const z = ae.encode(test.x.subarray(0, 50 * L));
      const xs = Array.from({ length: 50 }, (_, k) => z[2 * k]);
      expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(1e-2);
      expect(ae.decode(z.subarray(0, 2)).length).toBe(L);
    } finally {
      ae.dispose();
    }
  });
});

describe('shipped seismic denoiser (convolutional)', () => {
  it('raises the SNR of held-out noisy windows', () => {
    const { ae, metrics, bytes } = load('seismic-denoiser');
    try {
      expect(bytes).toBeLessThanOrEqual(1024 * 1024);
      const test = denoisingWindows({ count: 200, seed: 1002 });
      const L = test.length;
      const y = ae.reconstruct(test.noisy);
      let inSum = 0, outSum = 0, improved = 0;
      for (let k = 0; k < test.count; k++) {
        const c = test.clean.subarray(k * L, (k + 1) * L);
        const sIn = snrDb(c, test.noisy.subarray(k * L, (k + 1) * L));
        const sOut = snrDb(c, y.subarray(k * L, (k + 1) * L));
        inSum += sIn;
        outSum += sOut;
        if (sOut > sIn) improved++;
      }
      const gain = (outSum - inSum) / test.count;
      expect(gain).toBeCloseTo(metrics.snrGainDb, 1);
      expect(inSum / test.count).toBeCloseTo(metrics.inputSnrDb, 1);
      expect(gain).toBeGreaterThan(5);
      expect(improved / test.count).toBeGreaterThan(0.9);
      expect(metrics.compressionRatio).toBe(L / ae.options.latentDim);
    } finally {
      ae.dispose();
    }
  });
});
