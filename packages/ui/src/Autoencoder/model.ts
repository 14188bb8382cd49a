/**
 * The autoencoder explainer's pure part: its state, the held-out windows it shows, a plain
 * TypeScript forward pass of the fully connected autoencoder (2 → 32 → 128 → 256 decoder: a
 * few tens of thousands of multiply-adds, so encoding and decoding run on the main thread
 * without TF.js), the figures (reconstruction error, SNR, compression ratio) and the status.
 */
import {
  AUTOENCODER_DISTANCE_RANGE,
  AUTOENCODER_WINDOW_TYPE_NAMES,
  AUTOENCODER_WINDOW_TYPES,
  autoencoderWindows,
  denoisingWindows,
  type AutoencoderDataset,
  type DenoisingDataset,
} from '@geolearn/algorithms/seismic';
import { ValidationError } from '@geolearn/algorithms';
import { fieldCheck, type FieldChecks } from '../hooks/useControllableState';
import type { ExplainerState } from '../kit/Explainer';
import { conceptColor } from '../common/colors';
import { cssVar } from '../common/theme';

/** Colour of the network's output x′ (reconstruction, decoded or denoised waveform). */
export const OUTPUT_COLOR = cssVar('--gl-accent');
/** Colour of the input x (a recorded or noisy window). */
export const INPUT_COLOR = conceptColor('data');
/** Colour of the clean target of the denoiser (the right answer). */
export const TARGET_COLOR = conceptColor('optimum');

/** What the explainer shows: the 2-D latent space, or the convolutional denoiser. */
export type AutoencoderMode = 'latent' | 'denoise';
/** How the latent points are coloured. */
export type ColourBy = 'type' | 'distance';

/** The input SNRs (dB) of the denoising examples. */
export const DENOISE_SNRS = [-5, 0, 5, 10] as const;
/** Examples per SNR in denoising mode. */
export const DENOISE_EXAMPLES = 6;
/** Held-out windows scattered in the latent space (the first of the shipped model's held-out set). */
export const LATENT_WINDOWS = 160;
/** Seeds of the held-out sets (the training script trains on seeds 1 and 2). */
export const HELD_OUT_SEEDS = { autoencoder: 1001, denoiser: 1002 } as const;
/** Epoch choices for training in the page. */
export const TRAIN_EPOCHS = [10, 20, 40] as const;

/** The explainer's state (plain JSON). */
export interface AutoencoderState {
  /** Latent space or denoising. */
  mode: AutoencoderMode;
  /** Colour the latent points by window type or by epicentral distance. */
  colourBy: ColourBy;
  /** Index of the held-out window shown beside its reconstruction. */
  window: number;
  /** The latent point decoded into a waveform, z = (z₁, z₂); null: the chosen window's code. */
  z: [number, number] | null;
  /** Denoising: input SNR in dB of the example. */
  snrDb: (typeof DENOISE_SNRS)[number];
  /** Denoising: which example (0 … DENOISE_EXAMPLES − 1). */
  example: number;
  /** Epochs when the student trains a new autoencoder in the page. */
  epochs: (typeof TRAIN_EPOCHS)[number];
}

/** The state the explainer starts in. */
export const DEFAULT_STATE: AutoencoderState = { mode: 'latent', colourBy: 'type', window: 2, z: null, snrDb: 0, example: 0, epochs: 20 };

/** Checks of every state field, for `sanitizeDefaultValue`. */
export const STATE_CHECKS: FieldChecks<AutoencoderState> = {
  mode: fieldCheck.oneOf('latent', 'denoise'),
  colourBy: fieldCheck.oneOf('type', 'distance'),
  window: fieldCheck.integer(0, LATENT_WINDOWS - 1),
  z: (v: unknown): v is [number, number] | null => v === null || (fieldCheck.tuple(2)(v) && (v as number[]).every((x) => Math.abs(x) < 1e6)),
  snrDb: fieldCheck.oneOf(...DENOISE_SNRS),
  example: fieldCheck.integer(0, DENOISE_EXAMPLES - 1),
  epochs: fieldCheck.oneOf(...TRAIN_EPOCHS),
};

/** The held-out windows of the latent view (deterministic: seed 1001, as the shipped metrics). */
export function latentWindows(count = LATENT_WINDOWS): AutoencoderDataset {
  return autoencoderWindows({ count, seed: HELD_OUT_SEEDS.autoencoder });
}

