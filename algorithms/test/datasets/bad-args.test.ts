/**
 * Every dataset generator with hostile arguments, one slot at a time: only ValidationError or
 * a NaN-free dataset, no hang, and sizes above the documented limit refused before anything
 * is drawn.
 */
import { describe, expect, it } from 'vitest';
import * as D from '../../src/datasets';
import { expectNoFailures, expectTooLarge, probe, slots, type ProbeCase } from '../seismic/probe';

const small = { nSamples: 20, randomState: 1 };
const CASES: ProbeCase[] = [
  { name: 'makeLine', fn: D.makeLine, args: () => [{ ...small }], slots: slots(1, { arg: 0, keys: ['nSamples', 'slope', 'intercept', 'noise', 'xRange', 'randomState'] }) },
  { name: 'makeMoons', fn: D.makeMoons, args: () => [{ ...small, noise: 0.1 }], slots: slots(1, { arg: 0, keys: ['nSamples', 'noise', 'shuffle', 'randomState'] }) },
  { name: 'makeCircles', fn: D.makeCircles, args: () => [{ ...small, factor: 0.5 }], slots: slots(1, { arg: 0, keys: ['nSamples', 'noise', 'factor', 'shuffle', 'randomState'] }) },
  {
    name: 'makeBlobs',
    fn: D.makeBlobs,
    args: () => [{ ...small, centers: 3, clusterStd: 1, transformation: [[0.6, -0.6], [-0.4, 0.8]] }],
    slots: slots(1, { arg: 0, keys: ['nSamples', 'nFeatures', 'centers', 'clusterStd', 'centerBox', 'shuffle', 'randomState', 'transformation'] }),
  },
  {
    name: 'makeClassification',
    fn: D.makeClassification,
    args: () => [{ ...small, nFeatures: 6 }],
    slots: slots(1, { arg: 0, keys: ['nSamples', 'nFeatures', 'nInformative', 'nRedundant', 'nRepeated', 'nClasses', 'nClustersPerClass', 'weights', 'flipY', 'classSep', 'hypercube', 'shift', 'scale', 'shuffle', 'randomState'] }),
  },
  { name: 'makeRegression', fn: D.makeRegression, args: () => [{ ...small, nFeatures: 5, nInformative: 2, noise: 1 }], slots: slots(1, { arg: 0, keys: ['nSamples', 'nFeatures', 'nInformative', 'bias', 'noise', 'shuffle', 'coef', 'randomState'] }) },
  ...(['playgroundCircle', 'playgroundXor', 'playgroundGaussian', 'playgroundSpiral', 'playgroundPlane', 'playgroundMultiGaussian'] as const).map(
    (name): ProbeCase => ({ name, fn: D[name], args: () => [{ ...small, noise: 0.1 }], slots: slots(1, { arg: 0, keys: ['nSamples', 'noise', 'randomState'] }) }),
  ),
  { name: 'makePlayground', fn: D.makePlayground, args: () => ['spiral', { ...small }], slots: slots(2) },
  { name: 'loadIris', fn: D.loadIris, args: () => [], slots: [] },
];

describe('datasets: hostile arguments', () => {
  it('every generator gives a typed error or a NaN-free dataset, and never hangs', () => {
    const r = probe(CASES);
    expect(r.total).toBeGreaterThan(1000);
    expectNoFailures('datasets', r);
  }, 120_000);

  it('sizes above MAX_DATASET_VALUES are too-large, naming the size needed', () => {
    const tooLarge = (f: () => unknown, arg: string) => expectTooLarge(f, arg, /would need \d/);
    const t0 = performance.now();
    tooLarge(() => D.makeBlobs({ nSamples: 1e9 }), 'nSamples');
    tooLarge(() => D.makeBlobs({ nSamples: 10, centers: 1e9 }), 'centers');
    tooLarge(() => D.makeMoons({ nSamples: 1e9 }), 'nSamples');
    tooLarge(() => D.makeCircles({ nSamples: [1e9, 1e9] }), 'nSamples');
    tooLarge(() => D.makeClassification({ nSamples: 1e6, nFeatures: 1000 }), 'nSamples');
    tooLarge(() => D.makeClassification({ nSamples: 10, nFeatures: 40, nInformative: 30, nClasses: 1e5 }), 'nClustersPerClass');
    tooLarge(() => D.makeRegression({ nSamples: 1e5, nFeatures: 1e5 }), 'nSamples');
    tooLarge(() => D.makeLine({ nSamples: 1e9 }), 'nSamples');
    tooLarge(() => D.makePlayground('xor', { nSamples: 1e9 }), 'nSamples');
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(D.MAX_DATASET_VALUES).toBe(10_000_000);
  });

  it('an explicit undefined option keeps its default', () => {
    expect(D.makeBlobs({ nSamples: undefined, randomState: 0 }).X).toHaveLength(100);
    expect(D.makeLine({ slope: undefined, randomState: 0 }).x).toHaveLength(30);
  });
});
