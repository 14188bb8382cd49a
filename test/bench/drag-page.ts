/**
 * The page of the drag-frame bench (bundled by drag-frame.bench.ts with esbuild, run in
 * Chromium): what one drag frame of KernelTrick and SvmMargin computes, timed frame by frame
 * while a point moves along a circle. KernelTrick: an SVC refit (SMO, RBF) on 100 points plus
 * the 200 × 200 decision field; SvmMargin: the exact linear SVC fit on 100 points plus its
 * 200 × 200 field; and TreeAndForest's refit of a 50-tree forest on 500 points. Results in
 * window.__drag.
 */
import { decisionField, fitKernel, makeData } from '../../packages/ui/src/KernelTrick/model';
import { RandomForestClassifier, rosenbrockObjective } from '@geolearn/algorithms';
import { drawFilledContours, logThresholds, sampleField } from '../../packages/ui/src/common/field';
import { decisionGrid, fitExact, type SvmPoint } from '../../packages/ui/src/SvmMargin/model';
import { loadData } from '../../packages/ui/src/TreeAndForest/model';
import { ALL_CELLS, cellJob, defaultParams, makeComparisonData, type DatasetName } from '../../packages/ui/src/ClusteringComparison/model';
import { fitManyTask } from '../../packages/ui/src/worker/registry';
import { makeKMeansData, runFrom, voronoiCells, type Pt } from '../../packages/ui/src/KMeansStepper/model';
import { DEFAULT_STATE as PCA_DEFAULT, fitPca, reconstruct, shapeCloud, standardCloud } from '../../packages/ui/src/PcaExplorer/model';

const FRAMES = 240;
const w = window as unknown as { __drag?: Record<string, number[]> | { error: string } };

function quantile(sorted: number[], q: number): number {
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (i - lo);
}

try {
  // 100 points: the circles set plus 20 from a second draw, as the unit test.
  const a = makeData('circles', 1);
  const b = makeData('circles', 2);
  const X = [...a.X, ...b.X.slice(0, 20)].map((p) => [...p]);
  const y = [...a.y, ...b.y.slice(0, 20)];
  const kernel: number[] = [];
  const linear: number[] = [];
  for (let f = 0; f < FRAMES; f++) {
    // The dragged point moves around a small circle, one step per frame.
    const t = (2 * Math.PI * f) / 60;
    X[0] = [0.4 * Math.cos(t), 0.4 * Math.sin(t)];
    let t0 = performance.now();
    const svc = fitKernel({ X, y, K: 2 }, { kernel: 'rbf', sigma: 1, C: 1 });
    decisionField(svc, 2, 200);
    kernel.push(performance.now() - t0);

    // Linearly separable with overlap: the circles shifted apart by class.
    const pts: SvmPoint[] = X.map((p, i): SvmPoint => [p[0] + (y[i] ? 1.2 : -1.2), p[1], y[i] ? 1 : 0]);
    t0 = performance.now();
    const fit = fitExact(pts, 1);
    decisionGrid(fit, 200);
    linear.push(performance.now() - t0);
  }
  const stats = (v: number[]) => {
    const s = v.slice(FRAMES / 6).sort((p, q) => p - q); // the first frames warm the JIT up
    return [quantile(s, 0.5), quantile(s, 0.95), s[s.length - 1]];
  };
  // KMeansStepper: a dragged initial centroid reruns k-means (k = 4) on 500 points and redraws
  // the Voronoi cells; PcaExplorer: a dragged axis handle reshapes 500 points and refits PCA.
  const blobs = makeKMeansData('blobs', 500, 0);
  const kmeans: number[] = [];
  const pca: number[] = [];
  const Z = standardCloud(500, 0);
  for (let f = 0; f < FRAMES; f++) {
    const t = (2 * Math.PI * f) / 60;
    const centers: Pt[] = [[-6 + Math.cos(t), -4 + Math.sin(t)], [-5, 4], [2, 5], [5, -3]];
    let t0 = performance.now();
    runFrom(blobs, centers);
    voronoiCells(centers, [-10, 10, -10, 10]);
    kmeans.push(performance.now() - t0);
    t0 = performance.now();
    const X = shapeCloud(Z, { ...PCA_DEFAULT, angle: (f * 3) % 180 });
    reconstruct(fitPca(X), 1);
    pca.push(performance.now() - t0);
  }
  // LossLandscape's contour redraw: the Rosenbrock loss on a 200 × 200 grid, filled contours
  // onto a 500 × 360 canvas.
  const cv = document.createElement('canvas');
  cv.width = 500;
  cv.height = 360;
  document.body.append(cv);
  const ctx = cv.getContext('2d')!;
  const rosen = rosenbrockObjective();
  const contour: number[] = [];
  for (let r = 0; r < 40; r++) {
    const t0 = performance.now();
    const field = sampleField((t) => rosen.loss(t), rosen.domain!, 200, 200);
    drawFilledContours(ctx, field, 500, 360, logThresholds(field));
    contour.push(performance.now() - t0);
  }
  const cs = contour.slice(5).sort((p, q) => p - q);
  // ClusteringComparison's grid: 6 data sets × 5 methods at 1,500 points, the jobs the worker
  // runs (fitMany), here run through on this thread for their compute time, twice.
  const grid: number[] = [];
  const sets = new Map<DatasetName, number[][]>();
  for (const c of ALL_CELLS) if (!sets.has(c.dataset)) sets.set(c.dataset, makeComparisonData(c.dataset, 1500, 0).X);
  const jobs = ALL_CELLS.map((c) => cellJob(c.method, defaultParams(c.dataset), sets.get(c.dataset)!, 0));
  for (let r = 0; r < 2; r++) {
    const t0 = performance.now();
    const it = fitManyTask({ jobs });
    while (!it.next().done);
    grid.push(performance.now() - t0);
  }
  // TreeAndForest's refit: 50 trees (depth ≤ 8) on 500 moons, 12 seeds.
  const moons = loadData('moons', 500, 0);
  const forest: number[] = [];
  for (let r = 0; r < 12; r++) {
    const t0 = performance.now();
    new RandomForestClassifier({ nEstimators: 50, maxDepth: 8, randomState: r }).fit(moons.X, moons.y);
    forest.push(performance.now() - t0);
  }
  const fs = forest.slice(2).sort((p, q) => p - q);
  w.__drag = { kernelTrick: stats(kernel), svmMargin: stats(linear), kmeans: stats(kmeans), pca: stats(pca), contour: [quantile(cs, 0.5), quantile(cs, 0.95), cs[cs.length - 1]], grid: [Math.min(...grid), Math.max(...grid)], forest: [quantile(fs, 0.5), quantile(fs, 0.95), fs[fs.length - 1]] };
} catch (e) {
  w.__drag = { error: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) };
}
