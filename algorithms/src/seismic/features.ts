/**
 * The hand-made waveform features of the slides' Table 1 (Malfante et al., 2018, after Tucker
 * & Brown, 2005; Esmaili et al., 2004; Han et al., 2011; Langet, 2014; Hibert et al., 2014):
 * 34 descriptors computed on the same footing in three domains,
 * - temporal: the samples s[i] themselves, axis u = i/fs (seconds);
 * - spectral: the magnitude spectrum |S[k]|, k = 0 … nfft/2, axis u = k·fs/nfft (Hz);
 * - cepstral: the real cepstrum c[q] = IFFT(log|S|)[q], q = 0 … nfft/2, axis u = q/fs (quefrency, s);
 * so 102 numbers per waveform, the representation on which the slides' classifiers reach Table 3.
 *
 * In each domain, with a signal s[0 … n−1] on axis u, Eᵢ = s[i]² and E = Σᵢ Eᵢ:
 *
 * | ref | name | definition |
 * |---|---|---|
 * | 1 | Length | n |
 * | 2 | Mean | μ = (1/n) Σ s[i] |
 * | 3 | Standard deviation | σ = √( Σ (s[i] − μ)² / (n − 1) ) |
 * | 4 | Skewness | (1/n) Σ ((s[i] − μ)/σ)³ |
 * | 5 | Kurtosis | (1/n) Σ ((s[i] − μ)/σ)⁴ (not the excess: 3 for a Gaussian) |
 * | 6 | i of central energy | ū = (1/E) Σ uᵢEᵢ |
 * | 7 | RMS bandwidth | B = √( (1/E) Σ uᵢ²Eᵢ − ū² ) |
 * | 8 | Mean skewness | sgn(m₃)·√|m₃|, m₃ = Σ (uᵢ − ū)³Eᵢ / (E·B³) |
 * | 9 | Mean kurtosis | √m₄, m₄ = Σ (uᵢ − ū)⁴Eᵢ / (E·B⁴) |
 * | 10–12 | Shannon entropy (5, 30, 500 bins) | −Σⱼ pⱼ log₂ pⱼ |
 * | 13–15 | Rényi entropy (α = 2; 5, 30, 500 bins) | −log₂ Σⱼ pⱼ² |
 * | 16–18 | Rényi entropy (α = ∞; 5, 30, 500 bins) | −log₂ maxⱼ pⱼ |
 * | 19 | Rate of attack | maxᵢ (Eᵢ − Eᵢ₋₁) / maxᵢ Eᵢ |
 * | 20 | Rate of decay | minᵢ (Eᵢ − Eᵢ₋₁) / maxᵢ Eᵢ |
 * | 21 | min/mean | minᵢ s[i] / μ |
 * | 22 | max/mean | maxᵢ s[i] / μ |
 * | 23 | Signal energy | E |
 * | 24 | Energy maximum | maxᵢ Eᵢ |
 * | 25 | Energy average | E / n |
 * | 26 | Energy standard deviation | √( (1/n) Σ (Eᵢ − E/n)² ) |
 * | 27 | Energy skewness | (1/n) Σ ((Eᵢ − E/n)/σ_E)³ |
 * | 28 | Energy kurtosis | (1/n) Σ ((Eᵢ − E/n)/σ_E)⁴ |
 * | 29 | min | minᵢ s[i] |
 * | 30 | max | maxᵢ s[i] |
 * | 31 | i of min | u at the first minimum |
 * | 32 | i of max | u at the first maximum |
 * | 33 | Threshold crossing rate | (number of i with [|s[i]| ≥ τ] ≠ [|s[i−1]| ≥ τ]) / n, τ = crossingThreshold·maxᵢ|s[i]| |
 * | 34 | Silence ratio | (number of i with |s[i]| < τ_s) / n, τ_s = silenceThreshold·maxᵢ|s[i]| |
 *
 * pⱼ is the fraction of samples in bin j of a histogram of s with that many equal bins over
 * [min s, max s] (NumPy's `histogram`); entropies are in bits.
 *
 * Where the slides' table, copied from the paper, cannot be meant literally, we follow the
 * authors' published code (Malfante's AAA): the table's mean skewness √(Σ(i−ī)²Eᵢ/(E·Bᵢ³))
 * reduces to 1/√Bᵢ, so the third moment is used (with its sign); its rate of decay
 * minᵢ (s[i] − s[i+1])/n is exactly minus its rate of attack, so both are taken, as in that
 * code, on the energy Eᵢ normalised by its maximum. The energy standard deviation, skewness and
 * kurtosis are the plain moments of the sequence Eᵢ. Where a ratio is undefined (σ = 0, E = 0,
 * B = 0, μ = 0), the feature is 0, so that every feature is finite.
 */
