/**
 * The TF.js-free half of the network code: layer specs, their shapes and sizes, the saved-model
 * format and its validation, and the weight buffer (un)packing. Both the plain MLP
 * (`@geolearn/algorithms/mlp`) and the TF.js networks (`@geolearn/algorithms/nn`) use it.
 */
import { ValidationError } from '../core/errors';
import { checkSize, describeValue, LIMITS } from '../core/validation';

/** An activation function φ. 'step' (φ(z) = 1 if z > 0 else 0) is forward only. */
export type Activation = 'sigmoid' | 'tanh' | 'relu' | 'linear' | 'step' | 'softmax';
/** A loss: mean squared error, or binary / categorical cross-entropy. */
export type LossName = 'mse' | 'binaryCrossentropy' | 'categoricalCrossentropy';
/** Weight penalty R(θ) added as λR: L1 = Σ|w|, L2 = Σw² (weights only, not biases). */
export type Regularization = 'none' | 'l1' | 'l2';

/** The activations, for validation and menus. */
export const ACTIVATIONS: readonly Activation[] = ['sigmoid', 'tanh', 'relu', 'linear', 'step', 'softmax'];
/** The losses, for validation and menus. */
export const LOSSES: readonly LossName[] = ['mse', 'binaryCrossentropy', 'categoricalCrossentropy'];
/** The penalties, for validation and menus. */
export const REGULARIZATIONS: readonly Regularization[] = ['none', 'l1', 'l2'];

/**
 * Most trainable numbers (weights and biases) in one network: 10 million, 40 MB as float32
 * (80 MB per copy as float64 on the plain engine, which keeps gradients and optimiser moments
 * too). The MNIST networks of the course have about 100,000. A bigger network throws
 * `ValidationError(…, 'too-large')` before anything is allocated.
 */
export const MAX_NETWORK_PARAMETERS = 10_000_000;

/** A size along height and width: one number for both, or [height, width]. */
export type Size2 = number | [number, number];

/** A layer of a network ({@link TfNet}, or the dense layers of an MLP). */
export type LayerSpec =
  | { type: 'dense'; units: number; activation?: Activation }
  | { type: 'conv2d'; filters: number; kernelSize: Size2; strides?: Size2; padding?: 'same' | 'valid'; activation?: Activation }
  | { type: 'conv2dTranspose'; filters: number; kernelSize: Size2; strides?: Size2; activation?: Activation }
  | { type: 'maxPool2d'; poolSize?: Size2 }
  | { type: 'flatten' }
  | { type: 'reshape'; targetShape: number[] }
  | { type: 'dropout'; rate: number };

const LAYER_TYPES: readonly LayerSpec['type'][] = ['dense', 'conv2d', 'conv2dTranspose', 'maxPool2d', 'flatten', 'reshape', 'dropout'];

/** A layer's output of one forward pass. */
export interface LayerOutput {
  /** 'conv2d_1', 'dense_3', … (1-based position in the layer list). */
  name: string;
  type: LayerSpec['type'];
  /** Output shape without the batch axis. */
  shape: number[];
}

/** Names and shapes of the weight arrays, for JSON, permalinks and moving between backends. */
export interface WeightSpec {
  name: string;
  shape: number[];
}

/** A saved model: topology as JSON; the weights go in a separate binary buffer. */
export interface SavedModelJSON {
  format: 'geolearn-nn';
  version: 1;
  kind: 'CNN' | 'MLP' | 'Autoencoder';
  inputShape: number[];
  layers: LayerSpec[];
  /** The weight arrays in the binary buffer, in order, little-endian float32. */
  weightSpecs: WeightSpec[];
  /** Free-form facts: training set, accuracy, time, backend… */
  meta?: Record<string, unknown>;
  /** Kind-specific settings. */
  options?: Record<string, unknown>;
  /** One flag per layer, false for a frozen layer (see `setTrainable`); absent when every layer trains. */
  trainable?: boolean[];
}

/**
 * Checks a per-layer list of trainable flags (or undefined → all true) against `nLayers`
 * layers, naming `name` in the error.
 */
