import { ValidationError } from '../core/errors';
import { checkRandomState, type RandomStateLike } from '../core/random';
import { checkScalar } from '../core/validation';
import { checkDatasetSize, checkGeneratorOptions, type LabelledDataset } from './shapes';

/** Options of {@link makeClassification}, as scikit-learn's make_classification. */
export interface MakeClassificationOptions {
  /** Points. Default 100. */
  nSamples?: number;
  /** Columns in all: informative + redundant + repeated + useless noise. Default 20. */
  nFeatures?: number;
  /** Columns that carry the class structure. Default 2. */
  nInformative?: number;
  /** Random linear combinations of the informative columns. Default 2. */
  nRedundant?: number;
  /** Copies of informative or redundant columns. Default 0. */
  nRepeated?: number;
  /** Classes. Default 2. */
  nClasses?: number;
  /** Gaussian clusters per class. Default 2 (nClasses × nClustersPerClass ≤ 2^nInformative). */
  nClustersPerClass?: number;
  /** Class proportions (nClasses, or nClasses − 1 with the last one implied). Default balanced. */
  weights?: readonly number[] | null;
  /** Fraction of labels replaced by random ones (label noise). Default 0.01. */
  flipY?: number;
  /** Half the side of the hypercube whose vertices are the cluster centres: larger is easier. Default 1. */
  classSep?: number;
  /** Centres on hypercube vertices (true) or at random scaled positions (false). Default true. */
  hypercube?: boolean;
  /** Added to every column; null draws a shift in [−classSep, classSep] per column. Default 0. */
  shift?: number | readonly number[] | null;
  /** Multiplies every column after the shift; null draws a scale in [1, 101] per column. Default 1. */
  scale?: number | readonly number[] | null;
  /** Shuffle rows and columns. Default true. */
  shuffle?: boolean;
  /** Seed. Default 0. */
  randomState?: RandomStateLike;
}

/**
 * A random n-class problem, following scikit-learn's make_classification: each class is a
 * few Gaussian clusters centred on vertices of a hypercube of side 2·classSep in the
 * informative subspace, each cluster given a random covariance (x ← zA, A uniform in
 * [−1, 1]), then redundant columns (linear mixes), repeated columns, pure-noise columns,
 * label noise, shift and scale. Seeded with GeoLearn's generator, so the numbers differ
 * from scikit-learn's for the same seed; the construction is the same.
 */
