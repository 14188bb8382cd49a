// The CommonJS build's types (dist/*.d.cts) are the ESM build's (one DTS pass instead of two):
// each .d.ts is copied to .d.cts with its relative imports of shared type chunks pointed at the
// .cjs twins ('./x.js' → './x.cjs'), so that a CommonJS consumer's types stay in CommonJS.
// Usage, from a package folder: node ../../scripts/copy-cts.mjs (reads ./dist).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dist = path.resolve(process.argv[2] ?? 'dist');
for (const f of readdirSync(dist).filter((f) => f.endsWith('.d.ts'))) {
  const types = readFileSync(path.join(dist, f), 'utf8').replace(/(\bfrom\s*|\bimport\s*\(\s*)(["'])(\.\.?\/[^"']+)\.js\2/g, '$1$2$3.cjs$2');
  writeFileSync(path.join(dist, f.replace(/\.d\.ts$/, '.d.cts')), types);
}
