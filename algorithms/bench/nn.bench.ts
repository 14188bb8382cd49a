import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { bench, describe } from 'vitest';
import { RandomState } from '../src/core/random';
import { CNN, MLP, gridPoints, initBackend, preprocessDigit, type SavedModelJSON } from '../src/nn';

// Neural networks: the playground's largest MLP on both engines and TF.js backends, a full
// playground frame, and MNIST inference per drawing. hz = steps (or frames, drawings) per second.
await initBackend({ order: ['wasm'] });

const rng = new RandomState(0);
// 500 points of the playground's XOR data set in [−6, 6]², labels ±1 (tanh output, MSE).
const X = Array.from({ length: 500 }, () => [rng.uniform(-6, 6), rng.uniform(-6, 6)]);
const y = X.map(([a, b]) => (a * b > 0 ? 1 : -1));
const sizes = [2, 8, 8, 8, 8, 8, 8, 1];
const opts = { layerSizes: sizes, activation: 'tanh' as const, outputActivation: 'tanh' as const, learningRate: 0.03, batchSize: 10, evalEvery: 0, randomState: 1 };

const plain = new MLP({ ...opts, engine: 'auto' });
plain.setData(X, y);
const plainOnly = new MLP({ ...opts, engine: 'plain', gridEngine: 'plain' });
plainOnly.setData(X, y);
const onWasm = new MLP({ ...opts, engine: 'tfjs' });
onWasm.setData(X, y);
await tf.setBackend('cpu');
const onCpu = new MLP({ ...opts, engine: 'tfjs' });
onCpu.setData(X, y);
await tf.setBackend('wasm');
console.log(`engine 'auto' picked ${plain.engine}: ${plain.engineReason}`);

const use = async (b: 'cpu' | 'wasm') => {
  if (tf.getBackend() !== b) await tf.setBackend(b);
};

describe('MLP training step: 6 hidden layers of 8 tanh, batch 10, 500 points', () => {
  bench('plain engine', () => {
    plain.step();
  }, { time: 1500 });
  bench('tfjs engine, wasm backend', async () => {
    await use('wasm');
    onWasm.step();
  }, { time: 1500 });
  bench('tfjs engine, cpu backend', async () => {
    await use('cpu');
    onCpu.step();
  }, { time: 1500 });
});

const grid = gridPoints({ xMin: -6, xMax: 6, yMin: -6, yMax: 6, nx: 100, ny: 100 });

describe('playground frame: one step + every neuron over a 100×100 grid (target < 8 ms)', () => {
  bench('auto: plain steps, grid on a TF.js wasm copy of the weights', async () => {
    await use('wasm');
    plain.step();
    plain.neuronOutputs(grid);
  }, { time: 1500 });
  bench('plain engine for both', () => {
    plainOnly.step();
    plainOnly.neuronOutputs(grid);
  }, { time: 1500 });
  bench('tfjs engine, wasm backend', async () => {
    await use('wasm');
    onWasm.step();
    onWasm.neuronOutputs(grid);
  }, { time: 1500 });
});

// MNIST: the shipped weights if trained, else the same networks freshly initialised.
const models = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../packages/ui/assets/models');
function load(name: string): { json: SavedModelJSON; w: Uint8Array } | null {
  const dir = path.join(models, name);
  if (!existsSync(path.join(dir, 'model.json'))) return null;
  return { json: JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8')) as SavedModelJSON, w: readFileSync(path.join(dir, 'weights.bin')) };
}
await use('wasm');
const cnnSaved = load('mnist-cnn');
const fcSaved = load('mnist-fc');
const cnn = cnnSaved ? CNN.load(cnnSaved.json, cnnSaved.w) : new CNN();
const fc = fcSaved ? MLP.load(fcSaved.json, fcSaved.w) : new MLP({ layerSizes: [784, 128, 10], activation: 'relu', loss: 'categoricalCrossentropy' });
const fcPlain = fcSaved ? MLP.load(fcSaved.json, fcSaved.w, { engine: 'plain' }) : new MLP({ layerSizes: [784, 128, 10], activation: 'relu', loss: 'categoricalCrossentropy', engine: 'plain' });
// A 280 × 280 drawing-pad stroke: a slanted "1".
const pad = new Float32Array(280 * 280);
for (let t = 0; t < 200; t++) for (let d = -8; d <= 8; d++) pad[(40 + t) * 280 + Math.round(150 - t * 0.2) + d] = 1;

describe('MNIST inference per drawing (preprocess 280×280 → 28×28, then predict)', () => {
  bench('CNN, wasm', () => {
    cnn.predictProba(preprocessDigit(pad, 280, 280));
  });
  bench(`fully connected 784-128-10, ${fc.engine} (auto)`, () => {
    fc.predict({ rows: 1, cols: 784, data: preprocessDigit(pad, 280, 280) });
  });
  bench('fully connected 784-128-10, plain', () => {
    fcPlain.predict({ rows: 1, cols: 784, data: preprocessDigit(pad, 280, 280) });
  });
  bench('CNN activations of every layer (feature maps), wasm', () => {
    cnn.activations(preprocessDigit(pad, 280, 280));
  });
});
