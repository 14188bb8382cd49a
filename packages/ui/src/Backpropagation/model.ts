import { RandomState } from '@geolearn/algorithms';
import { fieldCheck, type FieldChecks } from '../hooks/useControllableState';
import type { ExplainerState } from '../kit/Explainer';

/**
 * Backpropagation on the smallest network that has a hidden layer: 2 inputs, 2 sigmoid hidden
 * units, 1 sigmoid output, the squared error on one sample. Pure maths, no TF.js:
 *
 *   z⁽¹⁾ = W⁽¹⁾x + b⁽¹⁾,  h = σ(z⁽¹⁾),  z⁽²⁾ = w⁽²⁾·h + b⁽²⁾,  ŷ = σ(z⁽²⁾),  𝓛 = ½(ŷ − y)².
 *
 * The backward pass applies the chain rule from the loss down, reusing each layer's
 * δ = ∂𝓛/∂z: δ⁽²⁾ = (ŷ − y)·ŷ(1 − ŷ), ∂𝓛/∂w⁽²⁾ⱼ = δ⁽²⁾hⱼ, δ⁽¹⁾ⱼ = δ⁽²⁾w⁽²⁾ⱼ·hⱼ(1 − hⱼ),
 * ∂𝓛/∂w⁽¹⁾ⱼᵢ = δ⁽¹⁾ⱼxᵢ (σ′(z) = σ(z)(1 − σ(z))). Then θ ← θ − η ∂𝓛/∂θ.
 */

/**
 * The nine parameters as one vector θ, in this order: w⁽¹⁾₁₁, w⁽¹⁾₁₂, w⁽¹⁾₂₁, w⁽¹⁾₂₂ (row j =
 * hidden unit, column i = input), b⁽¹⁾₁, b⁽¹⁾₂, w⁽²⁾₁, w⁽²⁾₂, b⁽²⁾.
 */
export type Theta = readonly number[];

/** Names of the parameters (Unicode, for labels and the status). */
export const PARAM_NAMES = ['w⁽¹⁾₁₁', 'w⁽¹⁾₁₂', 'w⁽¹⁾₂₁', 'w⁽¹⁾₂₂', 'b⁽¹⁾₁', 'b⁽¹⁾₂', 'w⁽²⁾₁', 'w⁽²⁾₂', 'b⁽²⁾'] as const;
/** The same names in TeX. */
export const PARAM_TEX = ['w^{(1)}_{11}', 'w^{(1)}_{12}', 'w^{(1)}_{21}', 'w^{(1)}_{22}', 'b^{(1)}_{1}', 'b^{(1)}_{2}', 'w^{(2)}_{1}', 'w^{(2)}_{2}', 'b^{(2)}'] as const;
/** Number of parameters. */
export const N_PARAMS = 9;

/** Index helpers: w⁽¹⁾ⱼᵢ, b⁽¹⁾ⱼ, w⁽²⁾ⱼ, b⁽²⁾ (j, i from 0). */
export const W1 = (j: number, i: number) => 2 * j + i;
export const B1 = (j: number) => 4 + j;
export const W2 = (j: number) => 6 + j;
export const B2 = 8;

/** The logistic sigmoid σ(z) = 1/(1 + e^(−z)). */
export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Every value of the forward pass. */
export interface Forward {
  z1: [number, number];
  h: [number, number];
  z2: number;
  yhat: number;
  loss: number;
}

/** The forward pass on input x with target y. */
export function forward(t: Theta, x: readonly [number, number], y: number): Forward {
  const z1: [number, number] = [0, 1].map((j) => t[W1(j, 0)] * x[0] + t[W1(j, 1)] * x[1] + t[B1(j)]) as [number, number];
  const h: [number, number] = [sigmoid(z1[0]), sigmoid(z1[1])];
  const z2 = t[W2(0)] * h[0] + t[W2(1)] * h[1] + t[B2];
  const yhat = sigmoid(z2);
  return { z1, h, z2, yhat, loss: 0.5 * (yhat - y) ** 2 };
}

/** The loss alone, 𝓛(θ) = ½(ŷ − y)². */
export const lossAt = (t: Theta, x: readonly [number, number], y: number) => forward(t, x, y).loss;

