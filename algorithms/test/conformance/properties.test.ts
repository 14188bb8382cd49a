/**
 * Property-based tests (fast-check, seeded and bounded): the validators and decoders never
 * throw anything but a ValidationError on arbitrary junk, never pollute a prototype, and the
 * JSON round trip of fitted models is exact.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  accuracyScore,
  adjustedRandScore,
  classificationReport,
  confusionMatrix,
  f1Score,
  fbetaScore,
  hingeLoss,
  learningCurve,
  logLoss,
  meanAbsoluteError,
  meanSquaredError,
  normalizedMutualInfoScore,
  precisionRecallFscoreSupport,
  precisionScore,
  r2Score,
  recallScore,
  silhouetteScore,
  trainTestSplit,
  validationCurve,
  checkArray,
  checkClassificationTargets,
  checkScalar,
  checkVector,
  DecisionTreeClassifier,
  LinearRegression,
  LinearSVC,
  LogisticRegression,
  RandomForestClassifier,
  readClasses,
  readFiniteArray,
  readMatrix,
  readObject,
  resolveParams,
  decodeParams,
  Ridge,
  SGDRegressor,
  StandardScaler,
  SVC,
  typeOfTarget,
  validateRandomState,
  ValidationError,
} from '../../src';
import { summary, tally } from './harness';
import { ElasticNet, Lasso, PolynomialFeatures, type ParamSpec, type ParamSpecs } from '../../src';

// Seeded and bounded: the same 200 cases on every run, and short.
fc.configureGlobal({ seed: 17, numRuns: 200, interruptAfterTimeLimit: 4000 });

/** Calls f; passes if it returns or throws a ValidationError, counting the outcome. */
function onlyValidationErrors(area: string, f: () => unknown): boolean {
  try {
    f();
    tally(area, 'valid');
    return true;
  } catch (e) {
    tally(area, e instanceof ValidationError ? 'typed' : 'crash');
    if (!(e instanceof ValidationError)) throw e;
    return true;
  }
}

/** Arbitrary junk: anything, plus arrays of rows of anything (closer to what validators see). */
const junk = fc.oneof(
  fc.anything({ withTypedArray: true, withSparseArray: true, withBigInt: true, withNullPrototype: true, withBoxedValues: true }),
  fc.array(fc.array(fc.oneof(fc.double(), fc.anything(), fc.constant(null)), { maxLength: 4 }), { maxLength: 5 }),
  fc.array(fc.oneof(fc.double(), fc.integer(), fc.constant(null), fc.string()), { maxLength: 6 }),
  fc.record({ rows: fc.anything(), cols: fc.anything(), data: fc.anything() }),
);

describe('validators on arbitrary junk', () => {
  it('checkArray, checkVector, checkScalar, checkClassificationTargets throw only ValidationError', () => {
    fc.assert(
      fc.property(junk, (v) => {
        onlyValidationErrors('validators', () => checkArray(v as never));
        onlyValidationErrors('validators', () => checkVector(v as never));
        onlyValidationErrors('validators', () => checkScalar(v, 'v', { min: 0 }));
        onlyValidationErrors('validators', () => checkClassificationTargets(v as never, undefined));
        onlyValidationErrors('validators', () => validateRandomState(v));
      }),
    );
  });

  it('typeOfTarget never throws and answers one of its kinds', () => {
    const kinds = ['binary', 'multiclass', 'continuous', 'multilabel-indicator', 'multiclass-multioutput', 'continuous-multioutput', 'unknown'];
    fc.assert(fc.property(junk, (v) => kinds.includes(typeOfTarget(v))));
  });

  it('checkArray returns exactly the numbers of a valid matrix', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((d) => fc.array(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: d, maxLength: d }), { minLength: 1, maxLength: 6 })),
        (X) => {
          const m = checkArray(X);
          expect(Array.from(m.data)).toEqual(X.flat());
        },
      ),
    );
  });

  it('the JSON decoders throw only ValidationError, naming json', () => {
    fc.assert(
      fc.property(junk, (v) => {
        for (const f of [() => readObject(v, 'json.a'), () => readFiniteArray(v, 'json.a'), () => readMatrix(v, 'json.a'), () => readClasses(v, 'json.a')]) {
          try {
            f();
            tally('decoders', 'valid');
          } catch (e) {
            tally('decoders', e instanceof ValidationError ? 'typed' : 'crash');
            expect(e).toBeInstanceOf(ValidationError);
            expect((e as ValidationError).argument).toBe('json');
          }
        }
      }),
    );
  });

  it('resolveParams on untrusted objects throws only ValidationError and never pollutes a prototype', () => {
    const spec = LogisticRegression.paramSpec;
    const keys = [...Object.keys(spec), '__proto__', 'constructor', 'toString', 'x'];
    const obj = fc.dictionary(fc.constantFrom(...keys), fc.anything(), { maxKeys: 5 });
    fc.assert(
      fc.property(fc.oneof(obj, junk), fc.boolean(), (o, drop) => {
        onlyValidationErrors('options', () => {
          const r = resolveParams(spec, o, 'LogisticRegression', { unknown: drop ? 'drop' : 'reject' });
          expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
          expect(Object.keys(r).sort()).toEqual(Object.keys(spec).sort());
        });
        // decodeParams (permalinks) never throws at all.
        const dec = decodeParams(spec, o);
        expect(Object.keys(dec.params).sort()).toEqual(Object.keys(spec).sort());
        tally('options', 'valid');
        // JSON.parse makes "__proto__" an own key: the classic pollution vector.
        const parsed = JSON.parse('{"__proto__": {"polluted": 1}, "C": 2}');
        onlyValidationErrors('options', () => resolveParams(spec, parsed, 'LogisticRegression', { unknown: 'drop' }));
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
    );
  });
});