export function checkTrainableFlags(flags: unknown, nLayers: number, name = 'trainable'): boolean[] {
  if (flags === undefined) return new Array<boolean>(nLayers).fill(true);
  if (!Array.isArray(flags)) throw new ValidationError(name, 'bad-option', `must be an array of booleans, one per layer, got ${describeValue(flags)}`);
  if (flags.length !== nLayers) throw new ValidationError(name, 'length-mismatch', `expected ${nLayers} flags (one per layer), got ${flags.length}`);
  flags.forEach((f, i) => {
    if (typeof f !== 'boolean') throw new ValidationError(name, 'wrong-type', `flag ${i} must be true or false, got ${describeValue(f)}`);
  });
  return [...(flags as boolean[])];
}

/** [height, width] of a {@link Size2}, validated (a number, or an array of two numbers). */
export function pair(v: unknown, where = 'size'): [number, number] {
  if (typeof v === 'number') return [v, v];
  if (Array.isArray(v) && v.length === 2) return [v[0], v[1]];
  throw new ValidationError(where, 'bad-option', `must be a number or [height, width], got ${JSON.stringify(v)}`);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkActivation(a: unknown, where: string): void {
  if (a !== undefined && !ACTIVATIONS.includes(a as Activation)) throw new ValidationError(where, 'bad-option', `activation must be one of ${ACTIVATIONS.join(', ')}, got ${JSON.stringify(a)}`);
}

/** Output shape of `spec` for input `shape` (no batch axis), validating every field of the spec. */
export function outShape(spec: LayerSpec, shape: number[], where: string): number[] {
  if (!isObject(spec) || !LAYER_TYPES.includes((spec as { type: LayerSpec['type'] }).type)) {
    throw new ValidationError(where, 'bad-option', `a layer must be an object whose type is one of ${LAYER_TYPES.join(', ')}, got ${JSON.stringify(isObject(spec) ? spec.type : spec)}`);
  }
  const pos = (v: unknown, what: string): number => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new ValidationError(where, 'out-of-range', `${what} must be a positive integer, got ${String(v)}`);
    return v;
  };
  if ('activation' in spec) checkActivation(spec.activation, where);
  switch (spec.type) {
    case 'dense':
      if (shape.length !== 1) throw new ValidationError(where, 'shape-mismatch', `dense needs a flat input, got [${shape}]: add a flatten layer`);
      return [pos(spec.units, 'units')];
    case 'conv2d': {
      if (shape.length !== 3) throw new ValidationError(where, 'shape-mismatch', `conv2d needs [h, w, c], got [${shape}]`);
      const [kh, kw] = pair(spec.kernelSize, where).map((v) => pos(v, 'kernelSize'));
      const [sh, sw] = pair(spec.strides ?? 1, where).map((v) => pos(v, 'strides'));
      const padding = spec.padding ?? 'same';
      if (padding !== 'same' && padding !== 'valid') throw new ValidationError(where, 'bad-option', `padding must be 'same' or 'valid', got ${JSON.stringify(padding)}`);
      const same = padding === 'same';
      const h = same ? Math.ceil(shape[0] / sh) : Math.ceil((shape[0] - kh + 1) / sh);
      const w = same ? Math.ceil(shape[1] / sw) : Math.ceil((shape[1] - kw + 1) / sw);
      return [pos(h, 'output height'), pos(w, 'output width'), pos(spec.filters, 'filters')];
    }
    case 'conv2dTranspose': {
      if (shape.length !== 3) throw new ValidationError(where, 'shape-mismatch', `conv2dTranspose needs [h, w, c], got [${shape}]`);
      pair(spec.kernelSize, where).forEach((v) => pos(v, 'kernelSize'));
      const [sh, sw] = pair(spec.strides ?? 1, where).map((v) => pos(v, 'strides'));
      return [shape[0] * sh, shape[1] * sw, pos(spec.filters, 'filters')];
    }
    case 'maxPool2d': {
      if (shape.length !== 3) throw new ValidationError(where, 'shape-mismatch', `maxPool2d needs [h, w, c], got [${shape}]`);
      const [ph, pw] = pair(spec.poolSize ?? 2, where).map((v) => pos(v, 'poolSize'));
      return [pos(Math.floor(shape[0] / ph), 'output height'), pos(Math.floor(shape[1] / pw), 'output width'), shape[2]];
    }
    case 'flatten':
      return [shape.reduce((a, b) => a * b, 1)];
    case 'reshape': {
      if (!Array.isArray(spec.targetShape) || spec.targetShape.length === 0) throw new ValidationError(where, 'bad-option', 'reshape needs a targetShape array');
      spec.targetShape.forEach((v) => pos(v, 'targetShape'));
      const n = spec.targetShape.reduce((a, b) => a * b, 1);
      if (n !== shape.reduce((a, b) => a * b, 1)) throw new ValidationError(where, 'shape-mismatch', `cannot reshape [${shape}] to [${spec.targetShape}]`);
      return [...spec.targetShape];
    }
    case 'dropout':
      if (typeof spec.rate !== 'number' || !(spec.rate >= 0 && spec.rate < 1)) throw new ValidationError(where, 'out-of-range', `dropout rate must be in [0, 1), got ${String(spec.rate)}`);
      return shape;
  }
}

