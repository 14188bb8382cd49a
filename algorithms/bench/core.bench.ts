import { Matrix as MlMatrix, solve } from 'ml-matrix';
import { bench, describe } from 'vitest';
import { LinearRegression, RandomState, checkArray, fromRows, matmul } from '../src';

// Shared groundwork: the seeded generator, input validation and matrix helpers, each
// beside the obvious alternative, so vitest prints the ratio.
const rng = new RandomState(0);
const X = Array.from({ length: 2000 }, () => Array.from({ length: 20 }, () => rng.normal()));
const w = Array.from({ length: 20 }, (_, j) => j - 10);
const y = X.map((r) => r.reduce((s, v, j) => s + v * w[j], 3 + rng.normal()));

describe('uniform deviates (1e5)', () => {
  bench('RandomState.random', () => {
    const r = new RandomState(1);
    let s = 0;
    for (let i = 0; i < 1e5; i++) s += r.random();
    if (s < 0) throw new Error();
  });
  bench('Math.random (unseeded, for scale)', () => {
    let s = 0;
    for (let i = 0; i < 1e5; i++) s += Math.random();
    if (s < 0) throw new Error();
  });
});

describe('validate a 2000 × 20 matrix', () => {
  bench('checkArray', () => {
    checkArray(X);
  });
});

describe('64 × 64 matrix product', () => {
  const A = fromRows(X.slice(0, 64).map((r) => [...r, ...r, ...r, ...r].slice(0, 64)));
  const mA = new MlMatrix(X.slice(0, 64).map((r) => [...r, ...r, ...r, ...r].slice(0, 64)));
  bench('GeoLearn matmul', () => {
    matmul(A, A);
  });
  bench('ml-matrix mmul', () => {
    mA.mmul(mA);
  });
});

describe('least squares, 2000 × 20', () => {
  bench('LinearRegression (QR)', () => {
    new LinearRegression().fit(X, y);
  });
  bench('ml-matrix solve (peer)', () => {
    solve(new MlMatrix(X.map((r) => [...r, 1])), MlMatrix.columnVector(y));
  });
});
