import { ValidationError } from '../core/errors';
import { checkScalar, checkVector } from '../core/validation';

/** @internal Validates an objective: an object with a positive integer `dim` and `loss` (and `grad`) functions. */
export function checkObjective(objective: unknown, needsGradient: boolean): asserts objective is Objective {
  const o = objective as Partial<Objective> | null;
  if (typeof o !== 'object' || o === null) throw new ValidationError('objective', 'bad-option', 'expected an Objective { dim, loss, grad }, e.g. mseLineObjective(x, y)');
  if (typeof o.dim !== 'number' || !Number.isInteger(o.dim) || o.dim < 1) throw new ValidationError('objective', 'bad-option', `dim must be a positive integer, got ${String(o.dim)}`);
  if (typeof o.loss !== 'function') throw new ValidationError('objective', 'bad-option', 'loss must be a function of θ');
  if (needsGradient && typeof o.grad !== 'function') throw new ValidationError('objective', 'bad-option', 'grad must be a function of θ');
}

/** @internal The options object (absent → {}), with its undefined entries dropped so that they keep the defaults. */
export function checkOptionsObject<T extends object>(options: T | null | undefined): T {
  if (options === undefined || options === null) return {} as T;
  if (typeof options !== 'object' || Array.isArray(options)) throw new ValidationError('options', 'bad-option', `must be an object of options, got ${JSON.stringify(options)}`);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(options)) if (v !== undefined) out[k] = v;
  return out as T;
}

/**
 * A differentiable objective 𝓛(θ) over a parameter vector θ. When the loss is a mean
 * over samples, `nSamples` is set and `loss`/`grad` take an optional list of sample
 * indices, so that stochastic and mini-batch descent can use a subset.
 */
export interface Objective {
  /** Number of parameters, the length of θ. */
  readonly dim: number;
  /** A short name for legends and permalinks. */
  readonly name: string;
  /** 𝓛(θ), on all samples or on the given batch. */
  loss(theta: ArrayLike<number>, batch?: ArrayLike<number>): number;
  /** ∇𝓛(θ), on all samples or on the given batch. */
  grad(theta: ArrayLike<number>, batch?: ArrayLike<number>): Float64Array;
  /** For sample-mean losses: the number of samples. */
  readonly nSamples?: number;
  /** A known minimiser θ*, when there is one in closed form. */
  readonly minimum?: readonly number[];
  /** A good window [θ₁min, θ₁max, θ₂min, θ₂max] for plotting 2-D objectives. */
  readonly domain?: readonly [number, number, number, number];
}

/**
 * The mean squared error of the line y = a·x + b, θ = (a, b):
 *   𝓛(a, b) = (1/n) Σᵢ (yᵢ − a xᵢ − b)²
 *   ∂𝓛/∂a = −(2/n) Σᵢ xᵢ (yᵢ − a xᵢ − b),  ∂𝓛/∂b = −(2/n) Σᵢ (yᵢ − a xᵢ − b)
 */
export function mseLineObjective(x: ArrayLike<number>, y: ArrayLike<number>): Objective {
  const xs = checkVector(x, { name: 'x' });
  const ys = checkVector(y, { name: 'y', length: xs.length });
  const n = xs.length;
  // Closed-form optimum: a* = cov(x, y)/var(x), b* = ȳ − a* x̄.
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i];
    my += ys[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  const aStar = sxx > 0 ? sxy / sxx : 0;
  const bStar = my - aStar * mx;
  const span = Math.max(Math.abs(aStar), 1) * 3;
  const bSpan = Math.max(Math.abs(bStar), Math.abs(aStar * mx), 1) * 3;
  const each = (batch: ArrayLike<number> | undefined, f: (i: number) => void): number => {
    if (batch) {
      for (let k = 0; k < batch.length; k++) f(batch[k]);
      return batch.length;
    }
    for (let i = 0; i < n; i++) f(i);
    return n;
  };
  return {
    dim: 2,
    name: 'mse',
    nSamples: n,
    minimum: [aStar, bStar],
    domain: [aStar - span, aStar + span, bStar - bSpan, bStar + bSpan],
    loss(theta, batch) {
      const [a, b] = [theta[0], theta[1]];
      let s = 0;
      const m = each(batch, (i) => {
        const r = ys[i] - a * xs[i] - b;
        s += r * r;
      });
      return s / m;
    },
    grad(theta, batch) {
      const [a, b] = [theta[0], theta[1]];
      let ga = 0;
      let gb = 0;
      const m = each(batch, (i) => {
        const r = ys[i] - a * xs[i] - b;
        ga -= xs[i] * r;
        gb -= r;
      });
      return Float64Array.of((2 * ga) / m, (2 * gb) / m);
    },
  };
}

