import { NotFittedError } from '../core/errors';
import type { MatrixLike, VectorLike } from '../core/matrix';
import { checkArray, checkFeatureCount, checkXy } from '../core/validation';
import { linearPredict, r2 } from './_shared';

/**
 * What every linear regressor shares once fitted: ŷ = Xθ + b, its R² score and the
 * not-fitted guard. Subclasses fit and set `fitted`; they add their own attributes.
 */
export abstract class LinearRegressorBase<F extends { coef: number[]; intercept: number }> {
  /** The fitted state, null before fit. */
  protected fitted: F | null = null;
  /** The scikit-learn class name, for messages and JSON. */
  protected abstract readonly estimatorName: string;

  /** The fitted state, or a NotFittedError naming the estimator. */
  protected get model(): F {
    if (!this.fitted) throw new NotFittedError(this.estimatorName);
    return this.fitted;
  }

  /** θ, one weight per feature. */
  get coef(): number[] {
    return this.model.coef;
  }

  /** b. */
  get intercept(): number {
    return this.model.intercept;
  }

  /** Number of features seen in fit. */
  get nFeaturesIn(): number {
    return this.model.coef.length;
  }

  /** ŷ = Xθ + b. */
  predict(X: MatrixLike): number[] {
    const A = checkArray(X);
    checkFeatureCount(A, this.nFeaturesIn);
    return linearPredict(A, this.coef, this.intercept);
  }

  /** The coefficient of determination R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)², as scikit-learn's score. */
  score(X: MatrixLike, y: VectorLike): number {
    const { y: t } = checkXy(X, y);
    return r2(t, this.predict(X));
  }
}
