/**
 * The `scale` group of `pnpm bench`: every estimator at n = 1k, 10k and 100k (where the
 * algorithm is meant for it) on seeded data, against scikit-learn 1.2.1's single-thread times
 * recorded by `scripts/sklearn-timings.py` (fixtures/sklearn-timings.json). Each case is one
 * `bench` with a fixed budget (best of 3 fits, one for slow fits; see `_scale-cases.ts`); after
 * each estimator's largest size its times, ours/sklearn ratios and growth exponent are printed.
 *
 *   node_modules/.bin/vitest bench --run algorithms/bench/scale.bench.ts
 *   node_modules/.bin/tsx algorithms/bench/scale.ts [names…] [--max N]   (same cases, plain script)
 */
import { bench, describe } from 'vitest';
import { CASES, formatTable, sklearnTimings, timeFit, type ScaleRow } from './_scale-cases';

const rows: ScaleRow[] = [];
const sk = sklearnTimings();

describe('scale', () => {
  for (const c of CASES) {
    for (const n of c.sizes) {
      let prepared: ReturnType<typeof c.prepare> | null = null;
      let done = false;
      bench(
        `${c.name} n=${n}`,
        () => {
          // The runner may call this more than once: the case is timed (best of 3) only once.
          if (done) return;
          done = true;
          prepared ??= c.prepare(n);
          const { ms, model } = timeFit(prepared.fit);
          const ref = sk?.results[c.name]?.[String(n)] ?? null;
          rows.push({ name: c.name, n, ms, sklearnMs: ref?.ms ?? null, summary: prepared.summary(model as never), sklearnSummary: ref });
          // After an estimator's largest size, print its rows and growth exponent (afterAll
          // output is not shown by the bench reporter).
          if (n === c.sizes[c.sizes.length - 1]) process.stdout.write(`\n${formatTable(rows.filter((r) => r.name === c.name), sk)}\n`);
        },
        // One call of the function above: it times its own best-of-3 fits.
        { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 },
      );
    }
  }
});
