import type { CSSProperties } from 'react';

import { tokens } from '../styles/tokens';

/**
 * The CSS variables every GeoLearn component reads, with their light defaults (the full
 * light and dark tables are in `styles/tokens.ts`). Set any of them on an ancestor (or
 * pass `style`) to theme a widget for a slide deck.
 */
export const themeVariables = Object.fromEntries(Object.entries(tokens).map(([k, v]) => [k, v.light])) as {
  readonly [K in keyof typeof tokens]: (typeof tokens)[K]['light'];
};

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
