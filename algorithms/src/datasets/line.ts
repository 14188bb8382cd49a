import { checkRandomState, type RandomStateLike } from '../core/random';
import { ValidationError } from '../core/errors';
import { checkScalar } from '../core/validation';
import { checkDatasetSize, checkGeneratorOptions } from './shapes';

/** Options of {@link makeLine}. */
export interface MakeLineOptions {
  /** Number of points. Default 30. */
  nSamples?: number;
  /** True slope a. Default 2. */
  slope?: number;
  /** True intercept b. Default 1. */
  intercept?: number;
  /** Standard deviation of the Gaussian noise on y. Default 1. */
  noise?: number;
  /** x is drawn uniformly in [xMin, xMax]. Default [0, 5]. */
  xRange?: [number, number];
  /** Seed. Default 0. */
  randomState?: RandomStateLike;
}

/**
 * A noisy line for the regression slides: xᵢ ~ U(xMin, xMax), yᵢ = a xᵢ + b + εᵢ,
 * εᵢ ~ N(0, noise²). Returns x and y as plain arrays.
 */
export function makeLine(options: MakeLineOptions = {}): { x: number[]; y: number[] } {
  const { nSamples = 30, slope = 2, intercept = 1, noise = 1, xRange = [0, 5], randomState } = checkGeneratorOptions(options);
  checkScalar(nSamples, 'nSamples', { min: 1, integer: true });
  checkDatasetSize('nSamples', 2 * nSamples);
  checkScalar(noise, 'noise', { min: 0 });
  checkScalar(slope, 'slope');
  checkScalar(intercept, 'intercept');
  if (!Array.isArray(xRange) || xRange.length !== 2) throw new ValidationError('xRange', 'bad-option', `must be [xMin, xMax], got ${JSON.stringify(xRange)}`);
  checkScalar(xRange[0], 'xRange[0]');
  checkScalar(xRange[1], 'xRange[1]', { min: xRange[0] });
  const rng = checkRandomState(randomState);
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < nSamples; i++) {
    const xi = rng.uniform(xRange[0], xRange[1]);
    x.push(xi);
    y.push(slope * xi + intercept + rng.normal(0, noise));
  }
  return { x, y };
}
