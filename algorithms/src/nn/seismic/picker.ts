/**
 * A PhaseNet-style phase picker (Zhu & Beroza 2019), small enough to run in a browser: a 1-D
 * U-Net that maps a three-component window x ∈ ℝ^{3000×3} at 100 Hz to per-sample
 * probabilities q_i(x) of P, S and noise, trained with the slides' cross-entropy
 * 𝓛 = −Σ_i Σ_x p_i(x) log q_i(x) against Gaussian targets p_i around the true arrivals.
 *
 * The 1-D convolutions are written as 2-D ones over a [time, 1] image (kernels [k, 1]), so that
 * the decoder can upsample with `conv2dTranspose` (TF.js has no 1-D upsampling layer) and every
 * kernel, gradients included, exists on the wasm backend. Built with the `tf.layers`
 * functional API, so the model saves as a standard layers `model.json` + `weights.bin`
 * (see ./io.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { ValidationError } from '../../core/errors';
import { RandomState } from '../../core/random';
import { checkScalar } from '../../core/validation';
import { pickPeaks, PICKING_WINDOW, preparePickingWindow, type Pick } from '../../seismic/picking';

/** Options of {@link buildPicker}. */
export interface PickerOptions {
  /** Channels per level, finest first (one more entry than `strides`). Default [8, 12, 16, 24, 32, 48]. */
  filters?: number[];
  /** Downsampling factor between levels; their product must divide the window. Default [2, 2, 3, 5, 5] (3000 → 1500 → 750 → 250 → 50 → 10): fine steps first, where the onsets' timing lives. */
  strides?: number[];
  /** Kernel length of the convolutions (odd). Default 7. */
  kernelSize?: number;
  /** Samples per window. Default 3000. */
  length?: number;
  /** Seed of the initial weights. Default 0. */
  seed?: number;
}

/** Layer-name prefixes: `enc*` encoder (the early layers frozen in fine-tuning), `dec*` decoder, `out` the classifier. */
export const PICKER_ENCODER_PREFIX = 'enc';

function checkList(v: unknown, name: string, min: number, max: number): number[] {
  if (!Array.isArray(v) || v.length === 0) throw new ValidationError(name, 'bad-option', `must be a non-empty array of integers, got ${JSON.stringify(v)}`);
  return v.map((x, i) => checkScalar(x, `${name}[${i}]`, { min, max, integer: true }));
}

/**
 * Builds the picker: per level ℓ a strided convolution (stride s_ℓ, the encoder's downsampling)
 * then a convolution, ReLU; back up, a transposed convolution (stride s_ℓ) then the encoder's
 * activation at the same scale concatenated (the U-Net's skip connection) and a convolution;
 * last a 1×1 convolution to 3 channels and a softmax over {P, S, noise} at every sample.
 * Input [batch, length, 3], output [batch, length, 3].
 */
