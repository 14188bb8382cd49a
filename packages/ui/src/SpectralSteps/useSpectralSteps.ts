import { useEffect, useMemo, useState } from 'react';
import { SpectralClustering } from '@geolearn/algorithms';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { useWorkerFit } from '../worker/useWorkerFit';
import {
  assemble,
  DEFAULT_STATE,
  EPS_RANGE,
  failText,
  fitRequest,
  frameState,
  K_RANGE,
  makeData,
  rawKMeans,
  STATE_CHECKS,
  statusText,
  type GraphKind,
  type SpectralDataset,
  type SpectralRun,
  type SpectralStepsState,
} from './model';

/** What the hook needs from the props. */
export interface SpectralInputs {
  seed: number;
  value?: SpectralStepsState;
  defaultValue?: Partial<SpectralStepsState>;
  onValueChange?: (state: SpectralStepsState) => void;
  /** Fit in a Web Worker (default); false fits on this thread in slices. */
  worker: boolean;
}

/**
 * The state, the data (sorted by true label), the spectral fit — in the worker, since a fit at
 * n = 200 takes 30–400 ms on a slow machine (dense n×n affinity and Laplacian for the heatmaps) —
 * and k-means on the raw points (a few ms, here).
 */
export function useSpectralSteps({ seed, value, defaultValue, onValueChange, worker }: SpectralInputs) {
  const clean = useMemo(() => sanitizeDefaultValue<SpectralStepsState>('SpectralSteps', defaultValue, STATE_CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<SpectralStepsState>({ value, defaultValue: { ...DEFAULT_STATE, ...clean }, onChange: onValueChange });
  const data = useMemo(() => makeData(state.dataset, seed), [state.dataset, seed]);
  const raw = useMemo(() => rawKMeans(data), [data]);
  const { dataset, graph, nNeighbors, epsilon } = state;
  // Keyed on the fields (a controlled parent may pass a new but equal object each render).
  const req = useMemo(() => fitRequest({ dataset, graph, nNeighbors, epsilon }, data), [dataset, graph, nNeighbors, epsilon, data]);
  const fit = useWorkerFit<'SpectralClustering'>({ worker });
  const [fitted, setFitted] = useState<{ req: typeof req; run: SpectralRun } | null>(null);
  const runFit = fit.run;
  useEffect(() => {
    if (typeof req === 'string') return;
    void runFit({ estimator: 'SpectralClustering', params: req.params, X: req.X }).then((json) => {
      if (!json) return;
      try {
        setFitted({ req, run: { result: assemble(SpectralClustering.fromJSON(json), data, raw), error: null } });
      } catch (e) {
        setFitted({ req, run: { result: null, error: failText(e) } });
      }
    });
  }, [req, data, raw, runFit]);

  // What to show: the input problem, the worker's error, the current fit, or (while fitting) the last one.
  const run: SpectralRun | null =
    typeof req === 'string' ? { result: null, error: req } : fit.error ? { result: null, error: failText(fit.error) } : (fitted?.run ?? null);
  const stale = typeof req !== 'string' && fitted?.req !== req;
  const actions = {
    setDataset: (dataset: SpectralDataset) => setState((s) => ({ ...s, dataset })),
    setGraph: (graph: GraphKind) => setState((s) => ({ ...s, graph })),
    setNeighbors: (k: number) => setState((s) => ({ ...s, nNeighbors: Math.round(Math.min(K_RANGE[1], Math.max(K_RANGE[0], k))) })),
    setEpsilon: (epsilon: number) => setState((s) => ({ ...s, epsilon: Math.min(EPS_RANGE[1], Math.max(EPS_RANGE[0], epsilon)) })),
  };
  return {
    state,
    data,
    run,
    stale,
    fitting: fit.running,
    progress: fit.progress,
    actions,
    status: run ? statusText(state, run) : 'Fitting…',
    frameState: !run || (stale && fit.running) ? ('playing' as const) : frameState(run),
  };
}

/** Everything {@link useSpectralSteps} returns. */
export type SpectralModel = ReturnType<typeof useSpectralSteps>;
