/**
 * Real bytes for the trace-input tests: the shipped IU.COLA.00.LHZ miniSEED record (36
 * Steim-2 records of 512 bytes, 4,200 samples at 1 Hz; attribution in
 * packages/ui/assets/data/README.md), cut, repeated, renamed or damaged record by record,
 * and small SAC files written from the SAC header layout (70 float32 words, 40 int32 words,
 * 192 bytes of strings, then float32 samples).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The COLA file's bytes (a fresh copy each call). */
export function colaBytes(): Uint8Array {
  return new Uint8Array(readFileSync(path.join(__dirname, '../assets/data/IU.COLA.00.LHZ.2010-02-27.mseed')));
}

export const RECORD = 512;

/** The COLA file's records, each a copy. */
export function colaRecords(): Uint8Array[] {
  const b = colaBytes();
  const out: Uint8Array[] = [];
  for (let o = 0; o < b.length; o += RECORD) out.push(b.slice(o, o + RECORD));
  return out;
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** A record with its channel code (bytes 15–17 of the fixed header) replaced. */
export function withChannel(record: Uint8Array, channel: string): Uint8Array {
  const r = record.slice();
  for (let i = 0; i < 3; i++) r[15 + i] = channel.charCodeAt(i);
  return r;
}

/** A record with its sample-rate factor (int16, bytes 32–33, big-endian in this file) replaced; multiplier left at 1. */
export function withRate(record: Uint8Array, factor: number): Uint8Array {
  const r = record.slice();
  const v = new DataView(r.buffer);
  v.setInt16(32, factor, false);
  v.setInt16(34, 1, false);
  return r;
}

/** A little-endian SAC file of evenly spaced samples (station, channel, network codes; reference time 2010-058 06:50:00). */
export function sacBytes(samples: readonly number[], delta = 0.01, codes: { station?: string; channel?: string; network?: string } = {}): Uint8Array {
  const b = new Uint8Array(632 + 4 * samples.length);
  const v = new DataView(b.buffer);
  for (let w = 0; w < 70; w++) v.setFloat32(4 * w, -12345, true);
  for (let w = 70; w < 110; w++) v.setInt32(4 * w, -12345, true);
  const text = (offset: number, s: string) => {
    for (let i = 0; i < 8; i++) b[offset + i] = i < s.length ? s.charCodeAt(i) : 32;
  };
  for (let o = 440; o < 632; o += 8) text(o, '-12345');
  text(448, '');
  text(456, '');
  v.setFloat32(0, delta, true); // delta
  v.setFloat32(20, 0, true); // b
  [2010, 58, 6, 50, 0, 0].forEach((x, i) => v.setInt32(4 * (70 + i), x, true)); // nzyear … nzmsec
  v.setInt32(4 * 76, 6, true); // nvhdr
  v.setInt32(4 * 79, samples.length, true); // npts
  v.setInt32(4 * 85, 1, true); // iftype ITIME
  v.setInt32(4 * 105, 1, true); // leven
  text(440, codes.station ?? 'GEOL');
  text(600, codes.channel ?? 'HHZ');
  text(608, codes.network ?? 'XX');
  text(464, '00');
  samples.forEach((x, i) => v.setFloat32(632 + 4 * i, x, true));
  return b;
}

/** A test signal: a 2 Hz sine with a little 7 Hz. */
export function sine(n: number, fs = 100): number[] {
  return Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * 2 * i) / fs) + 0.2 * Math.sin((2 * Math.PI * 7 * i) / fs));
}
