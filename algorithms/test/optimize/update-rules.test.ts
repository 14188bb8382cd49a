import { describe, expect, it } from 'vitest';
import { minimizeSteps, mseLineObjective, quadraticObjective } from '../../src/optimize';

// Hand-worked first steps of the update rules of minimize.ts on the bowl 𝓛 = ½θ² (θ = (θ₁, 0),
// so ∇𝓛 = θ), complementing minimize.test.ts (gd and momentum).
const first = (opts: Parameters<typeof minimizeSteps>[2], n = 2) => [...minimizeSteps(quadraticObjective(), [1, 0], { maxIter: n, ...opts })].map((s) => s.params[0]);

describe('update rules, hand-worked', () => {
  it('Nesterov evaluates the gradient at the look-ahead point θ + αp', () => {
    // η = 0.1, α = 0.9. Step 1: p = 0 so the look-ahead is θ = 1, p = −0.1, θ = 0.9.
    // Step 2: look-ahead 0.9 + 0.9·(−0.1) = 0.81, p = 0.9·(−0.1) − 0.1·0.81 = −0.171, θ = 0.729
    // (plain momentum would give 0.72: Nesterov brakes earlier).
    const th = first({ optimizer: 'nesterov', learningRate: 0.1, momentum: 0.9 });
    expect(th[1]).toBeCloseTo(0.9, 14);
    expect(th[2]).toBeCloseTo(0.729, 14);
  });

  it('RMSprop divides by the root of the running mean square of the gradient', () => {
    // ρ = 0.9, η = 0.1, g = 1: s = 0.1·1² = 0.1, θ = 1 − 0.1/√0.1 = 1 − √0.1 ≈ 0.683772.
    const th = first({ optimizer: 'rmsprop', learningRate: 0.1, rho: 0.9 }, 1);
    expect(th[1]).toBeCloseTo(1 - Math.sqrt(0.1), 7);
  });

  it('Adam’s bias-corrected first step has length η whatever the gradient scale', () => {
    // m̂ = m/(1 − β₁) = g and v̂ = v/(1 − β₂) = g², so θ ← θ − η g/|g| = 1 − 0.1 = 0.9.
    expect(first({ optimizer: 'adam', learningRate: 0.1 }, 1)[1]).toBeCloseTo(0.9, 7);
    const steep = [...minimizeSteps(quadraticObjective({ eigenvalues: [100, 1] }), [1, 0], { optimizer: 'adam', learningRate: 0.1, maxIter: 1 })];
    expect(steep[1].params[0]).toBeCloseTo(0.9, 7);
  });

  it('counts epochs for mini-batch (n/b steps each) and stochastic descent (n steps each)', () => {
    // n = 8 samples: batch size 4 is two steps per epoch, batch size 1 eight.
    const x = [0, 1, 2, 3, 4, 5, 6, 7];
    const obj = mseLineObjective(x, x.map((v) => v + 1));
    const mini = [...minimizeSteps(obj, [0, 0], { batchSize: 4, learningRate: 0.01, maxIter: 4 })];
    expect(mini.map((s) => s.epoch)).toEqual([0, 0.5, 1, 1.5, 2]);
    const sgd = [...minimizeSteps(obj, [0, 0], { batchSize: 1, learningRate: 0.01, maxIter: 8 })];
    expect(sgd[8].epoch).toBe(1);
    const full = [...minimizeSteps(obj, [0, 0], { learningRate: 0.01, maxIter: 2 })];
    expect(full.map((s) => s.epoch)).toEqual([0, 1, 2]);
  });
});
