/**
 * The k-means kernels shared by KMeans, MiniBatchKMeans, GaussianMixture (its initialisation)
 * and SpectralClustering (its last step). Flat row-major Float64Arrays throughout: these loops
 * are the whole cost of a fit.
 */
import type { MatrixLike } from '../core/matrix';
import type { RandomState } from '../core/random';
import { checkArray, checkFeatureCount } from '../core/validation';
import { flatten } from './_common';

/**
 * k-means++ seeding, scikit-learn's greedy variant: the first centre is a uniformly drawn
 * sample; each next one is the best of 2 + ⌊ln k⌋ candidates drawn with probability
 * proportional to D(x)², the squared distance to the nearest centre so far, "best" meaning
 * the candidate that leaves the smallest potential Σ min D(x)².
 */
export function kmeansPlusPlus(X: Float64Array, n: number, d: number, k: number, rng: RandomState): Float64Array {
  const C = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  const first = rng.randint(n);
  C.set(X.subarray(first * d, first * d + d), 0);
  const closest = new Float64Array(n);
  const cum = new Float64Array(n);
  // D² to the first centre, and its running sum (the cumulative weights of the next draw).
  let pot = 0;
  for (let i = 0; i < n; i++) {
    closest[i] = sqDist(X, i * d, C, 0, d);
    cum[i] = pot += closest[i];
  }
  const candIds = new Int32Array(trials);
  const pots = new Float64Array(trials);
  const cand = new Float64Array(trials * d);
  for (let c = 1; c < k; c++) {
    for (let t = 0; t < trials; t++) {
      const r = rng.random() * pot;
      // searchsorted (left): the first index with cum ≥ r.
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cum[mid] < r) lo = mid + 1;
        else hi = mid;
      }
      candIds[t] = Math.min(lo, n - 1);
      cand.set(X.subarray(candIds[t] * d, candIds[t] * d + d), t * d);
    }
    // The potential Σᵢ min(D(xᵢ)², ‖xᵢ − candidate‖²) each candidate would leave, all candidates
    // in one pass over X (each sum still runs in sample order).
    candidatePotentials(X, n, d, cand, trials, closest, pots);
    let bestT = 0;
    let bestPot = Infinity;
    for (let t = 0; t < trials; t++) {
      if (pots[t] < bestPot) {
        bestPot = pots[t];
        bestT = t;
      }
    }
    // Update D² for the chosen centre, fused with the cumulative sums of the next draw.
    const o = candIds[bestT] * d;
    pot = 0;
    if (d === 2) {
      const c0 = X[o];
      const c1 = X[o + 1];
      for (let i = 0; i < n; i++) {
        const a = X[2 * i] - c0;
        const b = X[2 * i + 1] - c1;
        const m = Math.min(a * a + b * b, closest[i]);
        closest[i] = m;
        cum[i] = pot += m;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const m = Math.min(sqDist(X, i * d, X, o, d), closest[i]);
        closest[i] = m;
        cum[i] = pot += m;
      }
    }
    C.set(X.subarray(o, o + d), c * d);
  }
  return C;
}

/** pots[t] = Σᵢ min(closest[i], ‖xᵢ − cand_t‖²) for the `trials` candidates (rows of cand). */
function candidatePotentials(X: Float64Array, n: number, d: number, cand: Float64Array, trials: number, closest: Float64Array, pots: Float64Array): void {
  pots.fill(0);
  if (d === 2 && trials === 3) {
    // The common case (k < 20): three candidates unrolled, min branch-free.
    const a0 = cand[0];
    const a1 = cand[1];
    const b0 = cand[2];
    const b1 = cand[3];
    const e0 = cand[4];
    const e1 = cand[5];
    let p0 = 0;
    let p1 = 0;
    let p2 = 0;
    for (let i = 0; i < n; i++) {
      const x = X[2 * i];
      const y = X[2 * i + 1];
      const c = closest[i];
      let u = x - a0;
      let v = y - a1;
      p0 += Math.min(u * u + v * v, c);
      u = x - b0;
      v = y - b1;
      p1 += Math.min(u * u + v * v, c);
      u = x - e0;
      v = y - e1;
      p2 += Math.min(u * u + v * v, c);
    }
    pots[0] = p0;
    pots[1] = p1;
    pots[2] = p2;
    return;
  }
  for (let i = 0; i < n; i++) {
    const c = closest[i];
    for (let t = 0; t < trials; t++) pots[t] += Math.min(sqDist(X, i * d, cand, t * d, d), c);
  }
}

