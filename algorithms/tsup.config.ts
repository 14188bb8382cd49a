import { defineConfig } from 'tsup';

const external = ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm'];
const entry = { index: 'src/index.ts', nn: 'src/nn/index.ts', mlp: 'src/nn/plain.ts', seismic: 'src/seismic/index.ts' };

// Each area of the library is also an (unpublished) ESM entry, so that esbuild's code
// splitting puts every area in a chunk of its own. An app's bundler then places each area
// where it is used: an estimator reached only from a lazy chunk (say, the worker runner's
// main-thread fallback) stays out of the app's initial JavaScript, which one big module
// could not allow (a bundler keeps a module whole, in one chunk).
const areas = ['core', 'optimize', 'linear_model', 'svm', 'tree', 'ensemble', 'cluster', 'decomposition', 'metrics', 'preprocessing', 'model_selection', 'datasets', 'pointcloud'];
const areaEntries = Object.fromEntries(areas.map((a) => [`areas/${a}`, a === 'core' ? 'src/core/validation.ts' : `src/${a}/index.ts`]));

export default defineConfig([
  {
    entry: { ...entry, ...areaEntries },
    external,
    format: ['esm'],
    splitting: true,
    // Types for the public entries only; the .d.cts twins are copies (scripts/copy-cts.mjs).
    dts: { entry },
    clean: false,
    sourcemap: true,
    treeshake: true,
    target: 'es2022',
  },
  {
    entry,
    external,
    format: ['cjs'],
    dts: false,
    clean: false,
    sourcemap: true,
    treeshake: true,
    target: 'es2022',
  },
]);
