/**
 * Regression tests for the root causes of issue 17 (reliability) in the estimators, and
 * unit tests of the core pieces that fix them: declared parameters, the JSON decoders,
 * strict inputs, target types, overflow and size guards.
 */
import { describe, expect, it } from 'vitest';
import {
  accuracyScore,
  adjustedRandScore,
  confusionMatrix,
  checkArray,
  checkFiniteResult,
  checkRandomState,
  checkSize,
  checkVector,
  DecisionTreeClassifier,
  f1Score,
  LinearRegression,
  LinearSVC,
  LogisticRegression,
  meanSquaredError,
  paramsToJSON,
  PolynomialFeatures,
  r2Score,
  RandomForestClassifier,
  RandomState,
  readFiniteArray,
  readMatrix,
  resolveParams,
  decodeParams,
  Ridge,
  sliderRange,
  SGDRegressor,
  silhouetteScore,
  StandardScaler,
  SVC,
  trainTestSplit,
  typeOfTarget,
  ValidationError,
  makePipeline,
  type ParamSpecs,
} from '../../src';

function problem(f: () => unknown): { problem: string; argument: string; message: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof ValidationError) return { problem: e.problem, argument: e.argument, message: e.message };
    throw e;
  }
  throw new Error('expected a ValidationError');
}

const X = [[0, 1], [1, 0], [2, 2], [3, 1], [4, 3], [5, 2], [1, 4], [2, 5]];
const yc = [0, 0, 1, 1, 1, 1, 0, 0];
const yr = X.map(([a, b]) => 2 * a - b + 1);

describe('1. fromJSON validates every field', () => {
  it('a document without coef is a ValidationError naming json.coef, not a TypeError', () => {
    const p = problem(() => LinearRegression.fromJSON({ estimator: 'LinearRegression', options: {} }));
    expect(p.argument).toBe('json');
    expect(p.problem).toBe('missing-value');
    expect(p.message).toContain('json.coef');
  });

  it('a tree whose node 0 points at itself is rejected (predict would loop forever)', () => {
    const doc = JSON.parse(JSON.stringify(new DecisionTreeClassifier().fit(X, yc).toJSON()));
    doc.nodes.left[0] = 0;
    const p = problem(() => DecisionTreeClassifier.fromJSON(doc).predict([[0, 0]]));
    expect(p.message).toContain('json.nodes.left[0]');
    const forest = JSON.parse(JSON.stringify(new RandomForestClassifier({ nEstimators: 2 }).fit(X, yc).toJSON()));
    forest.estimators[1].nodes.right[0] = 0;
    expect(problem(() => RandomForestClassifier.fromJSON(forest)).message).toContain('json.estimators[1].nodes.right[0]');
  });

  it('a string intercept is rejected, naming json.intercept[0] (not rows of NaN)', () => {
    const m = new LogisticRegression().fit(X, yc);
    const p = problem(() => LogisticRegression.fromJSON({ ...m.toJSON(), intercept: ['x'] }).predictProba(X));
    expect(p.message).toContain('json.intercept[0]');
    expect(p.problem).toBe('wrong-type');
  });

  it('shapes are cross-checked (SVC nSupport against support vectors; scaler lengths)', () => {
    const svc = JSON.parse(JSON.stringify(new SVC().fit(X, yc).toJSON()));
    svc.nSupport[0] += 1;
    expect(problem(() => SVC.fromJSON(svc)).message).toContain('json.supportVectors');
    const s = JSON.parse(JSON.stringify(new StandardScaler().fit(X).toJSON()));
    s.scale = [1];
    expect(problem(() => StandardScaler.fromJSON(s)).problem).toBe('length-mismatch');
    s.scale = [1, 0];
    expect(problem(() => StandardScaler.fromJSON(s)).problem).toBe('out-of-range');
  });

  it('the decoders name the exact field', () => {
    expect(problem(() => readMatrix([[1, 2], [3, 'x']], 'json.coef')).message).toBe('json: json.coef[1][1] is a string "x"; expected a number');
    expect(problem(() => readMatrix([[1, 2], [3]], 'json.coef')).problem).toBe('length-mismatch');
    expect(problem(() => readFiniteArray([1, NaN], 'json.a')).problem).toBe('not-finite');
    expect(problem(() => readFiniteArray(new Array(2 ** 25), 'json.a')).problem).toBe('too-large');
  });
});

