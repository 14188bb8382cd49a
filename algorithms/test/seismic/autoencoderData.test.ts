import { describe, expect, it } from 'vitest';
import { ValidationError } from '@geolearn/algorithms';
import { AUTOENCODER_DISTANCE_RANGE, AUTOENCODER_WINDOW_TYPES, autoencoderWindows, denoisingWindows, rfft, snrDb } from '@geolearn/algorithms/seismic';
import { expectValidationError } from './helpers';

const peak = (a: Float32Array, k: number, L: number) => {
  let m = 0;
  for (let i = k * L; i < (k + 1) * L; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
};

describe('autoencoderWindows', () => {
  // Without the high-pass, so that the alignment on P can be checked sample by sample.
  const d = autoencoderWindows({ count: 60, seed: 3, highpass: 0 });
  const L = d.length;

  it('gives peak-normalised windows of every type with their labels', () => {
    expect(L).toBe(256);
    expect(d.sampleRate).toBe(25);
    expect(d.x.length).toBe(60 * L);
    const counts = AUTOENCODER_WINDOW_TYPES.map((_, t) => d.type.filter((v) => v === t).length);
    expect(counts.every((c) => c > 5)).toBe(true);
    for (let k = 0; k < d.count; k++) {
      expect(peak(d.x, k, L)).toBeCloseTo(1, 6);
      if (d.type[k] === 0) {
        expect(Number.isNaN(d.distance[k])).toBe(true);
        expect(peak(d.clean, k, L)).toBe(0);
      } else {
        const [lo, hi] = AUTOENCODER_DISTANCE_RANGE;
        expect(d.distance[k]).toBeGreaterThanOrEqual(lo);
        expect(d.distance[k]).toBeLessThanOrEqual(hi);
        // t_S − t_P = Δ(1/vs − 1/vp) = Δ(vp/vs − 1)/vp, with vp 5.9…6.1 km/s and vp/vs 1.71…1.75.
        const slowness = d.spTime[k] / d.distance[k];
        expect(slowness).toBeGreaterThan(0.71 / 6.1 - 1e-6);
        expect(slowness).toBeLessThan(0.75 / 5.9 + 1e-6);
        // Aligned on P at 1 ± 0.02 s: the clean window is silent over its first 0.9 s.
        expect(peak(d.clean.subarray(k * L, k * L + 22), 0, 22)).toBe(0);
        expect(peak(d.clean, k, L)).toBeGreaterThan(0.3);
      }
    }
  });

  it('high-passes by default: the microseism (slow swell) is removed', () => {
    const hp = autoencoderWindows({ count: 60, seed: 3 });
    // Share of the energy below 0.3 Hz (bins k < 0.3·256/25 ≈ 3), pooled over the noise windows.
    const slowShare = (a: Float32Array) => {
      let slow = 0, all = 0;
      for (let k = 0; k < 60; k++) {
        if (d.type[k] !== 0) continue;
        const X = rfft(a.subarray(k * L, (k + 1) * L));
        for (let j = 0; j < X.re.length; j++) {
          const p = X.re[j] ** 2 + X.im[j] ** 2;
          all += p;
          if (j < 3) slow += p;
        }
      }
      return slow / all;
    };
    expect(slowShare(d.x)).toBeGreaterThan(0.2);
    expect(slowShare(hp.x)).toBeLessThan(0.05);
    for (let k = 0; k < hp.count; k++) expect(peak(hp.x, k, L)).toBeCloseTo(1, 6);
    expect(hp.type).toEqual(d.type);
  });

  it('is deterministic per seed, and seeds differ (the held-out split)', () => {
    const again = autoencoderWindows({ count: 60, seed: 3, highpass: 0 });
    expect(again.x).toEqual(d.x);
    const other = autoencoderWindows({ count: 60, seed: 4, highpass: 0 });
    expect(other.x).not.toEqual(d.x);
  });

  it('refuses bad options with a named ValidationError', () => {
    expectValidationError(() => autoencoderWindows({ count: 0 }), 'out-of-range');
    expectValidationError(() => autoencoderWindows({ count: 2.5 }), 'not-integer');
    expectValidationError(() => autoencoderWindows({ count: 3, noiseShare: 2 }), 'out-of-range');
    expectValidationError(() => autoencoderWindows({ count: 3, snrRange: [50, 10] }), 'out-of-range');
    expectValidationError(() => autoencoderWindows({ count: 3, pOnset: 0.01, pJitter: 0.1 }), 'out-of-range');
    expectValidationError(() => autoencoderWindows({ count: 3, highpass: 20 }), 'out-of-range');
    expect(() => autoencoderWindows(undefined as never)).toThrow(ValidationError);
    try {
      autoencoderWindows({ count: 3, length: 8 });
    } catch (e) {
      expect((e as ValidationError).argument).toBe('length');
    }
  });
});

describe('denoisingWindows', () => {
  it('pairs noisy inputs with clean targets at the drawn SNR', () => {
    const d = denoisingWindows({ count: 20, seed: 5, snrDbRange: [0, 6] });
    const L = d.length;
    for (let k = 0; k < d.count; k++) {
      expect(peak(d.noisy, k, L)).toBeCloseTo(1, 6);
      expect(d.snrDb[k]).toBeGreaterThanOrEqual(0);
      expect(d.snrDb[k]).toBeLessThanOrEqual(6);
      const measured = snrDb(d.clean.subarray(k * L, (k + 1) * L), d.noisy.subarray(k * L, (k + 1) * L));
      expect(measured).toBeCloseTo(d.snrDb[k], 3);
      expect(d.type[k]).toBeGreaterThan(0);
    }
  });
});

describe('snrDb', () => {
  it('hand-worked values', () => {
    // Σc² = 4, Σ(e − c)² = 1: 10·log₁₀ 4 = 6.0206 dB.
    expect(snrDb([2, 0], [2, 1])).toBeCloseTo(6.0206, 4);
    expect(snrDb([1, 0], [1, 1])).toBeCloseTo(0, 12);
    expect(snrDb([1, 2], [1, 2])).toBe(Infinity);
  });
  it('refuses mismatched or silent references', () => {
    expectValidationError(() => snrDb([1, 2], [1]), 'length-mismatch');
    expectValidationError(() => snrDb([0, 0], [1, 1]), 'out-of-range');
    expectValidationError(() => snrDb([1, NaN], [1, 1]), 'not-finite');
  });
});