export function makeClassification(options: MakeClassificationOptions = {}): LabelledDataset {
  options = checkGeneratorOptions(options);
  const n = checkScalar(options.nSamples ?? 100, 'nSamples', { min: 1, integer: true });
  const d = checkScalar(options.nFeatures ?? 20, 'nFeatures', { min: 1, integer: true });
  const nInf = checkScalar(options.nInformative ?? 2, 'nInformative', { min: 1, integer: true });
  const nRed = checkScalar(options.nRedundant ?? 2, 'nRedundant', { min: 0, integer: true });
  const nRep = checkScalar(options.nRepeated ?? 0, 'nRepeated', { min: 0, integer: true });
  const K = checkScalar(options.nClasses ?? 2, 'nClasses', { min: 1, integer: true });
  const perClass = checkScalar(options.nClustersPerClass ?? 2, 'nClustersPerClass', { min: 1, integer: true });
  const flipY = checkScalar(options.flipY ?? 0.01, 'flipY', { min: 0, max: 1 });
  const classSep = checkScalar(options.classSep ?? 1, 'classSep', { min: 0 });
  if (nInf + nRed + nRep > d) {
    throw new ValidationError('nFeatures', 'out-of-range', `must be ≥ nInformative + nRedundant + nRepeated = ${nInf + nRed + nRep}, got ${d}`);
  }
  checkDatasetSize('nSamples', n * d);
  const nClusters = K * perClass;
  // Each cluster draws an nInformative × nInformative mixing matrix.
  checkDatasetSize('nClustersPerClass', nClusters * nInf * nInf);
  if (nClusters > 2 ** nInf) {
    throw new ValidationError('nInformative', 'out-of-range', `nClasses × nClustersPerClass = ${nClusters} clusters need at least ${Math.ceil(Math.log2(nClusters))} informative features (2^nInformative vertices)`);
  }
  if (options.weights != null && !Array.isArray(options.weights)) throw new ValidationError('weights', 'bad-option', `must be an array of class proportions, got ${JSON.stringify(options.weights)}`);
  let weights = options.weights ? [...options.weights] : null;
  if (weights) {
    if (weights.length === K - 1) weights.push(1 - weights.reduce((a, b) => a + b, 0));
    if (weights.length !== K) throw new ValidationError('weights', 'length-mismatch', `needs ${K} or ${K - 1} values, got ${options.weights!.length}`);
    if (!weights.every((w) => typeof w === 'number' && Number.isFinite(w) && w >= 0)) throw new ValidationError('weights', 'out-of-range', 'must be finite and ≥ 0');
    if (!weights.some((w) => w > 0)) throw new ValidationError('weights', 'out-of-range', 'at least one class proportion must be > 0');
  } else weights = new Array<number>(K).fill(1 / K);
  const rng = checkRandomState(options.randomState);

  // Samples per cluster: cluster k belongs to class k mod K.
  const counts = Array.from({ length: nClusters }, (_, k) => Math.floor((n * weights![k % K]) / perClass));
  const short = n - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; i < short; i++) counts[i % nClusters]++;

  // Distinct hypercube vertices, each coordinate ±classSep.
  let bits: number[][];
  if (nInf <= 16) {
    bits = rng.choice(2 ** nInf, nClusters).map((v) => Array.from({ length: nInf }, (_, j) => Math.floor(v / 2 ** (nInf - 1 - j)) % 2));
  } else {
    // A huge cube: draw random vertices and reject the (rare) repeats.
    const seen = new Set<string>();
    bits = [];
    while (bits.length < nClusters) {
      const b = Array.from({ length: nInf }, () => rng.randint(2));
      const key = b.join('');
      if (!seen.has(key)) {
        seen.add(key);
        bits.push(b);
      }
    }
  }
  const centroids = bits.map((b) => b.map((v) => (2 * v - 1) * classSep));
  if (options.hypercube === false) {
    const a = centroids.map(() => 2 * rng.random());
    const b = Array.from({ length: nInf }, () => 2 * rng.random());
    centroids.forEach((c, k) => c.forEach((_, j) => (c[j] *= a[k] * b[j])));
  }

  const X: number[][] = Array.from({ length: n }, () => new Array<number>(d).fill(0));
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < nInf; j++) X[i][j] = rng.normal();
  let stop = 0;
  centroids.forEach((c, k) => {
    const start = stop;
    stop += counts[k];
    const A = Array.from({ length: nInf }, () => Array.from({ length: nInf }, () => 2 * rng.random() - 1));
    for (let i = start; i < stop; i++) {
      y[i] = k % K;
      const z = X[i].slice(0, nInf);
      for (let j = 0; j < nInf; j++) {
        let s = 0;
        for (let q = 0; q < nInf; q++) s += z[q] * A[q][j];
        X[i][j] = s + c[j];
      }
    }
  });
  if (nRed > 0) {
    const B = Array.from({ length: nInf }, () => Array.from({ length: nRed }, () => 2 * rng.random() - 1));
    for (const row of X) for (let j = 0; j < nRed; j++) row[nInf + j] = row.slice(0, nInf).reduce((s, v, q) => s + v * B[q][j], 0);
  }
  if (nRep > 0) {
    const m = nInf + nRed;
    const src = Array.from({ length: nRep }, () => Math.floor((m - 1) * rng.random() + 0.5));
    for (const row of X) src.forEach((s, j) => (row[m + j] = row[s]));
  }
  const nUseless = d - nInf - nRed - nRep;
  for (const row of X) for (let j = d - nUseless; j < d; j++) row[j] = rng.normal();
  if (flipY > 0) {
    const flip = Array.from({ length: n }, () => rng.random() < flipY);
    flip.forEach((f, i) => {
      if (f) y[i] = rng.randint(K);
    });
  }
  const perColumn = (v: number | readonly number[] | null | undefined, name: string, dflt: number, draw: () => number): number[] => {
    if (v === null) return Array.from({ length: d }, draw);
    if (v === undefined) return new Array<number>(d).fill(dflt);
    if (typeof v === 'number') return new Array<number>(d).fill(checkScalar(v, name));
    if (!Array.isArray(v)) throw new ValidationError(name, 'bad-option', `must be a number, one per feature, or null, got ${JSON.stringify(v)}`);
    if (v.length !== d) throw new ValidationError(name, 'length-mismatch', `needs ${d} values, one per feature, got ${v.length}`);
    return v.map((x) => checkScalar(x, name));
  };
  const shift = perColumn(options.shift, 'shift', 0, () => (2 * rng.random() - 1) * classSep);
  const scale = perColumn(options.scale, 'scale', 1, () => 1 + 100 * rng.random());
  for (const row of X) for (let j = 0; j < d; j++) row[j] = (row[j] + shift[j]) * scale[j];
  if (options.shuffle ?? true) {
    const rows = rng.permutation(n);
    const cols = rng.permutation(d);
    return { X: rows.map((i) => cols.map((j) => X[i][j])), y: rows.map((i) => y[i]) };
  }
  return { X, y };
}

