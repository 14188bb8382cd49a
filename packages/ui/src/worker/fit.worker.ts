/**
 * The worker entry: it receives one run message, runs the task to its end (the estimator
 * registry and `@geolearn/algorithms` are bundled into the worker) and posts the snapshots,
 * progress and the result or error back. Created by `runTaskInWorker` with
 * `new Worker(new URL('./fit.worker.ts', import.meta.url), { type: 'module' })`, the form
 * Vite and webpack bundle as a worker; the package build emits it as `dist/fit.worker.js`.
 */
import type { WorkerReply } from './core';
import { handleRunMessage } from './serve';

// The dedicated worker's global scope, typed by hand (the package compiles with the DOM lib).
const scope = globalThis as unknown as { onmessage: ((e: MessageEvent) => void) | null; postMessage(m: WorkerReply): void };
scope.onmessage = (e) => handleRunMessage(e.data, (m) => scope.postMessage(m));
