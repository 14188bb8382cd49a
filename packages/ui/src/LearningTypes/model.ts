import { KMeans, LogisticRegression, RandomState } from '@geolearn/algorithms';
import { fieldCheck, type FieldChecks } from '../hooks/useControllableState';
import type { ExplainerState } from '../kit/Explainer';

/**
 * The model of "types of learning" (chapter 2, Definitions): Mitchell's experience–task–
 * performance examples, the vocabulary table with its symbols, and the three types of learning
 * (a logistic fit, a k-means clustering and a Q-learning grid world). Pure functions, no React.
 */

/** The three parts of the explainer. */
export const PARTS = ['etp', 'vocabulary', 'types'] as const;
/** One part of the explainer. */
export type Part = (typeof PARTS)[number];
/** The example tasks of the experience–task–performance part. */
export const TASK_IDS = ['detect', 'cluster', 'magnitude', 'drill'] as const;
/** One example task. */
export type TaskId = (typeof TASK_IDS)[number];
/** The three elements of the definition. */
export const ELEMENTS = ['E', 'T', 'P'] as const;
/** One element: experience, task or performance. */
export type Element = (typeof ELEMENTS)[number];
/** The symbols of the vocabulary table (and H, W, C of an image). */
export const SYMBOLS = ['xi', 'yi', 'features', 'targets', 'N', 'F', 'T', 'X', 'Y', 'H', 'W', 'C'] as const;
/** One symbol. */
export type SymbolId = (typeof SYMBOLS)[number];

/** The explainer's state: plain JSON, so it can live in a permalink. */
export interface LearningTypesState {
  /** The part shown. */
  part: Part;
  /** The chosen example task. */
  task: TaskId;
  /** Which of E, T, P are kept (all three are required). */
  kept: Element[];
  /** The highlighted symbol of the vocabulary table, or null. */
  symbol: SymbolId | null;
  /** Class (0 or 1) of each point of the supervised example. */
  labels: number[];
  /** Q-learning episodes played so far in the grid world. */
  episodes: number;
}

/** How a `defaultValue` is checked field by field. */
export const STATE_CHECKS: FieldChecks<LearningTypesState> = {
  part: fieldCheck.oneOf(...PARTS),
  task: fieldCheck.oneOf(...TASK_IDS),
  kept: fieldCheck.arrayOf(fieldCheck.oneOf(...ELEMENTS)),
  symbol: (v: unknown): v is SymbolId | null => v === null || SYMBOLS.includes(v as SymbolId),
  labels: fieldCheck.arrayOf((v: unknown): v is number => v === 0 || v === 1),
  episodes: fieldCheck.integer(0, 10_000),
};

// ---------------------------------------------------------------- experience, task, performance

/** One example: E, T and P in words. */
export interface EtpExample {
  /** The name in the task picker. */
  name: string;
  /** E, T and P in words. */
  E: string;
  T: string;
  P: string;
  /** The type of learning it is. */
  kind: string;
}

/** The example tasks, each with its experience, task and performance. */
export const TASKS: Record<TaskId, EtpExample> = {
  detect: {
    name: 'Detect earthquakes in seismograms',
    T: 'Say whether a 30 s window of a seismogram holds an earthquake.',
    E: '10,000 windows labelled "earthquake" or "noise" by analysts.',
    P: 'The share of new windows classified correctly (accuracy).',
    kind: 'supervised (classification)',
  },
  cluster: {
    name: 'Cluster volcano events',
    T: 'Group the events recorded at a volcano into families of similar waveforms.',
    E: 'A catalogue of unlabelled event waveforms.',
    P: 'How tight and well separated the groups are (e.g. inertia, silhouette).',
    kind: 'unsupervised (clustering)',
  },
  magnitude: {
    name: 'Estimate magnitudes',
    T: 'Predict the magnitude of an event from its waveform features.',
    E: 'Past events with their catalogue magnitudes.',
    P: 'The mean squared error between the predicted and catalogue magnitudes.',
    kind: 'supervised (regression)',
  },
  drill: {
    name: 'Steer a drill bit',
    T: 'Choose the next drilling direction to reach a reservoir.',
    E: 'Trials in a simulator, each ending with a reward.',
    P: 'The total reward collected per trial.',
    kind: 'reinforcement',
  },
};

/** Names of the elements. */
export const ELEMENT_NAMES: Record<Element, string> = { E: 'experience', T: 'task', P: 'performance' };

/** Why learning is not defined without an element. */
export const WITHOUT: Record<Element, string> = {
  E: 'no experience: there is nothing to learn from, so the performance cannot improve',
  T: 'no task: there is nothing to be good at',
  P: 'no performance measure: nobody can tell whether the algorithm improves',
};

