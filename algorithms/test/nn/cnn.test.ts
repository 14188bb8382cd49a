import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors';
import { RandomState } from '../../src/core/random';
import { Autoencoder, CNN, initBackend } from '../../src/nn';

beforeAll(async () => {
  const r = await initBackend({ order: ['wasm'] });
  expect(r.backend).toBe('wasm');
  expect(r.wasmConvGradKernel).toBe(true);
});

function randn(shape: number[], seed: number): tf.Tensor {
  const rng = new RandomState(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(Float32Array.from({ length: n }, () => rng.normal()), shape);
}

/** ∂/∂f Σ conv2d(x, f) ⊙ r on the active backend: the Conv2DBackpropFilter kernel's job. */
function filterGrad(xs: number[], fs: number[], strides: number | [number, number], pad: 'same' | 'valid'): Float32Array {
  return tf.tidy(() => {
    const x = randn(xs, 1) as tf.Tensor4D;
    const f = randn(fs, 2) as tf.Tensor4D;
    const yShape = tf.conv2d(x, f, strides, pad).shape;
    const r = randn(yShape, 3);
    const g = tf.grad((ff: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(x, ff as tf.Tensor4D, strides, pad), r)))(f);
    return g.dataSync() as Float32Array;
  });
}

describe('wasm Conv2DBackpropFilter kernel', () => {
  const cases: [number[], number[], number | [number, number], 'same' | 'valid'][] = [
    [[2, 9, 8, 3], [3, 3, 3, 4], 1, 'same'],
    [[2, 9, 8, 3], [3, 3, 3, 4], 2, 'valid'],
    [[3, 12, 12, 1], [5, 5, 1, 16], 1, 'valid'],
    [[1, 7, 7, 2], [5, 5, 2, 3], 2, 'same'],
    [[2, 1, 16, 2], [1, 3, 2, 3], [1, 2], 'same'],
  ];
  for (const [xs, fs, s, pad] of cases) {
    it(`matches the cpu backend's gradient: x [${xs}], filter [${fs}], strides ${s}, ${pad}`, async () => {
      expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
      await tf.setBackend('cpu');
      const ref = filterGrad(xs, fs, s, pad);
      await tf.setBackend('wasm');
      const got = filterGrad(xs, fs, s, pad);
      expect(got.length).toBe(ref.length);
      const scale = Math.max(...Array.from(ref, Math.abs));
      for (let i = 0; i < ref.length; i++) expect(Math.abs(got[i] - ref[i])).toBeLessThan(1e-5 * Math.max(1, scale));
    });
  }
});

/** 8×8 images of three classes: a horizontal bar, a vertical bar, a diagonal, at random places, with noise. */
function bars(n: number, seed: number): { images: Float32Array; labels: Int32Array } {
  const rng = new RandomState(seed);
  const images = new Float32Array(n * 64);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    const p = 1 + rng.randint(6);
    labels[i] = c;
    for (let k = 0; k < 64; k++) images[i * 64 + k] = 0.1 * rng.random();
    for (let t = 0; t < 8; t++) {
      const [y, x] = c === 0 ? [p, t] : c === 1 ? [t, p] : [t, t];
      images[i * 64 + y * 8 + x] = 1;
    }
  }
  return { images, labels };
}

const tiny = () =>
  new CNN({
    inputShape: [8, 8, 1],
    layers: [
      { type: 'conv2d', filters: 4, kernelSize: 3, activation: 'relu' },
      { type: 'maxPool2d', poolSize: 2 },
      { type: 'flatten' },
      { type: 'dropout', rate: 0.1 },
      { type: 'dense', units: 3, activation: 'softmax' },
    ],
    learningRate: 0.01,
    batchSize: 16,
    randomState: 0,
  });

