/**
 * Every exported function of `@geolearn/algorithms/seismic` with hostile arguments (null,
 * undefined, NaN, ±∞, strings, booleans, negative, huge, empty and ragged arrays), one slot at
 * a time: only ValidationError / FormatError or a NaN-free result, and no hang.
 */
import { describe, expect, it } from 'vitest';
import * as S from '@geolearn/algorithms/seismic';
import { ValidationError } from '../../src/core/errors';
import { sacFile, miniSeedRecord } from './formats';
import { expectNoFailures, expectTooLarge, probe, slots, type ProbeCase } from './probe';

const sig = () => Array.from({ length: 256 }, (_, i) => Math.sin(i / 5) + 0.1 * Math.cos(i * 1.7));
const fs = 100;
const sos = () => S.butterworth({ type: 'bandpass', frequency: [1, 10], sampleRate: fs });

const CASES: ProbeCase[] = [
  { name: 'fft', fn: S.fft, args: () => [sig(), sig()], slots: slots(2) },
  { name: 'ifft', fn: S.ifft, args: () => [sig(), sig()], slots: slots(2) },
  { name: 'rfft', fn: S.rfft, args: () => [sig(), 512], slots: slots(2) },
  { name: 'irfft', fn: S.irfft, args: () => [S.rfft(sig()), 256], slots: slots(2, { arg: 0, keys: ['re', 'im'] }) },
  { name: 'rfftFrequencies', fn: S.rfftFrequencies, args: () => [256, fs], slots: slots(2) },
  { name: 'isPowerOfTwo', fn: S.isPowerOfTwo, args: () => [64], slots: slots(1) },
  { name: 'nextPowerOfTwo', fn: S.nextPowerOfTwo, args: () => [100], slots: slots(1) },
  { name: 'spectralWindow', fn: S.spectralWindow, args: () => ['hann', 64], slots: slots(2) },
  { name: 'powerSpectrum', fn: S.powerSpectrum, args: () => [sig(), { sampleRate: fs }], slots: slots(2, { arg: 1, keys: ['sampleRate', 'nfft', 'window', 'detrend'] }) },
  { name: 'butterworth', fn: S.butterworth, args: () => [{ order: 4, type: 'bandpass', frequency: [1, 10], sampleRate: fs }], slots: slots(1, { arg: 0, keys: ['order', 'type', 'frequency', 'sampleRate'] }) },
  { name: 'butterworth lowpass', fn: S.butterworth, args: () => [{ order: 2, type: 'lowpass', frequency: 5, sampleRate: fs }], slots: slots(0, { arg: 0, keys: ['frequency'] }) },
  { name: 'frequencyResponse', fn: S.frequencyResponse, args: () => [sos(), [0, 1, 5, 10, 40], fs], slots: slots(3) },
  { name: 'sosfilt', fn: S.sosfilt, args: () => [sos(), sig()], slots: slots(2) },
  { name: 'sosfiltfilt', fn: S.sosfiltfilt, args: () => [sos(), sig()], slots: slots(2) },
  { name: 'bandpass', fn: S.bandpass, args: () => [sig(), { sampleRate: fs, freqmin: 1, freqmax: 10 }], slots: slots(2, { arg: 1, keys: ['sampleRate', 'freqmin', 'freqmax', 'order', 'zeroPhase'] }) },
  { name: 'hilbert', fn: S.hilbert, args: () => [sig()], slots: slots(1) },
  { name: 'envelope', fn: S.envelope, args: () => [sig()], slots: slots(1) },
  { name: 'staLta', fn: S.staLta, args: () => [sig(), { sampleRate: fs, sta: 0.1, lta: 1 }], slots: slots(2, { arg: 1, keys: ['sampleRate', 'sta', 'lta', 'method'] }) },
  { name: 'triggerOnset', fn: S.triggerOnset, args: () => [sig().map(Math.abs), { on: 0.8, off: 0.5 }], slots: slots(2, { arg: 1, keys: ['on', 'off'] }) },
  { name: 'staLtaTrigger', fn: S.staLtaTrigger, args: () => [sig(), { sampleRate: fs, sta: 0.1, lta: 1, on: 2, off: 1 }], slots: slots(2, { arg: 1, keys: ['sampleRate', 'sta', 'lta', 'on', 'off'] }) },
  { name: 'spectrogram', fn: S.spectrogram, args: () => [sig(), { sampleRate: fs, windowLength: 64 }], slots: slots(2, { arg: 1, keys: ['sampleRate', 'windowLength', 'hop', 'window', 'nfft', 'detrend'] }) },
  { name: 'minMaxDecimate', fn: S.minMaxDecimate, args: () => [sig(), 0, 256, 32], slots: slots(4) },
  { name: 'seismicNoise', fn: S.seismicNoise, args: () => [500, { sampleRate: fs, randomState: 1 }], slots: slots(2, { arg: 1, keys: ['sampleRate', 'microseismFrequency', 'microseismWidth', 'microseismShare', 'randomState'] }) },
  {
    name: 'syntheticSeismogram',
    fn: S.syntheticSeismogram,
    args: () => [{ duration: 10, sampleRate: 50, randomState: 1 }],
    slots: slots(1, { arg: 0, keys: ['sampleRate', 'duration', 'originTime', 'distance', 'depth', 'vp', 'vs', 'source', 'frequency', 'spRatio', 'backAzimuth', 'incidence', 'shShare', 'codaDecay', 'codaAmplitude', 'snr', 'microseismFrequency', 'microseismShare', 'randomState'] }),
  },
  { name: 'ricker', fn: S.ricker, args: () => [0.1, 4], slots: slots(2) },
  { name: 'bruneVelocity', fn: S.bruneVelocity, args: () => [0.1, 4], slots: slots(2) },
  { name: 'volcanicEvent', fn: S.volcanicEvent, args: () => ['LP', { duration: 10, sampleRate: 40, randomState: 1 }], slots: slots(2, { arg: 1, keys: ['sampleRate', 'duration', 'onset', 'snr', 'randomState'] }) },
  { name: 'makeVolcanicDataset', fn: S.makeVolcanicDataset, args: () => [{ nSamples: 6, duration: 10, sampleRate: 40, randomState: 1 }], slots: slots(1, { arg: 0, keys: ['nSamples', 'imbalance', 'classCounts', 'shuffle', 'duration', 'sampleRate', 'snr'] }) },
  { name: 'waveformFeatures', fn: S.waveformFeatures, args: () => [sig(), { sampleRate: fs }], slots: slots(2, { arg: 1, keys: ['sampleRate', 'domains', 'nfft', 'crossingThreshold', 'silenceThreshold'] }) },
  { name: 'waveformFeatureVector', fn: S.waveformFeatureVector, args: () => [sig(), { sampleRate: fs }], slots: slots(2, { arg: 1, keys: ['sampleRate', 'nfft'] }) },
  { name: 'waveformFeatureMatrix', fn: S.waveformFeatureMatrix, args: () => [[sig(), sig()], { sampleRate: fs }], slots: slots(2, { arg: 1, keys: ['sampleRate', 'domains'] }) },
  { name: 'waveformFeatureInfo', fn: S.waveformFeatureInfo, args: () => [['temporal']], slots: slots(1) },
  { name: 'readMiniSeed', fn: S.readMiniSeed, args: () => [miniSeedRecord({ encoding: 3, nSamples: 4, wordOrder: 1, data: new Uint8Array([0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4]) })], slots: slots(1) },
  { name: 'readSac', fn: S.readSac, args: () => [sacFile({ littleEndian: true, delta: 0.01, data: [1, 2, 3] })], slots: slots(1) },
];