export function buildPicker(options: PickerOptions = {}): tf.LayersModel {
  const strides = checkList(options.strides ?? [2, 2, 3, 5, 5], 'strides', 1, 16);
  const filters = checkList(options.filters ?? [8, 12, 16, 24, 32, 48], 'filters', 1, 256);
  if (filters.length !== strides.length + 1) throw new ValidationError('filters', 'length-mismatch', `needs ${strides.length + 1} entries (one per level), got ${filters.length}`);
  const k = checkScalar(options.kernelSize ?? 7, 'kernelSize', { min: 1, max: 63, integer: true });
  const length = checkScalar(options.length ?? PICKING_WINDOW, 'length', { min: 8, max: 1_000_000, integer: true });
  const total = strides.reduce((a, b) => a * b, 1);
  if (length % total !== 0) throw new ValidationError('strides', 'out-of-range', `their product (${total}) must divide the window length ${length}`);
  const rng = new RandomState(options.seed ?? 0);
  const init = () => tf.initializers.heNormal({ seed: rng.randint(2 ** 31 - 1) });
  const conv = (name: string, f: number, kernel: number, stride = 1, activation: 'relu' | 'linear' = 'relu') =>
    tf.layers.conv2d({ name, filters: f, kernelSize: [kernel, 1], strides: [stride, 1], padding: 'same', activation, kernelInitializer: init() });

  const input = tf.input({ shape: [length, 3], name: 'waveform' });
  let h = tf.layers.reshape({ name: 'enc_reshape', targetShape: [length, 1, 3] }).apply(input) as tf.SymbolicTensor;
  h = conv('enc0', filters[0], k).apply(h) as tf.SymbolicTensor;
  const skips: tf.SymbolicTensor[] = [h];
  strides.forEach((s, l) => {
    h = conv(`enc${l + 1}_down`, filters[l + 1], k, s).apply(h) as tf.SymbolicTensor;
    h = conv(`enc${l + 1}`, filters[l + 1], l + 1 === strides.length ? Math.min(k, 3) : k).apply(h) as tf.SymbolicTensor;
    skips.push(h);
  });
  for (let l = strides.length - 1; l >= 0; l--) {
    const s = strides[l];
    h = tf.layers
      .conv2dTranspose({ name: `dec${l}_up`, filters: filters[l], kernelSize: [s, 1], strides: [s, 1], padding: 'same', activation: 'relu', kernelInitializer: init() })
      .apply(h) as tf.SymbolicTensor;
    h = tf.layers.concatenate({ name: `dec${l}_skip`, axis: -1 }).apply([skips[l], h]) as tf.SymbolicTensor;
    h = conv(`dec${l}`, filters[l], l === 0 ? 5 : k).apply(h) as tf.SymbolicTensor;
  }
  h = conv('out', 3, 1, 1, 'linear').apply(h) as tf.SymbolicTensor;
  h = tf.layers.reshape({ name: 'out_reshape', targetShape: [length, 3] }).apply(h) as tf.SymbolicTensor;
  const output = tf.layers.softmax({ name: 'out_softmax', axis: -1 }).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: output, name: 'phase_picker' });
}

/** Number of trainable and frozen parameters of a model. */
export function countParameters(model: tf.LayersModel): { trainable: number; frozen: number } {
  const size = (ws: tf.LayerVariable[]) => ws.reduce((a, w) => a + w.shape.reduce((x: number, y) => x * (y ?? 1), 1), 0);
  return { trainable: size(model.trainableWeights), frozen: size(model.nonTrainableWeights) };
}

/**
 * The slides' cross-entropy, averaged over windows and samples: 𝓛 = −(1/BT) Σ_b Σ_t Σ_i p_i log q_i,
 * with q clipped to [1e-7, 1] so a confident miss costs ≈ 16, not ∞.
 */
export function pickerLoss(p: tf.Tensor, q: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.neg(tf.mean(tf.sum(tf.mul(p, tf.log(tf.clipByValue(q, 1e-7, 1))), -1))) as tf.Scalar);
}

/**
 * One gradient step on a batch (time-major windows x and targets y, each batch × length × 3);
 * only the layers whose `trainable` flag is set move (see `setTrainable` in ./io.ts).
 * Returns the batch loss.
 */
export function trainPickerBatch(model: tf.LayersModel, optimizer: tf.Optimizer, x: Float32Array, y: Float32Array, length = PICKING_WINDOW): number {
  const b = x.length / (length * 3);
  if (!Number.isInteger(b) || b < 1 || y.length !== x.length) throw new ValidationError('x', 'shape-mismatch', `x (${x.length}) and y (${y.length}) must both hold batch × ${length} × 3 values`);
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  if (vars.length === 0) throw new ValidationError('model', 'bad-option', 'has no trainable layer: every layer is frozen');
  const xt = tf.tensor3d(x, [b, length, 3]);
  const yt = tf.tensor3d(y, [b, length, 3]);
  try {
    const cost = optimizer.minimize(() => pickerLoss(yt, model.apply(xt, { training: true }) as tf.Tensor), true, vars);
    const v = cost ? cost.dataSync()[0] : NaN;
    cost?.dispose();
    return v;
  } finally {
    xt.dispose();
    yt.dispose();
  }
}

