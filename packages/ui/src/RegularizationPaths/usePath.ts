import { useEffect, useRef, useState } from 'react';
import { LAMBDA_GRID, pathPoint, type PathPoint, type PenaltyModel, type PreparedData } from './model';

/** Longest slice of path fitting between two yields to the browser, in ms. */
const SLICE_MS = 16;

/** The path so far (grid order, increasing λ) and whether it is complete. */
export interface PathProgress {
  points: PathPoint[];
  done: boolean;
}

/**
 * The model's path over {@link LAMBDA_GRID}, fitted in slices of ≤ 16 ms between timeouts so that
 * the page stays responsive (the lasso at 49 λ takes ≈ 0.5 s: our ElasticNet has no warm start,
 * each λ starts from w = 0). Paths are cached per (model, data) for the component's lifetime;
 * the timer is cleared on change and unmount. On the server nothing runs (empty path).
 */
export function usePath(model: PenaltyModel, data: PreparedData | null): PathProgress {
  const cache = useRef(new Map<string, PathPoint[]>());
  const dataId = useRef(new WeakMap<PreparedData, number>());
  const [tick, setTick] = useState(0);
  const key = data ? `${model}:${idOf(dataId.current, data)}` : '';
  useEffect(() => {
    if (!data) return;
    const pts = cache.current.get(key) ?? [];
    cache.current.set(key, pts);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const slice = () => {
      const t0 = performance.now();
      while (pts.length < LAMBDA_GRID.length && performance.now() - t0 < SLICE_MS) pts.push(pathPoint(model, LAMBDA_GRID[pts.length], data));
      setTick((t) => t + 1);
      if (pts.length < LAMBDA_GRID.length) timer = setTimeout(slice, 0);
    };
    if (pts.length < LAMBDA_GRID.length) timer = setTimeout(slice, 0);
    return () => clearTimeout(timer);
  }, [key, model, data]);
  void tick;
  const points = cache.current.get(key) ?? [];
  return { points: [...points], done: points.length === LAMBDA_GRID.length };
}

let nextId = 1;
function idOf(map: WeakMap<PreparedData, number>, d: PreparedData): number {
  let id = map.get(d);
  if (id === undefined) {
    id = nextId++;
    map.set(d, id);
  }
  return id;
}
