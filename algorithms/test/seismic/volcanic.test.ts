import { describe, expect, it } from 'vitest';
import { SLIDES_CLASS_COUNTS, VOLCANIC_CLASSES, envelope, makeVolcanicDataset, powerSpectrum, volcanicEvent } from '@geolearn/algorithms/seismic';
import { expectValidationError } from './helpers';

const fs = 100;

/** Dominant frequency and the share of power within [lo, hi] Hz of a segment. */
function spectrum(x: Float64Array, from = 0, to = x.length) {
  const { frequencies, power } = powerSpectrum(x.subarray(from, to), { sampleRate: fs });
  let k = 0;
  for (let j = 1; j < power.length; j++) if (power[j] > power[k]) k = j;
  const total = power.reduce((s, p) => s + p, 0);
  const share = (lo: number, hi: number) => power.reduce((s, p, j) => (frequencies[j] >= lo && frequencies[j] <= hi ? s + p : s), 0) / total;
  return { peak: frequencies[k], share };
}

/** Seconds from the onset until the smoothed envelope first reaches half its maximum. */
function riseTime(x: Float64Array, onset: number): number {
  const env = envelope(x);
  const w = 25; // 0.25 s moving average
  const sm = env.map((_, i) => {
    let s = 0;
    for (let j = Math.max(0, i - w); j <= Math.min(env.length - 1, i + w); j++) s += env[j];
    return s / (Math.min(env.length - 1, i + w) - Math.max(0, i - w) + 1);
  });
  const peak = Math.max(...sm);
  const i = sm.findIndex((v) => v >= peak / 2);
  return i / fs - onset;
}

describe('volcanicEvent', () => {
  it('is deterministic, labelled, and normalised to a noise-free peak of 1', () => {
    for (const type of VOLCANIC_CLASSES) {
      const a = volcanicEvent(type, { randomState: 5 });
      const b = volcanicEvent(type, { randomState: 5 });
      expect(Array.from(a.signal)).toEqual(Array.from(b.signal));
      expect(a.type).toBe(type);
      expect(a.label).toBe(VOLCANIC_CLASSES.indexOf(type));
      expect(a.signal).toHaveLength(3000);
      expect(Math.max(...a.clean.map(Math.abs))).toBeCloseTo(1, 12);
      expect(a.onset).toBeGreaterThanOrEqual(3);
      expect(a.onset).toBeLessThanOrEqual(7.5);
    }
    expect(Array.from(volcanicEvent('LP', { randomState: 1 }).signal)).not.toEqual(Array.from(volcanicEvent('LP', { randomState: 2 }).signal));
  });

  it('LP: emergent and narrow-band within 0.5–5 Hz', () => {
    for (let seed = 0; seed < 3; seed++) {
      const e = volcanicEvent('LP', { randomState: seed, snr: Infinity });
      const f0 = e.parameters.dominantFrequency;
      const s = spectrum(e.clean);
      expect(s.peak).toBeGreaterThan(0.5);
      expect(s.peak).toBeLessThan(5);
      expect(s.share(f0 / 1.6, f0 * 1.6)).toBeGreaterThan(0.85);
      expect(riseTime(e.clean, e.onset)).toBeGreaterThan(0.8);
    }
  });

  it('VT: impulsive and broadband, S after P', () => {
    for (let seed = 0; seed < 3; seed++) {
      const e = volcanicEvent('VT', { randomState: seed, snr: Infinity });
      expect(spectrum(e.clean).share(5, 50)).toBeGreaterThan(0.25);
      const i0 = Math.round(e.onset * fs);
      const iS = Math.round((e.onset + e.parameters.sMinusP) * fs);
      // The P onset is sharp: energy within 0.2 s of it; S is larger than P.
      const peakP = Math.max(...e.clean.subarray(i0, i0 + 20).map(Math.abs));
      const peakS = Math.max(...e.clean.subarray(iS, iS + 100).map(Math.abs));
      expect(peakP).toBeGreaterThan(0.1);
      expect(peakS).toBeGreaterThan(peakP);
      expect(Math.max(...e.clean.subarray(0, i0).map(Math.abs))).toBe(0);
    }
  });

  it('TR: sustained and harmonic', () => {
    const e = volcanicEvent('TR', { randomState: 2, snr: Infinity });
    const f0 = e.parameters.fundamental;
    const s = spectrum(e.clean);
    expect(Math.abs(s.peak - f0)).toBeLessThan(0.15);
    expect(s.share(1.9 * f0, 2.1 * f0)).toBeGreaterThan(0.05); // the first overtone
    // Still going at the end of the window.
    const tail = e.clean.subarray(e.clean.length - 300);
    expect(Math.max(...tail.map(Math.abs))).toBeGreaterThan(0.3);
  });

  it('EXP: sharp onset, then an air wave at its own frequency', () => {
    const e = volcanicEvent('EXP', { randomState: 4, snr: Infinity });
    const i0 = Math.round(e.onset * fs);
    expect(Math.max(...e.clean.subarray(i0, i0 + 30).map(Math.abs))).toBeGreaterThan(0.1);
    const ia = Math.round((e.onset + e.parameters.airWaveDelay) * fs);
    const air = spectrum(e.clean, ia, ia + 128);
    expect(Math.abs(air.peak - e.parameters.airWaveFrequency)).toBeLessThan(1.5);
  });

  it('HYB: broadband onset, narrow-band LP coda', () => {
    const e = volcanicEvent('HYB', { randomState: 6, snr: Infinity });
    const i0 = Math.round(e.onset * fs);
    expect(spectrum(e.clean, i0, i0 + 64).share(5, 50)).toBeGreaterThan(0.2);
    const coda = spectrum(e.clean, i0 + 300, i0 + 1000);
    expect(Math.abs(coda.peak - e.parameters.codaFrequency)).toBeLessThan(0.6);
    expect(coda.share(5, 50)).toBeLessThan(0.1);
  });

  it('TOR: one long, slowly decaying monochromatic coda', () => {
    const e = volcanicEvent('TOR', { randomState: 8, snr: Infinity });
    const f = e.parameters.frequency;
    const s = spectrum(e.clean);
    expect(Math.abs(s.peak - f)).toBeLessThan(0.1);
    expect(s.share(f - 0.3, f + 0.3)).toBeGreaterThan(0.7);
    // Still above e^{−1}·e^{−0.3} of its start one decay time later (slow decay).
    const env = envelope(e.clean);
    const i = Math.round((e.onset + 0.3 + e.parameters.decay) * fs);
    expect(env[i]).toBeGreaterThan(0.2);
  });

  it('adds noise at the SNR, drawn per event from a range', () => {
    const e = volcanicEvent('LP', { randomState: 1, snr: 4 });
    const noise = e.signal.map((v, i) => v - e.clean[i]);
    const sd = Math.sqrt(noise.reduce((s, v) => s + v * v, 0) / noise.length);
    expect(sd).toBeCloseTo(1 / 4, 8);
    const r = volcanicEvent('LP', { randomState: 1, snr: [2, 3] });
    expect(r.snr).toBeGreaterThanOrEqual(2);
    expect(r.snr).toBeLessThanOrEqual(3);
  });

  it('rejects bad input with a ValidationError', () => {
    expectValidationError(() => volcanicEvent('XX' as 'LP'), 'bad-option');
    expectValidationError(() => volcanicEvent('LP', { sampleRate: 0 }), 'out-of-range');
    expectValidationError(() => volcanicEvent('LP', { sampleRate: 20 }), 'out-of-range');
    expectValidationError(() => volcanicEvent('LP', { duration: 5 }), 'out-of-range');
    expectValidationError(() => volcanicEvent('LP', { snr: -1 }), 'out-of-range');
    expectValidationError(() => volcanicEvent('LP', { onset: 100 }), 'out-of-range');
  });
});

