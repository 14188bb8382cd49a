/**
 * Volcano-seismic events of the six classes of the slides (the Ubinas catalogue of Malfante
 * et al., 2018, behind Table 3), each generated from its textbook signature (Chouet, 1996;
 * McNutt, 2005; Zobin, 2012):
 *
 * - LP, long-period: emergent onset, narrow band within 0.5–5 Hz (fluid resonance in a crack);
 * - TR, tremor: sustained, harmonic (a fundamental and its overtones), no clear onset or end;
 * - VT, volcano-tectonic: an ordinary small earthquake, impulsive and broadband, clear P then S;
 * - EXP, explosion: a sharp broadband onset, then an air wave (the blast's sound, at about
 *   340 m/s, coupled into the ground) arriving seconds later as a short high-frequency burst;
 * - HYB, hybrid: a VT-like broadband onset followed by an LP-like narrow-band coda;
 * - TOR, tornillo ("screw"): a small onset, then one long, slowly decaying monochromatic coda.
 *
 * All are single-component (vertical) traces, normalised to a noise-free peak of 1, plus
 * {@link seismicNoise} at the chosen signal-to-noise ratio.
 */
import { checkRandomState, type RandomState, type RandomStateLike } from '../core/random';
import { ValidationError } from '../core/errors';
import { checkOneOf, checkScalar, checkSize, LIMITS } from '../core/validation';
import { checkOptions, checkPositive, checkSampleRate, MAX_SIGNAL_SAMPLES } from './_checks';
import { butterworth, sosfilt } from './filter';
import { seismicNoise } from './noise';

/** The six classes, in the slides' order; a class's label is its index here. */
export const VOLCANIC_CLASSES = ['LP', 'TR', 'VT', 'EXP', 'HYB', 'TOR'] as const;
/** One volcano-seismic class. */
export type VolcanicClass = (typeof VOLCANIC_CLASSES)[number];

/** Long names of the classes, for legends. */
export const VOLCANIC_CLASS_NAMES: Readonly<Record<VolcanicClass, string>> = {
  LP: 'long-period',
  TR: 'tremor',
  VT: 'volcano-tectonic',
  EXP: 'explosion',
  HYB: 'hybrid',
  TOR: 'tornillo',
};

/**
 * How many events of each class the slides' Table 3 holds (the column sums of its confusion
 * matrix: 68,014 events, 91 % of them LP): the imbalance that makes accuracy misleading.
 */
export const SLIDES_CLASS_COUNTS: Readonly<Record<VolcanicClass, number>> = { LP: 62030, TR: 5245, VT: 516, EXP: 48, HYB: 143, TOR: 32 };

/** Options of {@link volcanicEvent}. */
export interface VolcanicEventOptions {
  /** Sampling rate in Hz (≥ 30, so that the broadband classes fit below Nyquist). Default 100. */
  sampleRate?: number;
  /** Trace length in seconds (≥ 10). Default 30. */
  duration?: number;
  /**
   * Onset in seconds after the first sample; default drawn uniformly in [0.1, 0.25]·duration.
   * (Tremor has no clear onset: there it is where its slow build-up begins.)
   */
  onset?: number;
  /** Noise-free peak over noise standard deviation, or [low, high] to draw it per event; Infinity for no noise. Default 10. */
  snr?: number | readonly [number, number];
  /** Seed or generator. Default 0. */
  randomState?: RandomStateLike;
}

/** A generated event. */
export interface VolcanicEvent {
  /** The vertical-component trace. */
  signal: Float64Array;
  /** The same without noise (peak 1). */
  clean: Float64Array;
  /** Its class. */
  type: VolcanicClass;
  /** Its label, the index of its class in {@link VOLCANIC_CLASSES}. */
  label: number;
  /** Sampling rate in Hz. */
  sampleRate: number;
  /** Onset in seconds after the first sample. */
  onset: number;
  /** The signal-to-noise ratio used. */
  snr: number;
  /** The random draws that shaped this event (frequencies in Hz, times in s), for explanations. */
  parameters: Record<string, number>;
}

/** Smooth rise over `rise` seconds (sin²), then exponential decay with e-folding `decay`; 0 before t = 0. */
function riseDecay(t: number, rise: number, decay: number): number {
  if (t < 0) return 0;
  if (t < rise) return Math.sin((Math.PI / 2) * (t / rise)) ** 2;
  return Math.exp(-(t - rise) / decay);
}

