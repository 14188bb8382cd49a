import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors';
import { RandomState } from '../../src/core/random';
import { MLP, TfNet, gridPoints, handleContextLost, initBackend, type MLPOptions } from '../../src/nn';

beforeAll(async () => {
  const r = await initBackend({ order: ['wasm'] });
  expect(r.backend).toBe('wasm');
});

/** n points in 2-D, classes by XOR of the signs; values on a 1/8 grid, exact in float32. */
function xorData(n: number, seed: number): { X: number[][]; y: number[] } {
  const rng = new RandomState(seed);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = Math.round(rng.uniform(-5, 5) * 8) / 8 || 0.125;
    const b = Math.round(rng.uniform(-5, 5) * 8) / 8 || 0.125;
    X.push([a, b]);
    y.push(a * b > 0 ? 1 : 0);
  }
  return { X, y };
}

/** Copies the weights of `from` into `to` (rounded to float32 so both engines hold the same numbers). */
function copyWeights(from: MLP, to: MLP): void {
  for (let l = 0; l < from.layerSizes.length - 1; l++) {
    const w = from.getWeights(l);
    const r = { weights: w.weights.map((row) => row.map(Math.fround)), bias: w.bias.map(Math.fround) };
    to.setWeights(l, r);
    from.setWeights(l, r);
  }
}

describe('MLP: the two engines agree', () => {
  const cases: { name: string; opts: Partial<MLPOptions>; sizes: number[]; y: (r: RandomState, n: number) => number[] | number[][] }[] = [
    { name: 'tanh + MSE + L2', sizes: [3, 5, 4, 2], opts: { activation: 'tanh', loss: 'mse', regularization: 'l2', regularizationRate: 0.01 }, y: (r, n) => Array.from({ length: n }, () => [r.uniform(-1, 1), r.uniform(-1, 1)]) },
    { name: 'sigmoid + binary CE + L1', sizes: [3, 6, 1], opts: { activation: 'sigmoid', loss: 'binaryCrossentropy', regularization: 'l1', regularizationRate: 0.003 }, y: (r, n) => Array.from({ length: n }, () => (r.random() < 0.5 ? 0 : 1)) },
    { name: 'relu + categorical CE', sizes: [3, 7, 5, 4], opts: { activation: 'relu', loss: 'categoricalCrossentropy' }, y: (r, n) => Array.from({ length: n }, () => r.randint(4)) },
    { name: 'linear hidden + MSE', sizes: [3, 4, 1], opts: { activation: 'linear', loss: 'mse' }, y: (r, n) => Array.from({ length: n }, () => r.uniform(-2, 2)) },
  ];
  for (const c of cases) {
    it(`${c.name}: same loss and gradients to 1e-6 on the same weights and batch`, () => {
      const plain = new MLP({ ...c.opts, layerSizes: c.sizes, engine: 'plain', randomState: 3 });
      const tfjs = new MLP({ ...c.opts, layerSizes: c.sizes, engine: 'tfjs', randomState: 4 });
      copyWeights(plain, tfjs);
      const rng = new RandomState(11);
      const X = Array.from({ length: 7 }, () => Array.from({ length: c.sizes[0] }, () => Math.round(rng.uniform(-2, 2) * 16) / 16));
      const y = c.y(rng, 7);
      const a = plain.lossAndGradients(X, y);
      const b = tfjs.lossAndGradients(X, y);
      expect(Math.abs(a.loss - b.loss)).toBeLessThan(1e-6);
      expect(a.gradients.length).toBe(b.gradients.length);
      a.gradients.forEach((g, i) => g.forEach((v, j) => expect(Math.abs(v - b.gradients[i][j])).toBeLessThan(1e-6)));
      tfjs.dispose();
    });
  }

  it('TF.js autodiff (the CNN and autoencoder path) gives the plain engine\'s gradients too', () => {
    const plain = new MLP({ layerSizes: [3, 5, 2], activation: 'sigmoid', loss: 'categoricalCrossentropy', regularization: 'l2', regularizationRate: 0.02, engine: 'plain', randomState: 8 });
    const net = new TfNet({ inputShape: [3], layers: [{ type: 'dense', units: 5, activation: 'sigmoid' }, { type: 'dense', units: 2, activation: 'softmax' }], loss: 'categoricalCrossentropy', regularization: 'l2', regularizationRate: 0.02, randomState: 8 });
    const w = net.exportWeights();
    plain.setWeights(0, { weights: [0, 1, 2].map((i) => Array.from(w[0].subarray(i * 5, i * 5 + 5))), bias: Array.from(w[1]) });
    plain.setWeights(1, { weights: [0, 1, 2, 3, 4].map((i) => Array.from(w[2].subarray(i * 2, i * 2 + 2))), bias: Array.from(w[3]) });
    const X = [[0.5, -1, 0.25], [2, 0.125, -0.75], [1, 1, 1]];
    const y = [1, 0, 1];
    const a = plain.lossAndGradients(X, y);
    const xt = tf.tensor2d(X);
    const tt = tf.tensor2d([[0, 1], [1, 0], [0, 1]]);
    const b = net.lossAndGradients(xt, tt);
    expect(Math.abs(a.loss - b.loss)).toBeLessThan(1e-6);
    a.gradients.forEach((g, i) => g.forEach((v, j) => expect(Math.abs(v - b.gradients[i][j])).toBeLessThan(1e-6)));
    tf.dispose([xt, tt]);
    net.dispose();
  });

  it('the same seed gives the same initial weights, batches and dropout masks on both engines', () => {
    const { X, y } = xorData(60, 1);
    const opts: MLPOptions = { layerSizes: [2, 6, 6, 1], activation: 'tanh', dropout: 0.25, optimizer: 'adam', learningRate: 0.01, batchSize: 10, evalEvery: 0, randomState: 5 };
    const p = new MLP({ ...opts, engine: 'plain' });
    const t = new MLP({ ...opts, engine: 'tfjs' });
    expect(p.getWeights(0).weights[0][0]).toBe(t.getWeights(0).weights[0][0]);
    p.setData(X, y);
    t.setData(X, y);
    for (let s = 0; s < 20; s++) expect(Math.abs(p.step().trainLoss - t.step().trainLoss)).toBeLessThan(1e-4);
    t.dispose();
  });
});

