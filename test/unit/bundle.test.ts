import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Rollup } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkgs = ['algorithms', 'packages/ui', 'packages/elements'];

// Checks of the built packages (run after `pnpm build`): exports map, ESM + CJS + types,
// no side effects, and no TF.js in the classical entry point.
describe.each(pkgs)('%s build', (dir) => {
  const pkg = JSON.parse(readFileSync(`${root}${dir}/package.json`, 'utf8'));

  it('declares an ESM exports map', () => {
    expect(pkg.type).toBe('module');
    // The elements package defines elements on load (its script-tag bundle and ./global), on purpose.
    // The UI's only side effects are its stylesheets.
    const css = Array.isArray(pkg.sideEffects) && pkg.sideEffects.every((p: string) => p.endsWith('.css'));
    expect(pkg.sideEffects === false || css || pkg.name === '@geolearn/elements').toBe(true);
    expect(pkg.exports['.']).toBeDefined();
  });

  it('ships every file its exports map names', () => {
    const files = (c: unknown): string[] => (typeof c === 'string' ? [c] : Object.values(c as object).flatMap(files));
    for (const [entry, conditions] of Object.entries(pkg.exports)) {
      for (const file of files(conditions)) {
        if (file.includes('*')) continue;
        expect(existsSync(`${root}${dir}/${file}`), `${pkg.name} ${entry} → ${file} (run pnpm build)`).toBe(true);
      }
    }
  });

  it('loads through both import and require', async () => {
    const esm = await import(`${root}${dir}/dist/index.js`);
    const cjs = createRequire(import.meta.url)(`${root}${dir}/dist/index.cjs`);
    expect(Object.keys(esm).length).toBeGreaterThan(3);
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort());
  });
});

describe('@geolearn/ui/mnist build', () => {
  it('loads through both import and require, apart from the main entry', async () => {
    const esm = await import(`${root}packages/ui/dist/mnist.js`);
    const cjs = createRequire(import.meta.url)(`${root}packages/ui/dist/mnist.cjs`);
    expect(Object.keys(esm)).toEqual(expect.arrayContaining(['DigitDrawingPad', 'FeatureMaps']));
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort());
    const main = await import(`${root}packages/ui/dist/index.js`);
    expect(main).not.toHaveProperty('DigitDrawingPad');
    expect(main).not.toHaveProperty('FeatureMaps');
  });
});

