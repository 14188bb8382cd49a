import { errorToWire, Job, type RunMessage, type WorkerReply } from './core';
import { taskOf } from './registry';

/**
 * The worker's side of the protocol: runs one {@link RunMessage} to the end, posting
 * 'started', throttled 'snapshot'/'progress', then 'result' or 'error'.
 */
export function handleRunMessage(data: unknown, post: (m: WorkerReply) => void): void {
  const msg = data as RunMessage;
  if (!msg || msg.type !== 'run') return;
  post({ type: 'started' });
  try {
    const job = new Job(taskOf(msg.task), msg.payload, msg.throttle ?? {}, {
      snapshot: (snapshot, progress) => post({ type: 'snapshot', snapshot, progress }),
      progress: (progress) => post({ type: 'progress', progress }),
    });
    const r = job.pump(Infinity);
    if (r.done) post({ type: 'result', result: r.result });
  } catch (e) {
    post({ type: 'error', error: errorToWire(e) });
  }
}
