/**
 * A synthetic three-component local earthquake record with exact labels, for teaching
 * detection and P/S picking on data whose truth is known.
 *
 * Physics kept, in the simplest form that still looks right:
 * - travel times t = r/v along a straight ray, r = √(Δ² + h²), with vp and vs (so that
 *   t_S − t_P = r(1/vs − 1/vp) and distance ≈ 8·(t_S − t_P) km for the default velocities);
 * - a source pulse: a Ricker wavelet of peak frequency f, or the ground velocity of Brune's
 *   (1970) source, whose displacement spectrum is flat below the corner frequency f_c and falls
 *   as f⁻² above it;
 * - polarisation: P moves the ground along the ray, which arrives steeply (incidence i from the
 *   vertical), so P is strongest on Z; S moves it across the ray, so S is strongest on the
 *   horizontals; radial and transverse motion are rotated to N and E by the back-azimuth;
 * - scattered coda: band-limited noise after each arrival with an exponentially decaying
 *   envelope, the P coda mostly on Z, the S coda mostly on the horizontals;
 * - background noise from {@link seismicNoise} (microseism near 0.2 Hz plus 1/f) at a chosen
 *   signal-to-noise ratio.
 */
import { checkRandomState, type RandomState, type RandomStateLike } from '../core/random';
import { ValidationError } from '../core/errors';
import { checkOneOf, checkScalar, checkSize } from '../core/validation';
import { checkOptions, checkPositive, checkSampleRate, MAX_SIGNAL_SAMPLES } from './_checks';

/**
 * Most multiply-adds the coda convolutions of one {@link syntheticSeismogram} may take
 * (2³¹, a couple of seconds): a very low pulse frequency makes a long kernel, and a long
 * codaDecay a long coda.
 */
const MAX_CODA_WORK = 2 ** 31;
import { seismicNoise } from './noise';

/** The components of a three-component record, in output order. */
export const COMPONENTS = ['Z', 'N', 'E'] as const;
/** One component name. */
export type Component = (typeof COMPONENTS)[number];
/** Three traces, one per component. */
export type ThreeComponents = Record<Component, Float64Array>;

/** The source pulses {@link syntheticSeismogram} can use. */
export type SourceType = 'ricker' | 'brune';

/** Options of {@link syntheticSeismogram}. */
export interface SyntheticSeismogramOptions {
  /** Sampling rate in Hz. Default 100. */
  sampleRate?: number;
  /** Record length in seconds. Default 60. */
  duration?: number;
  /** Origin time of the earthquake, in seconds after the first sample (may be negative). Default 5. */
  originTime?: number;
  /** Epicentral distance Δ in km (≥ 0). Default 40. */
  distance?: number;
  /** Source depth h in km (≥ 0); the ray length is r = √(Δ² + h²). Default 0, so that t = Δ/v. */
  depth?: number;
  /** P-wave speed in km/s. Default 6.0 (upper crust). */
  vp?: number;
  /** S-wave speed in km/s (< vp). Default 3.5 (vp/vs ≈ 1.71, a Poisson solid's √3 being 1.73). */
  vs?: number;
  /** Source pulse: 'ricker' or 'brune'. Default 'ricker'. */
  source?: SourceType;
  /**
   * The pulse's frequency in Hz: the Ricker peak frequency, or Brune's corner frequency f_c
   * (higher for smaller earthquakes: about 10 Hz for M 1, 1 Hz for M 4). Default 4.
   */
  frequency?: number;
  /** S/P amplitude ratio: peak ground motion of S over that of P, as the length of the motion vector over Z, N, E. Default 3. */
  spRatio?: number;
  /** Back-azimuth in degrees, clockwise from north, from the station to the epicentre. Default 30. */
  backAzimuth?: number;
  /** Incidence angle of both rays at the station, in degrees from the vertical (0 … 90). Default 20. */
  incidence?: number;
  /** Share of the S amplitude in SH (transverse) rather than SV, 0 … 1. Default 0.6. */
  shShare?: number;
  /** Coda e-folding time in seconds: the coda envelope is ∝ exp(−(t − t_arrival)/codaDecay). Default 4. */
  codaDecay?: number;
  /** Coda amplitude at its start, relative to its direct wave's peak. Default 0.5. */
  codaAmplitude?: number;
  /**
   * Signal-to-noise ratio: the peak absolute amplitude of the noise-free record (all three
   * components) over the noise's standard deviation; Infinity for no noise. Default 20.
   */
  snr?: number;
  /** Microseism peak frequency of the noise in Hz. Default 0.2. */
  microseismFrequency?: number;
  /** Share of the noise variance in the microseism (the rest is 1/f), 0 … 1. Default 0.5. */
  microseismShare?: number;
  /** Seed or generator. Default 0. */
  randomState?: RandomStateLike;
}

