/**
 * `@geolearn/algorithms/mlp` (src/nn/plain.ts) carries no TF.js: its static import graph has
 * no '@tensorflow/*' module, and it works with TF.js made unimportable.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

vi.mock('@tensorflow/tfjs', () => {
  throw new Error('TF.js was imported by the plain MLP entry');
});
vi.mock('@tensorflow/tfjs-backend-wasm', () => {
  throw new Error('the TF.js wasm backend was imported by the plain MLP entry');
});

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');

/** Every module reachable from `entry` by static or dynamic imports, with the bare specifiers seen. */
function importGraph(entry: string): { files: string[]; bare: string[] } {
  const seen = new Set<string>();
  const bare = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const f = todo.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (spec.startsWith('.')) todo.push(path.resolve(path.dirname(f), spec.endsWith('.ts') ? spec : `${spec}.ts`));
      else bare.add(spec);
    }
  }
  return { files: [...seen], bare: [...bare] };
}

describe('@geolearn/algorithms/mlp: the MLP without TF.js', () => {
  it('its import graph reaches no @tensorflow module', () => {
    const g = importGraph(path.join(src, 'nn/plain.ts'));
    expect(g.files.length).toBeGreaterThan(5);
    expect(g.bare.filter((b) => b.startsWith('@tensorflow'))).toEqual([]);
    expect(g.files.map((f) => path.relative(src, f)).filter((f) => /nn\/(mlp|net|backend|cnn|kernels|optimizers|autoencoder)\.ts$/.test(f))).toEqual([]);
    // The TF.js entry still reaches TF.js (the walker does see imports).
    expect(importGraph(path.join(src, 'nn/index.ts')).bare).toContain('@tensorflow/tfjs');
  });

  it('trains, predicts and round-trips with TF.js unimportable; asking for TF.js is a clear ValidationError', async () => {
    const { MLP, gridPoints, preprocessDigit, MNIST_SIZE } = await import('../../src/nn/plain');
    const { ValidationError } = await import('../../src/core/errors');
    const X = [[-1, -1], [-1, 1], [1, -1], [1, 1]];
    const y = [0, 1, 1, 0];
    const m = new MLP({ layerSizes: [2, 4, 1], loss: 'binaryCrossentropy', optimizer: 'adam', learningRate: 0.05, batchSize: 4, randomState: 3 });
    expect(m.engine).toBe('plain');
    m.fit(X, y, { epochs: 600 });
    expect(Array.from(m.predictClasses(X))).toEqual(y);
    const g = m.neuronOutputs(gridPoints({ xMin: -1, xMax: 1, yMin: -1, yMax: 1, nx: 60, ny: 60 }));
    expect(m.lastGridEngine).toBe('plain');
    expect(g.neurons[0]).toHaveLength(4);
    const back = MLP.fromJSON(JSON.parse(JSON.stringify(m.toJSON())));
    expect(Array.from(back.predict(X))).toEqual(Array.from(m.predict(X)));
    const { modelJSON, weightData } = m.save();
    const loaded = MLP.load(modelJSON, weightData).predict(X);
    m.predict(X).forEach((v, i) => expect(loaded[i]).toBeCloseTo(v, 5));
    // A model saved with engine 'tfjs' loads on the plain engine here.
    const saved = { ...m.toJSON(), options: { ...m.toJSON().options, engine: 'tfjs' as const } };
    expect(MLP.fromJSON(saved).engine).toBe('plain');
    for (const f of [() => new MLP({ layerSizes: [2, 1], engine: 'tfjs' }), () => new MLP({ layerSizes: [2, 1], gridEngine: 'tfjs' }), () => MLP.fromJSON(m.toJSON(), 'tfjs')]) {
      expect(f).toThrow(ValidationError);
      expect(f).toThrow(/@geolearn\/algorithms\/nn/);
    }
    expect(new MLP({ layerSizes: [200, 200, 1] }).engineReason).toMatch(/auto/);
    expect(MNIST_SIZE).toBe(28);
    expect(typeof preprocessDigit).toBe('function');
  });
});