/** 'random' initialisation: k distinct samples drawn uniformly. */
export function randomInit(X: Float64Array, n: number, d: number, k: number, rng: RandomState): Float64Array {
  const C = new Float64Array(k * d);
  rng.choice(n, k).forEach((idx, c) => C.set(X.subarray(idx * d, idx * d + d), c * d));
  return C;
}

/** ‖a[ao…] − b[bo…]‖² over d coordinates. */
export function sqDist(a: Float64Array, ao: number, b: Float64Array, bo: number, d: number): number {
  let s = 0;
  for (let j = 0; j < d; j++) {
    const t = a[ao + j] - b[bo + j];
    s += t * t;
  }
  return s;
}

/**
 * The assignment step: labels[i] = argminₖ ‖xᵢ − cₖ‖² (ties to the lower index). Writes the
 * squared distance to the chosen centre into `dist` and returns the inertia Σ min ‖xᵢ − cₖ‖².
 */
export function assign(X: Float64Array, n: number, d: number, C: Float64Array, k: number, labels: Int32Array, dist: Float64Array): number {
  let inertia = 0;
  if (d === 2) {
    // The two-feature case of the course's scatter plots, unrolled.
    for (let i = 0; i < n; i++) {
      const x0 = X[2 * i];
      const x1 = X[2 * i + 1];
      let best = Infinity;
      let arg = 0;
      for (let c = 0; c < k; c++) {
        const a = x0 - C[2 * c];
        const b = x1 - C[2 * c + 1];
        const s = a * a + b * b;
        if (s < best) {
          best = s;
          arg = c;
        }
      }
      labels[i] = arg;
      dist[i] = best;
      inertia += best;
    }
    return inertia;
  }
  for (let i = 0; i < n; i++) {
    const o = i * d;
    let best = Infinity;
    let arg = 0;
    for (let c = 0; c < k; c++) {
      const s = sqDist(X, o, C, c * d, d);
      if (s < best) {
        best = s;
        arg = c;
      }
    }
    labels[i] = arg;
    dist[i] = best;
    inertia += best;
  }
  return inertia;
}

/** The nearest of fitted centres (k rows) for each row of X, checked for width, and the inertia. */
export function assignRows(centers: readonly (readonly number[])[], X: MatrixLike): { labels: Int32Array; inertia: number } {
  const d = centers[0].length;
  const A = checkArray(X);
  checkFeatureCount(A, d);
  const labels = new Int32Array(A.rows);
  const inertia = assign(A.data, A.rows, d, flatten(centers, d), centers.length, labels, new Float64Array(A.rows));
  return { labels, inertia };
}

/**
 * The sums of the last {@link BoundedAssign.assign}, for the update step right after it: the
 * update then skips its own pass over X. Used only when X and the labels array are the very
 * ones that pass labelled (and cleared by any update), so an interleaved fit cannot mix them.
 */
let lastAssign: { X: Float64Array; labels: Int32Array; sums: Float64Array; counts: Float64Array; k: number; d: number } | null = null;

/**
 * The update step: each centre becomes the mean of its samples, cₖ = (1/|Cₖ|) Σ_{i∈Cₖ} xᵢ.
 * An empty cluster is moved onto the sample farthest from its own centre (as scikit-learn
 * does), taking that sample out of its old cluster's mean. Writes into `Cnew`.
 */
export function updateCenters(
  X: Float64Array,
  n: number,
  d: number,
  labels: Int32Array,
  dist: Float64Array,
  k: number,
  Cnew: Float64Array,
): void {
  const counts = new Float64Array(k);
  Cnew.fill(0);
  const fused = lastAssign;
  lastAssign = null;
  if (fused && fused.X === X && fused.labels === labels && fused.k === k && fused.d === d) {
    // The sums were accumulated by the assignment pass just before (same order, same values).
    Cnew.set(fused.sums.subarray(0, k * d));
    counts.set(fused.counts.subarray(0, k));
  } else if (d === 2) {
    for (let i = 0; i < n; i++) {
      const c = labels[i];
      counts[c]++;
      Cnew[2 * c] += X[2 * i];
      Cnew[2 * c + 1] += X[2 * i + 1];
    }
  } else {
    for (let i = 0; i < n; i++) {
      const c = labels[i];
      counts[c]++;
      const o = i * d;
      const co = c * d;
      for (let j = 0; j < d; j++) Cnew[co + j] += X[o + j];
    }
  }
  const empty: number[] = [];
  for (let c = 0; c < k; c++) if (counts[c] === 0) empty.push(c);
  if (empty.length > 0) {
    // The samples farthest from their centres, largest first.
    const far = Array.from({ length: n }, (_, i) => i)
      .sort((a, b) => dist[b] - dist[a])
      .slice(0, empty.length);
    empty.forEach((c, t) => {
      const i = far[t];
      const old = labels[i];
      if (counts[old] <= 1) return;
      for (let j = 0; j < d; j++) {
        Cnew[old * d + j] -= X[i * d + j];
        Cnew[c * d + j] = X[i * d + j];
      }
      counts[old]--;
      counts[c] = 1;
    });
  }
  for (let c = 0; c < k; c++) {
    if (counts[c] === 0) continue;
    const f = 1 / counts[c];
    for (let j = 0; j < d; j++) Cnew[c * d + j] *= f;
  }
}

