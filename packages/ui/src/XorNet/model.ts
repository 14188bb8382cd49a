import { ACTIVATIONS } from '../common/activations';
import { fieldCheck, type FieldChecks } from '../hooks/useControllableState';
import type { ExplainerState } from '../kit/Explainer';

/**
 * XOR's model: the state, the slides' hand-set network, the single neuron, the forward pass
 * of a trained 2-h-1 MLP from its weights, the verdict per truth-table row, the status text
 * and the layout. Pure functions of plain data, no React.
 */

/** Which network the explainer shows. */
export type XorMode = 'hand-set' | 'single' | 'trained';

/** The explainer's state: plain JSON, so it can live in a permalink. */
export interface XorNetState {
  /** The slides' hand-set network, a single neuron, or a small MLP trained live. */
  mode: XorMode;
  /** The truth-table row fed to the network (0 … 3 for (0,0), (0,1), (1,0), (1,1)). */
  row: number;
  /** The single neuron's weights and bias [w₁, w₂, b] (binary step activation). */
  single: [number, number, number];
  /** Hidden units of the trained MLP: 2-2-1 or 2-3-1. */
  hidden: 2 | 3;
  /** Learning rate η of the trained MLP (Adam). */
  learningRate: number;
  /** Training steps taken (the weights are a pure function of seed, draw and steps). */
  step: number;
  /** Which draw of initial weights ("New initial weights" adds 1): the MLP's seed is `seed + init`. Default 0. */
  init?: number;
}

/** The four inputs of the truth table, in row order. */
export const X: readonly [number, number][] = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
/** XOR's targets. */
export const Y: readonly number[] = [0, 1, 1, 0];

/** Display names of the modes. */
export const MODES: Record<XorMode, string> = { 'hand-set': 'Hand-set network', single: 'Single neuron', trained: 'Trained MLP' };

/** The default state. */
export const DEFAULT_STATE: XorNetState = { mode: 'hand-set', row: 0, single: [1, 1, -0.5], hidden: 3, learningRate: 0.05, step: 0, init: 0 };

/** How a `defaultValue` is checked field by field (bad fields are reported once and dropped). */
export const STATE_CHECKS: FieldChecks<XorNetState> = {
  mode: fieldCheck.oneOf<XorMode>('hand-set', 'single', 'trained'),
  row: fieldCheck.integer(0, 3),
  single: fieldCheck.tuple<[number, number, number]>(3),
  hidden: fieldCheck.oneOf<2 | 3>(2, 3),
  learningRate: fieldCheck.number(1e-6, 10),
  step: fieldCheck.integer(0, 1e7),
  init: fieldCheck.integer(0, 1e6),
};

/** Adam's constants, as the MLP uses them (β₁, β₂, ε). */
export const ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-7 } as const;

const H = ACTIVATIONS.step.f;

/** The slides' network with binary steps: h₁ = H(x₁ + x₂ − ½) (OR), h₂ = H(x₁ + x₂ − 1.5) (AND), y = H(h₁ − h₂ − ½). */
export const HAND: XorWeights = { W1: [[1, 1], [1, 1]], b1: [-0.5, -1.5], W2: [1, -1], b2: -0.5 };

/** A two-layer network's weights: `W1[i][j]` from input i to hidden unit j, `W2[j]` from hidden j to the output. */
export interface XorWeights {
  W1: number[][];
  b1: number[];
  W2: number[];
  b2: number;
}

/** One forward pass: the hidden values and the output. */
export interface Forward {
  h: number[];
  y: number;
}

/** The hand-set network (binary steps everywhere). */
export function handForward(x: readonly number[]): Forward {
  return forward(HAND, x, H, H);
}

/** A 2-h-1 network: h = φ(W₁ᵀx + b₁), y = ψ(W₂·h + b₂). The trained MLP uses φ = tanh, ψ = σ. */
export function forward(w: XorWeights, x: readonly number[], phi: (z: number) => number = Math.tanh, psi: (z: number) => number = sigmoid): Forward {
  const h = w.b1.map((b, j) => phi(x[0] * w.W1[0][j] + x[1] * w.W1[1][j] + b));
  return { h, y: psi(h.reduce((s, hj, j) => s + hj * w.W2[j], w.b2)) };
}

