import { ValidationError } from '../core/errors';
import type { MatrixLike, VectorLike } from '../core/matrix';

/** A step that learns from X and then rewrites it (PolynomialFeatures, StandardScaler, …). */
export interface Transformer {
  fit(X: MatrixLike, y?: VectorLike): unknown;
  transform(X: MatrixLike): number[][];
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
    transformers.forEach((t, k) => {
      if (!t || typeof t.fit !== 'function' || typeof t.transform !== 'function') throw new ValidationError('steps', 'bad-option', `step ${k} must have fit(X) and transform(X)`);
    });
    this.transformers = [...transformers];
    this.estimator = estimator;
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
