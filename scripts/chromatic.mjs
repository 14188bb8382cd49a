#!/usr/bin/env node
// Publishes the gallery to Chromatic for visual review when a project token is set.
import { spawnSync } from 'node:child_process';

if (!process.env.CHROMATIC_PROJECT_TOKEN) {
  console.log('chromatic: skipped. Set CHROMATIC_PROJECT_TOKEN (from your Chromatic project\'s Manage page) to publish the gallery and review visual changes.');
  process.exit(0);
}
const r = spawnSync('node_modules/.bin/chromatic', ['--exit-zero-on-changes', '--build-script-name', 'build-storybook', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