/** The logistic sigmoid σ(z) = 1/(1 + e⁻ᶻ). */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** The single neuron y = H(w₁x₁ + w₂x₂ + b). */
export function singleForward([w1, w2, b]: readonly number[], x: readonly number[]): number {
  return H(w1 * x[0] + w2 * x[1] + b);
}

/** Cells per side of the decision-region picture. */
export const GRID = 100;
/** The picture's domain: the unit square with a margin. */
export const DOMAIN = { xMin: -0.5, xMax: 1.5, yMin: -0.5, yMax: 1.5 } as const;

/** The centre of cell (i, j) of the picture, rows from the top down. */
export function cellCentre(i: number, j: number): [number, number] {
  return [DOMAIN.xMin + ((i + 0.5) * (DOMAIN.xMax - DOMAIN.xMin)) / GRID, DOMAIN.yMax - ((j + 0.5) * (DOMAIN.yMax - DOMAIN.yMin)) / GRID];
}

/** The output over the picture's grid, row-major from the top. */
export function sampleField(f: (x: [number, number]) => number): Float64Array {
  const field = new Float64Array(GRID * GRID);
  for (let j = 0; j < GRID; j++) for (let i = 0; i < GRID; i++) field[j * GRID + i] = f(cellCentre(i, j));
  return field;
}

/** Outputs this close to ½ read as "0.50": the network has not decided, so the row is not right. */
export const UNDECIDED = 0.005;

/** Whether a row is right, wrong, or undecided (output within {@link UNDECIDED} of ½). */
export type Verdict = 'right' | 'wrong' | 'undecided';

/** The verdict on output `y` for target `t` (0 or 1), thresholded at ½. */
export function verdict(y: number, t: number): Verdict {
  if (!Number.isFinite(y) || Math.abs(y - 0.5) < UNDECIDED) return 'undecided';
  return (y > 0.5 ? 1 : 0) === t ? 'right' : 'wrong';
}

/** The mean binary cross-entropy −¼ Σ (t log y + (1 − t) log(1 − y)) of the four rows. */
export function crossEntropy(outputs: readonly number[]): number {
  const eps = 1e-12;
  let s = 0;
  outputs.forEach((y, k) => {
    const p = Math.min(1 - eps, Math.max(eps, y));
    s -= Y[k] ? Math.log(p) : Math.log(1 - p);
  });
  return s / outputs.length;
}

/** A number for the readouts, with a real minus sign "−". */
export function signed(v: number, digits = 2): string {
  const s = Number.isInteger(v) ? String(v) : v.toFixed(digits);
  return s.replace('-', '−');
}

/** A loss for the status: 4 significant digits, never in exponent form (so "loss 0.0001234"). */
export function lossText(v: number): string {
  if (!Number.isFinite(v)) return 'not yet computed';
  if (v === 0) return '0';
  return v >= 1 ? v.toFixed(3) : Number(v.toPrecision(4)).toFixed(Math.min(20, 3 - Math.floor(Math.log10(v))));
}

/** What the training store reports for the trained MLP. */
export interface TrainingSnapshot {
  /** The configuration it belongs to. */
  key: string;
  /** Steps taken. */
  step: number;
  /** Loss after each step (1 … step). */
  losses: [number, number][];
  /** The step at which training diverged, or null. */
  divergedAt: number | null;
  /** The current weights. */
  weights: XorWeights;
}

/** What the picture shows for a state: outputs per row, hidden values at the chosen row, the field and the weights. */
export interface XorView {
  outputs: number[];
  hidden: number[];
  field: Float64Array;
  weights: XorWeights | null;
}

/** The view of the hand-set network or the single neuron (the trained one comes from its weights). */
export function staticView(s: XorNetState): XorView {
  const xr = X[s.row] ?? X[0];
  if (s.mode === 'single') {
    return { outputs: X.map((x) => singleForward(s.single, x)), hidden: [], field: sampleField((x) => singleForward(s.single, x)), weights: null };
  }
  return { outputs: X.map((x) => handForward(x).y), hidden: handForward(xr).h, field: sampleField((x) => handForward(x).y), weights: HAND };
}

