/**
 * Data for a ConvNetQuake-style detector and locator (Perol et al. 2018; slides, section 7):
 * 3-component windows x ∈ ℝ^{N×3} labelled "no event" (class 0) or "an event in cell c"
 * (c = 1…6), a continuous stream with several events for sliding detection, and the classic
 * STA/LTA baseline scored on the same data. No TF.js here.
 *
 * The six cells around the station are two distance rings × three back-azimuth sectors:
 * - ring: near (Δ ∈ [5, 22] km) or far (Δ ∈ [35, 50] km). The S−P time, r(1/vs − 1/vp), grows
 *   with distance (≈ 0.12 s per km for vp = 6, vs = 3.5), and the pulse broadens (anelastic
 *   attenuation removes high frequencies: f = f_source / (1 + r / 40 km));
 * - sector: back-azimuth in [0°, 120°), [120°, 240°) or [240°, 360°), the events clustered
 *   within ±20° of the sector's centre (60°, 180°, 300°: separate source regions, as
 *   ConvNetQuake's clusters, with 80° between them; {@link DETECTION_AZIMUTH_SPREAD}). The P motion is along
 *   the ray, so its horizontal part points away from the epicentre: (N, E) ∝ −(cos β, sin β)
 *   for a compressional first motion (up on Z), and the ratio N/E of the first motion gives β.
 * - source: the events of a cell share their fault's mechanism ({@link CELL_MECHANISMS}: S/P
 *   amplitude ratio and SH share, with scatter), as the clusters ConvNetQuake located.
 * Cells 1, 2, 3 are the near ring's sectors, 4, 5, 6 the far ring's. Each window is normalised
 * before the network sees it, so absolute amplitude carries nothing: the S−P time, the pulse
 * width, the polarisation and the waveform of the cell's mechanism do.
 *
 * SNR is in dB of the syntheticSeismogram convention: 20·log₁₀(peak |clean| / σ_noise), with
 * σ_noise the standard deviation of the whole noise (microseism included) at the station's own
 * rate. The microseism (below 1 Hz) holds about half of that variance and both the detector and
 * STA/LTA filter it out, so the SNR in their band is a few dB higher. At −5 dB the event's
 * largest swing is about half the noise's σ (invisible by eye); at 20 dB it is ten times it.
 */
import { ValidationError } from '../core/errors';
import { checkRandomState, RandomState, type RandomStateLike } from '../core/random';
import { checkOneOf, checkScalar, checkSize, describeValue } from '../core/validation';
import { checkOptions, checkPositive, MAX_SIGNAL_SAMPLES } from './_checks';
import { bandpass, butterworth, sosfiltfilt, type SecondOrderSections } from './filter';
import { seismicNoise } from './noise';
import { resample } from './resample';
import { syntheticSeismogram, type ThreeComponents } from './synthetic';
import { onsetSnrDb } from './snr';
import { staLta, triggerOnset } from './trigger';

/** Number of classes: 0 = noise, 1…6 = the cells. */
export const DETECTION_CLASSES = 7;
/** Rate the detector works at (windows are resampled to it): 100 Hz, as ConvNetQuake. */
export const DETECTION_RATE = 100;
/** Epicentral distance ranges of the two rings, in km. */
export const DETECTION_RINGS = { near: [5, 22], far: [35, 50] } as const;
/** Width of a back-azimuth sector in degrees (three sectors). */
export const DETECTION_SECTOR_DEGREES = 120;
/**
 * Half-width in degrees of the back-azimuths drawn in a sector, around its centre. Seismicity
 * clusters on faults: the events of a cell come from one region, not from the whole 120° sector,
 * so that a boundary event (equally far from two sectors' polarisations) is not drawn.
 */
export const DETECTION_AZIMUTH_SPREAD = 20;
/** Short names of the classes, index = class. */
export const DETECTION_CLASS_NAMES = ['noise', 'near 0–120°', 'near 120–240°', 'near 240–360°', 'far 0–120°', 'far 120–240°', 'far 240–360°'] as const;
/** Most windows one call may make (each one is a few FFTs: about a millisecond). */
export const MAX_DETECTION_WINDOWS = 200_000;

/** A number or a [low, high] range to draw uniformly from. */
export type ValueOrRange = number | readonly [number, number];

/**
 * Where the station is: its crust and its noise. The defaults are the region the shipped
 * detector was trained on; {@link NEW_REGION} is the "new region" of transfer learning.
 */
export interface DetectionRegion {
  /** A label for displays. Default 'training region'. */
  name?: string;
  /** P speed in km/s. Default 6.0. */
  vp?: number;
  /** S speed in km/s (< vp). Default 3.5. */
  vs?: number;
  /** The station's own sampling rate in Hz; records are resampled to 100 Hz (anti-aliased). Default 100. */
  sampleRate?: number;
  /** Microseism peak frequency of the noise in Hz (or a range to draw from). Default [0.12, 0.3]. */
  microseismFrequency?: ValueOrRange;
  /** Share of the noise variance in the microseism peak, 0…1 (or a range). Default [0.3, 0.8]. */
  microseismShare?: ValueOrRange;
  /** Width of the microseism peak in octaves (standard deviation in log₂ f). Default 0.35. */
  microseismWidth?: number;
}

/** The training region, filled in. */
export const DEFAULT_REGION: Readonly<Required<DetectionRegion>> = Object.freeze({
  name: 'training region',
  vp: 6.0,
  vs: 3.5,
  sampleRate: 100,
  microseismFrequency: [0.12, 0.3] as const,
  microseismShare: [0.3, 0.8] as const,
  microseismWidth: 0.35,
});

