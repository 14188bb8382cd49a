import type { CSSProperties } from 'react';

/**
 * The CSS variables every GeoLearn component reads, with their defaults. Set any of them
 * on an ancestor (or pass `style`) to theme a widget for a slide deck.
 */
export const themeVariables = {
  '--gl-font': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  '--gl-fg': '#1f2328',
  '--gl-muted': '#57606a',
  '--gl-bg': '#ffffff',
  '--gl-surface': '#f6f8fa',
  '--gl-border': '#d0d7de',
  '--gl-accent': '#0969da',
  '--gl-path': '#cf222e',
  '--gl-optimum': '#1a7f37',
  '--gl-focus': '#0969da',
} as const;

/** A theme variable's name. */
export type ThemeVariable = keyof typeof themeVariables;

/** `var(--gl-x, default)`, for inline styles and SVG attributes. */
export function cssVar(name: ThemeVariable): string {
  return `var(${name}, ${themeVariables[name]})`;
}

/** The root style of a component: font and colours from the theme variables. */
export function rootStyle(extra?: CSSProperties): CSSProperties {
  return {
    fontFamily: cssVar('--gl-font'),
    color: cssVar('--gl-fg'),
    background: cssVar('--gl-bg'),
    ...extra,
  };
}

/** Style of the small buttons under each explainer: at least 44 px high, for touch. */
export const buttonStyle: CSSProperties = {
  minHeight: 44,
  minWidth: 44,
  padding: '0 14px',
  font: 'inherit',
  color: cssVar('--gl-fg'),
  background: cssVar('--gl-surface'),
  border: `1px solid ${cssVar('--gl-border')}`,
  borderRadius: 6,
  cursor: 'pointer',
};