/** Every value of the backward pass: the δ's and the gradient ∂𝓛/∂θ in θ's order. */
export interface Backward {
  /** ∂𝓛/∂ŷ = ŷ − y. */
  dLdy: number;
  /** ∂ŷ/∂z⁽²⁾ = ŷ(1 − ŷ). */
  dydz: number;
  /** δ⁽²⁾ = ∂𝓛/∂z⁽²⁾. */
  delta2: number;
  /** δ⁽¹⁾ⱼ = ∂𝓛/∂z⁽¹⁾ⱼ. */
  delta1: [number, number];
  /** ∂𝓛/∂θ. */
  grad: number[];
}

/** The backward pass (backpropagation) from the forward values. */
export function backward(t: Theta, x: readonly [number, number], y: number, f: Forward = forward(t, x, y)): Backward {
  const dLdy = f.yhat - y;
  const dydz = f.yhat * (1 - f.yhat);
  const delta2 = dLdy * dydz;
  const delta1: [number, number] = [0, 1].map((j) => delta2 * t[W2(j)] * f.h[j] * (1 - f.h[j])) as [number, number];
  const grad = new Array<number>(N_PARAMS).fill(0);
  for (let j = 0; j < 2; j++) {
    for (let i = 0; i < 2; i++) grad[W1(j, i)] = delta1[j] * x[i];
    grad[B1(j)] = delta1[j];
    grad[W2(j)] = delta2 * f.h[j];
  }
  grad[B2] = delta2;
  return { dLdy, dydz, delta2, delta1, grad };
}

/** The central finite difference (𝓛(θ + h eₖ) − 𝓛(θ − h eₖ))/2h, error O(h²) plus rounding ε/h. */
export function finiteDifference(t: Theta, k: number, x: readonly [number, number], y: number, h: number): number {
  const plus = t.slice();
  const minus = t.slice();
  plus[k] += h;
  minus[k] -= h;
  return (lossAt(plus, x, y) - lossAt(minus, x, y)) / (2 * h);
}

/** One gradient-descent step θ ← θ − η ∂𝓛/∂θ. */
export function update(t: Theta, grad: readonly number[], eta: number): number[] {
  return t.map((v, k) => v - eta * grad[k]);
}

/** The initial parameters: weights drawn from N(0, 1) with the seed, biases zero (as on the slide). */
export function initialTheta(seed: number): number[] {
  const rng = new RandomState(seed);
  const t = new Array<number>(N_PARAMS).fill(0);
  for (const k of [W1(0, 0), W1(0, 1), W1(1, 0), W1(1, 1), W2(0), W2(1)]) t[k] = Number(rng.normal(0, 1).toFixed(2));
  return t;
}

/** θ after `iterations` gradient-descent steps from θ₀ (replayed: the state stays plain JSON). */
export function thetaAfter(t0: Theta, iterations: number, x: readonly [number, number], y: number, eta: number): number[] {
  let t = t0.slice();
  for (let n = 0; n < iterations; n++) t = update(t, backward(t, x, y).grad, eta);
  return t;
}

/** The phases of one iteration, in order. */
export const PHASES = ['hidden', 'output', 'loss', 'back-output', 'back-hidden', 'update'] as const;
/** A phase, or 'ready' before the first step. */
export type Phase = (typeof PHASES)[number] | 'ready';
/** The four stages the phase list shows. */
export const STAGES = ['Forward pass', 'Loss', 'Backward pass', 'Update'] as const;

/** The stage (index in {@link STAGES}) of a phase, or −1 when ready. */
export function stageOf(p: Phase): number {
  return p === 'ready' ? -1 : p === 'hidden' || p === 'output' ? 0 : p === 'loss' ? 1 : p === 'update' ? 3 : 2;
}

/** The explainer's state: plain JSON. */
export interface BackpropagationState {
  /** The input x = (x₁, x₂). */
  x: [number, number];
  /** The target y ∈ [0, 1]. */
  y: number;
  /** Learning rate η. */
  learningRate: number;
  /** Seed of the initial weights. */
  seed: number;
  /** Phases taken: 0 = ready; then 6 per iteration (see {@link PHASES}). */
  step: number;
  /** The parameter whose gradient is checked (index in θ). */
  selected: number;
  /** The finite-difference step h. */
  h: number;
}

/** Most iterations the stepper may take. */
export const MAX_ITERATIONS = 200;

