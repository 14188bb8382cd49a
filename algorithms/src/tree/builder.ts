/**
 * The CART growing engine shared by {@link DecisionTreeClassifier} and the random forest.
 *
 * Speed comes from working on ranks instead of raw values. Each feature is sorted once
 * ({@link rankFeatures}); a sample's value is replaced by the rank of that value among the
 * feature's distinct values. At a node, the best threshold of a feature needs only the
 * class counts in rank order, which we get either
 * - by a histogram over ranks (counts[rank·K + class]), O(n_node + V·K), when the feature has
 *   few distinct values V compared with the node (digits: V ≤ 17); or
 * - by sorting the packed integers rank·K + class of the node's samples with the native
 *   typed-array sort, O(n_node log n_node), when V is large (continuous features).
 * Both give exactly the split that sorting the raw values gives: the same candidate
 * thresholds (midpoints between consecutive distinct values present in the node) and the
 * same class counts on each side. No per-sample objects are allocated.
 *
 * Impurity bookkeeping is O(1) per moved sample: for Gini we keep Σₖ wₖ² on each side
 * (moving weight m of class k adds m(2wₖ + m) on the left and removes m(2wₖ − m) on the
 * right); for entropy we keep Σₖ wₖ log wₖ from a table of x log x.
 */
import type { Matrix } from '../core/matrix';
import { runToEnd } from '../core/steps';
import type { SplitterRandom } from './sklearnRandom';

/** Column-major ranks of a sample matrix, and the distinct values behind them. */
export interface FeatureRanks {
  readonly nSamples: number;
  readonly nFeatures: number;
  /** rank[f·n + i]: the rank of X[i][f] among the distinct values of feature f. */
  readonly rank: Uint32Array;
  /** The sorted distinct values of each feature. */
  readonly values: Float64Array[];
}

/** Replaces each value by its rank among its feature's distinct values. */
export function rankFeatures(X: Matrix): FeatureRanks {
  const n = X.rows;
  const d = X.cols;
  const rank = new Uint32Array(n * d);
  const values: Float64Array[] = [];
  const col = new Float64Array(n);
  for (let f = 0; f < d; f++) {
    for (let i = 0; i < n; i++) col[i] = X.data[i * d + f];
    const sorted = col.slice().sort();
    let V = 0;
    for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[V - 1]) sorted[V++] = sorted[i];
    const distinct = sorted.slice(0, V);
    values.push(distinct);
    const base = f * n;
    for (let i = 0; i < n; i++) {
      // Binary search of X[i][f] in the distinct values.
      const v = col[i];
      let lo = 0;
      let hi = V - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (distinct[mid] < v) lo = mid + 1;
        else hi = mid;
      }
      rank[base + i] = lo;
    }
  }
  return { nSamples: n, nFeatures: d, rank, values };
}

/** Settings of one growth, resolved to numbers. */
export interface GrowParams {
  /** 0: Gini, 1: entropy. */
  criterion: 0 | 1;
  maxDepth: number;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  /** Features drawn at each node (sklearn's max_features, resolved to a count). */
  maxFeatures: number;
}

/**
 * A fitted tree in flat typed arrays, nodes in growth order (depth first, left child first,
 * as scikit-learn numbers them). Leaves have left = right = −1.
 */
export interface TreeArrays {
  nodeCount: number;
  nClasses: number;
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  impurity: Float64Array;
  nSamples: Int32Array;
  /** Class counts per node, nodeCount × nClasses. */
  value: Float64Array;
  /** Total impurity decrease per feature, Σ over the nodes split on it of N_t·i(t) − N_L·i(L) − N_R·i(R). */
  importance: Float64Array;
  maxDepthReached: number;
}

