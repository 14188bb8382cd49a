import { afterEach, describe, expect, it, vi } from 'vitest';
import * as algorithms from '@geolearn/algorithms';
import { KMeans, Lasso, sliderRange, SVC, validateParam, type ParamSpecs } from '@geolearn/algorithms';
import { sanitizeDefaultValue } from '../src/hooks/useControllableState';
import { specField, specRange, type SpecRangeOptions } from '../src/kit/paramSlider';

const SIGMA: SpecRangeOptions = { units: { fromParam: (g) => 1 / Math.sqrt(2 * g), toParam: (s) => 1 / (2 * s * s) } };

afterEach(() => vi.unstubAllEnvs());

describe('specRange', () => {
  it("gives the Slider the spec's range: uiRange, log scale, step 1 for integers", () => {
    const c = sliderRange(SVC.paramSpec.C)!;
    expect(specRange(SVC, 'C')).toEqual({ min: c.min, max: c.max, scale: 'log' });
    const k = sliderRange(KMeans.paramSpec.nClusters)!;
    expect(specRange(KMeans, 'nClusters')).toEqual({ min: k.min, max: k.max, scale: 'linear', step: 1 });
    expect(specRange(Lasso, 'alpha')).toEqual({ min: 1e-3, max: 1e3, scale: 'log' });
  });

  it('narrows to a teaching range inside the spec, and rejects one outside it (dev/tests)', () => {
    expect(specRange(SVC, 'C', { range: [0.01, 100] })).toEqual({ min: 0.01, max: 100, scale: 'log' });
    expect(specRange(KMeans, 'nClusters', { range: [1, 8] })).toEqual({ min: 1, max: 8, scale: 'linear', step: 1 });
    const { max } = sliderRange(SVC.paramSpec.C)!;
    expect(() => specRange(SVC, 'C', { range: [0.01, max * 10] })).toThrow(RangeError);
    expect(() => specRange(KMeans, 'nClusters', { range: [0, 8] })).toThrow(/not inside/);
    expect(() => specRange(SVC, 'C', { range: [10, 1] })).toThrow(RangeError);
    expect(() => specRange(SVC, 'C', { range: [NaN, 1] })).toThrow(RangeError);
  });

  it('in production clamps a bad teaching range into the spec with one warning instead of throwing', () => {
    vi.stubEnv('NODE_ENV', 'production');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { max } = sliderRange(SVC.paramSpec.C)!;
    expect(specRange(SVC, 'C', { range: [0.5, max * 100] })).toEqual({ min: 0.5, max, scale: 'log' });
    specRange(SVC, 'C', { range: [0.5, max * 100] });
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('shows an option in other units: σ = 1/√(2γ) from SVC’s γ range (ends swapped)', () => {
    const g = sliderRange(SVC.paramSpec.gamma)!;
    const r = specRange(SVC, 'gamma', SIGMA);
    expect(r.min).toBeCloseTo(1 / Math.sqrt(2 * g.max), 12);
    expect(r.max).toBeCloseTo(1 / Math.sqrt(2 * g.min), 12);
    expect(r.scale).toBe('log');
    expect(specRange(SVC, 'gamma', { ...SIGMA, range: [0.05, 5] })).toEqual({ min: 0.05, max: 5, scale: 'log' });
    expect(() => specRange(SVC, 'gamma', { ...SIGMA, range: [0.001, 5] })).toThrow(RangeError);
  });

  it('throws for an unknown, non-numeric or unbounded option (add a uiRange)', () => {
    expect(() => specRange(SVC, 'Cc')).toThrow(/no option 'Cc'/);
    expect(() => specRange(SVC, '__proto__')).toThrow(/no option/);
    expect(() => specRange(SVC, 'kernel')).toThrow(/not numeric/);
    expect(() => specRange(SVC, 'coef0')).toThrow(/uiRange/);
  });
});

describe('specField', () => {
  it('accepts exactly the numbers the slider offers and the estimator accepts', () => {
    const C = specField(SVC, 'C', { range: [0.01, 100] });
    for (const v of [0.01, 1, 100]) expect(C(v)).toBe(true);
    for (const v of [0.001, 1000, 0, -1, NaN, Infinity, '1', null, undefined, [1], { valueOf: () => 1 }]) expect(C(v)).toBe(false);
    const k = specField(KMeans, 'nClusters', { range: [1, 8] });
    expect([1, 4, 8].every(k)).toBe(true);
    expect([0, 9, 2.5, 'scale'].some(k)).toBe(false);
    // SVC's γ also takes 'scale', but a slider's field is a number.
    const sigma = specField(SVC, 'gamma', { ...SIGMA, range: [0.05, 5] });
    expect([0.05, 1, 5].every(sigma)).toBe(true);
    expect([0.04, 6, 'scale'].some(sigma)).toBe(false);
  });

  it('plugs into sanitizeDefaultValue: a bad field falls back to the default with a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const clean = sanitizeDefaultValue<{ C: number }>('ParamSliderTest', { C: 1e6 }, { C: specField(SVC, 'C', { range: [0.01, 100] }) });
    expect(clean).toEqual({});
    expect(warn).toHaveBeenCalledTimes(1);
    expect(sanitizeDefaultValue<{ C: number }>('ParamSliderTest', { C: 2 }, { C: specField(SVC, 'C') })).toEqual({ C: 2 });
    warn.mockRestore();
  });
});

describe('every estimator spec', () => {
  // The slider of any numeric option must offer only values the estimator accepts.
  const specs = Object.entries(algorithms).filter(([, v]) => typeof v === 'function' && (v as { paramSpec?: unknown }).paramSpec) as [string, { paramSpec: ParamSpecs }][];
  it('declares slider ranges whose ends the estimator accepts', () => {
    expect(specs.length).toBeGreaterThan(15);
    for (const [name, E] of specs) {
      for (const [key, spec] of Object.entries(E.paramSpec)) {
        const r = sliderRange(spec);
        if (!r) continue;
        expect(r.min, `${name}.${key}`).toBeLessThan(r.max);
        if (r.log) expect(r.min, `${name}.${key} (log)`).toBeGreaterThan(0);
        for (const v of [r.min, r.max]) expect(() => validateParam(spec, v, key), `${name}.${key} = ${v}`).not.toThrow();
      }
    }
  });
});
