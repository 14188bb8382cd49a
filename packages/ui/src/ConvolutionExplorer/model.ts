import { fieldCheck, type FieldChecks } from '../hooks/useControllableState';
import type { ExplainerState } from '../kit/Explainer';
import { KERNELS, type ExplorerImage, type KernelPreset } from './convolve';

/**
 * The convolution explorer's model: state, checks, speeds, status text and layout. Pure.
 */

/** The explorer's state: plain JSON, so it can live in a permalink. */
export interface ConvolutionExplorerState {
  /** The input image A. */
  image: ExplorerImage;
  /** The preset the kernel came from, or 'custom' once edited. */
  preset: KernelPreset | 'custom';
  /** The kernel B, rows of numbers (odd sizes centre best). */
  kernel: number[][];
  /**
   * Where the window is: the row-major index of the output pixel being computed; every
   * pixel before it is already shown. rows × cols means the whole output is done.
   */
  position: number;
  /** Playback speed factor: 1 = {@link BASE_RATE} output pixels per second. Default 1. */
  speed?: number;
}

/** Output pixels per second at speed 1: slow enough to follow the window by eye. */
export const BASE_RATE = 10;
/** The speeds offered (× {@link BASE_RATE}). */
export const SPEEDS = [0.5, 1, 4, 16, 64] as const;

/** Display names of the images. */
export const IMAGES: Record<ExplorerImage, string> = { seismic: 'Seismic section', digit: 'Handwritten digit' };

/** The default state: the slides' smoothing kernel at the first pixel of the seismic section. */
export const DEFAULT_STATE: ConvolutionExplorerState = { image: 'seismic', preset: 'smooth5', kernel: KERNELS.smooth5.rows, position: 0, speed: 1 };

const kernelRows = (v: unknown): v is number[][] =>
  Array.isArray(v) &&
  v.length >= 1 &&
  v.length <= 9 &&
  v.every((r) => Array.isArray(r) && r.length >= 1 && r.length <= 9 && r.length === (v[0] as unknown[]).length && r.every((x) => typeof x === 'number' && Number.isFinite(x)));

/** How a `defaultValue` is checked field by field. */
export const STATE_CHECKS: FieldChecks<ConvolutionExplorerState> = {
  image: fieldCheck.oneOf<ExplorerImage>('seismic', 'digit'),
  preset: fieldCheck.oneOf<KernelPreset | 'custom'>(...(Object.keys(KERNELS) as KernelPreset[]), 'custom'),
  kernel: kernelRows,
  position: fieldCheck.number(0, 1e6),
  speed: fieldCheck.number(0.01, 1000),
};

/** A value for the readouts: 3 decimals and a real minus sign. */
export function signed(v: number, digits = 3): string {
  return v.toFixed(digits).replace('-', '−');
}

/** The status line. */
export function statusText(pos: number, total: number, i: number, j: number, terms: number, value: number): string {
  if (pos >= total) return `Done: all ${total} output pixels computed.`;
  return `Output pixel (i, j) = (${i}, ${j}): sum of ${terms} products = ${signed(value)}. ${pos} of ${total} pixels done.`;
}

/** The frame's `data-state`. */
export function frameState(pos: number, total: number, playing: boolean): ExplainerState {
  if (playing) return 'playing';
  if (pos >= total) return 'done';
  return pos > 0 ? 'paused' : 'idle';
}

/** Sizes of the parts. */
export interface ConvSizes {
  /** Side of the input square with its padding, and of the output square, px. */
  side: number;
  /** Width of the kernel panel (B and flipped B), px. */
  kernelWidth: number;
}

/** input | kernels | output in a row; one column below 640 px (each square ≤ 320 px). */
export function convSizes(width: number, height: number, avail: number, compact: boolean): ConvSizes {
  if (compact) {
    const w = Math.max(200, avail);
    return { side: Math.min(320, w), kernelWidth: w };
  }
  const w = Math.max(420, Math.min(width, avail));
  const kernelWidth = Math.max(160, Math.min(230, Math.round(w * 0.32)));
  const side = Math.max(120, Math.min(height - 24, Math.floor((w - kernelWidth - 36) / 2)));
  return { side, kernelWidth };
}

/** A colour-key tick: 3 significant digits with a real minus sign "−". */
export function minusFormat(v: number): string {
  return String(Number(v.toPrecision(3))).replace('-', '−');
}
