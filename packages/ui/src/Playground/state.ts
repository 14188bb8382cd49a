/**
 * The playground's state as plain JSON, its permalink (de)serialiser and the `defaultValue`
 * cleaner (both validate every field against the ranges declared in {@link PLAYGROUND_RANGES},
 * the same ranges the sliders use), the input features and the data sets.
 * Pure: no DOM, no React. The CSV reader and writer live in `csv.ts` (re-exported here).
 *
 * Untrusted input (a URL, an HTML attribute, a pasted JSON) is never merged into an object
 * with `Object.assign` or a spread: each known field is read as an own property, checked,
 * and copied into a new plain object, so `{"__proto__": …}` cannot change a prototype.
 */
import { makeBlobs, makePlayground, RandomState } from '@geolearn/algorithms';

/** The input features of the TensorFlow Playground. */
export type FeatureName = 'x1' | 'x2' | 'x1sq' | 'x2sq' | 'x1x2' | 'sinx1' | 'sinx2';
/** The data sets: the Playground's four classification and two regression sets, k blobs, or the user's own points. */
export type PlaygroundDataset = 'circle' | 'xor' | 'gaussian' | 'spiral' | 'plane' | 'multi-gaussian' | 'blobs' | 'custom';
/** Classification (sigmoid or softmax output, cross-entropy) or regression (linear output, MSE). */
export type ProblemType = 'classification' | 'regression';
/** Hidden activations on offer. */
export type PlaygroundActivation = 'tanh' | 'relu' | 'sigmoid' | 'linear';
/** Weight penalty. */
export type PlaygroundRegularization = 'none' | 'l1' | 'l2';

/** Training settings that may change while training (an edit at an epoch). */
export interface PlaygroundSettings {
  /** η. */
  learningRate: number;
  /** Weight penalty. */
  regularization: PlaygroundRegularization;
  /** λ. */
  regularizationRate: number;
  /** Mini-batch size. */
  batchSize: number;
  /** Dropout rate of the hidden units while training (inverted dropout, seeded). */
  dropout: number;
}

/** A change made while training, replayed at its epoch so that a permalink reproduces the run. */
export interface PlaygroundEdit {
  /** The epoch before which the change applies. */
  at: number;
  /** New training settings. */
  set?: Partial<PlaygroundSettings>;
  /** A weight set by hand: weight layer, from unit, to unit, value. */
  weight?: [number, number, number, number];
  /** A training point added by hand [x₁, x₂, label or target]: the weights are kept. */
  point?: [number, number, number];
}

/** Everything the playground shows, as plain JSON (and in its URL). */
export interface PlaygroundState {
  /** The data set. */
  dataset: PlaygroundDataset;
  /** Classification or regression. */
  problem: ProblemType;
  /** Classes of the 'blobs' set (2 to {@link MAX_CLASSES}). */
  classes: number;
  /** The Playground's noise, 0 to 50 (%). */
  noise: number;
  /** Percentage of the points used for training, 10 to 90. Default 80 (the slides' 80/20 split). */
  trainRatio: number;
  /** Input features, distinct, at least one. */
  features: FeatureName[];
  /** Units of each hidden layer: up to 6 layers of 1 to 8 units. */
  hidden: number[];
  /** Hidden activation φ. */
  activation: PlaygroundActivation;
  /** η, from 10⁻⁵ to 10. */
  learningRate: number;
  /** Weight penalty. */
  regularization: PlaygroundRegularization;
  /** λ, 0 to 0.1. */
  regularizationRate: number;
  /** Mini-batch size, 1 to 30 (and at most the number of training points). */
  batchSize: number;
  /** Dropout rate of the hidden units, 0 to 0.5. Default 0. */
  dropout: number;
  /** Standardise the inputs, x̂ = (x − μ)/√(σ² + ε), with μ, σ² of the training set. Default true. */
  normalize: boolean;
  /** Seed of the data, the split, the initial weights and the dropout masks. */
  seed: number;
  /** The user's own points [x₁, x₂, label or target], in the data's [−6, 6]² box. */
  points: [number, number, number][];
  /** Epochs trained (the weights follow from the rest of the state and this). */
  epoch: number;
  /** Changes made while training, in epoch order. */
  edits: PlaygroundEdit[];
  /** Draw the test points too. Default false (as the TensorFlow Playground). */
  showTestData: boolean;
  /** Colour the output by its sign (class) only, not by its value. Default false. */
  discretize: boolean;
}

