import { describe, expect, it } from 'vitest';
import {
  bandpass,
  butterworth,
  envelope,
  fft,
  frequencyResponse,
  hilbert,
  ifft,
  irfft,
  minMaxDecimate,
  nextPowerOfTwo,
  powerSpectrum,
  rfft,
  rfftFrequencies,
  sosfilt,
  sosfiltfilt,
  spectralWindow,
  spectrogram,
  staLta,
  staLtaTrigger,
  triggerOnset,
} from '@geolearn/algorithms/seismic';
import { RandomState } from '../../src';
import { expectValidationError } from './helpers';

const close = (a: ArrayLike<number>, b: ArrayLike<number>, tol: number) => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(tol);
};

/** The O(n²) DFT, X[k] = Σ x[n]·e^{−2πikn/N}, as the reference. */
function dft(re: number[], im: number[]) {
  const n = re.length;
  const R = new Array<number>(n).fill(0);
  const I = new Array<number>(n).fill(0);
  for (let k = 0; k < n; k++) {
    for (let j = 0; j < n; j++) {
      const a = (-2 * Math.PI * k * j) / n;
      R[k] += re[j] * Math.cos(a) - im[j] * Math.sin(a);
      I[k] += re[j] * Math.sin(a) + im[j] * Math.cos(a);
    }
  }
  return { R, I };
}

describe('FFT helpers', () => {
  it('hand-worked: FFT of [1, 2, 3, 4]', () => {
    // X₀ = 10; X₁ = 1 − 2i − 3 + 4i = −2 + 2i; X₂ = 1 − 2 + 3 − 4 = −2; X₃ = −2 − 2i.
    const X = fft([1, 2, 3, 4]);
    close(X.re, [10, -2, -2, -2], 1e-12);
    close(X.im, [0, 2, 0, -2], 1e-12);
  });

  it('matches the plain DFT at any length (fft.js for powers of two, Bluestein otherwise) and inverts', () => {
    const rng = new RandomState(1);
    for (const n of [1, 2, 3, 5, 7, 8, 12, 17, 64, 100, 127]) {
      const re = Array.from({ length: n }, () => rng.normal());
      const im = Array.from({ length: n }, () => rng.normal());
      const X = fft(re, im);
      const { R, I } = dft(re, im);
      close(X.re, R, 1e-9);
      close(X.im, I, 1e-9);
      const back = ifft(X.re, X.im);
      close(back.re, re, 1e-12);
      close(back.im, im, 1e-12);
    }
  });

  it('rfft / irfft round-trip, with zero padding, and their frequencies', () => {
    const x = [1, -2, 0.5, 3, 0, 1, 2];
    const S = rfft(x);
    expect(S.re).toHaveLength(4); // ⌊7/2⌋ + 1
    close(S.re, fft(x).re.slice(0, 4), 1e-12);
    close(irfft(S, 7), x, 1e-12);
    const P = rfft(x, 16);
    expect(P.re).toHaveLength(9);
    close(irfft(P, 16).slice(0, 7), x, 1e-12);
    close(rfftFrequencies(8, 100), [0, 12.5, 25, 37.5, 50], 1e-12);
    expect(nextPowerOfTwo(3000)).toBe(4096);
    expect(nextPowerOfTwo(4096)).toBe(4096);
  });

  it('powerSpectrum peaks at a sinusoid and obeys Parseval', () => {
    // 10 Hz at 100 Hz over 1024 samples: with a rectangular window and nfft = n, the power sits
    // near bin 10·1024/100 ≈ 102, and Σ P·Δf = mean square of the signal.
    const n = 1024;
    const x = Array.from({ length: n }, (_, i) => 3 * Math.sin((2 * Math.PI * 10 * i) / 100));
    const { frequencies, power } = powerSpectrum(x, { sampleRate: 100, window: 'rectangular', detrend: false, nfft: n });
    let k = 0;
    for (let j = 1; j < power.length; j++) if (power[j] > power[k]) k = j;
    expect(Math.abs(frequencies[k] - 10)).toBeLessThan(100 / n);
    const df = 100 / n;
    const total = power.reduce((s, p) => s + p * df, 0);
    const ms = x.reduce((s, v) => s + v * v, 0) / n;
    expect(total).toBeCloseTo(ms, 8);
  });

  it('spectral windows (periodic)', () => {
    close(spectralWindow('hann', 4), [0, 0.5, 1, 0.5], 1e-15);
    close(spectralWindow('hamming', 2), [0.08, 1], 1e-15);
    close(spectralWindow('rectangular', 3), [1, 1, 1], 1e-15);
  });
});

