/**
 * Butterworth filters as second-order sections, the way seismologists band-pass a record
 * before picking or computing features (ObsPy's `bandpass`, SciPy's `butter(..., output='sos')`).
 *
 * Design: the analogue low-pass prototype of order N has its poles on the unit circle,
 * pₖ = exp(iπ(2k + N + 1)/(2N)), k = 0 … N−1. The corner frequencies are pre-warped,
 * Ω = 2fs·tan(πf/fs), so that the bilinear transform z = (2fs + s)/(2fs − s) puts them exactly
 * where asked. Low-pass: s = Ωpₖ; high-pass: s = Ω/pₖ; band-pass: each pₖ gives the two roots
 * of s² − pₖ·BW·s + Ω₀² = 0 (BW = Ω_high − Ω_low, Ω₀² = Ω_low·Ω_high), so the order doubles.
 * Conjugate pole pairs then become second-order sections, which stay accurate where one
 * high-order polynomial would not.
 */
import { ValidationError } from '../core/errors';
import { checkOneOf, checkScalar, checkVector } from '../core/validation';
import { checkOptions, checkSampleRate, checkSignal } from './_checks';

/**
 * Second-order sections, one row [b₀, b₁, b₂, 1, a₁, a₂] per section (SciPy's `sos` layout):
 * Hₛ(z) = (b₀ + b₁z⁻¹ + b₂z⁻²) / (1 + a₁z⁻¹ + a₂z⁻²), and H = Π Hₛ.
 */
export type SecondOrderSections = number[][];

/** The response shapes {@link butterworth} designs. */
export type FilterType = 'lowpass' | 'highpass' | 'bandpass';

/** Options of {@link butterworth}. */
export interface ButterworthOptions {
  /** Filter order N (1 … 12). A band-pass has 2N poles. Default 4. */
  order?: number;
  /** 'lowpass', 'highpass' or 'bandpass'. Default 'bandpass'. */
  type?: FilterType;
  /** Corner frequency in Hz, or [low, high] for a band-pass; each strictly between 0 and sampleRate/2. Required. */
  frequency: number | readonly [number, number];
  /** Sampling rate in Hz. Required. */
  sampleRate: number;
}

interface Complex {
  re: number;
  im: number;
}
const cmul = (a: Complex, b: Complex): Complex => ({ re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re });
const cdiv = (a: Complex, b: Complex): Complex => {
  const d = b.re * b.re + b.im * b.im;
  return { re: (a.re * b.re + a.im * b.im) / d, im: (a.im * b.re - a.re * b.im) / d };
};
const csqrt = (a: Complex): Complex => {
  const r = Math.hypot(a.re, a.im);
  const re = Math.sqrt((r + a.re) / 2);
  const im = Math.sqrt(Math.max(0, (r - a.re) / 2));
  return { re, im: a.im < 0 ? -im : im };
};

/**
 * Designs a digital Butterworth filter (maximally flat pass band, |H| = 1/√2 at each corner)
 * as second-order sections, by the bilinear transform with pre-warping. Matches
 * `scipy.signal.butter(order, frequency, type, fs=sampleRate, output='sos')` up to the order
 * of the sections.
 */
