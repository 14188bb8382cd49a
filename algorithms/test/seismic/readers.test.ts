import { describe, expect, it } from 'vitest';
import { FormatError, readMiniSeed, readSac } from '@geolearn/algorithms/seismic';
import { RandomState } from '../../src';
import { concat, miniSeedRecord, sacFile, steimFrames } from './formats';

/** Runs f and returns the FormatError it throws (fails if it throws nothing or something else). */
function formatError(f: () => unknown): FormatError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    return e as FormatError;
  }
  throw new Error('expected a FormatError');
}

describe('readMiniSeed', () => {
  it('decodes a Steim-1 frame written word by word', () => {
    // Samples 10, 12, 9, 9, 300, 100000, 100001 (previous sample 10, so d₀ = 0).
    // Differences: 0, 2, −3, 0 | 291 | 99700 | 1 (+ a zero pad).
    const frame = new Uint8Array(64);
    const v = new DataView(frame.buffer);
    // Control word: w3 = 01 (four 8-bit), w4 = 11 (one 32-bit), w5 = 11, w6 = 10 (two 16-bit).
    v.setUint32(0, (1 << 24) | (3 << 22) | (3 << 20) | (2 << 18), false);
    v.setInt32(4, 10, false); // X₀, the first sample
    v.setInt32(8, 100001, false); // Xₙ, the last sample
    frame.set([0x00, 0x02, 0xfd, 0x00], 12); // 0, 2, −3, 0
    v.setInt32(16, 291, false);
    v.setInt32(20, 99700, false);
    v.setInt16(24, 1, false);
    v.setInt16(26, 0, false);
    const file = miniSeedRecord({ encoding: 10, nSamples: 7, data: frame });
    const { traces, records } = readMiniSeed(file);
    expect(records).toHaveLength(1);
    expect(traces).toHaveLength(1);
    expect(Array.from(traces[0].data)).toEqual([10, 12, 9, 9, 300, 100000, 100001]);
    expect(traces[0]).toMatchObject({ network: 'XX', station: 'GEOL', location: '00', channel: 'HHZ', sampleRate: 100 });
  });

  it('decodes Steim-2 words of every width (4, 5, 6, 8, 10, 15 and 30 bits)', () => {
    // Differences chosen so that the encoder must use each packing at least once.
    const d = [0, 1, -2, 3, -4, 5, -6, 7, 15, -16, 12, -9, 14, 11, 31, -32, 20, -20, 30, 127, -128, 100, -100, 511, -512, 300, 16383, -16384, 536870911, -536870912, 1];
    const x: number[] = [];
    d.reduce((acc, di, i) => {
      const xi = i === 0 ? 1000 : acc + di;
      x.push(xi);
      return xi;
    }, 0);
    const file = miniSeedRecord({ encoding: 11, nSamples: x.length, data: steimFrames(x, 2, 7) });
    expect(Array.from(readMiniSeed(file).traces[0].data)).toEqual(x);
  });

  it('joins contiguous records per channel, splits at gaps, and reads the start time', () => {
    const rng = new RandomState(3);
    const make = (n: number, scale: number) => Array.from({ length: n }, () => Math.round(rng.normal(0, scale)) | 0);
    const z1 = make(100, 50);
    const z2 = make(80, 5000);
    const n1 = make(60, 1e6);
    // Z: two contiguous records (100 samples at 100 Hz = 1 s later), N: one, then Z after a gap.
    const z3 = make(10, 3);
    const file = concat(
      miniSeedRecord({ sequence: 1, channel: 'HHZ', encoding: 11, nSamples: 100, data: steimFrames(z1, 2, 7), start: [2024, 60, 12, 34, 56, 0], microseconds: 5 }),
      miniSeedRecord({ sequence: 2, channel: 'HHN', encoding: 10, nSamples: 60, data: steimFrames(n1, 1, 7), start: [2024, 60, 12, 34, 56, 0] }),
      miniSeedRecord({ sequence: 3, channel: 'HHZ', encoding: 11, nSamples: 80, data: steimFrames(z2, 2, 7, z1[99]), start: [2024, 60, 12, 34, 57, 0] }),
      miniSeedRecord({ sequence: 4, channel: 'HHZ', encoding: 11, nSamples: 10, data: steimFrames(z3, 2, 7), start: [2024, 60, 12, 35, 30, 0] }),
    );
    const { traces, records } = readMiniSeed(file);
    expect(records.map((r) => r.sequenceNumber)).toEqual([1, 2, 3, 4]);
    expect(traces.map((t) => t.channel)).toEqual(['HHZ', 'HHN', 'HHZ']);
    expect(Array.from(traces[0].data)).toEqual([...z1, ...z2]);
    expect(Array.from(traces[1].data)).toEqual(n1);
    expect(Array.from(traces[2].data)).toEqual(z3);
    // Day 60 of 2024 (a leap year) is 29 February; blockette 1001 adds 5 µs.
    expect(traces[0].startTime).toBeCloseTo(Date.UTC(2024, 1, 29, 12, 34, 56) + 0.005, 6);
    expect(traces[2].startTime).toBe(Date.UTC(2024, 1, 29, 12, 35, 30));
  });

  it('reads uncompressed int16, int32, float32 and float64 in either byte order', () => {
    const values = [1, -2, 300, -32768, 32767];
    const cases: [number, number, (v: DataView, i: number, x: number, le: boolean) => void][] = [
      [1, 2, (v, i, x, le) => v.setInt16(2 * i, x, le)],
      [3, 4, (v, i, x, le) => v.setInt32(4 * i, x * 1000, le)],
      [4, 4, (v, i, x, le) => v.setFloat32(4 * i, x / 4, le)],
      [5, 8, (v, i, x, le) => v.setFloat64(8 * i, x / 3, le)],
    ];
    for (const [encoding, size, put] of cases) {
      for (const le of [false, true]) {
        const data = new Uint8Array(values.length * size);
        const dv = new DataView(data.buffer);
        values.forEach((x, i) => put(dv, i, x, le));
        const file = miniSeedRecord({ encoding, nSamples: values.length, data, littleEndian: le, wordOrder: le ? 0 : 1 });
        const got = Array.from(readMiniSeed(file).traces[0].data);
        const want = values.map((x) => (encoding === 3 ? x * 1000 : encoding === 4 ? x / 4 : encoding === 5 ? x / 3 : x));
        got.forEach((g, i) => expect(g).toBeCloseTo(want[i], 10));
        expect(readMiniSeed(file).records[0].bigEndian).toBe(!le);
      }
    }
  });

  it('computes the sampling rate from the factor and multiplier (SEED manual, field 10)', () => {
    const rate = (factor: number, multiplier: number) =>
      readMiniSeed(miniSeedRecord({ encoding: 1, nSamples: 1, data: new Uint8Array(2), rate: [factor, multiplier] })).records[0].sampleRate;
    expect(rate(20, 1)).toBe(20); // F·M
    expect(rate(1, -10)).toBe(0.1); // −F/M
    expect(rate(-10, 1)).toBe(0.1); // −M/F
    expect(rate(-10, -10)).toBe(0.01); // 1/(F·M)
  });

  it('rejects a truncated file, a corrupt header, a failed Steim check and an unsupported encoding', () => {
    const good = miniSeedRecord({ encoding: 11, nSamples: 20, data: steimFrames(Array.from({ length: 20 }, (_, i) => i * i), 2, 7) });
    // Truncated: the record announces 512 bytes, the file stops at 300.
    const cut = formatError(() => readMiniSeed(good.slice(0, 300)));
    expect(cut.problem).toBe('truncated');
    expect(cut.format).toBe('miniseed');
    expect(formatError(() => readMiniSeed(good.slice(0, 30))).problem).toBe('truncated');
    expect(formatError(() => readMiniSeed(new Uint8Array(0))).problem).toBe('truncated');
    // A second record cut short after a good one.
    expect(formatError(() => readMiniSeed(concat(good, good.slice(0, 100)))).problem).toBe('truncated');
    // Corrupt: the quality indicator is not D/R/Q/M.
    const bad = good.slice();
    bad[6] = 'X'.charCodeAt(0);
    expect(formatError(() => readMiniSeed(bad)).problem).toBe('corrupt');
    // Corrupt: a flipped bit in the compressed data breaks the integration check (Xₙ).
    const flipped = good.slice();
    flipped[64 + 12] ^= 0x01;
    const e = formatError(() => readMiniSeed(flipped));
    expect(e.problem).toBe('corrupt');
    expect(e.message).toMatch(/integration/);
    // Corrupt: random bytes.
    const noise = new Uint8Array(512).map((_, i) => (i * 97 + 13) % 251);
    expect(formatError(() => readMiniSeed(noise)).problem).toBe('corrupt');
    // Unsupported: encoding 2 (24-bit integers).
    expect(formatError(() => readMiniSeed(miniSeedRecord({ encoding: 2, nSamples: 1, data: new Uint8Array(3) }))).problem).toBe('unsupported');
  });
});