/**
 * The denoising examples: the same {@link DENOISE_EXAMPLES} held-out earthquakes at each SNR of
 * {@link DENOISE_SNRS} (one seed, so the clean windows are the same and only the noise level
 * changes), stacked SNR-major.
 */
export function denoiseExamples(): { noisy: Float32Array; clean: Float32Array; distance: Float32Array; type: Int32Array; length: number; count: number } {
  const sets: DenoisingDataset[] = DENOISE_SNRS.map((s) => denoisingWindows({ count: DENOISE_EXAMPLES, seed: HELD_OUT_SEEDS.denoiser, snrDbRange: [s, s] }));
  const L = sets[0].length;
  const count = DENOISE_SNRS.length * DENOISE_EXAMPLES;
  const noisy = new Float32Array(count * L);
  const clean = new Float32Array(count * L);
  const distance = new Float32Array(count);
  const type = new Int32Array(count);
  sets.forEach((d, i) => {
    noisy.set(d.noisy, i * DENOISE_EXAMPLES * L);
    clean.set(d.clean, i * DENOISE_EXAMPLES * L);
    distance.set(d.distance, i * DENOISE_EXAMPLES);
    type.set(d.type, i * DENOISE_EXAMPLES);
  });
  return { noisy, clean, distance, type, length: L, count };
}

/** Row of example `example` at input SNR `snrDb` in {@link denoiseExamples}' stack. */
export function exampleRow(snrDb: number, example: number): number {
  const i = DENOISE_SNRS.indexOf(snrDb as (typeof DENOISE_SNRS)[number]);
  return Math.max(0, i) * DENOISE_EXAMPLES + example;
}

// ---------------------------------------------------------------------------------------
// The fully connected autoencoder in plain TypeScript.

type Act = 'relu' | 'linear' | 'tanh' | 'sigmoid';

/** One dense layer: y = φ(W x + b), W stored [in, out] row-major as TF.js saves it. */
export interface DenseLayer {
  W: Float32Array;
  b: Float32Array;
  nIn: number;
  nOut: number;
  activation: Act;
}

/** A fully connected autoencoder: the encoder's layers (ending at z) and the decoder's. */
export interface DenseAutoencoder {
  encoder: DenseLayer[];
  decoder: DenseLayer[];
  inputSize: number;
  latentDim: number;
  parameters: number;
}

const ACTS: readonly Act[] = ['relu', 'linear', 'tanh', 'sigmoid'];

/**
 * Reads a saved dense `Autoencoder` (model.json as written by `Autoencoder.save` and its
 * weights.bin) into {@link DenseAutoencoder}. Throws a ValidationError naming the bad field.
 */
