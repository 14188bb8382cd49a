import { DecisionTreeClassifier, KMeans, makeBlobs, makeClassification, makeMoons, RandomForestClassifier, ValidationError } from '@geolearn/algorithms';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FitProgress, modelFromJSONAsync, runFitEvaluateInWorker, runFitInWorker, runTaskInWorker, toWire, useWorkerFit, type FitManyResult } from '../src';
import { Job, type WorkerReply } from '../src/worker/core';
import { modelFromJSON, taskOf, WORKER_ESTIMATORS } from '../src/worker/registry';
import { handleRunMessage } from '../src/worker/serve';

afterEach(cleanup);

const blobs = makeBlobs({ nSamples: 300, centers: 3, randomState: 1 });
const classes = makeClassification({ nSamples: 200, nFeatures: 6, randomState: 0 });

/**
 * A Worker stand-in that runs the real worker handler (handleRunMessage) on later macrotasks,
 * with every message through structuredClone as postMessage would: it exercises the protocol,
 * the wire form of snapshots and the re-creation of errors, without a browser.
 */
class FakeWorker {
  onmessage: ((e: { data: WorkerReply }) => void) | null = null;
  onerror: ((e: { message: string; preventDefault(): void }) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  constructor(private readonly failToLoad = false) {}
  postMessage(m: unknown) {
    const data = structuredClone(m);
    setTimeout(() => {
      if (this.terminated) return;
      if (this.failToLoad) {
        this.onerror?.({ message: 'failed to fetch the worker script', preventDefault() {} });
        return;
      }
      // The worker side: replies are queued (one macrotask each), as a real worker's are.
      handleRunMessage(data, (r) => {
        const copy = structuredClone(r);
        setTimeout(() => {
          if (!this.terminated) this.onmessage?.({ data: copy });
        }, 0);
      });
    }, 0);
  }
  terminate() {
    this.terminated = true;
  }
}

function fakeFactory(failToLoad = false) {
  const made: FakeWorker[] = [];
  const make = () => {
    const w = new FakeWorker(failToLoad);
    made.push(w);
    return w as unknown as Worker;
  };
  return { made, make };
}

describe('runFitInWorker on the main thread (no Worker here: happy-dom)', () => {
  it('has no Worker, so this is the fallback path', () => {
    expect(typeof (globalThis as { Worker?: unknown }).Worker).toBe('undefined');
  });

  it('streams KMeans snapshots, reports progress up to 1 and resolves with the JSON of the same fit', async () => {
    const snaps: { step: string; centers: number[][] }[] = [];
    const progress: (number | null)[] = [];
    const json = await runFitInWorker(
      { estimator: 'KMeans', params: { nClusters: 3, nInit: 3, randomState: 0 }, X: blobs.X },
      { onSnapshot: (s) => snaps.push(s as never), onProgress: (p) => progress.push(p), minIntervalMs: 0 },
    );
    expect(json.estimator).toBe('KMeans');
    expect(snaps.length).toBeGreaterThan(3);
    expect(snaps[0].step).toBe('initialise');
    expect(snaps.at(-1)!.centers).toHaveLength(3);
    expect(progress.at(-1)).toBe(1);
    // Progress never goes back.
    const nums = progress.filter((p): p is number => p !== null);
    for (let i = 1; i < nums.length; i++) expect(nums[i]).toBeGreaterThanOrEqual(nums[i - 1]);
    const direct = new KMeans({ nClusters: 3, nInit: 3, randomState: 0 }).fit(blobs.X);
    const model = modelFromJSON(json);
    expect(model).toBeInstanceOf(KMeans);
    expect(model.labels).toEqual(direct.labels);
    expect(model.inertia).toBeCloseTo(direct.inertia, 9);
  });

  it('throttles: every n-th snapshot, the last always, at most one per minIntervalMs', async () => {
    const all: unknown[] = [];
    await runFitInWorker({ estimator: 'KMeans', params: { nClusters: 3, nInit: 2, randomState: 0 }, X: blobs.X }, { onSnapshot: (s) => all.push(s), minIntervalMs: 0 });
    const some: { step: string }[] = [];
    await runFitInWorker({ estimator: 'KMeans', params: { nClusters: 3, nInit: 2, randomState: 0 }, X: blobs.X, every: 4 }, { onSnapshot: (s) => some.push(s as never), minIntervalMs: 0 });
    expect(some.length).toBe(Math.floor(all.length / 4) + (all.length % 4 ? 1 : 0));
    expect(some.at(-1)).toEqual(all.at(-1));
    // With a long interval only the first and the last get through.
    const few: unknown[] = [];
    await runFitInWorker({ estimator: 'KMeans', params: { nClusters: 3, nInit: 2, randomState: 0 }, X: blobs.X }, { onSnapshot: (s) => few.push(s), minIntervalMs: 1e9 });
    expect(few).toHaveLength(2);
    expect(few[1]).toEqual(all.at(-1));
  });

  it('runs in slices: the event loop turns while a long fitSteps fit runs', async () => {
    const big = makeBlobs({ nSamples: 6000, centers: 5, randomState: 2 });
    let ticks = 0;
    let stop = false;
    const tick = () => {
      ticks++;
      if (!stop) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    const slices: number[] = [];
    let t = performance.now();
    await runFitInWorker(
      { estimator: 'MiniBatchKMeans', params: { nClusters: 5, batchSize: 64, maxIter: 20, maxNoImprovement: 1e6, randomState: 0 }, X: big.X },
      {
        sliceMs: 4,
        minIntervalMs: 0,
        onSnapshot: () => {
          const now = performance.now();
          slices.push(now - t);
          t = now;
        },
      },
    );
    stop = true;
    expect(slices.length).toBeGreaterThan(50);
    // Timers ran between the slices, so the page stayed responsive.
    expect(ticks).toBeGreaterThan(3);
  });

  it('cancels: the promise rejects with an AbortError and nothing is reported after', async () => {
    const big = makeBlobs({ nSamples: 4000, centers: 5, randomState: 2 });
    const controller = new AbortController();
    let after = 0;
    let aborted = false;
    const p = runFitInWorker(
      { estimator: 'MiniBatchKMeans', params: { nClusters: 5, batchSize: 32, maxIter: 50, maxNoImprovement: 1e6, randomState: 0 }, X: big.X },
      {
        signal: controller.signal,
        sliceMs: 2,
        minIntervalMs: 0,
        onSnapshot: () => {
          if (aborted) after++;
          else {
            aborted = true;
            controller.abort();
          }
        },
      },
    );
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    await new Promise((r) => setTimeout(r, 20));
    expect(after).toBe(0);
    // Already aborted: rejects at once.
    await expect(runFitInWorker({ estimator: 'KMeans', X: blobs.X }, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects bad input with the same typed ValidationError', async () => {
    const e1 = await runFitInWorker({ estimator: 'KMeans', params: { nClusters: 0 }, X: blobs.X }).catch((e) => e);
    expect(e1).toBeInstanceOf(ValidationError);
    expect(e1).toMatchObject({ argument: 'nClusters' });
    const e2 = await runFitInWorker({ estimator: 'KMeans', params: { nClusters: 2 }, X: [[1, 2], [3]] }).catch((e) => e);
    expect(e2).toBeInstanceOf(ValidationError);
    expect(e2).toMatchObject({ argument: 'X', problem: 'ragged' });
    const e3 = await runFitInWorker({ estimator: 'Nope' as 'KMeans', X: blobs.X }).catch((e) => e);
    expect(e3).toMatchObject({ argument: 'estimator', problem: 'bad-option' });
    const e4 = await runTaskInWorker('nope', {}).catch((e) => e);
    expect(e4).toMatchObject({ argument: 'task', problem: 'bad-option' });
  });

  it('fits every registered estimator and rebuilds it with modelFromJSON', async () => {
    const small = makeMoons({ nSamples: 60, noise: 0.05, randomState: 0 });
    const params: Record<string, object> = {
      KMeans: { nClusters: 2 },
      MiniBatchKMeans: { nClusters: 2, batchSize: 16 },
      GaussianMixture: { nComponents: 2 },
      RandomForestClassifier: { nEstimators: 5 },
      SpectralClustering: { nClusters: 2, affinity: 'nearest_neighbors' },
      DBSCAN: { eps: 0.3 },
      AgglomerativeClustering: { nClusters: 2 },
      PCA: { nComponents: 2 },
      KernelPCA: { nComponents: 2 },
    };
    for (const name of WORKER_ESTIMATORS) {
      const progress: (number | null)[] = [];
      const json = await runFitInWorker({ estimator: name, params: params[name] ?? {}, X: small.X, y: small.y }, { onProgress: (p) => progress.push(p) });
      expect(json.estimator, name).toBe(name);
      expect(modelFromJSON(json).estimatorName, name).toBe(name);
      expect(progress.at(-1), name).toBe(1);
    }
  });

  it('sends a forest snapshot as plain data (the new tree as its JSON), progress by trees', async () => {
    const snaps: { nEstimators: number; estimator: { estimator: string; nodes: object } }[] = [];
    const progress: (number | null)[] = [];
    const json = await runFitInWorker(
      { estimator: 'RandomForestClassifier', params: { nEstimators: 8, randomState: 0 }, X: classes.X, y: classes.y },
      { onSnapshot: (s) => snaps.push(s as never), onProgress: (p) => progress.push(p), minIntervalMs: 0 },
    );
    expect(snaps.map((s) => s.nEstimators)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(snaps[0].estimator.estimator).toBe('DecisionTreeClassifier');
    expect(Object.getPrototypeOf(snaps[0].estimator)).toBe(Object.prototype);
    const direct = new RandomForestClassifier({ nEstimators: 8, randomState: 0 }).fit(classes.X, classes.y);
    expect(modelFromJSON(json).predict(classes.X)).toEqual(direct.predict(classes.X));
    // A tree's progress is unknown until it ends.
    const tree: (number | null)[] = [];
    await runFitInWorker({ estimator: 'DecisionTreeClassifier', X: classes.X, y: classes.y }, { onProgress: (p) => tree.push(p), minIntervalMs: 0 });
    expect(tree).toContain(null);
    expect(tree.at(-1)).toBe(1);
  });

  it('fitEvaluate: predicts in the worker too, and names a method the model lacks', async () => {
    const grid = [[0, 0, 0, 0, 0, 0], [1, -1, 2, 0, 0.5, 1]];
    const r = await runFitEvaluateInWorker({ estimator: 'RandomForestClassifier', params: { nEstimators: 5 }, X: classes.X, y: classes.y, evaluate: { predict: grid, predictProba: grid } });
    const direct = new RandomForestClassifier({ nEstimators: 5 }).fit(classes.X, classes.y);
    expect(r.outputs.predict).toEqual(direct.predict(grid));
    expect(r.outputs.predictProba).toEqual(direct.predictProba(grid));
    expect(r.json.estimator).toBe('RandomForestClassifier');
    const e = await runFitEvaluateInWorker({ estimator: 'DBSCAN', X: blobs.X, evaluate: { predict: grid } }).catch((x) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect(e).toMatchObject({ argument: 'evaluate', problem: 'bad-option' });
  });

  it('runs the generic fitMany task (the clustering grid) with progress per job', async () => {
    const progress: (number | null)[] = [];
    const out = await runTaskInWorker<FitManyResult[]>(
      'fitMany',
      {
        jobs: [
          { estimator: 'KMeans', params: { nClusters: 3 }, X: blobs.X, output: 'labels' },
          { estimator: 'DBSCAN', params: { eps: 1 }, X: blobs.X, output: 'both' },
        ],
      },
      { onProgress: (p) => progress.push(p), minIntervalMs: 0 },
    );
    expect(out).toHaveLength(2);
    expect(out[0].labels).toEqual(new KMeans({ nClusters: 3 }).fit(blobs.X).labels);
    expect(out[0].json).toBeUndefined();
    expect(out[1].json).toMatchObject({ estimator: 'DBSCAN' });
    expect(progress).toEqual(expect.arrayContaining([0.5, 1]));
  });
});

describe('runFitInWorker through a Worker (the protocol, with a stand-in worker)', () => {
  it('streams snapshots, resolves with the JSON and terminates the worker', async () => {
    const { made, make } = fakeFactory();
    const snaps: unknown[] = [];
    const json = await runFitInWorker({ estimator: 'KMeans', params: { nClusters: 3, randomState: 0 }, X: blobs.X }, { worker: make, onSnapshot: (s) => snaps.push(s), minIntervalMs: 0 });
    expect(made).toHaveLength(1);
    expect(made[0].terminated).toBe(true);
    expect(snaps.length).toBeGreaterThan(3);
    expect(modelFromJSON(json).labels).toEqual(new KMeans({ nClusters: 3, randomState: 0 }).fit(blobs.X).labels);
  });

  it('re-creates the estimator error as a ValidationError on this thread', async () => {
    const { make } = fakeFactory();
    const e = await runFitInWorker({ estimator: 'RandomForestClassifier', X: classes.X, y: classes.y.slice(1) }, { worker: make }).catch((x) => x);
    const direct = (() => {
      try {
        new DecisionTreeClassifier().fit(classes.X, classes.y.slice(1));
      } catch (x) {
        return x as ValidationError;
      }
    })()!;
    expect(e).toBeInstanceOf(ValidationError);
    expect(e).toMatchObject({ name: 'ValidationError', argument: direct.argument, problem: direct.problem, detail: direct.detail, message: direct.message });
  });

  it('cancel terminates the worker and rejects with an AbortError', async () => {
    const { made, make } = fakeFactory();
    const controller = new AbortController();
    const p = runFitInWorker({ estimator: 'KMeans', X: blobs.X }, { worker: make, signal: controller.signal });
    controller.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(made[0].terminated).toBe(true);
  });

  it('falls back to the main thread when the worker script cannot load', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { made, make } = fakeFactory(true);
    const json = await runFitInWorker({ estimator: 'KMeans', params: { nClusters: 2 }, X: blobs.X }, { worker: make });
    expect(json.estimator).toBe('KMeans');
    expect(made[0].terminated).toBe(true);
    warn.mockRestore();
  });

  it('a payload that cannot be cloned rejects (no hang)', async () => {
    const { make } = fakeFactory();
    await expect(runTaskInWorker('fit', { estimator: 'KMeans', X: blobs.X, params: { f: () => 1 } }, { worker: make })).rejects.toBeDefined();
  });
});

describe('toWire and Job', () => {
  it('reads getters, turns class instances into their JSON, keeps number arrays', () => {
    const tree = new DecisionTreeClassifier({ maxDepth: 1 }).fit(classes.X, classes.y);
    const labels = [1, 2, 3];
    const w = toWire({ a: 1, get lazy() {
      return labels;
    }, tree, list: [{ x: 1 }] }) as Record<string, unknown>;
    expect(w.lazy).toBe(labels);
    expect(w.tree).toEqual(tree.toJSON());
    expect(w.list).toEqual([{ x: 1 }]);
  });

  it('the worker handler posts started, snapshots, the result, or a wire error', () => {
    const out: WorkerReply[] = [];
    handleRunMessage({ type: 'run', task: 'fit', payload: { estimator: 'KMeans', params: { nClusters: 2 }, X: blobs.X }, throttle: { minIntervalMs: 0 } }, (m) => out.push(m));
    expect(out[0].type).toBe('started');
    expect(out.at(-1)!.type).toBe('result');
    expect(out.some((m) => m.type === 'snapshot')).toBe(true);
    const bad: WorkerReply[] = [];
    handleRunMessage({ type: 'run', task: 'fit', payload: { estimator: 'KMeans', params: { nClusters: 'x' }, X: blobs.X }, throttle: {} }, (m) => bad.push(m));
    expect(bad.at(-1)).toMatchObject({ type: 'error', error: { name: 'ValidationError', argument: 'nClusters' } });
  });

  it('pump honours its budget (at least one step per call)', () => {
    const job = new Job(taskOf('fit'), { estimator: 'KMeans', params: { nClusters: 3, nInit: 5 }, X: blobs.X }, {}, {});
    let calls = 0;
    while (!job.pump(0).done) calls++;
    expect(calls).toBeGreaterThan(10);
  });
});

describe('useWorkerFit and FitProgress', () => {
  function Demo({ make }: { make: () => Worker }) {
    const fit = useWorkerFit({ worker: make, minIntervalMs: 0 });
    return (
      <div>
        <button type="button" onClick={() => void fit.run({ estimator: 'KMeans', params: { nClusters: 3, randomState: 0 }, X: blobs.X })}>
          Fit
        </button>
        <button type="button" onClick={() => void fit.run({ estimator: 'KMeans', params: { nClusters: -1 }, X: blobs.X })}>
          Bad
        </button>
        <FitProgress value={fit.progress} running={fit.running} error={fit.error} onCancel={fit.cancel} label="Fitting k-means" />
        <output data-testid="out">{fit.result ? `done ${fit.result.estimator}` : fit.error ? `error ${(fit.error as ValidationError).argument}` : fit.running ? 'running' : 'idle'}</output>
      </div>
    );
  }

  it('runs, shows progress, ends with the result', async () => {
    const { make } = fakeFactory();
    render(<Demo make={make} />);
    const bar = screen.getByRole('progressbar', { name: 'Fitting k-means' });
    expect(bar.closest('.gl-progress')?.getAttribute('data-state')).toBe('idle');
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Fit' }));
    });
    expect(screen.getByTestId('out').textContent).toBe('running');
    expect(screen.getByRole('button', { name: 'Cancel' })).not.toHaveProperty('disabled', true);
    await waitFor(() => expect(screen.getByTestId('out').textContent).toBe('done KMeans'));
    expect(bar.getAttribute('aria-valuenow')).toBe('100');
    expect(bar.closest('.gl-progress')?.getAttribute('data-state')).toBe('done');
    expect((screen.getByRole('button', { name: 'Cancel' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows a typed error', async () => {
    const { make } = fakeFactory();
    render(<Demo make={make} />);
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Bad' }));
    });
    await waitFor(() => expect(screen.getByTestId('out').textContent).toBe('error nClusters'));
    expect(document.querySelector('.gl-progress')?.getAttribute('data-state')).toBe('error');
  });

  it('Cancel terminates the worker and leaves no error', async () => {
    const { made, make } = fakeFactory();
    render(<Demo make={make} />);
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Fit' }));
    });
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    });
    expect(made[0].terminated).toBe(true);
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
    expect(screen.getByTestId('out').textContent).toBe('idle');
  });

  it('unmounting terminates the worker of a run in progress', () => {
    const { made, make } = fakeFactory();
    const { unmount } = render(<Demo make={make} />);
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Fit' }));
    });
    expect(made[0].terminated).toBe(false);
    unmount();
    expect(made[0].terminated).toBe(true);
  });

  it('FitProgress: indeterminate without a value, no Cancel without onCancel, labelled bar', () => {
    render(<FitProgress value={null} running label="Growing trees" />);
    const bar = screen.getByRole('progressbar', { name: 'Growing trees' });
    expect(bar.hasAttribute('aria-valuenow')).toBe(false);
    expect(bar.getAttribute('aria-valuetext')).toBe('working');
    expect(bar.closest('.gl-progress')?.hasAttribute('data-indeterminate')).toBe(true);
    expect(screen.queryByRole('button')).toBeNull();
    cleanup();
    render(<FitProgress value={0.426} running={false} />);
    expect(screen.getByRole('progressbar', { name: 'Fitting' }).getAttribute('aria-valuenow')).toBe('43');
    expect(screen.getByText('43%')).toBeTruthy();
  });
});

describe('modelFromJSONAsync', () => {
  it('loads the registry lazily and rebuilds the model', async () => {
    const X = makeBlobs({ nSamples: 60, centers: 2, randomState: 1 }).X;
    const km = new KMeans({ nClusters: 2, randomState: 0 }).fit(X);
    const back = await modelFromJSONAsync(km.toJSON());
    expect(back.predict(X)).toEqual(km.predict(X));
  });
});
