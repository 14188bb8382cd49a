import { describe, expect, it } from 'vitest';
import { expectValidationError } from './helpers';
import {
  evaluatePickingDataset,
  evaluatePicks,
  makePickingDataset,
  makePickingWindow,
  normalizeWindow,
  onsetSnrDb,
  ONSET_SNR_BANDS,
  pickingTargets,
  preparePickingWindow,
  PICKING_HIGHPASS,
  pickPeaks,
  PICKING_HELD_OUT,
  PICKING_WINDOW,
  staLtaPick,
} from '@geolearn/algorithms/seismic';

const L = PICKING_WINDOW;

describe('makePickingDataset', () => {
  const d = makePickingDataset({ nSamples: 6, randomState: 3 });

  it('has the PhaseNet shapes: x, y ∈ ℝ^{3000×3} per window at 100 Hz', () => {
    expect(d.n).toBe(6);
    expect(d.length).toBe(3000);
    expect(d.sampleRate).toBe(100);
    expect(d.x).toHaveLength(6 * L * 3);
    expect(d.y).toHaveLength(6 * L * 3);
    expect(d.pIndex).toHaveLength(6);
  });

  it('is deterministic given the seed, and another seed gives other windows', () => {
    const again = makePickingDataset({ nSamples: 6, randomState: 3 });
    expect(Array.from(again.x.subarray(0, 500))).toEqual(Array.from(d.x.subarray(0, 500)));
    expect(Array.from(again.pIndex)).toEqual(Array.from(d.pIndex));
    const other = makePickingDataset({ nSamples: 6, randomState: 4 });
    expect(Array.from(other.pIndex)).not.toEqual(Array.from(d.pIndex));
  });

  it('targets sum to 1 at every sample, peak at the true arrivals, and are noise elsewhere', () => {
    for (let i = 0; i < d.y.length; i += 3) expect(d.y[i] + d.y[i + 1] + d.y[i + 2]).toBeCloseTo(1, 5);
    for (let w = 0; w < d.n; w++) {
      if (d.pIndex[w] < 0) continue;
      const o = w * L * 3;
      expect(d.y[o + d.pIndex[w] * 3]).toBeGreaterThan(0.95);
      expect(d.y[o + d.sIndex[w] * 3 + 1]).toBeGreaterThan(0.95);
      expect(d.y[o + 2]).toBeCloseTo(1, 5); // first sample: noise
      expect(d.sIndex[w]).toBeGreaterThan(d.pIndex[w]);
    }
  });

  it('keeps SNR and distance inside their ranges and normalises each component', () => {
    for (let w = 0; w < d.n; w++) {
      if (d.pIndex[w] < 0) continue;
      expect(d.snrDb[w]).toBeGreaterThanOrEqual(-5);
      expect(d.snrDb[w]).toBeLessThanOrEqual(20);
      expect(d.distance[w]).toBeGreaterThanOrEqual(10);
    }
    let mu = 0;
    let s2 = 0;
    for (let t = 0; t < L; t++) mu += d.x[t * 3 + 1];
    mu /= L;
    for (let t = 0; t < L; t++) s2 += (d.x[t * 3 + 1] - mu) ** 2;
    expect(mu).toBeCloseTo(0, 4);
    expect(Math.sqrt(s2 / L)).toBeCloseTo(1, 3);
  });

  it('makes noise-only windows with no arrival', () => {
    const n = makePickingDataset({ nSamples: 2, randomState: 1, noiseFraction: 1 });
    expect(Array.from(n.pIndex)).toEqual([-1, -1]);
    expect(n.y[2]).toBe(1);
  });

  it('moves S − P with distance (≈ 0.12 s per km)', () => {
    const near = makePickingWindow({ distance: 20, vary: false, snrDb: 20 });
    const far = makePickingWindow({ distance: 100, vary: false, snrDb: 20 });
    expect(far.sTime - far.pTime).toBeGreaterThan(near.sTime - near.pTime + 8);
    expect(near.pTime).toBeCloseTo(5, 6);
  });

  it('has a fixed held-out split', () => {
    expect(PICKING_HELD_OUT.nSamples).toBeGreaterThan(100);
    const a = makePickingDataset({ ...PICKING_HELD_OUT, nSamples: 2 });
    const b = makePickingDataset({ ...PICKING_HELD_OUT, nSamples: 2 });
    expect(Array.from(a.pIndex)).toEqual(Array.from(b.pIndex));
  });
});

describe('pickingTargets', () => {
  it('is a Gaussian of width σ: exp(−1/2) one σ from the arrival', () => {
    const y = pickingTargets(1, NaN, { length: 300, sigma: 0.1 });
    expect(y[100 * 3]).toBeCloseTo(1, 6);
    expect(y[110 * 3]).toBeCloseTo(Math.exp(-0.5), 6);
    expect(y[110 * 3 + 1]).toBe(0);
    expect(y[110 * 3 + 2]).toBeCloseTo(1 - Math.exp(-0.5), 6);
  });
});

