import { describe, expect, it } from 'vitest';
import { bruneVelocity, powerSpectrum, ricker, seismicNoise, syntheticSeismogram } from '@geolearn/algorithms/seismic';
import { expectValidationError } from './helpers';

const maxAbs = (x: Float64Array, from: number, to: number) => {
  let m = 0;
  for (let i = Math.max(0, from); i < Math.min(x.length, to); i++) m = Math.max(m, Math.abs(x[i]));
  return m;
};
const rms = (x: Float64Array, from: number, to: number) => {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i] * x[i];
  return Math.sqrt(s / (to - from));
};

describe('source pulses', () => {
  it('hand-worked Ricker and Brune values', () => {
    // Ricker at t = 0 is 1; at t = 1/(π f √2) the factor 1 − 2π²f²t² vanishes.
    expect(ricker(0, 4)).toBe(1);
    expect(ricker(1 / (Math.PI * 4 * Math.SQRT2), 4)).toBeCloseTo(0, 14);
    // Brune velocity (1 − ω t)e^{−ωt}: 1 at the onset, 0 before, 0 at t = 1/ω.
    expect(bruneVelocity(0, 2)).toBe(1);
    expect(bruneVelocity(-0.1, 2)).toBe(0);
    expect(bruneVelocity(1 / (2 * Math.PI * 2), 2)).toBeCloseTo(0, 14);
  });
});

describe('syntheticSeismogram', () => {
  it('puts P and S at t₀ + r/vp and t₀ + r/vs, and returns what it used', () => {
    // Δ = 42 km, t₀ = 5 s: P at 5 + 42/6 = 12 s, S at 5 + 42/3.5 = 17 s.
    const r = syntheticSeismogram({ distance: 42, originTime: 5, duration: 30, randomState: 0 });
    expect(r.pArrival).toBeCloseTo(12, 12);
    expect(r.sArrival).toBeCloseTo(17, 12);
    expect(r.traces.Z).toHaveLength(3000);
    expect(r.parameters).toMatchObject({ vp: 6, vs: 3.5, distance: 42, sampleRate: 100, duration: 30, source: 'ricker' });
    // With depth, the ray is r = √(30² + 40²) = 50 km.
    const d = syntheticSeismogram({ distance: 30, depth: 40, originTime: 0, randomState: 0 });
    expect(d.parameters.hypocentralDistance).toBeCloseTo(50, 12);
    expect(d.pArrival).toBeCloseTo(50 / 6, 12);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = syntheticSeismogram({ duration: 20, randomState: 11 });
    const b = syntheticSeismogram({ duration: 20, randomState: 11 });
    const c = syntheticSeismogram({ duration: 20, randomState: 12 });
    expect(Array.from(a.traces.N)).toEqual(Array.from(b.traces.N));
    expect(Array.from(a.traces.N)).not.toEqual(Array.from(c.traces.N));
  });

  it('P is strongest on Z, S on the horizontals, and S/P is spRatio', () => {
    const fs = 100;
    const r = syntheticSeismogram({ distance: 42, originTime: 5, duration: 30, codaAmplitude: 0, snr: Infinity, spRatio: 5, randomState: 0 });
    const P = [12 * fs, 13 * fs] as const; // the Ricker pulse lies within 2/f = 0.5 s of the arrival
    const S = [17 * fs, 18 * fs] as const;
    const { Z, N, E } = r.clean;
    expect(maxAbs(Z, ...P)).toBeGreaterThan(2 * Math.max(maxAbs(N, ...P), maxAbs(E, ...P)));
    expect(Math.max(maxAbs(N, ...S), maxAbs(E, ...S))).toBeGreaterThan(2 * maxAbs(Z, ...S));
    // The samples hit the Ricker centres (tP + 1/f = 12.25 s), where the ground motion vector
    // has length 1 for P and spRatio = 5 for S.
    const motion = (i: number) => Math.hypot(Z[i], N[i], E[i]);
    expect(motion(1225)).toBeCloseTo(1, 12);
    expect(motion(1725)).toBeCloseTo(5, 12);
    // P on Z: cos 20° of the motion (incidence 20° from the vertical).
    expect(Math.abs(Z[1225])).toBeCloseTo(Math.cos((20 * Math.PI) / 180), 12);
    // Before P there is nothing (the Ricker tail is below 0.1 % of its peak).
    expect(maxAbs(Z, 0, 12 * fs)).toBeLessThan(1e-3);
  });

  it('rotates radial and transverse into N and E by the back-azimuth', () => {
    // Back-azimuth 0 (source due north): P (radial) moves the ground along N only, so E is silent during P.
    const r = syntheticSeismogram({ distance: 42, originTime: 5, duration: 30, codaAmplitude: 0, snr: Infinity, backAzimuth: 0, randomState: 0 });
    expect(maxAbs(r.clean.E, 1200, 1300)).toBeLessThan(1e-12);
    expect(maxAbs(r.clean.N, 1200, 1300)).toBeCloseTo(Math.sin((20 * Math.PI) / 180), 10);
    // At 90° (source due east), it is N that is silent during P.
    const q = syntheticSeismogram({ distance: 42, originTime: 5, duration: 30, codaAmplitude: 0, snr: Infinity, backAzimuth: 90, randomState: 0 });
    expect(maxAbs(q.clean.N, 1200, 1300)).toBeLessThan(1e-12);
  });

  it('a Brune source starts exactly at the arrival', () => {
    const r = syntheticSeismogram({ source: 'brune', frequency: 2, distance: 42, originTime: 5, duration: 30, snr: Infinity, randomState: 0 });
    expect(maxAbs(r.clean.Z, 0, 1200)).toBe(0);
    expect(Math.abs(r.clean.Z[1200])).toBeGreaterThan(0.5);
  });

  it('adds noise at the requested SNR and a coda that decays exponentially', () => {
    const r = syntheticSeismogram({ distance: 42, originTime: 5, duration: 60, snr: 8, codaDecay: 4, randomState: 3 });
    const peak = Math.max(maxAbs(r.clean.Z, 0, 6000), maxAbs(r.clean.N, 0, 6000), maxAbs(r.clean.E, 0, 6000));
    expect(r.parameters.noiseStd).toBeCloseTo(peak / 8, 12);
    const noise = r.traces.N.map((v, i) => v - r.clean.N[i]);
    expect(rms(noise, 0, 6000)).toBeCloseTo(peak / 8, 8);
    // Coda RMS 8 s apart falls by about e^{−8/4} ≈ 1/7.4 (random, so loosely).
    const early = rms(r.clean.N, 1900, 2300);
    const late = rms(r.clean.N, 2700, 3100);
    expect(early / late).toBeGreaterThan(4);
    expect(early / late).toBeLessThan(14);
  });

  it('rejects impossible parameters with a ValidationError', () => {
    expectValidationError(() => syntheticSeismogram({ vp: 3, vs: 3.5 }), 'out-of-range');
    expectValidationError(() => syntheticSeismogram({ sampleRate: 0 }), 'out-of-range');
    expectValidationError(() => syntheticSeismogram({ sampleRate: NaN }), 'not-finite');
    expectValidationError(() => syntheticSeismogram({ duration: 0.01 }), 'out-of-range');
    expectValidationError(() => syntheticSeismogram({ snr: 0 }), 'out-of-range');
    expectValidationError(() => syntheticSeismogram({ frequency: 60 }), 'out-of-range');
    expectValidationError(() => syntheticSeismogram({ distance: -1 }), 'out-of-range');
    expectValidationError(() => syntheticSeismogram({ source: 'haskell' as 'ricker' }), 'bad-option');
  });
});