const prod = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);

/**
 * Validates a network's input shape and layers without allocating anything, and returns the
 * output shape of every layer and the weight specs the network will have. Throws
 * ValidationError(…, 'too-large') for more than {@link MAX_NETWORK_PARAMETERS} parameters or a
 * layer output of more than 2²⁶ numbers per sample.
 */
export function planNetwork(inputShape: unknown, layers: unknown, name = 'layers'): { shapes: number[][]; weightSpecs: WeightSpec[]; parameters: number } {
  if (!Array.isArray(inputShape) || inputShape.length === 0 || inputShape.some((d) => typeof d !== 'number' || !Number.isInteger(d) || d < 1)) {
    throw new ValidationError('inputShape', 'out-of-range', `must be an array of positive integers, got ${JSON.stringify(inputShape)}`);
  }
  checkSize('inputShape', prod(inputShape), LIMITS.maxElements, 'values per sample');
  if (!Array.isArray(layers) || layers.length === 0) throw new ValidationError(name, 'empty', 'needs at least one layer');
  let shape = [...(inputShape as number[])];
  const shapes: number[][] = [];
  const weightSpecs: WeightSpec[] = [];
  let parameters = 0;
  (layers as LayerSpec[]).forEach((spec, i) => {
    const where = `${name}[${i}]`;
    const next = outShape(spec, shape, where);
    checkSize(where, prod(next), LIMITS.maxElements, 'output values per sample');
    const lname = `${spec.type}_${i + 1}`;
    if (spec.type === 'dense') {
      weightSpecs.push({ name: `${lname}/kernel`, shape: [shape[0], spec.units] }, { name: `${lname}/bias`, shape: [spec.units] });
      parameters += (shape[0] + 1) * spec.units;
    } else if (spec.type === 'conv2d' || spec.type === 'conv2dTranspose') {
      const [kh, kw] = pair(spec.kernelSize);
      const cin = shape[2];
      weightSpecs.push({ name: `${lname}/kernel`, shape: spec.type === 'conv2d' ? [kh, kw, cin, spec.filters] : [kh, kw, spec.filters, cin] }, { name: `${lname}/bias`, shape: [spec.filters] });
      parameters += (kh * kw * cin + 1) * spec.filters;
    }
    checkSize(name, parameters, MAX_NETWORK_PARAMETERS, 'weights and biases');
    shapes.push(next);
    shape = next;
  });
  return { shapes, weightSpecs, parameters };
}

/** Packs weights into one little-endian float32 buffer (the binary half of a saved model). */
export function packWeights(weights: Float32Array[]): ArrayBuffer {
  const n = weights.reduce((s, w) => s + w.length, 0);
  const out = new Float32Array(n);
  let o = 0;
  for (const w of weights) {
    out.set(w, o);
    o += w.length;
  }
  return out.buffer;
}

/**
 * Unpacks {@link packWeights}'s buffer by the specs' shapes. Throws ValidationError for a
 * buffer of the wrong length or non-finite weights (a NaN would poison every prediction).
 */
