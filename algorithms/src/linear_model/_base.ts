import type { MatrixLike } from '../core/matrix';
import { RegressorBase } from '../core/base';
import { readArray, readNumber, type JsonObject } from '../core/json';
import { checkArray, checkFeatureCount, checkFiniteResult } from '../core/validation';
import { linearPredict } from './_shared';

/** The fitted state every linear regressor has. */
export interface LinearFitted {
  coef: number[];
  intercept: number;
}

/**
 * What every linear regressor shares once fitted: ŷ = Xθ + b, its R² score (from
 * {@link RegressorBase}), the not-fitted guard and the overflow check of the result.
 * Subclasses fit and set `fitted`; they add their own attributes.
 */
export abstract class LinearRegressorBase<O extends object, F extends LinearFitted> extends RegressorBase<O, F> {
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

  /** ŷ = Xθ + b. @throws ValidationError('X', 'overflow') when ŷ overflows. */
  predict(X: MatrixLike): number[] {
    const A = checkArray(X);
    checkFeatureCount(A, this.nFeaturesIn);
    const p = linearPredict(A, this.coef, this.intercept);
    checkFiniteResult(p, `${this.estimatorName}.predict`);
    return p;
  }

  /** Checks a fit's θ and b before storing them: finite inputs can still overflow. */
  protected checkFit(coef: ArrayLike<number>, intercept: number): void {
    checkFiniteResult(coef, `${this.estimatorName} coefficients`);
    checkFiniteResult(intercept, `${this.estimatorName} intercept`);
  }
}

/** Reads `coef` (at least one finite weight) and `intercept` from a linear model's JSON document. */
export function readLinearJSON(doc: JsonObject): LinearFitted {
  const coef = readArray(doc.coef, 'json.coef', (v, p) => readNumber(v, p), { minLength: 1 });
  return { coef, intercept: readNumber(doc.intercept, 'json.intercept') };
}