describe('Butterworth filters', () => {
  // scipy.signal.butter(4, [1, 10], 'bandpass', fs=100, output='sos') and sosfreqz, SciPy 1.17.1.
  const SCIPY_BP_SOS = [
    [0.00336281512868239, 0.00672563025736478, 0.00336281512868239, 1, -1.1951644627482387, 0.38540200644934614],
    [1, 2, 1, 1, -1.376839008655196, 0.687349537180749],
    [1, -2, 1, 1, -1.8710765975312695, 0.8763768029753415],
    [1, -2, 1, 1, -1.9557150178357394, 0.9597436669471132],
  ];
  const SCIPY_BP_GAIN = [0.045791490643936950, 0.70710678118656378, 0.99999999999001654, 0.70710678118654768, 0.028780789633464567, 8.3056071628805967e-05];

  it('band-pass gain matches SciPy (−3 dB at the corners) and its poles are SciPy\'s', () => {
    const sos = butterworth({ order: 4, type: 'bandpass', frequency: [1, 10], sampleRate: 100 });
    expect(sos).toHaveLength(4);
    close(frequencyResponse(sos, [0.5, 1, 3, 10, 20, 40], 100), SCIPY_BP_GAIN, 1e-12);
    // Same denominators, section by section (numerators differ only in how the gain is spread).
    sos.forEach((s, i) => close(s.slice(3), SCIPY_BP_SOS[i].slice(3), 1e-12));
    close(frequencyResponse(SCIPY_BP_SOS, [0.5, 3, 20], 100), frequencyResponse(sos, [0.5, 3, 20], 100), 1e-12);
  });

  it('low-pass and high-pass gains match SciPy, odd order included', () => {
    // butter(3, 5, 'lowpass' / 'highpass', fs=100): |H| at the listed frequencies.
    close(frequencyResponse(butterworth({ order: 3, type: 'lowpass', frequency: 5, sampleRate: 100 }), [0, 2, 5, 10, 30], 100), [1, 0.9980414754559452, 0.7071067811865475, 0.115057670437205, 0.00152377260298753], 1e-12);
    close(frequencyResponse(butterworth({ order: 3, type: 'highpass', frequency: 5, sampleRate: 100 }), [1, 2, 5, 10, 49], 100), [0.00781137621886311, 0.06255568135445812, 0.7071067811865468, 0.9933588135581038, 0.9999999999999928], 1e-12);
  });

  it('sosfilt and sosfiltfilt match SciPy on a short signal', () => {
    const sos = butterworth({ order: 2, type: 'bandpass', frequency: [2, 8], sampleRate: 50 });
    // scipy.signal.sosfilt(butter(2, [2, 8], 'bandpass', fs=50, output='sos'), x)
    const x = [1, 2, 0, -1, 3, 0.5, -2, 1, 4, -3, 2.5];
    close(sosfilt(sos, x), [0.09131490043583201, 0.41959658245590753, 0.6554460898596199, 0.2252140968309534, -0.2697025373774489, -0.09656836890449089, -0.13947605332743518, -0.6600546159333903, -0.3725443855265928, 0.26512830713235125, 0.11128340298919903], 1e-12);
    // scipy.signal.sosfiltfilt(sos, sin(0.7 i) + 0.1 i), i = 0 … 39 (odd padding, steady-state start).
    const y = Array.from({ length: 40 }, (_, i) => Math.sin(i * 0.7) + 0.1 * i);
    const z = sosfiltfilt(sos, y);
    close(z.slice(0, 5), [0.04636216713897023, 0.6583211767440083, 0.977061471168575, 0.8469348932693365, 0.32401761004526497], 1e-10);
    close(z.slice(35), [-0.8615020158364416, -0.3815109307419321, 0.01662383976306114, 0.14823706480304916, 0.05534490946878995], 1e-10);
  });

  it('bandpass keeps the pass band, removes the rest, and zeroPhase does not shift', () => {
    const fs = 100;
    const n = 2000;
    const inBand = Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * 3 * i) / fs));
    const outBand = Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * 0.1 * i) / fs) + Math.sin((2 * Math.PI * 40 * i) / fs));
    const mix = inBand.map((v, i) => v + outBand[i]);
    const zp = bandpass(mix, { sampleRate: fs, freqmin: 1, freqmax: 10, zeroPhase: true });
    // Away from the edges the 3 Hz sine comes back in place (|H|² ≈ 1 there: within 1 %).
    for (let i = 500; i < 1500; i++) expect(Math.abs(zp[i] - inBand[i])).toBeLessThan(0.02);
    const causal = bandpass(mix, { sampleRate: fs, freqmin: 1, freqmax: 10 });
    let lagged = 0;
    for (let i = 500; i < 1500; i++) lagged = Math.max(lagged, Math.abs(causal[i] - inBand[i]));
    expect(lagged).toBeGreaterThan(0.1); // the causal filter delays the phase
  });

  it('rejects bad designs and signals with a ValidationError', () => {
    expectValidationError(() => butterworth({ frequency: [10, 1], sampleRate: 100 }), 'out-of-range');
    expectValidationError(() => butterworth({ frequency: [1, 60], sampleRate: 100 }), 'out-of-range');
    expectValidationError(() => butterworth({ frequency: 5, sampleRate: 100 }), 'bad-option');
    expectValidationError(() => butterworth({ frequency: [1, 5], sampleRate: 0 }), 'out-of-range');
    expectValidationError(() => butterworth({ order: 0, frequency: [1, 5], sampleRate: 100 }), 'out-of-range');
    expectValidationError(() => butterworth({ order: 2.5, frequency: [1, 5], sampleRate: 100 }), 'not-integer');
    expectValidationError(() => bandpass([], { sampleRate: 100, freqmin: 1, freqmax: 5 }), 'empty');
    expectValidationError(() => bandpass([1, NaN], { sampleRate: 100, freqmin: 1, freqmax: 5 }), 'not-finite');
    expectValidationError(() => sosfilt([], [1, 2]), 'empty');
  });
});

