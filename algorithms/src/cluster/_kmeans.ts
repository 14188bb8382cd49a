/**
 * The k-means kernels shared by KMeans, MiniBatchKMeans, GaussianMixture (its initialisation)
 * and SpectralClustering (its last step). Flat row-major Float64Arrays throughout: these loops
 * are the whole cost of a fit.
 */
import type { MatrixLike } from '../core/matrix';
import type { RandomState } from '../core/random';
import { checkArray, checkFeatureCount } from '../core/validation';
import { flatten } from './_common';
import { kmeansInstance, kmeansKernels, type KMeansKernels } from './_kmeansWasm';

/** From this many samples the two-feature, three-candidate seeding pass runs in WebAssembly SIMD. */
const WASM_SEED_MIN = 4096;

/**
 * k-means++ seeding, scikit-learn's greedy variant: the first centre is a uniformly drawn
 * sample; each next one is the best of 2 + ⌊ln k⌋ candidates drawn with probability
 * proportional to D(x)², the squared distance to the nearest centre so far, "best" meaning
 * the candidate that leaves the smallest potential Σ min D(x)².
 */
export function kmeansPlusPlus(X: Float64Array, n: number, d: number, k: number, rng: RandomState, track?: SeedTrack): Float64Array {
  const C = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  const first = rng.randint(n);
  C.set(X.subarray(first * d, first * d + d), 0);
  // Two features, three candidates, many samples: the candidates' potentials in WebAssembly,
  // with X copied into its memory once per seeding and D² (`closest`) living there. The
  // instance is shared, but this function does not yield, so nothing else uses it meanwhile.
  const wk = d === 2 && trials === 3 && n >= WASM_SEED_MIN ? kmeansKernels(3 * n + 9) : null;
  if (wk) wk.f64.set(X.subarray(0, 2 * n), 0);
  const closest = wk ? wk.f64.subarray(2 * n, 3 * n) : new Float64Array(n);
  closest.fill(Infinity);
  // The cumulative weights of the draws, kept per block of PP_BLOCK samples only (the running
  // sum at each block's end): a draw searches the blocks, then adds up within its block, the
  // same additions in the same order as a full cumulative array, without writing one.
  const nb = Math.ceil(n / PP_BLOCK);
  const blockCum = new Float64Array(nb);
  // D² to the first centre, and its running sum.
  let pot = closerTo(X, n, d, X, first * d, closest, blockCum);
  const candIds = new Int32Array(trials);
  const pots = new Float64Array(trials);
  const cand = new Float64Array(trials * d);
  for (let c = 1; c < k; c++) {
    for (let t = 0; t < trials; t++) {
      const r = rng.random() * pot;
      // searchsorted (left) on the cumulative sums: the first index with cum ≥ r.
      let lo = 0;
      let hi = nb;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (blockCum[mid] < r) lo = mid + 1;
        else hi = mid;
      }
      let idx = n - 1;
      if (lo < nb) {
        let run = lo > 0 ? blockCum[lo - 1] : 0;
        const end = Math.min(n, (lo + 1) * PP_BLOCK);
        for (let q = lo * PP_BLOCK; q < end; q++) {
          run += closest[q];
          if (run >= r) {
            idx = q;
            break;
          }
        }
      }
      candIds[t] = idx;
      cand.set(X.subarray(idx * d, idx * d + d), t * d);
    }
    // The potential Σᵢ min(D(xᵢ)², ‖xᵢ − candidate‖²) each candidate would leave, all candidates
    // in one pass over X (each sum still runs in sample order).
    if (wk) pots3Wasm(wk, X, n, cand, closest, pots);
    else candidatePotentials(X, n, d, cand, trials, closest, pots);
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
    pot = track && d === 2 ? closerTo2Tracked(X, n, X, o, c, closest, blockCum, track) : closerTo(X, n, d, X, o, closest, blockCum);
    C.set(X.subarray(o, o + d), c * d);
  }
  if (track) {
    // A copy when closest lives in the shared kernel memory (reused by the next seeding).
    if (!wk) track.best = closest;
    else if (track.best && track.best.length === n) track.best.set(closest);
    else track.best = closest.slice();
    track.valid = d === 2;
  }
  return C;
}

/**
 * What k-means++ can hand to the first assignment for two features: each sample's nearest
 * centre (ties to the lower index), its squared distance (`best`) and the second-smallest
 * squared distance, exactly what the first full scan would find.
 */
export interface SeedTrack {
  labels: Int32Array;
  second: Float64Array;
  best: Float64Array | null;
  /** Set by kmeansPlusPlus: true when labels, best and second were kept (two features). */
  valid: boolean;
}

