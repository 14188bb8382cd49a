/**
 * Declared estimator parameters, as scikit-learn's `_parameter_constraints`: each estimator
 * lists its options once (type, range, default, doc) in a `static paramSpec`, and that one
 * declaration
 * - resolves the options given to the constructor (an explicit `undefined` keeps the default),
 * - validates them, throwing a {@link ValidationError} that names the option,
 * - rejects unknown option names (a typo such as `{ alhpa: 1 }` is an error, not a no-op),
 * - tells a UI the slider range (`min`, `max`, `log`) and a permalink decoder what to accept.
 */
import { ValidationError } from './errors';
import { RandomState, validateRandomState } from './random';
import { describeValue } from './validation';

interface ParamCommon {
  /** One line for tooltips and docs. */
  readonly doc: string;
}

/** A real-valued option, optionally also accepting keywords ('scale') or null. */
export interface NumberParam extends ParamCommon {
  readonly type: 'number' | 'integer';
  /** The default: a number, one of `keywords`, or null when `nullable`. */
  readonly default: number | string | null;
  /** Smallest value allowed (inclusive unless `exclusiveMin`). */
  readonly min?: number;
  /** Largest value allowed (inclusive unless `exclusiveMax`). */
  readonly max?: number;
  /** Whether `min` itself is excluded (e.g. C > 0). */
  readonly exclusiveMin?: boolean;
  /** Whether `max` itself is excluded. */
  readonly exclusiveMax?: boolean;
  /** Strings accepted besides numbers ('scale', 'auto', 'sqrt'). */
  readonly keywords?: readonly string[];
  /** Whether null is accepted (maxDepth: null = unlimited). */
  readonly nullable?: boolean;
  /** Whether a UI slider for it should be logarithmic (C, alpha, tol). */
  readonly log?: boolean;
  /** Suggested slider range for a UI when min/max are open-ended. */
  readonly uiRange?: readonly [number, number];
  /** An extra rule, run after the checks above; throws a ValidationError. */
  readonly check?: (value: number | string | null, name: string) => void;
}

/** A true/false option. */
export interface BooleanParam extends ParamCommon {
  readonly type: 'boolean';
  readonly default: boolean;
}

/** One of a fixed list of values (strings, or null for "none"). */
export interface EnumParam extends ParamCommon {
  readonly type: 'enum';
  readonly values: readonly (string | null)[];
  readonly default: string | null;
}

/**
 * A seed: a non-negative safe integer, a {@link RandomState} to share, or undefined/null
 * (the default seed). NaN, strings, negative, fractional and huge values (1e300) are rejected.
 */
export interface RandomStateParam extends ParamCommon {
  readonly type: 'randomState';
  readonly default: number | undefined;
}

/** Anything else, validated by its own function (e.g. PolynomialFeatures' degree or [min, max]). */
export interface CustomParam extends ParamCommon {
  readonly type: 'custom';
  readonly default: unknown;
  /** Returns the validated value or throws a ValidationError naming `name`. */
  readonly check: (value: unknown, name: string) => unknown;
}

/** The declaration of one option. */
export type ParamSpec = NumberParam | BooleanParam | EnumParam | RandomStateParam | CustomParam;

/** The declarations of all of an estimator's options, by option name. */
export type ParamSpecs = Readonly<Record<string, ParamSpec>>;

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

const shown = describeValue;

/** Validates a seed option (see {@link RandomStateParam}). */
export function checkRandomStateParam(value: unknown, name = 'randomState'): number | RandomState | undefined {
  return validateRandomState(value, name);
}

/** Validates one value against its declaration and returns it. `undefined` is not handled here. */
export function validateParam(spec: ParamSpec, value: unknown, name: string): unknown {
  switch (spec.type) {
    case 'boolean':
      if (typeof value !== 'boolean') throw new ValidationError(name, 'bad-option', `must be true or false, got ${shown(value)}`);
      return value;
    case 'enum':
      if (!spec.values.includes(value as string | null)) {
        throw new ValidationError(name, 'bad-option', `must be one of ${spec.values.map((v) => (v === null ? 'null' : `'${v}'`)).join(', ')}, got ${shown(value)}`);
      }
      return value;
    case 'randomState':
      return checkRandomStateParam(value, name);
    case 'custom':
      return spec.check(value, name);
    default: {
      if (value === null) {
        if (spec.nullable) return null;
        throw new ValidationError(name, 'missing-value', `must be a number${spec.keywords ? ` or one of ${spec.keywords.map((k) => `'${k}'`).join(', ')}` : ''}, got null`);
      }
      if (typeof value === 'string') {
        if (spec.keywords?.includes(value)) {
          spec.check?.(value, name);
          return value;
        }
        const kw = spec.keywords ? `, or one of ${spec.keywords.map((k) => `'${k}'`).join(', ')}` : '';
        throw new ValidationError(name, spec.keywords ? 'bad-option' : 'not-a-number', `must be a number${kw}, got ${shown(value)}`);
      }
      if (typeof value !== 'number') throw new ValidationError(name, 'not-a-number', `must be a number, got ${shown(value)}`);
      if (!Number.isFinite(value)) throw new ValidationError(name, 'not-finite', `must be a finite number, got ${value}`);
      if (spec.type === 'integer' && !Number.isInteger(value)) throw new ValidationError(name, 'not-integer', `must be an integer, got ${value}`);
      const { min, max } = spec;
      if (min !== undefined && (spec.exclusiveMin ? value <= min : value < min)) throw new ValidationError(name, 'out-of-range', `must be ${spec.exclusiveMin ? '>' : '≥'} ${min}, got ${value}`);
      if (max !== undefined && (spec.exclusiveMax ? value >= max : value > max)) throw new ValidationError(name, 'out-of-range', `must be ${spec.exclusiveMax ? '<' : '≤'} ${max}, got ${value}`);
      spec.check?.(value, name);
      return value;
    }
  }
}