import type { Matrix } from '../core/matrix';
import { ValidationError } from '../core/errors';
import { checkScalar } from '../core/validation';
import { nextPowerOfTwo, rfftInterleaved } from './fft';
import { checkFftLength, checkFiniteResult, checkSampleRate, checkSignal } from './_checks';

/** The three domains of Table 1. */
export type FeatureDomain = 'temporal' | 'spectral' | 'cepstral';

/** All three domains, in the order features are returned. */
export const FEATURE_DOMAINS: readonly FeatureDomain[] = ['temporal', 'spectral', 'cepstral'];

/** A feature's description, without a value. */
export interface WaveformFeatureInfo {
  /** Its name, as Table 1 names it ("Shannon entropy (30 bins)", "i of central energy", …). */
  name: string;
  /** A stable camelCase key, unique within a domain ("shannon30", "centralEnergyIndex", …). */
  key: string;
  /** The domain it is computed in. */
  domain: FeatureDomain;
  /** Table 1's reference number, 1 … 34. */
  ref: number;
  /** Unit of the value when it is on the domain's axis: 's' (temporal, cepstral) or 'Hz' (spectral); '' otherwise. */
  unit: string;
}

/** One computed feature. */
export interface WaveformFeature extends WaveformFeatureInfo {
  /** Its value (always finite). */
  value: number;
}

/** [key, name, is-on-axis] of the 34 features of one domain, in Table 1's order. */
const TABLE: readonly (readonly [string, string, boolean])[] = [
  ['length', 'Length', false],
  ['mean', 'Mean', false],
  ['std', 'Standard deviation', false],
  ['skewness', 'Skewness', false],
  ['kurtosis', 'Kurtosis', false],
  ['centralEnergyIndex', 'i of central energy', true],
  ['rmsBandwidth', 'RMS bandwidth', true],
  ['meanSkewness', 'Mean skewness', false],
  ['meanKurtosis', 'Mean kurtosis', false],
  ['shannon5', 'Shannon entropy (5 bins)', false],
  ['shannon30', 'Shannon entropy (30 bins)', false],
  ['shannon500', 'Shannon entropy (500 bins)', false],
  ['renyi2Bins5', 'Rényi entropy (α = 2, 5 bins)', false],
  ['renyi2Bins30', 'Rényi entropy (α = 2, 30 bins)', false],
  ['renyi2Bins500', 'Rényi entropy (α = 2, 500 bins)', false],
  ['renyiInfBins5', 'Rényi entropy (α = ∞, 5 bins)', false],
  ['renyiInfBins30', 'Rényi entropy (α = ∞, 30 bins)', false],
  ['renyiInfBins500', 'Rényi entropy (α = ∞, 500 bins)', false],
  ['rateOfAttack', 'Rate of attack', false],
  ['rateOfDecay', 'Rate of decay', false],
  ['minOverMean', 'min/mean', false],
  ['maxOverMean', 'max/mean', false],
  ['energy', 'Signal energy', false],
  ['energyMax', 'Energy maximum', false],
  ['energyMean', 'Energy average', false],
  ['energyStd', 'Energy standard deviation', false],
  ['energySkewness', 'Energy skewness', false],
  ['energyKurtosis', 'Energy kurtosis', false],
  ['min', 'min', false],
  ['max', 'max', false],
  ['minIndex', 'i of min', true],
  ['maxIndex', 'i of max', true],
  ['thresholdCrossingRate', 'Threshold crossing rate', false],
  ['silenceRatio', 'Silence ratio', false],
];