/** {@link closerTo} for two features, also keeping the nearest centre's index and the second distance. */
function closerTo2Tracked(X: Float64Array, n: number, C: Float64Array, co: number, c: number, closest: Float64Array, blockCum: Float64Array, track: SeedTrack): number {
  const { labels, second } = track;
  if (c === 1) {
    // The first centre (0) is everyone's nearest so far.
    labels.fill(0, 0, n);
    second.fill(Infinity, 0, n);
  }
  let pot = 0;
  const nb = blockCum.length;
  const c0 = C[co];
  const c1 = C[co + 1];
  for (let b = 0; b < nb; b++) {
    const end = Math.min(n, (b + 1) * PP_BLOCK);
    for (let i = b * PP_BLOCK; i < end; i++) {
      const a = X[2 * i] - c0;
      const e = X[2 * i + 1] - c1;
      const s = a * a + e * e;
      const m = closest[i];
      if (s < m) {
        second[i] = m;
        closest[i] = s;
        labels[i] = c;
        pot += s;
      } else {
        if (s < second[i]) second[i] = s;
        pot += m;
      }
    }
    blockCum[b] = pot;
  }
  return pot;
}

/** Samples per block of k-means++'s cumulative weights. */
const PP_BLOCK = 64;

/**
 * closest[i] ← min(closest[i], ‖xᵢ − c‖²) for the centre c = C[co…], with the running sum of
 * the new values stored at each block's end; returns the total.
 */
function closerTo(X: Float64Array, n: number, d: number, C: Float64Array, co: number, closest: Float64Array, blockCum: Float64Array): number {
  let pot = 0;
  const nb = blockCum.length;
  if (d === 2) {
    const c0 = C[co];
    const c1 = C[co + 1];
    for (let b = 0; b < nb; b++) {
      const end = Math.min(n, (b + 1) * PP_BLOCK);
      for (let i = b * PP_BLOCK; i < end; i++) {
        const a = X[2 * i] - c0;
        const e = X[2 * i + 1] - c1;
        const s = a * a + e * e;
        const m = s < closest[i] ? s : closest[i];
        closest[i] = m;
        pot += m;
      }
      blockCum[b] = pot;
    }
    return pot;
  }
  for (let b = 0; b < nb; b++) {
    const end = Math.min(n, (b + 1) * PP_BLOCK);
    for (let i = b * PP_BLOCK; i < end; i++) {
      const s = sqDist(X, i * d, C, co, d);
      const m = s < closest[i] ? s : closest[i];
      closest[i] = m;
      pot += m;
    }
    blockCum[b] = pot;
  }
  return pot;
}

