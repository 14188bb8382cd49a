/**
 * Linear models against the JS route a user would otherwise take: ml-matrix's dense
 * solve of the ridge normal equations. LogisticRegression and Lasso have no JS peer in
 * the workspace; their fit times are printed alone for the record.
 */
import { bench, describe } from 'vitest';
import { Matrix, solve } from 'ml-matrix';
import { Lasso, LogisticRegression, Ridge } from '../src/linear_model';
import { makeRegression } from '../src/datasets';
import { split } from '../test/fixtures/sklearn';

const { X, y } = makeRegression({ nSamples: 5000, nFeatures: 30, noise: 5, randomState: 0 });

describe('Ridge fit, 5000 × 30', () => {
  bench('geolearn Ridge', () => {
    new Ridge({ alpha: 1 }).fit(X, y);
  });
  bench('ml-matrix normal equations', () => {
    // Centre, then (XᵀX + αI) θ = Xᵀy, the same maths with ml-matrix's LU solve.
    const A = new Matrix(X);
    const mu = A.mean('column');
    A.subRowVector(mu);
    const ym = y.reduce((s, v) => s + v, 0) / y.length;
    const b = Matrix.columnVector(y.map((v) => v - ym));
    const G = A.transpose().mmul(A);
    for (let j = 0; j < G.rows; j++) G.set(j, j, G.get(j, j) + 1);
    solve(G, A.transpose().mmul(b));
  });
});

const moons = split('moons');
const digits = split('digits');
// One describe per fit, so that vitest prints no ratio between unrelated fits.
describe('Lasso 5000 × 30 (no JS peer)', () => {
  bench('geolearn Lasso', () => {
    new Lasso({ alpha: 1 }).fit(X, y);
  });
});
describe('LogisticRegression on moons (no JS peer)', () => {
  bench('geolearn LogisticRegression', () => {
    new LogisticRegression().fit(moons.Xtrain, moons.ytrain);
  });
});
describe('LogisticRegression on digits, 100 L-BFGS iterations (no JS peer)', () => {
  bench(
    'geolearn LogisticRegression',
    () => {
      new LogisticRegression().fit(digits.Xtrain, digits.ytrain);
    },
    { iterations: 5, time: 0 },
  );
});
