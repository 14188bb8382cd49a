import {
  OPTIMIZERS,
  minimizeSteps,
  multiMinimaObjective,
  plateauObjective,
  quadraticObjective,
  rosenbrockObjective,
  saddleObjective,
  type Objective,
  type OptimizerName,
  type OptimizerStep,
} from '@geolearn/algorithms';
import { OPTIMIZER_COLOR } from '../common/colors';
import { fieldCheck, type FieldChecks } from '../hooks/useControllableState';
import type { ExplainerState } from '../kit/Explainer';

/**
 * The loss landscape's model: its state, presets, the replay of each optimiser's path and
 * the status text. Pure functions of plain JSON, no React: the view parts render from here.
 */

/** The objectives the chooser offers: the line fit's MSE and the slides' trouble-makers. */
export type LandscapeObjectiveName = 'mse' | 'ill-conditioned' | 'rosenbrock' | 'saddle' | 'plateau' | 'local-minima';

/** Each objective of the chooser with its label, a start that shows its trouble and a workable η. */
export const LANDSCAPE_OBJECTIVES: Record<
  Exclude<LandscapeObjectiveName, 'mse'>,
  {
    label: string;
    make: () => Objective;
    start: [number, number];
    learningRate: number;
    /** The objective's formula (TeX), shown in the maths instead of its name. */
    tex: string;
    /** Most steps by default (Rosenbrock's valley needs thousands). Default 100. */
    maxIterations?: number;
  }
> = {
  'ill-conditioned': {
    label: 'Badly conditioned bowl (κ = 20)',
    make: () => quadraticObjective({ eigenvalues: [10, 0.5], angle: Math.PI / 6 }),
    start: [-2.4, 2.2],
    learningRate: 0.15,
    // (u, v) = θ rotated by 30°; λ₁/λ₂ = 20 is the condition number κ.
    tex: String.raw`\mathcal{L}(\theta)=\tfrac12\bigl(10\,u^2+0.5\,v^2\bigr),\quad \binom{u}{v}=\begin{pmatrix}\cos 30^\circ&\sin 30^\circ\\-\sin 30^\circ&\cos 30^\circ\end{pmatrix}\binom{\theta_1}{\theta_2}`,
  },
  rosenbrock: {
    label: 'Rosenbrock valley',
    make: () => rosenbrockObjective(),
    start: [-1.5, 2.4],
    learningRate: 0.001,
    tex: String.raw`\mathcal{L}(\theta)=(1-\theta_1)^2+100\,\bigl(\theta_2-\theta_1^2\bigr)^2`,
    maxIterations: 5000,
  },
  saddle: { label: 'Saddle point', make: () => saddleObjective(), start: [1.8, 0.02], learningRate: 0.1, tex: String.raw`\mathcal{L}(\theta)=\theta_1^2-\theta_2^2+\tfrac14\theta_2^4` },
  plateau: { label: 'Plateau', make: () => plateauObjective(), start: [2.2, 1.5], learningRate: 0.5, tex: String.raw`\mathcal{L}(\theta)=1-\exp\Bigl(-\frac{\theta_1^2+\theta_2^2}{2\sigma^2}\Bigr),\quad \sigma=0.5` },
  'local-minima': {
    label: 'Several local minima',
    make: () => multiMinimaObjective(),
    start: [3, 2.6],
    learningRate: 0.05,
    tex: String.raw`\mathcal{L}(\theta)=0.1\,\bigl(\theta_1^2+\theta_2^2\bigr)-\cos 2\theta_1\,\cos 2\theta_2+1`,
  },
};

/** The line fit's loss (TeX). */
export const MSE_TEX = String.raw`\mathcal{L}(a,b)=\frac{1}{n}\sum_{i=1}^{n}\bigl(y_i-(a\,x_i+b)\bigr)^2`;

/** Each optimiser's own update rule (TeX), as the library's `minimizeSteps` computes it; g = ∇𝓛(θ). */
export const UPDATE_TEX: Record<OptimizerName, string> = {
  gd: String.raw`\theta\leftarrow\theta-\eta\,\nabla\mathcal{L}(\theta)`,
  momentum: String.raw`\mathbf{p}\leftarrow\alpha\,\mathbf{p}-\eta\,\nabla\mathcal{L}(\theta),\quad \theta\leftarrow\theta+\mathbf{p}`,
  nesterov: String.raw`\mathbf{p}\leftarrow\alpha\,\mathbf{p}-\eta\,\nabla\mathcal{L}(\theta+\alpha\,\mathbf{p}),\quad \theta\leftarrow\theta+\mathbf{p}`,
  rmsprop: String.raw`\mathbf{s}\leftarrow\rho\,\mathbf{s}+(1-\rho)\,\mathbf{g}^2,\quad \theta\leftarrow\theta-\frac{\eta\,\mathbf{g}}{\sqrt{\mathbf{s}}+\varepsilon},\quad \rho=0.9`,
  adam: String.raw`\mathbf{m}\leftarrow\beta_1\mathbf{m}+(1-\beta_1)\,\mathbf{g},\ \ \mathbf{v}\leftarrow\beta_2\mathbf{v}+(1-\beta_2)\,\mathbf{g}^2,\ \ \theta\leftarrow\theta-\eta\,\frac{\mathbf{m}/(1-\beta_1^{\,t})}{\sqrt{\mathbf{v}/(1-\beta_2^{\,t})}+\varepsilon}`,
};