/** Each feature: its label, its TeX and its raw value (inputs are standardised, or not, by the trainer). */
export const FEATURES: Record<FeatureName, { label: string; tex: string; f: (x1: number, x2: number) => number }> = {
  x1: { label: 'x₁', tex: 'x_1', f: (a) => a },
  x2: { label: 'x₂', tex: 'x_2', f: (_, b) => b },
  x1sq: { label: 'x₁²', tex: 'x_1^2', f: (a) => a * a },
  x2sq: { label: 'x₂²', tex: 'x_2^2', f: (_, b) => b * b },
  x1x2: { label: 'x₁x₂', tex: 'x_1x_2', f: (a, b) => a * b },
  sinx1: { label: 'sin x₁', tex: '\\sin x_1', f: (a) => Math.sin(a) },
  sinx2: { label: 'sin x₂', tex: '\\sin x_2', f: (_, b) => Math.sin(b) },
};
export const FEATURE_NAMES = Object.keys(FEATURES) as FeatureName[];
export const DATASETS: Record<PlaygroundDataset, { label: string; problem: ProblemType }> = {
  circle: { label: 'Circle', problem: 'classification' },
  xor: { label: 'Exclusive or', problem: 'classification' },
  gaussian: { label: 'Gaussian', problem: 'classification' },
  spiral: { label: 'Spiral', problem: 'classification' },
  blobs: { label: 'Several classes', problem: 'classification' },
  plane: { label: 'Plane', problem: 'regression' },
  'multi-gaussian': { label: 'Multi Gaussian', problem: 'regression' },
  custom: { label: 'My own points', problem: 'classification' },
};
export const DATASET_NAMES = Object.keys(DATASETS) as PlaygroundDataset[];
export const ACTIVATION_NAMES: PlaygroundActivation[] = ['tanh', 'relu', 'sigmoid', 'linear'];
export const REGULARIZATION_NAMES: PlaygroundRegularization[] = ['none', 'l1', 'l2'];
export const PROBLEM_NAMES: ProblemType[] = ['classification', 'regression'];
export const MAX_LAYERS = 6;
export const MAX_UNITS = 8;
/** Most classes: one distinct colour each (`classColor(0…4)`). */
export const MAX_CLASSES = 5;
/** Most user points (CSV, permalink, clicks). */
export const MAX_POINTS = 2000;
/** Most edits a state may carry. */
export const MAX_EDITS = 1000;
/** Largest epoch a permalink may name (the component caps it further with `maxEpochs`). */
export const MAX_EPOCH = 100_000;
/** Half-width of the data's box, [−6, 6]². */
export const EXTENT = 6;
/** Largest |target| of a regression point. */
export const MAX_TARGET = 10;
/** Largest |w| of a hand-set weight. */
export const MAX_WEIGHT = 100;
/** Points of each generated set. */
export const GENERATED_POINTS = 500;

/** A numeric range of the state: the sliders and the decoders read the same numbers. */
export interface Range {
  min: number;
  max: number;
  /** Whole numbers only. */
  integer?: boolean;
  /** Slider step. */
  step?: number;
}
/** The declared ranges of every numeric field (the sliders use them too). */
export const PLAYGROUND_RANGES = {
  classes: { min: 2, max: MAX_CLASSES, integer: true, step: 1 },
  noise: { min: 0, max: 50, step: 5 },
  trainRatio: { min: 10, max: 90, step: 10 },
  learningRate: { min: 1e-5, max: 10 },
  regularizationRate: { min: 0, max: 0.1, step: 0.001 },
  batchSize: { min: 1, max: 30, integer: true, step: 1 },
  dropout: { min: 0, max: 0.5, step: 0.05 },
  seed: { min: 0, max: 2 ** 31 - 1, integer: true, step: 1 },
  epoch: { min: 0, max: MAX_EPOCH, integer: true },
} as const satisfies Record<string, Range>;

/** The Playground's opening state: circle, x₁ and x₂, two hidden layers of 4 and 2 tanh units, 80/20 split. */
export const DEFAULT_PLAYGROUND_STATE: PlaygroundState = {
  dataset: 'circle',
  problem: 'classification',
  classes: 3,
  noise: 0,
  trainRatio: 80,
  features: ['x1', 'x2'],
  hidden: [4, 2],
  activation: 'tanh',
  learningRate: 0.03,
  regularization: 'none',
  regularizationRate: 0,
  batchSize: 10,
  dropout: 0,
  normalize: true,
  seed: 0,
  points: [],
  epoch: 0,
  edits: [],
  showTestData: false,
  discretize: false,
};

