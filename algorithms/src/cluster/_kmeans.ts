/**
 * The k-means kernels shared by KMeans, MiniBatchKMeans, GaussianMixture (its initialisation)
 * and SpectralClustering (its last step). Flat row-major Float64Arrays throughout: these loops
 * are the whole cost of a fit.
 */
import type { RandomState } from '../core/random';

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
  let pot = 0;
  for (let i = 0; i < n; i++) {
    closest[i] = sqDist(X, i * d, C, 0, d);
    pot += closest[i];
  }
  const cum = new Float64Array(n);
  const candIds = new Int32Array(trials);
  for (let c = 1; c < k; c++) {
    let acc = 0;
    for (let i = 0; i < n; i++) cum[i] = acc += closest[i];
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
    }
    // The potential each candidate would leave; then one more pass to update D² for the best.
    let bestT = 0;
    let bestPot = Infinity;
    for (let t = 0; t < trials; t++) {
      const p = potentialWith(X, n, d, candIds[t] * d, closest);
      if (p < bestPot) {
        bestPot = p;
        bestT = t;
      }
    }
    const o = candIds[bestT] * d;
    pot = 0;
    for (let i = 0; i < n; i++) {
      const v = sqDist(X, i * d, X, o, d);
      if (v < closest[i]) closest[i] = v;
      pot += closest[i];
    }
    C.set(X.subarray(o, o + d), c * d);
  }
  return C;
}

/** Σᵢ min(D(xᵢ)², ‖xᵢ − x_cand‖²): the k-means++ potential if the candidate at offset `o` were added. */
function potentialWith(X: Float64Array, n: number, d: number, o: number, closest: Float64Array): number {
  let p = 0;
  if (d === 2) {
    const c0 = X[o];
    const c1 = X[o + 1];
    for (let i = 0; i < n; i++) {
      const a = X[2 * i] - c0;
      const b = X[2 * i + 1] - c1;
      const v = a * a + b * b;
      const m = closest[i];
      p += v < m ? v : m;
    }
    return p;
  }
  for (let i = 0; i < n; i++) {
    const v = sqDist(X, i * d, X, o, d);
    const m = closest[i];
    p += v < m ? v : m;
  }
  return p;
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
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    counts[c]++;
    const o = i * d;
    const co = c * d;
    for (let j = 0; j < d; j++) Cnew[co + j] += X[o + j];
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
