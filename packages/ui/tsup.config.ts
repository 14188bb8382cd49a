import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

// The worker runner (src/worker) creates its worker with `new URL('./fit.worker.ts', import.meta.url)`,
// the form Vite and webpack bundle; in dist that file is the extra ESM entry fit.worker.js.
const workerUrl: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'geolearn-worker-url',
  setup(build) {
    build.onLoad({ filter: /[\\/]worker[\\/](runFit|runNn)\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replace("new URL('./fit.worker.ts'", "new URL('./fit.worker.js'").replace("new URL('./nn.worker.ts'", "new URL('./nn.worker.js'"),
      loader: 'ts',
    }));
  },
};

const common: Options = {
  // mnist: DigitDrawingPad and FeatureMaps, whose models, WASM and digits a bundler must not emit for
  // an app that imports only `@geolearn/ui` (it emits the assets of every module an entry reaches).
  entry: { index: 'src/index.ts', mnist: 'src/mnist.ts', seismic: 'src/seismic.ts' },
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

// One ESM entry per explainer folder (dist/explainers/<Name>.js), which the main entries re-export:
// with "sideEffects": ["*.css"], an app's bundler drops every explainer file it does not import,
// top-level constants included (inside one index.js it must keep each top-level call it cannot
// prove pure). Not in the exports map: the import paths stay `@geolearn/ui`, `/mnist`, `/seismic`.
const explainerEntries = Object.fromEntries(
  readdirSync(new URL('./src', import.meta.url), { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^[A-Z]/.test(d.name) && existsSync(new URL(`./src/${d.name}/index.ts`, import.meta.url)))
    .map((d) => [`explainers/${d.name}`, `src/${d.name}/index.ts`]),
);

export default defineConfig([
  // ESM, split: the code index and mnist share sits in shared chunks (one copy of each module, one
  // React context); TF.js, the MNIST models and WASM URLs sit behind dynamic import() in a chunk of their own.
  // fit.worker: the worker runner's module worker (src/worker/fit.worker.ts), ESM only; nn.worker: the TF.js one.
  { ...common, entry: { ...(common.entry as object), ...explainerEntries, 'fit.worker': 'src/worker/fit.worker.ts' }, format: ['esm'], splitting: true, dts: { entry: common.entry } },
  // nn.worker: the TF.js worker, one self-contained minified file (TF.js and the algorithms inside).
  // An app's Vite bundles a worker in its default IIFE format, which cannot split; TF.js's lazily
  // imported WASM backend would otherwise make it two chunks. Bundled here without splitting,
  // esbuild turns that import() into a plain call, so the app's bundler sees a file with no import.
  {
    entry: { 'nn.worker': 'src/worker/nn.worker.ts' },
    format: ['esm'],
    splitting: false,
    sourcemap: false,
    minify: true,
    target: 'es2022',
    platform: 'browser',
    treeshake: false,
    noExternal: [/.*/],
    esbuildPlugins: [workerUrl],
  },
  // CJS, one file per entry (tsup's CJS splitting would push the directive below its helpers); the
  // types, *.d.cts, are copies of the *.d.ts (scripts/copy-cts.mjs: one DTS pass instead of two);
  // import.meta.url (the asset URLs) is shimmed.
  { ...common, format: ['cjs'], splitting: false, shims: true },
]);