export function butterworth(options: ButterworthOptions): SecondOrderSections {
  options = checkOptions(options);
  const N = checkScalar(options.order ?? 4, 'order', { min: 1, max: 12, integer: true });
  const type = checkOneOf(options.type ?? 'bandpass', 'type', ['lowpass', 'highpass', 'bandpass'] as const);
  const fs = checkSampleRate(options.sampleRate);
  const nyq = fs / 2;
  const checkCorner = (f: unknown, name: string) => {
    const v = checkScalar(f, name, { min: 0, exclusiveMin: true });
    if (v >= nyq) throw new ValidationError(name, 'out-of-range', `must be below the Nyquist frequency ${nyq} Hz, got ${v}`);
    return v;
  };
  const warp = (f: number) => 2 * fs * Math.tan((Math.PI * f) / fs);
  const proto: Complex[] = [];
  for (let k = 0; k < N; k++) {
    const a = (Math.PI * (2 * k + N + 1)) / (2 * N);
    proto.push({ re: Math.cos(a), im: Math.sin(a) });
  }
  const analog: Complex[] = [];
  let reference: Complex; // z where |H| is normalised to 1
  if (type === 'bandpass') {
    const f = options.frequency;
    if (!Array.isArray(f) || f.length !== 2) throw new ValidationError('frequency', 'bad-option', 'a band-pass needs [low, high] in Hz');
    const lo = checkCorner(f[0], 'frequency[0]');
    const hi = checkCorner(f[1], 'frequency[1]');
    if (lo >= hi) throw new ValidationError('frequency', 'out-of-range', `low corner ${lo} Hz must be below high corner ${hi} Hz`);
    const wl = warp(lo);
    const wh = warp(hi);
    const bw = wh - wl;
    const w02 = wl * wh;
    for (const p of proto) {
      // s = (p·BW ± √(p²BW² − 4Ω₀²)) / 2
      const pb = { re: p.re * bw, im: p.im * bw };
      const disc = csqrt({ re: pb.re * pb.re - pb.im * pb.im - 4 * w02, im: 2 * pb.re * pb.im });
      analog.push({ re: (pb.re + disc.re) / 2, im: (pb.im + disc.im) / 2 });
      analog.push({ re: (pb.re - disc.re) / 2, im: (pb.im - disc.im) / 2 });
    }
    const wc = 2 * Math.atan(Math.sqrt(w02) / (2 * fs));
    reference = { re: Math.cos(wc), im: Math.sin(wc) };
  } else {
    if (typeof options.frequency !== 'number') throw new ValidationError('frequency', 'bad-option', `a ${type} needs one corner frequency in Hz`);
    const w = warp(checkCorner(options.frequency, 'frequency'));
    for (const p of proto) analog.push(type === 'lowpass' ? { re: w * p.re, im: w * p.im } : cdiv({ re: w, im: 0 }, p));
    reference = type === 'lowpass' ? { re: 1, im: 0 } : { re: -1, im: 0 };
  }
  // Bilinear transform of each pole.
  const k2 = 2 * fs;
  const poles = analog.map((s) => cdiv({ re: k2 + s.re, im: s.im }, { re: k2 - s.re, im: -s.im }));
  // Zeros: low-pass N at z = −1, high-pass N at z = +1, band-pass N at each.
  const numerator2 = type === 'lowpass' ? [1, 2, 1] : type === 'highpass' ? [1, -2, 1] : [1, 0, -1];
  const numerator1 = type === 'lowpass' ? [1, 1, 0] : [1, -1, 0];
  const tol = 1e-12;
  const complexUpper = poles.filter((p) => p.im > tol).sort((a, b) => Math.hypot(a.re, a.im) - Math.hypot(b.re, b.im));
  const real = poles.filter((p) => Math.abs(p.im) <= tol).map((p) => p.re).sort((a, b) => a - b);
  const sos: SecondOrderSections = [];
  for (const p of complexUpper) sos.push([...numerator2, 1, -2 * p.re, p.re * p.re + p.im * p.im]);
  for (let i = 0; i + 1 < real.length; i += 2) sos.push([...numerator2, 1, -(real[i] + real[i + 1]), real[i] * real[i + 1]]);
  if (real.length % 2 === 1) sos.push([...numerator1, 1, -real[real.length - 1], 0]);
  // Normalise |H(reference)| = 1, spreading the gain evenly over the sections.
  const h = responseAt(sos, reference);
  const g = Math.hypot(h.re, h.im);
  const gs = Math.pow(1 / g, 1 / sos.length);
  for (const s of sos) for (let j = 0; j < 3; j++) s[j] *= gs;
  return sos;
}

/** H(z) of a cascade of sections at one point z of the complex plane. */
function responseAt(sos: SecondOrderSections, z: Complex): Complex {
  const zi = cdiv({ re: 1, im: 0 }, z);
  const zi2 = cmul(zi, zi);
  let h: Complex = { re: 1, im: 0 };
  for (const [b0, b1, b2, a0, a1, a2] of sos) {
    const num = { re: b0 + b1 * zi.re + b2 * zi2.re, im: b1 * zi.im + b2 * zi2.im };
    const den = { re: a0 + a1 * zi.re + a2 * zi2.re, im: a1 * zi.im + a2 * zi2.im };
    h = cmul(h, cdiv(num, den));
  }
  return h;
}

/** The gain |H(e^{2πif/fs})| of a cascade of sections at each frequency (Hz). */
export function frequencyResponse(sos: SecondOrderSections, frequencies: ArrayLike<number>, sampleRate: number): Float64Array {
  checkSos(sos);
  const f = checkVector(frequencies, { name: 'frequencies' });
  const fs = checkSampleRate(sampleRate);
  const out = new Float64Array(f.length);
  for (let i = 0; i < frequencies.length; i++) {
    const w = (2 * Math.PI * f[i]) / fs;
    const h = responseAt(sos, { re: Math.cos(w), im: Math.sin(w) });
    out[i] = Math.hypot(h.re, h.im);
  }
  return out;
}

function checkSos(sos: SecondOrderSections): void {
  if (!Array.isArray(sos) || sos.length === 0) throw new ValidationError('sos', 'empty', 'needs at least one second-order section');
  sos.forEach((s, i) => {
    if (!Array.isArray(s) || s.length !== 6) throw new ValidationError('sos', 'shape-mismatch', `section ${i} must be [b0, b1, b2, a0, a1, a2]`);
    if (s.some((v) => !Number.isFinite(v))) throw new ValidationError('sos', 'not-finite', `section ${i} has a non-finite coefficient`);
    if (s[3] === 0) throw new ValidationError('sos', 'out-of-range', `section ${i} has a0 = 0`);
  });
}

/**
 * Runs the sections in place over x, each in transposed direct form II:
 * y = b₀x + z₁; z₁ ← b₁x − a₁y + z₂; z₂ ← b₂x − a₂y. `zi` holds [z₁, z₂] per section
 * (updated in place), or zeros.
 */
