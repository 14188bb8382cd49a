import { ValidationError } from '../core/errors';
import { jsonError, readArray, readObject } from '../core/json';
import type { MatrixLike, VectorLike } from '../core/matrix';

/** A step that learns from X and then rewrites it (PolynomialFeatures, StandardScaler, …). */
export interface Transformer {
  fit(X: MatrixLike, y?: VectorLike): unknown;
  transform(X: MatrixLike): number[][];
}

/** What getParams and clone of a pipeline use from its steps (GeoLearn estimators have it). */
interface Cloneable {
  estimatorName: string;
  getParams(): object;
  clone(): unknown;
}

/** Rebuilds one step from its JSON document (an estimator's static fromJSON). */
export type StepDecoder = (json: unknown) => Transformer | Predictor;

/** A fitted {@link Pipeline} as plain JSON: each step's own document, in order. */
export interface PipelineJSON {
  estimator: 'Pipeline';
  steps: unknown[];
}

/** A final step that learns X → y and predicts. */
export interface Predictor {
  fit(X: MatrixLike, y: VectorLike): unknown;
  predict(X: MatrixLike): ArrayLike<number>;
  score?(X: MatrixLike, y: VectorLike): number;
  predictProba?(X: MatrixLike): number[][];
  decisionFunction?(X: MatrixLike): number[] | number[][];
}

/**
 * Transformers chained in front of an estimator, as scikit-learn's Pipeline (which lives
 * in sklearn.pipeline; it sits here with the transformers it chains). `fit` fits each
 * transformer on the output of the previous one, then the estimator; `predict` sends new
 * data through the same fitted transformers. So `makePipeline(new PolynomialFeatures({ degree: 5 }),
 * new StandardScaler(), new Ridge({ alpha: 1 }))` is polynomial ridge regression as one estimator,
 * which is what the validation curve over the degree needs.
 */
export class Pipeline<P extends Predictor = Predictor> {
  /** The transformers, in order. */
  readonly transformers: readonly Transformer[];
  /** The final estimator. */
  readonly estimator: P;

  constructor(transformers: readonly Transformer[], estimator: P) {
    if (!estimator || typeof estimator.fit !== 'function' || typeof estimator.predict !== 'function') {
      throw new ValidationError('estimator', 'bad-option', 'the last step must have fit(X, y) and predict(X)');
    }
    if (!Array.isArray(transformers)) throw new ValidationError('steps', 'bad-option', 'the transformers must be an array');
    transformers.forEach((t, k) => {
      if (!t || typeof t.fit !== 'function' || typeof t.transform !== 'function') throw new ValidationError('steps', 'bad-option', `step ${k} must have fit(X) and transform(X)`);
    });
    this.transformers = [...transformers];
    this.estimator = estimator;
  }

  /** The steps, in order (transformers then the estimator). */
  get steps(): readonly (Transformer | P)[] {
    return [...this.transformers, this.estimator];
  }

  /**
   * Each step's name and options (`getParams()` of the steps that have one, as scikit-learn's
   * Pipeline.get_params lists its steps' parameters).
   */
  getParams(): { steps: { name: string; params: Record<string, unknown> }[] } {
    return {
      steps: this.steps.map((st) => {
        const s = st as Partial<Cloneable>;
        return { name: s.estimatorName ?? s.constructor?.name ?? 'step', params: typeof s.getParams === 'function' ? { ...s.getParams() } : {} };
      }),
    };
  }

  /** A new unfitted pipeline of clones of every step (each step needs a `clone()`). */
  clone(): Pipeline<P> {
    const copy = <T>(st: T, k: number): T => {
      const c = (st as Partial<Cloneable>).clone;
      if (typeof c !== 'function') throw new ValidationError('steps', 'bad-option', `step ${k} has no clone()`);
      return c.call(st) as T;
    };
    const ts = this.transformers.map((t, k) => copy(t, k));
    return new Pipeline(ts, copy(this.estimator, ts.length));
  }

  /** The fitted pipeline as plain JSON: `{ estimator: 'Pipeline', steps: [each step's toJSON()] }`. */
  toJSON(): PipelineJSON {
    return {
      estimator: 'Pipeline',
      steps: this.steps.map((st, k) => {
        const f = (st as { toJSON?: () => unknown }).toJSON;
        if (typeof f !== 'function') throw new ValidationError('steps', 'bad-option', `step ${k} has no toJSON()`);
        return f.call(st);
      }),
    };
  }

