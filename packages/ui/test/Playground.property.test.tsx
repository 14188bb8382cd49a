/**
 * Property-based tests of the playground's parsers (issue 17): the permalink codec and the
 * defaultValue cleaner, and the CSV reader. Seeded and bounded (200 runs each).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePlaygroundState, encodePlaygroundState, formatPointsCsv, parsePointsCsv, sanitizePlaygroundState, type PlaygroundEdit, type PlaygroundState } from '../src';
import { ACTIVATION_NAMES, DATASET_NAMES, DATASETS, FEATURE_NAMES, layerSizesOf, MAX_CLASSES, PLAYGROUND_RANGES, REGULARIZATION_NAMES, trainCount, type FeatureName } from '../src/Playground/state';

const RUNS = { seed: 20261206, numRuns: 200 };
/** No −0: it prints as "0" and reads back as +0. */
const num = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((v) => v + 0);
const int = (min: number, max: number) => fc.integer({ min, max });

/** A valid state: every field within its declared range, the cross-field rules kept. */
const validState: fc.Arbitrary<PlaygroundState> = fc
  .record({
    dataset: fc.constantFrom(...DATASET_NAMES),
    customProblem: fc.constantFrom('classification' as const, 'regression' as const),
    classes: int(2, MAX_CLASSES),
    noise: num(0, 50),
    trainRatio: num(10, 90),
    features: fc.subarray(FEATURE_NAMES, { minLength: 1 }),
    hidden: fc.array(int(1, 8), { maxLength: 6 }),
    activation: fc.constantFrom(...ACTIVATION_NAMES),
    learningRate: num(1e-5, 10),
    regularization: fc.constantFrom(...REGULARIZATION_NAMES),
    regularizationRate: num(0, 0.1),
    batchSize: int(1, 30),
    dropout: num(0, 0.5),
    normalize: fc.boolean(),
    seed: int(0, 2 ** 31 - 1),
    rawPoints: fc.array(fc.tuple(num(-6, 6), num(-6, 6), num(-10, 10)), { maxLength: 20 }),
    epoch: int(0, 100_000),
    rawEdits: fc.array(fc.record({ at: int(0, 100_000), kind: int(0, 2), a: num(0, 1), b: num(-1, 1), c: int(0, 1000) }), { maxLength: 8 }),
    showTestData: fc.boolean(),
    discretize: fc.boolean(),
  })
  .map((r) => {
    const problem = r.dataset === 'custom' ? r.customProblem : DATASETS[r.dataset].problem;
    const points = r.rawPoints.map(([a, b, l]) => [a, b, problem === 'classification' ? Math.abs(Math.round(l)) % 2 : l] as [number, number, number]);
    const s: PlaygroundState = {
      dataset: r.dataset,
      problem,
      classes: r.classes,
      noise: r.noise,
      trainRatio: r.trainRatio,
      features: FEATURE_NAMES.filter((f) => r.features.includes(f as FeatureName)),
      hidden: r.hidden,
      activation: r.activation,
      learningRate: r.learningRate,
      regularization: r.regularization,
      regularizationRate: r.regularizationRate,
      batchSize: 1,
      dropout: r.dropout,
      normalize: r.normalize,
      seed: r.seed,
      points,
      epoch: r.epoch,
      edits: [],
      showTestData: r.showTestData,
      discretize: r.discretize,
    };
    const nTrain = Math.max(1, trainCount(s));
    s.batchSize = Math.min(r.batchSize, nTrain);
    const sizes = layerSizesOf(s);
    const k = sizes[sizes.length - 1] > 1 ? sizes[sizes.length - 1] : 2;
    s.edits = [...r.rawEdits]
      .sort((x, y) => x.at - y.at)
      .map((e): PlaygroundEdit => {
        if (e.kind === 0) return { at: e.at, set: { learningRate: Math.max(1e-5, e.a * 10), dropout: e.a / 2, batchSize: 1 + (e.c % Math.min(30, nTrain)) } };
        if (e.kind === 1) {
          const l = e.c % (sizes.length - 1);
          return { at: e.at, weight: [l, e.c % sizes[l], (e.c >> 3) % sizes[l + 1], e.b * 50] };
        }
        return { at: e.at, point: [e.b * 6, e.a * 6, problem === 'classification' ? e.c % k : e.b] };
      });
    return s;
  });

