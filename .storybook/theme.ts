import { create } from 'storybook/theming';

/**
 * The gallery's look: GeoLearn's brand and the course's colours (a deep teal for structure, a
 * seismic-trace red for emphasis), on a light, quiet background so the explainers stand out.
 */
export const geolearnTheme = create({
  base: 'light',
  brandTitle: 'GeoLearn · AI and Machine Learning for Geosciences',
  brandUrl: './',
  brandImage: './geolearn-logo.svg',
  brandTarget: '_self',
  colorPrimary: '#c8553d',
  colorSecondary: '#0b5563',
  appBg: '#f4f7f7',
  appContentBg: '#ffffff',
  appPreviewBg: '#ffffff',
  appBorderColor: '#d5e0e1',
  appBorderRadius: 6,
  textColor: '#1d2b2f',
  textMutedColor: '#53676c',
  barBg: '#ffffff',
  barTextColor: '#53676c',
  barSelectedColor: '#0b5563',
  fontBase: '"Inter", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
});
