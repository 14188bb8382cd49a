/**
 * `pnpm train:autoencoder`: trains the two seismic autoencoders of the course (chapters 5 and 8)
 * in Node on the wasm backend, single-threaded, and writes them into
 * packages/ui/assets/models/{seismic-autoencoder,seismic-denoiser}/ as model.json + weights.bin
 * + metrics.json (held-out figures).
 *
 * - seismic-autoencoder: fully connected 256 → 128 → 32 → z ∈ ℝ² → 32 → 128 → 256, trained on
 *   `autoencoderWindows` (earthquakes and noise, peak-normalised) with 𝓛 = ‖x − x′‖² (MSE).
 * - seismic-denoiser: convolutional (1 × 7 kernels, 16/32/32 filters, 2× pooling, a 32-value
 *   code), trained on `denoisingWindows`: noisy input → clean target.
 *
 * Training windows come from seeds 1 and 2, held-out windows from seeds 1001 and 1002 (the
 * explainer and algorithms/test/nn/autoencoder-shipped.test.ts draw the same held-out sets).
 *
 * Environment: EPOCHS_AE, EPOCHS_DN (defaults 60 and 10), N_AE, N_DN (training windows,
 * defaults 4000 and 2400), ONLY=autoencoder|denoiser, OUT_DIR.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RandomState } from '../algorithms/src/core/random';
import { PCA } from '../algorithms/src/decomposition/PCA';
import { Autoencoder, initBackend } from '../algorithms/src/nn/index';
import { AUTOENCODER_WINDOW_TYPES, autoencoderWindows, denoisingWindows, type AutoencoderDataset } from '../algorithms/src/seismic/autoencoderData';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = process.env.OUT_DIR ?? path.join(root, 'packages/ui/assets/models');

/** Seeds and sizes of the data; the shipped test and the explainer use the same held-out seeds. */
export const SPLITS = { autoencoder: { trainSeed: 1, heldOutSeed: 1001, heldOut: 400 }, denoiser: { trainSeed: 2, heldOutSeed: 1002, heldOut: 200 } } as const;

const cosine = (hi: number, lo: number) => (e: number, epochs: number) => lo + 0.5 * (hi - lo) * (1 + Math.cos((Math.PI * e) / Math.max(1, epochs - 1)));

/** 10·log₁₀(Σ a² / Σ (a − b)²) over the rows `rows` of two n × L arrays (pooled). */
function pooledSnrDb(a: Float32Array, b: ArrayLike<number>, L: number, rows: number[]): number {
  let s = 0, r = 0;
  for (const k of rows) for (let i = k * L; i < (k + 1) * L; i++) {
    s += a[i] ** 2;
    r += (a[i] - b[i]) ** 2;
  }
  return 10 * Math.log10(s / r);
}

function mse(a: Float32Array, b: ArrayLike<number>, L: number, rows: number[]): number {
  let r = 0;
  for (const k of rows) for (let i = k * L; i < (k + 1) * L; i++) r += (a[i] - b[i]) ** 2;
  return r / (rows.length * L);
}

const round = (v: number, d = 4) => Number(v.toFixed(d));

function write(name: string, model: Autoencoder, meta: Record<string, unknown>, metrics: Record<string, unknown>): void {
  const { modelJSON, weightData } = model.save(meta);
  const dir = path.join(outDir, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'model.json'), JSON.stringify(modelJSON, null, 1) + '\n');
  writeFileSync(path.join(dir, 'weights.bin'), new Uint8Array(weightData));
  writeFileSync(path.join(dir, 'metrics.json'), JSON.stringify({ ...metrics, weightBytes: weightData.byteLength }, null, 2) + '\n');
  console.log(`${name}: ${weightData.byteLength} bytes of weights → ${dir}`);
}