describe('hilbert and envelope', () => {
  it('match SciPy hilbert on an odd-length signal', () => {
    // numpy.imag(scipy.signal.hilbert(x))
    const x = [1, 2, 0, -1, 3, 0.5, -2, 1, 4, -3, 2.5];
    const z = hilbert(x);
    close(z.re, x, 1e-12);
    close(z.im, [1.246099712059489, -0.5452578354490029, 2.7215405423585346, -2.1617487704765903, -0.0504514805555193, 1.9690764932858364, 0.3596502905895301, -3.8805966510145122, 2.3863964114654874, 0.5426242272044873, -2.58733293946774], 1e-12);
  });

  it('the envelope of A·cos(2πft) is A', () => {
    // 8 whole periods in 256 samples: exact, even length.
    const x = Array.from({ length: 256 }, (_, i) => 2.5 * Math.cos((2 * Math.PI * 8 * i) / 256));
    close(envelope(x), new Array(256).fill(2.5), 1e-10);
  });

  it('rejects empty and non-finite signals with a ValidationError', () => {
    expectValidationError(() => envelope([]), 'empty');
    expectValidationError(() => hilbert([1, Infinity]), 'not-finite');
    expectValidationError(() => fft([]), 'empty');
    expectValidationError(() => fft([1, NaN]), 'not-finite');
    expectValidationError(() => powerSpectrum([1, 2], { sampleRate: 0 }), 'out-of-range');
  });
});

describe('STA/LTA', () => {
  it('hand-worked classic ratio', () => {
    // x² = [1, 1, 1, 1, 9] at 1 Hz, STA 1 s, LTA 2 s: zero until the LTA is full (i < 1),
    // then STA/LTA = xᵢ² / mean(xᵢ₋₁², xᵢ²): 1, 1, 1, 9/5.
    const r = staLta([1, -1, 1, -1, 3], { sampleRate: 1, sta: 1, lta: 2 });
    close(r, [0, 1, 1, 1, 9 / 5], 1e-15);
  });

  it('hand-worked recursive ratio', () => {
    // c_s = 1/1, c_l = 1/2: STA = x², LTA = ½x² + ½LTA. For x² = [4, 4, 16]: LTA = 2, 3, 9.5,
    // ratio zero while i < n_lta = 2, then 16/9.5.
    const r = staLta([2, 2, 4], { sampleRate: 1, sta: 1, lta: 2, method: 'recursive' });
    close(r, [0, 0, 16 / 9.5], 1e-15);
  });

  it('triggerOnset opens above on and closes below off', () => {
    expect(triggerOnset([0, 1, 5, 4, 2, 0.5, 3, 6, 1], { on: 3.5, off: 1 })).toEqual([
      { start: 2, end: 5 },
      { start: 7, end: 9 },
    ]);
  });

  it('detects an event in noise, once', () => {
    const rng = new RandomState(4);
    const fs = 50;
    const x = Array.from({ length: 60 * fs }, (_, i) => rng.normal() * (i >= 30 * fs && i < 33 * fs ? 10 : 1));
    const { windows } = staLtaTrigger(x, { sampleRate: fs, sta: 0.5, lta: 10, on: 4, off: 1.5 });
    expect(windows).toHaveLength(1);
    expect(Math.abs(windows[0].startTime - 30)).toBeLessThan(0.3);
  });

  it('rejects bad windows and thresholds with a ValidationError', () => {
    expectValidationError(() => staLta([1, 2, 3], { sampleRate: 1, sta: 1, lta: 5 }), 'out-of-range');
    expectValidationError(() => staLta([1, 2, 3], { sampleRate: 1, sta: 2, lta: 2 }), 'out-of-range');
    expectValidationError(() => staLta([1, 2, 3], { sampleRate: -1 }), 'out-of-range');
    expectValidationError(() => staLta([], { sampleRate: 1 }), 'empty');
    expectValidationError(() => triggerOnset([1, 2], { on: 1, off: 2 }), 'out-of-range');
  });
});