describe('2. strict inputs: nothing is coerced', () => {
  it('null is a missing value, never 0', () => {
    const p = problem(() => new LinearRegression().fit([[1, null as unknown as number], [2, 1], [3, 4]], [1, 2, 3]));
    expect(p).toMatchObject({ problem: 'missing-value', argument: 'X' });
    expect(p.message).toContain('[0][1]');
  });

  it.each([
    [true, 'not-a-number'],
    ['7', 'not-a-number'],
    ['', 'not-a-number'],
    [[5], 'too-many-dimensions'],
    [undefined, 'missing-value'],
    [NaN, 'not-finite'],
  ])('a cell %j is %s', (v, code) => {
    expect(problem(() => checkArray([[1, 2], [3, v as number]])).problem).toBe(code);
    expect(problem(() => checkVector([1, v as number])).problem).toBe(code);
  });

  it('a 3-D n×d×1 array is not read as 2-D; typed arrays are fine', () => {
    expect(problem(() => checkArray([[[1], [2]], [[3], [4]]] as never)).problem).toBe('too-many-dimensions');
    expect(checkArray([Float32Array.of(1, 2), Float64Array.of(3, 4)]).data).toEqual(Float64Array.of(1, 2, 3, 4));
  });
});

describe('3. classifiers and classification metrics reject continuous targets', () => {
  const cont = X.map((_, i) => 0.1 + i * 0.37);
  it.each([
    ['LogisticRegression', () => new LogisticRegression()],
    ['SVC', () => new SVC()],
    ['LinearSVC', () => new LinearSVC()],
    ['DecisionTreeClassifier', () => new DecisionTreeClassifier()],
    ['RandomForestClassifier', () => new RandomForestClassifier({ nEstimators: 2 })],
  ])('%s', (_, make) => {
    const p = problem(() => make().fit(X, cont));
    expect(p).toMatchObject({ problem: 'bad-label-type', argument: 'y' });
    expect(p.message).toContain('Unknown label type: continuous');
  });

  it('accuracy, F1 and stratified splits reject float labels', () => {
    expect(problem(() => accuracyScore([0.5, 1], [0, 1])).problem).toBe('bad-label-type');
    expect(problem(() => f1Score([0, 1], [0, 1.5])).argument).toBe('yPred');
    expect(problem(() => trainTestSplit(X, cont, { stratify: true })).problem).toBe('bad-label-type');
  });

  it('typeOfTarget follows scikit-learn', () => {
    expect(typeOfTarget([0, 1, 1])).toBe('binary');
    expect(typeOfTarget([1, 2, 3])).toBe('multiclass');
    expect(typeOfTarget([1.0, 2.0])).toBe('binary');
    expect(typeOfTarget([0.1, 0.5])).toBe('continuous');
    expect(typeOfTarget([[0, 1], [1, 0]])).toBe('multilabel-indicator');
    expect(typeOfTarget([[0, 2], [1, 0]])).toBe('multiclass-multioutput');
    expect(typeOfTarget([[0.5, 2], [1, 0]])).toBe('continuous-multioutput');
    expect(typeOfTarget([[1], [0.5]])).toBe('continuous');
    expect(typeOfTarget(['a', 'b'])).toBe('unknown');
    expect(typeOfTarget([])).toBe('unknown');
    expect(typeOfTarget(null)).toBe('unknown');
  });
});

describe('4. overflow is reported, never returned', () => {
  const big = (s: number) => X.map((r) => r.map((v) => (v + 1) * s));
  it('linear models, SVC, PolynomialFeatures, scaler', () => {
    expect(problem(() => new LinearRegression().fit(big(1e200), yr).predict(big(1e200))).problem).toBe('overflow');
    expect(problem(() => new Ridge().fit(big(1e160), yr)).problem).toBe('overflow');
    expect(problem(() => new SVC({ kernel: 'poly' }).fit(X, yc).decisionFunction(big(1e120))).problem).toBe('overflow');
    expect(problem(() => new PolynomialFeatures({ degree: 3 }).fitTransform(big(1e154))).problem).toBe('overflow');
    expect(problem(() => new StandardScaler().fit(big(1e300))).problem).toBe('overflow');
  });

  it('MSE, R² and silhouette', () => {
    expect(problem(() => meanSquaredError([1e200, 0], [0, 1e200])).problem).toBe('overflow');
    expect(problem(() => r2Score([1e200, -1e200, 0], [0, 1, 2])).problem).toBe('overflow');
    expect(problem(() => silhouetteScore(big(1e200), yc)).problem).toBe('overflow');
    expect(problem(() => checkFiniteResult([[1, Infinity]], 'test')).message).toContain('standardise');
  });
});

