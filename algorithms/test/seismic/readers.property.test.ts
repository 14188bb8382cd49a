/**
 * Property tests of the waveform readers on damaged files (fast-check, seeded, bounded): valid
 * miniSEED and SAC files with flipped bytes, cut short, or replaced by random bytes must give
 * a FormatError or a trace of finite samples, fast (the loops are bounded) and with output
 * proportional to the input (a header announcing 2³¹ samples allocates nothing).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormatError, readMiniSeed, readSac } from '@geolearn/algorithms/seismic';
import { RandomState } from '../../src/core/random';
import { concat, miniSeedRecord, sacFile, steimFrames } from './formats';

const SEED = 20261206;
const RUNS = 200;

function ints(n: number, scale: number, seed: number): number[] {
  const r = new RandomState(seed);
  return Array.from({ length: n }, () => Math.round(r.normal(0, scale)) | 0);
}

function be32(values: number[], float = false): Uint8Array {
  const b = new Uint8Array(4 * values.length);
  const v = new DataView(b.buffer);
  values.forEach((x, i) => (float ? v.setFloat32(4 * i, x, false) : v.setInt32(4 * i, x, false)));
  return b;
}

/** Valid files of every encoding the reader supports, in both byte orders, single and multi-record. */
const MINISEED: Uint8Array[] = (() => {
  const a = ints(60, 100, 1);
  const b = ints(40, 5000, 2);
  const files = [
    miniSeedRecord({ encoding: 10, nSamples: a.length, data: steimFrames(a, 1, 7) }),
    miniSeedRecord({ encoding: 11, nSamples: b.length, data: steimFrames(b, 2, 7), littleEndian: true }),
    miniSeedRecord({ encoding: 3, nSamples: 20, data: be32(a.slice(0, 20)), microseconds: 12 }),
    miniSeedRecord({ encoding: 4, nSamples: 20, data: be32(a.slice(0, 20), true) }),
    miniSeedRecord({ encoding: 1, nSamples: 30, data: new Uint8Array(60).map((_, i) => i * 7), exponent: 8 }),
    miniSeedRecord({ encoding: 5, nSamples: 10, wordOrder: 0, data: new Uint8Array(new Float64Array(10).map((_, i) => i / 3).buffer) }),
  ];
  files.push(concat(files[0], miniSeedRecord({ encoding: 10, nSamples: 30, data: steimFrames(a.slice(0, 30), 1, 7), start: [2024, 60, 12, 34, 57, 7890], sequence: 2 })));
  return files;
})();

const SAC: Uint8Array[] = [
  sacFile({ littleEndian: true, delta: 0.01, data: [0, 1.5, -2.25, 3, 0.125], reference: [2023, 32, 1, 2, 3, 400], station: 'ANMO', channel: 'BHZ' }),
  sacFile({ littleEndian: false, delta: 0.05, b: -2, data: Array.from({ length: 50 }, (_, i) => Math.sin(i)) }),
];

/** A damaged copy of one of `files`: byte flips, a cut, random bytes, or a flipped-and-cut file. */
function damaged(files: Uint8Array[]): fc.Arbitrary<Uint8Array> {
  const pick = fc.integer({ min: 0, max: files.length - 1 });
  const flips = fc.tuple(pick, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 })).map(([k, edits]) => {
    const b = files[k].slice();
    for (const [at, v] of edits) b[at % b.length] = v;
    return b;
  });
  const bitFlips = fc.tuple(pick, fc.array(fc.nat(), { minLength: 1, maxLength: 8 })).map(([k, bits]) => {
    const b = files[k].slice();
    for (const bit of bits) b[(bit >> 3) % b.length] ^= 1 << (bit & 7);
    return b;
  });
  const cut = fc.tuple(pick, fc.nat()).map(([k, n]) => files[k].slice(0, n % (files[k].length + 1)));
  const random = fc.uint8Array({ minLength: 0, maxLength: 2048 });
  const both = fc.tuple(flips, fc.nat()).map(([b, n]) => b.slice(0, Math.max(1, n % (b.length + 1))));
  return fc.oneof(flips, bitFlips, cut, random, both);
}