/** The view of a trained MLP from its weights. */
export function trainedView(w: XorWeights, row: number): XorView {
  return { outputs: X.map((x) => forward(w, x).y), hidden: forward(w, X[row] ?? X[0]).h, field: sampleField((x) => forward(w, x).y), weights: w };
}

/** The rows that are right. */
export function countRight(outputs: readonly number[]): number {
  return outputs.filter((y, i) => verdict(y, Y[i]) === 'right').length;
}

/**
 * Whether the trained run is stuck short of 4/4: at the last step, or with the loss flat
 * (changed by less than 10⁻⁵ over the last 200 steps): a poor local minimum or a plateau.
 */
export function isStuck(snap: TrainingSnapshot | null, right: number, done: boolean): boolean {
  if (!snap || right === 4 || snap.divergedAt !== null) return false;
  if (done) return true;
  const n = snap.losses.length;
  return n > 400 && Math.abs(snap.losses[n - 1][1] - snap.losses[n - 201][1]) < 1e-5;
}

/** The status line. */
export function statusText(s: XorNetState, view: XorView, snap: TrainingSnapshot | null, maxSteps: number, done: boolean): string {
  const right = countRight(view.outputs);
  const xr = X[s.row] ?? X[0];
  if (s.mode === 'single') return `A single neuron gets ${right} of 4 right${right < 4 ? ': one line cannot separate XOR' : ''}.`;
  if (s.mode === 'hand-set') return `Input (${xr[0]}, ${xr[1]}) → h = (${view.hidden.join(', ')}) → y = ${view.outputs[s.row]}. ${right} of 4 correct.`;
  if (!snap) return 'Preparing the network…';
  if (snap.divergedAt !== null) return `Diverged at step ${snap.divergedAt}: η = ${s.learningRate} is too large.`;
  const loss = crossEntropy(view.outputs);
  const base = `Step ${snap.step} of ${maxSteps} · loss ${lossText(loss)} · ${right} of 4 correct`;
  if (isStuck(snap, right, done)) {
    return `${base}. Stuck in a poor local minimum: the loss no longer falls, yet ${4 - right} row${right === 3 ? ' is' : 's are'} not right. Try new initial weights.`;
  }
  return right === 4 && done ? `${base}. Solved.` : base;
}

/** The frame's `data-state`. */
export function frameState(s: XorNetState, snap: TrainingSnapshot | null, playing: boolean, done: boolean): ExplainerState {
  if (s.mode !== 'trained') return 'idle';
  if (snap?.divergedAt != null) return 'diverged';
  if (playing) return 'playing';
  if (done) return 'done';
  return s.step > 0 ? 'paused' : 'idle';
}

/** Sizes of the three panels. */
export interface XorSizes {
  /** The network diagram. */
  diagramWidth: number;
  diagramHeight: number;
  /** The decision-region square. */
  side: number;
  /** The loss chart. */
  chartWidth: number;
  chartHeight: number;
}

/**
 * The layout: diagram | regions | table and loss curve in a row; one column below 640 px,
 * each part as wide as the column allows (the square at most 320 px).
 */
export function xorSizes(width: number, height: number, avail: number, compact: boolean): XorSizes {
  if (compact) {
    const w = Math.max(200, avail);
    const dh = Math.max(180, Math.min(height, Math.round(w * 0.6)));
    return { diagramWidth: w, diagramHeight: dh, side: Math.min(320, w), chartWidth: Math.min(w, 360), chartHeight: 150 };
  }
  const w = Math.max(420, Math.min(width, avail));
  const side = Math.min(height, Math.round(w * 0.34));
  const diagramWidth = Math.round(w * 0.36);
  return { diagramWidth, diagramHeight: height, side, chartWidth: Math.max(160, Math.min(260, w - diagramWidth - side - 24)), chartHeight: Math.max(120, height - 150) };
}