export function parseDenseAutoencoder(modelJSON: unknown, weightData: ArrayBuffer | ArrayBufferView): DenseAutoencoder {
  const mj = modelJSON as { kind?: unknown; layers?: unknown; weightSpecs?: unknown; options?: { kind?: unknown; latentDim?: unknown; inputShape?: unknown } } | null;
  if (!mj || typeof mj !== 'object' || mj.kind !== 'Autoencoder') throw new ValidationError('modelJSON', 'bad-option', 'is not a saved Autoencoder');
  if (mj.options?.kind !== 'dense') throw new ValidationError('modelJSON.options.kind', 'bad-option', `must be 'dense', got ${JSON.stringify(mj.options?.kind)}`);
  const latentDim = mj.options.latentDim;
  if (typeof latentDim !== 'number' || !Number.isInteger(latentDim) || latentDim < 1) throw new ValidationError('modelJSON.options.latentDim', 'bad-option', `must be a positive integer, got ${String(latentDim)}`);
  const layers = mj.layers as { type?: unknown; units?: unknown; activation?: unknown }[];
  const specs = mj.weightSpecs as { shape?: unknown }[];
  if (!Array.isArray(layers) || !Array.isArray(specs) || specs.length !== 2 * layers.length) throw new ValidationError('modelJSON.layers', 'shape-mismatch', 'expected one kernel and one bias per dense layer');
  const bytes = ArrayBuffer.isView(weightData) ? new Uint8Array(weightData.buffer, weightData.byteOffset, weightData.byteLength) : new Uint8Array(weightData);
  const all = new Float32Array(bytes.slice().buffer);
  let o = 0;
  const out: DenseLayer[] = [];
  layers.forEach((l, i) => {
    const shape = specs[2 * i].shape as number[];
    if (l.type !== 'dense' || !Array.isArray(shape) || shape.length !== 2) throw new ValidationError(`modelJSON.layers[${i}]`, 'bad-option', 'only dense layers are supported');
    const activation = l.activation as Act;
    if (!ACTS.includes(activation)) throw new ValidationError(`modelJSON.layers[${i}].activation`, 'bad-option', `unsupported activation ${JSON.stringify(l.activation)}`);
    const [nIn, nOut] = shape;
    if (o + nIn * nOut + nOut > all.length) throw new ValidationError('weightData', 'length-mismatch', `too short for layer ${i}`);
    const W = all.subarray(o, o + nIn * nOut);
    o += nIn * nOut;
    const b = all.subarray(o, o + nOut);
    o += nOut;
    out.push({ W, b, nIn, nOut, activation });
  });
  if (o !== all.length) throw new ValidationError('weightData', 'length-mismatch', `expected ${4 * o} bytes, got ${bytes.byteLength}`);
  for (let i = 0; i < all.length; i++) if (!Number.isFinite(all[i])) throw new ValidationError('weightData', 'not-finite', `weight ${i} is ${all[i]}`);
  // Encoder: the hidden layers then the code; the decoder mirrors them: the code is layer n/2 − 1.
  const split = out.length / 2 - 1;
  if (!Number.isInteger(split) || split < 0 || out[split].nOut !== latentDim) throw new ValidationError('modelJSON.layers', 'shape-mismatch', `no layer outputs the ${latentDim}-value code`);
  for (let i = 1; i < out.length; i++) if (out[i].nIn !== out[i - 1].nOut) throw new ValidationError(`modelJSON.layers[${i}]`, 'shape-mismatch', 'layer sizes do not chain');
  if (out[out.length - 1].nOut !== out[0].nIn) throw new ValidationError('modelJSON.layers', 'shape-mismatch', 'the output size must equal the input size');
  return { encoder: out.slice(0, split + 1), decoder: out.slice(split + 1), inputSize: out[0].nIn, latentDim, parameters: o };
}

function act(v: number, a: Act): number {
  if (a === 'relu') return v > 0 ? v : 0;
  if (a === 'tanh') return Math.tanh(v);
  if (a === 'sigmoid') return 1 / (1 + Math.exp(-v));
  return v;
}

/** Runs `layers` on one vector: h ← φ(hW + b) layer by layer. */
export function runLayers(layers: readonly DenseLayer[], x: ArrayLike<number>): Float32Array {
  let h = Float32Array.from(x);
  for (const l of layers) {
    const y = new Float32Array(l.nOut);
    y.set(l.b);
    for (let i = 0; i < l.nIn; i++) {
      const hi = h[i];
      if (hi === 0) continue;
      const row = i * l.nOut;
      for (let j = 0; j < l.nOut; j++) y[j] += hi * l.W[row + j];
    }
    for (let j = 0; j < l.nOut; j++) y[j] = act(y[j], l.activation);
    h = y;
  }
  return h;
}

/** Latent codes z of `count` windows stored row after row in `x`: count × latentDim. */
export function encodeAll(ae: DenseAutoencoder, x: Float32Array, count: number): Float32Array {
  const L = ae.inputSize;
  const z = new Float32Array(count * ae.latentDim);
  for (let k = 0; k < count; k++) z.set(runLayers(ae.encoder, x.subarray(k * L, (k + 1) * L)), k * ae.latentDim);
  return z;
}

/** The decoder's waveform x′ for the latent point z. */
export function decodePoint(ae: DenseAutoencoder, z: ArrayLike<number>): Float32Array {
  return runLayers(ae.decoder, z);
}

/** Mean squared error ‖x − x′‖²/L and SNR 10·log₁₀(‖x‖²/‖x − x′‖²) in dB of one window. */
export function reconstructionFigures(x: ArrayLike<number>, y: ArrayLike<number>): { mse: number; snrDb: number } {
  let s = 0, r = 0;
  for (let i = 0; i < x.length; i++) {
    s += x[i] ** 2;
    r += (x[i] - y[i]) ** 2;
  }
  return { mse: r / x.length, snrDb: r === 0 ? Infinity : s === 0 ? -Infinity : 10 * Math.log10(s / r) };
}

