import { readFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

// The worker runner (src/worker) creates its worker with `new URL('./fit.worker.ts', import.meta.url)`,
// the form Vite and webpack bundle; in dist that file is the extra ESM entry fit.worker.js.
const workerUrl: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'geolearn-worker-url',
  setup(build) {
    build.onLoad({ filter: /[\\/]worker[\\/]runFit\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replace("new URL('./fit.worker.ts'", "new URL('./fit.worker.js'"),
      loader: 'ts',
    }));
  },
};

const common: Options = {
  entry: { index: 'src/index.ts' },
  // Sources ship once: inside the maps (sourcesContent), not as src/ as well.
  sourcemap: true,
  // esbuild's own tree shaking (tsup's extra Rollup pass would strip the "use client" banner).
  treeshake: false,
  target: 'es2022',
  // Every explainer uses hooks: the Next.js App Router must treat the entry as a client module.
  banner: { js: '"use client";' },
  external: ['react', 'react-dom', /^@tensorflow\//, /^@geolearn\/algorithms/],
  esbuildPlugins: [workerUrl],
};

export default defineConfig([
  // ESM, split: TF.js, the MNIST models and WASM URLs sit behind dynamic import() in a chunk of their own.
  // fit.worker: the worker runner's module worker (src/worker/fit.worker.ts), ESM only.
  { ...common, entry: { ...(common.entry as object), 'fit.worker': 'src/worker/fit.worker.ts' }, format: ['esm'], splitting: true, dts: { entry: common.entry } },
  // CJS in one file (tsup's CJS splitting would push the directive below its helpers); its types,
  // index.d.cts, are a copy of index.d.ts (the build script: one DTS pass instead of two);
  // import.meta.url (the asset URLs) is shimmed.
  { ...common, format: ['cjs'], splitting: false, shims: true },
]);
