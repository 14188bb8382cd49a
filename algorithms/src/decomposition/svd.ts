import { Matrix as MlMatrix, SingularValueDecomposition } from 'ml-matrix';
import type { MatrixLike } from '../core/matrix';
import { checkArray } from '../core/validation';

/** The thin singular value decomposition A = U Σ Vᵀ of an m×n matrix, with k = min(m, n). */
export interface SVDResult {
  /** m×k, orthonormal columns (the left singular vectors). */
  U: number[][];
  /** The k singular values σ₁ ≥ σ₂ ≥ … ≥ σₖ ≥ 0 (the diagonal of Σ). */
  S: number[];
  /** k×n, orthonormal rows (the right singular vectors, transposed). */
  Vt: number[][];
}

/**
 * The singular value decomposition of the slides, A = U Σ Vᵀ, thin (k = min(m, n)), singular
 * values in descending order, as `numpy.linalg.svd(A, full_matrices=False)`. The signs of
 * singular-vector pairs are arbitrary (uᵢ, vᵢ → −uᵢ, −vᵢ leaves A unchanged); this one flips
 * them so that the largest-magnitude entry of each uᵢ is positive (scikit-learn's `svd_flip`).
 *
 * Computed by ml-matrix's Golub–Kahan SVD (a well-kept library; the estimators that need speed
 * take a faster path through a Gram matrix where that is accurate enough).
 *
 * @example
 * const { U, S, Vt } = svd([[3, 0], [0, 4]]); // S = [4, 3]
 */
export function svd(A: MatrixLike): SVDResult {
  const M = checkArray(A, { name: 'A' });
  const { rows: m, cols: n } = M;
  const k = Math.min(m, n);
  const mm = new MlMatrix(m, n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) mm.set(i, j, M.data[i * n + j]);
  const dec = new SingularValueDecomposition(mm, { autoTranspose: true, computeLeftSingularVectors: true, computeRightSingularVectors: true });
  const u = dec.leftSingularVectors;
  const v = dec.rightSingularVectors;
  const s = dec.diagonal;
  const U: number[][] = Array.from({ length: m }, () => new Array<number>(k).fill(0));
  const Vt: number[][] = Array.from({ length: k }, () => new Array<number>(n).fill(0));
  for (let c = 0; c < k; c++) {
    // svd_flip, u-based: the entry of largest |u| in column c becomes positive.
    let best = 0;
    let arg = 0;
    for (let i = 0; i < m; i++) {
      const a = Math.abs(u.get(i, c));
      if (a > best) {
        best = a;
        arg = i;
      }
    }
    const sign = u.get(arg, c) < 0 ? -1 : 1;
    for (let i = 0; i < m; i++) U[i][c] = sign * u.get(i, c);
    for (let j = 0; j < n; j++) Vt[c][j] = sign * v.get(j, c);
  }
  return { U, S: Array.from(s.slice(0, k)), Vt };
}
