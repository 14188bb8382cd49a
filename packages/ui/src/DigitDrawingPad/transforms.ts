import { MNIST_SIZE, preprocessDigit, sampleBilinear as bilinear } from '@geolearn/algorithms/nn';

/**
 * The invariances of chapter 6, as pure functions of a 28 × 28 digit (row-major, ink 1,
 * paper 0): translation, rotation, scaling, shearing, illumination (contrast and brightness)
 * and occlusion, applied to what the network sees (after MNIST's preprocessing, which would
 * otherwise undo a shift or a change of size). Also the "drawn-like" distortion of a
 * held-out MNIST digit used to calibrate the models (`pnpm calibrate:mnist`). No DOM, no TF.js.
 */

/** The invariance transform's settings. The identity is {@link IDENTITY_TRANSFORM}. */
export interface DigitTransform {
  /** Shift to the right, px (−10 … 10). */
  shiftX: number;
  /** Shift down, px (−10 … 10). */
  shiftY: number;
  /** Rotation, degrees, counter-clockwise on screen (−180 … 180). */
  rotation: number;
  /** Scale factor about the centre (0.3 … 2). */
  scale: number;
  /** Horizontal shear factor s of x′ = x + s·y (−1 … 1). */
  shear: number;
  /** Contrast c of v′ = c·v + b (0 … 2). */
  contrast: number;
  /** Brightness b of v′ = c·v + b (−1 … 1): b > 0 greys the paper. */
  brightness: number;
  /** Side of the square of paper laid over the digit, px (0 … 20). 0 = no occlusion. */
  occlusion: number;
  /** Where the occluding square sits: its centre's row, px from the top (0 … 27). */
  occlusionRow: number;
}

/** The identity: the digit as it is. */
export const IDENTITY_TRANSFORM: DigitTransform = { shiftX: 0, shiftY: 0, rotation: 0, scale: 1, shear: 0, contrast: 1, brightness: 0, occlusion: 0, occlusionRow: 14 };

/** Each setting's range [min, max] (the sliders' ends and the permalink check). */
export const TRANSFORM_RANGES: Record<keyof DigitTransform, [number, number]> = {
  shiftX: [-10, 10],
  shiftY: [-10, 10],
  rotation: [-180, 180],
  scale: [0.3, 2],
  shear: [-1, 1],
  contrast: [0, 2],
  brightness: [-1, 1],
  occlusion: [0, 20],
  occlusionRow: [0, 27],
};

/** Whether `t` is a valid transform: every field a finite number inside its range. */
export function isDigitTransform(t: unknown): t is DigitTransform {
  if (!t || typeof t !== 'object') return false;
  return (Object.keys(TRANSFORM_RANGES) as (keyof DigitTransform)[]).every((k) => {
    const v = (t as Record<string, unknown>)[k];
    const [lo, hi] = TRANSFORM_RANGES[k];
    return typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;
  });
}

/** Whether the transform changes nothing. */
export function isIdentity(t: DigitTransform): boolean {
  return (Object.keys(IDENTITY_TRANSFORM) as (keyof DigitTransform)[]).every((k) => k === 'occlusionRow' || t[k] === IDENTITY_TRANSFORM[k]);
}

/**
 * The geometric part: p′ = A (p − c) + c + t with A = R(θ) · Sh(s) · k, about the image
 * centre c. Each output pixel maps back through A⁻¹ and samples the source bilinearly
 * (paper outside), so nothing is lost but what leaves the 28 × 28 frame.
 */
export function affineDigit(image: ArrayLike<number>, t: Pick<DigitTransform, 'shiftX' | 'shiftY' | 'rotation' | 'scale' | 'shear'>, size = MNIST_SIZE): Float32Array {
  const c = (size - 1) / 2;
  const th = (t.rotation * Math.PI) / 180;
  // Screen y points down: a counter-clockwise rotation on screen is R(−θ) in pixel coordinates.
  const cos = Math.cos(th);
  const sin = Math.sin(th);
  // A = k · R · Sh, R = [[cos, sin], [−sin, cos]], Sh = [[1, s], [0, 1]].
  const k = t.scale;
  const a = k * cos;
  const b = k * (cos * t.shear + sin);
  const cc = -k * sin;
  const d = k * (-sin * t.shear + cos);
  const det = a * d - b * cc;
  const out = new Float32Array(size * size);
  if (!(Math.abs(det) > 1e-9)) return out;
  const ia = d / det, ib = -b / det, ic = -cc / det, id = a / det;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const px = x - c - t.shiftX;
      const py = y - c - t.shiftY;
      const sx = ia * px + ib * py + c;
      const sy = ic * px + id * py + c;
      out[y * size + x] = bilinear(image, size, sx, sy);
    }
  }
  return out;
}

/** Illumination: v′ = clip(c·v + b, 0, 1) for every pixel, paper included. */
export function illuminate(image: ArrayLike<number>, contrast: number, brightness: number): Float32Array {
  const out = new Float32Array(image.length);
  for (let i = 0; i < image.length; i++) out[i] = Math.min(1, Math.max(0, contrast * image[i] + brightness));
  return out;
}

/**
 * Occlusion: a square of `side` px set to the paper's value, centred on column 14 and on
 * row `row`. The paper's value is the illumination's (b clipped to [0, 1]), so the square
 * hides the ink rather than drawing a new shape.
 */