/** Options of {@link resolveParams}. */
export interface ResolveParamsOptions {
  /**
   * What to do with a key the spec does not declare: 'reject' (constructors, as
   * scikit-learn) or 'drop' (JSON documents and permalinks, for forward compatibility).
   * Default 'reject'.
   */
  unknown?: 'reject' | 'drop';
}

/**
 * Resolves an options object against a spec: every declared option gets the given value,
 * validated, or its default when absent or explicitly `undefined`. Only own properties are
 * read and the result is a new frozen plain object built key by key from the spec, so an
 * untrusted `{ "__proto__": … }` can neither pollute it nor sneak a key in.
 * @throws ValidationError naming the option ('bad-option' for an unknown one).
 */
export function resolveParams<T extends object>(spec: ParamSpecs, options: unknown, estimatorName: string, how: ResolveParamsOptions = {}): Readonly<T> {
  if (options === undefined) options = {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ValidationError('options', 'bad-option', `${estimatorName} options must be an object such as { … }, got ${shown(options)}`);
  }
  const given = options as Record<string, unknown>;
  if ((how.unknown ?? 'reject') === 'reject') {
    for (const key of Object.keys(given)) {
      if (!hasOwn(spec, key)) {
        const known = Object.keys(spec);
        throw new ValidationError(key, 'bad-option', `${estimatorName} has no option '${key}'${known.length ? ` (its options: ${known.join(', ')})` : ''}`);
      }
    }
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(spec)) {
    const s = spec[key];
    const v = hasOwn(given, key) ? given[key] : undefined;
    out[key] = v === undefined ? s.default : validateParam(s, v, key);
  }
  return Object.freeze(out) as Readonly<T>;
}

/** The defaults of a spec, as an options object. */
export function paramDefaults<T extends object>(spec: ParamSpecs): Readonly<T> {
  return resolveParams<T>(spec, {}, 'defaults');
}

/**
 * Options as plain JSON: a RandomState instance (not serialisable) is left out, so that
 * the decoded model gets the default seed; everything else is copied as it is.
 */
export function paramsToJSON(spec: ParamSpecs, params: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const p = params as Record<string, unknown>;
  for (const key of Object.keys(spec)) {
    const v = p[key];
    if (v instanceof RandomState || v === undefined) continue;
    out[key] = Array.isArray(v) ? [...v] : v;
  }
  return out;
}

/** A UI control's range for a numeric option (see {@link sliderRange}). */
export interface SliderRange {
  /** Smallest value the control offers. */
  min: number;
  /** Largest value the control offers. */
  max: number;
  /** Whether the control should move on a logarithmic scale. */
  log: boolean;
  /** Whether only integers are valid. */
  integer: boolean;
}

/**
 * The range a slider should offer for a numeric option: its `uiRange` if declared, else
 * its `[min, max]` when both are finite (an exclusive bound nudged inwards); null for
 * options without a bounded range (booleans, enums, open-ended numbers). The UI and the
 * permalink decoders read it from the same declaration the estimator validates with.
 */
export function sliderRange(spec: ParamSpec): SliderRange | null {
  if (spec.type !== 'number' && spec.type !== 'integer') return null;
  const integer = spec.type === 'integer';
  const log = spec.log === true;
  if (spec.uiRange) return { min: spec.uiRange[0], max: spec.uiRange[1], log, integer };
  if (spec.min === undefined || spec.max === undefined) return null;
  const nudge = (v: number, up: boolean) => (integer ? v + (up ? 1 : -1) : up ? v + Math.max(Math.abs(v) * 1e-6, 1e-12) : v - Math.max(Math.abs(v) * 1e-6, 1e-12));
  return { min: spec.exclusiveMin ? nudge(spec.min, true) : spec.min, max: spec.exclusiveMax ? nudge(spec.max, false) : spec.max, log, integer };
}

/** The result of {@link decodeParams}. */
export interface DecodedParams<T> {
  /** Every declared option: the valid given value, else the default. */
  params: Readonly<T>;
  /** The given fields that were dropped: unknown keys and invalid values, with why. */
  rejected: { key: string; reason: string }[];
}

/**
 * Decodes untrusted options (a permalink, a custom-element attribute) against a spec
 * without throwing: unknown keys are dropped and an invalid value falls back to its
 * default, each listed in `rejected` so that the caller can warn once. Only own
 * properties are read; the result is a new frozen plain object (no prototype pollution).
 */
export function decodeParams<T extends object>(spec: ParamSpecs, untrusted: unknown): DecodedParams<T> {
  const rejected: { key: string; reason: string }[] = [];
  const given = typeof untrusted === 'object' && untrusted !== null && !Array.isArray(untrusted) ? (untrusted as Record<string, unknown>) : {};
  if (given !== untrusted && untrusted !== undefined) rejected.push({ key: '', reason: `expected an object, got ${describeValue(untrusted)}` });
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(given)) if (!hasOwn(spec, key)) rejected.push({ key, reason: 'unknown option' });
  for (const key of Object.keys(spec)) {
    const s = spec[key];
    const v = hasOwn(given, key) ? given[key] : undefined;
    if (v === undefined) {
      out[key] = s.default;
      continue;
    }
    try {
      out[key] = validateParam(s, v, key);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      rejected.push({ key, reason: e.detail });
      out[key] = s.default;
    }
  }
  return { params: Object.freeze(out) as Readonly<T>, rejected };
}
