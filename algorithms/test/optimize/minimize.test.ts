import { describe, expect, it } from 'vitest';
import {
  ValidationError,
  minimize,
  minimizeSteps,
  mseLineObjective,
  multiMinimaObjective,
  plateauObjective,
  quadraticObjective,
  rosenbrockObjective,
  saddleObjective,
  OPTIMIZERS,
} from '../../src';

describe('minimizeSteps', () => {
  it('hand-worked: one GD step on ½θ² from θ = 2 with η = 0.5', () => {
    // ∇𝓛 = θ = 2, so θ₁ = 2 − 0.5·2 = 1 and 𝓛(θ₁) = ½.
    const steps = [...minimizeSteps(quadraticObjective(), [2, 0], { learningRate: 0.5, maxIter: 1 })];
    expect(steps).toHaveLength(2);
    expect(steps[0]).toMatchObject({ iteration: 0, loss: 2, gradient: [2, 0] });
    expect(steps[1]).toMatchObject({ iteration: 1, params: [1, 0], loss: 0.5, diverged: false });
    expect(Object.isFrozen(steps[1])).toBe(true);
  });

  it('hand-worked: momentum p ← αp − ηg accumulates', () => {
    // 𝓛 = ½θ², θ₀ = 1, η = 0.1, α = 0.9: p₁ = −0.1, θ₁ = 0.9; p₂ = −0.09 − 0.09 = −0.18, θ₂ = 0.72.
    const steps = [...minimizeSteps(quadraticObjective(), [1, 0], { optimizer: 'momentum', learningRate: 0.1, momentum: 0.9, maxIter: 2 })];
    expect(steps[1].params[0]).toBeCloseTo(0.9, 12);
    expect(steps[2].params[0]).toBeCloseTo(0.72, 12);
  });

  it('descends the MSE of a line to the least-squares optimum', () => {
    const obj = mseLineObjective([0, 1, 2, 3], [1, 3, 5, 7]);
    expect(obj.minimum).toEqual([2, 1]);
    const r = minimize(obj, [0, 0], { learningRate: 0.1, maxIter: 2000, tol: 1e-10 });
    expect(r.converged).toBe(true);
    expect(r.params[0]).toBeCloseTo(2, 6);
    expect(r.params[1]).toBeCloseTo(1, 6);
  });

  it.each(OPTIMIZERS)('%s reaches the minimum of a bowl', (optimizer) => {
    const lr = optimizer === 'adam' || optimizer === 'rmsprop' ? 0.05 : 0.1;
    const r = minimize(quadraticObjective({ eigenvalues: [1, 4] }), [2, 2], { optimizer, learningRate: lr, maxIter: 2000 });
    expect(Math.hypot(...r.params)).toBeLessThan(0.05);
  });

  it('reports divergence above 2/L with its step, never NaN and never a throw', () => {
    // L = 4, so η = 0.6 > 2/L = 0.5 makes |1 − ηL| = 1.4 > 1: the iterates grow.
    const steps = [...minimizeSteps(quadraticObjective({ eigenvalues: [1, 4] }), [1, 1], { learningRate: 0.6, maxIter: 500 })];
    const last = steps[steps.length - 1];
    expect(last.diverged).toBe(true);
    expect(last.divergedAt).toBeGreaterThan(10);
    expect(steps.every((s) => Number.isFinite(s.loss) && s.params.every(Number.isFinite))).toBe(true);
  });

  it('runs stochastic and mini-batch descent reproducibly from a seed', () => {
    const x = Array.from({ length: 40 }, (_, i) => i / 10);
    const obj = mseLineObjective(x, x.map((v) => 2 * v + 1));
    const a = minimize(obj, [0, 0], { learningRate: 0.05, batchSize: 4, maxIter: 400, randomState: 7 });
    const b = minimize(obj, [0, 0], { learningRate: 0.05, batchSize: 4, maxIter: 400, randomState: 7 });
    expect(a.params).toEqual(b.params);
    expect(a.params[0]).toBeCloseTo(2, 1);
    const steps = [...minimizeSteps(obj, [0, 0], { learningRate: 0.05, batchSize: 10, maxIter: 8 })];
    expect(steps[8].epoch).toBe(2);
  });

  it('exposes the trouble-makers with finite gradients that vanish at their minima', () => {
    for (const obj of [rosenbrockObjective(), saddleObjective(), plateauObjective(), multiMinimaObjective()]) {
      const g = obj.grad(obj.minimum!);
      expect(Math.hypot(...g)).toBeLessThan(1e-9);
    }
  });

  it('validates its options', () => {
    expect(() => minimize(quadraticObjective(), [1, 1], { learningRate: 0 })).toThrow(ValidationError);
    expect(() => minimize(quadraticObjective(), [1], {})).toThrow(/theta0/);
    expect(() => minimize(quadraticObjective(), [1, 1], { optimizer: 'sgdx' as never })).toThrow(/optimizer/);
  });
});
