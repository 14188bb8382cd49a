/**
 * The activation functions φ of the neural-network slides, with their derivatives and the
 * region where each one saturates (φ′ ≈ 0: the plateau where gradient descent stalls).
 */

/** An activation function's name. */
export type ActivationName = 'sigmoid' | 'relu' | 'tanh' | 'step' | 'linear';

/** One activation: φ, φ′, its formula and where it is flat. */
export interface ActivationInfo {
  /** Name shown in menus. */
  label: string;
  /** φ(z). */
  f: (z: number) => number;
  /** φ′(z) (0 for the binary step, whose derivative is 0 almost everywhere). */
  df: (z: number) => number;
  /** φ(z) in LaTeX. */
  tex: string;
  /** Short LaTeX name used in h = φ(…): \sigma, \mathrm{ReLU}… */
  symbol: string;
  /** z-intervals where |φ′(z)| < 0.02 within [-∞, ∞] (the plateaus). */
  plateaus: [number, number][];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** σ′(z) = σ(z)(1 − σ(z)) < 0.02 for |z| > 3.89. */
const SIGMOID_FLAT = 3.89;
/** tanh′(z) = 1 − tanh²(z) < 0.02 for |z| > 2.65. */
const TANH_FLAT = 2.65;

/** The activations by name. */
export const ACTIVATIONS: Record<ActivationName, ActivationInfo> = {
  sigmoid: {
    label: 'Sigmoid',
    f: sigmoid,
    df: (z) => sigmoid(z) * (1 - sigmoid(z)),
    tex: String.raw`\sigma(z)=\frac{1}{1+e^{-z}}`,
    symbol: String.raw`\sigma`,
    plateaus: [
      [-Infinity, -SIGMOID_FLAT],
      [SIGMOID_FLAT, Infinity],
    ],
  },
  relu: {
    label: 'ReLU',
    f: (z) => Math.max(0, z),
    df: (z) => (z > 0 ? 1 : 0),
    tex: String.raw`\mathrm{ReLU}(z)=\max(0,z)`,
    symbol: String.raw`\mathrm{ReLU}`,
    plateaus: [[-Infinity, 0]],
  },
  tanh: {
    label: 'tanh',
    f: Math.tanh,
    df: (z) => 1 - Math.tanh(z) ** 2,
    tex: String.raw`\tanh(z)=\frac{e^{z}-e^{-z}}{e^{z}+e^{-z}}`,
    symbol: String.raw`\tanh`,
    plateaus: [
      [-Infinity, -TANH_FLAT],
      [TANH_FLAT, Infinity],
    ],
  },
  step: {
    label: 'Binary step',
    f: (z) => (z > 0 ? 1 : 0),
    df: () => 0,
    tex: String.raw`H(z)=\begin{cases}1 & z>0\\0 & z\le 0\end{cases}`,
    symbol: 'H',
    plateaus: [[-Infinity, Infinity]],
  },
  linear: {
    label: 'Linear',
    f: (z) => z,
    df: () => 1,
    tex: String.raw`\varphi(z)=z`,
    symbol: String.raw`\mathrm{id}`,
    plateaus: [],
  },
};

/** Whether z lies in one of the activation's plateaus. */
export function isSaturated(name: ActivationName, z: number): boolean {
  return ACTIVATIONS[name].plateaus.some(([a, b]) => z >= a && z <= b);
}

/** A number for maths readouts: fixed decimals, a real minus sign. */
export function texNumber(v: number, digits = 2): string {
  if (!Number.isFinite(v)) return String.raw`\text{${v}}`;
  const s = Math.abs(v) >= 1e4 ? v.toExponential(1) : v.toFixed(digits);
  return s.startsWith('-') ? `-${s.slice(1)}` : s;
}
