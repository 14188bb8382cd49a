/**
 * The trace-preparation and resampling exports of `@geolearn/algorithms/seismic` with hostile
 * arguments, one slot at a time (the same probe as bad-args.test.ts): only a typed error
 * (ValidationError, TraceError, FormatError) or a NaN-free result, and no hang. Plus the
 * FDSN client's synchronous argument checks, which reject before any request.
 */
import { describe, expect, it } from 'vitest';
import * as S from '@geolearn/algorithms/seismic';
import { ValidationError } from '../../src/core/errors';
import { BAD_VALUES, expectNoFailures, probe, slots, type ProbeCase } from './probe';

const T0 = Date.UTC(2020, 0, 1);
const sig = () => Array.from({ length: 256 }, (_, i) => Math.sin(i / 5) + 0.1 * Math.cos(i * 1.7));
const trace = (channel = 'HHZ', start = T0) => ({ network: 'XX', station: 'GEOL', location: '00', channel, sampleRate: 100, startTime: start, data: Float64Array.from(sig()) });
const traceKeys = ['network', 'station', 'location', 'channel', 'sampleRate', 'startTime', 'data'];

const CASES: ProbeCase[] = [
  { name: 'resample', fn: S.resample, args: () => [sig(), { sampleRate: 100, targetRate: 40 }], slots: slots(2, { arg: 1, keys: ['sampleRate', 'targetRate', 'method', 'antiAlias', 'cornerFraction', 'filterOrder'] }) },
  { name: 'resampleTrace', fn: S.resampleTrace, args: () => [trace(), 40, { method: 'linear' }], slots: slots(3, { arg: 0, keys: traceKeys }) },
  { name: 'resampledLength', fn: S.resampledLength, args: () => [256, 100, 40], slots: slots(3) },
  { name: 'mergeTraces', fn: S.mergeTraces, args: () => [[trace(), trace('HHZ', T0 + 3000)], { fill: 'zeros' }], slots: slots(2, { arg: 1, keys: ['fill', 'maxFillSeconds', 'rateTolerance'] }) },
  { name: 'mergeTraces (a trace)', fn: (t: unknown) => S.mergeTraces([trace(), t as S.SeismicTrace]), args: () => [trace('HHZ', T0 + 3000)], slots: slots(0, { arg: 0, keys: traceKeys }) },
  { name: 'groupComponents', fn: S.groupComponents, args: () => [[trace('HHZ'), trace('HHN'), trace('HHE')], { missing: 'zeros' }], slots: slots(2, { arg: 1, keys: ['missing'] }) },
  { name: 'groupComponents (a trace)', fn: (t: unknown) => S.groupComponents([trace('HHZ'), t as S.SeismicTrace]), args: () => [trace('HHN')], slots: slots(0, { arg: 0, keys: traceKeys }) },
  { name: 'checkTraceFinite', fn: S.checkTraceFinite, args: () => [trace()], slots: slots(1, { arg: 0, keys: traceKeys }) },
  { name: 'traceId', fn: S.traceId, args: () => [trace()], slots: slots(1) },
  { name: 'fitWindow', fn: S.fitWindow, args: () => [sig(), { length: 300, short: 'pad' }], slots: slots(2, { arg: 1, keys: ['length', 'short', 'align', 'padValue', 'offset'] }) },
  { name: 'windowStarts', fn: S.windowStarts, args: () => [1000, 300, 100], slots: slots(3) },
  { name: 'sliceTrace', fn: S.sliceTrace, args: () => [trace(), T0 + 100, T0 + 1000], slots: slots(3, { arg: 0, keys: traceKeys }) },
  {
    name: 'prepareStreams',
    fn: S.prepareStreams,
    args: () => [[trace('HHZ'), trace('HHN'), trace('HHE', T0 + 10)], { sampleRate: 40, minLength: 50, bandpass: { freqmin: 1, freqmax: 10 } }],
    slots: slots(2, { arg: 1, keys: ['sampleRate', 'minLength', 'short', 'gaps', 'maxFillSeconds', 'missing', 'bandpass'] }),
  },
  { name: 'prepareStreams (a trace)', fn: (t: unknown) => S.prepareStreams([trace('HHZ'), t as S.SeismicTrace], { minLength: 10 }), args: () => [trace('HHN')], slots: slots(0, { arg: 0, keys: traceKeys }) },
  { name: 'parseFdsnTime', fn: S.parseFdsnTime, args: () => ['2010-02-27T06:50:00Z', 'start'], slots: slots(1) },
];

describe('trace preparation: hostile arguments', () => {
  it('every new export gives a typed error or a NaN-free result, and never hangs', () => {
    const r = probe(CASES, undefined, true);
    expect(r.total).toBeGreaterThan(800);
    expectNoFailures('seismic trace preparation', r);
  }, 120_000);

  it('fetchDataselect rejects every hostile option with a typed error: a ValidationError before fetching, or an FdsnError', async () => {
    let calls = 0;
    const fetch: S.FetchLike = async () => {
      calls++;
      throw new TypeError('fetch failed');
    };
    const base = { baseUrl: 'http://127.0.0.1:1', network: 'IU', station: 'COLA', location: '00', channel: 'LHZ', start: '2010-02-27T06:50:00', end: '2010-02-27T07:00:00', fetch };
    const tally = { validation: 0, fdsn: 0 };
    for (const key of ['baseUrl', 'network', 'station', 'location', 'channel', 'start', 'end', 'trim', 'maxWindowSeconds', 'timeoutMs', 'maxBytes', 'signal']) {
      for (const bad of BAD_VALUES) {
        const before = calls;
        let err: unknown = null;
        try {
          await S.fetchDataselect({ ...base, [key]: bad } as never);
        } catch (e) {
          err = e;
        }
        expect(err instanceof ValidationError || err instanceof S.FdsnError, `${key} = ${String(bad)}: ${String(err)}`).toBe(true);
        // A ValidationError is thrown before any request.
        if (err instanceof ValidationError) {
          tally.validation++;
          expect(calls).toBe(before);
        } else tally.fdsn++;
      }
    }
    console.log(`[bad-args] fetchDataselect: ${JSON.stringify(tally)}`);
    expect(tally.validation).toBeGreaterThan(180);
  });
});
