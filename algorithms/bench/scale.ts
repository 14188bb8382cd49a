/**
 * The scaling bench as a plain script (the same cases as the `scale` group of `pnpm bench`):
 *
 *   node_modules/.bin/tsx algorithms/bench/scale.ts                 # every case
 *   node_modules/.bin/tsx algorithms/bench/scale.ts SVC PCA         # names containing SVC or PCA
 *   node_modules/.bin/tsx algorithms/bench/scale.ts --max 10000     # sizes up to 10k
 *
 * Prints ours and scikit-learn's fit times per size, their ratio and the growth exponents.
 */
import { formatTable, runScale, sklearnTimings } from './_scale-cases';

const args = process.argv.slice(2);
const maxAt = args.indexOf('--max');
const max = maxAt >= 0 ? Number(args[maxAt + 1]) : Infinity;
const names = args.filter((a, i) => !a.startsWith('--') && (maxAt < 0 || i !== maxAt + 1));
const rows = runScale(
  (name, n) => n <= max && (names.length === 0 || names.some((s) => name.includes(s))),
  (r) => console.log(`  ${r.name} n=${r.n}: ${r.ms.toFixed(1)} ms${r.sklearnMs ? ` (sklearn ${r.sklearnMs.toFixed(1)} ms, ${(r.ms / r.sklearnMs).toFixed(2)}×)` : ''}`),
);
console.log(formatTable(rows, sklearnTimings()));