/** Column means and the mean per-feature variance (population), for scikit-learn's tolerance scale. */
export function meanAndVariance(X: Float64Array, n: number, d: number): { mu: Float64Array; meanVar: number } {
  const mu = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mu[j] += X[i * d + j];
  for (let j = 0; j < d; j++) mu[j] /= n;
  let v = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const t = X[i * d + j] - mu[j];
      v += t * t;
    }
  }
  return { mu, meanVar: v / (n * d) };
}

/** A plain k-means fit (Lloyd, k-means++ seeding, best of nInit by inertia), for other estimators' use. */
export function kmeansLabels(X: Float64Array, n: number, d: number, k: number, nInit: number, rng: RandomState, maxIter = 300, tol = 1e-4): { labels: Int32Array; centers: Float64Array; inertia: number } {
  const { meanVar } = meanAndVariance(X, n, d);
  const tolAbs = tol * meanVar;
  let best: { labels: Int32Array; centers: Float64Array; inertia: number } | null = null;
  const labels = new Int32Array(n);
  const prev = new Int32Array(n);
  const dist = new Float64Array(n);
  for (let run = 0; run < nInit; run++) {
    let C = kmeansPlusPlus(X, n, d, k, rng);
    let Cn: Float64Array = new Float64Array(k * d);
    let strict = false;
    prev.fill(-1);
    for (let it = 0; it < maxIter; it++) {
      assign(X, n, d, C, k, labels, dist);
      updateCenters(X, n, d, labels, dist, k, Cn);
      let shift = 0;
      for (let q = 0; q < k * d; q++) shift += (Cn[q] - C[q]) ** 2;
      [C, Cn] = [Cn, C];
      if (sameLabels(labels, prev)) {
        strict = true;
        break;
      }
      if (shift <= tolAbs) break;
      prev.set(labels);
    }
    const inertia = strict ? inertiaOf(X, n, d, C, labels) : assign(X, n, d, C, k, labels, dist);
    if (!best || inertia < best.inertia) best = { labels: labels.slice(), centers: C.slice(), inertia };
  }
  return best!;
}

/** Σ ‖xᵢ − c_{labels[i]}‖². */
export function inertiaOf(X: Float64Array, n: number, d: number, C: Float64Array, labels: Int32Array): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += sqDist(X, i * d, C, labels[i] * d, d);
  return s;
}

