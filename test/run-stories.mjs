#!/usr/bin/env node
// Serves the static gallery (storybook-static) on 127.0.0.1 and runs every story in Debian's Chromium
// through the Storybook test-runner (.storybook/test-runner.ts: play functions, three widths, overflow and
// overlap, axe, snapshots, dark mode, embeds), then the gallery's page checks (test/gallery-pages.mjs:
// focus rings without gallery.css, docs pages, the manager). Exits non-zero if either fails.
//   GL_SNAPSHOTS=0 node test/run-stories.mjs     skip the image comparison (work in progress)
//   node test/run-stories.mjs -u                 update the image baselines
//   GL_PAGES=0 …                                 skip the page checks
//   GL_WIDTHS=960 …                              one width only (quick); node test/run-stories.mjs neuron: one file
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';

const port = Number(process.env.STORYBOOK_PORT || 6107);
const url = `http://127.0.0.1:${port}`;
const dir = process.env.STORYBOOK_DIR || 'storybook-static';
if (!existsSync(`${dir}/index.json`)) {
  console.error(`${dir}/ is missing: run \`pnpm build-storybook\` first.`);
  process.exit(1);
}
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`Chromium not found at ${chromium}. On Debian: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  process.exit(1);
}

const server = spawn('node_modules/.bin/http-server', [dir, '-a', '127.0.0.1', '-p', String(port), '-s', '-c-1'], { stdio: 'inherit' });
const kill = () => server.kill('SIGTERM');
process.on('exit', kill);

async function waitForServer(deadline = Date.now() + 30_000) {
  while (Date.now() < deadline) {
    const ok = await new Promise((resolve) => {
      http.get(`${url}/index.json`, (res) => { res.resume(); resolve(res.statusCode === 200); }).on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`gallery server did not start on ${url}`);
}

await waitForServer();
const args = ['--index-json', '--url', url, '--config-dir', '.storybook', '--maxWorkers', process.env.STORY_WORKERS || '2', ...process.argv.slice(2)];
if (process.env.CI) args.push('--ci');
const t0 = Date.now();
const runner = spawn('node_modules/.bin/test-storybook', args, {
  stdio: 'inherit',
  env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', TARGET_URL: url },
});
const code = await new Promise((resolve) => runner.on('exit', (c) => resolve(c ?? 1)));
console.log(`stories: ${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
let pages = 0;
if (process.env.GL_PAGES !== '0') {
  const checker = spawn('node', ['test/gallery-pages.mjs'], { stdio: 'inherit', env: { ...process.env, GALLERY_URL: url } });
  pages = await new Promise((resolve) => checker.on('exit', (c) => resolve(c ?? 1)));
}
kill();
process.exit(code || pages);