async function trainAutoencoder(backend: string): Promise<void> {
  const epochs = Number(process.env.EPOCHS_AE ?? 60);
  const count = Number(process.env.N_AE ?? 4000);
  const { trainSeed, heldOutSeed, heldOut } = SPLITS.autoencoder;
  const train = autoencoderWindows({ count, seed: trainSeed });
  const test = autoencoderWindows({ count: heldOut, seed: heldOutSeed });
  const L = train.length;
  const lr = cosine(3e-3, 2e-4);
  const batchSize = 32;
  const ae = new Autoencoder({ inputShape: [L], latentDim: 2, hiddenUnits: [128, 32], activation: 'relu', learningRate: lr(0, epochs), batchSize, randomState: 3 });
  console.log(`seismic-autoencoder: ${ae.net.parameterCount} parameters, ${count} windows, ${epochs} epochs`);
  const rng = new RandomState(11);
  const t0 = performance.now();
  const lossCurve: number[] = [];
  for (let e = 0; e < epochs; e++) {
    ae.setLearningRate(lr(e, epochs));
    const order = rng.permutation(count);
    let sum = 0, batches = 0;
    for (let s = 0; s < count; s += batchSize) {
      const idx = order.slice(s, s + batchSize);
      const xb = new Float32Array(idx.length * L);
      idx.forEach((k, j) => xb.set(train.x.subarray(k * L, (k + 1) * L), j * L));
      sum += ae.trainBatch(xb);
      batches++;
    }
    lossCurve.push(round(sum / batches, 5));
    if (e % 5 === 4 || e === epochs - 1) console.log(`  epoch ${e + 1}/${epochs}: train 𝓛 ${(sum / batches).toFixed(4)}, held-out ${ae.reconstructionError(test.x).toFixed(4)}, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  const seconds = (performance.now() - t0) / 1000;
  const y = ae.reconstruct(test.x);
  const all = [...Array(test.count).keys()];
  const quakes = all.filter((k) => test.type[k] !== 0);
  const byType = Object.fromEntries(AUTOENCODER_WINDOW_TYPES.map((t, ti) => {
    const rows = all.filter((k) => test.type[k] === ti);
    return [t, { windows: rows.length, mse: round(mse(test.x, y, L, rows), 5), snrDb: round(pooledSnrDb(test.x, y, L, rows), 2) }];
  }));
  const pca = pcaBaseline(train, test, 2);
  const metrics = {
    model: 'seismic-autoencoder',
    heldOut: `autoencoderWindows({ count: ${heldOut}, seed: ${heldOutSeed} })`,
    heldOutWindows: test.count,
    mse: round(mse(test.x, y, L, all), 5),
    snrDb: round(pooledSnrDb(test.x, y, L, all), 2),
    earthquakeMse: round(mse(test.x, y, L, quakes), 5),
    earthquakeSnrDb: round(pooledSnrDb(test.x, y, L, quakes), 2),
    byType,
    pca2EarthquakeSnrDb: round(pca.earthquakeSnrDb, 2),
    pca2SnrDb: round(pca.snrDb, 2),
    inputSamples: L,
    latentDim: 2,
    compressionRatio: L / 2,
    parameters: ae.net.parameterCount,
    epochs,
    trainingWindows: count,
    trainingSeconds: Math.round(seconds),
    backend,
    lossCurve,
  };
  console.log(JSON.stringify({ ...metrics, lossCurve: undefined }));
  write('seismic-autoencoder', ae, {
    description: 'fully connected autoencoder 256-128-32-2-32-128-256 (relu, linear code and output), loss ‖x − x′‖² (MSE)',
    data: `autoencoderWindows (algorithms/src/seismic/autoencoderData.ts): ${count} windows of seed ${trainSeed}, Z component, 256 samples at 25 Hz, P at 1 s, divided by their peak`,
    heldOut: metrics.heldOut,
    optimizer: `adam, batch ${batchSize}, learning rate cosine ${lr(0, epochs)} → ${lr(epochs - 1, epochs)}, ${epochs} epochs`,
    trainingSeconds: Math.round(seconds),
    backend,
  }, metrics);
  ae.dispose();
}

/** Reconstruction SNR of PCA with k components, for comparison (the linear autoencoder). */
function pcaBaseline(train: AutoencoderDataset, test: AutoencoderDataset, k: number): { snrDb: number; earthquakeSnrDb: number } {
  const L = train.length;
  const rows = (d: AutoencoderDataset) => Array.from({ length: d.count }, (_, i) => Array.from(d.x.subarray(i * L, (i + 1) * L)));
  const n = Math.min(train.count, 1500);
  const p = new PCA({ nComponents: k });
  p.fit(rows(train).slice(0, n));
  const back = p.inverseTransform(p.transform(rows(test))) ;
  const flat = new Float32Array(test.count * L);
  for (let i = 0; i < test.count; i++) for (let j = 0; j < L; j++) flat[i * L + j] = back[i][j];
  const all = [...Array(test.count).keys()];
  return { snrDb: pooledSnrDb(test.x, flat, L, all), earthquakeSnrDb: pooledSnrDb(test.x, flat, L, all.filter((i) => test.type[i] !== 0)) };
}

async function trainDenoiser(backend: string): Promise<void> {
  const epochs = Number(process.env.EPOCHS_DN ?? 10);
  const count = Number(process.env.N_DN ?? 2400);
  const { trainSeed, heldOutSeed, heldOut } = SPLITS.denoiser;
  const train = denoisingWindows({ count, seed: trainSeed });
  const test = denoisingWindows({ count: heldOut, seed: heldOutSeed });
  const L = train.length;
  const lr = cosine(2e-3, 2e-4);
  const batchSize = 32;
  const latentDim = 32;
  const ae = new Autoencoder({ kind: 'conv', inputShape: [L, 1], latentDim, filters: [16, 32, 32], kernelSize: 7, activation: 'relu', learningRate: lr(0, epochs), batchSize, randomState: 4 });
  console.log(`seismic-denoiser: ${ae.net.parameterCount} parameters, ${count} windows, ${epochs} epochs`);
  const rng = new RandomState(12);
  const t0 = performance.now();
  const lossCurve: number[] = [];
  for (let e = 0; e < epochs; e++) {
    ae.setLearningRate(lr(e, epochs));
    const order = rng.permutation(count);
    let sum = 0, batches = 0;
    for (let s = 0; s < count; s += batchSize) {
      const idx = order.slice(s, s + batchSize);
      const xi = new Float32Array(idx.length * L);
      const xt = new Float32Array(idx.length * L);
      idx.forEach((k, j) => {
        xi.set(train.noisy.subarray(k * L, (k + 1) * L), j * L);
        xt.set(train.clean.subarray(k * L, (k + 1) * L), j * L);
      });
      sum += ae.trainBatch(xi, xt);
      batches++;
    }
    lossCurve.push(round(sum / batches, 5));
    console.log(`  epoch ${e + 1}/${epochs}: train 𝓛 ${(sum / batches).toFixed(4)}, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  const seconds = (performance.now() - t0) / 1000;
  const y = ae.reconstruct(test.noisy);
  let inSum = 0, outSum = 0;
  const gains: number[] = [];
  for (let k = 0; k < test.count; k++) {
    const sIn = pooledSnrDb(test.clean, test.noisy, L, [k]);
    const sOut = pooledSnrDb(test.clean, y, L, [k]);
    inSum += sIn;
    outSum += sOut;
    gains.push(sOut - sIn);
  }
  gains.sort((a, b) => a - b);
  const metrics = {
    model: 'seismic-denoiser',
    heldOut: `denoisingWindows({ count: ${heldOut}, seed: ${heldOutSeed} })`,
    heldOutWindows: test.count,
    inputSnrDb: round(inSum / test.count, 2),
    outputSnrDb: round(outSum / test.count, 2),
    snrGainDb: round((outSum - inSum) / test.count, 2),
    medianSnrGainDb: round(gains[Math.floor(gains.length / 2)], 2),
    windowsImproved: gains.filter((g) => g > 0).length,
    mse: round(mse(test.clean, y, L, [...Array(test.count).keys()]), 5),
    inputSamples: L,
    latentDim,
    compressionRatio: L / latentDim,
    parameters: ae.net.parameterCount,
    epochs,
    trainingWindows: count,
    trainingSeconds: Math.round(seconds),
    backend,
    lossCurve,
  };
  console.log(JSON.stringify({ ...metrics, lossCurve: undefined }));
  write('seismic-denoiser', ae, {
    description: 'convolutional denoising autoencoder: 3 × (conv 1×7 same relu, max-pool 1×2) with 16/32/32 filters, dense 32 code, dense, 3 × transposed conv 1×7 stride 2, conv 1×7 linear',
    data: `denoisingWindows (algorithms/src/seismic/autoencoderData.ts): ${count} windows of seed ${trainSeed}, input SNR −5 … 10 dB, noisy input → clean target, both divided by the noisy peak`,
    heldOut: metrics.heldOut,
    optimizer: `adam, batch ${batchSize}, learning rate cosine ${lr(0, epochs)} → ${lr(epochs - 1, epochs)}, ${epochs} epochs`,
    trainingSeconds: Math.round(seconds),
    backend,
  }, metrics);
  ae.dispose();
}

async function main(): Promise<void> {
  const report = await initBackend({ order: ['wasm', 'cpu'] });
  console.log(`backend: ${report.backend} (${report.reason})`);
  const only = process.env.ONLY;
  if (!only || only === 'autoencoder') await trainAutoencoder(report.backend);
  if (!only || only === 'denoiser') await trainDenoiser(report.backend);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