/** The options used, all filled in (`randomState` excepted). */
export type SyntheticSeismogramParameters = Required<Omit<SyntheticSeismogramOptions, 'randomState'>> & {
  /** Ray length r = √(Δ² + h²) in km. */
  hypocentralDistance: number;
  /** Standard deviation of the added noise (0 for snr = Infinity). */
  noiseStd: number;
};

/** A synthetic record. */
export interface SyntheticSeismogram {
  /** The record, noise included: Z (up), N, E. */
  traces: ThreeComponents;
  /** The same record without noise. */
  clean: ThreeComponents;
  /** Sampling rate in Hz. */
  sampleRate: number;
  /** True P arrival in seconds after the first sample: originTime + r/vp. */
  pArrival: number;
  /** True S arrival in seconds after the first sample: originTime + r/vs. */
  sArrival: number;
  /** Everything used to make it. */
  parameters: SyntheticSeismogramParameters;
}

/**
 * Ricker wavelet (the negative second derivative of a Gaussian) of peak frequency f, centred
 * on t = 0, peak 1: w(t) = (1 − 2π²f²t²)·exp(−π²f²t²).
 */
export function ricker(t: number, frequency: number): number {
  checkScalar(t, 't');
  checkPositive(frequency, 'frequency');
  return rickerAt(t, frequency);
}

/** {@link ricker} without validation, for the per-sample loops. */
function rickerAt(t: number, frequency: number): number {
  const a = Math.PI * Math.PI * frequency * frequency * t * t;
  return (1 - 2 * a) * Math.exp(-a);
}

/**
 * Ground velocity of Brune's source, starting at t = 0, peak 1: the displacement is
 * u(t) ∝ t·e^{−ω_c t} (ω_c = 2πf_c, spectrum ∝ 1/(1 + (f/f_c)²) in amplitude shape), so the
 * velocity is v(t) = (1 − ω_c t)·e^{−ω_c t} for t ≥ 0, and 0 before.
 */
export function bruneVelocity(t: number, cornerFrequency: number): number {
  checkScalar(t, 't');
  checkPositive(cornerFrequency, 'cornerFrequency');
  return bruneAt(t, cornerFrequency);
}

/** {@link bruneVelocity} without validation, for the per-sample loops. */
function bruneAt(t: number, cornerFrequency: number): number {
  if (t < 0) return 0;
  const wt = 2 * Math.PI * cornerFrequency * t;
  return (1 - wt) * Math.exp(-wt);
}

/**
 * A seeded three-component synthetic seismogram of a local earthquake, with its true P and S
 * arrival times. The pulse of each phase starts at its arrival: a Brune pulse rises there, and
 * a Ricker pulse is centred 1/f after it (its amplitude is below 0.1 % of the peak before the
 * arrival), so that the labels mark the onsets a seismologist would pick.
 *
 * @example
 * const rec = syntheticSeismogram({ distance: 60, snr: 10, randomState: 7 });
 * rec.traces.Z;                     // Float64Array of 6000 samples (60 s at 100 Hz)
 * rec.sArrival - rec.pArrival;      // 60·(1/3.5 − 1/6) ≈ 7.14 s
 */
