import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors';
import {
  gridSearch,
  gridSearchSteps,
  minimize,
  mseLineObjective,
  multiMinimaObjective,
  quadraticObjective,
  randomSearch,
  randomSearchSteps,
  rosenbrockObjective,
  type Objective,
} from '../../src/optimize';

describe('gridSearch', () => {
  it('hand-worked: a 3×3 grid on the bowl ½(θ₁² + θ₂²) over [−1, 1]²', () => {
    // Values per axis −1, 0, 1 → 9 evaluations, last axis fastest: (−1,−1), (−1,0), (−1,1), (0,−1), …
    // 𝓛(−1,−1) = ½(1 + 1) = 1; the best is 𝓛(0, 0) = 0, found at the 5th evaluation.
    const steps = [...gridSearchSteps(quadraticObjective(), { bounds: [[-1, 1], [-1, 1]], nPoints: 3 })];
    expect(steps).toHaveLength(9);
    expect(steps[0]).toMatchObject({ iteration: 1, params: [-1, -1], loss: 1, bestLoss: 1, nLossEvaluations: 1 });
    expect(steps[1].params).toEqual([-1, 0]);
    expect(steps[4]).toMatchObject({ params: [0, 0], loss: 0, bestParams: [0, 0], bestLoss: 0 });
    expect(steps[8].bestParams).toEqual([0, 0]);
    expect(Object.isFrozen(steps[3])).toBe(true);
    const r = gridSearch(quadraticObjective(), { bounds: [[-1, 1], [-1, 1]], nPoints: 3 });
    expect(r).toMatchObject({ params: [0, 0], loss: 0, nLossEvaluations: 9 });
    expect(r.evaluations).toHaveLength(9);
  });

  it('costs the product of the per-axis counts, and finds the least-squares line to grid precision', () => {
    const x = [0, 1, 2, 3, 4];
    const obj = mseLineObjective(x, x.map((v) => 2 * v + 1));
    const r = gridSearch(obj, { bounds: [[0, 4], [-1, 3]], nPoints: [41, 21] });
    expect(r.nLossEvaluations).toBe(41 * 21);
    expect(r.params[0]).toBeCloseTo(2, 10);
    expect(r.params[1]).toBeCloseTo(1, 10);
    expect(r.loss).toBeLessThan(1e-20);
  });

  it('defaults to the objective domain, and skips non-finite losses without reporting NaN', () => {
    expect(gridSearch(rosenbrockObjective(), { nPoints: 5 }).nLossEvaluations).toBe(25);
    const holey: Objective = { dim: 1, name: 'holey', loss: (t) => (t[0] < 0 ? NaN : (t[0] - 1) ** 2), grad: (t) => Float64Array.of(2 * (t[0] - 1)) };
    const r = gridSearch(holey, { bounds: [[-2, 2]], nPoints: 5 });
    expect(r.params).toEqual([1]);
    expect(r.evaluations.slice(0, 2).map((e) => e.loss)).toEqual([Infinity, Infinity]);
  });
});

describe('randomSearch', () => {
  it('is seeded, counts nIter evaluations, and keeps the best so far', () => {
    const obj = multiMinimaObjective();
    const a = randomSearch(obj, { nIter: 200, randomState: 3 });
    const b = randomSearch(obj, { nIter: 200, randomState: 3 });
    const c = randomSearch(obj, { nIter: 200, randomState: 4 });
    expect(a).toEqual(b);
    expect(a.params).not.toEqual(c.params);
    expect(a.nLossEvaluations).toBe(200);
    expect(a.loss).toBe(Math.min(...a.evaluations.map((e) => e.loss)));
    for (const e of a.evaluations) {
      expect(e.params[0]).toBeGreaterThanOrEqual(-4);
      expect(e.params[0]).toBeLessThan(4);
    }
    const steps = [...randomSearchSteps(obj, { nIter: 50, randomState: 3 })];
    for (let i = 1; i < steps.length; i++) expect(steps[i].bestLoss).toBeLessThanOrEqual(steps[i - 1].bestLoss);
  });

  it('needs far more loss evaluations than gradient descent for the same precision (the slides’ point)', () => {
    const obj = quadraticObjective({ eigenvalues: [1, 2] });
    const rs = randomSearch(obj, { bounds: [[-3, 3], [-3, 3]], nIter: 1000, randomState: 0 });
    const gd = minimize(obj, [2, 2], { learningRate: 0.5, maxIter: 30 });
    expect(gd.nLossEvaluations).toBeLessThan(rs.nLossEvaluations / 10);
    expect(gd.loss).toBeLessThan(rs.loss);
    expect(rs.loss).toBeLessThan(0.05);
  });

  it('rejects bad boxes and counts with a ValidationError', () => {
    const obj = quadraticObjective();
    expect(() => randomSearch(obj, { bounds: [[0, 1]] })).toThrow(ValidationError);
    expect(() => randomSearch(obj, { bounds: [[0, NaN], [0, 1]] })).toThrow(/finite/);
    expect(() => randomSearch(obj, { bounds: [[1, 0], [0, 1]] })).toThrow(ValidationError);
    expect(() => randomSearch(obj, { nIter: 0 })).toThrow(ValidationError);
    expect(() => gridSearch(obj, { nPoints: [3] })).toThrow(ValidationError);
    expect(() => gridSearch(obj, { nPoints: 2.5 })).toThrow(ValidationError);
    const noDomain: Objective = { dim: 3, name: 'x', loss: () => 0, grad: () => new Float64Array(3) };
    expect(() => gridSearch(noDomain)).toThrow(ValidationError);
  });
});
