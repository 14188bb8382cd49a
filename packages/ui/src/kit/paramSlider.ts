/**
 * Sliders and `defaultValue` checks for estimator hyper-parameters, read from the estimator's
 * declared `paramSpec` (@geolearn/algorithms `core/params`): the range the estimator validates
 * with is the range the slider offers and the range a permalink / attribute may set, so the
 * three can never disagree.
 *
 * ```ts
 * const C_SLIDER = specRange(SVC, 'C', { range: [0.01, 100] });   // { min: 0.01, max: 100, scale: 'log' }
 * <Slider label="Penalty C" {...C_SLIDER} value={C} onChange={setC} />
 * const checks = { C: specField(SVC, 'C', { range: [0.01, 100] }), … };   // for sanitizeDefaultValue
 * ```
 */
import { sliderRange, validateParam, type ParamSpec, type ParamSpecs } from '@geolearn/algorithms';
import type { FieldCheck } from '../hooks/useControllableState';

/** What the helpers need of an estimator class: its name and its declared options. */
export interface SpecSource {
  /** The estimator's name, for messages. */
  readonly estimatorName: string;
  /** The declared options (`static paramSpec`). */
  readonly paramSpec: ParamSpecs;
}

/**
 * A slider that shows another quantity than the option itself, such as the RBF width σ for
 * γ = 1/(2σ²). Both maps must be monotone (increasing or decreasing) on the range.
 */
export interface ParamUnits {
  /** Option value → slider value (γ → σ = 1/√(2γ)). */
  fromParam: (param: number) => number;
  /** Slider value → option value (σ → γ = 1/(2σ²)). */
  toParam: (value: number) => number;
}

/** Options of {@link specRange} and {@link specField}. */
export interface SpecRangeOptions {
  /**
   * A narrower teaching range [min, max] in the slider's units. It must lie inside the spec's
   * range (after `units`); in development and tests a range outside it throws a RangeError,
   * in production it is clamped into the spec's range with one console warning.
   */
  range?: readonly [number, number];
  /** Show the option in other units (see {@link ParamUnits}). */
  units?: ParamUnits;
}

/** The range props of the kit's `<Slider>` for one option: spread them onto the slider. */
export interface SpecSliderRange {
  /** Smallest slider value. */
  min: number;
  /** Largest slider value. */
  max: number;
  /** 'log' when the spec declares `log: true` (C, α, γ), else 'linear'. */
  scale: 'linear' | 'log';
  /** One arrow-key step: 1 for an integer option on a linear scale; absent otherwise. */
  step?: number;
}

const warned = new Set<string>();

/** Development and test builds assert; production degrades gracefully. */
function strict(): boolean {
  const env = (globalThis as { process?: { env?: { NODE_ENV?: string } } }).process?.env?.NODE_ENV;
  return env === 'development' || env === 'test';
}

function numericSpec(Estimator: SpecSource, name: string): ParamSpec {
  const specs = Estimator.paramSpec;
  const spec = Object.prototype.hasOwnProperty.call(specs, name) ? specs[name] : undefined;
  if (!spec) throw new RangeError(`${Estimator.estimatorName} has no option '${name}'`);
  if (spec.type !== 'number' && spec.type !== 'integer') throw new RangeError(`${Estimator.estimatorName}.${name} is not numeric (${spec.type}); a slider cannot set it`);
  return spec;
}

/**
 * The slider range of option `name` of `Estimator`, from `sliderRange(Estimator.paramSpec[name])`
 * (its `uiRange`, else its finite `[min, max]`), optionally narrowed to a teaching `range` and
 * shown in other `units`.
 * @throws RangeError for an unknown or non-numeric option, an option without a bounded range
 *   (add a `uiRange` to its spec), or (development and tests) a teaching range outside the spec's.
 */
// @__NO_SIDE_EFFECTS__: explainers call these at module level (their slider constants); the
// annotation lets a bundler drop an unused call, and with it the estimator class it names, so an
// app importing one explainer does not carry every other explainer's estimators.
/* @__NO_SIDE_EFFECTS__ */
export function specRange(Estimator: SpecSource, name: string, options: SpecRangeOptions = {}): SpecSliderRange {
  const spec = numericSpec(Estimator, name);
  const r = sliderRange(spec);
  if (!r) throw new RangeError(`${Estimator.estimatorName}.${name} has no bounded range; declare a uiRange in its paramSpec`);
  const { units, range } = options;
  // The spec's ends in slider units (a decreasing map such as γ → σ swaps them).
  const a = units ? units.fromParam(r.min) : r.min;
  const b = units ? units.fromParam(r.max) : r.max;
  let min = Math.min(a, b);
  let max = Math.max(a, b);
  if (range) {
    const [lo, hi] = range;
    // A relative tolerance so that σ(γ) round-off at an end does not count as outside.
    const eps = 1e-9 * Math.max(Math.abs(min), Math.abs(max), 1e-300);
    const inside = Number.isFinite(lo) && Number.isFinite(hi) && lo < hi && lo >= min - eps && hi <= max + eps;
    if (inside) {
      min = lo;
      max = hi;
    } else {
      const problem = `${Estimator.estimatorName}.${name}: the teaching range [${lo}, ${hi}] is not inside the spec's range [${min}, ${max}]`;
      if (strict()) throw new RangeError(problem);
      if (!warned.has(problem)) {
        warned.add(problem);
        console.warn(`[@geolearn/ui] ${problem}; clamped.`);
      }
      const cl = Math.max(min, Math.min(max, lo));
      const ch = Math.max(min, Math.min(max, hi));
      if (cl < ch) {
        min = cl;
        max = ch;
      }
    }
  }
  const out: SpecSliderRange = { min, max, scale: r.log && min > 0 ? 'log' : 'linear' };
  if (r.integer && out.scale === 'linear') out.step = 1;
  return out;
}

/**
 * A `fieldCheck` for `sanitizeDefaultValue`: accepts a number within the slider's range
 * ({@link specRange} with the same options) that the estimator itself accepts for `name`
 * (after `units`), so a permalink or attribute can set only what the slider could.
 */
/* @__NO_SIDE_EFFECTS__ */
export function specField(Estimator: SpecSource, name: string, options: SpecRangeOptions = {}): FieldCheck<number> {
  const spec = numericSpec(Estimator, name);
  const { min, max } = specRange(Estimator, name, options);
  const toParam = options.units?.toParam;
  return (v: unknown): v is number => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) return false;
    try {
      validateParam(spec, toParam ? toParam(v) : v, name);
      return true;
    } catch {
      return false;
    }
  };
}
