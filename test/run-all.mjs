#!/usr/bin/env node
// Every check of the project, in order, failing fast: the README's test command runs this.
import { spawnSync } from 'node:child_process';

const steps = [
  ['typecheck', 'node_modules/.bin/tsc', ['-p', 'tsconfig.json', '--noEmit']],
  ['lint', 'node_modules/.bin/eslint', ['--max-warnings', '0', '.']],
  ['build packages', 'pnpm', ['-r', '--filter', '@geolearn/*', 'run', 'build']],
  // After the build: also test/unit/bundle.test.ts (budgets) and publish.test.ts (publint, attw).
  ['unit tests', 'node_modules/.bin/vitest', ['run']],
  // Issue 19: heavy fits through the worker runner leave no main-thread task over 50 ms.
  ['long tasks (worker runner, Chromium)', 'node', ['test/longtask/longtask.test.mjs']],
  ['consumer app (pack, npm install, tsc, vite build, Chromium)', 'node', ['test/consumer/run.mjs']],
  ['storybook build', 'node_modules/.bin/storybook', ['build', '--quiet', '-o', 'storybook-static']],
  ['story tests (Chromium)', 'node', ['test/run-stories.mjs']],
  // Issue 18: the reveal.js deck of examples/slides (script-tag elements and gallery iframes) at reveal.js's scaling.
  ['slide deck (reveal.js, Chromium)', 'node', ['test/slides/deck.test.mjs']],
];

const only = process.argv.slice(2);
const t0 = Date.now();
const done = [];
let failed = null;
for (const [name, cmd, args] of steps) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const start = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } });
  const secs = ((Date.now() - start) / 1000).toFixed(1);
  if (r.status !== 0) {
    failed = name;
    console.log(`=== ${name}: FAILED after ${secs} s (exit ${r.status ?? r.signal})`);
    break;
  }
  done.push(`${name} ${secs} s`);
  console.log(`=== ${name}: ok in ${secs} s`);
}
console.log(`\nChecks: ${done.join(' · ')}${failed ? ` · ${failed} FAILED` : ''}`);
console.log(`Total ${((Date.now() - t0) / 1000).toFixed(0)} s`);
console.log(`checks: ${done.length} passed, ${failed ? 1 : 0} failed`);
process.exit(failed ? 1 : 0);
