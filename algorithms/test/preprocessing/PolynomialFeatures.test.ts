import { describe, expect, it } from 'vitest';
import { NotFittedError, ValidationError } from '../../src/core/errors';
import { LinearRegression, Ridge } from '../../src/linear_model';
import { PolynomialFeatures, StandardScaler, makePipeline } from '../../src/preprocessing';

describe('PolynomialFeatures', () => {
  it('hand-worked: scikit-learn’s column order for two features, degree 2', () => {
    // (a, b) ↦ (1, a, b, a², ab, b²): for (2, 3) that is (1, 2, 3, 4, 6, 9).
    // The same example as scikit-learn's documentation of PolynomialFeatures.
    const p = new PolynomialFeatures({ degree: 2 });
    expect(p.fitTransform([[0, 1], [2, 3], [4, 5]])).toEqual([
      [1, 0, 1, 0, 0, 1],
      [1, 2, 3, 4, 6, 9],
      [1, 4, 5, 16, 20, 25],
    ]);
    expect(p.getFeatureNamesOut()).toEqual(['1', 'x0', 'x1', 'x0^2', 'x0 x1', 'x1^2']);
    expect(p.powers).toEqual([[0, 0], [1, 0], [0, 1], [2, 0], [1, 1], [0, 2]]);
  });

  it('interactionOnly, includeBias, degree 3 and a [min, max] degree range', () => {
    expect(new PolynomialFeatures({ interactionOnly: true }).fitTransform([[0, 1], [2, 3], [4, 5]])).toEqual([
      [1, 0, 1, 0],
      [1, 2, 3, 6],
      [1, 4, 5, 20],
    ]);
    // Degree 3 on (a, b): 1, a, b, a², ab, b², a³, a²b, ab², b³.
    const p3 = new PolynomialFeatures({ degree: 3, includeBias: false }).fit([[2, 3]]);
    expect(p3.transform([[2, 3]])).toEqual([[2, 3, 4, 6, 9, 8, 12, 18, 27]]);
    expect(p3.getFeatureNamesOut(['a', 'b'])).toEqual(['a', 'b', 'a^2', 'a b', 'b^2', 'a^3', 'a^2 b', 'a b^2', 'b^3']);
    // Three features, interactions only, degree 3: 1, x0, x1, x2, x0x1, x0x2, x1x2, x0x1x2.
    expect(new PolynomialFeatures({ degree: 3, interactionOnly: true }).fitTransform([[2, 3, 5]])).toEqual([[1, 2, 3, 5, 6, 10, 15, 30]]);
    expect(new PolynomialFeatures({ degree: [2, 3], includeBias: false }).fitTransform([[2]])).toEqual([[4, 8]]);
    expect(new PolynomialFeatures({ degree: 4 }).fit([[1, 1, 1]]).nOutputFeatures).toBe(35); // C(3 + 4, 4)
  });

  it('turns LinearRegression into an exact polynomial fit', () => {
    const x = [-2, -1, 0, 1, 2, 3];
    const y = x.map((v) => 1 - 2 * v + 0.5 * v * v);
    const m = makePipeline(new PolynomialFeatures({ degree: 2, includeBias: false }), new LinearRegression()).fit(x.map((v) => [v]), y);
    expect(m.estimator.coef[0]).toBeCloseTo(-2, 10);
    expect(m.estimator.coef[1]).toBeCloseTo(0.5, 10);
    expect(m.predict([[4]])[0]).toBeCloseTo(1 - 8 + 8, 10);
    const piped = makePipeline(new PolynomialFeatures({ degree: 3 }), new StandardScaler(), new Ridge({ alpha: 1e-3 })).fit(x.map((v) => [v]), y);
    expect(piped.score(x.map((v) => [v]), y)).toBeGreaterThan(0.999);
  });

  it('round-trips through JSON', () => {
    const p = new PolynomialFeatures({ degree: 3, interactionOnly: true }).fit([[1, 2, 3]]);
    expect(PolynomialFeatures.fromJSON(JSON.parse(JSON.stringify(p))).transform([[2, 3, 4]])).toEqual(p.transform([[2, 3, 4]]));
  });

  it('rejects bad input with a ValidationError', () => {
    expect(() => new PolynomialFeatures({ degree: -1 }).fit([[1]])).toThrow(ValidationError);
    expect(() => new PolynomialFeatures({ degree: 1.5 }).fit([[1]])).toThrow(ValidationError);
    expect(() => new PolynomialFeatures({ degree: [3, 2] }).fit([[1]])).toThrow(ValidationError);
    expect(() => new PolynomialFeatures({ degree: 0, includeBias: false }).fit([[1]])).toThrow(ValidationError);
    expect(() => new PolynomialFeatures().fit([[NaN]])).toThrow(/finite/);
    expect(() => new PolynomialFeatures().fit([[1, 2], [1]])).toThrow(/ragged/);
    expect(() => new PolynomialFeatures().fit([])).toThrow(ValidationError);
    expect(() => new PolynomialFeatures().fit([[1, 2]]).transform([[1]])).toThrow(/features/);
    expect(() => new PolynomialFeatures().transform([[1]])).toThrow(NotFittedError);
  });
});
