import { fieldCheck, type FieldChecks } from '../hooks/useControllableState';

/**
 * The parameter count of a fully connected layer against a convolutional layer, the pure maths.
 * A fully connected layer from an H×W×C image to N units has one weight per (pixel, channel,
 * unit) and one bias per unit: H·W·C·N + N. A convolutional layer with F filters of k×k×C
 * shares each filter over every position, so it has k·k·C·F + F, whatever the image size.
 * Counts are exact (BigInt: H·W·C·N can pass 2⁵³); memory is 4 bytes per float32 parameter.
 */

/** The explainer's state: plain JSON. */
export interface ParameterCountState {
  /** Image height H (pixels). */
  height: number;
  /** Image width W (pixels). */
  width: number;
  /** Channels C (3 for RGB). */
  channels: number;
  /** Units N of the fully connected layer. */
  units: number;
  /** Kernel side k of the convolutional layer. */
  kernel: number;
  /** Filters F of the convolutional layer. */
  filters: number;
  /** Show the memory of the parameters in float32. */
  showMemory: boolean;
}

/** Limits of the inputs. */
export const LIMITS = {
  height: [1, 4096],
  width: [1, 4096],
  channels: [1, 1024],
  units: [1, 100_000],
  kernel: [1, 31],
  filters: [1, 4096],
} as const;

/** The slide: a 200×200 RGB image into 1,000 units, against 64 filters of 5×5. */
export const DEFAULT_STATE: ParameterCountState = { height: 200, width: 200, channels: 3, units: 1000, kernel: 5, filters: 64, showMemory: true };

/** Ready-made layers. */
export const PRESETS = {
  slide: { label: 'Slide: 200×200×3 → 1,000 units', height: 200, width: 200, channels: 3, units: 1000, kernel: 5, filters: 64 },
  mnist: { label: 'MNIST: 28×28×1 → 128 units', height: 28, width: 28, channels: 1, units: 128, kernel: 5, filters: 32 },
  vgg: { label: 'VGG16 input: 224×224×3 → 4,096 units', height: 224, width: 224, channels: 3, units: 4096, kernel: 3, filters: 64 },
} as const;

/** A preset's name. */
export type PresetName = keyof typeof PRESETS;

/** How a `defaultValue` is checked. */
export const STATE_CHECKS: FieldChecks<ParameterCountState> = {
  height: fieldCheck.integer(...LIMITS.height),
  width: fieldCheck.integer(...LIMITS.width),
  channels: fieldCheck.integer(...LIMITS.channels),
  units: fieldCheck.integer(...LIMITS.units),
  kernel: fieldCheck.integer(...LIMITS.kernel),
  filters: fieldCheck.integer(...LIMITS.filters),
  showMemory: fieldCheck.boolean,
};

/** The preset the state matches, or 'custom'. */
export function presetOf(s: ParameterCountState): PresetName | 'custom' {
  for (const [name, p] of Object.entries(PRESETS) as [PresetName, (typeof PRESETS)[PresetName]][]) {
    if (p.height === s.height && p.width === s.width && p.channels === s.channels && p.units === s.units && p.kernel === s.kernel && p.filters === s.filters) return name;
  }
  return 'custom';
}

/** Counts of one layer: weights, biases and their total. */
export interface LayerCount {
  weights: bigint;
  biases: bigint;
  total: bigint;
}

/** Fully connected: H·W·C·N weights and N biases. */
export function fcCount(s: Pick<ParameterCountState, 'height' | 'width' | 'channels' | 'units'>): LayerCount {
  const weights = BigInt(s.height) * BigInt(s.width) * BigInt(s.channels) * BigInt(s.units);
  const biases = BigInt(s.units);
  return { weights, biases, total: weights + biases };
}

/** Convolutional: k·k·C·F weights (one k×k×C filter per output map, shared over positions) and F biases. */
export function convCount(s: Pick<ParameterCountState, 'kernel' | 'channels' | 'filters'>): LayerCount {
  const weights = BigInt(s.kernel) * BigInt(s.kernel) * BigInt(s.channels) * BigInt(s.filters);
  const biases = BigInt(s.filters);
  return { weights, biases, total: weights + biases };
}

/** Bytes of n float32 parameters, in MB (10⁶ bytes). */
export function megabytes(n: bigint): number {
  return (Number(n) * 4) / 1e6;
}

/** An exact count with thousands separators: 120,001,000. */
export function grouped(n: bigint | number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A count in short form: 4,864 · 120 M · 1.2 G (3 significant digits past 10,000). */
export function short(n: bigint | number): string {
  const v = Number(n);
  if (v < 10_000) return grouped(Math.round(v));
  const units: [number, string][] = [
    [1e12, ' T'],
    [1e9, ' G'],
    [1e6, ' M'],
    [1e3, ' k'],
  ];
  for (const [u, name] of units) if (v >= u) return `${Number((v / u).toPrecision(3))}${name}`;
  return String(v);
}

/** A memory size: MB below 1,000, else GB, 3 significant digits. */
export function memory(mb: number): string {
  if (mb >= 1000) return `${Number((mb / 1000).toPrecision(3))} GB`;
  if (mb >= 0.1) return `${Number(mb.toPrecision(3))} MB`;
  return `${Number((mb * 1000).toPrecision(3))} kB`;
}

/** Why the settings make no sense, or null. */
export function problem(s: ParameterCountState): string | null {
  if (s.kernel > Math.min(s.height, s.width)) return `The kernel (k = ${s.kernel}) is larger than the image (${s.height}×${s.width}): make k ≤ ${Math.min(s.height, s.width)}.`;
  return null;
}

/** The ratio FC / conv, rounded for reading. */
export function ratio(fc: LayerCount, conv: LayerCount): number {
  return Number(fc.total) / Number(conv.total);
}

/** The status line: both counts and how many times more the fully connected layer needs. */
export function statusText(s: ParameterCountState): string {
  const bad = problem(s);
  if (bad) return bad;
  const fc = fcCount(s);
  const conv = convCount(s);
  const r = ratio(fc, conv);
  const times = r >= 1 ? `about ${grouped(Number(r.toPrecision(3)))} times as many` : `about ${Number((1 / r).toPrecision(2))} times fewer`;
  const mem = s.showMemory ? ` (${memory(megabytes(fc.total))} vs ${memory(megabytes(conv.total))} in float32)` : '';
  return `Fully connected ${grouped(fc.total)} parameters · convolution ${grouped(conv.total)}${mem} · the fully connected layer needs ${times}`;
}
