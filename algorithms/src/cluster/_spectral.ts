/**
 * The fast path of spectral clustering: a sparse k-nearest-neighbour affinity (k-d tree for
 * low d, blocked brute force otherwise) and the few eigenvectors of the normalised Laplacian by
 * Lanczos, instead of dense n×n matrices and an O(n³) eigen-decomposition.
 *
 * With A = D^{−½} W′ D^{−½} (W′ = W without its diagonal, dᵢ = Σⱼ W′ᵢⱼ), the Laplacian is
 * L = I − A, so the m smallest eigen-pairs of L are the m largest of A. The eigenvalue-0 vectors
 * are known exactly: one per connected component C, D^{½}1_C / ‖D^{½}1_C‖. They are computed
 * from the components (union-find) and deflated, and Lanczos looks only for the rest; this is
 * also what makes a disconnected graph give a defined result (scikit-learn warns and lets
 * ARPACK pick any basis of that null space).
 */
import type { RandomState } from '../core/random';
import { chebyshevTop } from '../decomposition/_chebfilter';
import { KDTree } from './_kdtree';

/** A symmetric sparse matrix in compressed-row form. */
export interface CSR {
  n: number;
  indptr: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

/** The k nearest samples of every sample (itself first), as an n×k index array. */
export function knnIndices(X: Float64Array, n: number, d: number, k: number): Int32Array {
  const out = new Int32Array(n * k);
  const dist = new Float64Array(k);
  const nb = new Int32Array(k);
  if (d <= 8) {
    const tree = new KDTree(X, n, d);
    for (let i = 0; i < n; i++) {
      tree.knnOfRow(i, k, nb, dist);
      out.set(nb, i * k);
    }
    return out;
  }
  // Blocked brute force for higher d: squared norms + dot products over row blocks.
  const sq = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let t = 0; t < d; t++) s += X[i * d + t] * X[i * d + t];
    sq[i] = s;
  }
  const D = new Float64Array(n);
  const bd = new Float64Array(k);
  const bi = new Int32Array(k);
  for (let i = 0; i < n; i++) {
    const o = i * d;
    for (let j = 0; j < n; j++) {
      let s = 0;
      const p = j * d;
      for (let t = 0; t < d; t++) s += X[o + t] * X[p + t];
      D[j] = sq[i] + sq[j] - 2 * s;
    }
    D[i] = -1;
    // The k smallest (ties by index) by insertion into a sorted list of k.
    let size = 0;
    for (let j = 0; j < n; j++) {
      const v = D[j];
      if (size === k && (v > bd[k - 1] || (v === bd[k - 1] && j > bi[k - 1]))) continue;
      let p = size < k ? size++ : k - 1;
      while (p > 0 && (bd[p - 1] > v || (bd[p - 1] === v && bi[p - 1] > j))) {
        bd[p] = bd[p - 1];
        bi[p] = bi[p - 1];
        p--;
      }
      bd[p] = v;
      bi[p] = j;
    }
    out.set(bi, i * k);
  }
  return out;
}

/** W = ½(C + Cᵀ), C the kNN connectivity from `knnIndices`, as CSR with sorted columns. */
export function knnAffinityCSR(nbrs: Int32Array, n: number, k: number): CSR {
  const count = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < k; t++) {
      const j = nbrs[i * k + t];
      count[i]++;
      count[j]++;
    }
  }
  const ptr = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) ptr[i + 1] = ptr[i] + count[i];
  const col = new Int32Array(ptr[n]);
  const fill = ptr.slice(0, n);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < k; t++) {
      const j = nbrs[i * k + t];
      col[fill[i]++] = j;
      col[fill[j]++] = i;
    }
  }
  // Sort each row and merge duplicates: an entry listed twice is 1, once is ½.
  const indptr = new Int32Array(n + 1);
  const indices = new Int32Array(ptr[n]);
  const values = new Float64Array(ptr[n]);
  let nnz = 0;
  for (let i = 0; i < n; i++) {
    const row = col.subarray(ptr[i], ptr[i + 1]).sort();
    for (let r = 0; r < row.length; r++) {
      if (r > 0 && row[r] === row[r - 1]) values[nnz - 1] += 0.5;
      else {
        indices[nnz] = row[r];
        values[nnz++] = 0.5;
      }
    }
    indptr[i + 1] = nnz;
  }
  return { n, indptr, indices: indices.slice(0, nnz), values: values.slice(0, nnz) };
}

/** A dense symmetric n×n matrix as CSR (nonzeros only): counted first, then filled. */
export function denseToCSR(W: ArrayLike<number>, n: number): CSR {
  const indptr = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    let c = 0;
    for (let j = 0; j < n; j++) if (W[i * n + j] !== 0) c++;
    indptr[i + 1] = indptr[i] + c;
  }
  const indices = new Int32Array(indptr[n]);
  const values = new Float64Array(indptr[n]);
  let q = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = W[i * n + j];
      if (v !== 0) {
        indices[q] = j;
        values[q++] = v;
      }
    }
  }
  return { n, indptr, indices, values };
}

/** The CSR matrix as a dense row-major array. */
export function csrToDense(W: CSR): Float64Array {
  const { n, indptr, indices, values } = W;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let p = indptr[i]; p < indptr[i + 1]; p++) out[i * n + indices[p]] = values[p];
  return out;
}

/** dᵢ = Σ_{j≠i} Wᵢⱼ (self-loops ignored, as SciPy's csgraph.laplacian). */
export function degrees(W: CSR): Float64Array {
  const { n, indptr, indices, values } = W;
  const deg = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let p = indptr[i]; p < indptr[i + 1]; p++) if (indices[p] !== i) s += values[p];
    deg[i] = s;
  }
  return deg;
}

