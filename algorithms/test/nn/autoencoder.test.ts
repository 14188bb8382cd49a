/** Autoencoder additions: explicit targets (noisy input → clean target) and a learning-rate schedule. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors';
import { RandomState } from '../../src/core/random';
import { Autoencoder, initBackend } from '../../src/nn';

beforeAll(async () => {
  await initBackend({ order: ['wasm', 'cpu'] });
});

/** Smooth bumps (the clean targets) and the same bumps with seeded Gaussian noise (the inputs). */
function pairs(n: number, L: number, seed: number): { clean: Float32Array; noisy: Float32Array } {
  const rng = new RandomState(seed);
  const clean = new Float32Array(n * L);
  const noisy = new Float32Array(n * L);
  for (let i = 0; i < n; i++) {
    const c = rng.uniform(4, L - 4), a = rng.uniform(0.5, 1);
    for (let t = 0; t < L; t++) {
      clean[i * L + t] = a * Math.exp(-((t - c) ** 2) / 8);
      noisy[i * L + t] = clean[i * L + t] + 0.3 * rng.normal();
    }
  }
  return { clean, noisy };
}

describe('Autoencoder.trainBatch with a target', () => {
  it('learns noisy → clean: the output is closer to the clean windows than the input', () => {
    const before = tf.memory().numTensors;
    const L = 16;
    const { clean, noisy } = pairs(256, L, 1);
    const test = pairs(64, L, 2);
    const ae = new Autoencoder({ inputShape: [L], latentDim: 2, hiddenUnits: [32], learningRate: 0.01, randomState: 0 });
    for (let e = 0; e < 60; e++) for (let s = 0; s < 256; s += 32) ae.trainBatch(noisy.subarray(s * L, (s + 32) * L), clean.subarray(s * L, (s + 32) * L));
    const out = ae.reconstruct(test.noisy);
    let eIn = 0, eOut = 0;
    for (let i = 0; i < out.length; i++) {
      eIn += (test.noisy[i] - test.clean[i]) ** 2;
      eOut += (out[i] - test.clean[i]) ** 2;
    }
    expect(eOut).toBeLessThan(eIn / 3);
    ae.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a target of the wrong size or with NaN, naming it', () => {
    const ae = new Autoencoder({ inputShape: [4], latentDim: 2, hiddenUnits: [4], randomState: 0 });
    const x = new Float32Array(8).fill(0.5);
    const argumentOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return (e as ValidationError).argument;
      }
      return null;
    };
    expect(argumentOf(() => ae.trainBatch(x, new Float32Array(4)))).toBe('target');
    expect(argumentOf(() => ae.trainBatch(x, [1, 2, 3, 4, 5, 6, 7, 8] as never))).toBe('target');
    const bad = new Float32Array(8);
    bad[3] = NaN;
    expect(argumentOf(() => ae.trainBatch(x, bad))).toBe('target');
    expect(Number.isFinite(ae.trainBatch(x, x))).toBe(true);
    ae.dispose();
  });
});

describe('Autoencoder.setLearningRate', () => {
  it('changes η between steps and is saved; refuses η ≤ 0', () => {
    const ae = new Autoencoder({ inputShape: [4], latentDim: 2, hiddenUnits: [4], learningRate: 0.01, randomState: 0 });
    ae.setLearningRate(0.002);
    expect(ae.options.learningRate).toBe(0.002);
    expect(ae.save().modelJSON.options?.learningRate).toBe(0.002);
    expect(() => ae.setLearningRate(0)).toThrow(ValidationError);
    expect(() => ae.setLearningRate(NaN)).toThrow(ValidationError);
    expect(ae.options.learningRate).toBe(0.002);
    ae.dispose();
  });
});
