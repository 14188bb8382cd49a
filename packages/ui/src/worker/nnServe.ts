/**
 * The nn worker's body, apart from its entry so that the main-thread fallback (./runNn.ts) runs the
 * same backend start and task loop.
 */
import { initBackend, backendReport, type WasmPaths } from '@geolearn/algorithms/nn';
import { errorToWire, Job, type RunMessage, type WorkerReply } from './core';
import { nnTaskOf } from './nnTasks';

/** Starts TF.js once: WASM (with the given binaries' URLs) in a worker, else CPU. */
export async function ensureNnBackend(wasmPaths?: Record<string, string>): Promise<void> {
  if (backendReport()) return;
  await initBackend({ order: ['wasm', 'cpu'], ...(wasmPaths ? { wasmPaths: wasmPaths as WasmPaths } : {}) });
}

/**
 * The nn worker's side of the protocol: runs one {@link RunMessage} to the end, posting
 * 'started', throttled 'snapshot'/'progress', then 'result' or 'error'.
 */
export async function handleNnRunMessage(data: unknown, post: (m: WorkerReply) => void): Promise<void> {
  const msg = data as RunMessage;
  if (!msg || msg.type !== 'run') return;
  post({ type: 'started' });
  try {
    const task = nnTaskOf(msg.task);
    await ensureNnBackend(msg.wasmPaths);
    const job = new Job(task, msg.payload, msg.throttle ?? {}, {
      snapshot: (snapshot, progress) => post({ type: 'snapshot', snapshot, progress }),
      progress: (progress) => post({ type: 'progress', progress }),
    });
    const r = await job.pumpAsync();
    if (r.done) post({ type: 'result', result: r.result });
  } catch (e) {
    post({ type: 'error', error: errorToWire(e) });
  }
}