/** Band-limited Gaussian noise (Butterworth band-pass of white noise), unit RMS. */
function bandLimited(n: number, lo: number, hi: number, fs: number, rng: RandomState, order = 2): Float64Array {
  const h = Math.min(hi, 0.45 * fs);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = rng.normal();
  const y = sosfilt(butterworth({ order, type: 'bandpass', frequency: [lo, h], sampleRate: fs }), x);
  let s = 0;
  for (let i = 0; i < n; i++) s += y[i] * y[i];
  const rms = Math.sqrt(s / n) || 1;
  for (let i = 0; i < n; i++) y[i] /= rms;
  return y;
}

/**
 * One seeded volcano-seismic event of the given class (see the module comment for the
 * signatures). Dominant frequencies, durations and the amplitudes of the parts are drawn per
 * event from ranges typical of the class, so that a dataset has realistic within-class spread.
 */
export function volcanicEvent(type: VolcanicClass, options: VolcanicEventOptions = {}): VolcanicEvent {
  checkOneOf(type, 'type', VOLCANIC_CLASSES);
  options = checkOptions(options);
  const fs = checkSampleRate(options.sampleRate ?? 100);
  if (fs < 30) throw new ValidationError('sampleRate', 'out-of-range', `must be ≥ 30 Hz for the broadband classes, got ${fs}`);
  const duration = checkScalar(options.duration ?? 30, 'duration', { min: 10 });
  checkSize('duration', Math.round(duration * fs), MAX_SIGNAL_SAMPLES, `samples (${duration} s at ${fs} Hz)`);
  const rng = checkRandomState(options.randomState);
  const onset = options.onset === undefined ? rng.uniform(0.1, 0.25) * duration : checkScalar(options.onset, 'onset', { min: 0, max: duration });
  const snr = drawSnr(options.snr ?? 10, rng);
  const n = Math.round(duration * fs);
  const x = new Float64Array(n);
  const p: Record<string, number> = {};
  const time = (i: number) => i / fs - onset;
  /** Adds amp·env(t)·carrier[i] to x. */
  const add = (amp: number, env: (t: number) => number, carrier: Float64Array | ((t: number, i: number) => number)) => {
    for (let i = 0; i < n; i++) {
      const e = env(time(i));
      if (e === 0) continue;
      x[i] += amp * e * (typeof carrier === 'function' ? carrier(time(i), i) : carrier[i]);
    }
  };

  switch (type) {
    case 'LP': {
      const f0 = (p.dominantFrequency = rng.uniform(0.8, 3));
      const rise = (p.rise = rng.uniform(1.5, 3));
      const decay = (p.decay = rng.uniform(3, 6));
      add(1, (t) => riseDecay(t, rise, decay), bandLimited(n, f0 / 1.3, f0 * 1.3, fs, rng));
      break;
    }
    case 'TR': {
      const f0 = (p.fundamental = rng.uniform(1, 3));
      const harmonics = (p.harmonics = 2 + rng.randint(3));
      const glide = (p.glide = rng.uniform(-0.05, 0.05)); // relative frequency drift over the trace
      const modPeriod = (p.modulationPeriod = rng.uniform(4, 10));
      const rise = (p.rise = rng.uniform(3, 6));
      const phases = Array.from({ length: harmonics }, () => rng.uniform(0, 2 * Math.PI));
      // Instantaneous frequency f(t) = f₀(1 + glide·t/duration): phase 2πf₀(t + glide·t²/(2·duration)).
      add(
        1,
        (t) => (t < 0 ? 0 : t < rise ? Math.sin((Math.PI / 2) * (t / rise)) ** 2 : 1) * (1 + 0.3 * Math.sin((2 * Math.PI * t) / modPeriod)),
        (t) => {
          const ph = 2 * Math.PI * f0 * (t + (glide * t * t) / (2 * duration));
          let s = 0;
          for (let k = 1; k <= harmonics; k++) s += Math.sin(k * ph + phases[k - 1]) / k ** 1.5;
          return s;
        },
      );
      break;
    }
    case 'VT': {
      const sp = (p.sMinusP = rng.uniform(1, 4));
      const pDecay = (p.pDecay = rng.uniform(0.4, 0.9));
      const sDecay = (p.sDecay = rng.uniform(1.2, 2.5));
      const sAmp = (p.sOverP = rng.uniform(2, 4));
      add(1, (t) => riseDecay(t, 0.03, pDecay), bandLimited(n, 1, 20, fs, rng));
      add(sAmp, (t) => riseDecay(t - sp, 0.05, sDecay), bandLimited(n, 1, 12, fs, rng));
      break;
    }
    case 'EXP': {
      const delay = (p.airWaveDelay = rng.uniform(3, 8));
      const fAir = (p.airWaveFrequency = rng.uniform(4, 8));
      const decay = (p.decay = rng.uniform(1.5, 3));
      const airAmp = (p.airWaveAmplitude = rng.uniform(0.5, 1));
      add(1, (t) => riseDecay(t, 0.02, decay), bandLimited(n, 0.5, 10, fs, rng));
      add(0.8, (t) => riseDecay(t, 0.2, decay * 1.5), bandLimited(n, 0.3, 1.5, fs, rng));
      add(airAmp, (t) => riseDecay(t - delay, 0.05, 0.4), bandLimited(n, fAir / 1.15, fAir * 1.15, fs, rng));
      break;
    }
    case 'HYB': {
      const f0 = (p.codaFrequency = rng.uniform(1, 2.5));
      const codaDecay = (p.codaDecay = rng.uniform(4, 8));
      const onsetDecay = (p.onsetDecay = rng.uniform(0.3, 0.8));
      add(1, (t) => riseDecay(t, 0.03, onsetDecay), bandLimited(n, 1, 20, fs, rng));
      add(0.8, (t) => riseDecay(t - 0.3, 0.8, codaDecay), bandLimited(n, f0 / 1.25, f0 * 1.25, fs, rng));
      break;
    }
    case 'TOR': {
      const f0 = (p.frequency = rng.uniform(2, 6));
      const decay = (p.decay = rng.uniform(8, 15));
      const phase = rng.uniform(0, 2 * Math.PI);
      add(0.4, (t) => riseDecay(t, 0.03, 0.3), bandLimited(n, 1, 15, fs, rng));
      add(1, (t) => riseDecay(t, 0.3, decay), (t) => Math.sin(2 * Math.PI * f0 * t + phase));
      break;
    }
  }
  let peak = 0;
  for (let i = 0; i < n; i++) peak = Math.max(peak, Math.abs(x[i]));
  if (peak > 0) for (let i = 0; i < n; i++) x[i] /= peak;
  const signal = x.slice();
  if (Number.isFinite(snr)) {
    const noise = seismicNoise(n, { sampleRate: fs, randomState: rng.nextSeed() });
    for (let i = 0; i < n; i++) signal[i] += noise[i] / snr;
  }
  return { signal, clean: x, type, label: VOLCANIC_CLASSES.indexOf(type), sampleRate: fs, onset, snr, parameters: p };
}