/** Toggles one element in the kept list (kept in E, T, P order). */
export function toggledElement(kept: readonly Element[], e: Element): Element[] {
  const on = kept.includes(e) ? kept.filter((k) => k !== e) : [...kept, e];
  return ELEMENTS.filter((k) => on.includes(k));
}

// ---------------------------------------------------------------- vocabulary

/** The small seismic table: N = 5 events, F = 3 features, T = 1 target. */
export const FEATURES = ['magnitude', 'depth (km)', 'duration (s)'] as const;
/** The target (a category). */
export const TARGET = 'type';
/** The events' features xᵢ = (xᵢ₁, xᵢ₂, xᵢ₃) and labels yᵢ. */
export const EVENTS: { x: [number, number, number]; y: string }[] = [
  { x: [2.1, 0.5, 12], y: 'quarry blast' },
  { x: [3.4, 11.2, 35], y: 'earthquake' },
  { x: [1.2, 1.8, 6], y: 'volcanic' },
  { x: [4.0, 8.7, 51], y: 'earthquake' },
  { x: [1.9, 0.3, 10], y: 'quarry blast' },
];

/** One row of the vocabulary table. */
export interface SymbolInfo {
  /** The symbol in TeX. */
  tex: string;
  /** Its name, as in the slides. */
  name: string;
  /** Its value in the example. */
  example: string;
}

/** The vocabulary, as in the slides' table, with the example's values. */
export const VOCABULARY: Record<SymbolId, SymbolInfo> = {
  xi: { tex: String.raw`\{\mathbf{x}_i\in\mathbb{X}\}_{i=1\dots N}`, name: 'collection of samples', example: 'the feature rows, one event each' },
  yi: { tex: String.raw`\{\mathbf{y}_i\in\mathbb{Y}\}_{i=1\dots N}`, name: 'collection of labels', example: 'the "type" column' },
  features: { tex: String.raw`\mathbf{x}=(x_1,\dots,x_F)`, name: 'set of sample features', example: 'sample 2: x = (3.4, 11.2, 35)' },
  targets: { tex: String.raw`\mathbf{y}=(y_1,\dots,y_T)`, name: 'set of label targets', example: 'sample 2: y = (earthquake), one target' },
  N: { tex: 'N', name: 'dataset size', example: `N = ${EVENTS.length} events` },
  F: { tex: 'F', name: 'feature space dimensions', example: `F = ${FEATURES.length} features` },
  T: { tex: 'T', name: 'target space dimension', example: 'T = 1 target' },
  X: { tex: String.raw`\mathbb{X}`, name: 'data space', example: '𝕏 = ℝ³ (three real numbers)' },
  Y: { tex: String.raw`\mathbb{Y}`, name: 'label space', example: '𝕐 = {earthquake, quarry blast, volcanic}' },
  H: { tex: 'H', name: 'image height', example: `H = ${6} pixels` },
  W: { tex: 'W', name: 'image width', example: `W = ${8} pixels` },
  C: { tex: 'C', name: 'image channels', example: 'C = 3 (red, green, blue)' },
};

/** The table's symbols, then the image's. */
export const TABLE_SYMBOLS: SymbolId[] = ['xi', 'yi', 'features', 'targets', 'N', 'F', 'T', 'X', 'Y'];
export const IMAGE_SYMBOLS: SymbolId[] = ['H', 'W', 'C'];

/** The parts of the table a symbol highlights. */
export type Highlight = 'rowFeatures' | 'rowLabel' | 'featureHeads' | 'targetHead' | 'index' | 'featureCells' | 'labelCells' | 'xSpace' | 'ySpace';

/**
 * Which table parts each table symbol lights up: the collections light every row, the features
 * x = (x₁ … x_F) and targets of one sample light row i = 2, the sizes light headers or the index,
 * and the spaces 𝕏, 𝕐 light the line that names them.
 */
export const HIGHLIGHTS: Partial<Record<SymbolId, Highlight[]>> = {
  xi: ['featureCells'],
  yi: ['labelCells'],
  features: ['rowFeatures'],
  targets: ['rowLabel'],
  N: ['index'],
  F: ['featureHeads'],
  T: ['targetHead'],
  X: ['xSpace'],
  Y: ['ySpace'],
};
/** The row (sample i = 2) lit by the features and targets. */
export const LIT_ROW = 1;

/** Image size: H × W × C = 6 × 8 × 3. */
export const IMG_H = 6;
export const IMG_W = 8;
export const IMG_C = 3;

