import { useEffect, useState } from 'react';
import { isAbortError, runTaskInWorker } from '../worker/runFit';
import type { FitManyResult } from '../worker/registry';
import { elbowCurve, elbowJobs, type Pt } from './model';

/**
 * The elbow curve of a data set (best inertia for k = 1 … 8), fitted once per data set in
 * the Web Worker (`fitMany`; on the main thread in slices where there is none): 8 × 3
 * k-means runs take 20–100 ms, too long to block a frame. Null while it is computed.
 */
export function useElbow(X: readonly Pt[]): [number, number][] | null {
  const [done, setDone] = useState<{ X: readonly Pt[]; points: [number, number][] } | null>(null);
  useEffect(() => {
    if (X.length === 0) return;
    const controller = new AbortController();
    runTaskInWorker<FitManyResult[]>('fitMany', { jobs: elbowJobs(X) }, { signal: controller.signal })
      .then((res) => setDone({ X, points: res.map((r, i) => [i + 1, (r.json as { inertia: number }).inertia]) }))
      .catch((e: unknown) => {
        // A cancelled run is superseded; any other failure falls back to fitting here.
        if (!isAbortError(e) && !controller.signal.aborted) setDone({ X, points: elbowCurve(X) });
      });
    return () => controller.abort();
  }, [X]);
  return done && done.X === X ? done.points : null;
}
