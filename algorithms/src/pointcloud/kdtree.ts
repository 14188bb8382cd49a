import { checkCoord, checkInt, checkPositive, checkXYZ, type XYZLike } from './validate';
import { ValidationError } from '../core/errors';
import { quickselect } from '../core/_select';

/** Options of {@link KDTree}. */
export interface KDTreeOptions {
  /** Most points in a leaf (scanned one by one). Default 16. */
  leafSize?: number;
}

/** The neighbours a query found: their indices in the input and their distances. */
export interface NeighbourResult {
  /** Indices of the points (as in the input array, point i at xyz[3i … 3i+2]). */
  indices: Int32Array;
  /** Euclidean distances to the query point, in the same order. */
  distances: Float64Array;
}

/**
 * A 3-D k-d tree over a flat xyz array, for radius and k-nearest-neighbour queries in
 * O(log n + k) on average rather than the O(n) of a scan (so a cloud's neighbourhoods cost
 * O(n log n), not O(n²)).
 *
 * Built by splitting each node at the median (a quickselect, O(n) per level, O(n log n) in
 * all) of the axis where its bounding box is widest, down to leaves of at most `leafSize`
 * points. Each node keeps its bounding box: a query skips a node when the box lies farther
 * than the radius (or than the current k-th neighbour). The points are copied in tree order
 * (`x`, `y`, `z`), so that a leaf's points are contiguous in memory.
 */
export class KDTree {
  /** Number of points. */
  readonly size: number;
  /** Coordinates in tree order: the point at tree position p is input point `order[p]`. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly z: Float64Array;
  /** Input index of the point at each tree position. */
  readonly order: Int32Array;
  private readonly lo: Int32Array;
  private readonly hi: Int32Array;
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  /** Per node: xmin, ymin, zmin, xmax, ymax, zmax. */
  private readonly box: Float64Array;
  private readonly stack: Int32Array;
  /** Scratch of the last radius scan: tree positions and squared distances of the hits. */
  private hitPos = new Int32Array(256);
  private hitD2 = new Float64Array(256);

  /**
   * @param xyz Points as x₀ y₀ z₀ x₁ y₁ z₁ … (a Float64Array, or any array of finite numbers).
   * @throws ValidationError for an empty, ragged or non-finite array, or a bad `leafSize`.
   */
  constructor(xyz: XYZLike, options: KDTreeOptions = {}) {
    const p = checkXYZ(xyz);
    const leafSize = checkInt(options.leafSize ?? 16, 'leafSize', 1, 4096);
    const n = p.length / 3;
    this.size = n;
    const idx = new Int32Array(n);
    for (let i = 0; i < n; i++) idx[i] = i;
    // Each split halves a node of more than leafSize points, so leaves hold at least
    // ⌈leafSize/2⌉ points: at most n/⌈leafSize/2⌉ leaves and twice as many nodes.
    const maxNodes = 2 * Math.ceil(n / Math.max(1, Math.ceil(leafSize / 2))) + 1;
    this.lo = new Int32Array(maxNodes);
    this.hi = new Int32Array(maxNodes);
    this.left = new Int32Array(maxNodes).fill(-1);
    this.right = new Int32Array(maxNodes).fill(-1);
    this.box = new Float64Array(6 * maxNodes);
    let nodes = 1;
    let depth = 1;
    const todo: number[] = [0];
    const level: number[] = [1];
    this.lo[0] = 0;
    this.hi[0] = n;
    while (todo.length) {
      const k = todo.pop()!;
      const d = level.pop()!;
      if (d > depth) depth = d;
      const a = this.lo[k];
      const b = this.hi[k];
      // Bounding box of the node's points.
      let x0 = Infinity, y0 = Infinity, z0 = Infinity, x1 = -Infinity, y1 = -Infinity, z1 = -Infinity;
      for (let q = a; q < b; q++) {
        const i = 3 * idx[q];
        const X = p[i], Y = p[i + 1], Z = p[i + 2];
        if (X < x0) x0 = X;
        if (X > x1) x1 = X;
        if (Y < y0) y0 = Y;
        if (Y > y1) y1 = Y;
        if (Z < z0) z0 = Z;
        if (Z > z1) z1 = Z;
      }
      const o = 6 * k;
      this.box[o] = x0;
      this.box[o + 1] = y0;
      this.box[o + 2] = z0;
      this.box[o + 3] = x1;
      this.box[o + 4] = y1;
      this.box[o + 5] = z1;
      const ex = x1 - x0, ey = y1 - y0, ez = z1 - z0;
      // A leaf: few points, or all of them at one place (duplicates cannot be split).
      if (b - a <= leafSize || (ex === 0 && ey === 0 && ez === 0)) continue;
      const dim = ex >= ey && ex >= ez ? 0 : ey >= ez ? 1 : 2;
      const mid = (a + b) >>> 1;
      quickselect(idx, (q) => p[3 * idx[q] + dim], a, b - 1, mid, true);
      const L = nodes++;
      const R = nodes++;
      this.left[k] = L;
      this.right[k] = R;
      this.lo[L] = a;
      this.hi[L] = mid;
      this.lo[R] = mid;
      this.hi[R] = b;
      todo.push(L, R);
      level.push(d + 1, d + 1);
    }
    this.stack = new Int32Array(2 * depth + 8);
    this.order = idx;
    this.x = new Float64Array(n);
    this.y = new Float64Array(n);
    this.z = new Float64Array(n);
    for (let q = 0; q < n; q++) {
      const i = 3 * idx[q];
      this.x[q] = p[i];
      this.y[q] = p[i + 1];
      this.z[q] = p[i + 2];
    }
  }

