import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, describe, expect, it } from 'vitest';

// Publishing checks of the packed packages (run after `pnpm build`): publint (every level,
// strict) and @arethetypeswrong (every resolution mode: node10, node16 CJS and ESM, bundler),
// with zero problems, plus the hygiene of issue 18 that neither tool checks.
const root = fileURLToPath(new URL('../../', import.meta.url));
const pkgs = ['algorithms', 'packages/ui', 'packages/elements'];
const work = mkdtempSync(join(tmpdir(), 'geolearn-publish-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(pkgs)('%s as published', (dir) => {
  const pkgDir = join(root, dir);
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));

  it('passes publint with no message at all', async () => {
    const { messages } = await publint({ pkgDir, level: 'suggestion', strict: true, pack: 'pnpm' });
    expect(messages.map((m) => `${m.type}: ${formatMessage(m, pkg) ?? m.code}`)).toEqual([]);
  });

  it('passes @arethetypeswrong in every resolution mode, node10 included', () => {
    const dest = join(work, dir.replace(/\W/g, '_'));
    execFileSync('pnpm', ['pack', '--pack-destination', dest], { cwd: pkgDir, stdio: 'pipe' });
    const tarball = join(dest, readdirSync(dest).find((f) => f.endsWith('.tgz'))!);
    // CSS entry points (ui's ./styles.css) are not modules: attw is told to leave them aside.
    const css = Object.keys(pkg.exports).filter((k) => k.endsWith('.css'));
    const exclude = css.length ? ['--exclude-entrypoints', ...css] : [];
    const r = spawnSync(join(root, 'node_modules/.bin/attw'), [tarball, '--format', 'json', ...exclude], { encoding: 'utf8' });
    const out = JSON.parse(r.stdout) as { analysis: { problems?: { kind: string; entrypoint?: string; resolutionKind?: string }[] } };
    const problems = (out.analysis.problems ?? []).map((p) => `${p.kind} ${p.entrypoint ?? ''} ${p.resolutionKind ?? ''}`.trim());
    if (problems.length) console.log(spawnSync(join(root, 'node_modules/.bin/attw'), [tarball, ...exclude], { encoding: 'utf8' }).stdout.toString());
    expect(problems).toEqual([]);
  });

  it('ships README, LICENSE and the registry metadata, and its sources once (in the maps)', () => {
    expect(pkg.files).toEqual(expect.arrayContaining(['dist', 'LICENSE', 'README.md']));
    expect(pkg.files).not.toContain('src');
    expect(readFileSync(join(pkgDir, 'LICENSE'), 'utf8')).toMatch(/MIT License[\s\S]*GeoLearn contributors/);
    expect(readFileSync(join(pkgDir, 'README.md'), 'utf8')).toMatch(/## Install[\s\S]*## Example[\s\S]*gallery/);
    expect(pkg.repository).toMatchObject({ type: 'git', directory: dir });
    expect(pkg.homepage).toMatch(/^https:/);
    expect(pkg.keywords.length).toBeGreaterThan(2);
    expect(pkg.engines.node).toBeDefined();
    expect(pkg.publishConfig).toEqual({ access: 'public' });
    // Every map carries its sources' text (an entry that only re-exports chunks has none to carry).
    const maps = readdirSync(join(pkgDir, 'dist'), { recursive: true }).map(String).filter((f) => f.endsWith('.js.map'));
    expect(maps.length).toBeGreaterThan(0);
    for (const f of maps) {
      const map = JSON.parse(readFileSync(join(pkgDir, 'dist', f), 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] };
      expect(map.sourcesContent?.length ?? 0, f).toBe(map.sources.length);
    }
  });

  it('declares every package its JavaScript and .d.ts import', () => {
    const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {}), pkg.name]);
    const dist = join(pkgDir, 'dist');
    const imported = new Set<string>();
    for (const f of readdirSync(dist).filter((f) => /\.(c?js|d\.c?ts)$/.test(f) && !f.includes('.global.'))) {
      const code = readFileSync(join(dist, f), 'utf8');
      // Statements only (line-anchored import/export … from, and the bundler's require("x") / import("x")), not prose.
      for (const m of [...code.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*["']([^"'./][^"']*)["']/gm), ...code.matchAll(/^import\s*["']([^"'./][^"']*)["']/gm), ...code.matchAll(/\b(?:require|import)\("([^"./][^"]*)"\)/g)]) {
        const spec = m[1].startsWith('@') ? m[1].split('/').slice(0, 2).join('/') : m[1].split('/')[0];
        // Node's built-in modules are no packages (the self-contained TF.js worker keeps emscripten's Node branches).
        if (!spec.startsWith('node:') && !builtinModules.includes(spec)) imported.add(spec);
      }
    }
    const types = (name: string) => (name.startsWith('d3-') ? [`@types/${name}`] : []);
    const undeclared = [...imported].filter((n) => !declared.has(n));
    expect(undeclared).toEqual([]);
    // Types a .d.ts imports from untyped packages must come with their @types package.
    const dts = readdirSync(dist).filter((f) => /\.d\.c?ts$/.test(f)).map((f) => readFileSync(join(dist, f), 'utf8')).join('\n');
    for (const m of dts.matchAll(/from ["'](d3-[a-z-]+)["']/g)) expect(declared, m[1]).toContain(types(m[1])[0]);
  });
});

describe('root', () => {
  it('has the MIT LICENSE the package.json files name', () => {
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).license).toBe('MIT');
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
  });
});
