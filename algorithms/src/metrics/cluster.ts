/**
 * Clustering metrics, as scikit-learn's: silhouette (internal, needs X) and the adjusted Rand
 * index and normalised mutual information (external, compare two labelings; invariant to
 * renaming the clusters).
 */
import { ValidationError } from '../core/errors';
import type { MatrixLike, VectorLike } from '../core/matrix';
import { checkArray, checkClassificationTargets, checkFiniteResult, checkSize, LIMITS } from '../core/validation';

/** Labels as dense codes 0 … k−1 (in order of first appearance) and k. */
function encode(labels: VectorLike, name: string, length?: number): { codes: Int32Array; k: number } {
  const v = checkClassificationTargets(labels, length, name);
  const map = new Map<number, number>();
  const codes = new Int32Array(v.length);
  for (let i = 0; i < v.length; i++) {
    let c = map.get(v[i]);
    if (c === undefined) map.set(v[i], (c = map.size));
    codes[i] = c;
  }
  return { codes, k: map.size };
}

/** The contingency table nᵢⱼ = #{samples with true class i and predicted cluster j}. */
function contingency(labelsTrue: VectorLike, labelsPred: VectorLike) {
  const a = encode(labelsTrue, 'labelsTrue');
  const b = encode(labelsPred, 'labelsPred', a.codes.length);
  checkSize('labels', a.k * b.k, LIMITS.maxElements, 'contingency-table cells');
  const table = new Float64Array(a.k * b.k);
  for (let i = 0; i < a.codes.length; i++) table[a.codes[i] * b.k + b.codes[i]]++;
  return { table, ka: a.k, kb: b.k, n: a.codes.length };
}

/**
 * The adjusted Rand index: the Rand index (the share of sample pairs on which two labelings
 * agree, same cluster or not) corrected for chance, so that random labelings score ≈ 0 and
 * identical ones (up to renaming) 1. From the pair-confusion counts (tn, fp, fn, tp):
 * ARI = 2(tp·tn − fn·fp) / ((tp + fn)(fn + tn) + (tp + fp)(fp + tn)).
 */
export function adjustedRandScore(labelsTrue: VectorLike, labelsPred: VectorLike): number {
  const { table, ka, kb, n } = contingency(labelsTrue, labelsPred);
  const rows = new Float64Array(ka);
  const cols = new Float64Array(kb);
  let sumSquares = 0;
  for (let i = 0; i < ka; i++) {
    for (let j = 0; j < kb; j++) {
      const v = table[i * kb + j];
      rows[i] += v;
      cols[j] += v;
      sumSquares += v * v;
    }
  }
  // Ordered pair counts, as scikit-learn's pair_confusion_matrix.
  let rowDot = 0;
  let colDot = 0;
  for (let i = 0; i < ka; i++) for (let j = 0; j < kb; j++) {
    rowDot += table[i * kb + j] * cols[j];
    colDot += table[i * kb + j] * rows[i];
  }
  const tp = sumSquares - n;
  const fp = rowDot - sumSquares;
  const fn = colDot - sumSquares;
  const tn = n * n - fp - fn - sumSquares;
  if (fn === 0 && fp === 0) return 1;
  return (2 * (tp * tn - fn * fp)) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn));
}

function entropy(counts: Float64Array, n: number): number {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * (Math.log(c) - Math.log(n));
  return h;
}

/**
 * Normalised mutual information NMI = I(U; V) / ((H(U) + H(V)) / 2) (scikit-learn's default
 * arithmetic normalisation), in [0, 1]; 1 for identical labelings up to renaming.
 */
export function normalizedMutualInfoScore(labelsTrue: VectorLike, labelsPred: VectorLike): number {
  const { table, ka, kb, n } = contingency(labelsTrue, labelsPred);
  if ((ka === 1 && kb === 1) || (ka === 0 && kb === 0)) return 1;
  const rows = new Float64Array(ka);
  const cols = new Float64Array(kb);
  for (let i = 0; i < ka; i++) for (let j = 0; j < kb; j++) {
    rows[i] += table[i * kb + j];
    cols[j] += table[i * kb + j];
  }
  // I(U; V) = Σᵢⱼ (nᵢⱼ/n) log(n·nᵢⱼ / (aᵢ bⱼ)).
  let mi = 0;
  if (ka > 1 && kb > 1) {
    for (let i = 0; i < ka; i++) for (let j = 0; j < kb; j++) {
      const v = table[i * kb + j];
      if (v === 0) continue;
      const term = (v / n) * (Math.log(v) - Math.log(n)) + (v / n) * (-Math.log(rows[i] * cols[j]) + 2 * Math.log(n));
      mi += Math.abs(term) < Number.EPSILON ? 0 : term;
    }
    mi = Math.max(mi, 0);
  }
  if (mi === 0) return 0;
  const norm = (entropy(rows, n) + entropy(cols, n)) / 2;
  return mi / Math.max(norm, Number.EPSILON);
}

/**
 * The mean silhouette coefficient over all samples: s(i) = (b − a) / max(a, b), with a the
 * mean distance from sample i to the other members of its cluster and b the mean distance to
 * the members of the nearest other cluster; s(i) = 0 for a sample alone in its cluster.
 * Near 1: compact, well-separated clusters; near 0: overlapping; negative: misassigned.
 * Euclidean distances; needs 2 ≤ number of labels ≤ n − 1. O(n²) time, O(n) memory.
 */
export function silhouetteScore(X: MatrixLike, labels: VectorLike): number {
  const s = silhouetteSamples(X, labels);
  let t = 0;
  for (const v of s) t += v;
  return t / s.length;
}

/** The silhouette coefficient s(i) of every sample (see {@link silhouetteScore}). */
export function silhouetteSamples(X: MatrixLike, labels: VectorLike): number[] {
  const M = checkArray(X);
  const { codes, k } = encode(labels, 'labels', M.rows);
  const n = M.rows;
  const d = M.cols;
  if (k < 2 || k > n - 1) throw new ValidationError('labels', 'out-of-range', `needs 2 ≤ number of labels ≤ n − 1 = ${n - 1}, got ${k}`);
  const sizes = new Float64Array(k);
  for (const c of codes) sizes[c]++;
  const sums = new Float64Array(k);
  const out = new Array<number>(n);
  const A = M.data;
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    const o = i * d;
    for (let j = 0; j < n; j++) {
      let s = 0;
      const p = j * d;
      for (let t = 0; t < d; t++) {
        const v = A[o + t] - A[p + t];
        s += v * v;
      }
      sums[codes[j]] += Math.sqrt(s);
    }
    // Coordinates of order 1e154 overflow the squared distances.
    checkFiniteResult(sums, 'the silhouette distances');
    const ci = codes[i];
    if (sizes[ci] <= 1) {
      out[i] = 0;
      continue;
    }
    const a = sums[ci] / (sizes[ci] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== ci) b = Math.min(b, sums[c] / sizes[c]);
    const m = Math.max(a, b);
    out[i] = m > 0 ? (b - a) / m : 0;
  }
  return out;
}