describe('spectrogram', () => {
  it('frames, times and the frequency of a chirp-free tone', () => {
    const fs = 100;
    const x = Array.from({ length: 1000 }, (_, i) => Math.sin((2 * Math.PI * 12.5 * i) / fs));
    const s = spectrogram(x, { sampleRate: fs, windowLength: 64, hop: 32 });
    expect(s.power.rows).toBe(Math.floor((1000 - 64) / 32) + 1);
    expect(s.power.cols).toBe(33);
    expect(s.times[0]).toBeCloseTo(0.32, 12); // centre of the first 64-sample frame
    expect(s.times[1] - s.times[0]).toBeCloseTo(0.32, 12);
    for (let m = 0; m < s.power.rows; m++) {
      const row = s.power.data.subarray(m * 33, (m + 1) * 33);
      let k = 0;
      for (let j = 1; j < 33; j++) if (row[j] > row[k]) k = j;
      expect(s.frequencies[k]).toBeCloseTo(12.5, 10); // bin 12.5·64/100 = 8 exactly
    }
  });

  it('rejects a frame longer than the signal', () => {
    expectValidationError(() => spectrogram([1, 2, 3], { sampleRate: 1, windowLength: 8 }), 'out-of-range');
    expectValidationError(() => spectrogram([1, 2, 3], { sampleRate: 1, hop: 0 }), 'out-of-range');
  });
});

describe('minMaxDecimate', () => {
  it('hand-worked columns', () => {
    // 8 samples into 4 columns of 2: (3, −1), (4, 1), (−5, 9), (2, 6).
    const { min, max } = minMaxDecimate([3, -1, 4, 1, -5, 9, 2, 6], 0, 8, 4);
    expect(Array.from(min)).toEqual([-1, 1, -5, 2]);
    expect(Array.from(max)).toEqual([3, 4, 9, 6]);
    // A sub-range, uneven split: samples 1 … 6 into 4 columns of 1.5 → [1], [2, 3], [4], [5, 6].
    const r = minMaxDecimate([3, -1, 4, 1, -5, 9, 2, 6], 1, 7, 4);
    expect(Array.from(r.min)).toEqual([-1, 1, -5, 2]);
    expect(Array.from(r.max)).toEqual([-1, 4, -5, 9]);
  });

  it('keeps every peak of a long trace and repeats samples when zoomed past them', () => {
    const n = 360000;
    const x = new Float64Array(n);
    x[123457] = 7; // a one-sample spike
    x[300001] = -4;
    const { min, max } = minMaxDecimate(x, 0, n, 1000);
    expect(Math.max(...max)).toBe(7);
    expect(Math.min(...min)).toBe(-4);
    const z = minMaxDecimate([1, 2, 3], 0, 3, 6);
    expect(Array.from(z.min)).toEqual([1, 1, 2, 2, 3, 3]);
    expect(Array.from(z.max)).toEqual([1, 1, 2, 2, 3, 3]);
    // Clamped and fractional ranges.
    expect(Array.from(minMaxDecimate([1, 2, 3], -5, 2.5, 1).max)).toEqual([3]);
  });

  it('rejects an empty trace, an empty range and bad column counts', () => {
    expectValidationError(() => minMaxDecimate([], 0, 1, 10), 'empty');
    expectValidationError(() => minMaxDecimate([1, 2], 2, 2, 10), 'out-of-range');
    expectValidationError(() => minMaxDecimate([1, 2], 0, 2, 0), 'out-of-range');
    expectValidationError(() => minMaxDecimate([1, 2], 0, 2, 1.5), 'not-integer');
    expectValidationError(() => minMaxDecimate([1, 2], NaN, 2, 1), 'not-finite');
  });
});