/**
 * A "new region" for transfer learning: slower, fluid-rich rocks (vp = 5.2, vs = 2.9: vp/vs ≈
 * 1.79, so S−P is 0.15 s per km instead of 0.12: the rings' S−P times overlap the training
 * region's), a station recording at 40 Hz (resampled to 100 Hz), and cultural noise: a broad
 * 2 Hz peak holding most of the noise, inside the signal band.
 */
export const NEW_REGION: Readonly<Required<DetectionRegion>> = Object.freeze({
  name: 'new region',
  vp: 5.2,
  vs: 2.9,
  sampleRate: 40,
  microseismFrequency: [1.5, 3] as const,
  microseismShare: [0.6, 0.85] as const,
  microseismWidth: 0.6,
});

/** Options of {@link makeDetectionDataset}. */
export interface DetectionDatasetOptions {
  /** Windows in all (train + held out), ≥ 1. Required. */
  nSamples: number;
  /** Window length in seconds. Default 10 (N = 1000 samples at 100 Hz). */
  windowSeconds?: number;
  /** Rate of the windows returned, in Hz. Default 100 ({@link DETECTION_RATE}). */
  sampleRate?: number;
  /** SNR range in dB, drawn uniformly per event window. Default [−5, 20]. */
  snrRange?: readonly [number, number];
  /** Share of noise-only windows (class 0), 0…1. Default 0.25; events spread evenly over the six cells. */
  noiseFraction?: number;
  /** Share held out, 0…1. Default 0.2. */
  testFraction?: number;
  /**
   * Seconds of noise before each window kept in `leadIn` (for STA/LTA, whose long-term
   * average needs the past). Default 0 (none kept).
   */
  leadIn?: number;
  /** Which part to make: 'both' (default), 'train' or 'test' (the other comes back empty). */
  split?: 'both' | 'train' | 'test';
  /** Seed. The held-out windows come from their own stream: the first k are the same for any nSamples. Default 0. */
  randomState?: RandomStateLike;
  /** The station's crust and noise. Default {@link DEFAULT_REGION}. */
  region?: DetectionRegion;
}

/** What made an event window (or a stream event). */
export interface DetectionEvent {
  /** Class 1…6. */
  cell: number;
  /** SNR in dB. */
  snrDb: number;
  /** Epicentral distance in km. */
  distance: number;
  /** Depth in km. */
  depth: number;
  /** Back-azimuth in degrees, clockwise from north. */
  backAzimuth: number;
  /** P arrival, in seconds from the first sample of the window (or stream). */
  pArrival: number;
  /** S arrival, same origin. */
  sArrival: number;
}

/** One part of a dataset. */
export interface DetectionSplit {
  /** Number of windows. */
  n: number;
  /** Samples per component N. */
  length: number;
  /** Windows, x[(i·N + t)·3 + c] with c = 0, 1, 2 for Z, N, E (channels last, as tf conv1d). Noise σ ≈ 1. */
  x: Float32Array;
  /** Classes 0…6. */
  y: Int32Array;
  /** SNR in dB per window; −∞ for noise windows (no signal). */
  snrDb: Float64Array;
  /** The event of each window, null for noise. */
  events: (DetectionEvent | null)[];
  /** `leadIn` seconds of what came before each window, same layout (n × L × 3), when asked for. */
  leadIn?: Float32Array;
  /** Samples per component of `leadIn` (0 when none). */
  leadLength: number;
}

/** A dataset: train and held-out parts. */
export interface DetectionDataset {
  train: DetectionSplit;
  test: DetectionSplit;
  /** Rate of the windows (Hz). */
  sampleRate: number;
  /** Window length (s). */
  windowSeconds: number;
  /** The region used, filled in. */
  region: Required<DetectionRegion>;
}

/** Validates a region and fills in the defaults. */
export function checkDetectionRegion(region: DetectionRegion | undefined): Required<DetectionRegion> {
  const r = checkOptions(region, 'region');
  const out: Required<DetectionRegion> = {
    name: typeof r.name === 'string' ? r.name : DEFAULT_REGION.name,
    vp: checkPositive(r.vp ?? DEFAULT_REGION.vp, 'region.vp'),
    vs: checkPositive(r.vs ?? DEFAULT_REGION.vs, 'region.vs'),
    sampleRate: checkScalar(r.sampleRate ?? DEFAULT_REGION.sampleRate, 'region.sampleRate', { min: 20, max: 1000 }),
    microseismFrequency: checkRange(r.microseismFrequency ?? DEFAULT_REGION.microseismFrequency, 'region.microseismFrequency', 0.01, 20),
    microseismShare: checkRange(r.microseismShare ?? DEFAULT_REGION.microseismShare, 'region.microseismShare', 0, 1),
    microseismWidth: checkScalar(r.microseismWidth ?? DEFAULT_REGION.microseismWidth, 'region.microseismWidth', { min: 0.05, max: 3 }),
  };
  if (out.vs >= out.vp) throw new ValidationError('region.vs', 'out-of-range', `S waves are slower than P waves: vs (${out.vs}) must be < vp (${out.vp})`);
  return out;
}