/** The default: x = (1, 0.5), y = 1, η = 0.5, checking w⁽²⁾₁. */
export const DEFAULT_STATE: BackpropagationState = { x: [1, 0.5], y: 1, learningRate: 0.5, seed: 1, step: 0, selected: W2(0), h: 1e-5 };

/** How a `defaultValue` is checked. */
export const STATE_CHECKS: FieldChecks<BackpropagationState> = {
  x: fieldCheck.tuple<[number, number]>(2),
  y: fieldCheck.number(0, 1),
  learningRate: fieldCheck.number(1e-4, 100),
  seed: fieldCheck.integer(0, 2 ** 31),
  step: fieldCheck.integer(0, MAX_ITERATIONS * PHASES.length),
  selected: fieldCheck.integer(0, N_PARAMS - 1),
  h: fieldCheck.number(1e-12, 1),
};

/** Where the stepper is: the iteration (from 0) and the phase within it. */
export function position(step: number): { iteration: number; phase: Phase } {
  if (step <= 0) return { iteration: 0, phase: 'ready' };
  return { iteration: Math.floor((step - 1) / PHASES.length), phase: PHASES[(step - 1) % PHASES.length] };
}

/** Whether the backward pass has reached parameter k in this phase (output layer first). */
export function gradientKnown(phase: Phase, k: number): boolean {
  const outputLayer = k >= W2(0);
  if (phase === 'back-output') return outputLayer;
  return phase === 'back-hidden' || phase === 'update';
}

/** A value for the diagram: 3 decimals, a true minus sign. */
export function num(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return '—';
  const s = Math.abs(v) < 10 ** -digits && v !== 0 ? v.toExponential(1) : v.toFixed(digits);
  return s.replace(/-/g, '−');
}

/** A value in full for the gradient check: 10 significant digits. */
export function full(v: number): string {
  return Number.isFinite(v) ? v.toPrecision(10).replace(/-/g, '−') : '—';
}

/** A small number in exponent form: 3.2e−11. */
export function tiny(v: number): string {
  return v === 0 ? '0' : v.toExponential(1).replace('e+', 'e').replace(/-/g, '−');
}

/** What the current phase computed, in words, for the status line. */
export function statusText(s: BackpropagationState, f: Forward, b: Backward, next: Theta): string {
  const { iteration, phase } = position(s.step);
  const it = `Iteration ${iteration + 1}`;
  switch (phase) {
    case 'ready':
      return `Ready: weights drawn at random, biases 0. Step runs the forward pass on x = (${num(s.x[0], 2)}, ${num(s.x[1], 2)}), target y = ${num(s.y, 2)}.`;
    case 'hidden':
      return `${it} · forward pass: hidden layer h = σ(W⁽¹⁾x + b⁽¹⁾) = (${num(f.h[0])}, ${num(f.h[1])})`;
    case 'output':
      return `${it} · forward pass: output ŷ = σ(w⁽²⁾·h + b⁽²⁾) = ${num(f.yhat)}`;
    case 'loss':
      return `${it} · loss 𝓛 = ½(ŷ − y)² = ½(${num(f.yhat)} − ${num(s.y, 2)})² = ${num(f.loss, 5)}`;
    case 'back-output':
      return `${it} · backward pass: δ⁽²⁾ = (ŷ − y)·ŷ(1 − ŷ) = ${num(b.delta2, 5)}, so ∂𝓛/∂w⁽²⁾ = δ⁽²⁾h`;
    case 'back-hidden':
      return `${it} · backward pass: δ⁽¹⁾ = δ⁽²⁾w⁽²⁾ ⊙ h(1 − h) = (${num(b.delta1[0], 5)}, ${num(b.delta1[1], 5)}), so ∂𝓛/∂W⁽¹⁾ = δ⁽¹⁾xᵀ`;
    case 'update':
      return `${it} · update θ ← θ − η∂𝓛/∂θ with η = ${s.learningRate}: ${PARAM_NAMES[s.selected]} ${num(next[s.selected])}; the loss goes from ${num(f.loss, 5)} to ${num(lossAt(next, s.x, s.y), 5)}`;
  }
}

/** The frame's data-state. */
export function frameState(s: BackpropagationState, playing: boolean, done: boolean): ExplainerState {
  if (playing) return 'playing';
  if (done) return 'done';
  return s.step > 0 ? 'paused' : 'idle';
}
