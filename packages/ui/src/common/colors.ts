import { interpolateViridis } from 'd3-scale-chromatic';
import type { OptimizerName } from '@geolearn/algorithms';
import { conceptTokens, chromeTokens, token, type TokenName } from '../styles/tokens';

/**
 * GeoLearn's colours, in one module: ONE sequential map for losses and other magnitudes
 * (viridis: perceptually uniform, colour-blind safe, readable in both themes), ONE
 * diverging map for signed values (weights, residuals, amplitudes: `--gl-weight-neg` →
 * paper → `--gl-weight-pos`), and one colour per concept (the table in CONTRIBUTING.md).
 * SVG uses the `var(--gl-…)` strings of {@link conceptColor}; a canvas, which cannot read
 * CSS variables, resolves them first with {@link readThemeColors}.
 */

/** The concepts that own a colour. */
export type Concept =
  | 'class0' | 'class1' | 'class2' | 'class3' | 'class4' | 'class5'
  | 'weightNeg' | 'weightPos'
  | 'gd' | 'momentum' | 'nesterov' | 'rmsprop' | 'adam'
  | 'train' | 'test'
  | 'pWave' | 'sWave'
  | 'diverged' | 'residual' | 'data' | 'optimum';

/** Which token each concept reads. */
export const CONCEPT_TOKENS: Record<Concept, keyof typeof conceptTokens> = {
  class0: '--gl-class-0',
  class1: '--gl-class-1',
  class2: '--gl-class-2',
  class3: '--gl-class-3',
  class4: '--gl-class-4',
  class5: '--gl-class-5',
  weightNeg: '--gl-weight-neg',
  weightPos: '--gl-weight-pos',
  gd: '--gl-opt-gd',
  momentum: '--gl-opt-momentum',
  nesterov: '--gl-opt-nesterov',
  rmsprop: '--gl-opt-rmsprop',
  adam: '--gl-opt-adam',
  train: '--gl-train',
  test: '--gl-test',
  pWave: '--gl-p-wave',
  sWave: '--gl-s-wave',
  diverged: '--gl-diverged',
  residual: '--gl-residual',
  data: '--gl-data',
  optimum: '--gl-optimum',
};

/** A concept's colour as `var(--gl-…, light default)`, for SVG attributes and inline styles. */
export function conceptColor(concept: Concept): string {
  return token(CONCEPT_TOKENS[concept]);
}

/** The colour of class `k` (0, 1, 2…); classes past the sixth wrap around. */
export function classColor(k: number): string {
  const i = ((Math.trunc(k) % 6) + 6) % 6;
  return conceptColor(`class${i}` as Concept);
}

/**
 * The attribute that colours a part by class `k` (wrapping past the sixth, as {@link classColor}):
 * the base CSS gives `[data-gl-class="k"]` class k's colour as `currentColor`, so SVG parts use
 * `fill`/`stroke: currentColor` and no inline colour style.
 */
export function classAttr(k: number): { 'data-gl-class': string } {
  return { 'data-gl-class': String(((Math.trunc(k) % 6) + 6) % 6) };
}

/** The colour of each optimiser's path, marker and loss curve. */
export const OPTIMIZER_COLOR: Record<OptimizerName, string> = {
  gd: conceptColor('gd'),
  momentum: conceptColor('momentum'),
  nesterov: conceptColor('nesterov'),
  rmsprop: conceptColor('rmsprop'),
  adam: conceptColor('adam'),
};

/**
 * Marks drawn ON the sequential map (the gradient arrow, θ*'s label, path halos): white with
 * a black outline, readable on every viridis colour. The map is the same in both themes,
 * so these are too.
 */
export const ON_MAP = { fill: '#ffffff', outline: '#000000' } as const;

/**
 * The sequential map for losses and magnitudes: t ∈ [0, 1] → viridis, as a CSS colour.
 * Low values are dark purple, high values yellow. NaN gives mid grey.
 */
export function sequential(t: number): string {
  if (!Number.isFinite(t)) return '#808080';
  return interpolateViridis(Math.min(1, Math.max(0, t)));
}

/** Resolved RGB colours of a theme, for canvases. */
export interface ThemeColors {
  /** `--gl-weight-neg`: the negative end of the diverging map. */
  negative: [number, number, number];
  /** `--gl-bg`: the middle (zero) of the diverging map. */
  zero: [number, number, number];
  /** `--gl-weight-pos`: the positive end of the diverging map. */
  positive: [number, number, number];
  /** `--gl-fg`. */
  fg: [number, number, number];
  /** `--gl-bg`. */
  bg: [number, number, number];
  /** `--gl-muted`. */
  muted: [number, number, number];
}

/** "#rrggbb", "#rgb" or "rgb(a)(r, g, b…)" to [r, g, b]; null when it cannot be read. */
export function parseRgb(c: string | null | undefined): [number, number, number] | null {
  const s = (c ?? '').trim();
  if (s[0] === '#') {
    const h = s.length === 4 ? s.slice(1).split('').map((d) => d + d).join('') : s.slice(1, 7);
    const n = parseInt(h, 16);
    if (h.length === 6 && Number.isFinite(n)) return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/.exec(s);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  return null;
}

/**
 * Reads the theme's colours from the computed style of `el` (the explainer's root), so a
 * canvas follows dark mode and any `--gl-*` override. Falls back to the light defaults on
 * a server, before mount or where a variable is unset. Call it in an effect.
 */
export function readThemeColors(el?: Element | null): ThemeColors {
  const cs = el && typeof getComputedStyle === 'function' ? getComputedStyle(el) : null;
  const read = (name: TokenName, light: string) => parseRgb(cs?.getPropertyValue(name)) ?? parseRgb(light)!;
  return {
    negative: read('--gl-weight-neg', conceptTokens['--gl-weight-neg'].light),
    zero: read('--gl-bg', chromeTokens['--gl-bg'].light),
    positive: read('--gl-weight-pos', conceptTokens['--gl-weight-pos'].light),
    fg: read('--gl-fg', chromeTokens['--gl-fg'].light),
    bg: read('--gl-bg', chromeTokens['--gl-bg'].light),
    muted: read('--gl-muted', chromeTokens['--gl-muted'].light),
  };
}

/**
 * The diverging map for signed values: t ∈ [−1, 1] → RGB, negative → zero → positive,
 * linear in RGB from the theme's colours (read by {@link readThemeColors}).
 */
export function divergingRgb(t: number, colors: Pick<ThemeColors, 'negative' | 'zero' | 'positive'> = readThemeColors(null)): [number, number, number] {
  if (!Number.isFinite(t)) return colors.zero;
  const u = Math.min(1, Math.max(-1, t));
  const end = u < 0 ? colors.negative : colors.positive;
  const a = Math.abs(u);
  return [0, 1, 2].map((i) => Math.round(colors.zero[i] + (end[i] - colors.zero[i]) * a)) as [number, number, number];
}

/** The sequential map as RGB, for canvases. */
export function sequentialRgb(t: number): [number, number, number] {
  return parseRgb(sequential(t)) ?? [128, 128, 128];
}

/** WCAG relative luminance of an RGB colour. */
export function luminance([r, g, b]: readonly [number, number, number]): number {
  const f = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}

/** WCAG contrast ratio of two colours (1 … 21); AA text needs ≥ 4.5. */
export function contrastRatio(a: string, b: string): number {
  const la = luminance(parseRgb(a) ?? [128, 128, 128]);
  const lb = luminance(parseRgb(b) ?? [128, 128, 128]);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