export function unpackWeights(buffer: ArrayBuffer | ArrayBufferView, specs: WeightSpec[]): Float32Array[] {
  checkWeightSpecs(specs, 'weightSpecs');
  let bytes: Uint8Array;
  if (buffer instanceof ArrayBuffer) bytes = new Uint8Array(buffer);
  else if (ArrayBuffer.isView(buffer)) bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  // An ArrayBuffer from another realm (an iframe, a DOM shim) fails instanceof.
  else if (Object.prototype.toString.call(buffer) === '[object ArrayBuffer]') bytes = new Uint8Array(buffer as ArrayBuffer);
  else throw new ValidationError('weightData', 'bad-option', 'expected an ArrayBuffer or a typed array of float32 bytes');
  const need = specs.reduce((s, w) => s + prod(w.shape), 0);
  if (bytes.byteLength !== 4 * need) throw new ValidationError('weightData', 'length-mismatch', `expected ${need} float32 values (${4 * need} bytes), got ${bytes.byteLength} bytes`);
  const all = new Float32Array(bytes.slice().buffer);
  for (let i = 0; i < all.length; i++) {
    if (!Number.isFinite(all[i])) throw new ValidationError('weightData', 'not-finite', `weight ${i} is ${all[i]}; saved weights must be finite`);
  }
  let o = 0;
  return specs.map((s) => {
    const n = prod(s.shape);
    const w = all.slice(o, o + n);
    o += n;
    return w;
  });
}

function checkWeightSpecs(specs: unknown, name: string): asserts specs is WeightSpec[] {
  if (!Array.isArray(specs)) throw new ValidationError(name, 'bad-option', `must be an array of { name, shape }, got ${JSON.stringify(specs)}`);
  specs.forEach((s, i) => {
    if (!isObject(s) || typeof s.name !== 'string' || !Array.isArray(s.shape) || s.shape.some((d) => typeof d !== 'number' || !Number.isInteger(d) || d < 1)) {
      throw new ValidationError(`${name}[${i}]`, 'bad-option', 'must be { name: string, shape: positive integers }');
    }
  });
  checkSize(name, specs.reduce((s, w) => s + prod((w as WeightSpec).shape), 0), MAX_NETWORK_PARAMETERS, 'weights and biases');
}

/**
 * Validates every field of a saved model's JSON (format, version, kind, input shape, layers,
 * weight specs, and that the specs are exactly those the layers need) without allocating a
 * tensor. Throws ValidationError('modelJSON…', …) naming the bad field. `networkInputShape`
 * is the network's own input shape when it differs from the saved one (a 1-D conv
 * autoencoder saves [length, channels] and runs on [1, length, channels]).
 */
export function checkSavedModel(modelJSON: unknown, kinds: readonly SavedModelJSON['kind'][], networkInputShape?: unknown): SavedModelJSON {
  if (!isObject(modelJSON)) throw new ValidationError('modelJSON', 'bad-option', 'expected the model JSON object written by save()');
  if (modelJSON.format !== 'geolearn-nn') throw new ValidationError('modelJSON.format', 'bad-option', `must be 'geolearn-nn', got ${JSON.stringify(modelJSON.format)}`);
  if (modelJSON.version !== 1) throw new ValidationError('modelJSON.version', 'bad-option', `must be 1, got ${JSON.stringify(modelJSON.version)}`);
  if (!kinds.includes(modelJSON.kind as SavedModelJSON['kind'])) throw new ValidationError('modelJSON.kind', 'bad-option', `must be ${kinds.map((k) => `'${k}'`).join(' or ')}, got ${JSON.stringify(modelJSON.kind)}`);
  if (modelJSON.options !== undefined && !isObject(modelJSON.options)) throw new ValidationError('modelJSON.options', 'bad-option', 'must be an object when given');
  if (networkInputShape !== undefined) planNetwork(modelJSON.inputShape, [{ type: 'flatten' }], 'modelJSON.inputShape');
  const plan = planNetwork(networkInputShape ?? modelJSON.inputShape, modelJSON.layers, 'modelJSON.layers');
  if (modelJSON.trainable !== undefined) checkTrainableFlags(modelJSON.trainable, (modelJSON.layers as unknown[]).length, 'modelJSON.trainable');
  checkWeightSpecs(modelJSON.weightSpecs, 'modelJSON.weightSpecs');
  const got = modelJSON.weightSpecs as WeightSpec[];
  if (got.length !== plan.weightSpecs.length) throw new ValidationError('modelJSON.weightSpecs', 'length-mismatch', `the layers need ${plan.weightSpecs.length} weight arrays, the specs list ${got.length}`);
  got.forEach((s, i) => {
    const want = plan.weightSpecs[i].shape;
    if (s.shape.length !== want.length || s.shape.some((d, j) => d !== want[j])) {
      throw new ValidationError(`modelJSON.weightSpecs[${i}]`, 'shape-mismatch', `${s.name} has shape [${s.shape}], the layers need [${want}]`);
    }
  });
  return modelJSON as unknown as SavedModelJSON;
}