/** Number of features per domain (34). */
export const FEATURES_PER_DOMAIN = TABLE.length;

const BINS = [5, 30, 500] as const;

/** Options of {@link waveformFeatures}. */
export interface WaveformFeatureOptions {
  /** Sampling rate in Hz (sets the temporal, spectral and cepstral axes). Required. */
  sampleRate: number;
  /** Domains to compute, in this order. Default all three: temporal, spectral, cepstral. */
  domains?: readonly FeatureDomain[];
  /** FFT length for the spectral and cepstral domains (≥ 2). Default the next power of two ≥ the signal's length. */
  nfft?: number;
  /** τ of the threshold crossing rate, as a fraction of max |s| (0 < τ < 1). Default 0.25. */
  crossingThreshold?: number;
  /** τ_s of the silence ratio, as a fraction of max |s| (0 < τ_s < 1). Default 0.25. */
  silenceThreshold?: number;
}

/** The features' descriptions for the given domains (default all three), in output order. */
export function waveformFeatureInfo(domains: readonly FeatureDomain[] = FEATURE_DOMAINS): WaveformFeatureInfo[] {
  checkDomains(domains);
  const out: WaveformFeatureInfo[] = [];
  for (const domain of domains) {
    TABLE.forEach(([key, name, onAxis], j) => out.push({ name, key, domain, ref: j + 1, unit: onAxis ? (domain === 'spectral' ? 'Hz' : 's') : '' }));
  }
  return out;
}

function checkDomains(domains: readonly FeatureDomain[]): void {
  if (!Array.isArray(domains) || domains.length === 0) throw new ValidationError('domains', 'empty', 'needs at least one of temporal, spectral, cepstral');
  for (const d of domains) {
    if (!FEATURE_DOMAINS.includes(d)) throw new ValidationError('domains', 'bad-option', `unknown domain ${JSON.stringify(d)}; use temporal, spectral or cepstral`);
  }
}

interface Resolved {
  fs: number;
  domains: readonly FeatureDomain[];
  nfft: number | undefined;
  crossing: number;
  silence: number;
}

function resolve(options: WaveformFeatureOptions): Resolved {
  const fs = checkSampleRate(options?.sampleRate);
  const domains = options.domains ?? FEATURE_DOMAINS;
  checkDomains(domains);
  const nfft = options.nfft === undefined ? undefined : checkScalar(options.nfft, 'nfft', { min: 2, integer: true });
  if (nfft !== undefined) checkFftLength(nfft, 'nfft');
  const crossing = checkScalar(options.crossingThreshold ?? 0.25, 'crossingThreshold', { min: 0, exclusiveMin: true, max: 1 });
  const silence = checkScalar(options.silenceThreshold ?? 0.25, 'silenceThreshold', { min: 0, exclusiveMin: true, max: 1 });
  return { fs, domains, nfft, crossing, silence };
}

/**
 * Table 1's features of one waveform, in Table 1's order within each domain, domains in the
 * order asked (default temporal, spectral, cepstral): 102 `{ name, key, domain, ref, unit, value }`.
 *
 * @example
 * const f = waveformFeatures(trace, { sampleRate: 100 });
 * f.find((x) => x.domain === 'spectral' && x.key === 'centralEnergyIndex')!.value; // Hz
 */
export function waveformFeatures(signal: ArrayLike<number>, options: WaveformFeatureOptions): WaveformFeature[] {
  const r = resolve(options);
  const values = computeVector(checkSignal(signal, 'signal', 2), r);
  return waveformFeatureInfo(r.domains).map((info, i) => ({ ...info, value: values[i] }));
}

/** The same values as {@link waveformFeatures}, as one Float64Array (the fast path for datasets). */
export function waveformFeatureVector(signal: ArrayLike<number>, options: WaveformFeatureOptions): Float64Array {
  return computeVector(checkSignal(signal, 'signal', 2), resolve(options));
}

