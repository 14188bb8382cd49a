/**
 * The playground's state as plain JSON, its permalink (de)serialiser, validated on read,
 * the input features, the data sets and the CSV reader and writer. Pure: no DOM, no React.
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

/** A change made while training, replayed at its epoch so that a permalink reproduces the run. */
export interface PlaygroundEdit {
  /** The epoch before which the change applies. */
  at: number;
  /** New training settings. */
  set?: { learningRate?: number; regularization?: PlaygroundRegularization; regularizationRate?: number; batchSize?: number };
  /** A weight set by hand: weight layer, from unit, to unit, value. */
  weight?: [number, number, number, number];
}

/** Everything the playground shows, as plain JSON (and in its URL). */
export interface PlaygroundState {
  dataset: PlaygroundDataset;
  problem: ProblemType;
  /** Classes of the 'blobs' set (2 to 6). */
  classes: number;
  /** The Playground's noise, 0 to 50 (%). */
  noise: number;
  /** Percentage of the points used for training, 10 to 90. */
  trainRatio: number;
  features: FeatureName[];
  /** Units of each hidden layer: up to 6 layers of 1 to 8 units. */
  hidden: number[];
  activation: PlaygroundActivation;
  learningRate: number;
  regularization: PlaygroundRegularization;
  regularizationRate: number;
  batchSize: number;
  /** Seed of the data, the split and the initial weights. */
  seed: number;
  /** The user's own points [x₁, x₂, label or target], in the data's [−6, 6]² box. */
  points: [number, number, number][];
  /** Epochs trained (the weights follow from the rest of the state and this). */
  epoch: number;
  /** Changes made while training. */
  edits: PlaygroundEdit[];
}

export const FEATURES: Record<FeatureName, { label: string; tex: string; f: (x1: number, x2: number) => number }> = {
  x1: { label: 'x₁', tex: 'x_1', f: (a) => a / 6 },
  x2: { label: 'x₂', tex: 'x_2', f: (_, b) => b / 6 },
  x1sq: { label: 'x₁²', tex: 'x_1^2', f: (a) => (a * a) / 36 },
  x2sq: { label: 'x₂²', tex: 'x_2^2', f: (_, b) => (b * b) / 36 },
  x1x2: { label: 'x₁x₂', tex: 'x_1x_2', f: (a, b) => (a * b) / 36 },
  sinx1: { label: 'sin x₁', tex: '\\sin x_1', f: (a) => Math.sin(a) },
  sinx2: { label: 'sin x₂', tex: '\\sin x_2', f: (_, b) => Math.sin(b) },
};
export const FEATURE_NAMES = Object.keys(FEATURES) as FeatureName[];
export const DATASETS: Record<PlaygroundDataset, { label: string; problem: ProblemType }> = {
  circle: { label: 'Circle', problem: 'classification' },
  xor: { label: 'Exclusive or', problem: 'classification' },
  gaussian: { label: 'Gaussian', problem: 'classification' },
  spiral: { label: 'Spiral', problem: 'classification' },
  blobs: { label: 'Several classes (blobs)', problem: 'classification' },
  plane: { label: 'Plane (regression)', problem: 'regression' },
  'multi-gaussian': { label: 'Multi Gaussian (regression)', problem: 'regression' },
  custom: { label: 'My own points', problem: 'classification' },
};
export const DATASET_NAMES = Object.keys(DATASETS) as PlaygroundDataset[];
export const ACTIVATION_NAMES: PlaygroundActivation[] = ['tanh', 'relu', 'sigmoid', 'linear'];
export const REGULARIZATION_NAMES: PlaygroundRegularization[] = ['none', 'l1', 'l2'];
export const MAX_LAYERS = 6;
export const MAX_UNITS = 8;
export const MAX_CLASSES = 6;