/** A tiny generated RGB image (values 0…255), pixel [row][col] = [r, g, b]: a sky, a sea and a sun. */
export function tinyImage(): [number, number, number][][] {
  const img: [number, number, number][][] = [];
  for (let r = 0; r < IMG_H; r++) {
    const row: [number, number, number][] = [];
    for (let c = 0; c < IMG_W; c++) {
      const sun = (r - 1) ** 2 + (c - 5.5) ** 2 <= 1.6;
      if (sun) row.push([250, 200, 40]);
      else if (r >= 4) row.push([20, 60 + 15 * c, 140 + 10 * r]);
      else row.push([90 + 10 * r, 150 + 15 * r, 230]);
    }
    img.push(row);
  }
  return img;
}

// ---------------------------------------------------------------- supervised and unsupervised

/** The points of the supervised and unsupervised examples (features x₁, x₂ in [0, 1]). */
export function makePoints(seed: number, n = 10): [number, number][] {
  const rs = new RandomState(seed);
  const pts: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const c = i % 2 === 0 ? [0.3, 0.35] : [0.7, 0.65];
    const p = (v: number) => Math.round(Math.min(0.95, Math.max(0.05, v)) * 100) / 100;
    pts.push([p(c[0] + rs.normal(0, 0.12)), p(c[1] + rs.normal(0, 0.12))]);
  }
  return pts;
}

/** The default labels: even points class 0, odd points class 1. */
export const defaultLabels = (n: number): number[] => Array.from({ length: n }, (_, i) => i % 2);

/** The fitted boundary w·x + b = 0 of a logistic regression, or why there is none. */
export type Boundary = { w: [number, number]; b: number; accuracy: number } | { error: string };

/** Fits a logistic regression to the labelled points (C = 10, so the boundary follows the labels). */
export function fitBoundary(points: readonly [number, number][], labels: readonly number[]): Boundary {
  if (points.length !== labels.length || points.length === 0) return { error: 'no labelled points' };
  if (new Set(labels).size < 2) return { error: 'all points have one class: a classifier needs two classes to learn a boundary' };
  const m = new LogisticRegression({ C: 10 }).fit(points as [number, number][], labels as number[]);
  const w = m.coef[0] as [number, number];
  const b = m.intercept[0];
  const pred = points.map(([x1, x2]) => (w[0] * x1 + w[1] * x2 + b > 0 ? 1 : 0));
  const accuracy = pred.filter((p, i) => p === labels[i]).length / points.length;
  return { w: [w[0], w[1]], b, accuracy };
}

/** The segment of the line w·x + b = 0 inside the unit square, or null if it misses it. */
export function boundarySegment(w: [number, number], b: number): [[number, number], [number, number]] | null {
  const pts: [number, number][] = [];
  const add = (x: number, y: number) => {
    if (x >= -1e-9 && x <= 1 + 1e-9 && y >= -1e-9 && y <= 1 + 1e-9 && !pts.some((p) => Math.hypot(p[0] - x, p[1] - y) < 1e-9)) pts.push([x + 0, y + 0]); // + 0 turns −0 into 0
  };
  if (Math.abs(w[1]) > 1e-12) for (const x of [0, 1]) add(x, -(w[0] * x + b) / w[1]);
  if (Math.abs(w[0]) > 1e-12) for (const y of [0, 1]) add(-(w[1] * y + b) / w[0], y);
  return pts.length >= 2 ? [pts[0], pts[1]] : null;
}

/** k-means (k = 2) on the unlabelled points: the cluster of each point and the centres. */
export function clusterPoints(points: readonly [number, number][], seed: number): { labels: number[]; centers: number[][] } | { error: string } {
  if (points.length < 2) return { error: 'k-means with k = 2 needs at least two points' };
  const m = new KMeans({ nClusters: 2, nInit: 4, randomState: seed }).fit(points as [number, number][]);
  return { labels: m.labels, centers: m.clusterCenters };
}

// ---------------------------------------------------------------- reinforcement: Q-learning

/** The 4 × 4 grid world: start top-left, goal (+1) bottom-right, a pit (−1), −0.04 per move. */
export const GRID = 4;
export const START = 0;
export const GOAL = 15;
export const PIT = 10;
export const STEP_REWARD = -0.04;
/** Actions: up, right, down, left. */
export const ACTIONS = ['↑', '→', '↓', '←'] as const;
const MOVES: [number, number][] = [
  [-1, 0],
  [0, 1],
  [1, 0],
  [0, -1],
];
/** Learning rate α, discount γ, exploration ε, and the step limit of an episode. */
export const ALPHA = 0.5;
export const GAMMA = 0.9;
export const EPSILON = 0.2;
export const MAX_STEPS = 50;
/** The most episodes the explainer plays. */
export const MAX_EPISODES = 200;