describe('MLP', () => {
  it('hand-set binary-step weights solve XOR (the slides), on both engines', () => {
    // h₁ = step(x₁ + x₂ − 0.5) (OR), h₂ = step(x₁ + x₂ − 1.5) (AND), y = step(h₁ − h₂ − 0.5): OR and not AND.
    for (const engine of ['plain', 'tfjs'] as const) {
      const m = new MLP({ layerSizes: [2, 2, 1], activation: 'step', outputActivation: 'step', engine });
      m.setWeights(0, { weights: [[1, 1], [1, 1]], bias: [-0.5, -1.5] });
      m.setWeights(1, { weights: [[1], [-1]], bias: [-0.5] });
      expect(Array.from(m.predict([[0, 0], [0, 1], [1, 0], [1, 1]]))).toEqual([0, 1, 1, 0]);
      expect(() => m.lossAndGradients([[0, 0]], [0])).toThrow(ValidationError);
      m.dispose();
    }
  });

  it('learns XOR-of-signs with tanh units (plain engine, auto)', () => {
    const train = xorData(400, 2);
    const test = xorData(200, 3);
    const m = new MLP({ layerSizes: [2, 8, 8, 1], activation: 'tanh', outputActivation: 'sigmoid', loss: 'binaryCrossentropy', optimizer: 'adam', learningRate: 0.02, batchSize: 10, randomState: 0 });
    expect(m.engine).toBe('plain');
    expect(m.engineReason).toMatch(/parameters/);
    m.setData(train.X, train.y, test);
    let last = m.step();
    for (let s = 0; s < 2000; s++) last = m.step();
    expect(last.step).toBe(2001);
    expect(last.epoch).toBe(Math.ceil(2001 / 40));
    expect(last.testLoss).not.toBeNull();
    expect(last.accuracy!).toBeGreaterThan(0.95);
    expect(Object.isFrozen(last)).toBe(true);
  });

  it('every optimiser lowers the loss, and settings change between steps without a reset', () => {
    const { X, y } = xorData(200, 4);
    for (const optimizer of ['sgd', 'momentum', 'rmsprop', 'adam'] as const) {
      const m = new MLP({ layerSizes: [2, 8, 1], loss: 'binaryCrossentropy', optimizer, learningRate: optimizer === 'sgd' ? 0.3 : 0.01, evalEvery: 50, randomState: 1 });
      m.setData(X, y);
      const first = m.evaluate(X, y).loss;
      for (let s = 0; s < 150; s++) m.step();
      const w = m.getWeights(0);
      m.setOptions({ learningRate: 0.001, batchSize: 25, regularization: 'l2', regularizationRate: 0.001 });
      expect(m.getWeights(0)).toEqual(w);
      expect(m.settings.batchSize).toBe(25);
      let r = m.step();
      for (let s = 0; s < 49; s++) r = m.step();
      expect(r.step).toBe(200);
      expect(m.evaluate(X, y).loss).toBeLessThan(first);
    }
  });

  it('reports divergence with its step instead of throwing', () => {
    const X = [[1, 2], [3, 4], [5, 6], [7, 8]];
    const y = [1e3, -1e3, 2e3, -2e3];
    const m = new MLP({ layerSizes: [2, 4, 1], activation: 'linear', learningRate: 10, batchSize: 4, randomState: 0 });
    m.setData(X, y);
    let r = m.step();
    for (let s = 0; s < 200 && !r.diverged; s++) r = m.step();
    expect(r.diverged).toBe(true);
    expect(r.divergedAt).toBe(r.step);
    const again = m.step();
    expect(again.diverged).toBe(true);
    expect(again.divergedAt).toBe(r.divergedAt);
  });

  it('bad input: clear ValidationErrors', () => {
    const err = (f: () => unknown, problem: string) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        expect((e as ValidationError).problem).toBe(problem);
        return;
      }
      throw new Error('no error thrown');
    };
    err(() => new MLP({ layerSizes: [2, 0, 1] }), 'out-of-range');
    err(() => new MLP({ layerSizes: [2] }), 'empty');
    err(() => new MLP({ layerSizes: [2, 3, 1], learningRate: 0 }), 'out-of-range');
    err(() => new MLP({ layerSizes: [2, 3, 1], learningRate: -1 }), 'out-of-range');
    err(() => new MLP({ layerSizes: [2, 3, 1], learningRate: NaN }), 'not-finite');
    err(() => new MLP({ layerSizes: [2, 3, 1], learningRate: Infinity }), 'not-finite');
    const m = new MLP({ layerSizes: [2, 3, 3], loss: 'categoricalCrossentropy' });
    err(() => m.setOptions({ learningRate: -0.1 }), 'out-of-range');
    err(() => m.setData([[1, 2, 3]], [0]), 'shape-mismatch');
    err(() => m.predict([[1]]), 'shape-mismatch');
    err(() => m.setData([[1, 2], [3, 4]], [0, 3]), 'out-of-range');
    err(() => m.setData([[1, 2], [3, 4]], [0, 1.5]), 'out-of-range');
    err(() => m.setData([[1, 2], [3, 4]], [0]), 'length-mismatch');
    err(() => m.step(), 'not-fitted');
    err(() => m.getWeights(5), 'out-of-range');
    err(() => new MLP({ layerSizes: [2, 1], loss: 'binaryCrossentropy' }).setData([[0, 0]], [2]), 'out-of-range');
  });

  it('one batched pass gives the grid output and every neuron, equal to predict(), on both engines', () => {
    const grid = gridPoints({ xMin: -1, xMax: 1, yMin: -1, yMax: 1, nx: 30, ny: 20 });
    expect(grid.rows).toBe(600);
    const p = new MLP({ layerSizes: [2, 4, 3, 1], engine: 'plain', randomState: 2 });
    const t = new MLP({ layerSizes: [2, 4, 3, 1], engine: 'tfjs', randomState: 2 });
    const a = p.neuronOutputs(grid);
    const b = t.neuronOutputs(grid);
    expect(a.neurons.map((l) => l.length)).toEqual([4, 3, 1]);
    expect(a.neurons[0][0].length).toBe(600);
    const pred = p.predict(grid);
    for (let i = 0; i < 600; i++) expect(a.output[i]).toBeCloseTo(pred[i], 6);
    for (let l = 0; l < 3; l++) for (let j = 0; j < a.neurons[l].length; j++) for (let i = 0; i < 600; i += 37) expect(Math.abs(a.neurons[l][j][i] - b.neurons[l][j][i])).toBeLessThan(1e-5);
    // The plain MLP's grid pass on a TF.js copy of its weights gives the same numbers.
    const before = tf.memory().numTensors;
    const viaTf = new MLP({ layerSizes: [2, 4, 3, 1], engine: 'plain', gridEngine: 'tfjs', randomState: 2 });
    const c = viaTf.neuronOutputs(grid);
    expect(viaTf.lastGridEngine).toBe('tfjs');
    for (let l = 0; l < 3; l++) for (let j = 0; j < a.neurons[l].length; j++) for (let i = 0; i < 600; i += 37) expect(Math.abs(a.neurons[l][j][i] - c.neurons[l][j][i])).toBeLessThan(1e-5);
    viaTf.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(p.lastGridEngine).toBe('plain');
    // the first hidden unit at grid point 0 by hand: tanh(w₀₀x + w₁₀y + b₀)
    const w = p.getWeights(0);
    expect(a.neurons[0][0][0]).toBeCloseTo(Math.tanh(-w.weights[0][0] - w.weights[1][0] + w.bias[0]), 6);
    t.dispose();
  });

  it('round-trips through toJSON/fromJSON and save/load', () => {
    const m = new MLP({ layerSizes: [2, 5, 2], loss: 'categoricalCrossentropy', activation: 'relu', randomState: 9 });
    const X = [[0.5, -1], [2, 3]];
    const y0 = m.predict(X);
    const j = JSON.parse(JSON.stringify(m.toJSON()));
    expect(Array.from(MLP.fromJSON(j).predict(X))).toEqual(Array.from(y0));
    const { modelJSON, weightData } = m.save();
    const back = MLP.load(JSON.parse(JSON.stringify(modelJSON)), weightData.slice(0), { engine: 'tfjs' });
    expect(back.engine).toBe('tfjs');
    Array.from(back.predict(X)).forEach((v, i) => expect(v).toBeCloseTo(y0[i], 5));
    back.dispose();
  });
});

