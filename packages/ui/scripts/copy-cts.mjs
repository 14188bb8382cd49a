// The CommonJS build's types (dist/*.d.cts) are the ESM build's (one DTS pass instead of two):
// each .d.ts is copied to .d.cts with its relative imports of shared type chunks pointed at the
// .cjs twins ('./x.js' → './x.cjs'), so that a CommonJS consumer's types stay in CommonJS.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const dist = new URL('../dist/', import.meta.url);
for (const f of readdirSync(dist).filter((f) => f.endsWith('.d.ts'))) {
  const types = readFileSync(new URL(f, dist), 'utf8').replace(/(\bfrom\s*|\bimport\s*\(\s*)(["'])(\.\.?\/[^"']+)\.js\2/g, '$1$2$3.cjs$2');
  writeFileSync(new URL(f.replace(/\.d\.ts$/, '.d.cts'), dist), types);
}