/** {@link candidatePotentials} for two features and three candidates, by the WebAssembly kernel. */
function pots3Wasm(wk: NonNullable<ReturnType<typeof kmeansKernels>>, X: Float64Array, n: number, cand: Float64Array, closest: Float64Array, pots: Float64Array): void {
  const f64 = wk.f64;
  const cl = 2 * n; // where `closest` already lives
  const cd = 3 * n;
  f64.set(cand.subarray(0, 6), cd);
  wk.pots3(0, n >> 1, 8 * cl, 8 * cd, 8 * (cd + 6));
  for (let t = 0; t < 3; t++) pots[t] = f64[cd + 6 + t];
  if (n % 2) {
    // The last sample, left over by the kernel's pairs.
    const i = n - 1;
    const c = closest[i];
    for (let t = 0; t < 3; t++) {
      const u = X[2 * i] - cand[2 * t];
      const v = X[2 * i + 1] - cand[2 * t + 1];
      const s = u * u + v * v;
      pots[t] += s < c ? s : c;
    }
  }
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
      // Ternaries, not Math.min (whose NaN and −0 rules cost a few instructions more).
      let u = x - a0;
      let v = y - a1;
      let s = u * u + v * v;
      p0 += s < c ? s : c;
      u = x - b0;
      v = y - b1;
      s = u * u + v * v;
      p1 += s < c ? s : c;
      u = x - e0;
      v = y - e1;
      s = u * u + v * v;
      p2 += s < c ? s : c;
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
let lastAssign: {
  X: Float64Array;
  labels: Int32Array;
  sums: Float64Array;
  counts: Float64Array;
  k: number;
  d: number;
  /** The centres that pass compared against. */
  C: Float64Array;
  /** True when that pass left `dist` unwritten for the samples its bounds skipped. */
  stale: boolean;
} | null = null;

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
    // The 2-D bounded pass skips writing the distances it does not need: fill them in now.
    if (fused && fused.stale && fused.X === X && fused.labels === labels) {
      for (let i = 0; i < n; i++) dist[i] = sqDist(X, i * d, fused.C, labels[i] * d, d);
    }
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
  // Two features: the same sums (0 + t₀² + t₁² = t₀² + t₁²), without the inner loop.
  if (d === 2) return inertiaOf2(X, n, C, labels);
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
 *
 * For two features (the course's scatter plots, and the 100k-sample bench) the pass is
 * Hamerly's in full ({@link assign2}): an upper bound uᵢ replaces the exact distance, the
 * bounds are float32 rounded outwards, the cluster sums move with the labels that change, and
 * the inertia is summed only when asked for. A run may start from k-means++'s own nearest and
 * second-nearest distances ({@link BoundedAssign.seed}) instead of a full scan.
 */
export class BoundedAssign {
  private readonly lower: Float64Array;
  private readonly half: Float64Array;
  private readonly sums: Float64Array;
  private readonly counts: Float64Array;
  /** The samples whose bound test failed, for the 2-D pass's scan. */
  private readonly todo: Int32Array;
  private fresh = true;
  private readonly slack: number;
  /**
   * Per centre, the total drift so far of the other centres (the largest other drift summed
   * over updates). A sample's bound is stored as ℓᵢ + off[aᵢ] and read as lower[i] − off[aᵢ],
   * so loosening every bound costs k additions instead of a write per sample.
   */
  private readonly off: Float64Array;
  /**
   * Two features only: uᵢ, an upper bound on the distance to the own centre, stored as
   * uᵢ − upOff[aᵢ] where upOff[c] sums centre c's own drifts (‖xᵢ − c′‖ ≤ ‖xᵢ − c‖ + δ_c).
   */
  private readonly upper: Float32Array;
  private readonly upOff: Float64Array;
  /** Two features only: the lower bounds in float32 (rounded down), half the memory traffic. */
  private readonly lower32: Float32Array;
  /**
   * Two features and many samples: the bound test of each pass runs in WebAssembly (see
   * _kmeansWasm.ts, `filter`), on the arrays above, which then live in its memory, and on a copy
   * of the labels (`labelsW`, refreshed before each pass) at the byte offsets of `wAt`.
   */
  private readonly wasm: KMeansKernels | null;
  private readonly labelsW: Int32Array | null = null;
  private readonly wAt = { labels: 0, lower: 0, upper: 0, todo: 0, off: 0, half: 0, upOff: 0 };

  constructor(
    private readonly X: Float64Array,
    private readonly n: number,
    private readonly d: number,
    private readonly k: number,
  ) {
    this.lower = new Float64Array(d === 2 ? 0 : n);
    this.sums = new Float64Array(k * d);
    this.counts = new Float64Array(k);
    // Layout of the kernel's memory: per-centre f64 tables first (8-byte aligned), then the
    // per-sample 4-byte arrays.
    const w = d === 2 && n >= WASM_SEED_MIN ? kmeansInstance(24 * k + 16 * n) : null;
    this.wasm = w;
    if (w) {
      const buf = w.f64.buffer;
      const at = this.wAt;
      at.off = 0;
      at.half = 8 * k;
      at.upOff = 16 * k;
      at.labels = 24 * k;
      at.lower = at.labels + 4 * n;
      at.upper = at.lower + 4 * n;
      at.todo = at.upper + 4 * n;
      this.off = new Float64Array(buf, at.off, k);
      this.half = new Float64Array(buf, at.half, k);
      this.upOff = new Float64Array(buf, at.upOff, k);
      this.labelsW = new Int32Array(buf, at.labels, n);
      this.lower32 = new Float32Array(buf, at.lower, n);
      this.upper = new Float32Array(buf, at.upper, n);
      this.todo = new Int32Array(buf, at.todo, n);
    } else {
      this.half = new Float64Array(k);
      this.off = new Float64Array(k);
      this.upOff = new Float64Array(k);
      this.upper = new Float32Array(d === 2 ? n : 0);
      this.lower32 = new Float32Array(d === 2 ? n : 0);
      this.todo = new Int32Array(d === 2 ? n : 0);
    }
    // Rounding margin on the scale of the data (absolute error of distances ~ ε·‖x‖).
    this.slack = 1e-9 * maxAbs(X, n * d) * Math.sqrt(d);
  }

  /**
   * Two features: start a run from k-means++'s tracked nearest and second-nearest distances
   * (see {@link SeedTrack}) instead of a first full scan; `labels` already holds the nearest
   * centres. The bounds are then exact, so the first assignment scans only the near-ties.
   * Returns false (nothing done) when the track is not usable.
   */
  seed(track: SeedTrack, labels: Int32Array): boolean {
    const { X, n, d, k, sums, counts } = this;
    if (d !== 2 || !track.valid || !track.best || k < 2) return false;
    const best = track.best;
    const second = track.second;
    const lower = this.lower32;
    const upper = this.upper;
    this.off.fill(0);
    this.upOff.fill(0);
    sums.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const a = labels[i];
      lower[i] = down32(Math.sqrt(second[i]));
      upper[i] = up32(Math.sqrt(best[i]));
      counts[a]++;
      sums[2 * a] += X[2 * i];
      sums[2 * a + 1] += X[2 * i + 1];
    }
    this.fresh = false;
    return true;
  }

  /**
   * How many labels the last {@link assign} changed (two features; every label counts on a
   * run's first pass), or −1 when not counted: lets the caller skip comparing label arrays.
   */
  changed = -1;

  /** Forget the bounds (a new run): the next assignment scans every sample. */
  reset(): void {
    this.fresh = true;
    this.off.fill(0);
    this.upOff.fill(0);
  }

  /**
   * Labels each sample with its nearest centre (ties to the lower index), writes the squared
   * distance into `dist` and returns the inertia. For two features `dist` is written only for
   * the samples the bounds did not skip (the update step, its one reader, fills in the rest
   * when a cluster empties).
   */
  assign(C: Float64Array, labels: Int32Array, dist: Float64Array, exact = true): number {
    const { X, n, d, k, lower, half, slack, sums, counts } = this;
    const fresh = this.fresh;
    // Per-cluster sums and counts of the new labels, for the update step that follows (see
    // updateCenters): accumulated in this pass in sample order, or for two features kept
    // from pass to pass and changed only where a label changes.
    if (d !== 2 || fresh) {
      sums.fill(0);
      counts.fill(0);
    }
    const off = this.off;
    this.fresh = false;
    this.changed = -1;
    if (!fresh) {
      // sₐ: half the distance from each centre to its nearest other centre.
      for (let a = 0; a < k; a++) {
        let m = Infinity;
        for (let c = 0; c < k; c++) if (c !== a) m = Math.min(m, sqDist(C, a * d, C, c * d, d));
        half[a] = Math.sqrt(m) / 2;
      }
    }
    if (d === 2) {
      let filter: (() => number) | null = null;
      const w = this.wasm;
      if (w && !fresh) {
        const at = this.wAt;
        this.labelsW!.set(labels.subarray(0, n));
        filter = () => w.filter(at.labels, at.lower, at.upper, at.off, at.half, at.upOff, at.todo, n, 1 - 2e-9, slack);
      }
      this.changed = assign2(X, n, C, k, labels, dist, this.lower32, this.upper, half, sums, counts, this.todo, fresh, off, this.upOff, slack, filter);
      // `dist` is written for the scanned samples only: see updateCenters.
      lastAssign = { X, labels, sums, counts, k, d, C, stale: true };
      return exact ? inertiaOf2(X, n, C, labels) : NaN;
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
        const l = lower[i] - off[a];
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
      lower[i] = Math.sqrt(second) + off[arg];
      inertia += best;
      counts[arg]++;
      if (d === 2) {
        sums[2 * arg] += X[o];
        sums[2 * arg + 1] += X[o + 1];
      } else for (let j = 0; j < d; j++) sums[arg * d + j] += X[o + j];
    }
    lastAssign = { X, labels, sums, counts, k, d, C, stale: false };
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
    // ‖xᵢ − c′‖ ≥ ‖xᵢ − c‖ − δ for every other centre: each bound drops by the largest
    // drift among the centres other than its own.
    for (let c = 0; c < k; c++) this.off[c] += c === argMax ? max2 : max1;
    if (d === 2) for (let c = 0; c < k; c++) this.upOff[c] += Math.sqrt(sqDist(C, c * d, Cnew, c * d, d));
  }
}

/**
 * {@link BoundedAssign.assign} for two features, Hamerly's algorithm in full: a sample whose
 * upper bound uᵢ is below max(ℓᵢ, s_{aᵢ}) keeps its label without reading its coordinates, and
 * nothing is written for it. The others are queued in `todo` and handled in a second loop
 * (two small loops keep their values in registers): the exact distance to the own centre
 * tightens uᵢ and may settle the test; otherwise the sample is scanned over the k centres, and
 * a label change moves the sample between the two clusters' sums.
 */
function assign2(
  X: Float64Array,
  n: number,
  C: Float64Array,
  k: number,
  labels: Int32Array,
  dist: Float64Array,
  lower: Float32Array,
  upper: Float32Array,
  half: Float64Array,
  sums: Float64Array,
  counts: Float64Array,
  todo: Int32Array,
  fresh: boolean,
  off: Float64Array,
  upOff: Float64Array,
  slack: number,
  filter: (() => number) | null = null,
): number {
  const shrink = 1 - 2e-9;
  if (fresh) {
    // The first pass of a run: every sample scanned, bounds set, sums from zero.
    for (let i = 0; i < n; i++) {
      const x0 = X[2 * i];
      const x1 = X[2 * i + 1];
      let best = Infinity;
      let second = Infinity;
      let arg = 0;
      for (let c = 0; c < k; c++) {
        const p = x0 - C[2 * c];
        const q = x1 - C[2 * c + 1];
        const s = p * p + q * q;
        if (s < best) {
          second = best;
          best = s;
          arg = c;
        } else if (s < second) second = s;
      }
      labels[i] = arg;
      dist[i] = best;
      lower[i] = down32(Math.sqrt(second) + off[arg]);
      upper[i] = up32(Math.sqrt(best) - upOff[arg]);
      counts[arg]++;
      sums[2 * arg] += x0;
      sums[2 * arg + 1] += x1;
    }
    return n;
  }
  let changed = 0;
  let nt = 0;
  if (filter) nt = filter();
  else {
    for (let i = 0; i < n; i++) {
      const a = labels[i];
      const l = lower[i] - off[a];
      const h = half[a];
      // u < max(ℓ, s) with the rounding margin of the class comment.
      if (upper[i] + upOff[a] >= (l > h ? l : h) * shrink - slack) todo[nt++] = i;
    }
  }
  for (let t = 0; t < nt; t++) {
    const i = todo[t];
    const x0 = X[2 * i];
    const x1 = X[2 * i + 1];
    const old = labels[i];
    // Tighten uᵢ to the exact distance; the test may pass now.
    let p = x0 - C[2 * old];
    let q = x1 - C[2 * old + 1];
    const u2 = p * p + q * q;
    const l = lower[i] - off[old];
    const h = half[old];
    const m = (l > h ? l : h) * shrink - slack;
    if (m > 0 && u2 < m * m) {
      dist[i] = u2;
      upper[i] = up32(Math.sqrt(u2) - upOff[old]);
      continue;
    }
    let best = Infinity;
    let second = Infinity;
    let arg = 0;
    for (let c = 0; c < k; c++) {
      p = x0 - C[2 * c];
      q = x1 - C[2 * c + 1];
      const s = p * p + q * q;
      if (s < best) {
        second = best;
        best = s;
        arg = c;
      } else if (s < second) second = s;
    }
    labels[i] = arg;
    dist[i] = best;
    lower[i] = down32(Math.sqrt(second) + off[arg]);
    upper[i] = up32(Math.sqrt(best) - upOff[arg]);
    if (arg !== old) {
      changed++;
      counts[old]--;
      sums[2 * old] -= x0;
      sums[2 * old + 1] -= x1;
      counts[arg]++;
      sums[2 * arg] += x0;
      sums[2 * arg + 1] += x1;
    }
  }
  return changed;
}

/** max |X[q]| over q < len (a small function of its own: compiled early, cheaply). */
function maxAbs(X: Float64Array, len: number): number {
  let big = 0;
  for (let q = 0; q < len; q++) big = Math.max(big, Math.abs(X[q]));
  return big;
}

/**
 * v (≥ 0) to be stored as a float32 no larger than v, so a lower bound stays one: scaled by
 * 1 − 2.4e-7 before the round to nearest (relative error ≤ 2⁻²⁴ ≈ 6e-8), capped below
 * float32's overflow (an ∞ would never loosen). Values below its normal range round to 0.
 */
function down32(v: number): number {
  return Math.min(v * (1 - 2.4e-7), 3e38);
}

/**
 * v to be stored as a float32 no smaller than v, so an upper bound stays one (see
 * {@link down32}); positive values stay at least float32's smallest normal, which does not
 * round to 0. Beyond its range it becomes ∞, still an upper bound.
 */
function up32(v: number): number {
  return v > 0 ? Math.max(v * (1 + 2.4e-7), 1.2e-38) : v * (1 - 2.4e-7);
}

/** Σ ‖xᵢ − c_{labels[i]}‖² for two features, in sample order. */
function inertiaOf2(X: Float64Array, n: number, C: Float64Array, labels: Int32Array): number {
  let s = 0;
  for (let i = 0; i < n; i++) {
    const a = labels[i];
    const p = X[2 * i] - C[2 * a];
    const q = X[2 * i + 1] - C[2 * a + 1];
    s += p * p + q * q;
  }
  return s;
}