describe('entry points stay light', () => {
  it('@geolearn/algorithms does not pull in TF.js, React or d3', () => {
    const js = readFileSync(`${root}algorithms/dist/index.js`, 'utf8');
    expect(js).not.toMatch(/from ['"]@tensorflow/);
    expect(js).not.toMatch(/from ['"](react|d3-)/);
  });

  it('@geolearn/ui keeps react and @geolearn/algorithms external', () => {
    // The ESM build is split (an entry per explainer, shared chunks): read every ESM file but the workers.
    const dist = `${root}packages/ui/dist/`;
    const files = [...readdirSync(dist).filter((f) => f.endsWith('.js') && !f.includes('worker')).map((f) => dist + f), ...readdirSync(`${dist}explainers`).filter((f) => f.endsWith('.js')).map((f) => `${dist}explainers/${f}`)];
    const js = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(js).toMatch(/from ['"]react/);
    expect(js).toMatch(/from ['"]@geolearn\/algorithms['"]/);
    expect(js).not.toMatch(/function useState\(/);
  });

  it('@geolearn/ui splits its ESM build per explainer (a bundler drops the files an app does not import)', () => {
    const index = readFileSync(`${root}packages/ui/dist/index.js`, 'utf8');
    const own = readdirSync(`${root}packages/ui/src`).filter((d) => /^[A-Z]/.test(d) && existsSync(`${root}packages/ui/src/${d}/index.ts`));
    for (const d of own) expect(existsSync(`${root}packages/ui/dist/explainers/${d}.js`), d).toBe(true);
    // The entry defines no explainer (a few building blocks at most): it re-exports them.
    for (const d of own) expect(index, d).not.toMatch(new RegExp(`^function ${d}\\(`, 'm'));
    expect(index.length).toBeLessThan(30_000);
  });

  it('"use client" is the first line of the React entry chunks', () => {
    for (const file of ['packages/ui/dist/index.js', 'packages/ui/dist/index.cjs', 'packages/ui/dist/mnist.js', 'packages/ui/dist/mnist.cjs', 'packages/elements/dist/index.js', 'packages/elements/dist/index.cjs']) {
      expect(readFileSync(`${root}${file}`, 'utf8').split('\n', 1)[0], file).toMatch(/^["']use client["'];?$/);
    }
  });

  it('@geolearn/ui names only asset files it ships (MNIST models and digits), from ESM and CJS', () => {
    const dist = `${root}packages/ui/dist/`;
    for (const files of [['index.js', ...readdirChunks(dist)], ['index.cjs', 'mnist.cjs']]) {
      const urls = files.flatMap((c) => [...readFileSync(dist + c, 'utf8').matchAll(/new URL\(["'](\.\.\/assets\/[^"']+)["']/g)].map((m) => m[1]));
      expect(urls.length, files[0]).toBeGreaterThanOrEqual(5);
      for (const u of urls) expect(existsSync(new URL(u, `file://${dist}`)), `${files[0]}: ${u}`).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(`${root}packages/ui/package.json`, 'utf8'));
    expect(pkg.files).toContain('assets');
  });

  it('the main entry reaches no MNIST model, digits or WASM URL, not even through a dynamic import (they are in @geolearn/ui/mnist)', () => {
    const dist = `${root}packages/ui/dist/`;
    // Every chunk dist/index.js reaches, statically or by import(): a bundler emits the assets of all of them.
    const reached = new Set<string>();
    const visit = (f: string) => {
      if (reached.has(f)) return;
      reached.add(f);
      for (const m of readFileSync(dist + f, 'utf8').matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']\.\/([^"']+\.js)["']/g)) visit(m[1]);
    };
    visit('index.js');
    expect(reached).not.toContain('mnist.js');
    for (const f of [...reached, 'index.cjs']) expect(readFileSync(dist + f, 'utf8'), f).not.toMatch(MNIST_ASSET);
  });

  it('@geolearn/ui ships no copy of TF.js\'s WASM binaries (they come from @tensorflow/tfjs-backend-wasm)', () => {
    expect(existsSync(`${root}packages/ui/assets/tfjs-wasm`)).toBe(false);
  });
});

/** An MNIST model, its weights, the held-out digits or a TF.js WASM binary (a URL or an emitted file). */
const MNIST_ASSET = /\.wasm\b|weights[^/]*\.bin|held-out-digits|models\/mnist|model-[\w-]+\.json/;

function readdirChunks(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.js') && f !== 'index.js');
}

describe('script-tag bundle', () => {
  it('is one self-contained file that defines the elements', () => {
    const js = readFileSync(`${root}packages/elements/dist/geolearn-elements.global.js`, 'utf8');
    expect(js).not.toMatch(/\brequire\(|^import /m);
    expect(js).toContain('geolearn-loss-landscape');
    expect(js).toContain('geolearn-clustering-comparison');
    // 33 explainers (all but the TF.js and MNIST ones), React, Temml and the inlined math font: 1.83 MB
    // raw when measured; the ceiling catches an accidental second copy of a dependency.
    expect(js.length).toBeLessThan(2_200_000);
  });
});

// ---------------------------------------------------------------------------------------------
// Budgets, on a real bundler build (Vite 7 = Rollup, minified) of one tiny app per explainer that
// imports the BUILT package (packages/ui/dist), as an app installing @geolearn/ui would. React
// and react-dom are external: every number is "beyond React". Initial = the entry chunk and every
// chunk it imports statically; lazy = the chunks reached only through dynamic import() (TF.js,
// the MNIST runtime; TF.js itself is left external and only located). (esbuild's code splitting is not used here: it hoists a module shared by
// the entry and a lazy chunk into a shared chunk even when the entry's use of it is dead code.)
// ---------------------------------------------------------------------------------------------

/** The MNIST explainers, in the `@geolearn/ui/mnist` entry (dist/mnist.js). */
const MNIST = ['DigitDrawingPad', 'FeatureMaps', 'Manifold'];
/** The seismic TF.js explainers, in the `@geolearn/ui/seismic` entry (dist/seismic.js). */
const SEISMIC = ['SeismicClassifier', 'EventDetector', 'PhasePicker', 'TransferLearning', 'Autoencoder'];
/** The explainers that run TF.js (lazily, or in the TF.js worker). Manifold only needs the MNIST digits. */
const TFJS = ['DigitDrawingPad', 'FeatureMaps', ...SEISMIC];
/** An MNIST model or the held-out digits (the seismic entry must not emit these). */
const MNIST_ONLY = /held-out-digits|models\/mnist|mnist-(fc|cnn)/;
/**
 * The explainers: every export of the built entries that has a folder of its own in
 * packages/ui/src (the building blocks, e.g. Tex or Slider, are left out), so a new explainer
 * is measured as soon as it is exported.
 */
function explainers(): string[] {
  const names = (file: string) => [...readFileSync(`${root}packages/ui/dist/${file}`, 'utf8').matchAll(/^export\s*\{([^}]*)\}/gm)].flatMap((m) => m[1].split(',').map((n) => n.trim().split(/\s+as\s+/).pop()!));
  return [...new Set([...names('index.js'), ...names('mnist.js'), ...names('seismic.js')])].filter((n) => /^[A-Z]/.test(n) && existsSync(`${root}packages/ui/src/${n}/index.ts`));
}
let EXPLAINERS: string[] = [];
const KB = 1000;
/**
 * The issue's budgets (gzip, beyond React). Do not loosen them silently.
 * explainerInitial was raised to 110 kB for a while when dist/index.js was one module (a bundler
 * keeps each top-level call it cannot prove pure, so every explainer's constants reached every
 * app); the ESM build is now split per explainer (dist/explainers/*.js) and it is 100 kB again.
 */
const BUDGET = { lossLandscapeInitial: 80 * KB, explainerInitial: 100 * KB };

interface Sizes {
  initial: number;
  lazy: number;
  tfjsInitial: boolean;
  tfjsAnywhere: boolean;
  initialAssets: string[];
  /** Every asset file the build emits (name without Vite's hash, and raw bytes). */
  assets: { name: string; bytes: number }[];
}

const gz = (code: string) => gzipSync(code, { level: 9 }).length;

/** Bundles one app with Vite and measures its initial and lazy JavaScript. */
async function measure(dir: string, name: string, source: string): Promise<Sizes> {
  const app = join(dir, name);
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, 'main.js'), source);
  writeFileSync(join(app, 'index.html'), '<div id="root"></div><script type="module" src="./main.js"></script>');
  const out = (await build({
    root: app,
    configFile: false,
    logLevel: 'silent',
    // TF.js stays external too (its lazy size is the same for every MNIST explainer, about 270 kB gzip):
    // parsing it 16 times would triple the time. Its imports still show where it would load.
    build: { write: false, modulePreload: false, rollupOptions: { external: [/^react($|\/)/, /^react-dom($|\/)/, /^scheduler/, /^@tensorflow\//] } },
  })) as Rollup.RollupOutput;
  const byName = new Map(out.output.map((o) => [o.fileName, o]));
  const initial = new Set<Rollup.OutputChunk>();
  const lazy = new Set<Rollup.OutputChunk>();
  const walk = (f: string, set: Set<Rollup.OutputChunk>) => {
    const c = byName.get(f);
    if (!c || c.type !== 'chunk' || initial.has(c) || set.has(c)) return;
    set.add(c);
    for (const i of c.imports) walk(i, set);
    for (const i of c.dynamicImports) walk(i, lazy);
  };
  for (const o of out.output) if (o.type === 'chunk' && o.isEntry) walk(o.fileName, initial);
  const lazyOnly = [...lazy].filter((c) => !initial.has(c));
  const tf = (c: Rollup.OutputChunk) => [...c.imports, ...c.dynamicImports].some((id) => id.startsWith('@tensorflow/'));
  return {
    initial: [...initial].reduce((a, c) => a + gz(c.code), 0),
    lazy: lazyOnly.reduce((a, c) => a + gz(c.code), 0),
    tfjsInitial: [...initial].some(tf),
    tfjsAnywhere: [...initial, ...lazyOnly].some(tf),
    initialAssets: [...initial].flatMap((c) => [...(c.viteMetadata?.importedAssets ?? [])]),
    assets: out.output
      .filter((o): o is Rollup.OutputAsset => o.type === 'asset' && !o.fileName.endsWith('.html'))
      .map((o) => ({ name: o.fileName.replace(/^assets\//, '').replace(/-[\w-]{8}(\.\w+)$/, '$1'), bytes: o.source.length })),
  };
}

describe('bundle budgets (gzip, beyond React)', () => {
  let dir = '';
  const sizes = new Map<string, Sizes>();

  beforeAll(async () => {
    const ui = `${root}packages/ui/dist/index.js`;
    const mnist = `${root}packages/ui/dist/mnist.js`;
    const seismic = `${root}packages/ui/dist/seismic.js`;
    EXPLAINERS = explainers();
    dir = mkdtempSync(join(tmpdir(), 'geolearn-bundle-'));
    const app = (imp: string, el: string) =>
      `${imp}\nimport { createElement } from 'react';\nimport { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')).render(${el});\n`;
    const t0 = performance.now();
    const jobs: [string, string][] = EXPLAINERS.map((n) => [n, app(`import { ${n} } from ${JSON.stringify(MNIST.includes(n) ? mnist : SEISMIC.includes(n) ? seismic : ui)};`, `createElement(${n})`)]);
    jobs.push(['all of @geolearn/ui', app(`import * as ui from ${JSON.stringify(ui)};`, `createElement('pre', null, Object.keys(ui).join())`)]);
    jobs.push(['all of @geolearn/ui/mnist', app(`import * as ui from ${JSON.stringify(mnist)};`, `createElement('pre', null, Object.keys(ui).join())`)]);
    jobs.push(['all of @geolearn/ui/seismic', app(`import * as ui from ${JSON.stringify(seismic)};`, `createElement('pre', null, Object.keys(ui).join())`)]);
    // Two builds at a time (CI machines have at least two cores).
    const run = async () => {
      for (let job = jobs.shift(); job; job = jobs.shift()) sizes.set(job[0], await measure(dir, job[0].replace(/\W/g, '_'), job[1]));
    };
    await Promise.all([run(), run()]);
    const kb = (n: number) => (n / KB).toFixed(1).padStart(6);
    const emitted = (s: Sizes) => s.assets.reduce((a, x) => a + x.bytes, 0);
    const byAssets = new Map<string, string[]>();
    for (const [n, s] of sizes) {
      const key = s.assets.map((a) => `${a.name} ${(a.bytes / KB).toFixed(1)} kB`).sort().join(', ') || 'none';
      byAssets.set(key, [...(byAssets.get(key) ?? []), n]);
    }
    console.log(
      [`Vite builds of ${sizes.size} apps in ${((performance.now() - t0) / 1000).toFixed(1)} s (gzip kB, beyond React)`,
        'import                      initial     lazy   TF.js (external; +~270 kB gzip where lazy)   assets emitted (raw kB)',
        ...[...sizes].sort((a, b) => a[1].initial - b[1].initial).map(([n, s]) =>
          `${n.padEnd(26)} ${kb(s.initial)}   ${kb(s.lazy)}   ${(s.tfjsInitial ? 'initial' : s.tfjsAnywhere ? 'lazy' : '-').padEnd(7)}   ${kb(emitted(s))}`,
        ),
        'Assets emitted (raw):',
        ...[...byAssets].map(([assets, apps]) => `  ${apps.length === sizes.size ? 'every app' : apps.join(', ')}: ${assets}`)].join('\n'),
    );
  }, 600_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('measures every explainer (the list comes from the built entries)', () => {
    const known = ['LossLandscape', 'Neuron', 'ConvolutionExplorer', 'XorNet', 'LearningRateExplorer', 'SearchComparison', 'BatchSizeExplorer', 'OverfittingExplorer', 'DataModelLoss', 'Playground', 'Seismogram', 'SpotTheSeismogram', 'WaveformFeatures', 'LidarClassification', ...MNIST, ...SEISMIC];
    expect(EXPLAINERS).toEqual(expect.arrayContaining(known));
  });

  it('an app importing only LossLandscape stays within 80 kB gzip of initial JS', () => {
    expect(sizes.get('LossLandscape')!.initial).toBeLessThanOrEqual(BUDGET.lossLandscapeInitial);
  });

  it('every single explainer stays within 100 kB gzip of initial JS (lazy chunks apart)', () => {
    const over = EXPLAINERS.filter((n) => sizes.get(n)!.initial > BUDGET.explainerInitial).map((n) => `${n} ${(sizes.get(n)!.initial / KB).toFixed(1)} kB`);
    expect(over).toEqual([]);
  });

  it('Playground and XorNet carry no TF.js code at all, not even lazily', () => {
    for (const n of ['Playground', 'XorNet']) expect(sizes.get(n)!.tfjsAnywhere, n).toBe(false);
  });

  it('no explainer puts TF.js in its initial chunks; the MNIST ones load it lazily', () => {
    expect(EXPLAINERS.filter((n) => sizes.get(n)!.tfjsInitial)).toEqual([]);
    for (const n of ['DigitDrawingPad', 'FeatureMaps']) expect(sizes.get(n)!.tfjsAnywhere, n).toBe(true);
  });

  it('the seismic TF.js explainers emit their worker, the WASM binaries and their own weights, never the MNIST ones', () => {
    for (const n of [...SEISMIC, 'all of @geolearn/ui/seismic']) {
      const names = sizes.get(n)!.assets.map((a) => a.name);
      expect(names.some((a) => /nn\.worker/.test(a)), `${n}: ${names.join(', ')}`).toBe(true);
      expect(names.filter((a) => MNIST_ONLY.test(a)), n).toEqual([]);
    }
  });

  it('an app importing only LossLandscape emits no WASM, no MNIST weights or model, no digits', () => {
    const assets = sizes.get('LossLandscape')!.assets.map((a) => a.name);
    console.log(`LossLandscape app assets: ${assets.join(', ') || 'none'}`);
    expect(assets.filter((a) => MNIST_ASSET.test(a))).toEqual([]);
  });

  it('no app without a TF.js or MNIST explainer emits their assets (all of @geolearn/ui included); those do', () => {
    for (const [n, s] of sizes) {
      const mnistAssets = s.assets.map((a) => a.name).filter((a) => MNIST_ASSET.test(a));
      if (TFJS.includes(n) || n.endsWith('/mnist') || n.endsWith('/seismic')) expect(mnistAssets.length, n).toBeGreaterThan(0);
      else if (n === 'Manifold') expect(s.assets.map((a) => a.name).filter((a) => /held-out-digits/.test(a)).length, n).toBeGreaterThan(0);
      else expect(mnistAssets, n).toEqual([]);
    }
  });

  it('the initial chunks reference no model or WASM file (those URLs sit in the lazy MNIST runtime)', () => {
    // The seismic explainers start their TF.js worker with the WASM and model URLs from their own entry.
    for (const n of EXPLAINERS.filter((x) => !SEISMIC.includes(x))) expect(sizes.get(n)!.initialAssets.filter((a) => /\.wasm$|weights|model/.test(a)), n).toEqual([]);
  });
});
