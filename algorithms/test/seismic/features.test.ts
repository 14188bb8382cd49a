import { describe, expect, it } from 'vitest';
import { expectValidationError } from './helpers';
import {
  FEATURES_PER_DOMAIN,
  waveformFeatureInfo,
  waveformFeatureMatrix,
  waveformFeatures,
  waveformFeatureVector,
  type WaveformFeature,
} from '@geolearn/algorithms/seismic';

const byKey = (f: WaveformFeature[], domain: string) => Object.fromEntries(f.filter((x) => x.domain === domain).map((x) => [x.key, x.value]));

describe('waveformFeatures (slides, Table 1)', () => {
  // s = [0, 2, 1, 0] at fs = 2 Hz, so the temporal axis is u = 0, 0.5, 1, 1.5 s.
  const s = [0, 2, 1, 0];
  const all = waveformFeatures(s, { sampleRate: 2 });
  const t = byKey(all, 'temporal');

  it('names 34 features per domain as Table 1 does, in its order, for 3 domains', () => {
    expect(all).toHaveLength(3 * FEATURES_PER_DOMAIN);
    expect(FEATURES_PER_DOMAIN).toBe(34);
    expect(all.slice(0, 34).map((f) => f.ref)).toEqual(Array.from({ length: 34 }, (_, i) => i + 1));
    expect(all.map((f) => f.domain).filter((d, i, a) => a.indexOf(d) === i)).toEqual(['temporal', 'spectral', 'cepstral']);
    const names = all.slice(0, 34).map((f) => f.name);
    for (const n of ['Length', 'Mean', 'Standard deviation', 'Skewness', 'Kurtosis', 'i of central energy', 'RMS bandwidth', 'Mean skewness', 'Mean kurtosis', 'Rate of attack', 'Rate of decay', 'min/mean', 'max/mean', 'Signal energy', 'min', 'max', 'i of min', 'i of max', 'Threshold crossing rate', 'Silence ratio']) {
      expect(names).toContain(n);
    }
    expect(names.filter((n) => n.startsWith('Shannon entropy'))).toHaveLength(3);
    expect(names.filter((n) => n.startsWith('Rényi entropy'))).toHaveLength(6);
    expect(all.find((f) => f.domain === 'spectral' && f.key === 'centralEnergyIndex')!.unit).toBe('Hz');
    expect(all.find((f) => f.domain === 'temporal' && f.key === 'maxIndex')!.unit).toBe('s');
    expect(waveformFeatureInfo(['cepstral']).map((f) => f.key)).toEqual(all.slice(68).map((f) => f.key));
  });

  it('statistic features (1–5): length, mean, σ (n − 1), skewness and kurtosis', () => {
    // μ = 3/4; deviations −3/4, 5/4, 1/4, −3/4; Σd² = 11/4, so σ² = (11/4)/3 = 11/12.
    // Σd³ = (−27 + 125 + 1 − 27)/64 = 72/64 = 9/8; Σd⁴ = (81 + 625 + 1 + 81)/256 = 788/256.
    const sigma = Math.sqrt(11 / 12);
    expect(t.length).toBe(4);
    expect(t.mean).toBeCloseTo(0.75, 14);
    expect(t.std).toBeCloseTo(sigma, 14);
    expect(t.skewness).toBeCloseTo(9 / 8 / 4 / sigma ** 3, 12);
    expect(t.kurtosis).toBeCloseTo(788 / 256 / 4 / sigma ** 4, 12);
  });

  it('energy-weighted axis features (6–9): central energy, RMS bandwidth, mean skewness and kurtosis', () => {
    // E = [0, 4, 1, 0], E = 5. In samples: ī = (1·4 + 2·1)/5 = 1.2; B² = (1·4 + 4·1)/5 − 1.44 = 0.16, B = 0.4.
    // Σ(i − ī)³Eᵢ = (−0.2)³·4 + 0.8³ = 0.48, over E·B³ = 0.32: 1.5 → √1.5.
    // Σ(i − ī)⁴Eᵢ = 0.2⁴·4 + 0.8⁴ = 0.416, over E·B⁴ = 0.128: 3.25 → √3.25.
    expect(t.centralEnergyIndex).toBeCloseTo(1.2 / 2, 12); // seconds: ī/fs
    expect(t.rmsBandwidth).toBeCloseTo(0.4 / 2, 12);
    expect(t.meanSkewness).toBeCloseTo(Math.sqrt(1.5), 12);
    expect(t.meanKurtosis).toBeCloseTo(Math.sqrt(3.25), 12);
  });

  it('entropies (10–18): Shannon and Rényi (α = 2, ∞) with 5, 30 and 500 bins', () => {
    // Over [0, 2], 0 and 0 share the first bin, 1 and 2 fall alone in others whatever the
    // bin count (5, 30, 500): p = (1/2, 1/4, 1/4).
    // Shannon: ½·1 + ¼·2 + ¼·2 = 1.5 bits; Rényi 2: −log₂(¼ + 1/16 + 1/16) = −log₂(3/8); Rényi ∞: −log₂ ½ = 1.
    for (const b of [5, 30, 500]) {
      expect(t[`shannon${b}`]).toBeCloseTo(1.5, 12);
      expect(t[`renyi2Bins${b}`]).toBeCloseTo(-Math.log2(3 / 8), 12);
      expect(t[`renyiInfBins${b}`]).toBeCloseTo(1, 12);
    }
    // Four values in four different bins of 5 (width 0.6 over [0, 3]): 2 bits for every estimate.
    const u = byKey(waveformFeatures([0, 1, 2, 3], { sampleRate: 1, domains: ['temporal'] }), 'temporal');
    expect(u.shannon5).toBeCloseTo(2, 12);
    expect(u.renyi2Bins5).toBeCloseTo(2, 12);
    expect(u.renyiInfBins5).toBeCloseTo(2, 12);
    // A flat signal: one bin, zero entropy.
    const c = byKey(waveformFeatures([3, 3, 3], { sampleRate: 1, domains: ['temporal'] }), 'temporal');
    expect(c.shannon30).toBe(0);
    expect(c.renyiInfBins500).toBe(0);
  });

  it('shape descriptors and ratios (19–22)', () => {
    // Energy steps: 4 − 0 = 4, 1 − 4 = −3, 0 − 1 = −1; max Eᵢ = 4.
    expect(t.rateOfAttack).toBeCloseTo(4 / 4, 14);
    expect(t.rateOfDecay).toBeCloseTo(-3 / 4, 14);
    expect(t.minOverMean).toBeCloseTo(0 / 0.75, 14);
    expect(t.maxOverMean).toBeCloseTo(2 / 0.75, 14);
  });

  it('energy descriptors (23–28)', () => {
    // Eᵢ = [0, 4, 1, 0]: E = 5, max 4, mean 1.25; Eᵢ − 1.25 = −1.25, 2.75, −0.25, −1.25;
    // Σ² = 10.75, Σ³ = 16.875, Σ⁴ = 62.078125.
    const v = 10.75 / 4;
    expect(t.energy).toBe(5);
    expect(t.energyMax).toBe(4);
    expect(t.energyMean).toBe(1.25);
    expect(t.energyStd).toBeCloseTo(Math.sqrt(v), 14);
    expect(t.energySkewness).toBeCloseTo(16.875 / 4 / v ** 1.5, 12);
    expect(t.energyKurtosis).toBeCloseTo(62.078125 / 4 / v ** 2, 12);
  });

  it('specific values (29–34): min, max, their positions, threshold crossing rate, silence ratio', () => {
    expect(t.min).toBe(0);
    expect(t.max).toBe(2);
    expect(t.minIndex).toBe(0); // the first minimum, at 0 s
    expect(t.maxIndex).toBe(0.5); // sample 1 at 2 Hz
    // τ = 0.25·2 = 0.5: above/below = F T T F, two changes over 4 samples.
    expect(t.thresholdCrossingRate).toBe(0.5);
    // τ_s = 0.5: the two zeros are silent.
    expect(t.silenceRatio).toBe(0.5);
    // Other thresholds: τ = 0.75·2 = 1.5 → F T F F, still 2 changes; τ_s = 1.5 → 0, 1 and 0 are silent.
    const o = byKey(waveformFeatures(s, { sampleRate: 2, crossingThreshold: 0.75, silenceThreshold: 0.75, domains: ['temporal'] }), 'temporal');
    expect(o.thresholdCrossingRate).toBe(0.5);
    expect(o.silenceRatio).toBe(0.75);
    const p = byKey(waveformFeatures([1, -1, 1, -1, 0.1], { sampleRate: 1, domains: ['temporal'] }), 'temporal');
    expect(p.thresholdCrossingRate).toBeCloseTo(1 / 5, 14); // |s| is above τ until the last sample
    expect(p.silenceRatio).toBeCloseTo(1 / 5, 14);
  });

  it('spectral domain: |S[k]| on a frequency axis', () => {
    // nfft = 4: S = FFT([0, 2, 1, 0]) = [3, −1 − 2i, −1, …], so |S| = [3, √5, 1] at 0, 0.5, 1 Hz.
    const f = byKey(all, 'spectral');
    expect(f.length).toBe(3);
    expect(f.mean).toBeCloseTo((3 + Math.sqrt(5) + 1) / 3, 12);
    expect(f.max).toBeCloseTo(3, 12);
    expect(f.maxIndex).toBe(0);
    expect(f.minIndex).toBeCloseTo(1, 12); // Hz
    expect(f.energy).toBeCloseTo(9 + 5 + 1, 12);
    expect(f.centralEnergyIndex).toBeCloseTo((0.5 * 5 + 1 * 1) / 15, 12);
  });

  it('cepstral domain: the real cepstrum IFFT(log|S|)', () => {
    // log|S| around the circle = [ln 3, ½ln 5, 0, ½ln 5]; c[q] = ¼ Σₖ log|S[k]|·e^{2πikq/4}:
    // c₀ = (ln 3 + ln 5)/4, c₁ = ln 3/4, c₂ = (ln 3 − ln 5)/4.
    const c = byKey(all, 'cepstral');
    expect(c.length).toBe(3);
    expect(c.max).toBeCloseTo(Math.log(15) / 4, 12);
    expect(c.min).toBeCloseTo((Math.log(3) - Math.log(5)) / 4, 12);
    expect(c.mean).toBeCloseTo((Math.log(15) + Math.log(3) + Math.log(3) - Math.log(5)) / 12, 12);
    expect(c.minIndex).toBeCloseTo(2 / 2, 12); // quefrency q/fs
  });

  it('gives the same numbers as a vector and as a matrix, and is finite on degenerate signals', () => {
    const v = waveformFeatureVector(s, { sampleRate: 2 });
    expect(Array.from(v)).toEqual(all.map((f) => f.value));
    const m = waveformFeatureMatrix([s, [1, 1, 1, 1, 1]], { sampleRate: 2 });
    expect(m.rows).toBe(2);
    expect(m.cols).toBe(102);
    expect(Array.from(m.data.subarray(0, 102))).toEqual(Array.from(v));
    for (const z of [[0, 0, 0], [5, 5], [0, 1]]) {
      for (const x of waveformFeatureVector(z, { sampleRate: 10 })) expect(Number.isFinite(x)).toBe(true);
    }
  });

  it('rejects bad input with a ValidationError', () => {
    expectValidationError(() => waveformFeatures([], { sampleRate: 100 }), 'empty');
    expectValidationError(() => waveformFeatures([1], { sampleRate: 100 }), 'out-of-range');
    expectValidationError(() => waveformFeatures([1, NaN, 2], { sampleRate: 100 }), 'not-finite');
    expectValidationError(() => waveformFeatures([1, 2, 3], { sampleRate: 0 }), 'out-of-range');
    expectValidationError(() => waveformFeatures([1, 2, 3], { sampleRate: -5 }), 'out-of-range');
    expectValidationError(() => waveformFeatures([1, 2, 3], { sampleRate: 100, domains: ['wavelet' as 'temporal'] }), 'bad-option');
    expectValidationError(() => waveformFeatures([1, 2, 3], { sampleRate: 100, crossingThreshold: 1.5 }), 'out-of-range');
    expectValidationError(() => waveformFeatureMatrix([], { sampleRate: 100 }), 'empty');
  });
});
