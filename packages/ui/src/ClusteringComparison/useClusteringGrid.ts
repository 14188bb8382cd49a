import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import type { FitManyResult } from '../worker/registry';
import { isAbortError, runTaskInWorker, type RunOptions } from '../worker/runFit';
import {
  ALL_CELLS,
  cellId,
  cellJob,
  cellResult,
  cellSignature,
  DATASETS,
  DEFAULT_STATE,
  makeComparisonData,
  nProblem,
  paramsOf,
  paramsProblem,
  STATE_CHECKS,
  type CellRef,
  type CellResult,
  type ClusteringComparisonState,
  type ComparisonData,
  type DatasetName,
  type GridProgress,
  type MethodParams,
} from './model';

/** A cell of the plan: its parameters, their signature and what is wrong with them. */
export interface PlannedCell extends CellRef {
  id: string;
  params: MethodParams;
  sig: string;
  problem: string | null;
}

/** Options of {@link useClusteringGrid}. */
export interface ClusteringGridOptions {
  n: number;
  seed: number;
  value?: ClusteringComparisonState;
  defaultValue?: Partial<ClusteringComparisonState>;
  onValueChange?: (state: ClusteringComparisonState) => void;
  /** Where to fit (see `RunOptions.worker`). */
  worker?: RunOptions['worker'];
}

interface RunInfo {
  running: boolean;
  progress: number | null;
  error: string | null;
  /** Cells and wall time of the last finished run. */
  last: { cells: number; wallMs: number } | null;
}

/**
 * The grid's state: the controllable panel state, the data sets, the plan (parameters per
 * cell), the fitted cells, and the worker run that fits the stale ones (cell by cell, with
 * progress; Cancel aborts it, a parameter change restarts it with what is still stale).
 */
export function useClusteringGrid({ n, seed, value, defaultValue, onValueChange, worker }: ClusteringGridOptions) {
  const clean = useMemo(() => sanitizeDefaultValue<ClusteringComparisonState>('ClusteringComparison', defaultValue, STATE_CHECKS), [defaultValue]);
  const cleanValue = useMemo(() => (value === undefined ? undefined : { ...DEFAULT_STATE, ...sanitizeDefaultValue<ClusteringComparisonState>('ClusteringComparison', value, STATE_CHECKS) }), [value]);
  const [state, setState] = useControllableState<ClusteringComparisonState>({ value: cleanValue, defaultValue: { ...DEFAULT_STATE, ...clean }, onChange: onValueChange });

  const nError = nProblem(n);
  const data = useMemo(
    () => (nError ? null : (Object.fromEntries(DATASETS.map((d) => [d, makeComparisonData(d, n, seed)])) as Record<DatasetName, ComparisonData>)),
    [n, seed, nError],
  );
  const plan = useMemo<PlannedCell[]>(
    () =>
      ALL_CELLS.map((c) => {
        const params = paramsOf(state, c.dataset, c.method);
        return { ...c, id: cellId(c.dataset, c.method), params, sig: cellSignature(c.method, params, n, seed), problem: paramsProblem(c.method, params, n) };
      }),
    [state, n, seed],
  );
  const planKey = plan.map((c) => c.sig + (c.problem ?? '')).join('|');

  const [results, setResults] = useState<Record<string, CellResult>>({});
  const resultsRef = useRef(results);
  resultsRef.current = results;
  const planRef = useRef(plan);
  planRef.current = plan;
  const [run, setRun] = useState<RunInfo>({ running: false, progress: null, error: null, last: null });
  const ctrl = useRef<AbortController | null>(null);
  const workerRef = useRef(worker);
  workerRef.current = worker;

  /** Fits every cell whose result is missing or was fitted with other parameters. */
  const fitStale = useCallback(() => {
    if (!data) return;
    const stale = planRef.current.filter((c) => !c.problem && resultsRef.current[c.id]?.sig !== c.sig);
    ctrl.current?.abort();
    ctrl.current = null;
    if (stale.length === 0) {
      setRun((r) => (r.running ? { ...r, running: false } : r));
      return;
    }
    const controller = new AbortController();
    ctrl.current = controller;
    const live = () => ctrl.current === controller && !controller.signal.aborted;
    const t0 = performance.now();
    const put = (i: number, r: FitManyResult | undefined) => {
      const c = stale[i];
      if (!c || !r?.labels) return;
      const res = cellResult(c.sig, data[c.dataset].y, r.labels, r.ms);
      setResults((prev) => (prev[c.id]?.sig === c.sig ? prev : { ...prev, [c.id]: res }));
    };
    setRun((r) => ({ ...r, running: true, progress: 0, error: null }));
    runTaskInWorker<FitManyResult[], { index: number; result: FitManyResult }>(
      'fitMany',
      { jobs: stale.map((c) => cellJob(c.method, c.params, data[c.dataset].X, seed)) },
      {
        signal: controller.signal,
        worker: workerRef.current,
        // Every finished cell is shown (no throttling: 30 small messages).
        minIntervalMs: 0,
        onSnapshot: (s) => {
          if (live()) put(s.index, s.result);
        },
        onProgress: (p) => {
          if (live()) setRun((r) => (r.progress === p ? r : { ...r, progress: p }));
        },
      },
    ).then(
      (all) => {
        if (!live()) return;
        ctrl.current = null;
        all.forEach((r, i) => put(i, r));
        setRun({ running: false, progress: 1, error: null, last: { cells: stale.length, wallMs: performance.now() - t0 } });
      },
      (e: unknown) => {
        if (!live()) return;
        ctrl.current = null;
        setRun((r) => ({ ...r, running: false, error: isAbortError(e) ? null : e instanceof Error ? e.message : String(e) }));
      },
    );
  }, [data, seed]);

  // A changed plan (parameters, n, seed) refits what is stale.
  useEffect(() => {
    fitStale();
  }, [planKey, fitStale]);

  const cancel = useCallback(() => {
    const c = ctrl.current;
    if (!c) return;
    ctrl.current = null;
    c.abort();
    setRun((r) => ({ ...r, running: false }));
  }, []);

  // Unmounting terminates the worker.
  useEffect(
    () => () => {
      ctrl.current?.abort();
      ctrl.current = null;
    },
    [],
  );

  const problems = plan.filter((c) => c.problem).map((c) => c.problem as string);
  const fitted = plan.filter((c) => !c.problem && results[c.id]?.sig === c.sig).length;
  const progress: GridProgress = {
    fitted,
    total: plan.length,
    invalid: problems.length,
    running: run.running,
    last: run.last,
    error: run.error,
    nError,
  };

  return { state, setState, data, plan, results, run, progress, problems, fitStale, cancel };
}

/** What {@link useClusteringGrid} returns. */
export type ClusteringGrid = ReturnType<typeof useClusteringGrid>;
