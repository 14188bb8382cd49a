/**
 * The TF.js worker: receives one run message, starts TF.js (WASM, with the binaries' URLs the
 * main thread sent; CPU if WASM cannot start), runs the named nn task (./nnTasks.ts) to its end
 * and posts snapshots, progress and the result or error back. Created by `runNnTaskInWorker`
 * with `new Worker(new URL('./nn.worker.ts', import.meta.url), { type: 'module' })`; the
 * package build emits it as `dist/nn.worker.js`. Training here keeps every TF.js kernel off
 * the main thread, so the page stays responsive while a model learns.
 */
// The WASM backend, registered up front (initBackend would otherwise import it on demand). The
// package build bundles this worker into one file (see tsup.config.ts), so nothing is left to split.
import '@tensorflow/tfjs-backend-wasm';
import type { WorkerReply } from './core';
import { handleNnRunMessage } from './nnServe';

const scope = globalThis as unknown as { onmessage: ((e: MessageEvent) => void) | null; postMessage(m: WorkerReply): void };
scope.onmessage = (e) => void handleNnRunMessage(e.data, (m) => scope.postMessage(m));