/** Pooled SNR in dB over several windows: 10·log₁₀(Σ‖x‖² / Σ‖x − x′‖²). */
export function pooledSnrDb(x: Float32Array, y: Float32Array, L: number, rows: readonly number[]): number {
  let s = 0, r = 0;
  for (const k of rows) for (let i = k * L; i < (k + 1) * L; i++) {
    s += x[i] ** 2;
    r += (x[i] - y[i]) ** 2;
  }
  return r === 0 ? Infinity : 10 * Math.log10(s / r);
}

/** Compression ratio of a code: samples in over values in the code. */
export function compressionRatio(inputSize: number, latentDim: number): number {
  return inputSize / latentDim;
}

/** Readable name of a window type index. */
export function typeName(t: number): string {
  const k = AUTOENCODER_WINDOW_TYPES[t];
  return k ? AUTOENCODER_WINDOW_TYPE_NAMES[k] : 'unknown';
}

/** Distance Δ mapped to [0, 1] for the sequential colour map. */
export function distanceFraction(d: number): number {
  const [lo, hi] = AUTOENCODER_DISTANCE_RANGE;
  return Math.min(1, Math.max(0, (d - lo) / (hi - lo)));
}

/** A number for the status and readouts, with a real minus sign. */
export function fmt(v: number, digits = 1): string {
  if (!Number.isFinite(v)) return v > 0 ? '∞' : v < 0 ? '−∞' : '–';
  const r = v.toFixed(digits);
  // No "−0.0": a value that rounds to zero is written without a sign.
  return (Number(r) === 0 ? (0).toFixed(digits) : r).replace('-', '−');
}

/** The window's description: its type and, for an earthquake, its distance. */
export function windowLabel(d: Pick<AutoencoderDataset, 'type' | 'distance'>, k: number): string {
  const t = d.type[k];
  const name = typeName(t);
  return t === 0 ? `window ${k + 1}, noise only` : `window ${k + 1}, ${name[0].toLowerCase()}${name.slice(1)}, Δ = ${fmt(d.distance[k], 0)} km`;
}

/** Everything the status line reads. */
export interface StatusInput {
  state: AutoencoderState;
  loading: boolean;
  error: string | null;
  training: { epoch: number; epochs: number; loss: number } | null;
  window: { label: string; snrDb: number } | null;
  z: readonly [number, number] | null;
  denoise: { inDb: number; outDb: number } | null;
  source: 'shipped' | 'trained';
}

/** The live status line. */
export function statusText(s: StatusInput): string {
  if (s.error) return s.error;
  if (s.training) return `Training a new autoencoder in a worker: epoch ${s.training.epoch} of ${s.training.epochs}, 𝓛 = ${fmt(s.training.loss, 4)}.`;
  if (s.loading) return s.state.mode === 'denoise' ? 'Loading the convolutional denoiser and cleaning the examples…' : 'Loading the trained autoencoder…';
  if (s.state.mode === 'denoise') {
    if (!s.denoise) return 'Denoising…';
    const g = s.denoise.outDb - s.denoise.inDb;
    return `Input SNR ${fmt(s.denoise.inDb)} dB → output SNR ${fmt(s.denoise.outDb)} dB: a gain of ${g >= 0 ? '+' : ''}${fmt(g)} dB.`;
  }
  const who = s.source === 'trained' ? 'the autoencoder trained here' : 'the shipped autoencoder';
  const parts = [`${s.window ? `${s.window.label[0].toUpperCase()}${s.window.label.slice(1)}: reconstructed by ${who} at ${fmt(s.window.snrDb)} dB SNR.` : ''}`];
  if (s.z) parts.push(`Decoding z = (${fmt(s.z[0], 2)}, ${fmt(s.z[1], 2)}).`);
  return parts.join(' ').trim();
}

/** The frame's `data-state`. */
export function frameState(loading: boolean, error: string | null, training: boolean): ExplainerState {
  if (error) return 'error';
  if (training) return 'playing';
  if (loading) return 'idle';
  return 'done';
}

/** Sizes of the panels for the frame's width (one column when compact). */
export function autoencoderSizes(width: number, height: number, plotWidth: number, compact: boolean) {
  const gap = 16;
  const w = Math.max(200, Math.min(width, plotWidth));
  const latent = compact ? Math.min(w, 360) : Math.max(220, Math.min(Math.round(w * 0.42), height - 40, 380));
  const side = compact ? w : Math.max(220, w - latent - gap);
  const waveHeight = compact ? 160 : Math.max(130, Math.round(latent / 2) - 8);
  return { latent, side, waveHeight, full: w };
}