function checkRange(v: unknown, name: string, min: number, max: number): ValueOrRange {
  if (typeof v === 'number') return checkScalar(v, name, { min, max });
  if (!Array.isArray(v) || v.length !== 2) throw new ValidationError(name, 'wrong-type', `must be a number or a [low, high] pair, got ${describeValue(v)}`);
  const lo = checkScalar(v[0], `${name}[0]`, { min, max });
  const hi = checkScalar(v[1], `${name}[1]`, { min, max });
  if (hi < lo) throw new ValidationError(name, 'out-of-range', `[low, high] needs low ≤ high, got [${lo}, ${hi}]`);
  return [lo, hi];
}

function checkSnrRange(v: unknown, name = 'snrRange'): [number, number] {
  if (!Array.isArray(v) || v.length !== 2) throw new ValidationError(name, 'wrong-type', `must be a [low, high] pair of dB values, got ${describeValue(v)}`);
  const lo = checkScalar(v[0], `${name}[0]`, { min: -40, max: 80 });
  const hi = checkScalar(v[1], `${name}[1]`, { min: -40, max: 80 });
  if (hi < lo) throw new ValidationError(name, 'out-of-range', `[low, high] needs low ≤ high, got [${lo}, ${hi}]`);
  return [lo, hi];
}

const draw = (rng: RandomState, v: ValueOrRange) => (typeof v === 'number' ? v : rng.uniform(v[0], v[1]));

/** The cell (1…6) of an epicentre at distance Δ (km) and back-azimuth β (degrees); 0 when Δ is in no ring. */
export function detectionCell(distance: number, backAzimuth: number): number {
  checkScalar(distance, 'distance', { min: 0 });
  checkScalar(backAzimuth, 'backAzimuth');
  const ring = distance >= DETECTION_RINGS.near[0] && distance <= DETECTION_RINGS.near[1] ? 0 : distance >= DETECTION_RINGS.far[0] && distance <= DETECTION_RINGS.far[1] ? 1 : -1;
  if (ring < 0) return 0;
  const b = ((backAzimuth % 360) + 360) % 360;
  return 1 + 3 * ring + Math.min(2, Math.floor(b / DETECTION_SECTOR_DEGREES));
}

/** Ring (0 near, 1 far) and sector (0, 1, 2) of a cell 1…6. */
export function cellRingSector(cell: number): { ring: number; sector: number } {
  const c = checkScalar(cell, 'cell', { min: 1, max: 6, integer: true });
  return { ring: c <= 3 ? 0 : 1, sector: (c - 1) % 3 };
}

/**
 * The source of the events of each cell (index cell − 1): seismicity clusters on faults, and
 * the events of one fault share their mechanism, hence their S/P amplitude ratio and the share
 * of S on the transverse component (SH), within some scatter. ConvNetQuake's cells were such
 * clusters (Oklahoma), recognised by their waveforms as much as by their geometry.
 */
export const CELL_MECHANISMS: readonly { spRatio: number; shShare: number }[] = [
  { spRatio: 2.0, shShare: 0.35 },
  { spRatio: 3.0, shShare: 0.8 },
  { spRatio: 2.5, shShare: 0.55 },
  { spRatio: 3.2, shShare: 0.7 },
  { spRatio: 1.8, shShare: 0.4 },
  { spRatio: 2.7, shShare: 0.85 },
];

/** Draws the event parameters of a cell in a region. */
function drawEvent(cell: number, rng: RandomState, region: Required<DetectionRegion>, snrDb: number) {
  const { ring, sector } = cellRingSector(cell);
  const [d0, d1] = ring === 0 ? DETECTION_RINGS.near : DETECTION_RINGS.far;
  const distance = rng.uniform(d0, d1);
  const depth = rng.uniform(2, 12);
  // Clustered near the sector's centre (60°, 180°, 300°), ±DETECTION_AZIMUTH_SPREAD: the cells are
  // separate source regions with 80° of quiet crust between them, as ConvNetQuake's clusters.
  const centre = (sector + 0.5) * DETECTION_SECTOR_DEGREES;
  const backAzimuth = rng.uniform(centre - DETECTION_AZIMUTH_SPREAD, centre + DETECTION_AZIMUTH_SPREAD);
  const r = Math.hypot(distance, depth);
  // Attenuation: a broader pulse far away. Kept below 0.4 × the station's rate.
  const frequency = Math.min(0.4 * region.sampleRate, rng.uniform(4, 9) / (1 + r / 40));
  return {
    cell, snrDb, distance, depth, backAzimuth, r,
    sMinusP: r * (1 / region.vs - 1 / region.vp),
    synth: {
      distance, depth, backAzimuth, vp: region.vp, vs: region.vs, frequency,
      source: rng.random() < 0.5 ? ('ricker' as const) : ('brune' as const),
      spRatio: CELL_MECHANISMS[cell - 1].spRatio * rng.uniform(0.85, 1.15),
      incidence: rng.uniform(15, 45),
      shShare: Math.min(1, Math.max(0, CELL_MECHANISMS[cell - 1].shShare + rng.uniform(-0.08, 0.08))),
      codaDecay: rng.uniform(1.5, 4) * (1 + r / 60),
      codaAmplitude: rng.uniform(0.3, 0.7),
    },
  };
}

/** Unit-σ noise on three components at the region's rate. */
function regionNoise(n: number, rng: RandomState, region: Required<DetectionRegion>): ThreeComponents {
  const microseismFrequency = draw(rng, region.microseismFrequency);
  const microseismShare = draw(rng, region.microseismShare);
  const make = () => seismicNoise(n, { sampleRate: region.sampleRate, microseismFrequency, microseismShare, microseismWidth: region.microseismWidth, randomState: rng.nextSeed() });
  return { Z: make(), N: make(), E: make() };
}