function drawSnr(snr: number | readonly [number, number], rng: RandomState): number {
  if (Array.isArray(snr)) {
    if (snr.length !== 2) throw new ValidationError('snr', 'bad-option', `must be a number or [low, high], got ${snr.length} values`);
    const [lo, hi] = snr as readonly [number, number];
    checkPositive(lo, 'snr[0]');
    checkScalar(hi, 'snr[1]', { min: lo });
    return rng.uniform(lo, hi);
  }
  if (typeof snr !== 'number' || Number.isNaN(snr) || snr <= 0) throw new ValidationError('snr', 'out-of-range', `must be > 0 (or Infinity for no noise), got ${String(snr)}`);
  return snr;
}

/** Options of {@link makeVolcanicDataset}: the event options plus how many of each class. */
export interface VolcanicDatasetOptions extends Omit<VolcanicEventOptions, 'onset'> {
  /**
   * Events per class, as { LP: 50, TR: 10, … } (missing classes get 0) or six numbers in the
   * order of {@link VOLCANIC_CLASSES}. Overrides `nSamples` and `imbalance`.
   */
  classCounts?: Partial<Record<VolcanicClass, number>> | readonly number[];
  /** Total number of events when `classCounts` is not given. Default 120. */
  nSamples?: number;
  /**
   * How `nSamples` is shared: 'balanced' (equal), 'slides' (the proportions of Table 3, with at
   * least one event per class), or six relative weights. Default 'balanced'.
   */
  imbalance?: 'balanced' | 'slides' | readonly number[];
  /** Shuffle the events (otherwise they come grouped by class). Default true. */
  shuffle?: boolean;
}

/** A labelled dataset of volcano-seismic events. */
export interface VolcanicDataset {
  /** One trace per event. */
  signals: Float64Array[];
  /** Labels, indices into `classNames`. */
  labels: number[];
  /** The class names, ['LP', 'TR', 'VT', 'EXP', 'HYB', 'TOR']. */
  classNames: VolcanicClass[];
  /** Onsets in seconds, one per event. */
  onsets: number[];
  /** Events per class, in the order of `classNames`. */
  classCounts: number[];
  /** Sampling rate in Hz. */
  sampleRate: number;
}