/** Reads `bytes`; returns the number of samples read, or −1 for a FormatError; anything else fails. */
function readCount(read: (b: Uint8Array) => { data: Float64Array }[], bytes: Uint8Array): number {
  const t0 = performance.now();
  let n = -1;
  try {
    const traces = read(bytes);
    n = 0;
    for (const t of traces) {
      n += t.data.length;
      for (const v of t.data) if (!Number.isFinite(v)) throw new Error(`a non-finite sample ${v} was returned`);
    }
    // Steim-2 packs at most seven differences in 4 bytes: output stays proportional to input.
    if (n > 2 * bytes.length) throw new Error(`${n} samples from ${bytes.length} bytes`);
  } catch (e) {
    if (!(e instanceof FormatError)) throw e;
    n = -1;
  }
  const ms = performance.now() - t0;
  if (ms > 250) throw new Error(`reading ${bytes.length} bytes took ${ms} ms`);
  return n;
}

const readMs = (b: Uint8Array) => readMiniSeed(b).traces;
const readS = (b: Uint8Array) => [readSac(b)];

describe('waveform readers on damaged files (property tests)', () => {
  it('the undamaged files read', () => {
    for (const f of MINISEED) expect(readCount(readMs, f)).toBeGreaterThan(0);
    for (const f of SAC) expect(readCount(readS, f)).toBeGreaterThan(0);
  });

  it('miniSEED: only FormatError or finite samples, fast, output proportional to input', () => {
    let errors = 0;
    let reads = 0;
    fc.assert(
      fc.property(damaged(MINISEED), (bytes) => {
        if (readCount(readMs, bytes) < 0) errors++;
        else reads++;
      }),
      { seed: SEED, numRuns: RUNS },
    );
    console.log(`[readers] miniSEED: ${RUNS} damaged files → ${errors} FormatError, ${reads} read`);
    expect(errors + reads).toBe(RUNS);
  });

  it('SAC: only FormatError or finite samples, fast, output proportional to input', () => {
    let errors = 0;
    let reads = 0;
    fc.assert(
      fc.property(damaged(SAC), (bytes) => {
        if (readCount(readS, bytes) < 0) errors++;
        else reads++;
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
    console.log(`[readers] SAC: ${RUNS} damaged files → ${errors} FormatError, ${reads} read`);
    expect(errors + reads).toBe(RUNS);
  });

  it('headers that announce huge sizes allocate nothing', () => {
    const before = process.memoryUsage().arrayBuffers;
    // SAC: npts = 2³¹ − 1 in a 652-byte file.
    const sac = SAC[0].slice();
    new DataView(sac.buffer).setInt32(4 * 79, 2 ** 31 - 1, true);
    expect(() => readSac(sac)).toThrow(FormatError);
    // miniSEED: 65,535 samples announced in a 512-byte record, for every encoding.
    for (const f of MINISEED.slice(0, 6)) {
      const m = f.slice();
      const le = m[20] !== 0x07 || m[21] !== 0xe8 ? true : false; // year 2024 big-endian is 07 e8
      new DataView(m.buffer).setUint16(30, 65535, le);
      expect(() => readMiniSeed(m)).toThrow(FormatError);
      // …and a record length of 2²⁰ bytes in a 512-byte file.
      const r = f.slice();
      r[54] = 20;
      expect(() => readMiniSeed(r)).toThrow(FormatError);
    }
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * 2 ** 20);
  });

  it('a NaN sample is a FormatError, not a silent NaN', () => {
    const f = miniSeedRecord({ encoding: 4, nSamples: 3, data: be32([1, NaN, 2], true) });
    expect(() => readMiniSeed(f)).toThrow(/sample 1 .* not a finite number/);
    const s = sacFile({ littleEndian: true, delta: 0.01, data: [1, NaN, 2] });
    expect(() => readSac(s)).toThrow(/sample 1 is NaN/);
  });
});