describe('CNN', () => {
  it('the MNIST network has the issue\'s 80k parameters (321 kB as float32)', () => {
    const m = new CNN();
    expect(m.net.parameterCount).toBe(80202);
    expect(m.net.shapes.map((s) => s.join('×'))).toEqual(['24×24×16', '12×12×16', '8×8×32', '4×4×32', '512', '128', '128', '10']);
    m.dispose();
  });

  it('trains on wasm, shows every layer\'s activations and its filters, saves and loads', () => {
    const before = tf.memory().numTensors;
    const train = bars(240, 1);
    const test = bars(60, 2);
    const m = tiny();
    m.setData(train.images, train.labels, test);
    let r = m.step();
    const afterFirst = tf.memory().numTensors;
    while (r.epoch < 8 || r.testLoss === null) r = m.step();
    expect(tf.memory().numTensors).toBe(afterFirst);
    expect(r.diverged).toBe(false);
    expect(r.accuracy!).toBeGreaterThan(0.9);
    const acts = m.activations(test.images.subarray(0, 64));
    expect(acts.map((a) => a.name)).toEqual(['input', 'conv2d_1', 'maxPool2d_2', 'flatten_3', 'dropout_4', 'dense_5']);
    expect(acts[1].shape).toEqual([8, 8, 4]);
    expect(acts[1].data.length).toBe(256);
    expect(acts[5].data.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    const f = m.filters(0);
    expect(f.shape).toEqual([3, 3, 1, 4]);
    expect(() => m.filters(1)).toThrow(ValidationError);
    const { modelJSON, weightData } = m.save({ note: 'test' });
    const back = CNN.load(JSON.parse(JSON.stringify(modelJSON)), weightData);
    const p0 = m.predictProba(test.images);
    const p1 = back.predictProba(test.images);
    p0.forEach((v, i) => expect(p1[i]).toBeCloseTo(v, 6));
    back.dispose();
    m.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('bad input: clear ValidationErrors', () => {
    const m = tiny();
    expect(() => m.trainBatch(new Float32Array(63), [0])).toThrow(/multiple of 64/);
    expect(() => m.trainBatch(new Float32Array(64), [3])).toThrow(/label 0 is 3/);
    expect(() => m.activations(new Float32Array(128))).toThrow(ValidationError);
    expect(() => new CNN({ learningRate: 0 })).toThrow(ValidationError);
    expect(() => new CNN({ learningRate: NaN })).toThrow(ValidationError);
    expect(() => new CNN({ inputShape: [8, 8, 1], layers: [{ type: 'conv2d', filters: 0, kernelSize: 3 }, { type: 'flatten' }, { type: 'dense', units: 2, activation: 'softmax' }] })).toThrow(/filters/);
    expect(() => new CNN({ inputShape: [8, 8, 1], layers: [{ type: 'dense', units: 2, activation: 'softmax' }] })).toThrow(/flatten/);
    m.dispose();
  });

  it('reports divergence as diverged, not thrown', () => {
    const train = bars(48, 3);
    const m = tiny();
    m.setOptions({ learningRate: 1e30, optimizer: 'sgd' });
    m.setData(train.images, train.labels);
    let r = m.step();
    for (let s = 0; s < 20 && !r.diverged; s++) r = m.step();
    expect(r.diverged).toBe(true);
    expect(r.divergedAt).toBe(r.step);
    m.dispose();
  });
});

describe('Autoencoder', () => {
  /** Points on a 2-D plane inside 8-D space: a 2-D code loses nothing. */
  function plane(n: number, seed: number): Float32Array {
    const rng = new RandomState(seed);
    const a = [1, 0.5, -0.3, 0.2, 0.8, -1, 0.1, 0.4];
    const b = [0, 0.7, 0.9, -0.5, 0.3, 0.2, -0.8, 0.6];
    const x = new Float32Array(n * 8);
    for (let i = 0; i < n; i++) {
      const u = rng.uniform(-1, 1), v = rng.uniform(-1, 1);
      for (let j = 0; j < 8; j++) x[i * 8 + j] = u * a[j] + v * b[j];
    }
    return x;
  }

  it('dense: learns a 2-D latent code; encode/decode/reconstruct agree; denoising mode trains', () => {
    const before = tf.memory().numTensors;
    const x = plane(256, 1);
    for (const noiseStd of [0, 0.05]) {
      const ae = new Autoencoder({ inputShape: [8], latentDim: 2, hiddenUnits: [16], activation: 'tanh', learningRate: 0.01, noiseStd, randomState: 0 });
      const e0 = ae.reconstructionError(x);
      ae.setData(x, x);
      let r = ae.step();
      while (r.epoch < 60 || r.testLoss === null) r = ae.step();
      expect(r.testLoss!).toBeLessThan(e0 / 10);
      const z = ae.encode(x.subarray(0, 40));
      expect(z.length).toBe(10);
      const viaCode = ae.decode(z);
      const direct = ae.reconstruct(x.subarray(0, 40));
      direct.forEach((v, i) => expect(viaCode[i]).toBeCloseTo(v, 5));
      ae.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('conv: 1-D traces and 2-D images, with latent access, save and load', () => {
    const rng = new RandomState(2);
    const traces = new Float32Array(64 * 32);
    for (let i = 0; i < 64; i++) {
      const f = rng.uniform(0.2, 0.6), ph = rng.uniform(0, 6);
      for (let t = 0; t < 32; t++) traces[i * 32 + t] = Math.sin(f * t + ph) * Math.exp(-((t - 16) ** 2) / 100);
    }
    const ae = new Autoencoder({ kind: 'conv', inputShape: [32, 1], filters: [4, 8], latentDim: 4, learningRate: 0.005, noiseStd: 0.02, randomState: 1 });
    expect(ae.net.outputShape).toEqual([1, 32, 1]);
    const e0 = ae.reconstructionError(traces);
    ae.setData(traces);
    for (let s = 0; s < 200; s++) ae.step();
    expect(ae.reconstructionError(traces)).toBeLessThan(e0 / 2);
    expect(ae.encode(traces.subarray(0, 64)).length).toBe(8);
    const { modelJSON, weightData } = ae.save();
    const back = Autoencoder.load(JSON.parse(JSON.stringify(modelJSON)), weightData);
    const a = ae.reconstruct(traces.subarray(0, 32)), b = back.reconstruct(traces.subarray(0, 32));
    a.forEach((v, i) => expect(b[i]).toBeCloseTo(v, 6));
    back.dispose();
    ae.dispose();
    const img = new Autoencoder({ kind: 'conv', inputShape: [8, 8, 1], filters: [4], latentDim: 3, outputActivation: 'sigmoid', randomState: 3 });
    expect(img.net.outputShape).toEqual([8, 8, 1]);
    expect(img.trainBatch(new Float32Array(128).fill(0.5))).toBeGreaterThan(0);
    img.dispose();
    expect(() => new Autoencoder({ kind: 'conv', inputShape: [30, 1], filters: [4, 8] })).toThrow(/divisible/);
    expect(() => new Autoencoder({ inputShape: [8], learningRate: -1 })).toThrow(ValidationError);
  });
});