/** Splits `total` in proportion to `weights` by largest remainders, each share ≥ `floor`. */
function apportion(total: number, weights: readonly number[], floor: number): number[] {
  const k = weights.length;
  const counts = new Array<number>(k).fill(floor);
  const rest = total - floor * k;
  const W = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (rest * w) / W);
  exact.forEach((e, i) => (counts[i] += Math.floor(e)));
  const left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let j = 0; j < left; j++) counts[order[j][1]]++;
  return counts;
}

/**
 * A seeded, labelled dataset of volcano-seismic events, balanced or as imbalanced as the
 * slides' (Table 3), to feed {@link waveformFeatureMatrix} and a classifier.
 *
 * @example
 * const d = makeVolcanicDataset({ nSamples: 300, imbalance: 'slides', randomState: 0 });
 * d.classCounts; // [269, 24, 3, 1, 2, 1]
 */
export function makeVolcanicDataset(options: VolcanicDatasetOptions = {}): VolcanicDataset {
  options = checkOptions(options);
  const rng = checkRandomState(options.randomState);
  let counts: number[];
  if (options.classCounts !== undefined) {
    const cc = options.classCounts;
    if (typeof cc !== 'object' || cc === null) throw new ValidationError('classCounts', 'bad-option', `must be { LP: 50, … } or six counts, got ${JSON.stringify(cc)}`);
    counts = Array.isArray(cc) ? [...(cc as readonly number[])] : VOLCANIC_CLASSES.map((c) => (cc as Partial<Record<VolcanicClass, number>>)[c] ?? 0);
    if (counts.length !== VOLCANIC_CLASSES.length) throw new ValidationError('classCounts', 'length-mismatch', `needs ${VOLCANIC_CLASSES.length} counts (LP, TR, VT, EXP, HYB, TOR), got ${counts.length}`);
    counts.forEach((c, i) => checkScalar(c, `classCounts.${VOLCANIC_CLASSES[i]}`, { min: 0, integer: true }));
  } else {
    const total = checkScalar(options.nSamples ?? 120, 'nSamples', { min: 1, integer: true });
    const imb = options.imbalance ?? 'balanced';
    if (imb === 'balanced') counts = apportion(total, [1, 1, 1, 1, 1, 1], 0);
    else if (imb === 'slides') {
      if (total < VOLCANIC_CLASSES.length) throw new ValidationError('nSamples', 'out-of-range', `'slides' imbalance keeps one event per class: needs ≥ 6, got ${total}`);
      counts = apportion(total, VOLCANIC_CLASSES.map((c) => SLIDES_CLASS_COUNTS[c]), 1);
    } else if (Array.isArray(imb)) {
      if (imb.length !== VOLCANIC_CLASSES.length) throw new ValidationError('imbalance', 'length-mismatch', `needs ${VOLCANIC_CLASSES.length} weights, got ${imb.length}`);
      imb.forEach((w, i) => checkScalar(w, `imbalance[${i}]`, { min: 0 }));
      if (imb.every((w) => w === 0)) throw new ValidationError('imbalance', 'out-of-range', 'all weights are 0');
      counts = apportion(total, imb, 0);
    } else throw new ValidationError('imbalance', 'bad-option', `must be 'balanced', 'slides' or six weights, got ${JSON.stringify(imb)}`);
  }
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) throw new ValidationError('classCounts', 'empty', 'asks for no events at all');
  // Check the whole dataset's size (events × samples each) before generating anything.
  const fs = checkSampleRate(options.sampleRate ?? 100);
  const duration = checkScalar(options.duration ?? 30, 'duration', { min: 10 });
  checkSize(options.classCounts !== undefined ? 'classCounts' : 'nSamples', total * Math.round(duration * fs), LIMITS.maxElements, `samples (${total} events of ${Math.round(duration * fs)} samples)`);
  const labels: number[] = [];
  counts.forEach((c, k) => {
    for (let j = 0; j < c; j++) labels.push(k);
  });
  if (options.shuffle ?? true) rng.shuffle(labels);
  const signals: Float64Array[] = [];
  const onsets: number[] = [];
  const eventOptions = { sampleRate: options.sampleRate, duration: options.duration, snr: options.snr };
  for (const label of labels) {
    const e = volcanicEvent(VOLCANIC_CLASSES[label], { ...eventOptions, randomState: rng.nextSeed() });
    signals.push(e.signal);
    onsets.push(e.onset);
  }
  return { signals, labels, classNames: [...VOLCANIC_CLASSES], onsets, classCounts: counts, sampleRate: options.sampleRate ?? 100 };
}