/** The Playground's opening state: circle, x₁ and x₂, two hidden layers of 4 and 2 tanh units. */
export const DEFAULT_PLAYGROUND_STATE: PlaygroundState = {
  dataset: 'circle',
  problem: 'classification',
  classes: 3,
  noise: 0,
  trainRatio: 50,
  features: ['x1', 'x2'],
  hidden: [4, 2],
  activation: 'tanh',
  learningRate: 0.03,
  regularization: 'none',
  regularizationRate: 0,
  batchSize: 10,
  seed: 0,
  points: [],
  epoch: 0,
  edits: [],
};

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
  seed: 'seed',
  points: 'points',
  epoch: 'epoch',
  edits: 'edits',
} as const satisfies Record<keyof PlaygroundState, string>;

/** The state as a URL query string (without '?' or '#'), fields that differ from the defaults only. */
export function encodePlaygroundState(state: PlaygroundState): string {
  const p = new URLSearchParams();
  const d = DEFAULT_PLAYGROUND_STATE;
  const put = (k: keyof PlaygroundState, v: string, dv: string) => {
    if (v !== dv) p.set(KEYS[k], v);
  };
  put('dataset', state.dataset, d.dataset);
  put('problem', state.problem, d.problem);
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
  put('seed', String(state.seed), String(d.seed));
  put('points', state.points.map((q) => q.map((v) => Number(v.toFixed(3))).join(':')).join(';'), '');
  put('epoch', String(state.epoch), String(d.epoch));
  put('edits', state.edits.length ? JSON.stringify(state.edits) : '', '');
  return p.toString();
}

/** What {@link decodePlaygroundState} read, and what it had to reject. */
export interface DecodedPlaygroundState {
  /** The state: every valid field from the URL, the defaults for the rest. */
  state: PlaygroundState;
  /** One message per rejected field, e.g. "hidden: 9 units in layer 1 (at most 8)". */
  errors: string[];
}

/**
 * Reads a permalink (a query string, with or without its leading '?' or '#'), checking
 * every field: a malformed or out-of-range field is replaced by its default and named in
 * `errors`, so a hand-edited or truncated link still opens.
 */
