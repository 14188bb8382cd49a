/**
 * "Natural data live on a manifold", as pure functions of plain data (no React, no DOM).
 *
 * Images: a 28 × 28 image is a point of [0, 1]⁷⁸⁴. Points drawn at random (every pixel
 * uniform) never look like a digit, and a digit whose pixels are permuted keeps every pixel
 * value (the same histogram) yet stops being one: what makes a digit is where the ink is.
 *
 * Waveforms: a 3-component window of L samples per component is a point x ∈ ℝ^{3L}. Windows
 * cut at a P onset are p ⊗ w(t − τ): a polarisation p (unit vector of ℝ³) times a wavelet w
 * (Ricker, peak frequency f) at an onset jitter τ, plus a little noise: a handful of
 * parameters behind 3L numbers. White noise fills all 3L directions. Every window is scaled
 * to ‖x‖ = 1, so that only shape counts; PCA then shows how few directions hold the seismic
 * windows' variance ("Dimension > Information"). The windows and their PCA are in ./windows.ts,
 * which the fit worker runs.
 */
import { RandomState } from '@geolearn/algorithms';
import { fieldCheck, type FieldChecks } from '../hooks/useControllableState';
import type { WindowProjection } from './windows';

/** Pixels per side of an MNIST image. */
export const SIDE = 28;
/** Pixels per image. */
export const PIXELS = SIDE * SIDE;
/** Number of shipped held-out digits. */
export const N_DIGITS = 30;
/** Random images shown at once. */
export const N_RANDOM = 6;

/** The explainer's state: plain JSON. */
export interface ManifoldState {
  /** Which shipped held-out digit (0 … 29). */
  digit: number;
  /** Seed of the random images and of the pixel permutation ("Sample again" adds 1). */
  draw: number;
  /** Whether the digit is shown with its pixels permuted. */
  shuffled: boolean;
  /** Onset jitter of the seismic windows, s (0 … 0.3): the more, the more directions they need. */
  jitter: number;
  /** The projection shown: 2-D or 3-D. */
  view: '2d' | '3d';
  /** Azimuth of the 3-D view, degrees. */
  azimuth: number;
  /** Elevation of the 3-D view, degrees (−90 … 90). */
  elevation: number;
}

/** The default state. */
export const DEFAULT_STATE: ManifoldState = { digit: 0, draw: 0, shuffled: false, jitter: 0, view: '2d', azimuth: 35, elevation: 25 };

/** The jitter slider's range, s. */
export const JITTER_RANGE: readonly [number, number] = [0, 0.3];

/** How a `defaultValue` is checked field by field. */
export const STATE_CHECKS: FieldChecks<ManifoldState> = {
  digit: fieldCheck.integer(0, N_DIGITS - 1),
  draw: fieldCheck.integer(0, 1e9),
  shuffled: fieldCheck.boolean,
  jitter: fieldCheck.number(JITTER_RANGE[0], JITTER_RANGE[1]),
  view: fieldCheck.oneOf('2d', '3d'),
  azimuth: fieldCheck.number(-1e6, 1e6),
  elevation: fieldCheck.number(-90, 90),
};

/** `count` images of independent uniform pixels in [0, 1] (seeded). */
export function randomImages(count: number, seed: number): Float32Array[] {
  const rng = new RandomState(seed);
  return Array.from({ length: count }, () => {
    const img = new Float32Array(PIXELS);
    for (let p = 0; p < PIXELS; p++) img[p] = rng.random();
    return img;
  });
}

/** The image with its pixels permuted by a seeded random permutation π: out[i] = img[π(i)]. */
export function shufflePixels(img: ArrayLike<number>, seed: number): Float32Array {
  const perm = new RandomState(seed).permutation(img.length);
  const out = new Float32Array(img.length);
  for (let i = 0; i < img.length; i++) out[i] = img[perm[i]];
  return out;
}

/**
 * Smoothness of an image: the mean absolute difference between horizontal and vertical
 * neighbours, (1/|E|) Σ_{(i,j)∈E} |x_i − x_j|. A digit's strokes make it small (most
 * neighbours agree); uniform noise gives E|U − U′| = 1/3. Permuting pixels keeps the
 * histogram but destroys this: the property that tells images from points of [0, 1]⁷⁸⁴.
 */
export function roughness(img: ArrayLike<number>, side = SIDE): number {
  let s = 0;
  let n = 0;
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      const v = img[r * side + c];
      if (c + 1 < side) {
        s += Math.abs(v - img[r * side + c + 1]);
        n++;
      }
      if (r + 1 < side) {
        s += Math.abs(v - img[(r + 1) * side + c]);
        n++;
      }
    }
  }
  return n === 0 ? 0 : s / n;
}

export { makeWindows, cumulativeVariance, projectWindows, K_MAX, WINDOW_RATE, type WindowOptions, type WindowProjection } from './windows';

/** A share as "12.3 %". */
export function pct(v: number, digits = 1): string {
  return Number.isFinite(v) ? `${(100 * v).toFixed(digits)} %` : '—';
}

const SUP: Record<string, string> = { 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

/** ℝ with a superscript dimension: ℝ¹²⁰. */
export function realSpace(d: number): string {
  return `ℝ${String(d).replace(/\d/g, (c) => SUP[c])}`;
}

/** What the status line says. */
export function statusText(state: ManifoldState, label: number | null, proj: WindowProjection | null, projecting = false): string {
  const img = `Digit ${label ?? '…'}${state.shuffled ? ' with its 784 pixels shuffled: the same pixel values, no longer a digit' : ''}.`;
  if (projecting) return `${img} Drawing the waveform windows and projecting them by PCA…`;
  if (!proj) return img;
  const three = proj.ratio[0] + proj.ratio[1] + proj.ratio[2];
  const k = (v: number | null) => (v === null ? `more than ${proj.curves.seismic.length}` : String(v));
  return `${img} Waveform windows in ${realSpace(proj.dimension)}: 3 principal axes hold ${pct(three)} of all windows' variance; 90 % of the seismic windows' variance needs ${k(proj.k90.seismic)} axes, of the noise's ${k(proj.k90.noise)}.`;
}