/**
 * A quadratic bowl 𝓛(θ) = ½ (λ₁ u² + λ₂ v²), where (u, v) is θ rotated by `angle`.
 * The condition number κ = λ₁/λ₂ sets how elongated it is: gradient descent zig-zags
 * once κ ≫ 1, and it is stable only for η < 2/L with L = max λ.
 */
export function quadraticObjective(options: { eigenvalues?: [number, number]; angle?: number } = {}): Objective {
  options = checkOptionsObject(options);
  const ev = options.eigenvalues ?? [1, 1];
  if (!Array.isArray(ev) || ev.length !== 2) throw new ValidationError('eigenvalues', 'bad-option', `must be [λ₁, λ₂], got ${JSON.stringify(ev)}`);
  const l1 = checkScalar(ev[0], 'eigenvalues', { min: 0, exclusiveMin: true });
  const l2 = checkScalar(ev[1], 'eigenvalues', { min: 0, exclusiveMin: true });
  const angle = checkScalar(options.angle ?? 0, 'angle');
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  // Hessian H = Rᵀ diag(λ₁, λ₂) R, written out.
  const h11 = l1 * c * c + l2 * s * s;
  const h22 = l1 * s * s + l2 * c * c;
  const h12 = (l1 - l2) * c * s;
  return {
    dim: 2,
    name: l1 === l2 ? 'bowl' : 'ill-conditioned bowl',
    minimum: [0, 0],
    domain: [-3, 3, -3, 3],
    loss: (t) => 0.5 * (h11 * t[0] * t[0] + 2 * h12 * t[0] * t[1] + h22 * t[1] * t[1]),
    grad: (t) => Float64Array.of(h11 * t[0] + h12 * t[1], h12 * t[0] + h22 * t[1]),
  };
}

/**
 * Rosenbrock's banana 𝓛(x, y) = (a − x)² + b (y − x²)², minimum at (a, a²).
 * Its curved, flat-bottomed valley is the classic test of momentum and adaptive steps.
 */
export function rosenbrockObjective(a = 1, b = 100): Objective {
  checkScalar(a, 'a');
  checkScalar(b, 'b', { min: 0 });
  return {
    dim: 2,
    name: 'rosenbrock',
    minimum: [a, a * a],
    domain: [-2, 2, -1, 3],
    loss: (t) => (a - t[0]) ** 2 + b * (t[1] - t[0] ** 2) ** 2,
    grad: (t) => Float64Array.of(-2 * (a - t[0]) - 4 * b * t[0] * (t[1] - t[0] ** 2), 2 * b * (t[1] - t[0] ** 2)),
  };
}

/**
 * A saddle 𝓛(x, y) = x² − y² (bounded below by adding ¼y⁴ so that descent has somewhere
 * to go): at the origin ∇𝓛 = 0 but it is no minimum; GD started on the x-axis stalls there.
 */
export function saddleObjective(): Objective {
  return {
    dim: 2,
    name: 'saddle',
    minimum: [0, Math.SQRT2],
    domain: [-2, 2, -2.5, 2.5],
    loss: (t) => t[0] ** 2 - t[1] ** 2 + 0.25 * t[1] ** 4,
    grad: (t) => Float64Array.of(2 * t[0], -2 * t[1] + t[1] ** 3),
  };
}

/**
 * A plateau: 𝓛 = 1 − exp(−(x² + y²)/(2σ²)) with σ = 0.5. Far from the centre the
 * gradient is nearly zero, so plain GD barely moves while adaptive methods escape.
 */
export function plateauObjective(sigma = 0.5): Objective {
  checkScalar(sigma, 'sigma', { min: 0, exclusiveMin: true });
  const s2 = 2 * sigma * sigma;
  return {
    dim: 2,
    name: 'plateau',
    minimum: [0, 0],
    domain: [-3, 3, -3, 3],
    loss: (t) => 1 - Math.exp(-(t[0] ** 2 + t[1] ** 2) / s2),
    grad: (t) => {
      const e = Math.exp(-(t[0] ** 2 + t[1] ** 2) / s2);
      return Float64Array.of((2 * t[0] * e) / s2, (2 * t[1] * e) / s2);
    },
  };
}

/**
 * Several local minima: 𝓛 = 0.1(x² + y²) − cos(2x) cos(2y) + 1. The global minimum is at
 * the origin; the start point decides which basin descent ends in.
 */
export function multiMinimaObjective(): Objective {
  return {
    dim: 2,
    name: 'local minima',
    minimum: [0, 0],
    domain: [-4, 4, -4, 4],
    loss: (t) => 0.1 * (t[0] ** 2 + t[1] ** 2) - Math.cos(2 * t[0]) * Math.cos(2 * t[1]) + 1,
    grad: (t) =>
      Float64Array.of(0.2 * t[0] + 2 * Math.sin(2 * t[0]) * Math.cos(2 * t[1]), 0.2 * t[1] + 2 * Math.cos(2 * t[0]) * Math.sin(2 * t[1])),
  };
}
