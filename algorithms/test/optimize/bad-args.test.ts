/**
 * The optimisation helpers with hostile arguments, one slot at a time: only ValidationError or
 * a NaN-free result, no hang; grids, iteration counts and step counts above their documented
 * limits are refused before any loss is evaluated.
 */
import { describe, expect, it } from 'vitest';
import * as O from '../../src/optimize';
import { expectNoFailures, expectTooLarge, probe, slots, type ProbeCase } from '../seismic/probe';

const line = () => O.mseLineObjective([0, 1, 2, 3, 4], [1, 3, 5, 7, 9.5]);
const CASES: ProbeCase[] = [
  { name: 'mseLineObjective', fn: O.mseLineObjective, args: () => [[0, 1, 2, 3], [1, 3, 5, 7]], slots: slots(2) },
  { name: 'quadraticObjective', fn: O.quadraticObjective, args: () => [{ eigenvalues: [1, 10], angle: 0.3 }], slots: slots(1, { arg: 0, keys: ['eigenvalues', 'angle'] }) },
  { name: 'rosenbrockObjective', fn: O.rosenbrockObjective, args: () => [1, 100], slots: slots(2) },
  { name: 'plateauObjective', fn: O.plateauObjective, args: () => [0.5], slots: slots(1) },
  { name: 'saddleObjective', fn: O.saddleObjective, args: () => [], slots: [] },
  { name: 'multiMinimaObjective', fn: O.multiMinimaObjective, args: () => [], slots: [] },
  {
    name: 'minimize',
    fn: (obj, theta, opts) => O.minimize(obj, theta, opts),
    args: () => [line(), [0, 0], { optimizer: 'adam', learningRate: 0.1, maxIter: 20, batchSize: 2, randomState: 1 }],
    slots: slots(3, { arg: 2, keys: ['optimizer', 'learningRate', 'momentum', 'rho', 'beta1', 'beta2', 'epsilon', 'maxIter', 'tol', 'batchSize', 'shuffle', 'randomState', 'divergenceThreshold'] }),
  },
  { name: 'minimizeSteps', fn: (obj, theta, opts) => O.minimizeSteps(obj, theta, opts), args: () => [O.rosenbrockObjective(), [-1, 1], { optimizer: 'momentum', maxIter: 20 }], slots: slots(3, { arg: 2, keys: ['optimizer', 'learningRate', 'maxIter'] }) },
  { name: 'gridSearch', fn: (obj, opts) => O.gridSearch(obj, opts), args: () => [line(), { nPoints: [5, 7] }], slots: slots(2, { arg: 1, keys: ['bounds', 'nPoints'] }) },
  { name: 'gridSearchSteps', fn: (obj, opts) => O.gridSearchSteps(obj, opts), args: () => [line(), { nPoints: 4, bounds: [[0, 3], [-1, 1]] }], slots: slots(2, { arg: 1, keys: ['bounds', 'nPoints'] }) },
  { name: 'randomSearch', fn: (obj, opts) => O.randomSearch(obj, opts), args: () => [line(), { nIter: 30, randomState: 2 }], slots: slots(2, { arg: 1, keys: ['bounds', 'nIter', 'randomState'] }) },
  { name: 'randomSearchSteps', fn: (obj, opts) => O.randomSearchSteps(obj, opts), args: () => [line(), { nIter: 30 }], slots: slots(2, { arg: 1, keys: ['bounds', 'nIter'] }) },
];

describe('optimize: hostile arguments', () => {
  it('every exported function gives a typed error or a NaN-free result, and never hangs', () => {
    const r = probe(CASES);
    expect(r.total).toBeGreaterThan(600);
    expectNoFailures('optimize', r);
  }, 120_000);

  it('grid points, random draws and steps above their limits are too-large, with the size needed', () => {
    const tooLarge = (f: () => unknown, arg: string) => expectTooLarge(f, arg);
    const t0 = performance.now();
    tooLarge(() => O.gridSearch(line(), { nPoints: 1e6 }), 'nPoints');
    tooLarge(() => O.gridSearch(line(), { nPoints: [2000, 2000] }), 'nPoints');
    tooLarge(() => O.randomSearch(line(), { nIter: 1e10 }), 'nIter');
    tooLarge(() => O.minimize(line(), [0, 0], { maxIter: 1e12 }), 'maxIter');
    expect(performance.now() - t0).toBeLessThan(500);
    expect(O.MAX_SEARCH_EVALUATIONS).toBe(1_000_000);
  });

  it('an explicit undefined option keeps its default', () => {
    const r = O.minimize(line(), [0, 0], { learningRate: undefined, maxIter: undefined });
    expect(r.nIter).toBe(100);
  });
});
