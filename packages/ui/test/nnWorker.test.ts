import { ValidationError } from '@geolearn/algorithms';
import { describe, expect, it } from 'vitest';
import { Job, type AsyncWorkerTask, type WorkerReply } from '../src/worker/core';
import { handleNnRunMessage } from '../src/worker/nnServe';
import { NN_TASKS, nnTaskOf } from '../src/worker/nnTasks';
import { runNnTaskInWorker } from '../src/worker/runNn';

describe('the TF.js worker runner (runNnTaskInWorker)', () => {
  it('runs an async task on the main thread where there is no Worker: snapshots, progress, result', async () => {
    expect(typeof Worker).toBe('undefined');
    const snaps: unknown[] = [];
    const progress: (number | null)[] = [];
    const r = await runNnTaskInWorker<number>('nn.count', { n: 5 }, { onSnapshot: (s) => snaps.push(s), onProgress: (p) => progress.push(p), minIntervalMs: 0 });
    expect(r).toBe(5);
    expect(snaps).toEqual([1, 2, 3, 4, 5].map((i) => ({ i })));
    expect(progress[progress.length - 1]).toBe(1);
  });

  it('names a task that does not exist, and bad payloads, with a typed error', async () => {
    expect(() => nnTaskOf('nope')).toThrow(ValidationError);
    await expect(runNnTaskInWorker('nn.count', { n: -1 })).rejects.toThrow(/payload\.n/);
  });

  it('cancels: an aborted signal rejects with an AbortError', async () => {
    const c = new AbortController();
    c.abort();
    await expect(runNnTaskInWorker('nn.count', { n: 3 }, { signal: c.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('the worker handler starts TF.js, then posts started, snapshots, the result or a wire error', async () => {
    const out: WorkerReply[] = [];
    await handleNnRunMessage({ type: 'run', task: 'nn.count', payload: { n: 2 }, throttle: { minIntervalMs: 0 } }, (m) => out.push(m));
    expect(out.map((m) => m.type)).toEqual(['started', 'snapshot', 'snapshot', 'result']);
    const bad: WorkerReply[] = [];
    await handleNnRunMessage({ type: 'run', task: 'none', payload: {}, throttle: {} }, (m) => bad.push(m));
    expect(bad[1]).toMatchObject({ type: 'error', error: { name: 'ValidationError', argument: 'task' } });
  });

  it('pumpAsync stops a task between steps when cancelled and closes its generator', async () => {
    let closed = false;
    const task: AsyncWorkerTask = async function* () {
      try {
        for (let i = 0; ; i++) yield { progress: i / 100 };
      } finally {
        closed = true;
      }
    };
    let n = 0;
    const job = new Job(task, null, {}, { cancelled: () => ++n > 3 });
    expect(await job.pumpAsync()).toEqual({ done: false });
    expect(closed).toBe(true);
    expect(Object.keys(NN_TASKS)).toContain('nn.count');
  });
});