  /**
   * Rebuilds a fitted pipeline from {@link toJSON}'s output. Each step is decoded by the
   * decoder registered for its `estimator` name (e.g. `{ Ridge: Ridge.fromJSON,
   * StandardScaler: StandardScaler.fromJSON }`), which validates it fully; an error in a
   * step names its path (`json.steps[2].coef[0] …`).
   */
  static fromJSON(json: unknown, decoders: Readonly<Record<string, StepDecoder>>): Pipeline {
    const doc = readObject(json, 'json');
    if (doc.estimator !== 'Pipeline') throw jsonError('json.estimator', doc.estimator === undefined ? 'missing-value' : 'bad-option', 'is not "Pipeline"');
    const steps = readArray(
      doc.steps,
      'json.steps',
      (v, path) => {
        const name = readObject(v, path).estimator;
        const decode = typeof name === 'string' && Object.prototype.hasOwnProperty.call(decoders, name) ? decoders[name] : undefined;
        if (typeof decode !== 'function') throw jsonError(`${path}.estimator`, 'bad-option', `has no decoder (known: ${Object.keys(decoders).join(', ')})`);
        try {
          return decode(v);
        } catch (e) {
          // The step's decoder names its fields from 'json'; name them from the pipeline's root.
          if (e instanceof ValidationError && e.argument === 'json') throw new ValidationError('json', e.problem, e.detail.replace(/^json/, path));
          throw e;
        }
      },
      { minLength: 1, maxLength: 100 },
    );
    const last = steps[steps.length - 1] as Partial<Predictor>;
    if (typeof last.predict !== 'function') throw jsonError(`json.steps[${steps.length - 1}]`, 'bad-option', 'is not a predictor (the last step needs predict)');
    steps.slice(0, -1).forEach((t, k) => {
      if (typeof (t as Partial<Transformer>).transform !== 'function') throw jsonError(`json.steps[${k}]`, 'bad-option', 'is not a transformer');
    });
    return new Pipeline(steps.slice(0, -1) as Transformer[], last as Predictor);
  }

  /** X sent through the fitted transformers. */
  transform(X: MatrixLike): MatrixLike {
    let Xt: MatrixLike = X;
    for (const t of this.transformers) Xt = t.transform(Xt);
    return Xt;
  }

  /** Fits every step in turn and returns this pipeline. */
  fit(X: MatrixLike, y: VectorLike): this {
    let Xt: MatrixLike = X;
    for (const t of this.transformers) {
      t.fit(Xt, y);
      Xt = t.transform(Xt);
    }
    this.estimator.fit(Xt, y);
    return this;
  }

  /** The estimator's prediction on the transformed X. */
  predict(X: MatrixLike): number[] {
    return Array.from(this.estimator.predict(this.transform(X)));
  }

  /** The estimator's score on the transformed X (R² for regressors, accuracy for classifiers). */
  score(X: MatrixLike, y: VectorLike): number {
    if (!this.estimator.score) throw new ValidationError('estimator', 'bad-option', 'the final estimator has no score()');
    return this.estimator.score(this.transform(X), y);
  }

  /** The estimator's class probabilities on the transformed X. */
  predictProba(X: MatrixLike): number[][] {
    if (!this.estimator.predictProba) throw new ValidationError('estimator', 'bad-option', 'the final estimator has no predictProba()');
    return this.estimator.predictProba(this.transform(X));
  }

  /** The estimator's decision function on the transformed X. */
  decisionFunction(X: MatrixLike): number[] | number[][] {
    if (!this.estimator.decisionFunction) throw new ValidationError('estimator', 'bad-option', 'the final estimator has no decisionFunction()');
    return this.estimator.decisionFunction(this.transform(X));
  }
}

/** `makePipeline(t₁, …, tₖ, estimator)`: a {@link Pipeline}, as scikit-learn's make_pipeline. */
export function makePipeline<P extends Predictor>(...steps: [...Transformer[], P]): Pipeline<P> {
  if (steps.length === 0) throw new ValidationError('steps', 'empty', 'a pipeline needs at least a final estimator');
  const estimator = steps[steps.length - 1] as P;
  return new Pipeline(steps.slice(0, -1) as Transformer[], estimator);
}