describe('playground permalink properties', () => {
  it('decode(encode(s)) = s for every valid state', () => {
    fc.assert(
      fc.property(validState, (s) => {
        const r = decodePlaygroundState(encodePlaygroundState(s));
        expect(r.errors).toEqual([]);
        expect(r.state).toEqual(s);
        // The object route (a defaultValue) agrees.
        const o = sanitizePlaygroundState(JSON.parse(JSON.stringify(s)));
        expect(o.errors).toEqual([]);
        expect(o.state).toEqual(s);
      }),
      RUNS,
    );
  });

  it('arbitrary strings never throw, always give a valid state, and never pollute a prototype', () => {
    const key = fc.constantFrom('data', 'problem', 'classes', 'noise', 'ratio', 'features', 'hidden', 'act', 'lr', 'reg', 'lambda', 'batch', 'dropout', 'norm', 'seed', 'points', 'epoch', 'edits', 'test', 'discrete', '__proto__', 'constructor');
    const hostile = fc.oneof(
      fc.string(),
      fc.json(),
      fc.constantFrom('{"__proto__":{"polluted":1}}', '[{"at":1,"set":{"__proto__":{"polluted":1}}}]', '[{"at":1,"constructor":{"prototype":{"polluted":1}}}]', '__proto__', 'NaN', '1e309', '-0', ',,,', ':;:;'),
    );
    const query = fc.array(fc.tuple(key, hostile), { maxLength: 8 }).map((kv) => kv.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&'));
    fc.assert(
      fc.property(fc.oneof(query, fc.string()), (q) => {
        const r = decodePlaygroundState(q);
        const again = decodePlaygroundState(encodePlaygroundState(r.state));
        expect(again.errors).toEqual([]);
        expect(again.state).toEqual(r.state);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.getPrototypeOf(r.state)).toBe(Object.prototype);
        expect(r.state.hidden.length).toBeLessThanOrEqual(6);
        expect(r.state.learningRate).toBeLessThanOrEqual(PLAYGROUND_RANGES.learningRate.max);
      }),
      RUNS,
    );
  });

  it('arbitrary JSON as a defaultValue never throws and never pollutes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.constant('{"__proto__":{"polluted":1},"edits":[{"at":0,"set":{"__proto__":{"polluted":1}}}]}')), (text) => {
        const r = sanitizePlaygroundState(JSON.parse(text));
        expect(sanitizePlaygroundState(r.state).errors).toEqual([]);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      RUNS,
    );
  });
});

describe('playground CSV properties', () => {
  const point = fc.tuple(num(-6, 6), num(-6, 6));
  it('reads back what it writes, split column included', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(point, int(0, MAX_CLASSES - 1), fc.boolean()), { minLength: 1, maxLength: 60 }), fc.boolean(), (rows, regression) => {
        const X = rows.map(([p]) => p);
        const y = rows.map(([, l], i) => (regression ? (i % 7) / 3 - 1 : l));
        const train = rows.flatMap(([, , t], i) => (t ? [i] : []));
        const test = rows.flatMap(([, , t], i) => (t ? [] : [i]));
        const problem = regression ? 'regression' : 'classification';
        const r = parsePointsCsv(formatPointsCsv({ X, y, train, test }, problem), problem);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.points).toEqual(X.map((x, i) => [x[0], x[1], y[i]]));
        expect(r.split).toEqual(rows.map(([, , t]) => (t ? 'train' : 'test')));
      }),
      RUNS,
    );
  });

  it('reads the same points quoted as Excel writes them, with any separator', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(point, int(0, MAX_CLASSES - 1)), { minLength: 1, maxLength: 30 }), fc.constantFrom(',', ';', '\t'), fc.boolean(), (rows, sep, crlf) => {
        const q = (v: string) => `"${v.replace(/"/g, '""')}"`;
        const text = [['x1', 'x2', 'say "label"'].map(q).join(sep), ...rows.map(([[a, b], l]) => [a, b, l].map((v) => q(String(v))).join(sep))].join(crlf ? '\r\n' : '\n');
        const r = parsePointsCsv(text, 'classification');
        expect(r).toMatchObject({ ok: true, points: rows.map(([[a, b], l]) => [a, b, l]) });
      }),
      RUNS,
    );
  });

  it('never throws on arbitrary text, and names a line in every error', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9,;"\t\n\r.eE+-]{0,80}$/)), (text) => {
        const r = parsePointsCsv(text, 'classification');
        if (!r.ok) expect(r.error).toMatch(/^(Line \d+|No points)/);
        else for (const p of r.points) expect(p.every(Number.isFinite)).toBe(true);
      }),
      RUNS,
    );
  });
});
