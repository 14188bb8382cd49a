#!/usr/bin/env node
// The consumer test (issue 18): what a new user does, end to end, against the packed packages.
//   1. `pnpm pack` @geolearn/algorithms, @geolearn/ui and @geolearn/elements (run after `pnpm build`);
//   2. copy the app template (test/consumer/app: Vite + React 19 + TypeScript) to a temp dir and
//      `npm install` it from the tarballs plus the registry (npm's own cache, ~/.npm or
//      $GEOLEARN_NPM_CACHE, keeps it fast: --prefer-offline);
//   3. `tsc` (strict, skipLibCheck false: our .d.ts must type-check as shipped), `vite build`;
//   4. serve the build on 127.0.0.1 and open it in Chromium: LossLandscape, Playground,
//      DigitDrawingPad, PhasePicker, EventDetector, TransferLearning and a custom element render, the
//      pad classifies a digit drawn with the mouse, the picker picks P in its TF.js worker, the detector
//      scans its stream, transfer learning trains its four curves in the worker (one epoch shown), no
//      console error, no request leaves 127.0.0.1.
// Options: --keep (leave the temp dir), --skip-install (reuse --dir's node_modules), --dir <path>.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const keep = args.includes('--keep');
const dirArg = args.includes('--dir') ? args[args.indexOf('--dir') + 1] : null;
const work = dirArg ?? mkdtempSync(join(tmpdir(), 'geolearn-consumer-'));
const t0 = Date.now();
const times = [];
let failures = 0;
const step = (name, fn) => {
  const s = Date.now();
  const out = fn();
  times.push(`${name} ${((Date.now() - s) / 1000).toFixed(1)} s`);
  return out;
};
const sh = (cmd, argv, cwd, env = {}) => {
  const r = spawnSync(cmd, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`${cmd} ${argv.join(' ')} (in ${cwd}) failed:\n${r.stdout}\n${r.stderr}`);
    throw new Error(`${cmd} failed`);
  }
  return r.stdout;
};
const check = (ok, what) => {
  console.log(`${ok ? 'ok' : 'FAIL'} - ${what}`);
  if (!ok) failures++;
};

