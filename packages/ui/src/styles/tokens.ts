/**
 * The design tokens of GeoLearn: every colour, font and size a widget reads, as `--gl-*`
 * CSS custom properties, with a light and a dark value. This module is the one source of
 * the colours: the base CSS ({@link baseCss}), the canvases (through
 * {@link readThemeColors}) and the colour table in CONTRIBUTING.md all follow it.
 *
 * Contrast: every colour token reaches WCAG AA for text (≥ 4.5 : 1) on both `--gl-bg`
 * and `--gl-surface` of its theme; `test/styles.test.ts` checks it.
 */

/** A token that has one value in the light theme and one in the dark theme. */
export interface TokenValue {
  /** Value in the light theme. */
  light: string;
  /** Value in the dark theme. */
  dark: string;
}

/** The chrome tokens: fonts, ink, paper, lines, accent and focus ring. */
export const chromeTokens = {
  '--gl-font': { light: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', dark: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
  '--gl-math-font': { light: '"Noto Sans Math", "STIX Two Math", "Cambria Math", math', dark: '"Noto Sans Math", "STIX Two Math", "Cambria Math", math' },
  '--gl-fg': { light: '#1f2328', dark: '#e6edf3' },
  '--gl-muted': { light: '#57606a', dark: '#9198a1' },
  '--gl-bg': { light: '#ffffff', dark: '#0d1117' },
  '--gl-surface': { light: '#f6f8fa', dark: '#161b22' },
  '--gl-border': { light: '#d0d7de', dark: '#3d444d' },
  '--gl-accent': { light: '#0969da', dark: '#58a6ff' },
  '--gl-focus': { light: '#0969da', dark: '#58a6ff' },
  /** Text on the accent colour (a pressed toggle, a selected segment). */
  '--gl-on-accent': { light: '#ffffff', dark: '#0d1117' },
  /** Kept for explainers not yet migrated: the path of the (first) optimiser. */
  '--gl-path': { light: '#cf222e', dark: '#ff7b72' },
} as const satisfies Record<string, TokenValue>;

/**
 * One colour per concept, the same in every widget (the table in CONTRIBUTING.md).
 * Hues are reused only between concepts that never share a widget; red means only
 * "diverged / wrong" and green only "the optimum / right".
 */
export const conceptTokens = {
  '--gl-class-0': { light: '#bc4c00', dark: '#f0883e' },
  '--gl-class-1': { light: '#0969da', dark: '#58a6ff' },
  '--gl-class-2': { light: '#1a7f37', dark: '#3fb950' },
  '--gl-class-3': { light: '#8250df', dark: '#bc8cff' },
  '--gl-class-4': { light: '#bf3989', dark: '#f778ba' },
  '--gl-class-5': { light: '#1b7c83', dark: '#39c5cf' },
  '--gl-weight-neg': { light: '#bc4c00', dark: '#f0883e' },
  '--gl-weight-pos': { light: '#0969da', dark: '#58a6ff' },
  '--gl-opt-gd': { light: '#0969da', dark: '#58a6ff' },
  '--gl-opt-momentum': { light: '#bc4c00', dark: '#f0883e' },
  '--gl-opt-nesterov': { light: '#8250df', dark: '#bc8cff' },
  '--gl-opt-rmsprop': { light: '#0e7c86', dark: '#39c5cf' },
  '--gl-opt-adam': { light: '#bf3989', dark: '#f778ba' },
  '--gl-train': { light: '#0969da', dark: '#58a6ff' },
  '--gl-test': { light: '#bc4c00', dark: '#f0883e' },
  '--gl-p-wave': { light: '#8250df', dark: '#bc8cff' },
  '--gl-s-wave': { light: '#0e7c86', dark: '#39c5cf' },
  '--gl-diverged': { light: '#cf222e', dark: '#ff7b72' },
  '--gl-residual': { light: '#9a6700', dark: '#d29922' },
  '--gl-data': { light: '#1f2328', dark: '#e6edf3' },
  '--gl-optimum': { light: '#1a7f37', dark: '#3fb950' },
} as const satisfies Record<string, TokenValue>;

/** Every token. */
export const tokens = { ...chromeTokens, ...conceptTokens } as const;

/** A token's name, e.g. `'--gl-fg'` or `'--gl-opt-adam'`. */
export type TokenName = keyof typeof tokens;

/** `var(--gl-x, <light default>)`: for inline SVG attributes and styles. */
export function token(name: TokenName): string {
  return `var(${name}, ${tokens[name].light})`;
}