/**
 * One segment at the region's rate: noise plus, optionally, an event whose P arrives at
 * `pAt` seconds after the segment's start, its clean peak scaled to 10^(snrDb/20) σ_noise
 * (σ_noise = 1: the noise has unit variance).
 * Returned at `rate` (resampled when the region records at another rate).
 */
function segment(seconds: number, rate: number, rng: RandomState, region: Required<DetectionRegion>, events: { ev: ReturnType<typeof drawEvent>; pAt: number }[]): ThreeComponents {
  const fs = region.sampleRate;
  const n = Math.round(seconds * fs) + 4;
  const out = regionNoise(n, rng, region);
  for (const { ev, pAt } of events) {
    const rec = syntheticSeismogram({ ...ev.synth, sampleRate: fs, duration: n / fs, originTime: pAt - ev.r / region.vp, snr: Infinity, randomState: rng.nextSeed() });
    let peak = 0;
    for (const c of ['Z', 'N', 'E'] as const) for (const v of rec.clean[c]) peak = Math.max(peak, Math.abs(v));
    const scale = peak > 0 ? 10 ** (ev.snrDb / 20) / peak : 0;
    for (const c of ['Z', 'N', 'E'] as const) {
      const o = out[c];
      const s = rec.clean[c];
      for (let i = 0; i < n; i++) o[i] += scale * s[i];
    }
  }
  if (fs === rate) return out;
  return { Z: resample(out.Z, { sampleRate: fs, targetRate: rate }), N: resample(out.N, { sampleRate: fs, targetRate: rate }), E: resample(out.E, { sampleRate: fs, targetRate: rate }) };
}