/** Options of {@link makeRegression}, as scikit-learn's make_regression (one target). */
export interface MakeRegressionOptions {
  /** Points. Default 100. */
  nSamples?: number;
  /** Features, each N(0, 1). Default 100. */
  nFeatures?: number;
  /** Features with a non-zero coefficient. Default 10. */
  nInformative?: number;
  /** The intercept b. Default 0. */
  bias?: number;
  /** Standard deviation of the Gaussian noise on y. Default 0. */
  noise?: number;
  /** Shuffle rows and columns. Default true. */
  shuffle?: boolean;
  /** Return the true coefficients as `coef`. Default false. */
  coef?: boolean;
  /** Seed. Default 0. */
  randomState?: RandomStateLike;
}

/** A regression sample, with the true coefficients when asked. */
export interface RegressionDataset {
  X: number[][];
  y: number[];
  /** The true θ (zeros for the uninformative features), when `coef: true`. */
  coef?: number[];
}

/**
 * A random linear regression problem, as scikit-learn's make_regression: X ~ N(0, I),
 * y = Xθ + b + ε with θⱼ ~ U(0, 100) for nInformative features and 0 for the rest,
 * ε ~ N(0, noise²). (scikit-learn's effectiveRank and nTargets options are not offered.)
 */
export function makeRegression(options: MakeRegressionOptions = {}): RegressionDataset {
  options = checkGeneratorOptions(options);
  const n = checkScalar(options.nSamples ?? 100, 'nSamples', { min: 1, integer: true });
  const d = checkScalar(options.nFeatures ?? 100, 'nFeatures', { min: 1, integer: true });
  checkDatasetSize('nSamples', n * d);
  const nInf = Math.min(d, checkScalar(options.nInformative ?? 10, 'nInformative', { min: 0, integer: true }));
  const bias = checkScalar(options.bias ?? 0, 'bias');
  const noise = checkScalar(options.noise ?? 0, 'noise', { min: 0 });
  const rng = checkRandomState(options.randomState);
  let X = Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal()));
  let coef = Array.from({ length: d }, (_, j) => (j < nInf ? 100 * rng.random() : 0));
  let y = X.map((r) => r.reduce((s, v, j) => s + v * coef[j], bias));
  if (noise > 0) y = y.map((v) => v + rng.normal(0, noise));
  if (options.shuffle ?? true) {
    const rows = rng.permutation(n);
    const cols = rng.permutation(d);
    X = rows.map((i) => cols.map((j) => X[i][j]));
    y = rows.map((i) => y[i]);
    coef = cols.map((j) => coef[j]);
  }
  return options.coef ? { X, y, coef } : { X, y };
}