/** Steps per animation frame the speed control offers. */
export const LANDSCAPE_SPEEDS = [1, 5, 25, 100] as const;

/** The momentum α of momentum and Nesterov when the state has none. */
export const DEFAULT_MOMENTUM = 0.9;

/** Most steps: the `maxIterations` prop, else the objective's preset (5,000 on Rosenbrock), else 100. */
export function effectiveMaxIterations(prop: number | undefined, name: LandscapeObjectiveName | undefined): number {
  if (prop !== undefined && Number.isFinite(prop) && prop >= 1) return Math.floor(prop);
  return (name && name !== 'mse' ? LANDSCAPE_OBJECTIVES[name].maxIterations : undefined) ?? 100;
}

/** Display names of the optimizers. */
export const OPTIMIZER_LABELS: Record<OptimizerName, string> = {
  gd: 'Gradient descent',
  momentum: 'Momentum',
  nesterov: 'Nesterov',
  rmsprop: 'RMSprop',
  adam: 'Adam',
};

/** Colour of each optimizer's path, legend and loss curve: the library's optimiser colours (`--gl-opt-*`). */
export const OPTIMIZER_COLORS: Record<OptimizerName, string> = OPTIMIZER_COLOR;

/** The explainer's state: plain JSON, so it can live in a permalink. */
export interface LossLandscapeState {
  /** The starting point θ₀ = (a, b). */
  start: [number, number];
  /** Learning rate η. */
  learningRate: number;
  /** The update rule. */
  optimizer: OptimizerName;
  /** How many steps have been taken from θ₀. */
  iteration: number;
  /** Optimizers racing from θ₀ (each with its path); absent means just `optimizer`. */
  optimizers?: OptimizerName[];
  /** The objective of the chooser (ignored when the `objective` prop is given). Default 'mse'. */
  objective?: LandscapeObjectiveName;
  /** Filled contours seen from above, or the 3-D surface. Default 'contours'. */
  view?: 'contours' | 'surface';
  /** Camera of the surface view: [azimuth, elevation] in degrees. Default [35, 40]. */
  rotation?: [number, number];
  /** Momentum α ∈ [0, 0.99] of momentum and Nesterov, p ← αp − η∇𝓛. Default 0.9. */
  momentum?: number;
  /** Steps per animation frame while playing (1, 5, 25 or 100). Default 1. */
  speed?: number;
}

const objectiveNames = ['mse', ...Object.keys(LANDSCAPE_OBJECTIVES)] as LandscapeObjectiveName[];

/** How a `defaultValue` is checked field by field (bad fields are reported once and dropped). */
export const STATE_CHECKS: FieldChecks<LossLandscapeState> = {
  start: fieldCheck.tuple<[number, number]>(2),
  learningRate: fieldCheck.number(Number.MIN_VALUE, 100),
  optimizer: fieldCheck.oneOf(...OPTIMIZERS),
  iteration: fieldCheck.integer(0, 1e6),
  optimizers: fieldCheck.arrayOf(fieldCheck.oneOf(...OPTIMIZERS)),
  objective: fieldCheck.oneOf(...objectiveNames),
  view: fieldCheck.oneOf('contours', 'surface'),
  rotation: fieldCheck.tuple<[number, number]>(2),
  momentum: fieldCheck.number(0, 0.99),
  speed: fieldCheck.oneOf(...LANDSCAPE_SPEEDS),
};

/** The default θ₀ of an objective: its preset, or near the top-left corner of its domain. */
export function presetStart(name: LandscapeObjectiveName | undefined, objective: Objective): [number, number] {
  if (name && name !== 'mse') return LANDSCAPE_OBJECTIVES[name].start;
  const d = objective.domain ?? [-3, 3, -3, 3];
  return [d[0] + 0.12 * (d[1] - d[0]), d[2] + 0.88 * (d[3] - d[2])];
}

/** The default η of an objective. */
export function presetRate(name: LandscapeObjectiveName | undefined, custom: boolean): number {
  return name && name !== 'mse' ? LANDSCAPE_OBJECTIVES[name].learningRate : custom ? 0.1 : 0.05;
}