/** A deep copy of a (valid) state: no array is shared. */
export function copyState(s: PlaygroundState): PlaygroundState {
  return {
    ...s,
    features: [...s.features],
    hidden: [...s.hidden],
    points: s.points.map((p) => [p[0], p[1], p[2]]),
    edits: s.edits.map(copyEdit),
  };
}

function copyEdit(e: PlaygroundEdit): PlaygroundEdit {
  const out: PlaygroundEdit = { at: e.at };
  if (e.set) {
    const set: Partial<PlaygroundSettings> = {};
    for (const k of SETTING_KEYS) if (e.set[k] !== undefined) (set as Record<string, unknown>)[k] = e.set[k];
    out.set = set;
  }
  if (e.weight) out.weight = [e.weight[0], e.weight[1], e.weight[2], e.weight[3]];
  if (e.point) out.point = [e.point[0], e.point[1], e.point[2]];
  return out;
}

const SETTING_KEYS = ['learningRate', 'regularization', 'regularizationRate', 'batchSize', 'dropout'] as const satisfies readonly (keyof PlaygroundSettings)[];

/** Number of classes a state's labels can take (1 for regression). */
export function classCount(s: Pick<PlaygroundState, 'problem' | 'dataset' | 'classes' | 'points'>): number {
  if (s.problem === 'regression') return 1;
  let k = s.dataset === 'blobs' ? s.classes : 2;
  for (const p of s.points) k = Math.max(k, p[2] + 1);
  return k;
}

/** Number of training points of a state's generated set plus its points (before any point edit). */
export function trainCount(s: Pick<PlaygroundState, 'dataset' | 'points' | 'trainRatio'>): number {
  const n = (s.dataset === 'custom' ? 0 : GENERATED_POINTS) + s.points.length;
  return n < 2 ? n : Math.max(1, Math.min(n - 1, Math.round((n * s.trainRatio) / 100)));
}

// ---------------------------------------------------------------------------------------
// Field-by-field validation, shared by the permalink decoder and the defaultValue cleaner

/** Reads an own property only (never one inherited through `__proto__`). */
function own(o: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? (o as Record<string, unknown>)[key] : undefined;
}