function runSections(sos: SecondOrderSections, x: Float64Array, zi?: Float64Array): void {
  for (let s = 0; s < sos.length; s++) {
    const [B0, B1, B2, a0, A1, A2] = sos[s];
    const b0 = B0 / a0;
    const b1 = B1 / a0;
    const b2 = B2 / a0;
    const a1 = A1 / a0;
    const a2 = A2 / a0;
    let z1 = zi ? zi[2 * s] : 0;
    let z2 = zi ? zi[2 * s + 1] : 0;
    for (let i = 0; i < x.length; i++) {
      const xi = x[i];
      const y = b0 * xi + z1;
      z1 = b1 * xi - a1 * y + z2;
      z2 = b2 * xi - a2 * y;
      x[i] = y;
    }
    if (zi) {
      zi[2 * s] = z1;
      zi[2 * s + 1] = z2;
    }
  }
}

/** Filters a signal forwards through the sections (causal: the output lags). */
export function sosfilt(sos: SecondOrderSections, signal: ArrayLike<number>): Float64Array {
  checkSos(sos);
  const x = checkSignal(signal);
  runSections(sos, x);
  return checkStable(x);
}

/** An unstable filter (poles outside the unit circle) overflows: a ValidationError, never ±∞ or NaN. */
function checkStable(y: Float64Array): Float64Array {
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i])) throw new ValidationError('sos', 'overflow', `the output overflowed at sample ${i}: the filter is unstable (a pole on or outside the unit circle)`);
  }
  return y;
}

/**
 * Steady-state section states for a unit step input (SciPy's `sosfilt_zi`): for a constant
 * input x with DC gain G = Σb/Σa, the output is y = Gx, and the states are
 * z₂ = b₂x − a₂y, z₁ = (b₁ + b₂)x − (a₁ + a₂)y; each section feeds the next its constant output.
 */
function stepStates(sos: SecondOrderSections): Float64Array {
  const zi = new Float64Array(2 * sos.length);
  let x = 1;
  sos.forEach(([b0, b1, b2, a0, a1, a2], s) => {
    const A = (a0 + a1 + a2) / a0;
    const y = (((b0 + b1 + b2) / a0) * x) / A;
    zi[2 * s + 1] = (b2 / a0) * x - (a2 / a0) * y;
    zi[2 * s] = ((b1 + b2) / a0) * x - ((a1 + a2) / a0) * y;
    x = y;
  });
  return zi;
}

/**
 * Zero-phase filtering (SciPy's `sosfiltfilt`): forwards, then backwards, so the phase shifts
 * cancel and the gain is squared (|H|²: a Butterworth corner is then at −6 dB). The signal is
 * first extended at each end by an odd reflection (2x₀ − x[k]) of 3·(2·sections + 1) samples,
 * and the states start at their steady state for the first sample, to tame edge transients.
 */
export function sosfiltfilt(sos: SecondOrderSections, signal: ArrayLike<number>): Float64Array {
  checkSos(sos);
  const x = checkSignal(signal);
  const n = x.length;
  const pad = Math.min(3 * (2 * sos.length + 1), n - 1);
  const ext = new Float64Array(n + 2 * pad);
  for (let i = 0; i < pad; i++) ext[i] = 2 * x[0] - x[pad - i];
  ext.set(x, pad);
  for (let i = 0; i < pad; i++) ext[pad + n + i] = 2 * x[n - 1] - x[n - 2 - i];
  const zi0 = stepStates(sos);
  const zi = zi0.map((v) => v * ext[0]);
  runSections(sos, ext, zi);
  ext.reverse();
  const zb = zi0.map((v) => v * ext[0]);
  runSections(sos, ext, zb);
  ext.reverse();
  return checkStable(ext.slice(pad, pad + n));
}

/** Options of {@link bandpass}. */
export interface BandpassOptions {
  /** Sampling rate in Hz. Required. */
  sampleRate: number;
  /** Low corner in Hz. Required. */
  freqmin: number;
  /** High corner in Hz (below sampleRate/2). Required. */
  freqmax: number;
  /** Butterworth order N (the band-pass has 2N poles). Default 4, as ObsPy. */
  order?: number;
  /** Filter forwards and backwards for no phase shift (the gain is then squared). Default false, as ObsPy. */
  zeroPhase?: boolean;
}

/**
 * Butterworth band-pass of a waveform, ObsPy-style: `bandpass(x, { sampleRate: 100, freqmin: 1, freqmax: 10 })`.
 * Causal by default (picks come out late by the filter's group delay); `zeroPhase: true` for none.
 */
export function bandpass(signal: ArrayLike<number>, options: BandpassOptions): Float64Array {
  options = checkOptions(options);
  const sos = butterworth({ order: options.order ?? 4, type: 'bandpass', frequency: [options.freqmin, options.freqmax], sampleRate: options.sampleRate });
  return options.zeroPhase ? sosfiltfilt(sos, signal) : sosfilt(sos, signal);
}
