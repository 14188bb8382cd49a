/**
 * resample: hand-worked checks. A sine keeps its frequency, phase and amplitude (within 1 %)
 * through a rate change; a tone above the new Nyquist frequency is attenuated by more than
 * 40 dB by the anti-alias low-pass (and comes back as an alias without it).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMiniSeed, resample, resampleTrace, resampledLength, TraceError, type SeismicTrace } from '@geolearn/algorithms/seismic';
import { ValidationError } from '../../src/core/errors';

const sine = (f: number, fs: number, seconds: number, amp = 1, phase = 0) => Float64Array.from({ length: Math.round(seconds * fs) }, (_, i) => amp * Math.sin(2 * Math.PI * f * (i / fs) + phase));

/** Largest |y[k] − A sin(2πf k/fs′ + φ)| over the samples at least `edge` seconds from both ends. */
function maxError(y: Float64Array, f: number, fs: number, amp: number, edge: number, phase = 0): number {
  let e = 0;
  const skip = Math.round(edge * fs);
  for (let k = skip; k < y.length - skip; k++) e = Math.max(e, Math.abs(y[k] - amp * Math.sin(2 * Math.PI * f * (k / fs) + phase)));
  return e;
}

const rms = (y: Float64Array, skip: number) => {
  let s = 0;
  for (let k = skip; k < y.length - skip; k++) s += y[k] * y[k];
  return Math.sqrt(s / (y.length - 2 * skip));
};

describe('resample keeps a sine', () => {
  it('250 Hz → 100 Hz: a 5 Hz sine of amplitude 3 matches 3 sin(2π·5t) to 1 % (frequency, phase and amplitude)', () => {
    const x = sine(5, 250, 20, 3, 0.4);
    const y = resample(x, { sampleRate: 250, targetRate: 100 });
    expect(y.length).toBe(resampledLength(x.length, 250, 100));
    expect(y.length).toBe(2000); // ⌊4999·100/250⌋ + 1
    expect(maxError(y, 5, 100, 3, 1, 0.4)).toBeLessThan(0.01 * 3);
  });

  it('40 Hz → 100 Hz (up, no filter): cubic within 1 % for a 2 Hz sine, linear for a 1 Hz one', () => {
    const y = resample(sine(2, 40, 10), { sampleRate: 40, targetRate: 100 });
    expect(y.length).toBe(resampledLength(400, 40, 100));
    expect(maxError(y, 2, 100, 1, 0.2)).toBeLessThan(0.01);
    const yl = resample(sine(1, 40, 10), { sampleRate: 40, targetRate: 100, method: 'linear' });
    expect(maxError(yl, 1, 100, 1, 0.2)).toBeLessThan(0.01);
  });

  it('an integer factor (200 → 100 Hz) keeps the filtered samples on the grid; the same rate returns a copy', () => {
    const x = sine(3, 200, 5);
    const y = resample(x, { sampleRate: 200, targetRate: 100 });
    expect(y.length).toBe(500);
    expect(maxError(y, 3, 100, 1, 0.5)).toBeLessThan(0.005);
    const same = resample(x, { sampleRate: 200, targetRate: 200 });
    expect(Array.from(same)).toEqual(Array.from(x));
    expect(same).not.toBe(x);
  });

  it('a non-integer ratio (100 → 40 Hz) keeps a 2 Hz sine to 1 %', () => {
    const y = resample(sine(2, 100, 10, 1, 1), { sampleRate: 100, targetRate: 40 });
    expect(maxError(y, 2, 40, 1, 1, 1)).toBeLessThan(0.01);
  });
});

describe('resample suppresses aliasing', () => {
  for (const [f, fs, ft] of [
    [55, 200, 100],
    [70, 200, 100],
    [30, 100, 40],
    [26, 250, 40],
  ] as const) {
    it(`${fs} → ${ft} Hz: a ${f} Hz tone (above the new Nyquist ${ft / 2} Hz) is attenuated by more than 40 dB`, () => {
      const x = sine(f, fs, 20);
      const y = resample(x, { sampleRate: fs, targetRate: ft });
      const db = 20 * Math.log10(rms(y, 2 * ft) / rms(x, 2 * fs));
      expect(db).toBeLessThan(-40);
    });
  }

  it('without the low-pass, the 70 Hz tone folds back to 30 Hz at full amplitude (the alias the filter removes)', () => {
    const x = sine(70, 200, 10);
    const y = resample(x, { sampleRate: 200, targetRate: 100, antiAlias: false });
    // Sampling sin(2π·70·k/100) = sin(2π·(70 − 100)·k/100) = −sin(2π·30·k/100).
    expect(maxError(y, 30, 100, -1, 0)).toBeLessThan(1e-9);
  });
});

describe('resampleTrace and bad input', () => {
  it('resamples the real COLA record (1 Hz) to 0.25 Hz, keeping the start time, and returns the trace at the same rate', () => {
    const bytes = new Uint8Array(readFileSync(new URL('../fixtures/seismic/IU.COLA.00.LHZ.2010-02-27.mseed', import.meta.url)));
    const t = readMiniSeed(bytes).traces[0];
    const r = resampleTrace(t, 0.25);
    expect(r).toMatchObject({ network: 'IU', station: 'COLA', channel: 'LHZ', sampleRate: 0.25, startTime: t.startTime });
    expect(r.data.length).toBe(1050);
    expect(r.data.every(Number.isFinite)).toBe(true);
    // The surface waves (periods of 20 s and more) pass the 0.1 Hz anti-alias corner: the peak stays within 25 %.
    const peak = (d: Float64Array) => Math.max(...Array.from(d, Math.abs));
    expect(peak(r.data) / peak(t.data)).toBeGreaterThan(0.75);
    expect(resampleTrace(t, 1)).toBe(t);
  });

  it('refuses NaN samples with a TraceError naming the trace, the sample and its time', () => {
    const data = sine(1, 10, 2);
    data[7] = NaN;
    const t: SeismicTrace = { network: 'XX', station: 'GEOL', location: '', channel: 'HHZ', sampleRate: 10, startTime: Date.UTC(2020, 0, 1), data };
    expect(() => resampleTrace(t, 100)).toThrow(TraceError);
    expect(() => resampleTrace(t, 100)).toThrow(/XX\.GEOL\.\.HHZ has 1 sample that is not a number, the first at index 7 \(2020-01-01 00:00:00\.700 UTC\).*models never see NaN/);
    expect(() => resample(data, { sampleRate: 10, targetRate: 100 })).toThrow(/signal: entry \[7\] is NaN/);
  });

  it('validates its options', () => {
    const x = sine(1, 10, 2);
    const bad: [object, string][] = [
      [{ sampleRate: 0, targetRate: 100 }, 'sampleRate'],
      [{ sampleRate: 10, targetRate: -1 }, 'targetRate'],
      [{ sampleRate: 10, targetRate: 5, method: 'sinc' }, 'method'],
      [{ sampleRate: 10, targetRate: 5, cornerFraction: 0.5 }, 'cornerFraction'],
      [{ sampleRate: 10, targetRate: 5, filterOrder: 13 }, 'filterOrder'],
      [{ sampleRate: 10, targetRate: 5, antiAlias: 'yes' }, 'antiAlias'],
      [{ sampleRate: 1, targetRate: 1e9 }, 'targetRate'],
    ];
    for (const [o, arg] of bad) {
      try {
        resample(x, o as never);
        throw new Error(`no error for ${JSON.stringify(o)}`);
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        expect((e as ValidationError).argument).toBe(arg);
      }
    }
  });
});
