import { ValidationError } from '../core/errors';
import { checkRandomState, type RandomStateLike } from '../core/random';
import { checkScalar } from '../core/validation';

/** The waveforms {@link makeSources} can draw. */
export type SourceKind = 'sine' | 'square' | 'sawtooth';

/** Options of {@link makeSources}. */
export interface MakeSourcesOptions {
  /** Time samples. Default 2000. */
  nSamples?: number;
  /** The sources, in order. Default ['sine', 'square', 'sawtooth']: sin 2t, sign(sin 3t), the sawtooth 2·frac(1.3t) − 1. */
  sources?: SourceKind[];
  /** Time span: t runs over [0, duration]. Default 8. */
  duration?: number;
  /** Explicit mixing matrix A (nSources × nSources); default a seeded matrix with entries uniform in [0.5, 2). */
  mixing?: number[][];
  /** Standard deviation of Gaussian noise added to each observation. Default 0. */
  noise?: number;
  /** Seed or generator for the mixing matrix and the noise. Default 0. */
  randomState?: RandomStateLike;
}

/** A blind-source-separation problem: observations X = S Aᵀ (+ noise). */
export interface SourcesDataset {
  /** Observed mixtures, nSamples × nSources (one microphone / station per column). */
  X: number[][];
  /** The true sources, nSamples × nSources. */
  S: number[][];
  /** The mixing matrix A: observation j = Σₖ Aⱼₖ sourceₖ. */
  A: number[][];
  /** The sample times. */
  t: number[];
}

/**
 * Independent sources (a sine, a square wave, a sawtooth) mixed by a seeded matrix: the
 * cocktail-party picture of the ICA slides, as scikit-learn's blind-source-separation example
 * (and the reference data of GeoLearn's tests: t = linspace(0, 8, n), s₁ = sin 2t,
 * s₂ = sign(sin 3t), s₃ = 2·((1.3t) mod 1) − 1).
 *
 * @example
 * const { X, S, A } = makeSources({ randomState: 0 });
 * const S_hat = new FastICA({ nComponents: 3 }).fitTransform(X); // ≈ S up to order, sign and scale
 */
export function makeSources(options: MakeSourcesOptions = {}): SourcesDataset {
  const { nSamples = 2000, sources = ['sine', 'square', 'sawtooth'], duration = 8, mixing, noise = 0, randomState } = options;
  checkScalar(nSamples, 'nSamples', { min: 2, integer: true });
  checkScalar(duration, 'duration', { min: 0, exclusiveMin: true });
  checkScalar(noise, 'noise', { min: 0 });
  if (!Array.isArray(sources) || sources.length === 0) throw new ValidationError('sources', 'empty', 'give at least one source kind');
  const k = sources.length;
  const rng = checkRandomState(randomState);
  let A: number[][];
  if (mixing) {
    if (mixing.length !== k || mixing.some((r) => r.length !== k)) throw new ValidationError('mixing', 'shape-mismatch', `must be ${k}×${k}`);
    A = mixing.map((r) => r.slice());
  } else A = Array.from({ length: k }, () => Array.from({ length: k }, () => rng.uniform(0.5, 2)));
  const t = Array.from({ length: nSamples }, (_, i) => (duration * i) / (nSamples - 1));
  const wave = (kind: SourceKind, x: number): number => {
    switch (kind) {
      case 'sine':
        return Math.sin(2 * x);
      case 'square':
        return Math.sign(Math.sin(3 * x));
      case 'sawtooth': {
        const u = (x * 1.3) % 1;
        return 2 * u - 1;
      }
      default:
        throw new ValidationError('sources', 'bad-option', `unknown source kind ${JSON.stringify(kind)}; use 'sine', 'square' or 'sawtooth'`);
    }
  };
  const S = t.map((x) => sources.map((kind) => wave(kind, x)));
  const X = S.map((s) => A.map((row) => row.reduce((acc, a, c) => acc + a * s[c], 0) + (noise > 0 ? rng.normal(0, noise) : 0)));
  return { X, S, A, t };
}
