import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors';
import {
  PLAYGROUND_DATASETS,
  makePlayground,
  playgroundCircle,
  playgroundGaussian,
  playgroundMultiGaussian,
  playgroundPlane,
  playgroundSpiral,
  playgroundXor,
} from '../../src/datasets';

describe('TensorFlow Playground data sets', () => {
  it('hand-worked: without noise the labels follow the Playground’s rules exactly', () => {
    // Circle: class 1 iff ‖x‖ < 2.5; XOR: class 1 iff x·y ≥ 0 (and |x|, |y| ≥ 0.3).
    const c = playgroundCircle({ nSamples: 200, randomState: 0 });
    c.X.forEach(([u, v], i) => expect(c.y[i]).toBe(Math.hypot(u, v) < 2.5 ? 1 : 0));
    expect(c.X.every(([u, v]) => Math.hypot(u, v) <= 2.5 || Math.hypot(u, v) >= 3.5)).toBe(true);
    const x = playgroundXor({ nSamples: 200, randomState: 0 });
    x.X.forEach(([u, v], i) => {
      expect(x.y[i]).toBe(u * v >= 0 ? 1 : 0);
      expect(Math.min(Math.abs(u), Math.abs(v))).toBeGreaterThanOrEqual(0.3);
    });
    // Spiral point i of n/2 has radius 5i/(n/2): the 3rd point of 100 per arm is at r = 0.1.
    const s = playgroundSpiral({ nSamples: 200, randomState: 0 });
    expect(Math.hypot(...s.X[2])).toBeCloseTo(0.1, 12);
    expect(s.y.slice(0, 100).every((v) => v === 1)).toBe(true);
    // Plane: target (x + y)/10.
    const p = playgroundPlane({ nSamples: 50 });
    p.X.forEach(([u, v], i) => expect(p.y[i]).toBeCloseTo((u + v) / 10, 14));
    // Multi-Gaussian: a bump of height +1 at (−4, 2.5).
    const g = playgroundMultiGaussian({ nSamples: 2000 });
    g.y.forEach((v) => expect(Math.abs(v)).toBeLessThanOrEqual(1));
    g.X.forEach(([u, v], i) => {
      if (Math.hypot(u + 4, v - 2.5) < 0.5) expect(g.y[i]).toBeGreaterThan(0.75);
    });
  });

  it('are seeded, balanced, with labels in {0, 1}; noise blurs the classes', () => {
    for (const name of ['circle', 'xor', 'gaussian', 'spiral'] as const) {
      const a = makePlayground(name, { noise: 0.2, randomState: 7 });
      expect(a).toEqual(makePlayground(name, { noise: 0.2, randomState: 7 }));
      expect(a.X).toHaveLength(500);
      expect(new Set(a.y)).toEqual(new Set([0, 1]));
    }
    const g = playgroundGaussian({ nSamples: 400, randomState: 1 });
    expect(g.y.filter((v) => v === 1)).toHaveLength(200);
    // Variance 0.5 + 7·noise: at noise 0.5 the spread of x is 2, at 0 it is √0.5.
    const spread = (noise: number) => {
      const d = playgroundGaussian({ nSamples: 4000, noise, randomState: 2 });
      const v = d.X.filter((_, i) => d.y[i] === 1).map((r) => r[0]);
      const m = v.reduce((a, b) => a + b, 0) / v.length;
      return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length);
    };
    expect(spread(0)).toBeCloseTo(Math.sqrt(0.5), 1);
    expect(spread(0.5)).toBeCloseTo(2, 1);
    // Noisy circle: some labels disagree with the radius rule.
    const nc = playgroundCircle({ noise: 0.5, randomState: 3 });
    expect(nc.X.some(([u, v], i) => (Math.hypot(u, v) < 2.5 ? 1 : 0) !== nc.y[i])).toBe(true);
    expect(PLAYGROUND_DATASETS).toEqual(['circle', 'xor', 'gaussian', 'spiral', 'plane', 'multi-gaussian']);
    expect(makePlayground('plane').X).toHaveLength(1200);
  });

  it('rejects bad options with a ValidationError', () => {
    expect(() => makePlayground('moons' as never)).toThrow(ValidationError);
    expect(() => playgroundCircle({ noise: -0.1 })).toThrow(ValidationError);
    expect(() => playgroundXor({ nSamples: 1 })).toThrow(ValidationError);
    expect(() => playgroundSpiral({ nSamples: 10.5 })).toThrow(ValidationError);
    expect(() => playgroundPlane({ noise: NaN })).toThrow(/finite/);
  });
});