/** The optimizers in the race: `optimizers`, or just `optimizer`. */
export function activeOptimizers(s: LossLandscapeState): OptimizerName[] {
  return s.optimizers && s.optimizers.length > 0 ? s.optimizers : [s.optimizer];
}

/** One optimizer's path from θ₀. */
export interface Run {
  name: OptimizerName;
  steps: OptimizerStep[];
}

/** Each path is a pure function of the state: replay the stepper from θ₀ for `iteration` steps. */
export function replayRuns(objective: Objective, start: [number, number], learningRate: number, iteration: number, names: readonly OptimizerName[], momentum = DEFAULT_MOMENTUM): Run[] {
  return names.map((name) => {
    const steps: OptimizerStep[] = [];
    for (const s of minimizeSteps(objective, start, { optimizer: name, learningRate, maxIter: iteration, momentum })) steps.push(s);
    return { name, steps };
  });
}

/** The last step of a run. */
export const lastOf = (r: Run): OptimizerStep => r.steps[r.steps.length - 1];

/** A loss or coordinate for the readouts: 3 decimals, exponent form when tiny or huge. */
export function fmt(v: number): string {
  return Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(2) : v.toFixed(3);
}

/** The status line: the step and loss, or where the run diverged; in a race, each optimizer's. */
export function statusText(runs: readonly Run[], s: LossLandscapeState, maxIterations: number): string {
  const current = lastOf(runs[0]);
  if (runs.length === 1) {
    return current.diverged
      ? `Diverged at step ${current.divergedAt}: η = ${s.learningRate} is too large.`
      : `Step ${current.iteration} of ${maxIterations} · loss ${fmt(current.loss)}`;
  }
  const each = runs.map((r) => {
    const l = lastOf(r);
    return l.diverged ? `${OPTIMIZER_LABELS[r.name]} diverged at step ${l.divergedAt}` : `${OPTIMIZER_LABELS[r.name]} ${fmt(l.loss)}`;
  });
  return `Step ${Math.min(s.iteration, maxIterations)} of ${maxIterations} · ${each.join(' · ')}`;
}

/** The frame's `data-state`. */
export function frameState(runs: readonly Run[], s: LossLandscapeState, playing: boolean, done: boolean): ExplainerState {
  if (lastOf(runs[0]).diverged) return 'diverged';
  if (playing) return 'playing';
  if (done) return 'done';
  return s.iteration > 0 ? 'paused' : 'idle';
}

/** The camera after turning by (dAz, dEl) degrees: azimuth wraps, elevation stays in [5°, 90°]. */
export function rotated(s: LossLandscapeState, dAz: number, dEl: number): LossLandscapeState {
  const [az, el] = s.rotation ?? [35, 40];
  return { ...s, rotation: [Math.round((((az + dAz) % 360) + 360) % 360), Math.round(Math.min(90, Math.max(5, el + dEl)))] };
}

/** Ticks or unticks an optimizer in the race (at least one stays), restarting from θ₀. */
export function toggledOptimizer(s: LossLandscapeState, name: OptimizerName, on: boolean): LossLandscapeState {
  const now = activeOptimizers(s);
  const next = OPTIMIZERS.filter((o) => (o === name ? on : now.includes(o)));
  if (next.length === 0) return s;
  return { ...s, optimizers: next, optimizer: next[0], iteration: 0 };
}

/** Sizes of the parts, from the requested size and the measured layout. */
export interface LandscapeSizes {
  /** Main plot width and height, px. */
  width: number;
  height: number;
  /** Each side panel's width and height, px. */
  sideWidth: number;
  sideHeight: number;
}

/**
 * The layout: the main plot takes the requested size, shrunk to the container (keeping
 * its aspect) and in slide mode to ≤ 400 px high; the side panels sit beside it, or below
 * it at the plot's width in the compact (one-column) layout.
 */
export function landscapeSizes(width: number, height: number, avail: number, compact: boolean, fit: boolean): LandscapeSizes {
  let w = Math.max(120, Math.min(width, avail));
  let h = Math.max(100, Math.round((height * w) / width));
  if (fit && h > 400) {
    w = Math.round((w * 400) / h);
    h = 400;
  }
  if (compact) return { width: w, height: h, sideWidth: w, sideHeight: Math.max(140, Math.round(w * 0.5)) };
  return { width: w, height: h, sideWidth: Math.round(Math.min(300, Math.max(220, width * 0.45))), sideHeight: Math.max(140, Math.round(h / 2) - 4) };
}

/** Margins of the main plot (room for the axes). */
export const MARGIN = { top: 12, right: 12, bottom: 44, left: 52 } as const;