describe('pickPeaks', () => {
  const q = [0, 0.2, 0.7, 0.3, 0.1, 0.6, 0.65, 0.2];
  it('keeps local maxima above the threshold, the higher one within minDistance', () => {
    expect(pickPeaks(q, { threshold: 0.5, minDistance: 2 })).toEqual([
      { index: 2, probability: 0.7 },
      { index: 6, probability: 0.65 },
    ]);
    expect(pickPeaks(q, { threshold: 0.5, minDistance: 5 }).map((p) => p.index)).toEqual([2]);
    expect(pickPeaks(q, { threshold: 0.68, minDistance: 1 }).map((p) => p.index)).toEqual([2]);
    expect(pickPeaks([0.9, 0.9, 0.1], { threshold: 0.5, minDistance: 1 }).map((p) => p.index)).toEqual([0]);
  });
});

describe('evaluatePicks (hand-worked)', () => {
  // At 100 Hz: window 0 picks 100 and 250, truth 105 → 100 hits (−0.05 s), 250 is a false pick;
  // window 1 has no pick (a miss); window 2 picks 370 for 400 (−0.3 s: a hit at 0.5 s only);
  // window 3 is noise only and its pick is false.
  const e = evaluatePicks([[100, 250], [], [370], [10]], [105, 300, 400, -1], { tolerances: [0.1, 0.5] });
  it('gives precision TP/picks and recall TP/arrivals per tolerance', () => {
    expect(e.picks).toBe(4);
    expect(e.arrivals).toBe(3);
    expect(e.scores[0]).toMatchObject({ tolerance: 0.1, truePositives: 1, falsePositives: 3, falseNegatives: 2 });
    expect(e.scores[0].precision).toBeCloseTo(0.25, 12);
    expect(e.scores[0].recall).toBeCloseTo(1 / 3, 12);
    expect(e.scores[1].precision).toBeCloseTo(0.5, 12);
    expect(e.scores[1].recall).toBeCloseTo(2 / 3, 12);
    expect(e.scores[1].f1).toBeCloseTo((2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3), 12);
  });
  it('gives the residuals (pick − truth) of the matched picks: mean −0.175 s, std 0.125 s', () => {
    expect(Array.from(e.residuals)).toEqual([-0.05, -0.3].map((v) => expect.closeTo(v, 12)));
    expect(e.residualMean).toBeCloseTo(-0.175, 12);
    expect(e.residualStd).toBeCloseTo(0.125, 12);
  });
});

describe('STA/LTA baseline and dataset report', () => {
  it('picks P of a clean high-SNR window within 0.5 s', () => {
    const w = makePickingWindow({ snrDb: 30, distance: 40, pOnset: 8, vary: false, randomState: 2 });
    const p = staLtaPick(w.x);
    expect(p).toHaveLength(1);
    expect(Math.abs(p[0].index - w.pIndex)).toBeLessThan(50);
  });

  it('scores perfect probabilities (the targets themselves) as perfect picks', () => {
    const d = makePickingDataset({ nSamples: 4, randomState: 9, noiseFraction: 0 });
    const rep = evaluatePickingDataset(d.y, d, { threshold: 0.5 });
    expect(rep[0].band).toBe('all');
    expect(rep[0].P.scores[0].precision).toBe(1);
    expect(rep[0].P.scores[0].recall).toBe(1);
    expect(rep[0].S.scores[0].recall).toBe(1);
    expect(rep[0].P.residualStd).toBeLessThan(0.006);
    expect(rep.slice(1).reduce((a, r) => a + r.windows, 0)).toBe(4);
  });
});

