import { ACTIVATIONS, isSaturated, type ActivationName } from '../common/activations';
import { fieldCheck, type FieldChecks } from '../hooks/useControllableState';

/**
 * The neuron's model: its state, h = φ(Σᵢ wᵢxᵢ + b), where φ is flat (a saturated plateau of
 * the sigmoid or tanh, or ReLU's dead half), the status text and the layout. Pure, no React.
 */

/** The activations the neuron offers. */
export type NeuronActivation = Extract<ActivationName, 'sigmoid' | 'relu' | 'tanh'>;

/** The activations in menu order. */
export const NEURON_ACTIVATIONS: readonly NeuronActivation[] = ['sigmoid', 'relu', 'tanh'];

/** The neuron's state: plain JSON, so it can live in a permalink. */
export interface NeuronState {
  /** The inputs xᵢ (1 to 4 of them). */
  inputs: number[];
  /** The weights wᵢ, one per input. */
  weights: number[];
  /** The bias b. */
  bias: number;
  /** The activation function φ. */
  activation: NeuronActivation;
}

/** The default two-input sigmoid neuron. */
export const DEFAULT_STATE: NeuronState = { inputs: [1, -0.5], weights: [1.5, 0.8], bias: -0.5, activation: 'sigmoid' };

const finiteList = (v: unknown): v is number[] => Array.isArray(v) && v.length >= 1 && v.length <= 4 && v.every((x) => typeof x === 'number' && Number.isFinite(x));

/** How a `defaultValue` is checked field by field. */
export const STATE_CHECKS: FieldChecks<NeuronState> = {
  inputs: finiteList,
  weights: finiteList,
  bias: fieldCheck.number(),
  activation: fieldCheck.oneOf(...NEURON_ACTIVATIONS),
};

/** The z axis of the activation plot. */
export const Z_DOMAIN: [number, number] = [-8, 8];

/** The h axis of each activation's plot. */
export function hDomain(a: NeuronActivation): [number, number] {
  return a === 'relu' ? [-0.5, 8] : a === 'tanh' ? [-1.15, 1.15] : [-0.1, 1.1];
}

/** What the neuron computes now. */
export interface NeuronOutput {
  /** z = Σᵢ wᵢxᵢ + b. */
  z: number;
  /** h = φ(z). */
  h: number;
  /** φ′(z), the factor every gradient through this unit is multiplied by. */
  slope: number;
  /** On a flat part of φ: a saturated plateau (φ′ ≈ 0) or ReLU's dead half (φ′ = 0). */
  flat: boolean;
  /** ReLU with z ≤ 0: a dead unit, gradient exactly 0 (not a saturation: ReLU never saturates for z > 0). */
  dead: boolean;
}

/** z, h = φ(z), φ′(z) and where the neuron sits on φ. */
export function evaluate(s: NeuronState): NeuronOutput {
  const act = ACTIVATIONS[s.activation];
  const z = s.inputs.reduce((acc, x, i) => acc + x * (s.weights[i] ?? 0), s.bias);
  const dead = s.activation === 'relu' && z <= 0;
  return { z, h: act.f(z), slope: act.df(z), flat: dead || isSaturated(s.activation, z), dead };
}

/** A number with a real minus sign "−" and fixed decimals. */
export function signed(v: number, digits = 2): string {
  return v.toFixed(digits).replace('-', '−');
}

/** The status line: z and h, and what a flat part of φ means for learning. */
export function statusText(o: NeuronOutput): string {
  const base = `z = ${signed(o.z)}, h = ${signed(o.h, 3)}`;
  if (o.dead) return `${base} — a dead unit: ReLU′(z) = 0 exactly for z ≤ 0, so no gradient flows back through it and gradient descent cannot change its weights.`;
  if (o.flat) return `${base} — in the saturated region, where φ′(z) ≈ ${signed(o.slope, 3)}: gradient descent barely moves.`;
  return base;
}

/** The curve φ(z) over {@link Z_DOMAIN}, 201 points. */
export function curvePoints(a: NeuronActivation): [number, number][] {
  const f = ACTIVATIONS[a].f;
  return Array.from({ length: 201 }, (_, k) => {
    const z = Z_DOMAIN[0] + ((Z_DOMAIN[1] - Z_DOMAIN[0]) * k) / 200;
    return [z, f(z)];
  });
}

/** Sizes of the diagram and the activation plot. */
export interface NeuronSizes {
  diagramWidth: number;
  diagramHeight: number;
  curveWidth: number;
  curveHeight: number;
}

/** Side by side (44 % : 56 %), or stacked at the column's width below 640 px. */
export function neuronSizes(width: number, height: number, avail: number, compact: boolean): NeuronSizes {
  if (compact) {
    const w = Math.max(200, avail);
    return { diagramWidth: w, diagramHeight: Math.min(height, 220), curveWidth: w, curveHeight: Math.max(200, Math.min(height, Math.round(w * 0.7))) };
  }
  const w = Math.max(360, Math.min(width, avail));
  const diagramWidth = Math.round(w * 0.44);
  return { diagramWidth, diagramHeight: height, curveWidth: w - diagramWidth - 12, curveHeight: height };
}

/** Subscript digits for labels (x₁, w₂…). */
export function sub(i: number): string {
  return String(i).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]);
}
