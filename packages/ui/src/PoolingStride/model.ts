import { RandomState } from '@geolearn/algorithms';
import { fieldCheck, type FieldChecks } from '../hooks/useControllableState';
import type { ExplainerState } from '../kit/Explainer';

/**
 * Pooling, stride and padding: the pure maths of the explainer. A k×k window slides over an
 * n×n feature map padded with p zeros on every side, s cells at a time; each position gives
 * one output cell, the window's maximum or average. Along each side the output has
 * n_out = ⌊(n + 2p − k)/s⌋ + 1 cells, the formula every framework uses (with floor rounding).
 */

/** The pooling operation. */
export type PoolOp = 'max' | 'average';

/** The explainer's state: plain JSON. */
export interface PoolingStrideState {
  /** Max or average pooling. */
  op: PoolOp;
  /** Side of the input feature map, n (cells). */
  size: number;
  /** Side of the pooling window, k. */
  kernel: number;
  /** Stride s: how many cells the window moves between outputs. */
  stride: number;
  /** Zero padding p added on each side. */
  padding: number;
  /** Which output cell the window is on, row by row (0 … n_out² − 1). */
  position: number;
}

/** Limits of the controls. */
export const LIMITS = { size: [3, 12], kernel: [1, 6], stride: [1, 4], padding: [0, 3] } as const;

/** The default state: 8×8 input, 2×2 max pooling with stride 2 (the usual CNN down-sampling). */
export const DEFAULT_STATE: PoolingStrideState = { op: 'max', size: 8, kernel: 2, stride: 2, padding: 0, position: 0 };

/** How a `defaultValue` is checked, field by field. */
export const STATE_CHECKS: FieldChecks<PoolingStrideState> = {
  op: fieldCheck.oneOf<PoolOp>('max', 'average'),
  size: fieldCheck.integer(...LIMITS.size),
  kernel: fieldCheck.integer(...LIMITS.kernel),
  stride: fieldCheck.integer(...LIMITS.stride),
  padding: fieldCheck.integer(...LIMITS.padding),
  position: fieldCheck.integer(0, 10_000),
};

/** A seeded n×n feature map of whole numbers 0–9 (easy to max and average by eye). */
export function inputMap(size: number, seed: number): number[][] {
  const rng = new RandomState(seed);
  return Array.from({ length: size }, () => Array.from({ length: size }, () => rng.randint(10)));
}

/** The output side n_out = ⌊(n + 2p − k)/s⌋ + 1, or 0 when the window does not fit (k > n + 2p). */
export function outputSize(n: number, k: number, s: number, p: number): number {
  if (k > n + 2 * p || s < 1) return 0;
  return Math.floor((n + 2 * p - k) / s) + 1;
}

/** Input cells (per side, at the far end) that no window covers: n + 2p − ((n_out − 1)s + k). */
export function leftOver(n: number, k: number, s: number, p: number): number {
  const out = outputSize(n, k, s, p);
  return out === 0 ? 0 : n + 2 * p - ((out - 1) * s + k);
}

/** The map with p zeros on every side. */
export function padded(map: readonly (readonly number[])[], p: number): number[][] {
  const n = map.length;
  return Array.from({ length: n + 2 * p }, (_, i) =>
    Array.from({ length: n + 2 * p }, (_, j) => {
      const r = i - p;
      const c = j - p;
      return r >= 0 && r < n && c >= 0 && c < n ? map[r][c] : 0;
    }),
  );
}

/** The window of output cell (i, j): its top-left corner (si, sj) in padded coordinates, and its values. */
export function windowValues(pad: readonly (readonly number[])[], i: number, j: number, k: number, s: number): number[] {
  const out: number[] = [];
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) out.push(pad[s * i + a][s * j + b]);
  return out;
}

/** One pooled value: the window's maximum, or its mean (padding zeros count, as PyTorch's default). */
export function poolValue(values: readonly number[], op: PoolOp): number {
  return op === 'max' ? Math.max(...values) : values.reduce((a, b) => a + b, 0) / values.length;
}

/** The whole pooled map (n_out × n_out), empty when the window does not fit. */
export function pool(map: readonly (readonly number[])[], k: number, s: number, p: number, op: PoolOp): number[][] {
  const out = outputSize(map.length, k, s, p);
  const pad = padded(map, p);
  return Array.from({ length: out }, (_, i) => Array.from({ length: out }, (_, j) => poolValue(windowValues(pad, i, j, k, s), op)));
}

/** Output cell (row, column) of a position index, row by row. */
export function cellOf(position: number, out: number): [number, number] {
  const q = out > 0 ? Math.min(Math.max(0, position), out * out - 1) : 0;
  return [Math.floor(q / Math.max(1, out)), q % Math.max(1, out)];
}

/** A pooled value for reading: whole numbers as they are, averages to two decimals. */
export function fmtValue(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

/** Why the settings are impossible, or null when they work. */
export function problem(s: PoolingStrideState): string | null {
  const span = s.size + 2 * s.padding;
  if (s.kernel > span) return `The window does not fit: k = ${s.kernel} is larger than n + 2p = ${span}. Make the window smaller or pad more.`;
  return null;
}

/** A caution that is not an error: padding wider than half the window (frameworks refuse it for pooling). */
export function caution(s: PoolingStrideState): string | null {
  if (2 * s.padding > s.kernel) return `p = ${s.padding} is more than half of k = ${s.kernel}: some windows see mostly padding (PyTorch refuses p > k/2 for pooling).`;
  return null;
}

/** The status line: the output size, the current window and its pooled value, or the problem. */
export function statusText(s: PoolingStrideState, out: number, value: number | null): string {
  const bad = problem(s);
  if (bad) return bad;
  const [i, j] = cellOf(s.position, out);
  const rest = leftOver(s.size, s.kernel, s.stride, s.padding);
  const dropped = rest > 0 ? ` · the last ${rest} row${rest > 1 ? 's' : ''} and column${rest > 1 ? 's' : ''} are never covered` : '';
  const v = value === null ? '' : ` · ${s.op === 'max' ? 'max' : 'average'} = ${fmtValue(value)}`;
  return `Output ${out}×${out} from ${s.size}×${s.size} · window ${i * out + j + 1} of ${out * out} at row ${i + 1}, column ${j + 1}${v}${dropped}`;
}

/** The frame's data-state. */
export function frameState(s: PoolingStrideState, out: number, playing: boolean): ExplainerState {
  if (problem(s)) return 'error';
  if (playing) return 'playing';
  if (s.position >= out * out - 1) return 'done';
  return s.position > 0 ? 'paused' : 'idle';
}

/** The state after changing one of n, k, s, p or the operation: the window goes back to the first cell. */
export function withSetting(s: PoolingStrideState, patch: Partial<Omit<PoolingStrideState, 'position'>>): PoolingStrideState {
  return { ...s, ...patch, position: 0 };
}

/** The cell side (px) of both grids: as large as fits `avail` px for the padded input, 16–40 px. */
export function cellSize(avail: number, span: number, compact: boolean): number {
  const room = compact ? avail : avail * 0.58;
  return Math.max(16, Math.min(40, Math.floor((room - 8) / Math.max(1, span))));
}