  /** Squared distance from (x, y, z) to node k's box (0 inside it). */
  private boxDist2(k: number, x: number, y: number, z: number): number {
    const b = this.box;
    const o = 6 * k;
    const dx = x < b[o] ? b[o] - x : x > b[o + 3] ? x - b[o + 3] : 0;
    const dy = y < b[o + 1] ? b[o + 1] - y : y > b[o + 4] ? y - b[o + 4] : 0;
    const dz = z < b[o + 2] ? b[o + 2] - z : z > b[o + 5] ? z - b[o + 5] : 0;
    return dx * dx + dy * dy + dz * dz;
  }

  /**
   * The points within squared distance `r2` of (x, y, z), as tree positions and squared
   * distances in {@link hits} (valid until the next scan). Unchecked: for the hot loops.
   * @returns the number of hits.
   */
  scanRadius(x: number, y: number, z: number, r2: number): number {
    const { stack, left, right, lo, hi } = this;
    const px = this.x, py = this.y, pz = this.z;
    let count = 0;
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const k = stack[--top];
      if (this.boxDist2(k, x, y, z) > r2) continue;
      if (left[k] < 0) {
        for (let q = lo[k], e = hi[k]; q < e; q++) {
          const dx = px[q] - x, dy = py[q] - y, dz = pz[q] - z;
          const d2 = dx * dx + dy * dy + dz * dz;
          if (d2 <= r2) {
            if (count === this.hitPos.length) this.grow();
            this.hitPos[count] = q;
            this.hitD2[count++] = d2;
          }
        }
      } else {
        stack[top++] = left[k];
        stack[top++] = right[k];
      }
    }
    return count;
  }

  /** The scratch buffers of the last {@link scanRadius}: tree positions and squared distances. */
  get hits(): { positions: Int32Array; dist2: Float64Array } {
    return { positions: this.hitPos, dist2: this.hitD2 };
  }

  private grow() {
    const P = new Int32Array(2 * this.hitPos.length);
    P.set(this.hitPos);
    const D = new Float64Array(2 * this.hitD2.length);
    D.set(this.hitD2);
    this.hitPos = P;
    this.hitD2 = D;
  }

  /**
   * All points within distance `r` of (x, y, z), the query point itself included if it is in
   * the cloud (as scikit-learn's `query_radius`).
   * @param sort Order the result by distance (default false: tree order).
   * @throws ValidationError for a non-finite coordinate or a radius ≤ 0.
   */
  queryRadius(x: number, y: number, z: number, r: number, sort = false): NeighbourResult {
    checkCoord(x, 'x');
    checkCoord(y, 'y');
    checkCoord(z, 'z');
    checkPositive(r, 'r');
    const m = this.scanRadius(x, y, z, r * r);
    const perm = Array.from({ length: m }, (_, i) => i);
    if (sort) perm.sort((a, b) => this.hitD2[a] - this.hitD2[b] || this.order[this.hitPos[a]] - this.order[this.hitPos[b]]);
    const indices = new Int32Array(m);
    const distances = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      indices[i] = this.order[this.hitPos[perm[i]]];
      distances[i] = Math.sqrt(this.hitD2[perm[i]]);
    }
    return { indices, distances };
  }

  /**
   * The k nearest points to (x, y, z), nearest first (ties by input index), the query point
   * itself included if it is in the cloud. A bounded max-heap keeps the k best so far; a node
   * is skipped when its box lies farther than the current k-th distance.
   * @throws ValidationError for a non-finite coordinate, or k not an integer in [1, size].
   */
  knn(x: number, y: number, z: number, k: number): NeighbourResult {
    checkCoord(x, 'x');
    checkCoord(y, 'y');
    checkCoord(z, 'z');
    if (typeof k === 'number' && Number.isInteger(k) && k > this.size) throw new ValidationError('k', 'out-of-range', `asks for ${k} neighbours but the tree holds ${this.size} points`);
    checkInt(k, 'k', 1, this.size);
    const heapD = new Float64Array(k);
    const heapI = new Int32Array(k);
    let m = 0;
    // Max-heap on (distance², input index): the root is the worst of the k kept.
    const worse = (a: number, b: number) => heapD[a] > heapD[b] || (heapD[a] === heapD[b] && heapI[a] > heapI[b]);
    const swap = (a: number, b: number) => {
      const d = heapD[a];
      heapD[a] = heapD[b];
      heapD[b] = d;
      const i = heapI[a];
      heapI[a] = heapI[b];
      heapI[b] = i;
    };
    const push = (d2: number, i: number) => {
      if (m < k) {
        heapD[m] = d2;
        heapI[m] = i;
        let c = m++;
        while (c > 0) {
          const parent = (c - 1) >> 1;
          if (!worse(c, parent)) break;
          swap(c, parent);
          c = parent;
        }
      } else if (d2 < heapD[0] || (d2 === heapD[0] && i < heapI[0])) {
        heapD[0] = d2;
        heapI[0] = i;
        let c = 0;
        for (;;) {
          const l = 2 * c + 1;
          const r = l + 1;
          let w = c;
          if (l < m && worse(l, w)) w = l;
          if (r < m && worse(r, w)) w = r;
          if (w === c) break;
          swap(c, w);
          c = w;
        }
      }
    };
    const { stack, left, right, lo, hi, order } = this;
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const node = stack[--top];
      if (m === k && this.boxDist2(node, x, y, z) > heapD[0]) continue;
      if (left[node] < 0) {
        for (let q = lo[node], e = hi[node]; q < e; q++) {
          const dx = this.x[q] - x, dy = this.y[q] - y, dz = this.z[q] - z;
          push(dx * dx + dy * dy + dz * dz, order[q]);
        }
      } else {
        // Visit the nearer child first (pushed last), so the bound tightens early.
        const L = left[node], R = right[node];
        const dl = this.boxDist2(L, x, y, z), dr = this.boxDist2(R, x, y, z);
        if (dl <= dr) {
          stack[top++] = R;
          stack[top++] = L;
        } else {
          stack[top++] = L;
          stack[top++] = R;
        }
      }
    }
    const perm = Array.from({ length: m }, (_, i) => i).sort((a, b) => heapD[a] - heapD[b] || heapI[a] - heapI[b]);
    const indices = new Int32Array(m);
    const distances = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      indices[i] = heapI[perm[i]];
      distances[i] = Math.sqrt(heapD[perm[i]]);
    }
    return { indices, distances };
  }
}

