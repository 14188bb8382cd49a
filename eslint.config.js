import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['**/dist/**', 'storybook-static/**', 'coverage/**', '**/node_modules/**', 'algorithms/test/fixtures/sklearn/**', '**/*.min.js'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['packages/*/src/**/*.{ts,tsx}', 'stories/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // Library code takes a seed: no Math.random. And no d3-selection: React owns the DOM.
    files: ['algorithms/src/**/*.ts', 'packages/*/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use a randomState seed (RandomState) instead.' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'd3-selection', message: 'React owns the DOM: use d3 for maths only.' },
            { name: 'd3', message: 'Import the d3 module you need (d3-scale, d3-contour…), not the whole bundle.' },
          ],
        },
      ],
    },
  },
  {
    // The algorithms never depend on the UI or on the DOM.
    files: ['algorithms/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@geolearn/ui', 'react', 'react-dom', 'd3-*'], message: 'algorithms must not depend on ui, React or d3.' }] },
      ],
    },
  },
);
