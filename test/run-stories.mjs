#!/usr/bin/env node
// Serves the static gallery (storybook-static) on 127.0.0.1 and runs every story in
// Debian's Chromium through the Storybook test-runner. Exits with the runner's code.
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
const runner = spawn('node_modules/.bin/test-storybook', args, {
  stdio: 'inherit',
  env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', TARGET_URL: url },
});
runner.on('exit', (code) => {
  kill();
  process.exit(code ?? 1);
});
