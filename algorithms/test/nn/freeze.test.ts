/**
 * Layer freezing (transfer learning, slide 7: fine-tuning keeps the early layers of a
 * pretrained network and trains the later ones): frozen weights stay bit-identical through
 * training, the others change, and the flags survive save/load — CNN, Autoencoder, and the
 * MLP on both engines.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors';
import { RandomState } from '../../src/core/random';
import { Autoencoder, CNN, MLP, initBackend, type LayerSpec } from '../../src/nn';

beforeAll(async () => {
  const r = await initBackend({ order: ['wasm'] });
  expect(r.backend).toBe('wasm');
});

/** Bytes of a float array, for bit-for-bit comparisons (NaN-safe, −0 ≠ +0). */
const bits = (a: Float32Array | Float64Array) => Array.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));

/** A small 1-D conv net on 1 × 16 × 2 "traces": conv, pool, conv, flatten, dense, dense. */
const layers: LayerSpec[] = [
  { type: 'conv2d', filters: 4, kernelSize: [1, 3], activation: 'relu' },
  { type: 'maxPool2d', poolSize: [1, 2] },
  { type: 'conv2d', filters: 4, kernelSize: [1, 3], activation: 'relu' },
  { type: 'flatten' },
  { type: 'dense', units: 8, activation: 'relu' },
  { type: 'dense', units: 3, activation: 'softmax' },
];

function data(n: number, d: number, k: number, seed: number): { x: Float32Array; y: Int32Array } {
  const rng = new RandomState(seed);
  const x = Float32Array.from({ length: n * d }, () => rng.normal());
  const y = Int32Array.from({ length: n }, (_, i) => i % k);
  return { x, y };
}

function cnnWeights(m: CNN): Float32Array[] {
  return m.net.weightSpecs.map((_, i) => m.net.getParam(i));
}

describe('CNN layer freezing', () => {
  it('leaves frozen layers bit-identical while the later layers train (adam, 20 steps)', () => {
    const m = new CNN({ inputShape: [1, 16, 2], layers, learningRate: 0.01, batchSize: 8, randomState: 1 });
    try {
      m.setTrainable(0, false);
      m.setTrainable('conv2d_3', false);
      expect(m.trainable).toEqual([false, true, false, true, true, true]);
      expect(m.net.trainableParameterCount).toBe(m.net.parameterCount - (3 * 2 * 4 + 4) - (3 * 4 * 4 + 4));
      const before = cnnWeights(m);
      const { x, y } = data(32, 32, 3, 2);
      m.setData(x, y);
      for (let s = 0; s < 20; s++) expect(m.step().diverged).toBe(false);
      const after = cnnWeights(m);
      // weightSpecs: conv1 k, b, conv3 k, b, dense5 k, b, dense6 k, b.
      for (const i of [0, 1, 2, 3]) expect(bits(after[i])).toEqual(bits(before[i]));
      for (const i of [4, 5, 6, 7]) expect(bits(after[i])).not.toEqual(bits(before[i]));
    } finally {
      m.dispose();
    }
  });

  it('takes the flags as an option, unfreezes, and trains nothing when every layer is frozen', () => {
    const all = layers.map(() => false);
    const m = new CNN({ inputShape: [1, 16, 2], layers, learningRate: 0.01, randomState: 3, trainable: all });
    try {
      const before = cnnWeights(m);
      const { x, y } = data(8, 32, 3, 4);
      const loss = m.trainBatch(x, y);
      expect(Number.isFinite(loss)).toBe(true);
      cnnWeights(m).forEach((w, i) => expect(bits(w)).toEqual(bits(before[i])));
      m.setTrainable('dense_6', true);
      m.trainBatch(x, y);
      const after = cnnWeights(m);
      for (const i of [0, 1, 2, 3, 4, 5]) expect(bits(after[i])).toEqual(bits(before[i]));
      expect(bits(after[6])).not.toEqual(bits(before[6]));
    } finally {
      m.dispose();
    }
  });

  it('saves and loads the flags (and writes none when every layer trains)', () => {
    const m = new CNN({ inputShape: [1, 16, 2], layers, randomState: 5 });
    const plain = m.save().modelJSON;
    expect(plain.trainable).toBeUndefined();
    m.setTrainable(0, false);
    m.setTrainable(2, false);
    const { modelJSON, weightData } = m.save();
    m.dispose();
    expect(modelJSON.trainable).toEqual([false, true, false, true, true, true]);
    const back = CNN.load(JSON.parse(JSON.stringify(modelJSON)), weightData);
    try {
      expect(back.trainable).toEqual([false, true, false, true, true, true]);
      const before = cnnWeights(back);
      const { x, y } = data(8, 32, 3, 6);
      back.trainBatch(x, y);
      const after = cnnWeights(back);
      expect(bits(after[0])).toEqual(bits(before[0]));
      expect(bits(after[6])).not.toEqual(bits(before[6]));
    } finally {
      back.dispose();
    }
  });

  it('refuses bad layers and flags with a ValidationError naming the argument', () => {
    const m = new CNN({ inputShape: [1, 16, 2], layers, randomState: 0 });
    try {
      expect(() => m.setTrainable(6, false)).toThrow(ValidationError);
      expect(() => m.setTrainable(-1, false)).toThrow(/layer/);
      expect(() => m.setTrainable('conv2d_2', false)).toThrow(/no layer named "conv2d_2".*maxPool2d_2/);
      expect(() => m.setTrainable(0, 'no' as unknown as boolean)).toThrow(/trainable/);
    } finally {
      m.dispose();
    }
    expect(() => new CNN({ inputShape: [1, 16, 2], layers, trainable: [true] })).toThrow(/trainable: expected 6 flags/);
    expect(() => new CNN({ inputShape: [1, 16, 2], layers, trainable: layers.map(() => 1) as unknown as boolean[] })).toThrow(ValidationError);
    const good = new CNN({ inputShape: [1, 16, 2], layers, randomState: 0 });
    const { modelJSON, weightData } = good.save();
    good.dispose();
    expect(() => CNN.load({ ...modelJSON, trainable: [false] }, weightData)).toThrow(/modelJSON\.trainable/);
  });
});

