/**
 * The estimator base classes, after scikit-learn's `BaseEstimator`, `ClassifierMixin`,
 * `RegressorMixin` and `TransformerMixin`. A subclass declares its options once
 * (`static paramSpec`) and its name (`static estimatorName`); the base gives it validated
 * options, `getParams`/`setParams`/`clone`, the not-fitted guard, the JSON header and the
 * shared `score`.
 */
import { NotFittedError, ValidationError } from './errors';
import type { MatrixLike, VectorLike } from './matrix';
import { readObject, type JsonObject, jsonError } from './json';
import { checkClassificationTargets, checkVector, describeValue } from './validation';
import { paramsToJSON, resolveParams, type ParamSpecs } from './params';
import { accuracyScore } from '../metrics/classification';
import { r2Score } from '../metrics/regression';

/** What the base needs from an estimator's constructor: its name and its parameter spec. */
export interface EstimatorClass<E = unknown> {
  new (options?: never): E;
  /** The scikit-learn class name, written by toJSON and used in messages. */
  readonly estimatorName: string;
  /** The declared options. */
  readonly paramSpec: ParamSpecs;
}

/** The part of every `toJSON()` document that the base writes. */
export interface EstimatorJSONHeader {
  estimator: string;
  options: Record<string, unknown>;
}

/**
 * The base of every GeoLearn estimator.
 * @typeParam O the options interface (all optional).
 * @typeParam F the fitted state (null before fit).
 */
export abstract class BaseEstimator<O extends object, F = unknown> {
  /** The scikit-learn class name; every subclass overrides it. */
  static readonly estimatorName: string = 'BaseEstimator';
  /** The declared options; every subclass overrides it. The UI reads slider ranges from it. */
  static readonly paramSpec: ParamSpecs = {};

  private params: Readonly<Required<O>>;
  /** The fitted state, null before fit. */
  protected fitted: F | null = null;

  /** @throws ValidationError naming a bad or unknown option. */
  constructor(options?: O) {
    const cls = new.target as unknown as EstimatorClass;
    this.params = resolveParams<Required<O>>(cls.paramSpec, options, cls.estimatorName);
  }

  /** The class's declaration of its options. */
  get paramSpec(): ParamSpecs {
    return (this.constructor as unknown as EstimatorClass).paramSpec;
  }

  /** The scikit-learn class name. */
  get estimatorName(): string {
    return (this.constructor as unknown as EstimatorClass).estimatorName;
  }

  /** The options, with the defaults filled in (frozen; change them with {@link setParams}). */
  get options(): Readonly<Required<O>> {
    return this.params;
  }

  /** A copy of the options, as scikit-learn's get_params. */
  getParams(): Required<O> {
    return { ...this.params };
  }

  /**
   * Changes some options, validated as in the constructor (entries that are `undefined`
   * are ignored). The model is reset to unfitted, since its fitted state belonged to the
   * old options; call fit again.
   */
  setParams(params: Partial<O>): this {
    const given = readParamsObject(params, this.estimatorName);
    const merged: Record<string, unknown> = { ...this.params };
    for (const k of Object.keys(given)) if (given[k] !== undefined) merged[k] = given[k];
    const cls = this.constructor as unknown as EstimatorClass;
    // Unknown keys are rejected by name before merging hides them.
    resolveParams(cls.paramSpec, given, cls.estimatorName);
    this.params = resolveParams<Required<O>>(cls.paramSpec, merged, cls.estimatorName);
    this.fitted = null;
    return this;
  }

  /**
   * A new unfitted estimator with the same options, some replaced by `overrides`
   * (scikit-learn's clone); an explicit `undefined` override resets that option to its
   * default. A RandomState instance is shared, not copied: pass a seed for independent clones.
   */
  clone(overrides: Partial<O> = {}): this {
    const Ctor = this.constructor as new (o: object) => this;
    const given = readParamsObject(overrides, this.estimatorName);
    const merged: Record<string, unknown> = { ...this.params };
    for (const k of Object.keys(given)) merged[k] = given[k];
    return new Ctor(merged);
  }