export function sameLabels(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Lloyd's assignment step with Hamerly's bounds (Hamerly 2010), giving exactly the labels of
 * {@link assign} while most samples skip the scan over the k centres. Per sample it keeps
 * - ℓᵢ, a lower bound on the distance to every centre other than its own;
 * and, each step, the exact distance uᵢ = ‖xᵢ − c_{aᵢ}‖ to its own centre (needed anyway for
 * the inertia). After centres move by δₖ = ‖cₖ′ − cₖ‖, the triangle inequality gives
 * ‖xᵢ − c′‖ ≥ ‖xᵢ − c‖ − δ, so ℓᵢ ← ℓᵢ − max_{k≠aᵢ} δₖ stays a lower bound. With
 * sₐ = ½ min_{k≠a} ‖cₐ − cₖ‖, any other centre is at least 2sₐ − uᵢ away, so when
 * uᵢ < max(ℓᵢ, sₐ) (less a tiny margin for rounding, so that near-ties, which must go to the
 * lower index, are always scanned) the label cannot change. Otherwise the sample is scanned as
 * in {@link assign}, which also refreshes ℓᵢ to the second-smallest distance.
 */
export class BoundedAssign {
  private readonly lower: Float64Array;
  private readonly half: Float64Array;
  private readonly sums: Float64Array;
  private readonly counts: Float64Array;
  private fresh = true;
  private readonly slack: number;
  private loosen1 = 0;
  private loosen2 = 0;
  private argMax = -1;

  constructor(
    private readonly X: Float64Array,
    private readonly n: number,
    private readonly d: number,
    private readonly k: number,
  ) {
    this.lower = new Float64Array(n);
    this.half = new Float64Array(k);
    this.sums = new Float64Array(k * d);
    this.counts = new Float64Array(k);
    // Rounding margin on the scale of the data (absolute error of distances ~ ε·‖x‖).
    let big = 0;
    for (let q = 0; q < n * d; q++) big = Math.max(big, Math.abs(X[q]));
    this.slack = 1e-9 * big * Math.sqrt(d);
  }

  /** Forget the bounds (a new run): the next assignment scans every sample. */
  reset(): void {
    this.fresh = true;
    this.loosen1 = this.loosen2 = 0;
  }

  /**
   * Labels each sample with its nearest centre (ties to the lower index), writes the squared
   * distance into `dist` and returns the inertia, summed in sample order as {@link assign} does.
   */
  assign(C: Float64Array, labels: Int32Array, dist: Float64Array): number {
    const { X, n, d, k, lower, half, slack, sums, counts } = this;
    // Per-cluster sums and counts of the new labels, accumulated in this pass in sample order,
    // for the update step that follows (see updateCenters).
    sums.fill(0);
    counts.fill(0);
    const fresh = this.fresh;
    const { loosen1, loosen2, argMax } = this;
    this.fresh = false;
    this.loosen1 = this.loosen2 = 0;
    if (!fresh) {
      // sₐ: half the distance from each centre to its nearest other centre.
      for (let a = 0; a < k; a++) {
        let m = Infinity;
        for (let c = 0; c < k; c++) if (c !== a) m = Math.min(m, sqDist(C, a * d, C, c * d, d));
        half[a] = Math.sqrt(m) / 2;
      }
    }
    let inertia = 0;
    for (let i = 0; i < n; i++) {
      const o = i * d;
      if (!fresh) {
        const a = labels[i];
        let u2: number;
        if (d === 2) {
          const p = X[o] - C[2 * a];
          const q = X[o + 1] - C[2 * a + 1];
          u2 = p * p + q * q;
        } else u2 = sqDist(X, o, C, a * d, d);
        const l = (lower[i] -= a === argMax ? loosen2 : loosen1);
        // u < max(ℓ, s) with the margin, compared squared (u ≤ m there, so a margin of 2e-9·m
        // covers 1e-9·(m + u)).
        const m = (l > half[a] ? l : half[a]) * (1 - 2e-9) - slack;
        if (m > 0 && u2 < m * m) {
          dist[i] = u2;
          inertia += u2;
          counts[a]++;
          if (d === 2) {
            sums[2 * a] += X[o];
            sums[2 * a + 1] += X[o + 1];
          } else for (let j = 0; j < d; j++) sums[a * d + j] += X[o + j];
          continue;
        }
      }
      // The full scan of {@link assign}, keeping the second-smallest distance too.
      let best = Infinity;
      let second = Infinity;
      let arg = 0;
      for (let c = 0; c < k; c++) {
        let s: number;
        if (d === 2) {
          const p = X[o] - C[2 * c];
          const q = X[o + 1] - C[2 * c + 1];
          s = p * p + q * q;
        } else s = sqDist(X, o, C, c * d, d);
        if (s < best) {
          second = best;
          best = s;
          arg = c;
        } else if (s < second) second = s;
      }
      labels[i] = arg;
      dist[i] = best;
      lower[i] = Math.sqrt(second);
      inertia += best;
      counts[arg]++;
      if (d === 2) {
        sums[2 * arg] += X[o];
        sums[2 * arg + 1] += X[o + 1];
      } else for (let j = 0; j < d; j++) sums[arg * d + j] += X[o + j];
    }
    lastAssign = { X, labels, sums, counts, k, d };
    return inertia;
  }

  /** The centres moved from `C` to `Cnew`: loosen the lower bounds by the largest other drift. */
  moved(C: Float64Array, Cnew: Float64Array): void {
    const { d, k } = this;
    if (this.fresh) return;
    let max1 = 0;
    let max2 = 0;
    let argMax = -1;
    for (let c = 0; c < k; c++) {
      const v = Math.sqrt(sqDist(C, c * d, Cnew, c * d, d));
      if (v > max1) {
        max2 = max1;
        max1 = v;
        argMax = c;
      } else if (v > max2) max2 = v;
    }
    // Applied to each ℓᵢ in the next assignment (summed if the centres move twice meanwhile).
    if (this.loosen1 > 0) {
      this.loosen1 += max1;
      this.loosen2 = this.loosen1;
      this.argMax = -1;
    } else {
      this.loosen1 = max1;
      this.loosen2 = max2;
      this.argMax = argMax;
    }
  }
}