describe('makeVolcanicDataset', () => {
  it('balanced by default, seeded, with labels that match the classes', () => {
    const a = makeVolcanicDataset({ nSamples: 12, duration: 10, randomState: 3 });
    const b = makeVolcanicDataset({ nSamples: 12, duration: 10, randomState: 3 });
    expect(a.classCounts).toEqual([2, 2, 2, 2, 2, 2]);
    expect(a.labels).toEqual(b.labels);
    expect(a.signals.map((s) => Array.from(s))).toEqual(b.signals.map((s) => Array.from(s)));
    expect(a.classNames).toEqual(['LP', 'TR', 'VT', 'EXP', 'HYB', 'TOR']);
    expect([...a.labels].sort()).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(a.signals[0]).toHaveLength(1000);
    expect(a.onsets).toHaveLength(12);
  });

  it("reproduces the slides' imbalance (Table 3 column sums), keeping every class", () => {
    const total = Object.values(SLIDES_CLASS_COUNTS).reduce((s, c) => s + c, 0);
    expect(total).toBe(68014);
    // 60 events: one per class, then 54 shared as 62030 : 5245 : 516 : 48 : 143 : 32 by largest remainders.
    const d = makeVolcanicDataset({ nSamples: 60, imbalance: 'slides', duration: 10, randomState: 0 });
    expect(d.classCounts).toEqual([50, 5, 2, 1, 1, 1]);
    expect(d.labels.filter((l) => l === 0)).toHaveLength(50);
  });

  it('takes explicit counts or weights, and can keep class order', () => {
    const d = makeVolcanicDataset({ classCounts: { VT: 2, TOR: 1 }, duration: 10, shuffle: false });
    expect(d.labels).toEqual([2, 2, 5]);
    expect(makeVolcanicDataset({ classCounts: [1, 0, 0, 0, 0, 2], duration: 10, shuffle: false }).labels).toEqual([0, 5, 5]);
    expect(makeVolcanicDataset({ nSamples: 10, imbalance: [3, 1, 0, 0, 0, 1], duration: 10 }).classCounts).toEqual([6, 2, 0, 0, 0, 2]);
  });

  it('rejects bad counts with a ValidationError', () => {
    expectValidationError(() => makeVolcanicDataset({ classCounts: [1, 2] }), 'length-mismatch');
    expectValidationError(() => makeVolcanicDataset({ classCounts: { LP: -1 } }), 'out-of-range');
    expectValidationError(() => makeVolcanicDataset({ classCounts: {} }), 'empty');
    expectValidationError(() => makeVolcanicDataset({ nSamples: 3, imbalance: 'slides' }), 'out-of-range');
    expectValidationError(() => makeVolcanicDataset({ nSamples: 0 }), 'out-of-range');
    expectValidationError(() => makeVolcanicDataset({ imbalance: 'skewed' as 'slides' }), 'bad-option');
  });
});
