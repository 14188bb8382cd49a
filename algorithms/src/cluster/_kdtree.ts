/**
 * A k-d tree over the rows of a flat n×d matrix, for exact nearest-neighbour and fixed-radius
 * queries (spectral clustering's kNN graph, DBSCAN's ε-neighbourhoods).
 *
 * Build: each node splits its points at the median of the dimension of widest spread
 * (quickselect, O(n) per level, O(n log n) in all), down to leaves of ≤ LEAF points. Each node
 * keeps its bounding box, so a query skips a node whenever the squared distance from the query
 * to the box already exceeds the current bound. For low d (2-D, 3-D) a query visits O(log n + k)
 * leaves; in high d pruning weakens and the caller should prefer a blocked brute force.
 */
import { quickselect } from '../core/_select';

const LEAF = 16;

export class KDTree {
  /** Point order: the points of node t are idx[start[t] … end[t]). */
  readonly idx: Int32Array;
  private readonly start: number[] = [];
  private readonly end: number[] = [];
  private readonly left: number[] = [];
  private readonly right: number[] = [];
  /** Bounding boxes, node t: lo at t·d, hi at t·d. */
  private lo: number[] = [];
  private hi: number[] = [];
  /** Coordinates copied in tree order, for contiguous leaf scans. */
  private readonly P: Float64Array;

  constructor(
    private readonly X: Float64Array,
    readonly n: number,
    readonly d: number,
  ) {
    this.idx = new Int32Array(n);
    for (let i = 0; i < n; i++) this.idx[i] = i;
    if (n > 0) this.build(0, n);
    this.P = new Float64Array(n * d);
    for (let r = 0; r < n; r++) for (let t = 0; t < d; t++) this.P[r * d + t] = X[this.idx[r] * d + t];
  }

  private build(s: number, e: number): number {
    const { X, d, idx } = this;
    const node = this.start.length;
    this.start.push(s);
    this.end.push(e);
    this.left.push(-1);
    this.right.push(-1);
    let bestDim = 0;
    let bestSpread = -1;
    for (let t = 0; t < d; t++) {
      let mn = Infinity;
      let mx = -Infinity;
      for (let r = s; r < e; r++) {
        const v = X[idx[r] * d + t];
        if (v < mn) mn = v;
        if (v > mx) mx = v;
      }
      this.lo.push(mn);
      this.hi.push(mx);
      if (mx - mn > bestSpread) {
        bestSpread = mx - mn;
        bestDim = t;
      }
    }
    if (e - s <= LEAF || bestSpread <= 0) return node;
    const mid = (s + e) >> 1;
    quickselect(idx, (r) => X[idx[r] * d + bestDim], s, e - 1, mid);
    const l = this.build(s, mid);
    const r = this.build(mid, e);
    this.left[node] = l;
    this.right[node] = r;
    return node;
  }

  /** Squared distance from point q (at X[qo…]) to the box of node t. */
  private boxDist(Q: Float64Array, qo: number, t: number): number {
    const { d, lo, hi } = this;
    let s = 0;
    const o = t * d;
    for (let c = 0; c < d; c++) {
      const v = Q[qo + c];
      const a = lo[o + c];
      const b = hi[o + c];
      const u = v < a ? a - v : v > b ? v - b : 0;
      s += u * u;
    }
    return s;
  }

  /**
   * The k nearest training rows of training row i, nearest first, ties by index, i itself
   * first (as scikit-learn's kneighbors_graph with include_self). Writes into outIdx/outDist
   * (squared distances; −1 for i itself).
   */
  knnOfRow(i: number, k: number, outIdx: Int32Array, outDist: Float64Array): void {
    const { X, d, P, idx } = this;
    const qo = i * d;
    // Max-heap on (dist, index) of size k, as parallel arrays.
    let size = 0;
    const hd = outDist;
    const hi = outIdx;
    const worse = (da: number, ia: number, db: number, ib: number) => da > db || (da === db && ia > ib);
    const push = (dist: number, j: number) => {
      if (size < k) {
        let c = size++;
        while (c > 0) {
          const p = (c - 1) >> 1;
          if (!worse(dist, j, hd[p], hi[p])) break;
          hd[c] = hd[p];
          hi[c] = hi[p];
          c = p;
        }
        hd[c] = dist;
        hi[c] = j;
      } else if (worse(hd[0], hi[0], dist, j)) {
        // Replace the root and sift down.
        let c = 0;
        for (;;) {
          const l = 2 * c + 1;
          if (l >= k) break;
          const r = l + 1;
          const m = r < k && worse(hd[r], hi[r], hd[l], hi[l]) ? r : l;
          if (!worse(hd[m], hi[m], dist, j)) break;
          hd[c] = hd[m];
          hi[c] = hi[m];
          c = m;
        }
        hd[c] = dist;
        hi[c] = j;
      }
    };
    const stack: number[] = [0];
    while (stack.length) {
      const t = stack.pop()!;
      if (size === k && this.boxDist(X, qo, t) > hd[0]) continue;
      const l = this.left[t];
      if (l < 0) {
        for (let r = this.start[t]; r < this.end[t]; r++) {
          const j = idx[r];
          let s = 0;
          const po = r * d;
          for (let c = 0; c < d; c++) {
            const v = X[qo + c] - P[po + c];
            s += v * v;
          }
          if (j === i) s = -1;
          if (size < k || worse(hd[0], hi[0], s, j)) push(s, j);
        }
        continue;
      }
      const r = this.right[t];
      const dl = this.boxDist(X, qo, l);
      const dr = this.boxDist(X, qo, r);
      // Push the farther child first so the nearer one is searched first.
      if (dl <= dr) {
        stack.push(r, l);
      } else {
        stack.push(l, r);
      }
    }
    // Heap → ascending order (heap sort in place).
    for (let end = size - 1; end > 0; end--) {
      const td = hd[0];
      const ti = hi[0];
      hd[0] = hd[end];
      hi[0] = hi[end];
      hd[end] = td;
      hi[end] = ti;
      let c = 0;
      for (;;) {
        const l = 2 * c + 1;
        if (l >= end) break;
        const r = l + 1;
        const m = r < end && worse(hd[r], hi[r], hd[l], hi[l]) ? r : l;
        if (!worse(hd[m], hi[m], hd[c], hi[c])) break;
        const a = hd[c];
        const b = hi[c];
        hd[c] = hd[m];
        hi[c] = hi[m];
        hd[m] = a;
        hi[m] = b;
        c = m;
      }
    }
  }

  /**
   * Calls `visit(j)` for every training row j with ‖xⱼ − q‖² ≤ r2, q = row `qi` of Q (d columns).
   * Whole nodes inside the ball are listed without distance checks.
   */
  radius(Q: Float64Array, qi: number, r2: number, visit: (j: number) => void, stack: number[] = []): void {
    const { d, P, idx } = this;
    const qo = qi * d;
    stack.length = 0;
    stack.push(0);
    while (stack.length) {
      const t = stack.pop()!;
      if (this.boxDist(Q, qo, t) > r2) continue;
      const l = this.left[t];
      if (l < 0) {
        for (let r = this.start[t]; r < this.end[t]; r++) {
          let s = 0;
          const po = r * d;
          for (let c = 0; c < d; c++) {
            const v = Q[qo + c] - P[po + c];
            s += v * v;
          }
          if (s <= r2) visit(idx[r]);
        }
        continue;
      }
      stack.push(this.right[t], l);
    }
  }
}