describe('metrics and splits on arbitrary junk', () => {
  // Plausible arguments mixed with junk, so that the checks past the first argument are reached too.
  const labels = fc.oneof(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 8 }), fc.array(fc.double(), { maxLength: 8 }), junk);
  const matrix = fc.oneof(fc.array(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 }), junk);
  const opts = fc.oneof(fc.constant(undefined), fc.record({ average: fc.constantFrom('binary', 'micro', 'macro', 'weighted', null, 'x'), labels: labels, posLabel: fc.anything(), zeroDivision: fc.anything() }, { requiredKeys: [] }), junk);
  const ridgeLike = () => ({ fit: () => undefined, predict: (X: unknown[]) => X.map(() => 0) });

  it('every metric throws only ValidationError', () => {
    const two = [accuracyScore, confusionMatrix, f1Score, precisionScore, recallScore, precisionRecallFscoreSupport, classificationReport, hingeLoss, logLoss, meanAbsoluteError, meanSquaredError, r2Score, adjustedRandScore, normalizedMutualInfoScore];
    fc.assert(
      fc.property(labels, labels, opts, (a, b, o) => {
        for (const f of two) onlyValidationErrors('metrics', () => (f as (a: unknown, b: unknown, o: unknown) => unknown)(a, b, o));
        onlyValidationErrors('metrics', () => fbetaScore(a as never, b as never, 2, o as never));
        onlyValidationErrors('metrics', () => fbetaScore(a as never, b as never, o as never));
      }),
    );
  });

  it('silhouetteScore, trainTestSplit, learningCurve and validationCurve throw only ValidationError', () => {
    fc.assert(
      fc.property(matrix, labels, fc.oneof(opts, fc.record({ testSize: fc.anything(), trainSize: fc.anything(), stratify: fc.anything(), randomState: fc.anything(), shuffle: fc.anything() }, { requiredKeys: [] })), (X, y, o) => {
        onlyValidationErrors('splits', () => silhouetteScore(X as never, y as never));
        onlyValidationErrors('splits', () => trainTestSplit(X as never, y as never, o as never));
        onlyValidationErrors('splits', () => learningCurve(ridgeLike as never, X as never, y as never, o as never));
        onlyValidationErrors('splits', () => validationCurve(ridgeLike as never, X as never, y as never, { paramRange: [1], ...(o as object) } as never));
      }),
    );
  });
});