/** A 32-bit seed for window i of a part, from the dataset's base seed. */
function windowSeed(base: number, part: number, i: number): number {
  let h = (base ^ Math.imul(part + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = (h + Math.imul(i + 1, 0xc2b2ae35)) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0x27d4eb2f) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

function makeSplit(n: number, part: number, base: number, o: { N: number; L: number; rate: number; windowSeconds: number; leadIn: number; snr: [number, number]; noiseFraction: number; region: Required<DetectionRegion> }): DetectionSplit {
  const { N, L, rate } = o;
  const x = new Float32Array(n * N * 3);
  const lead = L > 0 ? new Float32Array(n * L * 3) : undefined;
  const y = new Int32Array(n);
  const snrDb = new Float64Array(n);
  const events: (DetectionEvent | null)[] = [];
  for (let i = 0; i < n; i++) {
    const rng = new RandomState(windowSeed(base, part, i));
    const cls = rng.random() < o.noiseFraction ? 0 : 1 + rng.randint(6);
    y[i] = cls;
    let seg: ThreeComponents;
    if (cls === 0) {
      snrDb[i] = -Infinity;
      events.push(null);
      seg = segment(o.leadIn + o.windowSeconds, rate, rng, o.region, []);
    } else {
      const ev = drawEvent(cls, rng, o.region, rng.uniform(o.snr[0], o.snr[1]));
      // P between 0.5 s and (W − (S−P) − 1.5 s), so that S and its first second stay in the window.
      const p = rng.uniform(0.5, Math.max(0.5, o.windowSeconds - ev.sMinusP - 1.5));
      snrDb[i] = ev.snrDb;
      events.push({ cell: cls, snrDb: ev.snrDb, distance: ev.distance, depth: ev.depth, backAzimuth: ev.backAzimuth, pArrival: p, sArrival: p + ev.sMinusP });
      seg = segment(o.leadIn + o.windowSeconds, rate, rng, o.region, [{ ev, pAt: o.leadIn + p }]);
    }
    const comps = [seg.Z, seg.N, seg.E];
    for (let c = 0; c < 3; c++) {
      const s = comps[c];
      for (let t = 0; t < N; t++) x[(i * N + t) * 3 + c] = s[L + t];
      if (lead) for (let t = 0; t < L; t++) lead[(i * L + t) * 3 + c] = s[t];
    }
  }
  return { n, length: N, x, y, snrDb, events, leadIn: lead, leadLength: L };
}

/**
 * Labelled 3-component windows for the detector: noise windows (class 0) and event windows
 * in cells 1…6 (see the module comment), each from `syntheticSeismogram` plus `seismicNoise`,
 * at SNRs drawn uniformly from `snrRange` (dB). Every window has its own seed derived from
 * `randomState`, the part and its index, so a split is reproducible and the held-out windows
 * never overlap the training ones.
 *
 * @example
 * const { train, test } = makeDetectionDataset({ nSamples: 1000, randomState: 1 });
 * train.x.length === train.n * 1000 * 3; // 10 s at 100 Hz, Z N E
 */
export function makeDetectionDataset(options: DetectionDatasetOptions): DetectionDataset {
  const o = checkOptions(options);
  if (options === undefined || options === null) throw new ValidationError('options', 'bad-option', 'needs { nSamples }');
  const nSamples = checkScalar(o.nSamples, 'nSamples', { min: 1, integer: true });
  checkSize('nSamples', nSamples, MAX_DETECTION_WINDOWS, 'windows');
  const windowSeconds = checkScalar(o.windowSeconds ?? 10, 'windowSeconds', { min: 1, max: 120 });
  const rate = checkScalar(o.sampleRate ?? DETECTION_RATE, 'sampleRate', { min: 20, max: 1000 });
  const snr = checkSnrRange(o.snrRange ?? [-5, 20]);
  const noiseFraction = checkScalar(o.noiseFraction ?? 0.25, 'noiseFraction', { min: 0, max: 1 });
  const testFraction = checkScalar(o.testFraction ?? 0.2, 'testFraction', { min: 0, max: 1 });
  const leadIn = checkScalar(o.leadIn ?? 0, 'leadIn', { min: 0, max: 120 });
  const split = checkOneOf(o.split ?? 'both', 'split', ['both', 'train', 'test'] as const);
  const region = checkDetectionRegion(o.region);
  const rng = checkRandomState(o.randomState);
  const base = typeof o.randomState === 'number' ? o.randomState >>> 0 : rng.nextSeed();
  const N = Math.round(windowSeconds * rate);
  const L = Math.round(leadIn * rate);
  checkSize('nSamples', nSamples * (N + L) * 3, MAX_SIGNAL_SAMPLES * 8, 'samples in all');
  const nTest = Math.round(nSamples * testFraction);
  const nTrain = nSamples - nTest;
  const s = { N, L, rate, windowSeconds, leadIn, snr, noiseFraction, region };
  return {
    train: makeSplit(split === 'test' ? 0 : nTrain, 0, base, s),
    test: makeSplit(split === 'train' ? 0 : nTest, 1, base, s),
    sampleRate: rate,
    windowSeconds,
    region,
  };
}

/** Options of {@link makeDetectionStream}. */
export interface DetectionStreamOptions {
  /** Length in seconds. Default 180. */
  duration?: number;
  /** Number of events, spread over the stream (one per slot of duration/nEvents, after a 15 s start). Default 6. */
  nEvents?: number;
  /** One SNR (dB) for every event; when absent each is drawn from `snrRange`. */
  snrDb?: number;
  /** SNR range in dB. Default [−5, 20]. */
  snrRange?: readonly [number, number];
  /** Seed. Default 0. */
  randomState?: RandomStateLike;
  /** The station's crust and noise. Default {@link DEFAULT_REGION}. */
  region?: DetectionRegion;
}

/** A continuous record with its events. */
export interface DetectionStream {
  /** Z, N, E at `sampleRate` (100 Hz). */
  traces: ThreeComponents;
  /** Hz. */
  sampleRate: number;
  /** Seconds. */
  duration: number;
  /** The events, in time order, with arrivals in seconds from the first sample. */
  events: DetectionEvent[];
}

/**
 * A continuous 3-component record (minutes long) with `nEvents` events at various SNR,
 * random cells, and their true arrivals: what the sliding detector and STA/LTA are run on.
 * Slots of at least 25 s keep events apart (each one's coda fades before the next).
 */
export function makeDetectionStream(options: DetectionStreamOptions = {}): DetectionStream {
  const o = checkOptions(options);
  const duration = checkScalar(o.duration ?? 180, 'duration', { min: 30, max: 7200 });
  const nEvents = checkScalar(o.nEvents ?? 6, 'nEvents', { min: 0, integer: true });
  const snr = checkSnrRange(o.snrRange ?? [-5, 20]);
  const fixed = o.snrDb === undefined ? null : checkScalar(o.snrDb, 'snrDb', { min: -40, max: 80 });
  const region = checkDetectionRegion(o.region);
  const rng = checkRandomState(o.randomState);
  const start = 15;
  const slot = nEvents > 0 ? (duration - start) / nEvents : 0;
  if (nEvents > 0 && slot < 25) throw new ValidationError('nEvents', 'out-of-range', `${nEvents} events need at least ${Math.ceil(start + 25 * nEvents)} s (25 s each after a 15 s start); the stream is ${duration} s`);
  const placed: { ev: ReturnType<typeof drawEvent>; pAt: number }[] = [];
  for (let k = 0; k < nEvents; k++) {
    const cell = 1 + rng.randint(6);
    const ev = drawEvent(cell, rng, region, fixed ?? rng.uniform(snr[0], snr[1]));
    const pAt = start + k * slot + rng.uniform(0, Math.max(0, slot - ev.sMinusP - 15));
    placed.push({ ev, pAt });
  }
  const traces = segment(duration, DETECTION_RATE, rng, region, placed);
  const n = Math.round(duration * DETECTION_RATE);
  return {
    traces: { Z: traces.Z.slice(0, n), N: traces.N.slice(0, n), E: traces.E.slice(0, n) },
    sampleRate: DETECTION_RATE,
    duration,
    events: placed.map(({ ev, pAt }) => ({ cell: ev.cell, snrDb: ev.snrDb, distance: ev.distance, depth: ev.depth, backAzimuth: ev.backAzimuth, pArrival: pAt, sArrival: pAt + ev.sMinusP })),
  };
}

/** Options of {@link streamWindows}. */
export interface StreamWindowOptions {
  /** Hz. Default 100. */
  sampleRate?: number;
  /** Window length in seconds. Default 10. */
  windowSeconds?: number;
  /** Hop between window starts in seconds. Default 1. */
  stepSeconds?: number;
}

/** Sliding windows of a 3-component stream, in the dataset's layout, with their start times (s). */
export function streamWindows(traces: ThreeComponents, options: StreamWindowOptions = {}): { x: Float32Array; n: number; length: number; starts: Float64Array } {
  const o = checkOptions(options);
  const fs = checkPositive(o.sampleRate ?? DETECTION_RATE, 'sampleRate');
  const N = Math.round(checkPositive(o.windowSeconds ?? 10, 'windowSeconds') * fs);
  const hop = Math.max(1, Math.round(checkPositive(o.stepSeconds ?? 1, 'stepSeconds') * fs));
  const comps = checkTraces(traces);
  const len = comps[0].length;
  if (len < N) throw new ValidationError('traces', 'out-of-range', `the stream (${len} samples) is shorter than one window (${N})`);
  const n = Math.floor((len - N) / hop) + 1;
  checkSize('traces', n * N * 3, MAX_SIGNAL_SAMPLES * 8, 'window samples');
  const x = new Float32Array(n * N * 3);
  const starts = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s0 = i * hop;
    starts[i] = s0 / fs;
    for (let t = 0; t < N; t++) for (let c = 0; c < 3; c++) x[(i * N + t) * 3 + c] = comps[c][s0 + t];
  }
  return { x, n, length: N, starts };
}

/** Checks three finite components of one length. */
function checkTraces(traces: ThreeComponents): Float64Array[] {
  if (!traces || typeof traces !== 'object') throw new ValidationError('traces', 'wrong-type', `must be { Z, N, E } arrays, got ${describeValue(traces)}`);
  const comps = (['Z', 'N', 'E'] as const).map((c) => {
    const v = traces[c];
    if (!v || typeof (v as ArrayLike<number>).length !== 'number') throw new ValidationError(`traces.${c}`, 'missing-value', 'the component is missing: the detector needs Z, N and E');
    return v;
  });
  if (comps[1].length !== comps[0].length || comps[2].length !== comps[0].length) throw new ValidationError('traces', 'length-mismatch', `components differ in length (Z ${comps[0].length}, N ${comps[1].length}, E ${comps[2].length})`);
  for (let c = 0; c < 3; c++) {
    const v = comps[c];
    for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) throw new ValidationError(`traces.${'ZNE'[c]}`, 'not-finite', `sample ${i} is ${v[i]}: the detector never sees NaN or ±∞`);
  }
  return comps;
}