describe('readSac', () => {
  const data = [0, 1.5, -2.25, 3, 0.125];
  const spec = { delta: 0.01, b: -5, data, reference: [2023, 32, 1, 2, 3, 400] as [number, number, number, number, number, number], station: 'ANMO', channel: 'BHZ', network: 'IU', stla: 34.95 };

  it('reads the same file in little- and big-endian byte order', () => {
    for (const littleEndian of [true, false]) {
      const f = readSac(sacFile({ ...spec, littleEndian }));
      expect(f.littleEndian).toBe(littleEndian);
      expect(Array.from(f.data)).toEqual(data);
      expect(f.header.delta).toBeCloseTo(0.01, 8);
      expect(f.header.b).toBe(-5);
      expect(f.header.npts).toBe(5);
      expect(f.header.nvhdr).toBe(6);
      expect(f.header.kstnm).toBe('ANMO');
      expect(f.header.kcmpnm).toBe('BHZ');
      expect(f.header.stla).toBeCloseTo(34.95, 4);
      expect(f.header.evla).toBeUndefined(); // −12345: undefined
      expect(f.header.kevnm).toBeUndefined();
      expect(f.trace).toMatchObject({ network: 'IU', station: 'ANMO', location: '', channel: 'BHZ', sampleRate: 100 });
      // Reference 2023, day 32 (1 February) 01:02:03.400, plus b = −5 s.
      expect(f.trace.startTime).toBe(Date.UTC(2023, 1, 1, 1, 2, 3, 400) - 5000);
    }
  });

  it('rejects truncated, corrupt and unsupported files with a FormatError', () => {
    const file = sacFile({ ...spec, littleEndian: true });
    expect(formatError(() => readSac(file.slice(0, file.length - 2))).problem).toBe('truncated');
    expect(formatError(() => readSac(file.slice(0, 100))).problem).toBe('truncated');
    expect(formatError(() => readSac(sacFile({ ...spec, littleEndian: true, npts: 50 }))).problem).toBe('truncated');
    const e = formatError(() => readSac(sacFile({ ...spec, littleEndian: false, nvhdr: 3 })));
    expect(e.problem).toBe('corrupt');
    expect(e.format).toBe('sac');
    expect(formatError(() => readSac(sacFile({ ...spec, littleEndian: true, delta: 0 }))).problem).toBe('corrupt');
    expect(formatError(() => readSac(sacFile({ ...spec, littleEndian: true, iftype: 2 }))).problem).toBe('unsupported');
  });
});