describe('seismic: hostile arguments', () => {
  it('every exported function gives a typed error or a NaN-free result, and never hangs', () => {
    // ±∞ counts as a failure here too: every seismic result must be finite.
    const r = probe(CASES, undefined, true);
    expect(r.total).toBeGreaterThan(2000);
    expectNoFailures('seismic', r);
  }, 120_000);

  it('size guards: too-large with the size it would need, before allocating', () => {
    const tooLarge = (f: () => unknown, arg: string) => expectTooLarge(f, arg, /would need .* above the limit/);
    const x = sig();
    tooLarge(() => S.rfft(x, 1e10), 'nfft');
    tooLarge(() => S.rfft(x, 2 ** 23 + 1), 'nfft'); // Bluestein would need 2^25
    tooLarge(() => S.powerSpectrum(x, { sampleRate: 1, nfft: 2 ** 25 }), 'nfft');
    tooLarge(() => S.irfft(S.rfft(x), 1e9), 'n');
    tooLarge(() => S.rfftFrequencies(1e12, 1), 'nfft');
    tooLarge(() => S.seismicNoise(1e9, { sampleRate: 100 }), 'n');
    tooLarge(() => S.syntheticSeismogram({ duration: 1e7 }), 'duration');
    tooLarge(() => S.syntheticSeismogram({ duration: 3600, frequency: 1e-4, codaDecay: 1e6 }), 'frequency');
    tooLarge(() => S.minMaxDecimate(x, 0, 100, 1e9), 'columns');
    tooLarge(() => S.volcanicEvent('TR', { duration: 1e9 }), 'duration');
    tooLarge(() => S.makeVolcanicDataset({ nSamples: 1e9 }), 'nSamples');
    tooLarge(() => S.spectrogram(new Float64Array(100_000), { sampleRate: 1, windowLength: 2, hop: 1, nfft: 2 ** 20 }), 'hop');
    expect(S.MAX_FFT_LENGTH).toBe(2 ** 24);
  });

  it('signal functions: null and missing arguments are ValidationErrors; one sample gives a defined result or a ValidationError', () => {
    const v = (f: () => unknown) => expect(f).toThrow(ValidationError);
    v(() => S.fft(null as never));
    v(() => S.ifft(undefined as never));
    v(() => S.irfft(null as never));
    v(() => S.irfft({ re: [1, 2], im: null } as never));
    v(() => S.butterworth(undefined as never));
    v(() => S.butterworth({} as never));
    v(() => S.bandpass([1, 2, 3], null as never));
    // One sample: the Hann window of length 1 is [0] → a ValidationError, never NaN…
    v(() => S.powerSpectrum([5], { sampleRate: 10 }));
    v(() => S.spectrogram([5], { sampleRate: 10 }));
    // …and with a rectangular window a defined spectrum.
    const p = S.powerSpectrum([5], { sampleRate: 10, window: 'rectangular' });
    expect(Array.from(p.power)).toEqual([0]);
    const sg = S.spectrogram([5, 6], { sampleRate: 10, window: 'rectangular', windowLength: 1 });
    expect(Array.from(sg.power.data).every(Number.isFinite)).toBe(true);
  });

  it('minMaxDecimate rejects NaN, strings and null samples, naming the sample', () => {
    for (const [bad, problem] of [
      [NaN, 'not-finite'],
      [Infinity, 'not-finite'],
      ['5', 'not-a-number'],
      [null, 'missing-value'],
    ] as const) {
      const t: unknown[] = [1, 2, 3, 4, 5, 6, 7, 8];
      t[5] = bad;
      try {
        S.minMaxDecimate(t as number[], 0, 8, 4);
        throw new Error('accepted');
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        expect((e as ValidationError).problem).toBe(problem);
        expect((e as Error).message).toMatch(/sample 5/);
      }
    }
    // Samples outside [start, end) are not drawn, so not checked.
    expect(Array.from(S.minMaxDecimate([1, 2, NaN], 0, 2, 2).max)).toEqual([1, 2]);
  });

  it('an unstable filter is a ValidationError, not ±∞', () => {
    expect(() => S.sosfilt([[1, 0, 0, 1, -2.5, 0]], new Array(2000).fill(1))).toThrow(/unstable/);
  });
});
