/**
 * prepareStreams: a file's traces to a model's three-component input, with each step
 * explained. Synthetic 40 Hz three-component records (with a gap, an overlap, a missing
 * component) and the real COLA record.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareStreams, readMiniSeed, type SeismicTrace } from '@geolearn/algorithms/seismic';
import { ValidationError } from '../../src/core/errors';
import { traceError } from './trace-helpers';

const T0 = Date.UTC(2021, 5, 1, 3, 0, 0);
const tone = (f: number, fs: number, n: number, from = 0) => Float64Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * f * (i + from)) / fs));
const tr = (channel: string, start: number, data: Float64Array, sampleRate = 40): SeismicTrace => ({ network: 'XX', station: 'GEOL', location: '', channel, sampleRate, startTime: start, data });


describe('prepareStreams', () => {
  it('merges, groups and resamples a 40 Hz Z/N/E record to 100 Hz, explaining each step', () => {
    // 60 s at 40 Hz; Z has a 0.5 s gap (20 samples) at 30 s, N a 1 s overlap (identical), E is whole.
    const z = tone(2, 40, 2400);
    const pieces = [
      tr('HHZ', T0, z.slice(0, 1200)),
      tr('HHZ', T0 + 30500, z.slice(1220)),
      tr('HHN', T0, tone(2, 40, 1300)),
      tr('HHN', T0 + 31000, tone(2, 40, 1160, 1240)),
      tr('HHE', T0, tone(2, 40, 2400)),
    ];
    const [s] = prepareStreams(pieces, { sampleRate: 100, minLength: 3000 });
    expect(s.id).toBe('XX.GEOL..HH');
    expect(s.components).toEqual(['Z', 'N', 'E']);
    expect(s.sampleRate).toBe(100);
    expect(s.resampledFrom).toBe(40);
    expect(s.length).toBe(5998); // ⌊2399·100/40⌋ + 1
    s.data.forEach((d) => expect(d.length).toBe(5998));
    expect(s.gaps).toEqual([{ id: 'XX.GEOL..HHZ', start: T0 + 30000, end: T0 + 30500, samples: 20 }]);
    expect(s.overlaps).toEqual([{ id: 'XX.GEOL..HHN', start: T0 + 31000, end: T0 + 32500, samples: 60, identical: true }]);
    expect(s.notes).toEqual([
      'XX.GEOL..HHZ: a gap of 0.5 s (20 samples) at 2021-06-01 03:00:30.000 UTC was filled with zeros',
      'XX.GEOL..HHN: 60 samples (1.5 s) at 2021-06-01 03:00:31.000 UTC were recorded twice with the same values (kept once)',
      'XX.GEOL..HH: resampled from 40 Hz to 100 Hz',
    ]);
    // Away from the gap, Z is still the 2 Hz sine at 100 Hz.
    for (let k = 100; k < 2800; k++) expect(Math.abs(s.data[0][k] - Math.sin((2 * Math.PI * 2 * k) / 100))).toBeLessThan(0.01);
    expect(s.data[0].slice(3010, 3040).every((v) => v === 0)).toBe(true);
  });

  it('fills a missing component with zeros and says so, or refuses on request', () => {
    const z = [tr('HHZ', T0, tone(1, 100, 3000), 100)];
    const [s] = prepareStreams(z, { minLength: 3000 });
    expect(s.resampledFrom).toBeNull();
    expect(s.missing).toEqual(['N', 'E']);
    expect(s.data[1].every((v) => v === 0)).toBe(true);
    expect(s.notes[0]).toMatch(/only Z is in the file, N and E are missing: filled with zeros/);
    expect(traceError(() => prepareStreams(z, { missing: 'refuse' })).reason).toBe('components');
  });

  it('refuses or pads a stream shorter than the window, refuses long or refused gaps, mixed rates and NaN', () => {
    const short = [tr('HHZ', T0, tone(1, 100, 500), 100), tr('HHN', T0, tone(1, 100, 500), 100), tr('HHE', T0, tone(1, 100, 500), 100)];
    const e = traceError(() => prepareStreams(short, { minLength: 3000 }));
    expect(e.reason).toBe('too-short');
    expect(e.message).toBe("traces: XX.GEOL..HH holds 500 samples at 100 Hz (5 s), but the model's window needs 3000 (30 s): load a longer record, or pad it (short: 'pad')");
    const [p] = prepareStreams(short, { minLength: 3000, short: 'pad' });
    expect(p).toMatchObject({ length: 3000, padded: 2500 });
    expect(p.notes.at(-1)).toBe("XX.GEOL..HH: 500 samples padded with 2500 zeros to the window of 3000");
    const gap = [tr('HHZ', T0, tone(1, 100, 500), 100), tr('HHZ', T0 + 20000, tone(1, 100, 500), 100)];
    expect(traceError(() => prepareStreams(gap)).message).toMatch(/XX.GEOL..HHZ has a gap of 15 s .* longer than maxFillSeconds = 10 s/);
    expect(prepareStreams(gap, { maxFillSeconds: 20 })[0].gaps[0].samples).toBe(1500);
    expect(traceError(() => prepareStreams(gap, { gaps: 'refuse', maxFillSeconds: 20 })).reason).toBe('gap');
    expect(traceError(() => prepareStreams([tr('HHZ', T0, tone(1, 40, 10)), tr('HHZ', T0 + 250, tone(1, 50, 10), 50)])).reason).toBe('mixed-sample-rates');
    const nan = tone(1, 100, 10);
    nan[3] = NaN;
    expect(traceError(() => prepareStreams([tr('HHZ', T0, nan, 100)])).message).toMatch(/models never see NaN/);
    expect(() => prepareStreams(short, { bandpass: { freqmin: 1, freqmax: 60 } })).toThrow(/bandpass.freqmax: must be below the Nyquist frequency of the model's rate, 50 Hz/);
    expect(() => prepareStreams(short, { sampleRate: -1 })).toThrow(ValidationError);
  });

  it('prepares the real COLA record (LHZ, 1 Hz): resampled to 10 Hz and band-passed, surface waves kept', () => {
    const bytes = new Uint8Array(readFileSync(new URL('../fixtures/seismic/IU.COLA.00.LHZ.2010-02-27.mseed', import.meta.url)));
    const [s] = prepareStreams(readMiniSeed(bytes).traces, { sampleRate: 10, bandpass: { freqmin: 0.01, freqmax: 0.05 } });
    expect(s.id).toBe('IU.COLA.00.LH');
    expect(s.length).toBe(41991);
    expect(s.resampledFrom).toBe(1);
    expect(s.missing).toEqual(['N', 'E']);
    expect(s.notes).toEqual([
      'IU.COLA.00.LH: only Z is in the file, N and E are missing: filled with zeros, so a three-component model sees no horizontal motion and its S picks are unreliable',
      'IU.COLA.00.LH: resampled from 1 Hz to 10 Hz',
      'IU.COLA.00.LH: band-passed 0.01–0.05 Hz (Butterworth, zero phase)',
    ]);
    expect(s.data[0].every(Number.isFinite)).toBe(true);
    // The surface waves of the M8.8 carry most of the energy below 0.05 Hz: a large filtered peak.
    const peak = Math.max(...Array.from(s.data[0], Math.abs));
    expect(peak).toBeGreaterThan(1e5);
  });
});