export function syntheticSeismogram(options: SyntheticSeismogramOptions = {}): SyntheticSeismogram {
  options = checkOptions(options);
  const sampleRate = checkSampleRate(options.sampleRate ?? 100);
  const duration = checkPositive(options.duration ?? 60, 'duration');
  const originTime = checkScalar(options.originTime ?? 5, 'originTime');
  const distance = checkScalar(options.distance ?? 40, 'distance', { min: 0 });
  const depth = checkScalar(options.depth ?? 0, 'depth', { min: 0 });
  const vp = checkPositive(options.vp ?? 6.0, 'vp');
  const vs = checkPositive(options.vs ?? 3.5, 'vs');
  if (vs >= vp) throw new ValidationError('vs', 'out-of-range', `S waves are slower than P waves: vs (${vs}) must be < vp (${vp})`);
  const source = checkOneOf(options.source ?? 'ricker', 'source', ['ricker', 'brune'] as const);
  const frequency = checkPositive(options.frequency ?? 4, 'frequency');
  if (frequency >= sampleRate / 2) throw new ValidationError('frequency', 'out-of-range', `must be below the Nyquist frequency ${sampleRate / 2} Hz, got ${frequency}`);
  const spRatio = checkPositive(options.spRatio ?? 3, 'spRatio');
  const backAzimuth = checkScalar(options.backAzimuth ?? 30, 'backAzimuth');
  const incidence = checkScalar(options.incidence ?? 20, 'incidence', { min: 0, max: 90 });
  const shShare = checkScalar(options.shShare ?? 0.6, 'shShare', { min: 0, max: 1 });
  const codaDecay = checkPositive(options.codaDecay ?? 4, 'codaDecay');
  const codaAmplitude = checkScalar(options.codaAmplitude ?? 0.5, 'codaAmplitude', { min: 0 });
  const snr = options.snr ?? 20;
  if (typeof snr !== 'number' || Number.isNaN(snr) || snr <= 0) throw new ValidationError('snr', 'out-of-range', `must be > 0 (or Infinity for no noise), got ${String(snr)}`);
  const microseismFrequency = checkPositive(options.microseismFrequency ?? 0.2, 'microseismFrequency');
  const microseismShare = checkScalar(options.microseismShare ?? 0.5, 'microseismShare', { min: 0, max: 1 });
  const n = Math.round(duration * sampleRate);
  checkSize('duration', n, MAX_SIGNAL_SAMPLES, `samples (${duration} s at ${sampleRate} Hz)`);
  if (n < 2) throw new ValidationError('duration', 'out-of-range', `gives ${n} sample(s) at ${sampleRate} Hz; needs at least 2`);
  const rng = checkRandomState(options.randomState);

  const r = Math.hypot(distance, depth);
  const pArrival = originTime + r / vp;
  const sArrival = originTime + r / vs;
  const pulse = source === 'ricker' ? (t: number) => rickerAt(t - 1 / frequency, frequency) : (t: number) => bruneAt(t, frequency);
  // Pulse support: Ricker within 2/f of its start, Brune until e^{−ω_c t} < 1e-6.
  const pulseLength = source === 'ricker' ? 2 / frequency : 14 / (2 * Math.PI * frequency);

  // Unit polarisation vectors in (Z, R, T); R points away from the source, T 90° clockwise.
  const inc = (incidence * Math.PI) / 180;
  const P = { z: Math.cos(inc), r: Math.sin(inc), t: 0 };
  const sv = Math.sqrt(1 - shShare * shShare);
  const S = { z: -sv * Math.sin(inc), r: sv * Math.cos(inc), t: shShare };
  // Both polarisation vectors have unit length, so the peak ground motion (the vector's
  // length over Z, N, E) is 1 for P and spRatio for S.
  const aP = 1;
  const aS = spRatio;
  const baz = (backAzimuth * Math.PI) / 180;
  // N = −R cos(baz) + T sin(baz); E = −R sin(baz) − T cos(baz).
  const toZNE = (v: { z: number; r: number; t: number }) => ({
    Z: v.z,
    N: -v.r * Math.cos(baz) + v.t * Math.sin(baz),
    E: -v.r * Math.sin(baz) - v.t * Math.cos(baz),
  });
  const pZNE = toZNE(P);
  const sZNE = toZNE(S);

  const clean: ThreeComponents = { Z: new Float64Array(n), N: new Float64Array(n), E: new Float64Array(n) };
  const addPulse = (t0: number, amp: number, pol: Record<Component, number>) => {
    const i0 = Math.max(0, Math.floor(t0 * sampleRate));
    const i1 = Math.min(n, Math.ceil((t0 + pulseLength) * sampleRate) + 1);
    for (let i = i0; i < i1; i++) {
      const w = amp * pulse(i / sampleRate - t0);
      for (const c of COMPONENTS) clean[c][i] += w * pol[c];
    }
  };
  addPulse(pArrival, aP, pZNE);
  addPulse(sArrival, aS, sZNE);

  // Coda: the pulse convolved with white noise (so it has the source's band), scaled to unit
  // RMS, times a decaying envelope that ramps in over one pulse length after the arrival.
  const kernelLength = Math.ceil(pulseLength * sampleRate) + 1;
  const codaLength = Math.min(n, Math.ceil(14 * codaDecay * sampleRate));
  checkSize('frequency', 6 * codaLength * Math.min(kernelLength, n + 1), MAX_CODA_WORK, `multiply-adds for the coda (a ${pulseLength.toPrecision(3)} s pulse over a ${(codaLength / sampleRate).toPrecision(3)} s coda)`);
  const kernel: number[] = [];
  for (let i = 0; i < Math.min(kernelLength, n + 1); i++) kernel.push(pulse(i / sampleRate));
  const addCoda = (t0: number, peak: number, weights: Record<Component, number>) => {
    const i0 = Math.max(0, Math.ceil(t0 * sampleRate));
    if (i0 >= n || codaAmplitude === 0) return;
    // Past 14 e-folding times the envelope is below 1e-6: stop there (long records stay cheap).
    const m = Math.min(n - i0, Math.ceil(14 * codaDecay * sampleRate));
    for (const c of COMPONENTS) {
      const coda = bandNoise(m, kernel, rng);
      for (let j = 0; j < coda.length; j++) {
        const dt = (i0 + j) / sampleRate - t0;
        const ramp = dt < pulseLength ? Math.sin((Math.PI / 2) * (dt / pulseLength)) ** 2 : 1;
        clean[c][i0 + j] += codaAmplitude * peak * weights[c] * ramp * Math.exp(-dt / codaDecay) * coda[j];
      }
    }
  };
  const horizontal = 1 / Math.SQRT2;
  addCoda(pArrival, aP * Math.abs(P.z), { Z: 1, N: 0.5 * horizontal, E: 0.5 * horizontal });
  addCoda(sArrival, aS * Math.max(Math.abs(S.r), Math.abs(S.t)), { Z: 0.5, N: horizontal, E: horizontal });

  let peak = 0;
  for (const c of COMPONENTS) for (let i = 0; i < n; i++) peak = Math.max(peak, Math.abs(clean[c][i]));
  const noiseStd = Number.isFinite(snr) && peak > 0 ? peak / snr : 0;
  const traces: ThreeComponents = { Z: clean.Z.slice(), N: clean.N.slice(), E: clean.E.slice() };
  if (noiseStd > 0) {
    for (const c of COMPONENTS) {
      const noise = seismicNoise(n, { sampleRate, microseismFrequency, microseismShare, randomState: rng.nextSeed() });
      const tr = traces[c];
      for (let i = 0; i < n; i++) tr[i] += noiseStd * noise[i];
    }
  }
  return {
    traces,
    clean,
    sampleRate,
    pArrival,
    sArrival,
    parameters: {
      sampleRate, duration, originTime, distance, depth, vp, vs, source, frequency, spRatio, backAzimuth, incidence, shShare,
      codaDecay, codaAmplitude, snr, microseismFrequency, microseismShare, hypocentralDistance: r, noiseStd,
    },
  };
}

/** Unit-RMS noise of length m with the spectrum of `kernel`: white noise convolved with it. */
function bandNoise(m: number, kernel: ArrayLike<number>, rng: RandomState): Float64Array {
  const L = kernel.length;
  const white = new Float64Array(m + L);
  for (let i = 0; i < white.length; i++) white[i] = rng.normal();
  const out = new Float64Array(m);
  let s = 0;
  for (let i = 0; i < m; i++) {
    let acc = 0;
    for (let k = 0; k < L; k++) acc += kernel[k] * white[i + L - k];
    out[i] = acc;
    s += acc * acc;
  }
  const rms = Math.sqrt(s / Math.max(1, m));
  if (rms > 0) for (let i = 0; i < m; i++) out[i] /= rms;
  return out;
}