  /** Whether fit has been called (and setParams has not reset it since). */
  get isFitted(): boolean {
    return this.fitted !== null;
  }

  /** The fitted state, or a NotFittedError naming the estimator. */
  protected get model(): F {
    if (this.fitted === null) throw new NotFittedError(this.estimatorName);
    return this.fitted;
  }

  /** `{ estimator, options }`, the start of every toJSON document (a RandomState instance is left out). */
  protected jsonHeader(): EstimatorJSONHeader {
    return { estimator: this.estimatorName, options: paramsToJSON(this.paramSpec, this.params) };
  }
}

function readParamsObject(p: unknown, name: string): Record<string, unknown> {
  if (p === undefined) return {};
  if (typeof p !== 'object' || p === null || Array.isArray(p)) throw new ValidationError('options', 'bad-option', `${name} options must be an object`);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(p)) out[k] = (p as Record<string, unknown>)[k];
  return out;
}

/**
 * Reads the header of a `toJSON` document: checks that it is an object whose `estimator`
 * is one of `names` (default: the class's name), decodes `options` against the class's
 * spec (unknown keys dropped, each value validated) and returns the document (own keys
 * only) with a new unfitted estimator. The caller then reads the fitted fields with the
 * decoders of `core/json` and sets `fitted`.
 * @throws ValidationError('json', …) naming the bad field (`json.options.C …`).
 */
export function readEstimatorJSON<E>(
  json: unknown,
  Cls: EstimatorClass<E>,
  names: readonly string[] = [Cls.estimatorName],
  path = 'json',
): { doc: JsonObject; model: E; estimator: string } {
  const doc = readObject(json, path);
  const estimator = doc.estimator;
  if (typeof estimator !== 'string' || !names.includes(estimator)) {
    throw jsonError(`${path}.estimator`, estimator === undefined ? 'missing-value' : 'bad-option', `is ${describeValue(estimator)}; not a ${names.join(' or ')} model`);
  }
  const opts = readObject(doc.options, `${path}.options`);
  let options: object;
  try {
    options = resolveParams(Cls.paramSpec, { ...opts }, Cls.estimatorName, { unknown: 'drop' });
  } catch (e) {
    if (e instanceof ValidationError) throw jsonError(`${path}.options.${e.argument}`, e.problem, e.detail);
    throw e;
  }
  return { doc, model: new Cls(options as never), estimator };
}

/**
 * Classifiers: `predict` gives class labels; `score` is the mean accuracy, as scikit-learn's
 * ClassifierMixin.
 */
export abstract class ClassifierBase<O extends object, F extends { classes: number[] }> extends BaseEstimator<O, F> {
  /** The class of each sample. */
  abstract predict(X: MatrixLike): number[];

  /** Mean accuracy of `predict(X)` against y, as scikit-learn's score. */
  score(X: MatrixLike, y: VectorLike): number {
    const p = this.predict(X);
    return accuracyScore(checkClassificationTargets(y, p.length), p);
  }

  /** The class labels, sorted. */
  get classes(): number[] {
    return this.model.classes;
  }
}

/** Regressors: `score` is R² of `predict(X)`, as scikit-learn's RegressorMixin. */
export abstract class RegressorBase<O extends object, F> extends BaseEstimator<O, F> {
  /** ŷ for each sample. */
  abstract predict(X: MatrixLike): number[];

  /** The coefficient of determination R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)² (see {@link r2Score}). */
  score(X: MatrixLike, y: VectorLike): number {
    const p = this.predict(X);
    return r2Score(checkVector(y, { length: p.length }), p);
  }
}

/** Transformers: `fitTransform` is fit then transform, as scikit-learn's TransformerMixin. */
export abstract class TransformerBase<O extends object, F> extends BaseEstimator<O, F> {
  abstract fit(X: MatrixLike, y?: VectorLike): this;
  abstract transform(X: MatrixLike): number[][];

  /** fit then transform. */
  fitTransform(X: MatrixLike, y?: VectorLike): number[][] {
    return this.fit(X, y).transform(X);
  }
}