/** Node impurity from class counts: Gini 1 − Σ pₖ², or entropy −Σ pₖ log₂ pₖ (as scikit-learn, base 2). */
function nodeImpurity(counts: Float64Array, off: number, K: number, n: number, criterion: 0 | 1): number {
  if (criterion === 0) {
    let s = 0;
    for (let k = 0; k < K; k++) s += counts[off + k] * counts[off + k];
    return 1 - s / (n * n);
  }
  let h = 0;
  for (let k = 0; k < K; k++) {
    const c = counts[off + k];
    if (c > 0) {
      const p = c / n;
      h -= p * Math.log2(p);
    }
  }
  return h;
}

/**
 * Change of one side's running sum when a class weight there goes from `from` to `to`:
 * to² − from² for Gini (Σ wₖ²; integers, so exact), to·ln to − from·ln from for entropy.
 */
function sideDelta(gini: boolean, from: number, to: number, xlogx: Float64Array): number {
  return gini ? (to - from) * (to + from) : xlogx[to] - xlogx[from];
}

/**
 * scikit-learn's split proxy −W_R·i(R) − W_L·i(L), with its rounding, from the running sums
 * (Gini i = 1 − Σwₖ²/W²; entropy in nats W·i = W ln W − Σ wₖ ln wₖ); −∞ when a side has
 * fewer than minLeaf samples (nl, nr count distinct samples, wl, wr their weights).
 */
function cutProxy(gini: boolean, nl: number, nr: number, minLeaf: number, wl: number, wr: number, sl: number, sr: number, xlogx: Float64Array): number {
  if (nl < minLeaf || nr < minLeaf) return -Infinity;
  return gini ? -wr * (1 - sr / (wr * wr)) - wl * (1 - sl / (wl * wl)) : sl - xlogx[wl] + sr - xlogx[wr];
}

/** Scratch buffers reused by every node of every tree grown on the same data. */
export class GrowWorkspace {
  readonly hist: Float64Array;
  readonly rankCount: Int32Array;
  readonly keys32: Uint32Array;
  readonly keys64: Float64Array;
  readonly xlogx: Float64Array;
  readonly left: Float64Array;
  readonly right: Float64Array;
  readonly feats: Int32Array;
  readonly constFeats: Int32Array;

  constructor(R: FeatureRanks, nClasses: number, maxTotalWeight: number) {
    let maxV = 1;
    for (const v of R.values) maxV = Math.max(maxV, v.length);
    this.hist = new Float64Array(maxV * nClasses);
    this.rankCount = new Int32Array(maxV);
    this.keys32 = new Uint32Array(R.nSamples);
    this.keys64 = new Float64Array(R.nSamples);
    this.xlogx = new Float64Array(maxTotalWeight + 1);
    for (let x = 1; x <= maxTotalWeight; x++) this.xlogx[x] = x * Math.log(x);
    this.left = new Float64Array(nClasses);
    this.right = new Float64Array(nClasses);
    this.feats = new Int32Array(R.nFeatures);
    this.constFeats = new Int32Array(R.nFeatures);
  }
}

/**
 * Grows one tree on the samples listed in `samples` (distinct indices into the ranked data)
 * with integer weights `weight[i]` (a bootstrap sample's draw counts; null for all 1).
 *
 * The candidate features at a node are drawn exactly as scikit-learn's BestSplitter draws
 * them (Fisher–Yates over a feature array that persists from node to node, constant
 * features set aside and passed to the children), from the same generator, so that ties
 * between equally good splits are broken the same way.
 */
export function growTree(
  R: FeatureRanks,
  y: Int32Array,
  K: number,
  samples: Int32Array,
  weight: Int32Array | null,
  p: GrowParams,
  rng: SplitterRandom,
  ws?: GrowWorkspace,
): TreeArrays {
  return runToEnd(growSteps(R, y, K, samples, weight, p, rng, ws));
}

/**
 * The growth so far, as {@link growSteps} yields it after each node. One object, updated in
 * place: read it before resuming. The arrays are the builder's own (longer than nodeCount);
 * the fields of nodes below nodeCount no longer change, except that a split node's
 * children ids appear when those children are added (an id ≥ nodeCount is not added yet).
 */
