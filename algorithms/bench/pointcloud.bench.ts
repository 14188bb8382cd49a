/**
 * Speed of the point-cloud features (issue 14, LidarClassification): the multi-scale
 * neighbourhood features (linearity, planarity, sphericity, verticality, density at 3 radii,
 * plus height above ground) of synthetic lidar scenes of 10k, 50k and 100k points at the same
 * density (4 points/m²: a larger cloud covers more ground, as a longer survey does).
 * Target: 100k points in under 2 s in Node, growing as about n log n (exponent ≈ 1.1), not n².
 *
 * After the largest size it prints each size's time (best of 3), the time per point, and the
 * growth exponent (least-squares slope of log t on log n) beside n log n's.
 *
 *   node_modules/.bin/vitest bench --run algorithms/bench/pointcloud.bench.ts
 */
import { bench, describe } from 'vitest';
import { makeLidarScene, pointFeatures, type LidarScene } from '../src';

const SIZES = [10_000, 50_000, 100_000];
const RADII = [1, 2, 3];
const rows: { n: number; ms: number }[] = [];

/** Least-squares slope of log y on log x. */
function slope(x: number[], y: number[]): number {
  const lx = x.map(Math.log), ly = y.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length, my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let sxy = 0, sxx = 0;
  lx.forEach((v, i) => {
    sxy += (v - mx) * (ly[i] - my);
    sxx += (v - mx) ** 2;
  });
  return sxy / sxx;
}

function table(): string {
  const lines = ['point-cloud features, 3 radii (1, 2, 3 m), 16 features per point:'];
  for (const r of rows) lines.push(`  n=${String(r.n).padStart(7)}: ${r.ms.toFixed(0).padStart(6)} ms  (${((1000 * r.ms) / r.n).toFixed(2)} µs/point)`);
  const ns = rows.map((r) => r.n);
  const e = slope(ns, rows.map((r) => r.ms));
  const ref = slope(ns, ns.map((n) => n * Math.log(n)));
  lines.push(`  growth exponent ${e.toFixed(2)} (n log n: ${ref.toFixed(2)}, n²: 2.00)`);
  const big = rows.find((r) => r.n === 100_000);
  if (big) lines.push(`  100k points: ${(big.ms / 1000).toFixed(2)} s — target < 2 s: ${big.ms < 2000 ? 'met' : 'NOT met'}`);
  return lines.join('\n');
}

describe('point-cloud features (LidarClassification)', () => {
  for (const n of SIZES) {
    let scene: LidarScene | null = null;
    let done = false;
    bench(
      `pointFeatures, 3 radii, n=${n}`,
      () => {
        // The runner may call this more than once: the size is timed (best of 3) only once.
        if (done) return;
        done = true;
        scene ??= makeLidarScene({ nPoints: n, randomState: 0 });
        let best = Infinity;
        for (let k = 0; k < 3; k++) {
          const t0 = performance.now();
          pointFeatures(scene.xyz, { radii: RADII });
          best = Math.min(best, performance.now() - t0);
        }
        rows.push({ n, ms: best });
        if (n === SIZES[SIZES.length - 1]) process.stdout.write(`\n${table()}\n`);
      },
      { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 },
    );
  }
});
