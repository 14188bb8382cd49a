/**
 * Trace preparation: merging pieces of a channel (gaps, overlaps), refusing mixed rates and
 * NaN, grouping three components, and fitting a model's window. Hand-built traces with
 * known gaps, plus the real COLA record cut into pieces.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkTraceFinite, fitWindow, groupComponents, mergeTraces, readMiniSeed, sliceTrace, windowStarts, type SeismicTrace } from '@geolearn/algorithms/seismic';
import { traceError } from './trace-helpers';

const T0 = Date.UTC(2020, 0, 1, 12, 0, 0);

function tr(channel: string, start: number | null, data: number[] | Float64Array, sampleRate = 10, station = 'GEOL'): SeismicTrace {
  return { network: 'XX', station, location: '00', channel, sampleRate, startTime: start, data: Float64Array.from(data) };
}
const ramp = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);


describe('mergeTraces', () => {
  it('joins contiguous pieces given in any order (within half a sample)', () => {
    const r = mergeTraces([tr('HHZ', T0 + 1000.04, ramp(10, 10)), tr('HHZ', T0, ramp(0, 10))]);
    expect(r.traces).toHaveLength(1);
    expect(Array.from(r.traces[0].data)).toEqual(ramp(0, 20));
    expect(r.traces[0].startTime).toBe(T0);
    expect(r.gaps).toEqual([]);
    expect(r.overlaps).toEqual([]);
    expect(r.notes).toEqual([]);
  });

  it('reports a gap of 5 samples and splits by default, or fills it with zeros', () => {
    // 10 samples at 10 Hz end at T0 + 1 s; the next piece starts 0.5 s later: 5 missing samples.
    const pieces = [tr('HHZ', T0, ramp(1, 10)), tr('HHZ', T0 + 1500, ramp(100, 4))];
    const split = mergeTraces(pieces);
    expect(split.gaps).toEqual([{ id: 'XX.GEOL.00.HHZ', start: T0 + 1000, end: T0 + 1500, samples: 5 }]);
    expect(split.traces.map((t) => [t.startTime, t.data.length])).toEqual([
      [T0, 10],
      [T0 + 1500, 4],
    ]);
    expect(split.notes[0]).toBe('XX.GEOL.00.HHZ: a gap of 0.5 s (5 samples) at 2020-01-01 12:00:01.000 UTC splits the channel into separate traces');
    const zeros = mergeTraces(pieces, { fill: 'zeros' });
    expect(zeros.traces).toHaveLength(1);
    expect(Array.from(zeros.traces[0].data)).toEqual([...ramp(1, 10), 0, 0, 0, 0, 0, 100, 101, 102, 103]);
    expect(zeros.notes[0]).toMatch(/filled with zeros/);
    const capped = mergeTraces(pieces, { fill: 'zeros', maxFillSeconds: 0.2 });
    expect(capped.traces).toHaveLength(2);
    expect(capped.notes[0]).toMatch(/longer than maxFillSeconds = 0.2 s/);
  });

  it('reports overlaps, identical (a record sent twice) or not, keeping the earlier samples', () => {
    const a = tr('HHZ', T0, ramp(0, 10));
    const dup = tr('HHZ', T0 + 700, ramp(7, 6)); // samples 7…12: 7, 8, 9 again, then 10, 11, 12
    const r = mergeTraces([a, dup]);
    expect(r.overlaps).toEqual([{ id: 'XX.GEOL.00.HHZ', start: T0 + 700, end: T0 + 1000, samples: 3, identical: true }]);
    expect(Array.from(r.traces[0].data)).toEqual(ramp(0, 13));
    expect(r.notes[0]).toMatch(/3 samples \(0.3 s\) .* recorded twice with the same values/);
    const differ = mergeTraces([a, tr('HHZ', T0 + 800, [-1, -1, 50])]);
    expect(differ.overlaps[0]).toMatchObject({ samples: 2, identical: false });
    expect(Array.from(differ.traces[0].data)).toEqual([...ramp(0, 10), 50]);
    // A piece wholly inside the first adds nothing.
    const inside = mergeTraces([a, tr('HHZ', T0 + 200, [2, 3])]);
    expect(Array.from(inside.traces[0].data)).toEqual(ramp(0, 10));
    expect(inside.overlaps[0]).toMatchObject({ samples: 2, identical: true });
  });

  it('keeps channels apart and refuses mixed rates within one channel', () => {
    const r = mergeTraces([tr('HHZ', T0, ramp(0, 5)), tr('HHN', T0, ramp(0, 5)), tr('HHZ', T0 + 500, ramp(5, 5))]);
    expect(r.traces.map((t) => [t.channel, t.data.length])).toEqual([
      ['HHZ', 10],
      ['HHN', 5],
    ]);
    const e = traceError(() => mergeTraces([tr('HHZ', T0, ramp(0, 5), 100), tr('HHZ', T0 + 50, ramp(0, 5), 50)]));
    expect(e.reason).toBe('mixed-sample-rates');
    expect(e.message).toMatch(/channel XX.GEOL.00.HHZ is recorded at 100 Hz and 50 Hz/);
    expect(traceError(() => mergeTraces([tr('HHZ', null, [1]), tr('HHZ', T0, [2])])).reason).toBe('no-start-time');
    expect(traceError(() => mergeTraces([{ channel: 'HHZ' } as unknown as SeismicTrace])).reason).toBe('bad-trace');
    expect(() => mergeTraces([], { fill: 'nearest' as 'zeros' })).toThrow(/fill/);
  });

  it('rebuilds the real COLA record cut into pieces, with a gap and a duplicated record', () => {
    const bytes = new Uint8Array(readFileSync(new URL('../fixtures/seismic/IU.COLA.00.LHZ.2010-02-27.mseed', import.meta.url)));
    const { traces, records } = readMiniSeed(bytes);
    const whole = traces[0];
    const piece = (i: number) => {
      const off = records.slice(0, i).reduce((s, r) => s + r.sampleCount, 0);
      return { ...whole, startTime: records[i].startTime, data: whole.data.slice(off, off + records[i].sampleCount) };
    };
    // Records 0–35, with record 10 missing and record 20 sent twice, shuffled.
    const pieces = records.map((_, i) => i).filter((i) => i !== 10).concat([20]).reverse().map(piece);
    const r = mergeTraces(pieces, { fill: 'zeros' });
    expect(r.gaps).toHaveLength(1);
    expect(r.gaps[0].samples).toBe(records[10].sampleCount);
    expect(r.overlaps).toHaveLength(1);
    expect(r.overlaps[0]).toMatchObject({ samples: records[20].sampleCount, identical: true });
    const d = r.traces[0].data;
    expect(d.length).toBe(4200);
    const off10 = records.slice(0, 10).reduce((s, x) => s + x.sampleCount, 0);
    d.forEach((v, i) => {
      if (i >= off10 && i < off10 + records[10].sampleCount) expect(v).toBe(0);
      else expect(v).toBe(whole.data[i]);
    });
  });
});

describe('checkTraceFinite', () => {
  it('names the trace, the count and the time of the first NaN', () => {
    const e = traceError(() => checkTraceFinite(tr('HHZ', T0, [1, 2, NaN, 4, Infinity])));
    expect(e.reason).toBe('not-finite');
    expect(e.message).toBe(
      'trace: XX.GEOL.00.HHZ has 2 samples that are not a number, the first at index 2 (2020-01-01 12:00:00.200 UTC) (NaN): the record is damaged or has missing data. Cut that part out, or fill it, before running a model: models never see NaN',
    );
    const ok = tr('HHZ', T0, [1, 2]);
    expect(checkTraceFinite(ok)).toBe(ok);
  });
});

describe('groupComponents', () => {
  it('groups Z/N/E and trims them to their common span on one grid', () => {
    const g = groupComponents([tr('HHE', T0 + 200, ramp(200, 10)), tr('HHZ', T0, ramp(0, 10)), tr('HHN', T0 + 100, ramp(100, 12)), tr('BHZ', T0, ramp(0, 3), 20)]);
    expect(g).toHaveLength(2);
    const hh = g.find((x) => x.id === 'XX.GEOL.00.HH')!;
    expect(hh.components).toEqual(['Z', 'N', 'E']);
    expect(hh.missing).toEqual([]);
    expect(hh.startTime).toBe(T0 + 200);
    expect(hh.data.map((d) => Array.from(d!))).toEqual([ramp(2, 8), ramp(101, 8), ramp(200, 8)]);
    expect(hh.notes.every((n) => /trimmed to the span all components share/.test(n))).toBe(true);
    const bh = g.find((x) => x.id === 'XX.GEOL.00.BH')!;
    expect(bh.missing).toEqual(['N', 'E']);
    expect(bh.data[1]).toBeNull();
    expect(bh.notes[0]).toBe('XX.GEOL.00.BH: only Z is in the file, N and E are missing: the views show it alone');
  });

  it('recognises Z/1/2, and fills or refuses missing components on request', () => {
    const g = groupComponents([tr('HH1', T0, ramp(0, 4)), tr('HHZ', T0, ramp(0, 4))], { missing: 'zeros' });
    expect(g[0].components).toEqual(['Z', '1', '2']);
    expect(Array.from(g[0].data[2]!)).toEqual([0, 0, 0, 0]);
    expect(g[0].notes[0]).toMatch(/only Z and 1 are in the file, 2 is missing: filled with zeros, so a three-component model sees no horizontal motion/);
    const e = traceError(() => groupComponents([tr('LHZ', T0, [1, 2])], { missing: 'refuse' }));
    expect(e.reason).toBe('components');
    expect(e.message).toMatch(/only Z is in the file, N and E are missing; a three-component model needs all three/);
  });

  it('refuses mixed conventions, mixed rates, unmerged pieces and components that never overlap', () => {
    expect(traceError(() => groupComponents([tr('HHZ', T0, [1]), tr('HHN', T0, [1]), tr('HH1', T0, [1])])).message).toMatch(/not one set of Z\/N\/E or Z\/1\/2/);
    expect(traceError(() => groupComponents([tr('HHZ', T0, [1, 2]), tr('HHN', T0, [1, 2], 20)])).reason).toBe('mixed-sample-rates');
    expect(traceError(() => groupComponents([tr('HHZ', T0, [1, 2]), tr('HHZ', T0 + 1000, [1, 2])])).message).toMatch(/comes in 2 pieces.*mergeTraces/);
    expect(traceError(() => groupComponents([tr('HHZ', T0, [1, 2]), tr('HHN', T0 + 5000, [1, 2])])).message).toMatch(/do not overlap in time/);
  });
});

describe('sliceTrace', () => {
  it('keeps the samples in [start, end], both ends included, and moves the start time', () => {
    const t = tr('HHZ', T0, ramp(0, 20)); // 10 Hz: sample k at T0 + 100k ms
    const s = sliceTrace(t, T0 + 250, T0 + 700)!;
    expect(s.startTime).toBe(T0 + 300);
    expect(Array.from(s.data)).toEqual([3, 4, 5, 6, 7]);
    expect(Array.from(sliceTrace(t, T0 + 300, T0 + 300)!.data)).toEqual([3]);
    expect(sliceTrace(t, T0 - 5000, T0 + 5000)).toBe(t);
    expect(sliceTrace(t, T0 + 5000, T0 + 6000)).toBeNull();
    expect(sliceTrace(t, T0 + 310, T0 + 390)).toBeNull();
    expect(traceError(() => sliceTrace(tr('HHZ', null, [1]), 0, 1)).reason).toBe('no-start-time');
    expect(() => sliceTrace(t, T0 + 10, T0)).toThrow(/end: must not be before start/);
  });
});

describe('fitWindow and windowStarts', () => {
  it('slices a long signal, and refuses or pads a short one', () => {
    expect(fitWindow(ramp(0, 10), { length: 4, offset: 3 })).toEqual({ data: Float64Array.from([3, 4, 5, 6]), padded: 0 });
    const e = traceError(() => fitWindow(ramp(0, 5), { length: 3000 }));
    expect(e.reason).toBe('too-short');
    expect(e.message).toBe("signal: has 5 samples, but the window needs 3000; load a longer record, or pad it (short: 'pad')");
    expect(fitWindow([1, 2, 3], { length: 6, short: 'pad' })).toEqual({ data: Float64Array.from([1, 2, 3, 0, 0, 0]), padded: 3 });
    expect(Array.from(fitWindow([1, 2, 3], { length: 7, short: 'pad', align: 'center', padValue: -1 }).data)).toEqual([-1, -1, 1, 2, 3, -1, -1]);
    expect(traceError(() => fitWindow([1, NaN, 3], { length: 2 })).reason).toBe('not-finite');
    expect(() => fitWindow([1], { length: 0 })).toThrow(/length/);
  });

  it('covers a signal with sliding windows, the last one moved back to the end', () => {
    expect(windowStarts(10, 4, 3)).toEqual([0, 3, 6]);
    expect(windowStarts(11, 4, 3)).toEqual([0, 3, 6, 7]);
    expect(windowStarts(3, 4, 1)).toEqual([]);
    expect(windowStarts(360000, 3000, 1500)).toHaveLength(239);
    expect(() => windowStarts(10, 4, 0)).toThrow(/step/);
  });
});