export interface GrowProgress extends Pick<TreeArrays, 'feature' | 'threshold' | 'left' | 'right' | 'impurity' | 'nSamples' | 'value'> {
  /** The node just split or made a leaf (= nodeCount − 1). */
  node: number;
  nodeCount: number;
  /** Its depth. */
  depth: number;
  /**
   * Impurity decrease of its split, scikit-learn's min_impurity_decrease measure
   * (W_t/W)·(i(t) − (W_L/W_t)·i(L) − (W_R/W_t)·i(R)) with W the root's weight; 0 at a leaf.
   */
  impurityDecrease: number;
}

/**
 * {@link growTree} as a generator: yields after each node is split or made a leaf, in growth
 * order, and returns the tree. The yield is cheap (one shared progress object), so fitting
 * drives this same loop.
 */
export function* growSteps(
  R: FeatureRanks,
  y: Int32Array,
  K: number,
  samples: Int32Array,
  weight: Int32Array | null,
  p: GrowParams,
  rng: SplitterRandom,
  ws?: GrowWorkspace,
): Generator<GrowProgress, TreeArrays, undefined> {
  const n = R.nSamples;
  const d = R.nFeatures;
  const N = samples.length;
  let maxW = 1;
  let totalW = N;
  if (weight) {
    totalW = 0;
    for (let s = 0; s < N; s++) {
      const w = weight[samples[s]];
      totalW += w;
      if (w > maxW) maxW = w;
    }
  }
  if (!ws || ws.xlogx.length <= totalW) ws = new GrowWorkspace(R, K, Math.max(totalW, n));
  const { rank, values } = R;
  const { hist, rankCount, xlogx, left, right, feats, constFeats } = ws;
  const cap = 2 * N + 1;
  const feature = new Int32Array(cap).fill(-1);
  const threshold = new Float64Array(cap).fill(-2);
  const lchild = new Int32Array(cap).fill(-1);
  const rchild = new Int32Array(cap).fill(-1);
  const impurity = new Float64Array(cap);
  const nSamples = new Int32Array(cap);
  const value = new Float64Array(cap * K);
  const importance = new Float64Array(d);
  for (let f = 0; f < d; f++) feats[f] = f;
  const gini = p.criterion === 0;
  const minLeaf = p.minSamplesLeaf;

  // Stack of pending nodes: [start, end, depth, parent, isLeft, known constant features].
  const stack: number[] = [0, N, 0, -1, 0, 0];
  let nodeCount = 0;
  let maxDepthReached = 0;
  let wRoot = 1;
  const progress: GrowProgress = { node: 0, nodeCount: 0, depth: 0, impurityDecrease: 0, feature, threshold, left: lchild, right: rchild, impurity, nSamples, value };
  const leaf = (node: number, depth: number) => {
    progress.node = node;
    progress.nodeCount = node + 1;
    progress.depth = depth;
    progress.impurityDecrease = 0;
    return progress;
  };

  while (stack.length > 0) {
    const nKnown = stack.pop()!;
    const isLeft = stack.pop()!;
    const parent = stack.pop()!;
    const depth = stack.pop()!;
    const end = stack.pop()!;
    const start = stack.pop()!;
    const node = nodeCount++;
    if (parent >= 0) {
      if (isLeft) lchild[parent] = node;
      else rchild[parent] = node;
    }
    if (depth > maxDepthReached) maxDepthReached = depth;
    const nNode = end - start;
    const vo = node * K;
    let wNode = 0;
    for (let s = start; s < end; s++) {
      const i = samples[s];
      const w = weight ? weight[i] : 1;
      value[vo + y[i]] += w;
      wNode += w;
    }
    let sq = 0;
    for (let k = 0; k < K; k++) sq += value[vo + k] * value[vo + k];
    const imp = nodeImpurity(value, vo, K, wNode, p.criterion);
    impurity[node] = imp;
    nSamples[node] = nNode;
    if (node === 0) wRoot = wNode;
    if (depth >= p.maxDepth || nNode < p.minSamplesSplit || nNode < 2 * minLeaf || sq === wNode * wNode) {
      yield leaf(node, depth);
      continue;
    }

    let bestProxy = -Infinity;
    let bestFeature = -1;
    let bestLo = 0;
    let bestHi = 0;
    let fi = d;
    let nFound = 0;
    let nDrawn = 0;
    let nTotal = nKnown;
    let nVisited = 0;
    while (fi > nTotal && (nVisited < p.maxFeatures || nVisited <= nFound + nDrawn)) {
      nVisited++;
      let fj = rng.randInt(nDrawn, fi - nFound);
      if (fj < nKnown) {
        // A feature already known to be constant here: set it aside.
        const t = feats[nDrawn];
        feats[nDrawn] = feats[fj];
        feats[fj] = t;
        nDrawn++;
        continue;
      }
      fj += nFound;
      const f = feats[fj];
      const V = values[f].length;
      const base = f * n;
      for (let k = 0; k < K; k++) {
        left[k] = 0;
        right[k] = value[vo + k];
      }
      // Running sums: Gini keeps Σ wₖ² per side; entropy keeps Σ wₖ log wₖ per side.
      let sl = 0;
      let sr = 0;
      for (let k = 0; k < K; k++) sr += gini ? right[k] * right[k] : xlogx[right[k]];
      let nl = 0; // distinct samples on the left (what minSamplesLeaf counts)
      let wl = 0; // their total weight
      let prev = -1;
      let constant = true;
      if (V < 2) {
        // constant over the whole training set
      } else if (V * K <= 4 * nNode * Math.max(1, Math.log2(nNode))) {
        hist.fill(0, 0, V * K);
        rankCount.fill(0, 0, V);
        for (let s = start; s < end; s++) {
          const i = samples[s];
          const r = rank[base + i];
          hist[r * K + y[i]] += weight ? weight[i] : 1;
          rankCount[r]++;
        }
        for (let r = 0; r < V; r++) {
          const cnt = rankCount[r];
          if (cnt === 0) continue;
          if (prev >= 0) {
            constant = false;
            const proxy = cutProxy(gini, nl, nNode - nl, minLeaf, wl, wNode - wl, sl, sr, xlogx);
            if (proxy > bestProxy) {
              [bestProxy, bestFeature, bestLo, bestHi] = [proxy, f, prev, r];
            }
          }
          const ho = r * K;
          for (let k = 0; k < K; k++) {
            const m = hist[ho + k];
            if (m === 0) continue;
            const a = left[k];
            const b = right[k];
            sl += sideDelta(gini, a, a + m, xlogx);
            sr += sideDelta(gini, b, b - m, xlogx);
            left[k] = a + m;
            right[k] = b - m;
            wl += m;
          }
          nl += cnt;
          prev = r;
        }
      } else {
        // Packed keys ((rank·K + class)·maxW + weight − 1), sorted natively; Float64 when
        // they would not fit in 32 bits.
        const small = V * K * maxW < 4294967296;
        const keys = small ? ws.keys32.subarray(0, nNode) : ws.keys64.subarray(0, nNode);
        for (let s = start; s < end; s++) {
          const i = samples[s];
          keys[s - start] = (rank[base + i] * K + y[i]) * maxW + (weight ? weight[i] - 1 : 0);
        }
        keys.sort();
        for (let t = 0; t < nNode; t++) {
          let key = keys[t];
          let m = 1;
          if (maxW > 1) {
            const q = Math.floor(key / maxW);
            m = key - q * maxW + 1;
            key = q;
          }
          const r = Math.floor(key / K);
          const k = key - r * K;
          if (r !== prev) {
            if (prev >= 0) {
              constant = false;
              const proxy = cutProxy(gini, nl, nNode - nl, minLeaf, wl, wNode - wl, sl, sr, xlogx);
              if (proxy > bestProxy) {
                [bestProxy, bestFeature, bestLo, bestHi] = [proxy, f, prev, r];
              }
            }
            prev = r;
          }
          const a = left[k];
          const b = right[k];
          sl += sideDelta(gini, a, a + m, xlogx);
          sr += sideDelta(gini, b, b - m, xlogx);
          left[k] = a + m;
          right[k] = b - m;
          wl += m;
          nl++;
        }
      }
      if (constant) {
        const t = feats[nTotal];
        feats[nTotal] = feats[fj];
        feats[fj] = t;
        nFound++;
        nTotal++;
        continue;
      }
      fi--;
      const t = feats[fi];
      feats[fi] = feats[fj];
      feats[fj] = t;
    }
    // Keep the known constants' order for siblings and children; record the new ones.
    for (let c = 0; c < nKnown; c++) feats[c] = constFeats[c];
    for (let c = nKnown; c < nKnown + nFound; c++) constFeats[c] = feats[c];
    if (bestFeature < 0) {
      // every feature constant here, or minSamplesLeaf forbids all splits
      yield leaf(node, depth);
      continue;
    }

    // Threshold halfway between the two distinct values around the cut, computed as
    // scikit-learn does (a/2 + b/2); if rounding lands on the upper value, the lower one.
    const vals = values[bestFeature];
    let thr = vals[bestLo] / 2 + vals[bestHi] / 2;
    if (thr === vals[bestHi] || !Number.isFinite(thr)) thr = vals[bestLo];
    feature[node] = bestFeature;
    threshold[node] = thr;

    // Partition samples[start, end) in place: ranks ≤ bestLo go left.
    const base = bestFeature * n;
    let a = start;
    let b = end - 1;
    while (a <= b) {
      if (rank[base + samples[a]] <= bestLo) a++;
      else {
        const t = samples[a];
        samples[a] = samples[b];
        samples[b] = t;
        b--;
      }
    }
    const mid = a;
    // Push right first so that the left child is grown (and numbered) first.
    stack.push(mid, end, depth + 1, node, 0, nTotal);
    stack.push(start, mid, depth + 1, node, 1, nTotal);
    // The proxy is −(W_L·i(L) + W_R·i(R)), entropy in nats: W_t·i(t) less it is the decrease.
    const split = gini ? -bestProxy : -bestProxy / Math.LN2;
    leaf(node, depth).impurityDecrease = (wNode * imp - split) / wRoot;
    yield progress;
  }

  // Feature importances: W_t·i(t) − W_L·i(L) − W_R·i(R) summed per feature (W: weighted counts).
  const wOf = (t: number) => {
    let s = 0;
    for (let k = 0; k < K; k++) s += value[t * K + k];
    return s;
  };
  for (let t = 0; t < nodeCount; t++) {
    const l = lchild[t];
    if (l < 0) continue;
    const r = rchild[t];
    importance[feature[t]] += wOf(t) * impurity[t] - wOf(l) * impurity[l] - wOf(r) * impurity[r];
  }

  return {
    nodeCount,
    nClasses: K,
    feature: feature.slice(0, nodeCount),
    threshold: threshold.slice(0, nodeCount),
    left: lchild.slice(0, nodeCount),
    right: rchild.slice(0, nodeCount),
    impurity: impurity.slice(0, nodeCount),
    nSamples: nSamples.slice(0, nodeCount),
    value: value.slice(0, nodeCount * K),
    importance,
    maxDepthReached,
  };
}

/** The majority class index at node `t` (the first on ties, as scikit-learn's argmax). */
export function majorityClass(t: TreeArrays, node: number): number {
  const { value, nClasses: K } = t;
  const o = node * K;
  let best = 0;
  for (let k = 1; k < K; k++) if (value[o + k] > value[o + best]) best = k;
  return best;
}

/** The leaf reached by each row of X (row-major, d columns). */
export function applyTree(t: TreeArrays, X: Float64Array, nRows: number, d: number, out: Int32Array = new Int32Array(nRows)): Int32Array {
  const { feature, threshold, left, right } = t;
  for (let i = 0; i < nRows; i++) {
    const o = i * d;
    let node = 0;
    while (left[node] >= 0) node = X[o + feature[node]] <= threshold[node] ? left[node] : right[node];
    out[i] = node;
  }
  return out;
}