describe('MLP on TF.js: memory and backends', () => {
  it('2,000 training steps plus grid predictions leave tf.memory().numTensors unchanged; dispose() frees all', () => {
    const before = tf.memory().numTensors;
    const m = new MLP({ layerSizes: [2, 8, 8, 1], engine: 'tfjs', optimizer: 'adam', dropout: 0.1, regularization: 'l1', regularizationRate: 1e-4, evalEvery: 100, randomState: 0 });
    const { X, y } = xorData(100, 5);
    m.setData(X, y, xorData(50, 6));
    m.step(); // creates the optimiser's state
    const start = tf.memory().numTensors;
    const grid = gridPoints({ xMin: -5, xMax: 5, yMin: -5, yMax: 5, nx: 40, ny: 40 });
    for (let s = 0; s < 2000; s++) {
      m.step();
      if (s % 400 === 0) m.neuronOutputs(grid);
    }
    m.predict(grid);
    expect(tf.memory().numTensors).toBe(start);
    m.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a lost context moves the model to another backend with its weights', async () => {
    const m = new MLP({ layerSizes: [2, 6, 1], engine: 'tfjs', randomState: 4 });
    const X = [[0.25, -0.5], [1, 2], [-3, 0.75]];
    const before = Array.from(m.predict(X));
    const r = await handleContextLost({ to: ['cpu'] });
    expect(r.to).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(r.models).toBeGreaterThanOrEqual(1);
    Array.from(m.predict(X)).forEach((v, i) => expect(v).toBeCloseTo(before[i], 6));
    await handleContextLost({ to: ['wasm'] });
    expect(tf.getBackend()).toBe('wasm');
    Array.from(m.predict(X)).forEach((v, i) => expect(v).toBeCloseTo(before[i], 6));
    m.dispose();
  });
});