/**
 * The feature matrix of many waveforms (rows = waveforms, columns = {@link waveformFeatureInfo}),
 * ready for a classifier: `waveformFeatureMatrix(dataset.signals, { sampleRate: 100 })`.
 */
export function waveformFeatureMatrix(signals: ReadonlyArray<ArrayLike<number>>, options: WaveformFeatureOptions): Matrix {
  const r = resolve(options);
  if (!Array.isArray(signals) || signals.length === 0) throw new ValidationError('signals', 'empty', 'no waveforms (an empty array)');
  const cols = r.domains.length * FEATURES_PER_DOMAIN;
  const data = new Float64Array(signals.length * cols);
  signals.forEach((s, i) => data.set(computeVector(checkSignal(s, `signals[${i}]`, 2), r), i * cols));
  return { rows: signals.length, cols, data };
}

function computeVector(s: Float64Array, r: Resolved): Float64Array {
  const out = new Float64Array(r.domains.length * FEATURES_PER_DOMAIN);
  const needsSpectrum = r.domains.some((d) => d !== 'temporal');
  let spectrum: Float64Array | null = null;
  let nfft = 0;
  if (needsSpectrum) {
    nfft = r.nfft ?? Math.max(2, nextPowerOfTwo(s.length));
    checkFftLength(nfft, r.nfft === undefined ? 'signal' : 'nfft');
    const d = rfftInterleaved(s, nfft);
    const h = Math.floor(nfft / 2) + 1;
    spectrum = new Float64Array(h);
    for (let k = 0; k < h; k++) spectrum[k] = Math.sqrt(d[2 * k] * d[2 * k] + d[2 * k + 1] * d[2 * k + 1]);
  }
  r.domains.forEach((domain, j) => {
    let x: Float64Array;
    let du: number;
    if (domain === 'temporal') {
      x = s;
      du = 1 / r.fs;
    } else if (domain === 'spectral') {
      x = spectrum!;
      du = r.fs / nfft;
    } else {
      x = cepstrum(spectrum!, nfft);
      du = 1 / r.fs;
    }
    domainFeatures(x, du, r, out, j * FEATURES_PER_DOMAIN);
  });
  return checkFiniteResult(out);
}

/**
 * Real cepstrum c = IFFT(log|S|) from the one-sided magnitude |S[0 … nfft/2]|, first half
 * (c is even). |S| is floored at 1e-12·max|S| so that a spectral zero does not give −∞.
 */
function cepstrum(mag: Float64Array, nfft: number): Float64Array {
  const h = mag.length;
  let peak = 0;
  for (let k = 0; k < h; k++) if (mag[k] > peak) peak = mag[k];
  const floor = peak > 0 ? peak * 1e-12 : 1;
  // log|S| over the full circle is real and even, so its inverse DFT is the real DFT / nfft.
  const full = new Float64Array(nfft);
  for (let k = 0; k < nfft; k++) {
    const m = mag[k < h ? k : nfft - k];
    full[k] = Math.log(m > floor ? m : floor);
  }
  const d = rfftInterleaved(full, nfft);
  const c = new Float64Array(h);
  for (let q = 0; q < h; q++) c[q] = d[2 * q] / nfft;
  return c;
}

const histogram = new Int32Array(500);

