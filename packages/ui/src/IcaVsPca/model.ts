import { FastICA, PCA } from '@geolearn/algorithms';
import { syntheticSeismogram } from '@geolearn/algorithms/seismic';
import { fieldCheck, type FieldChecks } from '../hooks/useControllableState';

/** A 2×2 matrix, row-major: [[a₁₁, a₁₂], [a₂₁, a₂₂]]. Column j is the mixing vector aⱼ. */
export type Mat2 = [[number, number], [number, number]];

/** The second source: a sinusoidal hum or a sawtooth. */
export type SecondSource = 'hum' | 'sawtooth';

/** The explainer's state (plain JSON). */
export interface IcaVsPcaState {
  /** The mixing matrix A of x = A s (column j = how source j reaches the two sensors). */
  mixing: Mat2;
  /** The second source s₂. */
  second: SecondSource;
  /** FastICA's most fixed-point iterations (few: it stops before converging). */
  maxIter: number;
}

/** Samples per signal. */
export const N_SAMPLES = 1000;
/** Sampling rate of the seismic source (Hz): 1000 samples = 20 s. */
export const SAMPLE_RATE = 50;
/** Largest |entry| of A the handles and fields allow. */
export const A_MAX = 2.5;

export const DEFAULT_STATE: IcaVsPcaState = {
  mixing: [
    [1, 0.6],
    [0.4, 1],
  ],
  second: 'hum',
  maxIter: 200,
};

const isMat2 = (v: unknown): v is Mat2 => Array.isArray(v) && v.length === 2 && v.every((r) => fieldCheck.tuple(2)(r) && r.every((x: number) => Math.abs(x) <= A_MAX));

/** Checks for `sanitizeDefaultValue`. */
export const STATE_CHECKS: FieldChecks<IcaVsPcaState> = {
  mixing: isMat2,
  second: fieldCheck.oneOf<SecondSource>('hum', 'sawtooth'),
  maxIter: fieldCheck.integer(1, 1000),
};

/** Zero mean, unit variance (a constant signal stays 0). */
export function standardise(v: ArrayLike<number>): number[] {
  const n = v.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += v[i] / n;
  let s = 0;
  for (let i = 0; i < n; i++) s += (v[i] - m) ** 2 / n;
  const sd = Math.sqrt(s) || 1;
  return Array.from(v, (x) => (x - m) / sd);
}

/**
 * The two true sources, standardised, N_SAMPLES each: s₁ the Z component of a synthetic
 * earthquake record (P then S then coda, 20 s at 50 Hz), s₂ a 0.35 Hz hum (sin 2πft) or a
 * 0.3 Hz sawtooth 2·frac(ft) − 1.
 */
export function makeSources(second: SecondSource, seed = 0): [number[], number[]] {
  const rec = syntheticSeismogram({ duration: N_SAMPLES / SAMPLE_RATE, sampleRate: SAMPLE_RATE, originTime: 3, distance: 30, snr: 30, microseismShare: 0, randomState: seed });
  const s1 = standardise(rec.traces.Z.subarray(0, N_SAMPLES));
  const s2 = Array.from({ length: N_SAMPLES }, (_, i) => {
    const t = i / SAMPLE_RATE;
    return second === 'hum' ? Math.sin(2 * Math.PI * 0.35 * t) : 2 * ((0.3 * t) % 1) - 1;
  });
  return [s1, standardise(s2)];
}

/** x = A s, sample by sample: the two sensors' records. */
export function mix(A: Mat2, s: readonly [readonly number[], readonly number[]]): [number[], number[]] {
  const [s1, s2] = s;
  return [s1.map((v, i) => A[0][0] * v + A[0][1] * s2[i]), s1.map((v, i) => A[1][0] * v + A[1][1] * s2[i])];
}

/** det A: 0 when the mixing vectors are parallel (the two sensors record the same thing). */
export const det2 = (A: Mat2): number => A[0][0] * A[1][1] - A[0][1] * A[1][0];

/** Pearson correlation of two equally long signals (0 when one is constant). */
export function corr(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] / n;
    mb += b[i] / n;
  }
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

/** |corr| of each output (row) with each true source (column). */
export const absCorrTable = (out: readonly (readonly number[])[], src: readonly (readonly number[])[]): number[][] => out.map((o) => src.map((s) => Math.abs(corr(o, s))));

