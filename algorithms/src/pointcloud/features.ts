import { ValidationError } from '../core/errors';
import { runToEnd } from '../core/steps';
import { describeValue } from '../core/validation';
import { shapeFeatures, symmetricEigen3 } from './eigen';
import { KDTree } from './kdtree';
import { checkInt, checkPositive, checkXYZ, type XYZLike } from './validate';

/** The features computed at each radius, in column order. */
export const NEIGHBOURHOOD_FEATURES = ['linearity', 'planarity', 'sphericity', 'verticality', 'density'] as const;

/** Options of {@link pointFeatures}. */
export interface PointFeatureOptions {
  /** Neighbourhood radii, strictly increasing (1 to 5 of them), in the cloud's units. Default [1, 2, 3]. */
  radii?: readonly number[];
  /** Side of the horizontal cells of the ground estimate. Default 4. */
  groundCell?: number;
  /** The ground under a point is the lowest z within this many cells each side (a (2w+1)² window). Default 2. */
  groundWindow?: number;
  /** Points per step of {@link pointFeatureSteps} (one progress report each). Default 2000. */
  chunkSize?: number;
}

/** The features of every point: a row-major matrix (rows = points) with its column names. */
export interface PointFeatureMatrix {
  rows: number;
  cols: number;
  /** Entry (i, j) at data[i·cols + j]; every entry is finite. */
  data: Float64Array;
  /** Column names: "linearity r=1", …, "density r=3", "height above ground". */
  names: string[];
  /** The radii, as given. */
  radii: number[];
}

/** Progress of {@link pointFeatureSteps}. */
export interface PointFeatureStep {
  /** Points done. */
  done: number;
  /** All points. */
  total: number;
}

function checkRadii(radii: unknown): number[] {
  if (!Array.isArray(radii)) throw new ValidationError('radii', 'wrong-type', `must be an array of increasing positive numbers, got ${describeValue(radii)}`);
  if (radii.length < 1 || radii.length > 5) throw new ValidationError('radii', radii.length ? 'too-large' : 'empty', `must hold 1 to 5 radii, got ${radii.length}`);
  const r = radii.map((v, i) => checkPositive(v, `radii[${i}]`));
  for (let i = 1; i < r.length; i++) if (!(r[i] > r[i - 1])) throw new ValidationError('radii', 'bad-option', `must be strictly increasing, got ${r.join(', ')}`);
  return r;
}

/**
 * The height of each point above the ground, estimated as its z minus the lowest z within a
 * window of (2w+1)² horizontal cells of side `cell` (a morphological opening's erosion step: the
 * lowest return nearby is taken as ground). The window must be wider than the largest building
 * so that a roof cell sees ground beside the walls. The grid grows its cells if the cloud's extent
 * would need more than max(10⁶, 4n) of them.
 */
export function heightAboveGround(xyz: XYZLike, cell = 4, window = 2): Float64Array {
  const p = checkXYZ(xyz);
  checkPositive(cell, 'groundCell');
  checkInt(window, 'groundWindow', 0, 50);
  const n = p.length / 3;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = p[3 * i], y = p[3 * i + 1];
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  const maxCells = Math.max(1e6, 4 * n);
  let g = cell;
  while (((x1 - x0) / g + 1) * ((y1 - y0) / g + 1) > maxCells) g *= 2;
  const nx = Math.floor((x1 - x0) / g) + 1;
  const ny = Math.floor((y1 - y0) / g) + 1;
  const cellOf = new Int32Array(n);
  const low = new Float64Array(nx * ny).fill(Infinity);
  for (let i = 0; i < n; i++) {
    const c = Math.floor((p[3 * i + 1] - y0) / g) * nx + Math.floor((p[3 * i] - x0) / g);
    cellOf[i] = c;
    if (p[3 * i + 2] < low[c]) low[c] = p[3 * i + 2];
  }
  // Separable minimum filter: along x, then along y (empty cells are +∞ and never win).
  const tmp = new Float64Array(nx * ny);
  for (let r = 0; r < ny; r++) {
    for (let c = 0; c < nx; c++) {
      let m = Infinity;
      for (let k = Math.max(0, c - window), e = Math.min(nx - 1, c + window); k <= e; k++) if (low[r * nx + k] < m) m = low[r * nx + k];
      tmp[r * nx + c] = m;
    }
  }
  for (let c = 0; c < nx; c++) {
    for (let r = 0; r < ny; r++) {
      let m = Infinity;
      for (let k = Math.max(0, r - window), e = Math.min(ny - 1, r + window); k <= e; k++) if (tmp[k * nx + c] < m) m = tmp[k * nx + c];
      low[r * nx + c] = m;
    }
  }
  const h = new Float64Array(n);
  // The point's own cell is in its window, so the ground is finite and h ≥ 0.
  for (let i = 0; i < n; i++) h[i] = p[3 * i + 2] - low[cellOf[i]];
  return h;
}

