/**
 * The drag-frame bench of issue 14 (`pnpm bench`): in Debian's Chromium, the work of one drag
 * frame of KernelTrick (SVC refit by SMO with the RBF kernel on 100 points + the 200 × 200
 * decision field) and of SvmMargin (exact linear SVC on 100 points + its 200 × 200 field),
 * KMeansStepper (k-means rerun and Voronoi cells, 500 points) and PcaExplorer (PCA of 500
 * points), frame by frame over 240 frames; it prints the median, the 95th percentile and the maximum
 * against the 16 ms frame budget; and TreeAndForest's refit of a 50-tree forest on 500 points
 * (target 100 ms); and the ClusteringComparison grid's 30 fits at 1,500 points (target 3 s).
 * A report, not a test: no threshold fails it.
 *
 *   node_modules/.bin/vitest bench --run test/bench/drag-frame.bench.ts
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { bench, describe } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function measure(): Promise<Record<string, number[]>> {
  const out = mkdtempSync(join(tmpdir(), 'geolearn-drag-'));
  let server: Server | undefined;
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  try {
    await build({
      entryPoints: { page: join(root, 'test/bench/drag-page.ts') },
      bundle: true,
      format: 'esm',
      target: 'es2022',
      outdir: out,
      alias: { '@geolearn/algorithms': join(root, 'algorithms/src/index.ts'), '@geolearn/algorithms/seismic': join(root, 'algorithms/src/seismic/index.ts') },
      logLevel: 'warning',
    });
    writeFileSync(join(out, 'index.html'), '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="./page.js"></script>');
    const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };
    const srv = createServer((req, res) => {
      const file = join(out, new URL(req.url ?? '/', 'http://x').pathname === '/' ? 'index.html' : new URL(req.url ?? '/', 'http://x').pathname);
      if (!file.startsWith(out) || !existsSync(file)) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    });
    server = srv;
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const page = await browser.newPage();
    const { port } = srv.address() as { port: number };
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => (window as { __drag?: unknown }).__drag !== undefined, null, { timeout: 300_000 });
    const r = (await page.evaluate(() => (window as { __drag?: unknown }).__drag)) as Record<string, number[]> | { error: string };
    if ('error' in r) throw new Error(String(r.error));
    return r as Record<string, number[]>;
  } finally {
    await browser.close();
    server?.close();
    rmSync(out, { recursive: true, force: true });
  }
}

describe('drag frame (Chromium)', () => {
  let done = false;
  bench(
    'KernelTrick and SvmMargin, 100 points, 200×200 field',
    async () => {
      if (done) return;
      done = true;
      if (!existsSync(executablePath)) {
        process.stdout.write(`\nChromium not found at ${executablePath}: drag-frame bench skipped\n`);
        return;
      }
      const r = await measure();
      const line = (name: string, [p50, p95, max]: number[]) =>
        `| ${name} | ${p50.toFixed(1)} | ${p95.toFixed(1)} | ${max.toFixed(1)} | ${(p95 / 16).toFixed(2)}× |`;
      process.stdout.write(
        `\n| one drag frame (Chromium) | p50 ms | p95 ms | max ms | p95 / 16 ms budget |\n|---|---|---|---|---|\n` +
          `${line('KernelTrick: SVC rbf refit + 200×200 field', r.kernelTrick)}\n${line('SvmMargin: exact linear SVC + 200×200 field', r.svmMargin)}\n` +
          `${line('KMeansStepper: k-means rerun + Voronoi, 500 points', r.kmeans)}\n${line('PcaExplorer: reshape + PCA + reconstruction, 500 points', r.pca)}\n` +
          `${line('LossLandscape: 200×200 Rosenbrock contour redraw', r.contour)}\n` +
          `\n| TreeAndForest refit (Chromium) | p50 ms | p95 ms | max ms | p50 / 100 ms target |\n|---|---|---|---|---|\n` +
          `| 50 trees, depth ≤ 8, 500 moons | ${r.forest[0].toFixed(1)} | ${r.forest[1].toFixed(1)} | ${r.forest[2].toFixed(1)} | ${(r.forest[0] / 100).toFixed(2)}× |\n` +
          `\n| ClusteringComparison grid (Chromium, compute) | best ms | worst ms | best / 3 s target |\n|---|---|---|---|\n` +
          `| 6 data sets × 5 methods, 1,500 points | ${r.grid[0].toFixed(0)} | ${r.grid[1].toFixed(0)} | ${(r.grid[0] / 3000).toFixed(2)}× |\n`,
      );
    },
    { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 },
  );
});
