import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defineConfig, type Options } from 'tsup';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * The script-tag build is one classic script that also works from file://, so the small assets the
 * UI names with `new URL('../assets/…', import.meta.url)` (the math font, the sample seismogram) are
 * inlined as data: URLs (an IIFE has no import.meta.url of its own).
 */
const inlineAssets: Plugin = {
  name: 'geolearn-inline-assets',
  setup(build) {
    build.onLoad({ filter: /[/\\]packages[/\\]ui[/\\](src|dist)[/\\].*\.(ts|tsx|js)$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const contents = source.replace(/new URL\((['"])(\.\.?\/[^'"]+\.(?:woff2?|mseed|bin))\1,\s*import\.meta\.url\)/g, (_, _q: string, rel: string) => {
        const data = readFileSync(resolve(dirname(args.path), rel)).toString('base64');
        return `new URL(${JSON.stringify(`data:application/octet-stream;base64,${data}`)})`;
      });
      return { contents, loader: args.path.endsWith('x') ? 'tsx' : args.path.endsWith('.js') ? 'js' : 'ts', resolveDir: dirname(args.path) };
    });
  },
};

/**
 * The script-tag build defines no TF.js explainer, so `@geolearn/ui/mnist` and
 * `@geolearn/ui/seismic` (which those elements import lazily, and which would pull TF.js into an
 * IIFE, dynamic import or not) are replaced by stubs whose components say why.
 */
const STUBS: Record<string, string[]> = {
  mnist: ['DigitDrawingPad', 'FeatureMaps', 'Manifold'],
  seismic: ['SeismicClassifier', 'EventDetector', 'PhasePicker', 'TransferLearning', 'Autoencoder', 'runNnTaskInWorker'],
};
const noTfjs: Plugin = {
  name: 'geolearn-no-tfjs',
  setup(build) {
    build.onResolve({ filter: /^@geolearn\/ui\/(mnist|seismic)$/ }, (args) => ({ path: args.path.split('/').pop()!, namespace: 'geolearn-stub' }));
    build.onLoad({ filter: /.*/, namespace: 'geolearn-stub' }, (args) => ({
      contents: `const fail = () => { throw new Error('The script-tag build of @geolearn/elements has no TensorFlow.js: use the ${args.path} explainers from a bundler or an iframe of the gallery.'); };
${STUBS[args.path].map((n) => `export const ${n} = fail;`).join('\n')}`,
      loader: 'js',
    }));
  },
};

const forBundlers: Options = {
  // `.` defines nothing on import; `./global` defines every element when imported.
  entry: { index: 'src/index.ts', global: 'src/global.ts' },
  sourcemap: true,
  target: 'es2022',
  // The elements render React: a client module for the Next.js App Router.
  banner: { js: '"use client";' },
  external: ['react', 'react-dom', '@geolearn/ui', '@geolearn/algorithms'],
  dts: true,
};

export default defineConfig([
  { ...forBundlers, format: ['esm'] },
  // CJS unsplit, so that the directive stays the first line.
  { ...forBundlers, format: ['cjs'], splitting: false },
  {
    // For one <script> tag in a slide deck: everything bundled (the explainers that need no TF.js),
    // elements defined on load.
    // Not in the exports map (it is a classic script, not a module): copy it, or use the unpkg field.
    entry: { 'geolearn-elements': 'src/script.ts' },
    format: ['iife'],
    globalName: 'GeoLearnElements',
    minify: true,
    target: 'es2020',
    noExternal: [/.*/],
    platform: 'browser',
    // Any other import.meta.url: the script's own address.
    banner: { js: 'var __geolearnScriptUrl = (typeof document !== "undefined" && document.currentScript && document.currentScript.src) || (typeof location !== "undefined" ? location.href : "file:///");' },
    define: { 'process.env.NODE_ENV': '"production"', 'import.meta.url': '__geolearnScriptUrl' },
    esbuildPlugins: [noTfjs, inlineAssets],
  },
]);