export function decodePlaygroundState(query: string, base: PlaygroundState = DEFAULT_PLAYGROUND_STATE): DecodedPlaygroundState {
  const p = new URLSearchParams(query.replace(/^[?#]/, ''));
  const s: PlaygroundState = { ...base, features: [...base.features], hidden: [...base.hidden], points: [...base.points], edits: [...base.edits] };
  const errors: string[] = [];
  const get = (k: keyof PlaygroundState) => p.get(KEYS[k]);
  const num = (k: keyof PlaygroundState, min: number, max: number, integer = false): number | undefined => {
    const raw = get(k);
    if (raw === null) return undefined;
    const v = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
      errors.push(`${KEYS[k]}: "${raw}" is not ${integer ? 'an integer' : 'a number'} in [${min}, ${max}]`);
      return undefined;
    }
    return v;
  };
  const oneOf = <T extends string>(k: keyof PlaygroundState, options: readonly T[]): T | undefined => {
    const raw = get(k);
    if (raw === null) return undefined;
    if (!options.includes(raw as T)) {
      errors.push(`${KEYS[k]}: "${raw}" is not one of ${options.join(', ')}`);
      return undefined;
    }
    return raw as T;
  };
  s.dataset = oneOf('dataset', DATASET_NAMES) ?? s.dataset;
  s.problem = oneOf('problem', ['classification', 'regression'] as const) ?? DATASETS[s.dataset].problem;
  if (s.dataset !== 'custom' && s.problem !== DATASETS[s.dataset].problem) {
    errors.push(`problem: the ${s.dataset} set is a ${DATASETS[s.dataset].problem} set`);
    s.problem = DATASETS[s.dataset].problem;
  }
  s.classes = num('classes', 2, MAX_CLASSES, true) ?? s.classes;
  s.noise = num('noise', 0, 50) ?? s.noise;
  s.trainRatio = num('trainRatio', 10, 90) ?? s.trainRatio;
  const feats = get('features');
  if (feats !== null) {
    const list = feats === '' ? [] : feats.split(',');
    const bad = list.filter((f) => !FEATURE_NAMES.includes(f as FeatureName));
    if (bad.length || list.length === 0 || new Set(list).size !== list.length) errors.push(`features: "${feats}" must be distinct names among ${FEATURE_NAMES.join(', ')}, at least one`);
    else s.features = list as FeatureName[];
  }
  const hidden = get('hidden');
  if (hidden !== null) {
    const list = hidden === '' ? [] : hidden.split(',').map(Number);
    if (list.length > MAX_LAYERS || list.some((u) => !Number.isInteger(u) || u < 1 || u > MAX_UNITS)) errors.push(`hidden: "${hidden}" must be up to ${MAX_LAYERS} layers of 1 to ${MAX_UNITS} units`);
    else s.hidden = list;
  }
  s.activation = oneOf('activation', ACTIVATION_NAMES) ?? s.activation;
  s.learningRate = num('learningRate', 1e-6, 10) ?? s.learningRate;
  s.regularization = oneOf('regularization', REGULARIZATION_NAMES) ?? s.regularization;
  s.regularizationRate = num('regularizationRate', 0, 10) ?? s.regularizationRate;
  s.batchSize = num('batchSize', 1, 100, true) ?? s.batchSize;
  s.seed = num('seed', 0, 2 ** 31 - 1, true) ?? s.seed;
  s.epoch = num('epoch', 0, 100_000, true) ?? s.epoch;
  const pts = get('points');
  if (pts !== null && pts !== '') {
    const rows = pts.split(';').map((r) => r.split(':').map(Number));
    const kMax = s.problem === 'classification' ? MAX_CLASSES : Infinity;
    if (rows.length > 2000 || rows.some((r) => r.length !== 3 || r.some((v) => !Number.isFinite(v)) || (s.problem === 'classification' && (!Number.isInteger(r[2]) || r[2] < 0 || r[2] >= kMax)))) {
      errors.push('points: expected up to 2000 "x1:x2:label" triples separated by ";"');
    } else s.points = rows as [number, number, number][];
  }
  const edits = get('edits');
  if (edits !== null && edits !== '') {
    try {
      const list = JSON.parse(edits) as unknown;
      if (!Array.isArray(list) || !list.every(isEdit)) throw new Error();
      s.edits = list as PlaygroundEdit[];
    } catch {
      errors.push('edits: not a valid list of changes');
    }
  }
  return { state: s, errors };
}

function isEdit(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const o = e as PlaygroundEdit;
  if (!Number.isInteger(o.at) || o.at < 0) return false;
  if (o.weight !== undefined && !(Array.isArray(o.weight) && o.weight.length === 4 && o.weight.every(Number.isFinite) && o.weight.slice(0, 3).every((v) => Number.isInteger(v) && v >= 0))) return false;
  if (o.set !== undefined) {
    const st = o.set;
    if (typeof st !== 'object' || st === null) return false;
    if (st.learningRate !== undefined && !(st.learningRate > 0 && Number.isFinite(st.learningRate))) return false;
    if (st.regularizationRate !== undefined && !(st.regularizationRate >= 0 && Number.isFinite(st.regularizationRate))) return false;
    if (st.batchSize !== undefined && !(Number.isInteger(st.batchSize) && st.batchSize >= 1)) return false;
    if (st.regularization !== undefined && !REGULARIZATION_NAMES.includes(st.regularization)) return false;
  }
  return o.weight !== undefined || o.set !== undefined;
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

/** The points of a state: the generated set plus the user's points (or these alone for 'custom'), split at random by the seed. */
export function makePlaygroundData(s: Pick<PlaygroundState, 'dataset' | 'problem' | 'classes' | 'noise' | 'trainRatio' | 'seed' | 'points'>): PlaygroundData {
  let X: number[][] = [];
  let y: number[] = [];
  const noise = s.noise / 100;
  if (s.dataset === 'blobs') {
    const k = s.classes;
    const centers = Array.from({ length: k }, (_, c) => [3.5 * Math.cos((2 * Math.PI * c) / k + 0.3), 3.5 * Math.sin((2 * Math.PI * c) / k + 0.3)]);
    const b = makeBlobs({ nSamples: 500, centers, clusterStd: 0.7 + 3 * noise, randomState: s.seed });
    X = b.X.map((r) => r.map((v) => Math.max(-6, Math.min(6, v))));
    y = b.y;
  } else if (s.dataset !== 'custom') {
    const d = makePlayground(s.dataset, { noise, randomState: s.seed, nSamples: DATASETS[s.dataset].problem === 'regression' ? 500 : 500 });
    X = d.X;
    y = d.y;
  }
  for (const [a, b, l] of s.points) {
    X.push([a, b]);
    y.push(l);
  }
  const nClasses = s.problem === 'regression' ? 1 : Math.max(2, ...y.map((v) => v + 1));
  const order = new RandomState(s.seed + 7919).permutation(X.length);
  const nTrain = X.length < 2 ? X.length : Math.max(1, Math.min(X.length - 1, Math.round((X.length * s.trainRatio) / 100)));
  return { X, y, nClasses, train: order.slice(0, nTrain), test: order.slice(nTrain) };
}

/** The feature vector of a point for the chosen features (x scaled by 1/6, so to [−1, 1]). */
export function featurize(x1: number, x2: number, features: readonly FeatureName[], out: Float64Array, offset = 0): void {
  for (let k = 0; k < features.length; k++) out[offset + k] = FEATURES[features[k]].f(x1, x2);
}

// ---------------------------------------------------------------------------------------
// CSV

/** What {@link parsePointsCsv} read. */
export type CsvResult = { ok: true; points: [number, number, number][] } | { ok: false; error: string };

/**
 * Reads "x1,x2,label" lines (an optional header line, blank lines and '#' comments
 * skipped; ',' ';' or tab separated). Classification labels must be integers 0 … 5;
 * coordinates must lie in [−6, 6]. The first problem is reported with its line number.
 */
export function parsePointsCsv(text: string, problem: ProblemType): CsvResult {
  const lines = text.split(/\r?\n/);
  const points: [number, number, number][] = [];
  let seenContent = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line || line.startsWith('#')) continue;
    const cells = line.split(/[,;\t]/).map((c) => c.trim());
    const nums = cells.map(Number);
    // A header: the first content line, with no number in it.
    if (!seenContent && cells.every((c) => c !== '' && !Number.isFinite(Number(c)))) {
      seenContent = true;
      continue;
    }
    seenContent = true;
    if (cells.length !== 3) return { ok: false, error: `Line ${i + 1}: expected 3 values (x1, x2, label), got ${cells.length}: "${line}"` };
    const bad = cells.findIndex((c, k) => c === '' || !Number.isFinite(nums[k]));
    if (bad >= 0) return { ok: false, error: `Line ${i + 1}: "${cells[bad]}" is not a number` };
    if (Math.abs(nums[0]) > 6 || Math.abs(nums[1]) > 6) return { ok: false, error: `Line ${i + 1}: coordinates must lie in [−6, 6], got (${nums[0]}, ${nums[1]})` };
    if (problem === 'classification' && (!Number.isInteger(nums[2]) || nums[2] < 0 || nums[2] >= MAX_CLASSES)) {
      return { ok: false, error: `Line ${i + 1}: the label must be a class 0 to ${MAX_CLASSES - 1}, got ${cells[2]}` };
    }
    points.push([nums[0], nums[1], nums[2]]);
    if (points.length > 2000) return { ok: false, error: 'At most 2000 points' };
  }
  if (points.length === 0) return { ok: false, error: 'No points found: expected lines of "x1,x2,label"' };
  return { ok: true, points };
}

/** The data as CSV: x1, x2, label (or target), split. */
export function formatPointsCsv(data: PlaygroundData, problem: ProblemType): string {
  const split = new Array<string>(data.X.length);
  data.train.forEach((i) => (split[i] = 'train'));
  data.test.forEach((i) => (split[i] = 'test'));
  const rows = data.X.map((x, i) => `${x[0]},${x[1]},${data.y[i]},${split[i]}`);
  return [`x1,x2,${problem === 'regression' ? 'target' : 'label'},split`, ...rows].join('\n') + '\n';
}