/**
 * Standardises windows in place for the network: removes each component's mean, then divides
 * the window by its standard deviation over all three components (one scale, so the ratios
 * between components — the polarisation — survive). A flat window stays 0.
 */
export function standardiseWindows(x: Float32Array, n: number, length: number): Float32Array {
  for (let i = 0; i < n; i++) {
    const o = i * length * 3;
    let ss = 0;
    for (let c = 0; c < 3; c++) {
      let mu = 0;
      for (let t = 0; t < length; t++) mu += x[o + t * 3 + c];
      mu /= length;
      for (let t = 0; t < length; t++) {
        const v = (x[o + t * 3 + c] -= mu);
        ss += v * v;
      }
    }
    const sd = Math.sqrt(ss / (3 * length));
    if (sd > 0) for (let k = o; k < o + length * 3; k++) x[k] /= sd;
  }
  return x;
}

/** Corner of the high-pass the detector's windows go through first, Hz. */
export const DETECTION_HIGHPASS = 1;
let highpassSos: { rate: number; sos: SecondOrderSections } | null = null;

/**
 * High-passes windows in place (n × N × 3 at `sampleRate`): each component zero-phase
 * Butterworth-filtered above {@link DETECTION_HIGHPASS} Hz (order 2, forwards and backwards),
 * which removes the microseism (0.1–0.3 Hz) that otherwise dominates a quiet window, as a
 * seismologist filters a record before looking for small events. Same filter in training and use.
 */
export function highpassWindows(x: Float32Array, n: number, length: number, sampleRate = DETECTION_RATE): Float32Array {
  if (!highpassSos || highpassSos.rate !== sampleRate) highpassSos = { rate: sampleRate, sos: butterworth({ type: 'highpass', order: 2, frequency: DETECTION_HIGHPASS, sampleRate }) };
  const sos = highpassSos.sos;
  const buf = new Float64Array(length);
  for (let i = 0; i < n; i++) {
    const o = i * length * 3;
    for (let c = 0; c < 3; c++) {
      for (let t = 0; t < length; t++) buf[t] = x[o + t * 3 + c];
      const y = sosfiltfilt(sos, buf);
      for (let t = 0; t < length; t++) x[o + t * 3 + c] = y[t];
    }
  }
  return x;
}

/**
 * The P onset's own SNR ({@link onsetSnrDb}) of every window of a split, in dB, read on the
 * high-passed window (as the detector sees it): the variance in the 2 s after the P arrival over
 * that in the 2 s before (both shortened alike when P comes earlier in the window); −∞ for noise
 * windows. Bands of it say how a detector does where the onset is visible, whatever the S wave's size.
 */
export function detectionOnsetSnr(split: DetectionSplit, sampleRate = DETECTION_RATE): Float64Array {
  const N = split.length;
  const hp = highpassWindows(split.x.slice(0, split.n * N * 3), split.n, N, sampleRate);
  return Float64Array.from({ length: split.n }, (_, i) => {
    const e = split.events[i];
    if (!e) return -Infinity;
    const p = Math.round(e.pArrival * sampleRate);
    if (p < 2 || p > N - 2) return NaN;
    const seconds = Math.min(2, (p - 1) / sampleRate);
    return onsetSnrDb(hp.subarray(i * N * 3, (i + 1) * N * 3), p, { sampleRate, seconds });
  });
}