/** For each output, the source it matches best, and how well (|corr|). */
export function bestMatch(table: readonly (readonly number[])[]): { source: number; r: number }[] {
  return table.map((row) => (row[0] >= row[1] ? { source: 0, r: row[0] } : { source: 1, r: row[1] }));
}

/** A component counts as recovered above this |corr|. */
export const RECOVERED = 0.95;

/** The two outputs as two signals (columns of a n × 2 result). */
const columns = (Y: readonly (readonly number[])[]): [number[], number[]] => [Y.map((r) => r[0]), Y.map((r) => r[1])];

/** Everything the view shows for one state. */
export interface Separation {
  sources: [number[], number[]];
  mixtures: [number[], number[]];
  /** PCA's scores y = Vᵀ(x − μ), each scaled to unit variance for the plots. */
  pca: [number[], number[]] | null;
  /** FastICA's ŝ = W(x − μ) (unit variance). */
  ica: [number[], number[]] | null;
  pcaCorr: number[][] | null;
  icaCorr: number[][] | null;
  converged: boolean;
  nIter: number;
  warnings: string[];
  /** Why nothing could be separated (singular A, failed fit), or null. */
  problem: string | null;
}

/** Mixes, then PCA and FastICA on the mixtures. Never throws: a problem becomes a message. */
export function separate(state: IcaVsPcaState, sources: [number[], number[]]): Separation {
  const mixtures = mix(state.mixing, sources);
  const base: Separation = { sources, mixtures, pca: null, ica: null, pcaCorr: null, icaCorr: null, converged: false, nIter: 0, warnings: [], problem: null };
  const A = state.mixing;
  const scale = Math.max(...A.flat().map(Math.abs));
  if (!(scale > 0) || Math.abs(det2(A)) < 1e-3 * Math.max(scale * scale, 1e-12)) {
    return { ...base, problem: `det A = ${fmt(det2(A))}: the mixing vectors are parallel, so both sensors record the same mixture; nothing can separate the two sources. Drag a₁ and a₂ apart.` };
  }
  const X = mixtures[0].map((v, i) => [v, mixtures[1][i]]);
  try {
    const pcaOut = columns(new PCA({ nComponents: 2 }).fitTransform(X));
    const pca: [number[], number[]] = [standardise(pcaOut[0]), standardise(pcaOut[1])];
    const est = new FastICA({ nComponents: 2, maxIter: state.maxIter, randomState: 0 });
    const ica = columns(est.fitTransform(X));
    return {
      ...base,
      pca,
      ica,
      pcaCorr: absCorrTable(pca, sources),
      icaCorr: absCorrTable(ica, sources),
      converged: est.converged,
      nIter: est.nIter,
      warnings: est.warnings,
    };
  } catch (e) {
    return { ...base, problem: `The fit failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Three significant digits, − for minus. */
export const fmt = (v: number): string => (Math.abs(v) < 5e-4 ? '0' : Number(v.toPrecision(3)).toString().replace('-', '−'));

/** The status line. */
export function statusText(sep: Separation, maxIter: number): string {
  if (sep.problem || !sep.icaCorr || !sep.pcaCorr) return sep.problem ?? 'Nothing to show.';
  const ica = bestMatch(sep.icaCorr);
  const pca = bestMatch(sep.pcaCorr);
  const recovered = ica.filter((m) => m.r >= RECOVERED).length;
  const distinct = ica[0].source !== ica[1].source;
  const icaPart = sep.converged
    ? `FastICA converged after ${sep.nIter} iteration${sep.nIter === 1 ? '' : 's'}`
    : `FastICA did not converge: it stopped at max_iter = ${maxIter} after ${sep.nIter} iteration${sep.nIter === 1 ? '' : 's'}`;
  const got = distinct && recovered === 2 ? 'recovers both sources' : `recovers ${recovered} of 2 sources`;
  const pcaMin = Math.min(pca[0].r, pca[1].r);
  const pcaPart =
    pcaMin >= RECOVERED
      ? `PCA separates them too here (|corr| ≥ ${fmt(pcaMin)}): the mixing vectors are close to orthogonal.`
      : `PCA's components stay mixed: the worse one reaches only |corr| ${fmt(pcaMin)}.`;
  return `${icaPart} and ${got} (|corr| ${fmt(ica[0].r)}, ${fmt(ica[1].r)}). ${pcaPart}`;
}

/** The frame's data-state. */
export const frameState = (sep: Separation): 'done' | 'diverged' | 'error' => (sep.problem ? 'error' : sep.converged ? 'done' : 'diverged');
