import { describe, expect, it } from 'vitest';
import { fromRows, lstsqQR, matmul, solveCholesky, toRows, transpose } from '../../src';

describe('matrix helpers', () => {
  it('multiplies and transposes (hand-worked 2×2)', () => {
    // [1 2; 3 4]·[5 6; 7 8] = [1·5+2·7, 1·6+2·8; 3·5+4·7, 3·6+4·8] = [19 22; 43 50]
    expect(toRows(matmul(fromRows([[1, 2], [3, 4]]), fromRows([[5, 6], [7, 8]])))).toEqual([[19, 22], [43, 50]]);
    expect(toRows(transpose(fromRows([[1, 2, 3]])))).toEqual([[1], [2], [3]]);
  });

  it('solves least squares by QR and flags rank deficiency', () => {
    // Points (0,1), (1,3), (2,5) lie on y = 2x + 1 exactly.
    const x = lstsqQR(fromRows([[0, 1], [1, 1], [2, 1]]), [1, 3, 5])!;
    expect(x[0]).toBeCloseTo(2, 12);
    expect(x[1]).toBeCloseTo(1, 12);
    expect(lstsqQR(fromRows([[1, 2], [2, 4], [3, 6]]), [1, 2, 3])).toBeNull();
  });

  it('solves SPD systems by Cholesky', () => {
    // [4 2; 2 3] x = [2; 1] → x = [0.5, 0]
    const x = solveCholesky(fromRows([[4, 2], [2, 3]]), [2, 1])!;
    expect(x[0]).toBeCloseTo(0.5, 12);
    expect(x[1]).toBeCloseTo(0, 12);
    expect(solveCholesky(fromRows([[1, 2], [2, 1]]), [1, 1])).toBeNull();
  });
});
