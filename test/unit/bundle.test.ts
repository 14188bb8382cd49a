import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkgs = ['algorithms', 'packages/ui', 'packages/elements'];

// Checks of the built packages (run after `pnpm build`): exports map, ESM + CJS + types,
// no side effects, and no TF.js in the classical entry point.
describe.each(pkgs)('%s build', (dir) => {
  const pkg = JSON.parse(readFileSync(`${root}${dir}/package.json`, 'utf8'));

  it('declares an ESM exports map without side effects', () => {
    expect(pkg.type).toBe('module');
    // The elements package's script-tag bundle defines elements on load, on purpose.
    expect(pkg.sideEffects === false || pkg.name === '@geolearn/elements').toBe(true);
    expect(pkg.exports['.']).toBeDefined();
  });

  it('ships every file its exports map names', () => {
    for (const [entry, conditions] of Object.entries<Record<string, Record<string, string>> | string>(pkg.exports)) {
      if (typeof conditions === 'string') {
        if (conditions.startsWith('./dist')) expect(existsSync(`${root}${dir}/${conditions}`), `${pkg.name} ${entry}`).toBe(true);
        continue;
      }
      for (const c of Object.values(conditions)) {
        for (const file of Object.values(c)) {
          expect(existsSync(`${root}${dir}/${file}`), `${pkg.name} ${entry} → ${file} (run pnpm build)`).toBe(true);
        }
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

describe('entry points stay light', () => {
  it('@geolearn/algorithms does not pull in TF.js, React or d3', () => {
    const js = readFileSync(`${root}algorithms/dist/index.js`, 'utf8');
    expect(js).not.toMatch(/from ['"]@tensorflow/);
    expect(js).not.toMatch(/from ['"](react|d3-)/);
  });

  it('@geolearn/ui keeps react and @geolearn/algorithms external', () => {
    const js = readFileSync(`${root}packages/ui/dist/index.js`, 'utf8');
    expect(js).toMatch(/from ['"]react/);
    expect(js).toMatch(/from ['"]@geolearn\/algorithms['"]/);
    expect(js).not.toMatch(/function useState\(/);
  });

  it('@geolearn/ui finds its shipped MNIST weights from dist, in ESM and CJS', () => {
    for (const file of ['index.js', 'index.cjs']) {
      const js = readFileSync(`${root}packages/ui/dist/${file}`, 'utf8');
      const urls = [...js.matchAll(/new URL\("(\.\.\/assets\/[^"]+)"/g)].map((m) => m[1]);
      expect(urls.length, file).toBeGreaterThanOrEqual(4);
      for (const u of urls) expect(existsSync(new URL(u, `file://${root}packages/ui/dist/`)), `${file}: ${u}`).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(`${root}packages/ui/package.json`, 'utf8'));
    expect(pkg.files).toContain('assets');
  });

  it('@geolearn/ui ships the WASM binaries of the installed @tensorflow/tfjs-backend-wasm, byte for byte', () => {
    for (const f of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']) {
      const shipped = readFileSync(`${root}packages/ui/assets/tfjs-wasm/${f}`);
      const installed = readFileSync(`${root}node_modules/@tensorflow/tfjs-backend-wasm/dist/${f}`);
      expect(shipped.equals(installed), f).toBe(true);
    }
  });
});

describe('script-tag bundle', () => {
  it('is one self-contained file that defines the elements', () => {
    const js = readFileSync(`${root}packages/elements/dist/geolearn-elements.global.js`, 'utf8');
    expect(js).not.toMatch(/\brequire\(|^import /m);
    expect(js).toContain('geolearn-loss-landscape');
    expect(js.length).toBeLessThan(1_500_000);
  });
});