const app = join(work, 'app');
try {
  // 1. Pack.
  const tarballs = join(work, 'tarballs');
  step('pack', () => {
    mkdirSync(tarballs, { recursive: true });
    for (const [dir, name] of [['algorithms', 'algorithms'], ['packages/ui', 'ui'], ['packages/elements', 'elements']]) {
      for (const f of readdirSync(tarballs)) if (f.startsWith(`geolearn-${name}-`)) rmSync(join(tarballs, f));
      sh('pnpm', ['pack', '--pack-destination', tarballs], join(root, dir));
      const tgz = readdirSync(tarballs).find((f) => f.startsWith(`geolearn-${name}-`));
      renameSync(join(tarballs, tgz), join(tarballs, `geolearn-${name}.tgz`));
    }
  });

  // 2. The app, installed as a user would (tarballs for ours, the registry for the rest).
  step('install', () => {
    if (!args.includes('--skip-install')) rmSync(app, { recursive: true, force: true });
    cpSync(join(root, 'test/consumer/app'), app, { recursive: true, filter: (src) => !src.includes('node_modules') && !src.endsWith('/dist') });
    const pkg = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'));
    for (const name of ['algorithms', 'ui', 'elements']) pkg.dependencies[`@geolearn/${name}`] = `file:../tarballs/geolearn-${name}.tgz`;
    // Our packages depend on each other by version: the tarballs, never the registry.
    pkg.overrides = { '@geolearn/algorithms': '$@geolearn/algorithms', '@geolearn/ui': '$@geolearn/ui' };
    writeFileSync(join(app, 'package.json'), JSON.stringify(pkg, null, 2));
    if (!args.includes('--skip-install')) {
      sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], app, process.env.GEOLEARN_NPM_CACHE ? { npm_config_cache: process.env.GEOLEARN_NPM_CACHE } : {});
    } else {
      // Refresh only our packages from the new tarballs.
      sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...['algorithms', 'ui', 'elements'].map((n) => `../tarballs/geolearn-${n}.tgz`)], app);
    }
  });

  // 3. Type-check and build.
  // Strict, skipLibCheck false: every error in the app or in our packages' .d.ts fails. TF.js's own
  // .d.ts do not pass a strict check of library files (tfjs-layers' keras_format): those are counted, not failed.
  step('tsc', () => {
    const r = spawnSync(join(app, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json', '--pretty', 'false'], { cwd: app, encoding: 'utf8' });
    const errors = r.stdout.split('\n').filter((l) => /error TS\d+/.test(l));
    const ours = errors.filter((l) => !l.startsWith('node_modules/') || l.startsWith('node_modules/@geolearn/'));
    const theirs = [...new Set(errors.filter((l) => !ours.includes(l)).map((l) => l.split('/').slice(1, 3).join('/')))];
    check(ours.length === 0, `tsc strict, skipLibCheck false: no error in the app or @geolearn/*${ours.length ? `:\n  ${ours.join('\n  ')}` : ''}${theirs.length ? ` (left aside: ${errors.length - ours.length} in ${theirs.join(', ')})` : ''}`);
    if (r.status !== 0 && errors.length === 0) throw new Error(`tsc failed:\n${r.stdout}${r.stderr}`);
    // node10 resolution: the prop types must not silently become any.
    const n10 = spawnSync(join(app, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.node10.json', '--pretty', 'false'], { cwd: app, encoding: 'utf8' });
    const n10ours = n10.stdout.split('\n').filter((l) => /error TS\d+/.test(l) && (!l.startsWith('node_modules/') || l.startsWith('node_modules/@geolearn/')));
    check(n10ours.length === 0, `moduleResolution node10: the props keep their types${n10ours.length ? `:\n  ${n10ours.join('\n  ')}` : ''}`);
  });
  const built = step('vite build', () => sh(join(app, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], app));
  if (built.trim()) console.log(built.trim());
  const assets = readdirSync(join(app, 'dist/assets'));
  check(assets.some((f) => f.endsWith('.wasm')) && assets.some((f) => f.startsWith('weights')), `vite emitted the WASM binaries and MNIST weights (${assets.length} files)`);

  // 4. Serve on 127.0.0.1 and open in Chromium.
  const s = Date.now();
  await browse(join(app, 'dist'));
  times.push(`chromium ${((Date.now() - s) / 1000).toFixed(1)} s`);
} catch (e) {
  console.error(e);
  failures++;
} finally {
  if (!keep && !dirArg) rmSync(work, { recursive: true, force: true });
  else console.log(`left in ${work}`);
}
console.log(`consumer test: ${times.join(' · ')} · total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(`consumer: ${failures ? 0 : 1} passed, ${failures ? 1 : 0} failed`);
process.exit(failures ? 1 : 0);

async function browse(dist) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.woff2': 'font/woff2', '.svg': 'image/svg+xml' };
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dist, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dist) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 2400 } });
    const errors = [];
    const outside = [];
    const notFound = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('response', (r) => r.status() >= 400 && notFound.push(`${r.status()} ${r.url()}`));
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1') return route.continue();
      outside.push(url.href);
      return route.abort();
    });
    await page.goto(origin, { waitUntil: 'load' });
    const landscape = page.getByTestId('loss-landscape');
    await landscape.locator('svg, canvas').first().waitFor({ timeout: 15_000 });
    check((await landscape.locator('svg, canvas').count()) > 0, 'LossLandscape renders');
    const playground = page.getByTestId('playground');
    check((await playground.locator('svg, canvas').count()) > 0, 'Playground renders');
    const pad = page.getByTestId('pad');
    await pad.waitFor({ timeout: 15_000 });
    check(true, 'DigitDrawingPad renders');
    const element = page.locator('geolearn-neuron');
    await element.locator('svg, canvas').first().waitFor({ timeout: 15_000 });
    check((await element.evaluate((el) => getComputedStyle(el).display)) === 'block', 'the custom element renders, display: block');

    // Draw a "1": one stroke down the middle of the pad, as mouse moves.
    await pad.scrollIntoViewIfNeeded();
    const box = await pad.boundingBox();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.15);
    await page.mouse.down();
    for (let k = 1; k <= 16; k++) await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * (0.15 + (0.7 * k) / 16));
    await page.mouse.up();
    const status = page.getByTestId('digit-pad').getByTestId('status');
    let guess = '';
    try {
      await page.waitForFunction(() => document.querySelector('[data-testid="digit-pad"] [data-testid="status"]')?.getAttribute('data-guess'), null, { timeout: 60_000 });
      guess = await status.getAttribute('data-guess');
    } catch {
      console.log(`status: ${await status.textContent()} (pad at ${JSON.stringify(box)})`);
    }
    check(guess === '1', `DigitDrawingPad classifies the drawn 1 (guess: ${guess || 'none'})`);
    // The PhasePicker's model runs in the TF.js worker (nn.worker.js, bundled by the app's Vite):
    // its first window must come back with picks.
    let picks = null;
    try {
      await page.waitForFunction(() => Number(document.querySelector('[data-testid="phase-picker"] [data-testid="status"]')?.getAttribute('data-p-picks')) > 0, null, { timeout: 90_000 });
      picks = await page.getByTestId('phase-picker').getByTestId('status').getAttribute('data-p-picks');
    } catch {
      console.log(`phase picker status: ${await page.getByTestId('phase-picker').getByTestId('status').textContent()}`);
    }
    check(Number(picks) > 0, `PhasePicker picks P in its worker (P picks: ${picks ?? 'none'})`);
    // The EventDetector scans its generated stream with the shipped detector (in the worker).
    const detStatus = page.getByTestId('event-detector').getByTestId('status');
    const scanned = await page
      .waitForFunction(() => document.querySelector('[data-testid="event-detector"] [data-testid="status"]')?.getAttribute('data-scanned') === 'true', null, { timeout: 90_000 })
      .then(() => true, () => false);
    const curve = await page.getByTestId('event-detector').getByTestId('p-event-curve').getAttribute('d').catch(() => null);
    check(scanned && (curve ?? '').length > 10, `EventDetector scans its stream (status: "${(await detStatus.textContent())?.trim().slice(0, 120)}")`);
    // TransferLearning: Train runs in the worker; the first epoch of the curves comes back.
    const tl = page.getByTestId('transfer-learning');
    await tl.getByTestId('train').click();
    const epoch = await page
      .waitForFunction(() => Number(document.querySelector('[data-testid="transfer-learning"] [data-testid="status"]')?.getAttribute('data-epoch')) >= 1, null, { timeout: 120_000 })
      .then(() => tl.getByTestId('status').getAttribute('data-epoch'), () => null);
    check(Number(epoch) >= 1, `TransferLearning trains in its worker (epoch ${epoch ?? 'none'}: "${(await tl.getByTestId('status').textContent())?.trim().slice(0, 120)}")`);
    if (Number(epoch) >= 1 && (await tl.getByTestId('train').textContent())?.includes('Cancel')) await tl.getByTestId('train').click();
    check(errors.length === 0, `no console errors${errors.length ? `:\n  ${errors.join('\n  ')}` : ''}`);
    check(notFound.length === 0, `no failed request${notFound.length ? `:\n  ${notFound.join('\n  ')}` : ''}`);
    check(outside.length === 0, `no request leaves 127.0.0.1${outside.length ? `:\n  ${outside.join('\n  ')}` : ''}`);
  } finally {
    await browser.close();
    server.close();
  }
}
