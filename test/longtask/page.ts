/**
 * The page of the long-task check (bundled by longtask.test.mjs with esbuild): it makes the
 * data, then runs two heavy fits through runFitInWorker while a PerformanceObserver records
 * every main-thread task over 50 ms ('longtask'), and leaves what it saw in window.__longtask.
 */
import { makeClassification, makeMoons, RandomForestClassifier } from '@geolearn/algorithms';
import { runFitInWorker } from '../../packages/ui/src/worker/runFit';
import { modelFromJSON } from '../../packages/ui/src/worker/registry';
import { runNnTaskInWorker } from '../../packages/ui/src/worker/runNn';

interface Report {
  longTasks: { start: number; duration: number }[];
  controlLongTasks: number;
  forest: { trees: number; accuracy: number; snapshots: number; lastProgress: number | null; ms: number } | null;
  spectral: { n: number; agreement: number; progress: (number | null)[]; ms: number } | null;
  /** TF.js training in the nn worker: the autoencoder, 3 epochs on 512 windows. */
  autoencoder: { epochs: number; loss: number; backend: string; ms: number } | null;
  fromJSONms: number;
  windowMs: number;
  error: string | null;
  supported: boolean;
  /** What the main thread did when (ms from the start of the fits), to name a long task. */
  marks: [string, number][];
}

const w = window as unknown as { __longtask?: Report };
/** Set by the bundler (LONGTASK_MAIN_THREAD=1): run the fits on the main thread, to see the check fail. */
declare const __LONGTASK_MAIN__: boolean;
const worker = !__LONGTASK_MAIN__;
const tasks: { start: number; duration: number }[] = [];
const supported = typeof PerformanceObserver === 'function' && (PerformanceObserver.supportedEntryTypes ?? []).includes('longtask');
const record = (entries: PerformanceEntryList) => {
  for (const e of entries) tasks.push({ start: e.startTime, duration: e.duration });
};
const observer = new PerformanceObserver((list) => record(list.getEntries()));
/** Waits, then takes the entries not delivered yet (the observer's callback may lag under load). */
const settle = async (ms: number) => {
  await sleep(ms);
  record(observer.takeRecords());
};

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const report: Report = { longTasks: [], controlLongTasks: 0, forest: null, spectral: null, autoencoder: null, fromJSONms: 0, windowMs: 0, error: null, supported, marks: [] };
  try {
    // Data first (its own main-thread work is not what is measured).
    const cls = makeClassification({ nSamples: 4000, nFeatures: 20, randomState: 0 });
    const moons = makeMoons({ nSamples: 1500, noise: 0.05, randomState: 0 });
    await frame();
    await sleep(200);
    observer.observe({ type: 'longtask' });
    const t0 = performance.now();
    const mark = (name: string) => report.marks.push([name, Math.round(performance.now() - t0)]);
    let snapshots = 0;
    let lastProgress: number | null = null;
    const spectralProgress: (number | null)[] = [];
    const forestRun = runFitInWorker(
      { estimator: 'RandomForestClassifier', params: { nEstimators: 100, randomState: 0 }, X: cls.X, y: cls.y },
      {
        worker,
        onSnapshot: () => {
          snapshots++;
          mark('forest snapshot');
        },
        onProgress: (p) => (lastProgress = p),
      },
    ).then((json) => {
      mark('forest result');
      return { json, ms: performance.now() - t0 };
    });
    const spectralRun = runFitInWorker(
      { estimator: 'SpectralClustering', params: { nClusters: 2, affinity: 'nearest_neighbors', nNeighbors: 10, randomState: 0 }, X: moons.X },
      { worker, onProgress: (p) => spectralProgress.push(p) },
    ).then((json) => {
      mark('spectral result');
      return { json, ms: performance.now() - t0 };
    });
    // TF.js training in its own worker (the nn runner): an autoencoder, epoch by epoch.
    let epochs = 0;
    let loss = NaN;
    const aeRun = runNnTaskInWorker<{ backend?: string }, { epoch: number; loss: number }>(
      'autoencoder.run',
      { job: 'train', epochs: 3, count: 512, heldOut: 32, seed: 0 },
      {
        worker,
        onSnapshot: (s) => {
          epochs = s.epoch;
          loss = s.loss;
          mark('autoencoder epoch');
        },
      },
    ).then((r) => {
      mark('autoencoder result');
      return { backend: String(r?.backend ?? ''), ms: performance.now() - t0 };
    });
    mark('all started');
    const [forest, spectral, ae] = await Promise.all([forestRun, spectralRun, aeRun]);
    report.autoencoder = { epochs, loss, backend: ae.backend, ms: ae.ms };
    // Let the observer deliver the last entries of the window.
    await settle(100);
    const t1 = performance.now();
    report.windowMs = t1 - t0;
    // Every task that overlaps the window (the one that started the fits included).
    report.longTasks = tasks.filter((t) => t.start + t.duration >= t0 && t.start <= t1).map((t) => ({ start: t.start - t0, duration: t.duration }));
    const labels = spectral.json.labels;
    let same = 0;
    for (let i = 0; i < labels.length; i++) if (labels[i] === moons.y[i]) same++;
    report.spectral = { n: labels.length, agreement: Math.max(same, labels.length - same) / labels.length, progress: spectralProgress, ms: spectral.ms };

    // After the window: rebuilding the forest here is main-thread work the caller chooses; timed, not asserted.
    const f0 = performance.now();
    const model = modelFromJSON(forest.json);
    report.fromJSONms = performance.now() - f0;
    const pred = model.predict(cls.X);
    let ok = 0;
    for (let i = 0; i < pred.length; i++) if (pred[i] === cls.y[i]) ok++;
    report.forest = { trees: forest.json.estimators.length, accuracy: ok / pred.length, snapshots, lastProgress, ms: forest.ms };

    // Control: the same kind of fit ON the main thread must show up as a long task,
    // or the observer is not working and a pass above would mean nothing.
    await sleep(50);
    const c0 = performance.now();
    new RandomForestClassifier({ nEstimators: 30, randomState: 0 }).fit(cls.X, cls.y);
    await settle(100);
    // The fit runs inside a task that began before c0 (the timer that resumed this function).
    report.controlLongTasks = tasks.filter((t) => t.start + t.duration >= c0).length;
  } catch (e) {
    report.error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
  observer.disconnect();
  w.__longtask = report;
}

void main();
