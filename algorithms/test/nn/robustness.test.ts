/**
 * Neural-network robustness: divergence on both MLP engines (reported, weights rolled back to
 * the last finite ones), size guards, and loaders that validate every field, reject
 * non-finite weights and free every tensor when they fail.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors';
import { Autoencoder, CNN, MAX_NETWORK_PARAMETERS, MLP, TfNet, gridPoints, initBackend, type SavedModelJSON } from '../../src/nn';

beforeAll(async () => {
  await initBackend({ order: ['wasm'] });
});

function problem(f: () => unknown): { argument: string; problem: string; message: string } {
  try {
    f();
  } catch (e) {
    if (!(e instanceof ValidationError)) throw new Error(`expected a ValidationError, got ${String(e)}`);
    return { argument: e.argument, problem: e.problem, message: e.message };
  }
  throw new Error('no error thrown');
}

const X = [[1, 2], [3, 4], [5, 6], [7, 8], [-1, 0.5], [2, -3]];
const y = [1e3, -1e3, 2e3, -2e3, 500, -700];

describe('MLP divergence', () => {
  for (const engine of ['plain', 'tfjs'] as const) {
    it(`${engine}: learningRate 1e6 reports diverged/divergedAt and keeps finite weights and predictions`, () => {
      const before = tf.memory().numTensors;
      const m = new MLP({ layerSizes: [2, 8, 1], activation: 'tanh', learningRate: 1e6, batchSize: 6, engine, randomState: 0 });
      m.setData(X, y);
      let r = m.step();
      for (let s = 0; s < 500 && !r.diverged; s++) r = m.step();
      expect(r.diverged).toBe(true);
      expect(r.divergedAt).toBe(r.step);
      const again = m.step();
      expect(again).toMatchObject({ diverged: true, divergedAt: r.divergedAt, step: r.step });
      const p = m.predict(gridPoints({ xMin: -10, xMax: 10, yMin: -10, yMax: 10, nx: 7, ny: 7 }));
      expect(Array.from(p).every(Number.isFinite)).toBe(true);
      for (let l = 0; l < 2; l++) {
        const w = m.getWeights(l);
        expect(w.weights.flat().concat(w.bias).every(Number.isFinite)).toBe(true);
      }
      // setWeights restarts training from hand-set weights.
      m.setOptions({ learningRate: 1e-4 });
      m.setWeights(0, m.getWeights(0));
      expect(m.step().diverged).toBe(false);
      m.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it('the CNN rolls back too: finite probabilities after a diverging step', () => {
    const before = tf.memory().numTensors;
    const cnn = new CNN({ inputShape: [4], layers: [{ type: 'dense', units: 3, activation: 'softmax' }], learningRate: 1e30, optimizer: 'sgd', batchSize: 4, randomState: 0 });
    const images = new Float32Array([1e15, 2e15, 3e15, 4e15, -1e15, 3e15, 0, 1e15, 5e15, 0, -2e15, 1e15, 1, 2, 3, 4]);
    cnn.setData(images, [0, 1, 2, 1]);
    let r = cnn.step();
    for (let s = 0; s < 50 && !r.diverged; s++) r = cnn.step();
    expect(r.diverged).toBe(true);
    expect(Array.from(cnn.predictProba(new Float32Array([1, 2, 3, 4]))).every(Number.isFinite)).toBe(true);
    cnn.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('size guards', () => {
  it('MLP layer sizes and TfNet layers above MAX_NETWORK_PARAMETERS are too-large, not a RangeError', () => {
    const e = problem(() => new MLP({ layerSizes: [2, 1e5, 1e5, 1] }));
    expect(e).toMatchObject({ argument: 'layerSizes', problem: 'too-large' });
    expect(e.message).toMatch(/would need 1\.00e\+10 weights and biases/);
    const before = tf.memory().numTensors;
    expect(problem(() => new TfNet({ inputShape: [1e4], layers: [{ type: 'dense', units: 1e4 }], loss: 'mse' })).problem).toBe('too-large');
    expect(problem(() => new CNN({ inputShape: [28, 28, 1], layers: [{ type: 'flatten' }, { type: 'dense', units: 1e6, activation: 'softmax' }] })).problem).toBe('too-large');
    expect(tf.memory().numTensors).toBe(before);
    expect(MAX_NETWORK_PARAMETERS).toBe(10_000_000);
    expect(problem(() => gridPoints({ xMin: 0, xMax: 1, yMin: 0, yMax: 1, nx: 1e5, ny: 1e5 })).problem).toBe('too-large');
    expect(problem(() => gridPoints({ xMin: 0, xMax: NaN, yMin: 0, yMax: 1, nx: 3, ny: 3 })).problem).toBe('not-finite');
    const m = new MLP({ layerSizes: [2, 1], randomState: 0 });
    expect(problem(() => m.fit([[0, 1]], [1], { epochs: 1e12 }))).toMatchObject({ argument: 'epochs', problem: 'too-large' });
  });
});

describe('loaders validate fully and free everything on failure', () => {
  const cnnSaved = () => {
    const c = new CNN({ inputShape: [6, 6, 1], layers: [{ type: 'conv2d', filters: 2, kernelSize: 3, activation: 'relu' }, { type: 'flatten' }, { type: 'dense', units: 3, activation: 'softmax' }], randomState: 1 });
    const s = c.save();
    c.dispose();
    return { modelJSON: JSON.parse(JSON.stringify(s.modelJSON)) as SavedModelJSON, weightData: s.weightData };
  };
  const mlpSaved = () => {
    const m = new MLP({ layerSizes: [2, 4, 3], loss: 'categoricalCrossentropy', activation: 'relu', randomState: 2 });
    return { ...m.save(), json: JSON.parse(JSON.stringify(m.toJSON())) };
  };
  const withNaN = (buf: ArrayBuffer, at = 3) => {
    const f = new Float32Array(buf.slice(0));
    f[at] = NaN;
    return f.buffer;
  };

  it('CNN.load: missing/corrupt fields and bad weights are ValidationErrors, with no tensor leaked', () => {
    const { modelJSON, weightData } = cnnSaved();
    const cases: [string, unknown, ArrayBuffer][] = [
      ['modelJSON', null, weightData],
      ['modelJSON.format', { ...modelJSON, format: 'keras' }, weightData],
      ['modelJSON.layers', { ...modelJSON, layers: undefined }, weightData],
      ['modelJSON.layers', { ...modelJSON, layers: 'conv' }, weightData],
      ['modelJSON.layers[0]', { ...modelJSON, layers: [{ type: 'conv2d', filters: 2, kernelSize: null }, ...modelJSON.layers.slice(1)] }, weightData],
      ['modelJSON.layers[2]', { ...modelJSON, layers: [...modelJSON.layers.slice(0, 2), { type: 'dense', units: 3, activation: 'bogus' }] }, weightData],
      ['modelJSON.weightSpecs', { ...modelJSON, weightSpecs: undefined }, weightData],
      ['modelJSON.weightSpecs[0]', { ...modelJSON, weightSpecs: [{ ...modelJSON.weightSpecs[0], shape: [3, 3, 1, 5] }, ...modelJSON.weightSpecs.slice(1)] }, weightData],
      ['inputShape', { ...modelJSON, inputShape: undefined }, weightData],
      ['inputShape', { ...modelJSON, inputShape: [6, -6, 1] }, weightData],
      ['weightData', modelJSON, weightData.slice(0, 12)],
      ['weightData', modelJSON, withNaN(weightData)],
      ['weightData', modelJSON, null as never],
    ];
    const before = tf.memory().numTensors;
    for (const [arg, json, data] of cases) {
      const e = problem(() => CNN.load(json as SavedModelJSON, data));
      expect(e.argument, JSON.stringify(json)?.slice(0, 80)).toBe(arg);
    }
    expect(tf.memory().numTensors).toBe(before);
    // The intact document still loads.
    CNN.load(modelJSON, weightData).dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('MLP.load and MLP.fromJSON: every field checked, NaN weights rejected, nothing leaked', () => {
    const { modelJSON, weightData, json } = mlpSaved();
    const before = tf.memory().numTensors;
    const loads: [string, unknown, unknown][] = [
      ['modelJSON.layers', { ...modelJSON, layers: undefined }, weightData],
      ['modelJSON.weightSpecs', { ...modelJSON, weightSpecs: undefined }, weightData],
      ['inputShape', { ...modelJSON, inputShape: undefined }, weightData],
      ['modelJSON.options', { ...modelJSON, options: 7 }, weightData],
      ['modelJSON.options.learningRate', { ...modelJSON, options: { ...modelJSON.options, learningRate: -1 } }, weightData],
      ['modelJSON.kind', { ...modelJSON, kind: 'CNN' }, weightData],
      ['weightData', modelJSON, withNaN(weightData)],
      ['weightData', modelJSON, new Float32Array(3)],
    ];
    for (const engine of ['plain', 'tfjs'] as const) {
      for (const [arg, mj, data] of loads) expect(problem(() => MLP.load(mj as SavedModelJSON, data as ArrayBuffer, { engine })).argument).toBe(arg);
    }
    const docs: [string, unknown][] = [
      ['json', null],
      ['json', { estimator: 'MLP2' }],
      ['json.options', { estimator: 'MLP', weights: json.weights }],
      ['json.weights', { ...json, weights: undefined }],
      ['json.options.layerSizes', { ...json, options: { ...json.options, layerSizes: 'big' } }],
      ['json.options.layerSizes', { ...json, options: { ...json.options, layerSizes: [2, 1e5, 1e5, 3] } }],
      ['json.weights', { ...json, weights: json.weights.slice(1) }],
      ['json.weights[0]', { ...json, weights: [null, json.weights[1]] }],
      ['json.weights[0].bias', { ...json, weights: [{ ...json.weights[0], bias: [0, NaN, 0, 0] }, json.weights[1]] }],
      ['json.weights[1].weights', { ...json, weights: [json.weights[0], { ...json.weights[1], weights: json.weights[1].weights.slice(1) }] }],
    ];
    for (const engine of ['plain', 'tfjs'] as const) {
      for (const [arg, doc] of docs) expect(problem(() => MLP.fromJSON(doc as never, engine)).argument, JSON.stringify(doc)?.slice(0, 60)).toBe(arg);
    }
    expect(tf.memory().numTensors).toBe(before);
    const ok = MLP.load(modelJSON, weightData, { engine: 'tfjs' });
    expect(Array.from(ok.predict([[0.5, -1]])).every(Number.isFinite)).toBe(true);
    ok.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('Autoencoder.load validates too (1-D conv autoencoders included)', () => {
    const ae = new Autoencoder({ kind: 'conv', inputShape: [16, 1], filters: [2], latentDim: 2, randomState: 0 });
    const { modelJSON, weightData } = ae.save();
    ae.dispose();
    const before = tf.memory().numTensors;
    const mj = JSON.parse(JSON.stringify(modelJSON)) as SavedModelJSON;
    expect(problem(() => Autoencoder.load({ ...mj, options: undefined }, weightData)).argument).toBe('modelJSON.options');
    expect(problem(() => Autoencoder.load(mj, withNaN(weightData, 0))).argument).toBe('weightData');
    expect(problem(() => Autoencoder.load({ ...mj, weightSpecs: [] }, weightData)).argument).toBe('modelJSON.weightSpecs');
    expect(tf.memory().numTensors).toBe(before);
    Autoencoder.load(mj, weightData).dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(problem(() => new Autoencoder(null as never)).argument).toBe('inputShape');
    expect(problem(() => new Autoencoder({ inputShape: [4], hiddenUnits: null as never })).argument).toBe('hiddenUnits');
  });
});

describe('neural networks: hostile arguments', () => {
  it('constructors, setData, predict and the grid give a typed error or a NaN-free result, and leak no tensor', async () => {
    const { probe, slots, expectNoFailures } = await import('../seismic/probe');
    const run = (engine: 'plain' | 'tfjs') => (opts: object, Xs: unknown, ys: unknown) => {
      const m = new MLP({ layerSizes: [2, 3, 1], engine, randomState: 0, ...opts });
      try {
        m.setData(Xs as number[][], ys as number[]);
        m.step();
        return m.predict(Xs as number[][]);
      } finally {
        m.dispose();
      }
    };
    const keys = ['layerSizes', 'activation', 'outputActivation', 'loss', 'optimizer', 'learningRate', 'momentum', 'rho', 'beta1', 'beta2', 'epsilon', 'regularization', 'regularizationRate', 'dropout', 'batchSize', 'engine', 'evalEvery', 'gridEngine', 'randomState'];
    const before = tf.memory().numTensors;
    const r = probe([
      { name: 'MLP plain', fn: run('plain'), args: () => [{}, [[0, 1], [1, 0], [2, 2]], [0, 1, 0.5]], slots: slots(3, { arg: 0, keys }) },
      { name: 'MLP tfjs', fn: run('tfjs'), args: () => [{}, [[0, 1], [1, 0], [2, 2]], [0, 1, 0.5]], slots: slots(3, { arg: 0, keys }) },
      { name: 'gridPoints', fn: gridPoints, args: () => [{ xMin: -1, xMax: 1, yMin: -1, yMax: 1, nx: 4, ny: 3 }], slots: slots(1, { arg: 0, keys: ['xMin', 'xMax', 'yMin', 'yMax', 'nx', 'ny'] }) },
      {
        name: 'CNN',
        fn: (opts: object) => {
          const c = new CNN({ inputShape: [4, 4, 1], layers: [{ type: 'flatten' }, { type: 'dense', units: 2, activation: 'softmax' }], randomState: 0, ...opts });
          try {
            return c.predictProba(new Float32Array(16));
          } finally {
            c.dispose();
          }
        },
        args: () => [{}],
        slots: slots(1, { arg: 0, keys: ['inputShape', 'layers', 'optimizer', 'learningRate', 'batchSize', 'randomState'] }),
      },
    ]);
    expect(tf.memory().numTensors).toBe(before);
    expectNoFailures('nn', r);
  }, 120_000);
});