describe('onsetSnrDb (the P onset\'s own SNR)', () => {
  // Hand-worked: ±1 on each component before the onset (variance 1, Σ over three = 3), ±2 after it
  // (variance 4, Σ = 12): 10·log₁₀(12 / 3) = 10·log₁₀ 4 = 6.0206 dB; the same amplitude on both sides, 0 dB.
  const alt = (n: number, a: number, b: number) => Float64Array.from({ length: n * 3 }, (_, k) => (Math.floor(k / 3) % 2 ? -1 : 1) * (Math.floor(k / 3) < 400 ? a : b));
  it('is 10·log₁₀ of the variance after over the variance before', () => {
    expect(onsetSnrDb(alt(800, 1, 2), 400)).toBeCloseTo(10 * Math.log10(4), 10);
    expect(onsetSnrDb(alt(800, 1, 1), 400)).toBeCloseTo(0, 10);
    // A shorter window (0.5 s at 100 Hz = 50 samples) reads the same steady signals alike.
    expect(onsetSnrDb(alt(800, 1, 2), 400, { seconds: 0.5 })).toBeCloseTo(6.0206, 3);
    expect(onsetSnrDb(alt(800, 0, 2), 400)).toBe(Infinity);
  });

  it('grows with the record\'s SNR and bands the held-out windows by it', () => {
    const lo = makePickingWindow({ snrDb: 0, distance: 40, vary: false, randomState: 3 });
    const hi = makePickingWindow({ snrDb: 20, distance: 40, vary: false, randomState: 3 });
    expect(onsetSnrDb(hi.x, hi.pIndex)).toBeGreaterThan(onsetSnrDb(lo.x, lo.pIndex) + 5);
    const d = makePickingDataset({ nSamples: 6, randomState: 9, noiseFraction: 0 });
    const rep = evaluatePickingDataset(d.y, d, { threshold: 0.5, bandBy: 'onset', bands: ONSET_SNR_BANDS.slice(0, 4) });
    expect(rep[1].band).toBe('[-40, 0) dB (P onset)');
    expect(rep.slice(1).reduce((a, r) => a + r.windows, 0)).toBe(6);
  });

  it('refuses an onset without room on both sides, and an unknown bandBy', () => {
    expectValidationError(() => onsetSnrDb(alt(800, 1, 2), 799), 'out-of-range');
    expectValidationError(() => onsetSnrDb(alt(800, 1, 2), 1.5), 'out-of-range');
    const d = makePickingDataset({ nSamples: 2, randomState: 9 });
    expectValidationError(() => evaluatePickingDataset(d.y, d, { bandBy: 'peak' as 'onset' }), 'bad-option');
  });
});

describe('bad input', () => {
  it('throws a ValidationError naming the argument', () => {
    expectValidationError(() => makePickingDataset({ nSamples: 0 }), 'out-of-range');
    expectValidationError(() => makePickingDataset({ nSamples: 2, snrRange: [10, -5] }), 'out-of-range');
    expectValidationError(() => makePickingDataset({ nSamples: 2, snrRange: [1] as unknown as [number, number] }), 'bad-option');
    expectValidationError(() => makePickingWindow({ snrDb: NaN }), 'not-finite');
    expectValidationError(() => pickPeaks([0.1, NaN, 0.2]), 'not-finite');
    expectValidationError(() => pickPeaks([0.1], { threshold: 0 }), 'out-of-range');
    expectValidationError(() => evaluatePicks([[1]], [1, 2]), 'length-mismatch');
    expectValidationError(() => evaluatePicks([[NaN]], [1]), 'not-finite');
    expectValidationError(() => staLtaPick([0, 0, 0, NaN, 0, 0, 0, 0, 0]), 'not-finite');
    expectValidationError(() => evaluatePickingDataset(new Float32Array(3), makePickingDataset({ nSamples: 1 })), 'shape-mismatch');
  });
  it('normalizeWindow leaves a flat component at 0', () => {
    const x = new Float32Array([1, 5, 1, 7, 1, 9]);
    normalizeWindow(x, 2);
    expect(Array.from(x.filter((_, i) => i % 2 === 0))).toEqual([0, 0, 0]);
  });
  it('preparePickingWindow takes the microseism out and keeps the onset band (hand-worked)', () => {
    // Z: a 0.2 Hz swell of amplitude 10 plus a 5 Hz sine of amplitude 1; N: the 5 Hz sine alone;
    // E: flat. A 1 Hz Butterworth high-pass of order 2 passes 5 Hz with gain 1/√(1 + (1/5)⁴) ≈ 0.9992
    // and 0.2 Hz with 1/√(1 + 5⁴) ≈ 0.04, twice over (zero phase): the swell drops to ≈ 0.016, so
    // after normalisation Z is (almost) N, √2·sin(2π·5t) over a whole number of periods.
    expect(PICKING_HIGHPASS).toBe(1);
    const x = new Float32Array(L * 3);
    for (let t = 0; t < L; t++) {
      const s5 = Math.sin((2 * Math.PI * 5 * t) / 100);
      x[t * 3] = 10 * Math.sin((2 * Math.PI * 0.2 * t) / 100) + s5;
      x[t * 3 + 1] = s5;
      x[t * 3 + 2] = 3;
    }
    preparePickingWindow(x);
    let worst = 0;
    // Away from the edges (the filter's start-up), Z matches N within 5 % of the amplitude √2.
    for (let t = 300; t < L - 300; t++) worst = Math.max(worst, Math.abs(x[t * 3] - x[t * 3 + 1]));
    expect(worst).toBeLessThan(0.05 * Math.SQRT2);
    const mean = (c: number) => x.filter((_, i) => i % 3 === c).reduce((a, b) => a + b, 0) / L;
    const sd = (c: number) => Math.sqrt(x.filter((_, i) => i % 3 === c).reduce((a, b) => a + (b - mean(c)) ** 2, 0) / L);
    expect(Math.abs(mean(0))).toBeLessThan(1e-5);
    expect(sd(0)).toBeCloseTo(1, 4);
    expect(sd(1)).toBeCloseTo(1, 4);
    expect(sd(2)).toBe(0);
    expectValidationError(() => preparePickingWindow(new Float32Array(7)), 'shape-mismatch');
  });
});