/** Writes the 34 features of x (axis uᵢ = i·du) into out[o …]. */
function domainFeatures(x: Float64Array, du: number, r: Resolved, out: Float64Array, o: number): void {
  const n = x.length;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let iMin = 0;
  let iMax = 0;
  let E = 0;
  let Emax = 0;
  let uE = 0;
  let dEmax = -Infinity;
  let dEmin = Infinity;
  let prevE = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    sum += v;
    if (v < min) {
      min = v;
      iMin = i;
    }
    if (v > max) {
      max = v;
      iMax = i;
    }
    const e = v * v;
    E += e;
    if (e > Emax) Emax = e;
    uE += i * e;
    if (i > 0) {
      const dE = e - prevE;
      if (dE > dEmax) dEmax = dE;
      if (dE < dEmin) dEmin = dE;
    }
    prevE = e;
  }
  const mu = sum / n;
  const Ebar = E / n;
  const iBar = E > 0 ? uE / E : 0; // in samples; × du below
  // Central moments of s, of the energy-weighted axis, and of the energy sequence.
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  let w2 = 0;
  let w3 = 0;
  let w4 = 0;
  let e2 = 0;
  let e3 = 0;
  let e4 = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - mu;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
    const e = x[i] * x[i];
    const t = i - iBar;
    const t2 = t * t;
    w2 += t2 * e;
    w3 += t2 * t * e;
    w4 += t2 * t2 * e;
    const g = e - Ebar;
    const g2 = g * g;
    e2 += g2;
    e3 += g2 * g;
    e4 += g2 * g2;
  }
  const sigma = n > 1 ? Math.sqrt(m2 / (n - 1)) : 0;
  const B = E > 0 ? Math.sqrt(w2 / E) : 0; // in samples
  const sE = Math.sqrt(e2 / n);
  const ms = E > 0 && B > 0 ? w3 / (E * B * B * B) : 0;
  const mk = E > 0 && B > 0 ? w4 / (E * B * B * B * B) : 0;

  out[o] = n;
  out[o + 1] = mu;
  out[o + 2] = sigma;
  out[o + 3] = sigma > 0 ? m3 / n / (sigma * sigma * sigma) : 0;
  out[o + 4] = sigma > 0 ? m4 / n / (sigma * sigma * sigma * sigma) : 0;
  out[o + 5] = iBar * du;
  out[o + 6] = B * du;
  out[o + 7] = Math.sign(ms) * Math.sqrt(Math.abs(ms));
  out[o + 8] = Math.sqrt(mk);
  // Entropies from histograms over [min, max] (NumPy: a flat signal goes to one bin).
  const lo = min === max ? min - 0.5 : min;
  const span = min === max ? 1 : max - min;
  for (let b = 0; b < 3; b++) {
    const nb = BINS[b];
    histogram.fill(0, 0, nb);
    for (let i = 0; i < n; i++) {
      let k = Math.floor(((x[i] - lo) / span) * nb);
      if (k >= nb) k = nb - 1; // the last bin is closed: max falls in it
      else if (k < 0) k = 0;
      histogram[k]++;
    }
    let shannon = 0;
    let sq = 0;
    let pmax = 0;
    for (let k = 0; k < nb; k++) {
      const c = histogram[k];
      if (c === 0) continue;
      const p = c / n;
      shannon -= p * Math.log2(p);
      sq += p * p;
      if (p > pmax) pmax = p;
    }
    out[o + 9 + b] = shannon;
    out[o + 12 + b] = -Math.log2(sq) || 0;
    out[o + 15 + b] = -Math.log2(pmax) || 0;
  }
  out[o + 18] = Emax > 0 && n > 1 ? dEmax / Emax : 0;
  out[o + 19] = Emax > 0 && n > 1 ? dEmin / Emax : 0;
  out[o + 20] = mu !== 0 ? min / mu : 0;
  out[o + 21] = mu !== 0 ? max / mu : 0;
  out[o + 22] = E;
  out[o + 23] = Emax;
  out[o + 24] = Ebar;
  out[o + 25] = sE;
  out[o + 26] = sE > 0 ? e3 / n / (sE * sE * sE) : 0;
  out[o + 27] = sE > 0 ? e4 / n / (sE * sE * sE * sE) : 0;
  out[o + 28] = min;
  out[o + 29] = max;
  out[o + 30] = iMin * du;
  out[o + 31] = iMax * du;
  const amax = Math.max(Math.abs(min), Math.abs(max));
  const tc = r.crossing * amax;
  const ts = r.silence * amax;
  let crossings = 0;
  let silent = 0;
  let prevAbove = Math.abs(x[0]) >= tc;
  for (let i = 0; i < n; i++) {
    const a = Math.abs(x[i]);
    const above = a >= tc;
    if (above !== prevAbove) crossings++;
    prevAbove = above;
    if (a < ts) silent++;
  }
  out[o + 32] = crossings / n;
  out[o + 33] = silent / n;
}