/**
 * Probabilities for a batch of normalised windows (batch × length × 3, time-major): a Float32Array
 * of the same layout, q[b, t, i] with i = P, S, noise.
 */
export function predictPicker(model: tf.LayersModel, x: Float32Array, length = PICKING_WINDOW): Float32Array {
  const b = x.length / (length * 3);
  if (!Number.isInteger(b) || b < 1) throw new ValidationError('x', 'shape-mismatch', `must hold batch × ${length} × 3 values, got ${x.length}`);
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) throw new ValidationError('x', 'not-finite', `sample ${Math.floor((i % (length * 3)) / 3)} of window ${Math.floor(i / (length * 3))} is ${x[i]}: the model never sees NaN`);
  }
  return tf.tidy(() => (model.predict(tf.tensor3d(x, [b, length, 3])) as tf.Tensor).dataSync() as Float32Array);
}

/** Splits time-major [length × 3] probabilities into P, S and noise curves. */
export function splitProbabilities(q: Float32Array, offset = 0, length = PICKING_WINDOW): { P: Float32Array; S: Float32Array; noise: Float32Array } {
  const P = new Float32Array(length);
  const S = new Float32Array(length);
  const noise = new Float32Array(length);
  for (let t = 0; t < length; t++) {
    P[t] = q[offset + t * 3];
    S[t] = q[offset + t * 3 + 1];
    noise[t] = q[offset + t * 3 + 2];
  }
  return { P, S, noise };
}

/**
 * The pick threshold a trained picker was calibrated with (`threshold` in its model.json
 * metadata, set by `pnpm train:picker` on validation windows), or 0.5 for a model without one.
 */
export function modelPickThreshold(model: tf.LayersModel): number {
  const t = (model.getUserDefinedMetadata?.() as { threshold?: unknown } | undefined)?.threshold;
  return typeof t === 'number' && t > 0 && t < 1 ? t : 0.5;
}

/** Options of {@link pickRecord}. */
export interface PickRecordOptions {
  /** Samples between the starts of two windows (≤ 2400, so that the trusted middles of the windows cover the record; 1500 = half overlap). Default 1500. */
  step?: number;
  /** Windows per forward pass. Default 16. */
  batchSize?: number;
  /** Pick threshold on the merged probabilities. Default the model's own ({@link modelPickThreshold}). */
  threshold?: number;
  /** Least distance between two picks of one phase, in samples. Default 100 (1 s). */
  minDistance?: number;
  /** Called after each batch with the share of windows done (0 … 1). */
  onProgress?: (done: number) => void;
  /** Polled between batches; true stops the run with what is done (picks from the part seen). */
  cancelled?: () => boolean;
}

/** Result of {@link pickRecord}. */
export interface RecordPicks {
  /** P picks over the whole record (sample indices). */
  P: Pick[];
  /** S picks. */
  S: Pick[];
  /** Merged probability curves, one value per sample. */
  probP: Float32Array;
  probS: Float32Array;
  /** Windows run. */
  windows: number;
  /** True when `cancelled` stopped it early. */
  cancelled: boolean;
}

/**
 * Picks a long three-component record by sliding windows: windows of 3000 samples every
 * `step` samples (the last one flush with the end), each high-passed and normalised on its own
 * ({@link preparePickingWindow}), run in
 * batches; where windows overlap, each sample keeps the largest P and S probability over the
 * windows that see it away from their edges (the outer 10 % of a window sees half a wavelet and
 * is trusted only at the record's own ends); then {@link pickPeaks} on the merged curves.
 * `components` = [Z, N, E], equal lengths ≥ 3000, finite.
 *
 * A generator: it yields the share of windows done after each batch (so that a worker task can
 * report progress and stop between batches) and returns the picks. {@link pickRecord} drives it.
 */
