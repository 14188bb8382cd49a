import { describe, expect, it } from 'vitest';
import {
  detectionOnsetSnr,
  DETECTION_AZIMUTH_SPREAD,
  DETECTION_RINGS,
  DETECTION_SECTOR_DEGREES,
  NEW_REGION,
  bestThreshold,
  detectionCell,
  detectionIntervals,
  makeDetectionDataset,
  makeDetectionStream,
  matchDetections,
  scoreDetections,
  staLtaCharacteristic,
  staLtaWindowScores,
  standardiseWindows,
  streamWindows,
  thresholdForPrecision,
} from '@geolearn/algorithms/seismic';
import { expectValidationError } from './helpers';

describe('makeDetectionDataset', () => {
  it('is deterministic, with the documented shapes and labels', () => {
    const a = makeDetectionDataset({ nSamples: 12, randomState: 5 });
    const b = makeDetectionDataset({ nSamples: 12, randomState: 5 });
    const c = makeDetectionDataset({ nSamples: 12, randomState: 6 });
    expect(a.train.n + a.test.n).toBe(12);
    expect(a.test.n).toBe(Math.round(12 * 0.2));
    expect(a.train.x).toHaveLength(a.train.n * 1000 * 3);
    expect(a.train.length).toBe(1000);
    expect(Array.from(a.train.x)).toEqual(Array.from(b.train.x));
    expect(Array.from(a.train.x.subarray(0, 3000))).not.toEqual(Array.from(c.train.x.subarray(0, 3000)));
    for (const s of [a.train, a.test]) {
      for (let i = 0; i < s.n; i++) {
        expect(s.y[i]).toBeGreaterThanOrEqual(0);
        expect(s.y[i]).toBeLessThan(7);
        if (s.y[i] === 0) {
          expect(s.snrDb[i]).toBe(-Infinity);
          expect(s.events[i]).toBeNull();
        } else {
          expect(s.snrDb[i]).toBeGreaterThanOrEqual(-5);
          expect(s.snrDb[i]).toBeLessThanOrEqual(20);
          expect(s.events[i]?.cell).toBe(s.y[i]);
          expect(detectionCell(s.events[i]!.distance, s.events[i]!.backAzimuth)).toBe(s.y[i]);
        }
      }
    }
    expect(a.train.x.every(Number.isFinite)).toBe(true);
  });

  it('keeps the held-out windows fixed by the seed, whatever nSamples', () => {
    const small = makeDetectionDataset({ nSamples: 8, testFraction: 0.5, randomState: 3 });
    const big = makeDetectionDataset({ nSamples: 40, testFraction: 0.5, randomState: 3, split: 'test' });
    expect(big.train.n).toBe(0);
    expect(Array.from(big.test.x.subarray(0, 4 * 3000))).toEqual(Array.from(small.test.x));
    expect(Array.from(big.test.y.subarray(0, 4))).toEqual(Array.from(small.test.y));
    // The two parts come from different streams.
    expect(Array.from(small.train.x.subarray(0, 3000))).not.toEqual(Array.from(small.test.x.subarray(0, 3000)));
  });

  it('puts far events (cells 4–6) at longer S−P than near ones (cells 1–3)', () => {
    const { train } = makeDetectionDataset({ nSamples: 60, testFraction: 0, noiseFraction: 0, randomState: 11 });
    let nearMax = 0;
    let farMin = Infinity;
    for (const e of train.events) {
      const sp = e!.sArrival - e!.pArrival;
      // S − P = r (1/vs − 1/vp), r = √(Δ² + h²).
      expect(sp).toBeCloseTo(Math.hypot(e!.distance, e!.depth) * (1 / 3.5 - 1 / 6), 10);
      if (e!.cell <= 3) nearMax = Math.max(nearMax, sp);
      else farMin = Math.min(farMin, sp);
      expect(e!.pArrival).toBeGreaterThanOrEqual(0.5);
      expect(e!.sArrival).toBeLessThanOrEqual(10);
    }
    expect(farMin).toBeGreaterThan(nearMax);
  });

  it("draws each cell's events from one source region: back-azimuths within ±20° of the sector's centre", () => {
    const { train } = makeDetectionDataset({ nSamples: 120, testFraction: 0, noiseFraction: 0, randomState: 9 });
    const seen = new Set<number>();
    for (const e of train.events) {
      const centre = (((e!.cell - 1) % 3) + 0.5) * DETECTION_SECTOR_DEGREES;
      expect(Math.abs(e!.backAzimuth - centre)).toBeLessThanOrEqual(DETECTION_AZIMUTH_SPREAD);
      const [d0, d1] = e!.cell <= 3 ? DETECTION_RINGS.near : DETECTION_RINGS.far;
      expect(e!.distance).toBeGreaterThanOrEqual(d0);
      expect(e!.distance).toBeLessThanOrEqual(d1);
      seen.add(e!.cell);
    }
    expect(seen.size).toBe(6);
    // 80° of quiet crust between neighbouring clusters; the rings are 13 km apart.
    expect(DETECTION_SECTOR_DEGREES - 2 * DETECTION_AZIMUTH_SPREAD).toBeGreaterThanOrEqual(60);
    expect(DETECTION_RINGS.far[0] - DETECTION_RINGS.near[1]).toBeGreaterThan(10);
  });

  it('carries the azimuth in the P polarisation: E·Z < 0 in sector 0–120°, N·Z > 0 in 120–240°', () => {
    // P moves the ground along the ray, away from the source: (N, E) ∝ −(cos β, sin β) when Z is up.
    const { train } = makeDetectionDataset({ nSamples: 40, testFraction: 0, noiseFraction: 0, snrRange: [40, 40], randomState: 2 });
    let checked = 0;
    for (let i = 0; i < train.n; i++) {
      const e = train.events[i]!;
      const i0 = Math.round(e.pArrival * 100);
      let zn = 0, ze = 0;
      for (let t = i0; t < i0 + 25; t++) {
        const z = train.x[(i * 1000 + t) * 3];
        zn += z * train.x[(i * 1000 + t) * 3 + 1];
        ze += z * train.x[(i * 1000 + t) * 3 + 2];
      }
      const b = (e.backAzimuth * Math.PI) / 180;
      if (Math.abs(Math.sin(b)) > 0.5) {
        expect(Math.sign(ze)).toBe(-Math.sign(Math.sin(b)));
        checked++;
      }
      if (Math.abs(Math.cos(b)) > 0.5) expect(Math.sign(zn)).toBe(-Math.sign(Math.cos(b)));
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('makes a new region at 40 Hz resampled to 100 Hz, with longer S−P for the same distance', () => {
    const d = makeDetectionDataset({ nSamples: 6, testFraction: 0, noiseFraction: 0, region: NEW_REGION, randomState: 4 });
    expect(d.sampleRate).toBe(100);
    expect(d.train.x).toHaveLength(6 * 3000);
    expect(d.region.sampleRate).toBe(40);
    for (const e of d.train.events) expect(e!.sArrival - e!.pArrival).toBeCloseTo(Math.hypot(e!.distance, e!.depth) * (1 / 2.9 - 1 / 5.2), 10);
    expect(d.train.x.every(Number.isFinite)).toBe(true);
  });

  it('refuses bad input with a ValidationError naming the argument', () => {
    expectValidationError(() => makeDetectionDataset({ nSamples: 0 }), 'out-of-range');
    expectValidationError(() => makeDetectionDataset({ nSamples: NaN }), 'not-finite');
    expectValidationError(() => makeDetectionDataset({ nSamples: 2.5 }), 'not-integer');
    expectValidationError(() => makeDetectionDataset({ nSamples: 4, snrRange: [10, 0] }), 'out-of-range');
    expectValidationError(() => makeDetectionDataset({ nSamples: 4, noiseFraction: 2 }), 'out-of-range');
    expectValidationError(() => makeDetectionDataset({ nSamples: 4, region: { vp: 3, vs: 3.5 } }), 'out-of-range');
    expectValidationError(() => makeDetectionDataset({ nSamples: 4, region: { sampleRate: 5 } }), 'out-of-range');
    expectValidationError(() => makeDetectionDataset({ nSamples: 4, split: 'all' as never }), 'bad-option');
    expectValidationError(() => makeDetectionDataset({ nSamples: 1e9 }), 'too-large');
    expectValidationError(() => makeDetectionDataset(null as never), 'bad-option');
  });
});

describe('cells, windows and scores: hand-worked cases', () => {
  it('maps distance and back-azimuth to cells', () => {
    expect(DETECTION_RINGS.near[1]).toBeLessThan(DETECTION_RINGS.far[0]);
    expect(detectionCell(10, 30)).toBe(1);
    expect(detectionCell(10, 130)).toBe(2);
    expect(detectionCell(10, -10)).toBe(3); // −10° = 350°
    expect(detectionCell(40, 200)).toBe(5);
    expect(detectionCell(45, 359)).toBe(6);
    expect(detectionCell(30, 10)).toBe(0); // between the rings
  });

  it('standardises a window: zero mean per component, unit σ over the three', () => {
    // Z = 1, 3; N = 2, 2; E = 0, 4 → demeaned Z = −1, 1; N = 0, 0; E = −2, 2: Σv² = 10 over 6 values, σ = √(10/6).
    const x = Float32Array.from([1, 2, 0, 3, 2, 4]);
    standardiseWindows(x, 1, 2);
    const s = Math.sqrt(10 / 6);
    expect(Array.from(x).map((v) => Number(v.toFixed(5)))).toEqual([-1 / s, 0, -2 / s, 1 / s, 0, 2 / s].map((v) => Number(v.toFixed(5))));
  });

  it('scores detections by SNR band', () => {
    // 2 noise windows (one flagged), 4 events: two at −3 dB (one detected), two at 12 dB (both).
    const labels = [0, 0, 1, 4, 2, 6];
    const snr = [-Infinity, -Infinity, -3, -3, 12, 12];
    const score = [0.9, 0.1, 0.8, 0.2, 0.7, 0.6];
    const cells = [1, 1, 1, 5, 2, 6];
    const r = scoreDetections(labels, snr, score, 0.5, cells);
    expect(r.precision).toBeCloseTo(3 / 4, 12);
    expect(r.recall).toBeCloseTo(3 / 4, 12);
    expect(r.falseAlarmRate).toBeCloseTo(1 / 2, 12);
    expect(r.cellAccuracy).toBeCloseTo(3 / 4, 12);
    expect(r.bands[0]).toMatchObject({ band: [-5, 0], events: 2, recall: 0.5, cellAccuracy: 0.5 });
    expect(r.bands[3]).toMatchObject({ band: [10, 20], events: 2, recall: 1, cellAccuracy: 1 });
    expect(Number.isNaN(r.bands[1].recall)).toBe(true);
    // Best F1: thresholds at 0.6 → tp 3, fp 1 → F1 = 6/8; at 0.2 → tp 4, fp 1 → 8/9 (best); at 0.1 → 8/10.
    expect(bestThreshold(labels, score)).toBe(0.2);
    // Lowest threshold with precision ≥ target: by falling score the precision runs 0, 1/2, 2/3, 3/4, 4/5, 4/6.
    expect(thresholdForPrecision(labels, score, 0.75)).toBe(0.2);
    expect(thresholdForPrecision(labels, score, 0.7)).toBe(0.2);
    expect(thresholdForPrecision(labels, score, 0.9)).toBe(0.9); // never reached: the highest score
    expectValidationError(() => scoreDetections([0, 1], [0], [0, 1], 0.5), 'length-mismatch');
  });

  it('merges sliding windows into intervals and matches them to events', () => {
    const starts = [0, 1, 2, 3, 20, 21, 40];
    const p = [0.1, 0.9, 0.95, 0.2, 0.8, 0.3, 0.7];
    const iv = detectionIntervals(starts, p, 0.5, 10);
    // Windows 1 and 2 overlap → [1, 12]; window 4 → [20, 30]; window 6 → [40, 50].
    expect(iv).toEqual([{ start: 1, end: 12 }, { start: 20, end: 30 }, { start: 40, end: 50 }]);
    const m = matchDetections(iv, [{ pArrival: 5 }, { pArrival: 31.5 }, { pArrival: 70 }], 2);
    expect(m).toMatchObject({ hits: 2, misses: 1, falseAlarms: 1, detected: [true, true, false], matched: [true, true, false] });
  });

  it('slides windows over a stream and refuses NaN and missing components', () => {
    const z = new Float64Array(2500).map((_, i) => i);
    const w = streamWindows({ Z: z, N: z, E: z }, { windowSeconds: 10, stepSeconds: 5 });
    expect(w.n).toBe(4); // starts 0, 500, 1000, 1500 samples
    expect(Array.from(w.starts)).toEqual([0, 5, 10, 15]);
    expect(w.x[(1 * 1000 + 3) * 3 + 2]).toBe(503);
    const bad = z.slice();
    bad[7] = NaN;
    expectValidationError(() => streamWindows({ Z: z, N: bad, E: z }), 'not-finite');
    expectValidationError(() => streamWindows({ Z: z, N: z } as never), 'missing-value');
    expectValidationError(() => streamWindows({ Z: z, N: z.subarray(1), E: z }), 'length-mismatch');
    expectValidationError(() => streamWindows({ Z: z.subarray(0, 10), N: z.subarray(0, 10), E: z.subarray(0, 10) }), 'out-of-range');
  });
});

describe('detectionOnsetSnr', () => {
  it('is −∞ for noise windows and grows with the event\'s SNR', () => {
    const lo = makeDetectionDataset({ nSamples: 40, testFraction: 0, split: 'train', randomState: 5, snrRange: [-5, -4] }).train;
    const hi = makeDetectionDataset({ nSamples: 40, testFraction: 0, split: 'train', randomState: 5, snrRange: [19, 20] }).train;
    const a = detectionOnsetSnr(lo);
    const b = detectionOnsetSnr(hi);
    const mean = (v: Float64Array, d: typeof lo) => {
      const k = Array.from(v).filter((_, i) => d.y[i] > 0);
      return k.reduce((x, y) => x + y, 0) / k.length;
    };
    for (let i = 0; i < lo.n; i++) if (lo.y[i] === 0) expect(a[i]).toBe(-Infinity);
    expect(mean(b, hi)).toBeGreaterThan(mean(a, lo) + 6);
    // The windows themselves are left as they were (the high-pass works on a copy).
    expect(detectionOnsetSnr(hi)).toEqual(b);
  });
});

describe('stream and STA/LTA baseline', () => {
  it('makes a stream with its events, and STA/LTA peaks on a loud one', () => {
    const s = makeDetectionStream({ duration: 120, nEvents: 3, snrDb: 20, randomState: 1 });
    expect(s.traces.Z).toHaveLength(12000);
    expect(s.events).toHaveLength(3);
    for (let k = 1; k < 3; k++) expect(s.events[k].pArrival).toBeGreaterThan(s.events[k - 1].sArrival + 10);
    const r = staLtaCharacteristic(s.traces);
    const e = s.events[0];
    let atEvent = 0;
    for (let i = Math.round(e.pArrival * 100); i < Math.round((e.sArrival + 2) * 100); i++) atEvent = Math.max(atEvent, r[i]);
    let before = 0;
    for (let i = 1000; i < Math.round((e.pArrival - 1) * 100); i++) before = Math.max(before, r[i]);
    expect(atEvent).toBeGreaterThan(3 * before);
    expectValidationError(() => makeDetectionStream({ duration: 60, nEvents: 5 }), 'out-of-range');
    expectValidationError(() => makeDetectionStream({ snrDb: NaN }), 'not-finite');
  });

  it('scores windows with a lead-in, and needs one', () => {
    const { train } = makeDetectionDataset({ nSamples: 16, testFraction: 0, snrRange: [15, 20], leadIn: 10, randomState: 8 });
    expect(train.leadLength).toBe(1000);
    const s = staLtaWindowScores(train);
    let noiseMax = 0;
    let eventMin = Infinity;
    for (let i = 0; i < train.n; i++) {
      if (train.y[i] === 0) noiseMax = Math.max(noiseMax, s[i]);
      else eventMin = Math.min(eventMin, s[i]);
    }
    expect(eventMin).toBeGreaterThan(noiseMax);
    const { train: noLead } = makeDetectionDataset({ nSamples: 2, testFraction: 0, randomState: 8 });
    expectValidationError(() => staLtaWindowScores(noLead), 'bad-option');
  });
});
