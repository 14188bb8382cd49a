import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // For bundlers: React and the UI stay external.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'es2022',
    external: ['react', 'react-dom', '@geolearn/ui', '@geolearn/algorithms'],
  },
  {
    // For one <script> tag in a slide deck: everything bundled, elements defined on load.
    entry: { 'geolearn-elements': 'src/global.ts' },
    format: ['iife'],
    globalName: 'GeoLearnElements',
    minify: true,
    target: 'es2020',
    noExternal: [/.*/],
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
  },
]);