/**
 * Multi-scale neighbourhood features of every point of a cloud, as a generator that yields its
 * progress every `chunkSize` points (to run in slices or report a progress bar);
 * {@link pointFeatures} runs it to the end.
 *
 * For each radius r, the neighbours within r (the point included) give the covariance
 * C = (1/N) Σ (pᵢ − p̄)(pᵢ − p̄)ᵀ, whose eigenvalues λ₁ ≥ λ₂ ≥ λ₃ give linearity (λ₁ − λ₂)/λ₁,
 * planarity (λ₂ − λ₃)/λ₁ and sphericity λ₃/λ₁, and whose smallest eigenvector (the normal n)
 * gives verticality 1 − |n_z|; density is N / (4/3 π r³). The last column is the height above
 * the ground ({@link heightAboveGround}).
 *
 * Cost: one k-d tree radius query per point at the largest radius; each neighbour is added to
 * the moment sums (Σ1, Σd, Σddᵀ, relative to the query point for precision) of the smallest
 * radius that holds it, and the sums are then accumulated outwards, so the smaller radii cost
 * nothing extra. O(n log n + n·k) for k neighbours per point.
 * @throws ValidationError for a bad cloud or option (before the first step).
 */
export function* pointFeatureSteps(xyz: XYZLike, options: PointFeatureOptions = {}): Generator<PointFeatureStep, PointFeatureMatrix, undefined> {
  const p = checkXYZ(xyz);
  if (typeof options !== 'object' || options === null) throw new ValidationError('options', 'wrong-type', `must be an object, got ${describeValue(options)}`);
  const radii = checkRadii(options.radii ?? [1, 2, 3]);
  const groundCell = checkPositive(options.groundCell ?? 4, 'groundCell');
  const groundWindow = checkInt(options.groundWindow ?? 2, 'groundWindow', 0, 50);
  const chunk = checkInt(options.chunkSize ?? 2000, 'chunkSize', 1, 1e9);
  const n = p.length / 3;
  const K = radii.length;
  const F = NEIGHBOURHOOD_FEATURES.length;
  const cols = K * F + 1;
  const names = [...radii.flatMap((r) => NEIGHBOURHOOD_FEATURES.map((f) => `${f} r=${r}`)), 'height above ground'];
  const data = new Float64Array(n * cols);
  yield { done: 0, total: n };
  const tree = new KDTree(p);
  const h = heightAboveGround(p, groundCell, groundWindow);
  const r2 = radii.map((r) => r * r);
  const rMax2 = r2[K - 1];
  const vol = radii.map((r) => (4 / 3) * Math.PI * r * r * r);
  // Moment sums per radius shell: count, Σx, Σy, Σz, Σxx, Σxy, Σxz, Σyy, Σyz, Σzz.
  const S = new Float64Array(10 * K);
  const { x: X, y: Y, z: Z, order } = tree;
  for (let q = 0; q < n; q++) {
    const qx = X[q], qy = Y[q], qz = Z[q];
    const m = tree.scanRadius(qx, qy, qz, rMax2);
    const { positions, dist2 } = tree.hits;
    S.fill(0);
    for (let t = 0; t < m; t++) {
      const d2 = dist2[t];
      let k = 0;
      while (d2 > r2[k]) k++;
      const j = positions[t];
      const dx = X[j] - qx, dy = Y[j] - qy, dz = Z[j] - qz;
      const o = 10 * k;
      S[o] += 1;
      S[o + 1] += dx;
      S[o + 2] += dy;
      S[o + 3] += dz;
      S[o + 4] += dx * dx;
      S[o + 5] += dx * dy;
      S[o + 6] += dx * dz;
      S[o + 7] += dy * dy;
      S[o + 8] += dy * dz;
      S[o + 9] += dz * dz;
    }
    const row = order[q] * cols;
    for (let k = 0; k < K; k++) {
      const o = 10 * k;
      // Shells → balls: radius k holds every shell up to k.
      if (k > 0) for (let s = 0; s < 10; s++) S[o + s] += S[o - 10 + s];
      const N = S[o];
      const mx = S[o + 1] / N, my = S[o + 2] / N, mz = S[o + 3] / N;
      const e = symmetricEigen3(
        S[o + 4] / N - mx * mx,
        S[o + 5] / N - mx * my,
        S[o + 6] / N - mx * mz,
        S[o + 7] / N - my * my,
        S[o + 8] / N - my * mz,
        S[o + 9] / N - mz * mz,
      );
      const f = shapeFeatures(e.values[0], e.values[1], e.values[2], e.normal[2]);
      const c = row + k * F;
      data[c] = f.linearity;
      data[c + 1] = f.planarity;
      data[c + 2] = f.sphericity;
      data[c + 3] = f.verticality;
      data[c + 4] = N / vol[k];
    }
    data[row + cols - 1] = h[order[q]];
    if ((q + 1) % chunk === 0 && q + 1 < n) yield { done: q + 1, total: n };
  }
  return { rows: n, cols, data, names, radii };
}

/** Runs {@link pointFeatureSteps} to the end: the feature matrix of every point. */
export function pointFeatures(xyz: XYZLike, options: PointFeatureOptions = {}): PointFeatureMatrix {
  return runToEnd(pointFeatureSteps(xyz, options));
}