/** Options of the STA/LTA baseline ({@link staLtaCharacteristic}). */
export interface StaLtaBaselineOptions {
  /** Hz. Default 100. */
  sampleRate?: number;
  /** Short window in s. Default 0.5. */
  sta?: number;
  /** Long window in s. Default 10. */
  lta?: number;
  /** Band-pass corners in Hz applied first (zero-phase, order 2), or null for none. Default [1, 15]. */
  band?: readonly [number, number] | null;
}

/**
 * The baseline's characteristic function on three components: classic STA/LTA (ours) of
 * the band-passed energy Z² + N² + E² (fed to {@link staLta} as its square root, since it
 * squares its input).
 */
export function staLtaCharacteristic(traces: ThreeComponents, options: StaLtaBaselineOptions = {}): Float64Array {
  const o = checkOptions(options);
  const fs = checkPositive(o.sampleRate ?? DETECTION_RATE, 'sampleRate');
  const comps = checkTraces(traces);
  const band = o.band === undefined ? ([1, 15] as const) : o.band;
  const filtered = band ? comps.map((v) => bandpass(v, { sampleRate: fs, freqmin: band[0], freqmax: band[1], order: 2, zeroPhase: true })) : comps;
  const e = new Float64Array(filtered[0].length);
  for (let i = 0; i < e.length; i++) e[i] = Math.sqrt(filtered[0][i] ** 2 + filtered[1][i] ** 2 + filtered[2][i] ** 2);
  return staLta(e, { sampleRate: fs, sta: o.sta ?? 0.5, lta: o.lta ?? 10 });
}

/**
 * STA/LTA's score of each window of a split made with a `leadIn` (≥ the LTA): the largest
 * ratio inside the window, the long-term average having seen the lead-in noise first.
 */
export function staLtaWindowScores(split: DetectionSplit, options: StaLtaBaselineOptions = {}): Float64Array {
  if (!split.leadIn || split.leadLength <= 0) throw new ValidationError('split', 'bad-option', 'STA/LTA needs the noise before each window: make the split with a leadIn (e.g. 10 s)');
  const { n, length: N, leadLength: L } = split;
  const out = new Float64Array(n);
  const len = N + L;
  for (let i = 0; i < n; i++) {
    const t: ThreeComponents = { Z: new Float64Array(len), N: new Float64Array(len), E: new Float64Array(len) };
    const comps = [t.Z, t.N, t.E];
    for (let c = 0; c < 3; c++) {
      for (let k = 0; k < L; k++) comps[c][k] = split.leadIn[(i * L + k) * 3 + c];
      for (let k = 0; k < N; k++) comps[c][L + k] = split.x[(i * N + k) * 3 + c];
    }
    const r = staLtaCharacteristic(t, options);
    let m = 0;
    for (let k = L; k < len; k++) m = Math.max(m, r[k]);
    out[i] = m;
  }
  return out;
}

/** Detection figures of one group of windows. */
export interface DetectionFigures {
  /** Windows in the group. */
  n: number;
  /** Event windows among them. */
  events: number;
  /** Detected events / events (NaN when there are none). */
  recall: number;
  /** Events placed in their cell (argmax over cells 1…6) / events; NaN without a location. */
  cellAccuracy: number;
}

/** Figures of a set of windows, overall and by SNR band. */
export interface DetectionReport {
  /** Detected events / windows flagged as events. */
  precision: number;
  /** Detected events / events. */
  recall: number;
  /** Noise windows flagged / noise windows. */
  falseAlarmRate: number;
  /** Cell accuracy over all event windows (NaN when no locations were given). */
  cellAccuracy: number;
  /** The threshold used. */
  threshold: number;
  /** By SNR band: [low, high) in dB. */
  bands: (DetectionFigures & { band: [number, number] })[];
}

/** SNR bands of the reports, in dB. */
export const DETECTION_SNR_BANDS: readonly [number, number][] = [[-5, 0], [0, 5], [5, 10], [10, 20]];

/**
 * Scores detections: `score[i]` (p_event = 1 − p₀ for the network, the STA/LTA maximum for the
 * baseline) ≥ `threshold` flags window i; `cells[i]` (optional) is the located cell. Recall and
 * cell accuracy are given by SNR band; precision and the false-alarm rate overall (noise windows
 * have no SNR).
 */
export function scoreDetections(labels: ArrayLike<number>, snrDb: ArrayLike<number>, score: ArrayLike<number>, threshold: number, cells?: ArrayLike<number>, bands: readonly [number, number][] = DETECTION_SNR_BANDS): DetectionReport {
  const n = labels.length;
  if (snrDb.length !== n || score.length !== n || (cells && cells.length !== n)) throw new ValidationError('score', 'length-mismatch', `labels (${n}), snrDb (${snrDb.length}), score (${score.length})${cells ? ` and cells (${cells.length})` : ''} must have one entry per window`);
  checkScalar(threshold, 'threshold');
  let tp = 0, fp = 0, ev = 0, noise = 0, located = 0;
  const per = bands.map((band) => ({ band: [band[0], band[1]] as [number, number], n: 0, events: 0, hit: 0, loc: 0 }));
  for (let i = 0; i < n; i++) {
    const flagged = score[i] >= threshold;
    if (labels[i] === 0) {
      noise++;
      if (flagged) fp++;
      continue;
    }
    ev++;
    if (flagged) tp++;
    const right = cells ? cells[i] === labels[i] : false;
    if (right) located++;
    for (const b of per) {
      if (snrDb[i] >= b.band[0] && (snrDb[i] < b.band[1] || (b === per[per.length - 1] && snrDb[i] <= b.band[1]))) {
        b.n++;
        b.events++;
        if (flagged) b.hit++;
        if (right) b.loc++;
      }
    }
  }
  const div = (a: number, b: number) => (b > 0 ? a / b : NaN);
  return {
    precision: div(tp, tp + fp),
    recall: div(tp, ev),
    falseAlarmRate: div(fp, noise),
    cellAccuracy: cells ? div(located, ev) : NaN,
    threshold,
    bands: per.map((b) => ({ band: b.band, n: b.n, events: b.events, recall: div(b.hit, b.events), cellAccuracy: cells ? div(b.loc, b.events) : NaN })),
  };
}

