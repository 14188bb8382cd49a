import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  treeshake: true,
  target: 'es2022',
  // import.meta.url (the shipped model URLs) also works in the CJS build.
  shims: true,
  external: ['react', 'react-dom', /^@tensorflow\//, /^@geolearn\/algorithms/],
});