describe('seismicNoise', () => {
  it('has unit variance, a microseism peak near 0.2 Hz, and a 1/f floor', () => {
    const fs = 10;
    const micro = seismicNoise(6000, { sampleRate: fs, microseismShare: 1, randomState: 1 });
    expect(rms(micro, 0, 6000)).toBeCloseTo(1, 10);
    const { frequencies, power } = powerSpectrum(micro, { sampleRate: fs });
    let k = 1;
    for (let j = 1; j < power.length; j++) if (power[j] > power[k]) k = j;
    expect(frequencies[k]).toBeGreaterThan(0.12);
    expect(frequencies[k]).toBeLessThan(0.33);
    // Pink: the mean PSD over 0.5–1 Hz is about twice that over 1–2 Hz (∝ 1/f: ratio 2).
    const pink = powerSpectrum(seismicNoise(60000, { sampleRate: fs, microseismShare: 0, randomState: 2 }), { sampleRate: fs });
    const band = (lo: number, hi: number) => {
      let s = 0;
      let c = 0;
      pink.frequencies.forEach((f, j) => {
        if (f >= lo && f < hi) {
          s += pink.power[j];
          c++;
        }
      });
      return s / c;
    };
    const ratio = band(0.5, 1) / band(1, 2);
    expect(ratio).toBeGreaterThan(1.6);
    expect(ratio).toBeLessThan(2.5);
  });

  it('rejects a bad length or rate', () => {
    expectValidationError(() => seismicNoise(0, { sampleRate: 10 }), 'out-of-range');
    expectValidationError(() => seismicNoise(10, { sampleRate: -10 }), 'out-of-range');
  });
});