describe('5. size guards', () => {
  it('PolynomialFeatures of degree 30 on 12 features throws too-large before allocating', () => {
    const row = Array.from({ length: 12 }, (_, j) => j / 10);
    const p = problem(() => new PolynomialFeatures({ degree: 30 }).fitTransform([row]));
    expect(p).toMatchObject({ problem: 'too-large', argument: 'degree' });
    expect(p.message).toMatch(/would need [0-9.]+e\+\d+ output columns/);
    expect(problem(() => PolynomialFeatures.fromJSON({ estimator: 'PolynomialFeatures', options: { degree: 30 }, nFeaturesIn: 12 })).argument).toBe('json');
  });

  it('confusion matrices and contingency tables of too many distinct labels throw too-large', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => i);
    expect(problem(() => confusionMatrix(many, many))).toMatchObject({ problem: 'too-large', argument: 'labels' });
    expect(problem(() => adjustedRandScore(many, [...many].reverse())).problem).toBe('too-large');
  });

  it('checkSize names the size it would need', () => {
    expect(problem(() => checkSize('nSamples', 1e9, 1e6, 'samples')).message).toBe('nSamples: would need 1.00e+9 samples, above the limit of 1,000,000');
    expect(problem(() => checkSize('n', NaN)).problem).toBe('too-large');
    expect(() => checkSize('n', 10, 10)).not.toThrow();
  });
});

describe('6. declared options', () => {
  it('an explicit undefined keeps the default', () => {
    expect(new Ridge({ alpha: undefined }).options.alpha).toBe(1);
    expect(new SGDRegressor({ learningRate: undefined }).getParams().learningRate).toBe('invscaling');
  });

  it.each([NaN, 'abc', 1e300, -1, 0.5, Infinity])('randomState %s is rejected, in options and in checkRandomState', (v) => {
    expect(problem(() => new SGDRegressor({ randomState: v as number })).argument).toBe('randomState');
    expect(problem(() => checkRandomState(v as number)).argument).toBe('randomState');
  });

  it('unknown options are rejected (constructors) or dropped (documents)', () => {
    expect(problem(() => new Ridge({ alhpa: 2 } as never))).toMatchObject({ problem: 'bad-option', argument: 'alhpa' });
    const spec: ParamSpecs = { a: { type: 'number', default: 1, min: 0, doc: 'a' } };
    expect(resolveParams(spec, { a: 2, b: 3 }, 'T', { unknown: 'drop' })).toEqual({ a: 2 });
    expect(Object.isFrozen(resolveParams(spec, {}, 'T'))).toBe(true);
  });

  it('decodeParams (permalinks, attributes) never throws: bad fields fall back to defaults and are listed', () => {
    const parsed = JSON.parse('{"C": "big", "maxIter": 50, "__proto__": {"polluted": 1}, "zzz": 1}');
    const { params, rejected } = decodeParams<{ C: number; maxIter: number }>(LogisticRegression.paramSpec, parsed);
    expect(params).toMatchObject({ C: 1, maxIter: 50 });
    expect(rejected.map((r) => r.key).sort()).toEqual(['C', '__proto__', 'zzz']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(decodeParams(Ridge.paramSpec, 'junk').params).toEqual({ alpha: 1, fitIntercept: true });
  });

  it('getParams, setParams (validated, resets the fit), clone(overrides), paramsToJSON', () => {
    const m = new LogisticRegression({ C: 2 }).fit(X, yc);
    expect(m.getParams().C).toBe(2);
    expect(problem(() => m.setParams({ C: -1 })).argument).toBe('C');
    expect(m.isFitted).toBe(true);
    m.setParams({ C: 3, tol: undefined });
    expect(m.options.C).toBe(3);
    expect(m.options.tol).toBe(1e-4);
    expect(m.isFitted).toBe(false);
    const c = m.clone({ maxIter: 7 });
    expect(c.options).toMatchObject({ C: 3, maxIter: 7 });
    const sgd = new SGDRegressor({ randomState: new RandomState(3) });
    expect(paramsToJSON(SGDRegressor.paramSpec, sgd.options)).not.toHaveProperty('randomState');
    expect(SGDRegressor.paramSpec.eta0).toMatchObject({ type: 'number', log: true, exclusiveMin: true });
    expect(sliderRange(Ridge.paramSpec.alpha)).toEqual({ min: 1e-4, max: 1e4, log: true, integer: false });
    expect(sliderRange(SGDRegressor.paramSpec.l1Ratio)).toEqual({ min: 0, max: 1, log: false, integer: false });
    expect(sliderRange(SGDRegressor.paramSpec.shuffle)).toBeNull();
  });

  it('Pipeline exposes its steps’ params and clones them', () => {
    const p = makePipeline(new PolynomialFeatures({ degree: 3 }), new StandardScaler(), new Ridge({ alpha: 2 })).fit(X, yr);
    expect(p.getParams().steps.map((s) => s.name)).toEqual(['PolynomialFeatures', 'StandardScaler', 'Ridge']);
    expect(p.getParams().steps[2].params).toMatchObject({ alpha: 2 });
    const c = p.clone();
    expect(problem(() => c.predict(X)).problem).toBe('not-fitted');
    expect(c.fit(X, yr).predict(X)).toEqual(p.predict(X));
  });
});