/** Valid option values drawn from a declared spec; iteration counts capped so that each fit stays short. */
function validParams(spec: ParamSpecs): fc.Arbitrary<Record<string, unknown>> {
  const one = (name: string, s: ParamSpec): fc.Arbitrary<unknown> => {
    switch (s.type) {
      case 'boolean':
        return fc.boolean();
      case 'enum':
        return fc.constantFrom(...s.values);
      case 'randomState':
        return fc.oneof(fc.constant(undefined), fc.nat(2 ** 31));
      case 'custom':
        return fc.constant(s.default);
      default: {
        const cap = /^(maxIter|nEstimators|nIterNoChange)$/.test(name) ? 30 : Infinity;
        const lo = s.uiRange?.[0] ?? s.min ?? -10;
        const hi = Math.min(cap, s.uiRange?.[1] ?? s.max ?? 10);
        const lo2 = s.exclusiveMin && lo === s.min ? (s.type === 'integer' ? lo + 1 : lo + 1e-6) : lo;
        const num = s.type === 'integer' ? fc.integer({ min: Math.ceil(lo2), max: Math.max(Math.ceil(lo2), Math.floor(hi)) }) : fc.double({ min: lo2, max: Math.max(lo2, hi), noNaN: true });
        const extra: fc.Arbitrary<unknown>[] = [...(s.keywords ?? []).map((k) => fc.constant(k)), ...(s.nullable ? [fc.constant(null)] : [])];
        return extra.length ? fc.oneof(num, ...extra) : num;
      }
    }
  };
  return fc.record(Object.fromEntries(Object.entries(spec).map(([k, s]) => [k, one(k, s)])), { requiredKeys: [] });
}

describe('valid options never crash', () => {
  const X = [[0, 0.5], [1, 0], [2, 2], [3, 1], [4, 3], [5, 2.5], [1, 4], [2, 5], [0.5, 3], [4, 0.5], [3, 3.5], [1.5, 1.5]];
  const yc = [0, 0, 1, 1, 2, 2, 0, 1, 2, 0, 1, 2];
  const yr = X.map(([a, b]) => a - 2 * b + 0.5);
  const cases = [
    { C: LinearRegression, y: yr },
    { C: Ridge, y: yr },
    { C: Lasso, y: yr },
    { C: ElasticNet, y: yr },
    { C: SGDRegressor, y: yr },
    { C: LogisticRegression, y: yc },
    { C: SVC, y: yc },
    { C: LinearSVC, y: yc },
    { C: DecisionTreeClassifier, y: yc },
    { C: RandomForestClassifier, y: yc },
    { C: StandardScaler, y: undefined },
    { C: PolynomialFeatures, y: undefined },
  ] as const;
  it.each(cases)('$C.estimatorName: any valid options fit, predict finite values or throw only ValidationError', ({ C, y }) => {
    const Cls = C as unknown as { new (o: unknown): Record<string, (...a: unknown[]) => unknown>; paramSpec: ParamSpecs };
    fc.assert(
      fc.property(validParams(Cls.paramSpec), (o) => {
        onlyValidationErrors('valid options', () => {
          // (A declared `check` may still reject a drawn value, e.g. maxFeatures 1.0000000000000002.)
          const m = new Cls(o);
          if (y) m.fit(X, y);
          else m.fit(X);
          const out = typeof m.predict === 'function' ? m.predict(X) : m.transform(X);
          expect((out as unknown[]).flat().every((v) => Number.isFinite(v))).toBe(true);
        });
      }),
      { numRuns: 30 },
    );
  });
});