describe('Autoencoder layer freezing', () => {
  it('trains a decoder on a frozen encoder, and keeps the flags through save/load', () => {
    const a = new Autoencoder({ inputShape: [12], hiddenUnits: [6], latentDim: 2, learningRate: 0.01, batchSize: 8, randomState: 2 });
    try {
      a.setTrainable(0, false);
      a.setTrainable(a.latentLayer, false);
      const before = a.net.weightSpecs.map((_, i) => a.net.getParam(i));
      const rng = new RandomState(1);
      a.setData(Float32Array.from({ length: 16 * 12 }, () => rng.normal()));
      for (let s = 0; s < 5; s++) a.step();
      const after = a.net.weightSpecs.map((_, i) => a.net.getParam(i));
      for (const i of [0, 1, 2, 3]) expect(bits(after[i])).toEqual(bits(before[i]));
      for (const i of [4, 6]) expect(bits(after[i])).not.toEqual(bits(before[i]));
      const { modelJSON, weightData } = a.save();
      expect(modelJSON.trainable).toEqual([false, false, true, true]);
      const back = Autoencoder.load(JSON.parse(JSON.stringify(modelJSON)), weightData);
      expect(back.trainable).toEqual([false, false, true, true]);
      back.dispose();
    } finally {
      a.dispose();
    }
  });
});

describe('MLP layer freezing', () => {
  const X = Array.from({ length: 40 }, (_, i) => [Math.cos(i), Math.sin(2 * i)]);
  const y = X.map(([a, b]) => (a * b > 0 ? 1 : 0));
  for (const engine of ['plain', 'tfjs'] as const) {
    it(`${engine} engine: frozen layers stay bit-identical, the others train (adam, dropout)`, () => {
      const m = new MLP({ layerSizes: [2, 6, 5, 1], engine, optimizer: 'adam', learningRate: 0.05, dropout: 0.1, loss: 'binaryCrossentropy', randomState: 3 });
      try {
        m.setTrainable(0, false);
        m.setTrainable('dense_2', false);
        expect(m.trainable).toEqual([false, false, true]);
        const before = [0, 1, 2].map((l) => m.getWeights(l));
        m.fit(X, y, { epochs: 3 });
        const after = [0, 1, 2].map((l) => m.getWeights(l));
        expect(after[0]).toEqual(before[0]);
        expect(after[1]).toEqual(before[1]);
        expect(after[2].weights).not.toEqual(before[2].weights);
        expect(after[2].bias).not.toEqual(before[2].bias);
        // Unfreezing trains the layer again.
        m.setTrainable(0, true);
        m.fit(X, y, { epochs: 1 });
        expect(m.getWeights(0)).not.toEqual(before[0]);
        expect(m.getWeights(1)).toEqual(before[1]);
      } finally {
        m.dispose();
      }
    });
  }

  it('both engines take the same steps with a frozen layer', () => {
    const opts = { layerSizes: [2, 5, 1], optimizer: 'adam' as const, learningRate: 0.05, randomState: 7, trainable: [false, true] };
    const p = new MLP({ ...opts, engine: 'plain' });
    const t = new MLP({ ...opts, engine: 'tfjs' });
    try {
      p.fit(X, y, { epochs: 2 });
      t.fit(X, y, { epochs: 2 });
      expect(p.getWeights(0)).toEqual(t.getWeights(0));
      const a = p.getWeights(1).weights.flat();
      const b = t.getWeights(1).weights.flat();
      a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 4));
    } finally {
      p.dispose();
      t.dispose();
    }
  });

  it('keeps the flags through toJSON/fromJSON and save/load, and refuses bad ones', () => {
    const m = new MLP({ layerSizes: [2, 4, 3, 1], engine: 'plain', dropout: 0.2, randomState: 1 });
    expect(m.toJSON().options.trainable).toBeUndefined();
    m.setTrainable(1, false);
    const json = JSON.parse(JSON.stringify(m.toJSON()));
    expect(json.options.trainable).toEqual([true, false, true]);
    const j = MLP.fromJSON(json);
    expect(j.trainable).toEqual([true, false, true]);
    const { modelJSON, weightData } = m.save();
    // Per layer of the list: dense, dropout, dense, dropout, dense.
    expect(modelJSON.trainable).toEqual([true, true, false, true, true]);
    const l = MLP.load(JSON.parse(JSON.stringify(modelJSON)), weightData);
    expect(l.trainable).toEqual([true, false, true]);
    const w1 = l.getWeights(1);
    l.fit(X, y, { epochs: 1 });
    expect(l.getWeights(1)).toEqual(w1);
    expect(() => m.setTrainable(3, false)).toThrow(/layer: must be an integer in 0…2/);
    expect(() => m.setTrainable('dense_4', false)).toThrow(/no layer named/);
    expect(() => new MLP({ layerSizes: [2, 3, 1], trainable: [true] })).toThrow(/trainable: expected 2 flags/);
    [m, j, l].forEach((x) => x.dispose());
  });
});