export function* pickRecordSteps(model: tf.LayersModel, components: ArrayLike<number>[], options: Omit<PickRecordOptions, 'onProgress' | 'cancelled'> = {}): Generator<number, RecordPicks, boolean | undefined> {
  if (!Array.isArray(components) || components.length !== 3) throw new ValidationError('components', 'bad-option', 'must be three traces [Z, N, E] (replicate a single component three times)');
  const n = components[0].length;
  components.forEach((c, k) => {
    if (c.length !== n) throw new ValidationError('components', 'length-mismatch', `component ${k} has ${c.length} samples, component 0 has ${n}`);
    for (let i = 0; i < n; i++) if (!Number.isFinite(c[i])) throw new ValidationError('components', 'not-finite', `component ${k} has ${String(c[i])} at sample ${i}: fill or cut gaps first, the model never sees NaN`);
  });
  const L = PICKING_WINDOW;
  if (n < L) throw new ValidationError('components', 'out-of-range', `the record has ${n} samples, shorter than one ${L}-sample window (${L / 100} s at 100 Hz)`);
  const edge = Math.round(0.1 * L);
  const step = checkScalar(options.step ?? 1500, 'step', { min: 1, max: L - 2 * edge, integer: true });
  const batchSize = checkScalar(options.batchSize ?? 16, 'batchSize', { min: 1, max: 256, integer: true });
  const pp = { threshold: options.threshold ?? modelPickThreshold(model), minDistance: options.minDistance ?? 100 };
  pickPeaks([0], pp); // validates the pick options before the long run
  const starts: number[] = [];
  for (let s = 0; s + L <= n; s += step) starts.push(s);
  if (starts[starts.length - 1] + L < n) starts.push(n - L);
  const probP = new Float32Array(n);
  const probS = new Float32Array(n);
  let cancelled = false;
  let done = 0;
  for (let b0 = 0; b0 < starts.length; b0 += batchSize) {
    const batch = starts.slice(b0, b0 + batchSize);
    const x = new Float32Array(batch.length * L * 3);
    batch.forEach((s, j) => {
      const w = x.subarray(j * L * 3, (j + 1) * L * 3);
      for (let t = 0; t < L; t++) for (let c = 0; c < 3; c++) w[t * 3 + c] = components[c][s + t];
      preparePickingWindow(w);
    });
    const q = predictPicker(model, x);
    batch.forEach((s, j) => {
      const lo = s === 0 ? 0 : edge;
      const hi = s + L >= n ? L : L - edge;
      for (let t = lo; t < hi; t++) {
        const o = (j * L + t) * 3;
        if (q[o] > probP[s + t]) probP[s + t] = q[o];
        if (q[o + 1] > probS[s + t]) probS[s + t] = q[o + 1];
      }
    });
    done += batch.length;
    // The driver sends true to stop: picks then come from the part seen so far.
    if (done < starts.length && (yield done / starts.length)) {
      cancelled = true;
      break;
    }
  }
  return { P: pickPeaks(probP, pp), S: pickPeaks(probS, pp), probP, probS, windows: done, cancelled };
}

/**
 * {@link pickRecordSteps} run to the end on this thread, yielding to the event loop between
 * batches, with `onProgress` after each batch and `cancelled` polled between them.
 */
export async function pickRecord(model: tf.LayersModel, components: ArrayLike<number>[], options: PickRecordOptions = {}): Promise<RecordPicks> {
  const { onProgress, cancelled, ...rest } = options;
  const it = pickRecordSteps(model, components, rest);
  let r = it.next();
  while (!r.done) {
    onProgress?.(r.value);
    await new Promise((res) => setTimeout(res, 0));
    r = it.next(cancelled?.() ?? false);
  }
  onProgress?.(1);
  return r.value;
}
