/**
 * Fixed-radius neighbourhoods {j : ‖xᵢ − xⱼ‖ ≤ ε} of every sample, in compressed-row form,
 * for DBSCAN. Three routes, by dimension:
 *
 * - d ≤ 3: a uniform grid of cells of side ε. A neighbour of xᵢ lies in xᵢ's cell or one of the
 *   3^d − 1 cells around it, so each query checks O(points in 3^d cells) candidates. Points are
 *   counting-sorted by cell, and their coordinates copied in that order, so the candidate scans
 *   are contiguous. Expected O(n·k) for k neighbours per point.
 * - d ≤ 12: a k-d tree (`_kdtree.ts`) with bounding-box pruning.
 * - higher d: brute force by blocks of rows, with ‖a − b‖² = ‖a‖² + ‖b‖² − 2a·b.
 *
 * Neighbour lists include the sample itself (as scikit-learn's radius_neighbors) and are
 * unordered; DBSCAN's labels do not depend on that order.
 */
import { KDTree } from './_kdtree';
import { LIMITS, checkSize } from '../core/validation';

export interface NeighbourCSR {
  /** Neighbours of i: indices[indptr[i] … indptr[i+1]). */
  indptr: Int32Array;
  indices: Int32Array;
}

/** A growable Int32 buffer. */
class IntBuffer {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      // Every stored pair is a neighbour within eps: a huge eps makes the graph n², so refuse
      // it with a typed error naming eps instead of running out of memory.
      checkSize('eps', this.length * 2, LIMITS.maxElements, 'neighbour pairs within eps (lower eps)');
      const g = new Int32Array(this.data.length * 2);
      g.set(this.data);
      this.data = g;
    }
    this.data[this.length++] = v;
  }
}

export function radiusNeighbours(X: Float64Array, n: number, d: number, eps: number): NeighbourCSR {
  if (d <= 3) {
    const grid = gridNeighbours(X, n, d, eps);
    if (grid) return grid;
  }
  const indptr = new Int32Array(n + 1);
  const buf = new IntBuffer();
  const eps2 = eps * eps;
  if (d <= 12) {
    const tree = new KDTree(X, n, d);
    const stack: number[] = [];
    const visit = (j: number) => buf.push(j);
    for (let i = 0; i < n; i++) {
      tree.radius(X, i, eps2, visit, stack);
      indptr[i + 1] = buf.length;
    }
  } else {
    const sq = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let t = 0; t < d; t++) s += X[i * d + t] * X[i * d + t];
      sq[i] = s;
    }
    for (let i = 0; i < n; i++) {
      const a = i * d;
      for (let j = 0; j < n; j++) {
        const b = j * d;
        let s = 0;
        for (let t = 0; t < d; t++) s += X[a + t] * X[b + t];
        if (j === i || sq[i] + sq[j] - 2 * s <= eps2) buf.push(j);
      }
      indptr[i + 1] = buf.length;
    }
  }
  return { indptr, indices: buf.data.slice(0, buf.length) };
}

/** The grid route; null when the grid would have too many cells for the data (spread-out outliers). */
function gridNeighbours(X: Float64Array, n: number, d: number, eps: number): NeighbourCSR | null {
  const lo = [0, 0, 0];
  const dims = [1, 1, 1];
  for (let t = 0; t < d; t++) {
    let mn = Infinity;
    let mx = -Infinity;
    for (let i = 0; i < n; i++) {
      const v = X[i * d + t];
      if (v < mn) mn = v;
      if (v > mx) mx = v;
    }
    lo[t] = mn;
    dims[t] = Math.floor((mx - mn) / eps) + 1;
  }
  const nCells = dims[0] * dims[1] * dims[2];
  if (!(nCells <= 4 * n + 1024)) return null;
  const cellOf = new Int32Array(n);
  const start = new Int32Array(nCells + 1);
  for (let i = 0; i < n; i++) {
    let c = 0;
    for (let t = d - 1; t >= 0; t--) c = c * dims[t] + Math.min(dims[t] - 1, Math.floor((X[i * d + t] - lo[t]) / eps));
    cellOf[i] = c;
    start[c + 1]++;
  }
  for (let c = 0; c < nCells; c++) start[c + 1] += start[c];
  // Points in cell order, with their coordinates copied alongside.
  const order = new Int32Array(n);
  const fill = start.slice(0, nCells);
  for (let i = 0; i < n; i++) order[fill[cellOf[i]]++] = i;
  const P = new Float64Array(n * d);
  for (let r = 0; r < n; r++) for (let t = 0; t < d; t++) P[r * d + t] = X[order[r] * d + t];
  const eps2 = eps * eps;
  const indptr = new Int32Array(n + 1);
  const buf = new IntBuffer();
  const [nx, ny, nz] = dims;
  for (let i = 0; i < n; i++) {
    const c = cellOf[i];
    const cx = c % nx;
    const cy = Math.floor(c / nx) % ny;
    const cz = Math.floor(c / (nx * ny));
    const x0 = X[i * d];
    const x1 = d > 1 ? X[i * d + 1] : 0;
    const x2 = d > 2 ? X[i * d + 2] : 0;
    for (let z = Math.max(0, cz - 1); z <= Math.min(nz - 1, cz + 1); z++) {
      for (let y = Math.max(0, cy - 1); y <= Math.min(ny - 1, cy + 1); y++) {
        // The three cells cx−1 … cx+1 of a row are contiguous in cell order: one range.
        const rowBase = (z * ny + y) * nx;
        const from = start[rowBase + Math.max(0, cx - 1)];
        const to = start[rowBase + Math.min(nx - 1, cx + 1) + 1];
        if (d === 2) {
          for (let r = from; r < to; r++) {
            const u = P[2 * r] - x0;
            const v = P[2 * r + 1] - x1;
            if (u * u + v * v <= eps2) buf.push(order[r]);
          }
        } else if (d === 1) {
          for (let r = from; r < to; r++) {
            const u = P[r] - x0;
            if (u * u <= eps2) buf.push(order[r]);
          }
        } else {
          for (let r = from; r < to; r++) {
            const u = P[3 * r] - x0;
            const v = P[3 * r + 1] - x1;
            const w = P[3 * r + 2] - x2;
            if (u * u + v * v + w * w <= eps2) buf.push(order[r]);
          }
        }
      }
    }
    indptr[i + 1] = buf.length;
  }
  return { indptr, indices: buf.data.slice(0, buf.length) };
}