export function occlude(image: ArrayLike<number>, side: number, row: number, paper = 0, size = MNIST_SIZE): Float32Array {
  const out = Float32Array.from(image);
  if (side <= 0) return out;
  const x0 = Math.round(size / 2 - side / 2);
  const y0 = Math.round(row + 0.5 - side / 2);
  for (let y = Math.max(0, y0); y < Math.min(size, y0 + Math.round(side)); y++) {
    for (let x = Math.max(0, x0); x < Math.min(size, x0 + Math.round(side)); x++) out[y * size + x] = paper;
  }
  return out;
}

/** All of it, in order: geometry, then illumination, then occlusion. The identity returns a copy. */
export function transformDigit(image: ArrayLike<number>, t: DigitTransform): Float32Array {
  const moved = affineDigit(image, t);
  const lit = illuminate(moved, t.contrast, t.brightness);
  return occlude(lit, t.occlusion, t.occlusionRow, Math.min(1, Math.max(0, t.brightness)));
}

/** The settings the invariance panel's sliders change, one per invariance, with the slide's name. */
export const INVARIANCES: { key: keyof DigitTransform; label: string; step: number; unit: string }[] = [
  { key: 'shiftX', label: 'Translation x', step: 1, unit: ' px' },
  { key: 'shiftY', label: 'Translation y', step: 1, unit: ' px' },
  { key: 'rotation', label: 'Rotation', step: 5, unit: '°' },
  { key: 'scale', label: 'Scaling', step: 0.05, unit: '×' },
  { key: 'shear', label: 'Shearing', step: 0.05, unit: '' },
  { key: 'contrast', label: 'Contrast', step: 0.05, unit: '×' },
  { key: 'brightness', label: 'Brightness', step: 0.05, unit: '' },
  { key: 'occlusion', label: 'Occlusion', step: 1, unit: ' px' },
  { key: 'occlusionRow', label: 'Occlusion row', step: 1, unit: '' },
];

/** Grey-level morphology: a 3 × 3 max (dilation, thicker strokes) or min (erosion, thinner) filter. */
export function morph(image: ArrayLike<number>, size: number, dilate: boolean): Float32Array {
  const out = new Float32Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let v = dilate ? 0 : 1;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const yy = y + dy, xx = x + dx;
          const s = yy < 0 || yy >= size || xx < 0 || xx >= size ? 0 : image[yy * size + xx];
          v = dilate ? Math.max(v, s) : Math.min(v, s);
        }
      }
      out[y * size + x] = v;
    }
  }
  return out;
}

/** The random settings of one drawn-like distortion (see {@link drawnLikeDigit}). */
export interface DrawnLikeParams {
  /** Passes of the 3 × 3 filter at 4× resolution: > 0 thicker strokes, < 0 thinner (−2 … 3). */
  stroke: number;
  /** Rotation, degrees. */
  rotation: number;
  /** Shear factor. */
  shear: number;
  /** Aspect change: x scaled by this, y by its inverse. */
  aspect: number;
}

/**
 * Draws a drawn-like distortion at random with `uniform(lo, hi)` (pass a seeded generator's):
 * stroke width −2 … +3 passes, rotation ±25°, shear ±0.35, aspect ×0.8 … ×1.25.
 */
export function drawnLikeParams(uniform: (lo: number, hi: number) => number): DrawnLikeParams {
  return {
    stroke: Math.min(3, Math.floor(uniform(-2, 4))),
    rotation: uniform(-25, 25),
    shear: uniform(-0.35, 0.35),
    aspect: Math.exp(uniform(Math.log(0.8), Math.log(1.25))),
  };
}

const UP = 4;

/**
 * A held-out MNIST digit made to look like one drawn on the pad: upsampled 4× to 112 × 112
 * (the pad's raster), its ink made solid like a pen's (v′ = clip(2.5·v − 0.5, 0, 1)), the
 * strokes thickened or thinned by `stroke` passes of a 3 × 3 max/min filter, rotated, sheared
 * and stretched, then put through the pad's own preprocessing (`preprocessDigit` on the
 * 112 × 112 grid: bounding box into 20 × 20, centre of mass at the centre).
 */
export function drawnLikeDigit(image: ArrayLike<number>, p: DrawnLikeParams): Float32Array {
  const n = MNIST_SIZE * UP;
  let big: Float32Array = new Float32Array(n * n);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const v = bilinear(image, MNIST_SIZE, (x + 0.5) / UP - 0.5, (y + 0.5) / UP - 0.5);
      big[y * n + x] = Math.min(1, Math.max(0, 2.5 * v - 0.5));
    }
  }
  for (let k = 0; k < Math.abs(p.stroke); k++) big = morph(big, n, p.stroke > 0);
  const th = (p.rotation * Math.PI) / 180;
  const cos = Math.cos(th), sin = Math.sin(th);
  // A = R · Sh · diag(aspect, 1/aspect), inverted per pixel about the centre.
  const a = cos * p.aspect, b = (cos * p.shear + sin) / p.aspect, c = -sin * p.aspect, d = (-sin * p.shear + cos) / p.aspect;
  const det = a * d - b * c;
  const ia = d / det, ib = -b / det, ic = -c / det, id = a / det;
  const cn = (n - 1) / 2;
  const moved = new Float32Array(n * n);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const px = x - cn, py = y - cn;
      moved[y * n + x] = bilinear(big, n, ia * px + ib * py + cn, ic * px + id * py + cn);
    }
  }
  return preprocessDigit(moved, n, n);
}
