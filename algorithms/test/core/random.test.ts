import { describe, expect, it } from 'vitest';
import { RandomState, checkRandomState } from '../../src';

describe('RandomState', () => {
  it('is reproducible for a seed and differs across seeds', () => {
    const a = new RandomState(42);
    const b = new RandomState(42);
    const c = new RandomState(43);
    const sa = Array.from({ length: 5 }, () => a.random());
    expect(Array.from({ length: 5 }, () => b.random())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.random())).not.toEqual(sa);
  });

  it('draws uniforms in [0, 1) with mean ½ and normals with mean 0, sd 1', () => {
    const r = new RandomState(1);
    const n = 20000;
    let su = 0;
    let sn = 0;
    let sn2 = 0;
    for (let i = 0; i < n; i++) {
      const u = r.random();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      su += u;
      const z = r.normal();
      sn += z;
      sn2 += z * z;
    }
    // Standard errors: 1/√(12n) ≈ 0.002 for the uniform mean, 1/√n ≈ 0.007 for the normal.
    expect(su / n).toBeCloseTo(0.5, 1);
    expect(Math.abs(sn / n)).toBeLessThan(0.03);
    expect(Math.sqrt(sn2 / n)).toBeCloseTo(1, 1);
  });

  it('permutes and chooses without repeats', () => {
    const r = new RandomState(3);
    expect([...r.permutation(10)].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const c = r.choice(100, 10);
    expect(new Set(c).size).toBe(10);
  });

  it('checkRandomState passes a generator through and seeds numbers (undefined → 0)', () => {
    const g = new RandomState(5);
    expect(checkRandomState(g)).toBe(g);
    expect(checkRandomState(undefined).random()).toBe(new RandomState(0).random());
  });
});