/** One move in the grid: the next cell, its reward and whether the episode ends. */
export function gridStep(s: number, a: number): { next: number; reward: number; done: boolean } {
  const r = Math.floor(s / GRID) + MOVES[a][0];
  const c = (s % GRID) + MOVES[a][1];
  const next = r < 0 || r >= GRID || c < 0 || c >= GRID ? s : r * GRID + c;
  if (next === GOAL) return { next, reward: 1, done: true };
  if (next === PIT) return { next, reward: -1, done: true };
  return { next, reward: STEP_REWARD, done: false };
}

/** The Q-learning update Q(s,a) ← Q(s,a) + α [r + γ maxₐ′ Q(s′,a′) − Q(s,a)] (no future term at the end). */
export function qUpdate(q: number, reward: number, nextMax: number, done: boolean, alpha = ALPHA, gamma = GAMMA): number {
  return q + alpha * (reward + (done ? 0 : gamma * nextMax) - q);
}

/** The greedy action of a state (ties: the first). */
export function greedy(row: readonly number[]): number {
  let best = 0;
  for (let a = 1; a < row.length; a++) if (row[a] > row[best]) best = a;
  return best;
}

/** The result of some episodes of Q-learning. */
export interface QResult {
  /** Q[s][a] for the 16 cells and 4 actions. */
  q: number[][];
  /** Total reward of each episode. */
  returns: number[];
  /** The cells visited in the last episode. */
  lastPath: number[];
}

/** Plays `episodes` episodes of ε-greedy Q-learning from a seed (deterministic: replayed from scratch). */
export function qLearn(episodes: number, seed: number): QResult {
  const rs = new RandomState(seed);
  const q = Array.from({ length: GRID * GRID }, () => [0, 0, 0, 0]);
  const returns: number[] = [];
  let lastPath: number[] = [START];
  for (let e = 0; e < Math.min(episodes, MAX_EPISODES); e++) {
    let s = START;
    let total = 0;
    const path = [s];
    for (let t = 0; t < MAX_STEPS; t++) {
      const a = rs.random() < EPSILON ? rs.randint(4) : greedy(q[s]);
      const { next, reward, done } = gridStep(s, a);
      q[s][a] = qUpdate(q[s][a], reward, Math.max(...q[next]), done);
      total += reward;
      path.push(next);
      s = next;
      if (done) break;
    }
    returns.push(total);
    lastPath = path;
  }
  return { q, returns, lastPath };
}

/** The greedy policy's path from the start (stops at the goal, the pit, a loop, or 16 moves). */
export function greedyPath(q: readonly number[][]): { path: number[]; reaches: boolean } {
  const path = [START];
  let s = START;
  for (let t = 0; t < GRID * GRID; t++) {
    if (q[s].every((v) => v === 0)) break;
    const { next, done } = gridStep(s, greedy(q[s]));
    if (path.includes(next) && !done) break;
    path.push(next);
    s = next;
    if (done) break;
  }
  return { path, reaches: s === GOAL };
}

/** The mean of the last `k` values at each index (fewer at the start). */
export function movingMean(v: readonly number[], k: number): number[] {
  let sum = 0;
  return v.map((x, i) => {
    sum += x - (i >= k ? v[i - k] : 0);
    return sum / Math.min(i + 1, k);
  });
}

// ---------------------------------------------------------------- status

/** The state of the frame. */
export function frameState(s: LearningTypesState, playing: boolean): ExplainerState {
  if (s.part !== 'types') return 'idle';
  if (playing) return 'playing';
  if (s.episodes >= MAX_EPISODES) return 'done';
  return s.episodes > 0 ? 'paused' : 'idle';
}

/** One line for the status (aria-live). */
export function statusText(s: LearningTypesState, boundary: Boundary, q: QResult): string {
  if (s.part === 'etp') {
    const missing = ELEMENTS.filter((e) => !s.kept.includes(e));
    if (missing.length === 0) return `All three elements are there: this is learning (${TASKS[s.task].kind}).`;
    return `Not learning: ${missing.map((e) => WITHOUT[e]).join('; ')}.`;
  }
  if (s.part === 'vocabulary') {
    if (!s.symbol) return 'Hover or focus a symbol to see its part of the table or the image.';
    const v = VOCABULARY[s.symbol];
    return `${v.name}: ${v.example}.`;
  }
  const sup = 'error' in boundary ? `Supervised: ${boundary.error}.` : `Supervised: training accuracy ${Math.round(boundary.accuracy * 100)} %.`;
  const last = q.returns.length ? q.returns[q.returns.length - 1] : 0;
  const rl = s.episodes === 0 ? 'Reinforcement: no episode played yet.' : `Reinforcement: episode ${s.episodes}, reward ${fmt(last)}.`;
  return `${sup} ${rl}`;
}

/** A number with two decimals and the minus sign "−". */
export function fmt(v: number): string {
  return v.toFixed(2).replace('-', '−');
}
