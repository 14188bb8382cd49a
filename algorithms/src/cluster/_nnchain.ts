/**
 * Ward linkage by the nearest-neighbour chain on cluster centroids: O(n²·d) time and O(n·d)
 * memory, with no n×n distance matrix (10,000 samples would need 800 MB of it).
 *
 * Ward's distance between clusters a and b (SciPy's, from the Lance–Williams recurrence) is
 *   d(a, b) = √(2|a||b| / (|a| + |b|)) ‖c_a − c_b‖,
 * a function of the centroids and sizes alone, so merging a and b needs only the new centroid
 * (|a|c_a + |b|c_b)/(|a| + |b|). Ward is reducible (a merge never brings the new cluster closer
 * to a third than both parts were), so the chain algorithm finds the same merges as the greedy
 * one: follow nearest neighbours from any cluster until two are each other's nearest, merge them,
 * continue from the rest of the chain.
 *
 * Ties are broken as the matrix version does: the chain's predecessor first, then the lowest
 * index. The merges come out in chain order; the caller sorts them by distance (SciPy's order).
 */
export interface RawMerge {
  x: number;
  y: number;
  dist: number;
}

export function wardChain(X: Float64Array, n: number, d: number): RawMerge[] {
  const C = Float64Array.from(X); // centroid of the cluster held in each slot
  const size = new Float64Array(n).fill(1);
  // Active slots as a dense list (swap-remove), for scans without dead entries.
  const act = new Int32Array(n);
  const pos = new Int32Array(n);
  for (let i = 0; i < n; i++) act[i] = pos[i] = i;
  let nAct = n;
  const raw: RawMerge[] = [];
  const chain: number[] = [];
  /** (|a||b|/(|a|+|b|))‖c_a − c_b‖², half the squared Ward distance. */
  const cost = (a: number, b: number) => {
    const oa = a * d;
    const ob = b * d;
    let s = 0;
    for (let t = 0; t < d; t++) {
      const v = C[oa + t] - C[ob + t];
      s += v * v;
    }
    return ((size[a] * size[b]) / (size[a] + size[b])) * s;
  };
  for (let step = 0; step < n - 1; step++) {
    if (chain.length === 0) {
      // The lowest active slot, as the matrix version's scan.
      let lo = n;
      for (let r = 0; r < nAct; r++) if (act[r] < lo) lo = act[r];
      chain.push(lo);
    }
    let x = 0;
    let y = 0;
    let best = Infinity;
    for (;;) {
      x = chain[chain.length - 1];
      const prev = chain.length > 1 ? chain[chain.length - 2] : -1;
      if (prev >= 0) {
        y = prev;
        best = cost(x, prev);
      } else {
        y = -1;
        best = Infinity;
      }
      const sx = size[x];
      const ox = x * d;
      if (d === 2) {
        const c0 = C[ox];
        const c1 = C[ox + 1];
        for (let r = 0; r < nAct; r++) {
          const i = act[r];
          if (i === x) continue;
          const u = C[2 * i] - c0;
          const v = C[2 * i + 1] - c1;
          const si = size[i];
          const w = ((sx * si) / (sx + si)) * (u * u + v * v);
          if (w < best || (w === best && y !== prev && i < y)) {
            best = w;
            y = i;
          }
        }
      } else {
        for (let r = 0; r < nAct; r++) {
          const i = act[r];
          if (i === x) continue;
          const w = cost(x, i);
          if (w < best || (w === best && y !== prev && i < y)) {
            best = w;
            y = i;
          }
        }
      }
      if (prev >= 0 && y === prev) break;
      chain.push(y);
    }
    chain.length -= 2;
    if (x > y) {
      const t = x;
      x = y;
      y = t;
    }
    raw.push({ x, y, dist: Math.sqrt(2 * best) });
    // Merge into slot y; slot x leaves the active list.
    const nx = size[x];
    const ny = size[y];
    const f = 1 / (nx + ny);
    for (let t = 0; t < d; t++) C[y * d + t] = (nx * C[x * d + t] + ny * C[y * d + t]) * f;
    size[y] = nx + ny;
    size[x] = 0;
    const p = pos[x];
    const last = act[--nAct];
    act[p] = last;
    pos[last] = p;
  }
  return raw;
}