/** The threshold on `score` with the best F1 (event vs noise) on a calibration set: STA/LTA's best case. */
export function bestThreshold(labels: ArrayLike<number>, score: ArrayLike<number>): number {
  const n = labels.length;
  if (score.length !== n) throw new ValidationError('score', 'length-mismatch', `labels (${n}) and score (${score.length}) differ in length`);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[b] - score[a]);
  let totalPos = 0;
  for (let i = 0; i < n; i++) if (labels[i] !== 0) totalPos++;
  let tp = 0, fp = 0, best = -1, bestT = Infinity;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    if (labels[i] !== 0) tp++;
    else fp++;
    if (k + 1 < n && score[order[k + 1]] === score[i]) continue;
    const f1 = (2 * tp) / (tp + fp + totalPos);
    if (f1 > best) {
      best = f1;
      bestT = score[i];
    }
  }
  return bestT;
}

/**
 * The lowest threshold on `score` whose precision on a calibration set reaches `target`: the
 * most events found at that cost in false alarms (the highest score when no threshold does).
 */
export function thresholdForPrecision(labels: ArrayLike<number>, score: ArrayLike<number>, target = 0.9): number {
  const n = labels.length;
  if (score.length !== n) throw new ValidationError('score', 'length-mismatch', `labels (${n}) and score (${score.length}) differ in length`);
  checkScalar(target, 'target', { min: 0, max: 1 });
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[b] - score[a]);
  let tp = 0, fp = 0, best = n > 0 ? score[order[0]] : Infinity;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    if (labels[i] !== 0) tp++;
    else fp++;
    if (k + 1 < n && score[order[k + 1]] === score[i]) continue;
    if (tp / (tp + fp) >= target) best = score[i];
  }
  return best;
}

/** A detection on a stream, in seconds. */
export interface DetectionInterval {
  /** s. */
  start: number;
  /** s. */
  end: number;
}

/**
 * The network's detections on a stream: runs of consecutive windows with p_event ≥ threshold,
 * each run the union of its windows [start, start + W].
 */
export function detectionIntervals(starts: ArrayLike<number>, pEvent: ArrayLike<number>, threshold: number, windowSeconds = 10): DetectionInterval[] {
  if (starts.length !== pEvent.length) throw new ValidationError('pEvent', 'length-mismatch', `one value per window: ${starts.length} starts, ${pEvent.length} values`);
  checkScalar(threshold, 'threshold');
  const out: DetectionInterval[] = [];
  let open: DetectionInterval | null = null;
  for (let i = 0; i < starts.length; i++) {
    if (pEvent[i] >= threshold) {
      if (open && starts[i] <= open.end) open.end = starts[i] + windowSeconds;
      else {
        if (open) out.push(open);
        open = { start: starts[i], end: starts[i] + windowSeconds };
      }
    } else if (open && starts[i] > open.end) {
      out.push(open);
      open = null;
    }
  }
  if (open) out.push(open);
  return out;
}

/** STA/LTA's detections on a stream: trigger on above `on`, off below `off`, as intervals in seconds. */
export function staLtaIntervals(ratio: ArrayLike<number>, on: number, off = Math.min(on, 1.5), sampleRate = DETECTION_RATE): DetectionInterval[] {
  return triggerOnset(ratio, { on, off: Math.min(off, on) }).map((w) => ({ start: w.start / sampleRate, end: w.end / sampleRate }));
}

/** Hits, misses and false alarms of detections against the true events. */
export interface StreamMatch {
  /** Events detected. */
  hits: number;
  /** Events not detected. */
  misses: number;
  /** Detections with no event. */
  falseAlarms: number;
  /** Per event: detected or not. */
  detected: boolean[];
  /** Per detection: true when it matched an event. */
  matched: boolean[];
}

/**
 * Matches detections to events: an event is hit when its P arrival lies in a detection
 * interval widened by `tolerance` seconds on each side; a detection matching no event is a
 * false alarm.
 */
export function matchDetections(detections: readonly DetectionInterval[], events: readonly Pick<DetectionEvent, 'pArrival'>[], tolerance = 2): StreamMatch {
  checkScalar(tolerance, 'tolerance', { min: 0 });
  const detected = events.map(() => false);
  const matched = detections.map(() => false);
  detections.forEach((d, j) => {
    events.forEach((e, k) => {
      if (e.pArrival >= d.start - tolerance && e.pArrival <= d.end + tolerance) {
        detected[k] = true;
        matched[j] = true;
      }
    });
  });
  const hits = detected.filter(Boolean).length;
  return { hits, misses: events.length - hits, falseAlarms: matched.filter((m) => !m).length, detected, matched };
}