/** Connected components of the graph of W′ (union-find); component ids by first sample. */
export function components(W: CSR): { comp: Int32Array; count: number } {
  const { n, indptr, indices } = W;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (a: number) => {
    while (parent[a] !== a) {
      parent[a] = parent[parent[a]];
      a = parent[a];
    }
    return a;
  };
  for (let i = 0; i < n; i++) {
    for (let p = indptr[i]; p < indptr[i + 1]; p++) {
      const a = find(i);
      const b = find(indices[p]);
      if (a !== b) parent[a < b ? b : a] = a < b ? a : b;
    }
  }
  const comp = new Int32Array(n).fill(-1);
  const id = new Int32Array(n).fill(-1);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const r = find(i);
    if (id[r] < 0) id[r] = count++;
    comp[i] = id[r];
  }
  return { comp, count };
}

export interface SpectralEmbedding {
  /** The m smallest eigenvalues of L, ascending. */
  eigenvalues: number[];
  /** n × m row-major: eigenvectors of L divided by √dᵢ, signs made deterministic. */
  embedding: Float64Array;
  /** Connected components of the affinity graph (more than one: scikit-learn's warning case). */
  nGraphComponents: number;
}

/**
 * The spectral embedding: the m eigenvectors of L = I − D^{−½}W′D^{−½} of smallest
 * eigenvalue, each divided by √dᵢ, largest-magnitude entry made positive
 * (scikit-learn's _deterministic_vector_sign_flip).
 */
export function spectralEmbedding(W: CSR, deg: Float64Array, m: number, rng: RandomState): SpectralEmbedding {
  const { n, indptr, indices, values } = W;
  const sq = new Float64Array(n);
  for (let i = 0; i < n; i++) sq[i] = deg[i] > 0 ? Math.sqrt(deg[i]) : 1;
  const { comp, count } = components(W);
  // Null-space vectors, one per component (largest components first when there are too many).
  const sizes = new Float64Array(count);
  for (let i = 0; i < n; i++) sizes[comp[i]]++;
  const order = Array.from({ length: count }, (_, c) => c);
  if (count > m) order.sort((a, b) => sizes[b] - sizes[a] || a - b);
  const known: Float64Array[] = [];
  for (const c of order.slice(0, Math.min(m, count))) {
    const v = new Float64Array(n);
    let s = 0;
    for (let i = 0; i < n; i++) {
      if (comp[i] !== c) continue;
      v[i] = deg[i] > 0 ? sq[i] : 1;
      s += v[i] * v[i];
    }
    s = Math.sqrt(s);
    for (let i = 0; i < n; i++) v[i] /= s;
    known.push(v);
  }
  const eigenvalues: number[] = known.map(() => 0);
  const vecs: Float64Array[] = known.slice();
  if (m > known.length) {
    // A = D^{−½} W′ D^{−½} with its entries scaled once; an isolated sample maps to itself (Lᵢᵢ = 0).
    const a = new Float64Array(values.length);
    for (let i = 0; i < n; i++) {
      for (let p = indptr[i]; p < indptr[i + 1]; p++) {
        const j = indices[p];
        a[p] = j === i || deg[i] === 0 ? 0 : values[p] / (sq[i] * sq[j]);
      }
    }
    // Block product on an interleaved (row-major n × s) copy: one index load per nonzero
    // serves every vector of the block.
    let xin = new Float64Array(0);
    let xout = new Float64Array(0);
    const matvec = (xs: Float64Array[], outs: Float64Array[]) => {
      const s = xs.length;
      if (xin.length !== n * s) {
        xin = new Float64Array(n * s);
        xout = new Float64Array(n * s);
      }
      for (let v = 0; v < s; v++) {
        const x = xs[v];
        for (let i = 0; i < n; i++) xin[i * s + v] = x[i];
      }
      xout.fill(0);
      for (let i = 0; i < n; i++) {
        const o = i * s;
        if (deg[i] === 0) {
          for (let v = 0; v < s; v++) xout[o + v] = xin[o + v];
          continue;
        }
        for (let p = indptr[i]; p < indptr[i + 1]; p++) {
          const w = a[p];
          if (w === 0) continue;
          const q = indices[p] * s;
          for (let v = 0; v < s; v++) xout[o + v] += w * xin[q + v];
        }
      }
      for (let v = 0; v < s; v++) {
        const out = outs[v];
        for (let i = 0; i < n; i++) out[i] = xout[i * s + v];
      }
    };
    // The spectrum of A lies in [−1, 1]; the wanted end (near 1) is found by Chebyshev-filtered
    // subspace iteration, which handles the crowded top of the spectrum of large graphs.
    const r = chebyshevTop(n, m - known.length, matvec, rng, { deflate: known, lo: -1, tol: 1e-7, degree: 32 });
    for (let t = 0; t < r.values.length; t++) {
      eigenvalues.push(Math.max(0, 1 - r.values[t]));
      vecs.push(r.vectors.slice(t * n, (t + 1) * n));
    }
  }
  const E = new Float64Array(n * m);
  for (let c = 0; c < vecs.length; c++) {
    const v = vecs[c];
    let arg = 0;
    for (let i = 0; i < n; i++) {
      const e = v[i] / sq[i];
      E[i * m + c] = e;
      if (Math.abs(e) > Math.abs(E[arg * m + c])) arg = i;
    }
    if (E[arg * m + c] < 0) for (let i = 0; i < n; i++) E[i * m + c] = -E[i * m + c];
  }
  return { eigenvalues, embedding: E, nGraphComponents: count };
}