describe('fitted estimators: every public method on arbitrary junk', () => {
  const X = [[0, 0.5], [1, 0], [2, 2], [3, 1], [4, 3], [5, 2.5], [1, 4], [2, 5]];
  const yc = [0, 0, 1, 1, 2, 2, 0, 1];
  const yr = X.map(([a, b]) => a - 2 * b);
  const fitted: Record<string, unknown>[] = [
    new LinearRegression().fit(X, yr),
    new Ridge().fit(X, yr),
    new Lasso({ alpha: 0.1 }).fit(X, yr),
    new SGDRegressor({ maxIter: 5 }).fit(X, yr),
    new LogisticRegression().fit(X, yc),
    new SVC().fit(X, yc),
    new LinearSVC().fit(X, yc),
    new DecisionTreeClassifier().fit(X, yc),
    new RandomForestClassifier({ nEstimators: 3 }).fit(X, yc),
    new StandardScaler().fit(X),
    new PolynomialFeatures().fit(X),
  ] as unknown as Record<string, unknown>[];
  const methods = ['predict', 'predictProba', 'predictLogProba', 'decisionFunction', 'transform', 'inverseTransform', 'apply', 'treeVotes', 'score', 'getFeatureNamesOut', 'clone'];
  it('throw only ValidationError', () => {
    fc.assert(
      fc.property(junk, fc.oneof(junk, fc.constant(yc)), (a, b) => {
        for (const m of fitted) {
          for (const name of methods) {
            const f = m[name];
            if (typeof f === 'function') onlyValidationErrors('methods', () => f.call(m, a, b));
          }
          // Methods that change the estimator run on a fresh clone, so that the shared one stays fitted.
          const fresh = () => (m.clone as () => Record<string, (...args: unknown[]) => unknown>).call(m);
          for (const name of ['setParams', 'fit', 'fitSteps', 'fitTransform']) {
            onlyValidationErrors('methods', () => {
              const c = fresh();
              if (typeof c[name] !== 'function') return;
              const r = c[name](a, b) as { next?: () => unknown };
              if (name === 'fitSteps' && r && typeof r.next === 'function') r.next();
            });
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('JSON round trips', () => {
  const matrix = (rows: number, cols: number) =>
    fc.array(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });

  it('regressors and scalers: fromJSON(JSON text of toJSON) predicts exactly as the fitted model', () => {
    fc.assert(
      fc.property(matrix(8, 2), fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 8, maxLength: 8 }), (X, y) => {
        for (const m of [new LinearRegression(), new Ridge({ alpha: 0.3 }), new SGDRegressor({ maxIter: 5, tol: null, eta0: 1e-4 })]) {
          const r = (() => {
            try {
              return m.fit(X, y);
            } catch (e) {
              if (e instanceof ValidationError) return null; // e.g. SGD divergence on wild data
              throw e;
            }
          })();
          if (!r) continue;
          const back = (m.constructor as typeof LinearRegression).fromJSON(JSON.parse(JSON.stringify(m.toJSON())));
          expect(back.predict(X)).toEqual(m.predict(X));
          tally('round trips', 'valid');
        }
        const s = new StandardScaler().fit(X);
        expect(StandardScaler.fromJSON(JSON.parse(JSON.stringify(s.toJSON()))).transform(X)).toEqual(s.transform(X));
      }),
      { numRuns: 60 },
    );
  });

  it('classifiers: the round trip keeps every prediction', () => {
    fc.assert(
      fc.property(matrix(12, 2), fc.integer({ min: 0, max: 1000 }), (X, seed) => {
        const y = X.map((r, i) => (r[0] + r[1] > 0 ? 1 : 0) + (i % 5 === 0 ? 2 : 0));
        if (new Set(y).size < 2) return;
        const models = [
          new DecisionTreeClassifier({ randomState: seed }),
          new RandomForestClassifier({ nEstimators: 3, randomState: seed }),
          new LogisticRegression({ maxIter: 20 }),
          new LinearSVC({ maxIter: 20, randomState: seed }),
          new SVC({ maxIter: 200 }),
        ];
        for (const m of models) {
          m.fit(X, y);
          const back = (m.constructor as typeof DecisionTreeClassifier).fromJSON(JSON.parse(JSON.stringify(m.toJSON())));
          expect(back.predict(X)).toEqual(m.predict(X));
          tally('round trips', 'valid');
        }
      }),
      { numRuns: 25 },
    );
  });

  it('a fitted tree document with any one field replaced by arbitrary junk decodes or throws ValidationError, and predict ends', () => {
    const X = [[0, 0], [1, 0], [0, 1], [1, 1], [2, 2], [3, 1], [0.5, 2.5], [2.5, 0.2]];
    const y = [0, 1, 1, 0, 2, 2, 1, 0];
    const doc = JSON.parse(JSON.stringify(new DecisionTreeClassifier().fit(X, y).toJSON()));
    const fields: [string, string | null][] = [
      ['classes', null],
      ['nFeaturesIn', null],
      ['importance', null],
      ['maxDepthReached', null],
      ['options', null],
      ['nodes', 'left'],
      ['nodes', 'right'],
      ['nodes', 'feature'],
      ['nodes', 'threshold'],
      ['nodes', 'value'],
      ['nodes', 'samples'],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.oneof(junk, fc.array(fc.integer({ min: -3, max: 20 }), { maxLength: 30 })), ([a, b], v) => {
        const bad = structuredClone(doc);
        if (b) bad[a][b] = v;
        else bad[a] = v;
        onlyValidationErrors('json (fast-check)', () => {
          const p = DecisionTreeClassifier.fromJSON(bad).predictProba(X);
          expect(p.flat().every(Number.isFinite)).toBe(true);
        });
      }),
    );
  });
});

afterAll(() => {
  console.log(summary());
});