function isPlainObject(v: unknown): v is object {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function inRange(v: unknown, r: Range): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= r.min && v <= r.max && (!r.integer || Number.isInteger(v));
}

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  try {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 60)}…` : s;
  } catch {
    return typeof v;
  }
}

/** Layer sizes of a state's network: inputs, hidden layers, outputs. */
export function layerSizesOf(s: Pick<PlaygroundState, 'features' | 'hidden' | 'problem' | 'dataset' | 'classes' | 'points'>): number[] {
  const k = classCount(s);
  return [s.features.length, ...s.hidden, k > 2 ? k : 1];
}

function checkPoint(p: unknown, problem: ProblemType, maxClass: number): p is [number, number, number] {
  if (!Array.isArray(p) || p.length !== 3 || !p.every((v) => typeof v === 'number' && Number.isFinite(v))) return false;
  if (Math.abs(p[0]) > EXTENT || Math.abs(p[1]) > EXTENT) return false;
  return problem === 'classification' ? Number.isInteger(p[2]) && p[2] >= 0 && p[2] < maxClass : Math.abs(p[2]) <= MAX_TARGET;
}

/**
 * Checks one edit against the (already validated) configuration; returns a new plain edit
 * or the reason it is refused. Unknown keys are refused, not copied.
 */
function checkEdit(e: unknown, sizes: number[], problem: ProblemType, nOutClasses: number, nTrain: number): PlaygroundEdit | string {
  if (!isPlainObject(e)) return 'an edit must be an object';
  for (const k of Object.keys(e)) if (k !== 'at' && k !== 'set' && k !== 'weight' && k !== 'point') return `unknown key ${describe(k)}`;
  const at = own(e, 'at');
  if (!inRange(at, PLAYGROUND_RANGES.epoch)) return `"at" must be an epoch 0 … ${MAX_EPOCH}`;
  const out: PlaygroundEdit = { at: at + 0 };
  const set = own(e, 'set');
  if (set !== undefined) {
    if (!isPlainObject(set)) return '"set" must be an object';
    const clean: Partial<PlaygroundSettings> = {};
    for (const k of Object.keys(set)) {
      if (!(SETTING_KEYS as readonly string[]).includes(k)) return `unknown setting ${describe(k)}`;
      const v = own(set, k);
      if (k === 'regularization') {
        if (!REGULARIZATION_NAMES.includes(v as PlaygroundRegularization)) return `regularization ${describe(v)}`;
        clean.regularization = v as PlaygroundRegularization;
      } else {
        const r = PLAYGROUND_RANGES[k as 'learningRate' | 'regularizationRate' | 'batchSize' | 'dropout'];
        if (!inRange(v, r)) return `${k} ${describe(v)} is not in [${r.min}, ${r.max}]`;
        if (k === 'batchSize' && (v as number) > Math.max(1, nTrain)) return `batchSize ${describe(v)} exceeds the ${nTrain} training points`;
        (clean as Record<string, number>)[k] = (v as number) + 0;
      }
    }
    out.set = clean;
  }
  const weight = own(e, 'weight');
  if (weight !== undefined) {
    if (!Array.isArray(weight) || weight.length !== 4 || !weight.every((v) => typeof v === 'number' && Number.isFinite(v))) return '"weight" must be [layer, from, to, value]';
    const [l, i, j, v] = weight as number[];
    if (!Number.isInteger(l) || l < 0 || l >= sizes.length - 1) return `weight layer ${l} does not exist`;
    if (!Number.isInteger(i) || i < 0 || i >= sizes[l] || !Number.isInteger(j) || j < 0 || j >= sizes[l + 1]) return `weight ${l}:${i}→${j} does not exist`;
    if (Math.abs(v) > MAX_WEIGHT) return `weight value ${v} is beyond ±${MAX_WEIGHT}`;
    out.weight = [l, i, j, v + 0];
  }
  const point = own(e, 'point');
  if (point !== undefined) {
    if (!checkPoint(point, problem, nOutClasses)) return `point ${describe(point)} is not [x₁, x₂, label] in the box`;
    out.point = [point[0] + 0, point[1] + 0, point[2] + 0];
  }
  if (!out.set && !out.weight && !out.point) return 'an edit needs "set", "weight" or "point"';
  return out;
}

/** What {@link decodePlaygroundState} read, and what it had to reject. */
export interface DecodedPlaygroundState {
  /** The state: every valid field, the defaults (or `base`) for the rest. */
  state: PlaygroundState;
  /** One message per rejected field, e.g. "hidden: 9 units in layer 1 (at most 8)". */
  errors: string[];
}

/**
 * Validates candidate field values (already parsed from a URL or read from an object),
 * field by field, into a new state built on `base`. `get(key)` returns the candidate of a
 * field or undefined when absent. Checks the cross-field constraints too: problem vs data
 * set, batch size ≤ training points, labels < classes, edits against the network.
 */
function validateFields(get: (k: keyof PlaygroundState) => unknown, base: PlaygroundState, name: (k: keyof PlaygroundState) => string): DecodedPlaygroundState {
  const s = copyState(base);
  const errors: string[] = [];
  const bad = (k: keyof PlaygroundState, why: string) => errors.push(`${name(k)}: ${why}`);
  const num = (k: keyof typeof PLAYGROUND_RANGES): number | undefined => {
    const v = get(k);
    if (v === undefined) return undefined;
    const r: Range = PLAYGROUND_RANGES[k];
    if (!inRange(v, r)) {
      bad(k, `${describe(v)} is not ${r.integer ? 'an integer' : 'a number'} in [${r.min}, ${r.max}]`);
      return undefined;
    }
    return v + 0;
  };
  const oneOf = <T extends string>(k: keyof PlaygroundState, options: readonly T[]): T | undefined => {
    const v = get(k);
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || !options.includes(v as T)) {
      bad(k, `${describe(v)} is not one of ${options.join(', ')}`);
      return undefined;
    }
    return v as T;
  };
  const bool = (k: 'normalize' | 'showTestData' | 'discretize') => {
    const v = get(k);
    if (v === undefined) return;
    if (typeof v !== 'boolean') bad(k, `${describe(v)} is not true or false`);
    else s[k] = v;
  };

  s.dataset = oneOf('dataset', DATASET_NAMES) ?? s.dataset;
  const problem = oneOf('problem', PROBLEM_NAMES);
  if (s.dataset !== 'custom') {
    if (problem !== undefined && problem !== DATASETS[s.dataset].problem) bad('problem', `the ${s.dataset} set is a ${DATASETS[s.dataset].problem} set`);
    s.problem = DATASETS[s.dataset].problem;
  } else if (problem !== undefined) s.problem = problem;
  s.classes = num('classes') ?? s.classes;
  s.noise = num('noise') ?? s.noise;
  s.trainRatio = num('trainRatio') ?? s.trainRatio;

  const feats = get('features');
  if (feats !== undefined) {
    const ok = Array.isArray(feats) && feats.length > 0 && feats.length <= FEATURE_NAMES.length && feats.every((f) => typeof f === 'string' && (FEATURE_NAMES as string[]).includes(f)) && new Set(feats).size === feats.length;
    if (!ok) bad('features', `${describe(feats)} must be distinct names among ${FEATURE_NAMES.join(', ')}, at least one`);
    else s.features = FEATURE_NAMES.filter((f) => (feats as string[]).includes(f));
  }
  const hidden = get('hidden');
  if (hidden !== undefined) {
    const ok = Array.isArray(hidden) && hidden.length <= MAX_LAYERS && hidden.every((u) => typeof u === 'number' && Number.isInteger(u) && u >= 1 && u <= MAX_UNITS);
    if (!ok) bad('hidden', `${describe(hidden)} must be up to ${MAX_LAYERS} layers of 1 to ${MAX_UNITS} units`);
    else s.hidden = [...(hidden as number[])];
  }
  s.activation = oneOf('activation', ACTIVATION_NAMES) ?? s.activation;
  s.learningRate = num('learningRate') ?? s.learningRate;
  s.regularization = oneOf('regularization', REGULARIZATION_NAMES) ?? s.regularization;
  s.regularizationRate = num('regularizationRate') ?? s.regularizationRate;
  s.dropout = num('dropout') ?? s.dropout;
  s.seed = num('seed') ?? s.seed;
  s.epoch = num('epoch') ?? s.epoch;
  bool('normalize');
  bool('showTestData');
  bool('discretize');

  const pts = get('points');
  if (pts !== undefined) {
    const kMax = s.problem === 'classification' ? MAX_CLASSES : Infinity;
    if (!Array.isArray(pts) || pts.length > MAX_POINTS || !pts.every((p) => checkPoint(p, s.problem, kMax))) {
      bad('points', `expected up to ${MAX_POINTS} [x₁, x₂, ${s.problem === 'classification' ? `class 0…${MAX_CLASSES - 1}` : 'target'}] in [−${EXTENT}, ${EXTENT}]²`);
    } else s.points = (pts as number[][]).map((p) => [p[0] + 0, p[1] + 0, p[2] + 0]);
  }
  // Points kept from `base` must still fit the (possibly changed) problem.
  if (!s.points.every((p) => checkPoint(p, s.problem, s.problem === 'classification' ? MAX_CLASSES : Infinity))) s.points = [];

  // Batch size: within the slider's range and at most the training points.
  const nTrain = trainCount(s);
  const batch = num('batchSize');
  if (batch !== undefined) {
    if (batch > Math.max(1, nTrain)) bad('batchSize', `${batch} exceeds the ${nTrain} training points`);
    else s.batchSize = batch;
  }
  if (s.batchSize > Math.max(1, nTrain)) s.batchSize = Math.max(1, nTrain);

  const sizes = layerSizesOf(s);
  const k = classCount(s);
  const edits = get('edits');
  if (edits !== undefined) {
    if (!Array.isArray(edits)) bad('edits', 'not a list of changes');
    else if (edits.length > MAX_EDITS) bad('edits', `${edits.length} changes, at most ${MAX_EDITS}`);
    else {
      const list: PlaygroundEdit[] = [];
      let why = '';
      for (let i = 0; i < edits.length && !why; i++) {
        const e = checkEdit(edits[i], sizes, s.problem, k, nTrain);
        if (typeof e === 'string') why = `change ${i + 1}: ${e}`;
        else if (list.length && e.at < list[list.length - 1].at) why = `change ${i + 1}: epochs must not decrease`;
        else list.push(e);
      }
      if (why) bad('edits', why);
      else s.edits = list;
    }
  }
  // Edits kept from `base` must still fit the network.
  if (!s.edits.every((e) => typeof checkEdit(e, sizes, s.problem, k, nTrain) !== 'string')) s.edits = [];
  return { state: s, errors };
}

// ---------------------------------------------------------------------------------------
// Permalink

/** Short URL keys of each field. */
const KEYS = {
  dataset: 'data',
  problem: 'problem',
  classes: 'classes',
  noise: 'noise',
  trainRatio: 'ratio',
  features: 'features',
  hidden: 'hidden',
  activation: 'act',
  learningRate: 'lr',
  regularization: 'reg',
  regularizationRate: 'lambda',
  batchSize: 'batch',
  dropout: 'dropout',
  normalize: 'norm',
  seed: 'seed',
  points: 'points',
  epoch: 'epoch',
  edits: 'edits',
  showTestData: 'test',
  discretize: 'discrete',
} as const satisfies Record<keyof PlaygroundState, string>;

/** Longest query string read (a permalink with 2,000 points and 1,000 edits fits). */
export const MAX_QUERY_LENGTH = 400_000;

/** The state as a URL query string (without '?' or '#'), fields that differ from the defaults only. */
export function encodePlaygroundState(state: PlaygroundState): string {
  const p = new URLSearchParams();
  const d = DEFAULT_PLAYGROUND_STATE;
  const put = (k: keyof PlaygroundState, v: string, dv: string) => {
    if (v !== dv) p.set(KEYS[k], v);
  };
  const bool = (b: boolean) => (b ? '1' : '0');
  put('dataset', state.dataset, d.dataset);
  put('problem', state.problem, DATASETS[state.dataset].problem);
  put('classes', String(state.classes), String(d.classes));
  put('noise', String(state.noise), String(d.noise));
  put('trainRatio', String(state.trainRatio), String(d.trainRatio));
  put('features', state.features.join(','), d.features.join(','));
  put('hidden', state.hidden.join(','), d.hidden.join(','));
  put('activation', state.activation, d.activation);
  put('learningRate', String(state.learningRate), String(d.learningRate));
  put('regularization', state.regularization, d.regularization);
  put('regularizationRate', String(state.regularizationRate), String(d.regularizationRate));
  put('batchSize', String(state.batchSize), String(d.batchSize));
  put('dropout', String(state.dropout), String(d.dropout));
  put('normalize', bool(state.normalize), bool(d.normalize));
  put('seed', String(state.seed), String(d.seed));
  put('points', state.points.map((q) => q.map(String).join(':')).join(';'), '');
  put('epoch', String(state.epoch), String(d.epoch));
  put('edits', state.edits.length ? JSON.stringify(state.edits.map(copyEdit)) : '', '');
  put('showTestData', bool(state.showTestData), bool(d.showTestData));
  put('discretize', bool(state.discretize), bool(d.discretize));
  return p.toString();
}

/** A URL value as the typed candidate the validator checks (strings stay strings when unparsable, so the error names them). */
function parseUrlValue(k: keyof PlaygroundState, raw: string): unknown {
  // −0 reads as 0 (it prints as "0").
  const number = (t: string): unknown => (t.trim() === '' ? t : Number.isFinite(Number(t)) ? Number(t) + 0 : t);
  switch (k) {
    case 'features':
      return raw === '' ? [] : raw.split(',');
    case 'hidden':
      return raw === '' ? [] : raw.split(',').map(number);
    case 'points':
      return raw === '' ? [] : raw.split(';').map((r) => r.split(':').map(number));
    case 'edits':
      if (raw === '') return [];
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        return raw;
      }
    case 'normalize':
    case 'showTestData':
    case 'discretize':
      return raw === '1' || raw === 'true' ? true : raw === '0' || raw === 'false' ? false : raw;
    case 'dataset':
    case 'problem':
    case 'activation':
    case 'regularization':
      return raw;
    default:
      return number(raw);
  }
}

/**
 * Reads a permalink (a query string, with or without its leading '?' or '#'), checking
 * every field against its declared range: a malformed or out-of-range field is replaced by
 * its default (or `base`'s) and named in `errors`, so a hand-edited or truncated link
 * still opens. Unknown keys are ignored. Never throws.
 */
export function decodePlaygroundState(query: string, base: PlaygroundState = DEFAULT_PLAYGROUND_STATE): DecodedPlaygroundState {
  if (typeof query !== 'string') return { state: copyState(base), errors: ['the link is not text'] };
  if (query.length > MAX_QUERY_LENGTH) return { state: copyState(base), errors: [`the link is longer than ${MAX_QUERY_LENGTH} characters`] };
  let p: URLSearchParams;
  try {
    p = new URLSearchParams(query.replace(/^[?#]/, ''));
  } catch {
    return { state: copyState(base), errors: ['the link could not be read'] };
  }
  return validateFields(
    (k) => {
      const raw = p.get(KEYS[k]);
      return raw === null ? undefined : parseUrlValue(k, raw);
    },
    base,
    (k) => KEYS[k],
  );
}

/**
 * Cleans a `defaultValue` or `value` object (from props, a custom element's attribute or
 * parsed JSON) field by field: unknown keys are dropped, invalid values fall back to `base`,
 * and each problem is listed in `errors`. Returns a new plain state; never throws.
 */
export function sanitizePlaygroundState(input: unknown, base: PlaygroundState = DEFAULT_PLAYGROUND_STATE): DecodedPlaygroundState {
  if (input === undefined || input === null) return { state: copyState(base), errors: [] };
  if (!isPlainObject(input)) return { state: copyState(base), errors: [`expected an object, got ${Array.isArray(input) ? 'an array' : typeof input}`] };
  const unknown = Object.keys(input).filter((k) => !(k in KEYS) || !Object.prototype.hasOwnProperty.call(KEYS, k));
  const r = validateFields((k) => own(input, k), base, (k) => k);
  for (const k of unknown) r.errors.push(`unknown field ${describe(k)} ignored`);
  return r;
}

// ---------------------------------------------------------------------------------------
// Data

/** Labelled points with their split. */
export interface PlaygroundData {
  /** Raw coordinates in [−6, 6]². */
  X: number[][];
  /** Class labels 0 … k−1, or regression targets. */
  y: number[];
  /** Number of classes (1 for regression). */
  nClasses: number;
  /** Indices of the training and test points. */
  train: number[];
  test: number[];
}

const clampBox = (v: number) => Math.max(-EXTENT, Math.min(EXTENT, v));

/** The generated points of a data set (none for 'custom'), inside the [−6, 6]² box. */
export function generatedPoints(s: Pick<PlaygroundState, 'dataset' | 'classes' | 'noise' | 'seed'>, nSamples = GENERATED_POINTS): { X: number[][]; y: number[] } {
  const noise = s.noise / 100;
  if (s.dataset === 'custom') return { X: [], y: [] };
  if (s.dataset === 'blobs') {
    const k = s.classes;
    const centers = Array.from({ length: k }, (_, c) => [3.5 * Math.cos((2 * Math.PI * c) / k + 0.3), 3.5 * Math.sin((2 * Math.PI * c) / k + 0.3)]);
    const b = makeBlobs({ nSamples, centers, clusterStd: 0.7 + 3 * noise, randomState: s.seed });
    return { X: b.X.map((r) => r.map(clampBox)), y: b.y };
  }
  const d = makePlayground(s.dataset, { noise, randomState: s.seed, nSamples });
  return { X: d.X.map((r) => r.map(clampBox)), y: d.y };
}

/** The points of a state: the generated set plus the user's points (or these alone for 'custom'), split at random by the seed. */
export function makePlaygroundData(s: Pick<PlaygroundState, 'dataset' | 'problem' | 'classes' | 'noise' | 'trainRatio' | 'seed' | 'points'>): PlaygroundData {
  const { X, y } = generatedPoints(s);
  for (const [a, b, l] of s.points) {
    X.push([a, b]);
    y.push(l);
  }
  const nClasses = classCount(s);
  const order = new RandomState(s.seed + 7919).permutation(X.length);
  const nTrain = trainCount(s);
  return { X, y, nClasses, train: order.slice(0, nTrain), test: order.slice(nTrain) };
}

/** The raw feature vector of a point for the chosen features. */
export function featurize(x1: number, x2: number, features: readonly FeatureName[], out: Float64Array, offset = 0): void {
  for (let k = 0; k < features.length; k++) out[offset + k] = FEATURES[features[k]].f(x1, x2);
}

export { parsePointsCsv, formatPointsCsv, type CsvResult } from './csv';
