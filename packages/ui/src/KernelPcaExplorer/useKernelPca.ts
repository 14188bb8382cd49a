import type { KernelPCAJSON } from '@geolearn/algorithms';
import { useEffect, useMemo, useState } from 'react';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import type { FitEvaluateResult } from '../worker/registry';
import { isAbortError, runTaskInWorker } from '../worker/runFit';
import {
  dataProblem,
  DEFAULT_STATE,
  kpcaParams,
  linearProjection,
  makeKpcaData,
  preImageError,
  projectionsFromJson,
  STATE_CHECKS,
  statusText,
  thresholdAccuracy,
  type KernelPcaState,
  type KpcaData,
  type KpcaResult,
} from './model';

/** What the hook needs from the props. */
export interface KpcaInputs {
  nSamples: number;
  seed: number;
  value?: KernelPcaState;
  defaultValue?: Partial<KernelPcaState>;
  onValueChange?: (state: KernelPcaState) => void;
}

/**
 * Fits RBF kernel PCA in the Web Worker (`fitEvaluate`; 20–250 ms at 300 points, too long
 * for a frame), then reads the projections and computes the pre-images from the model's JSON
 * on the main thread (2 ms; rebuilding the model there would cost up to 30 ms).
 */
function useKernelFit(data: KpcaData, state: KernelPcaState, problem: string | null) {
  const [out, setOut] = useState<{ key: string; result: KpcaResult | null; error: string | null } | null>(null);
  const params = kpcaParams(state);
  const key = `${state.dataset}|${JSON.stringify(params)}|${data.X.length}`;
  useEffect(() => {
    if (problem) return;
    const controller = new AbortController();
    runTaskInWorker<FitEvaluateResult<'KernelPCA'>>('fitEvaluate', { estimator: 'KernelPCA', params, X: data.X, evaluate: {} }, { signal: controller.signal })
      .then((res) => setOut({ key, result: projectionsFromJson(res.json as KernelPCAJSON), error: null }))
      .catch((e: unknown) => {
        if (isAbortError(e) || controller.signal.aborted) return;
        setOut({ key, result: null, error: e instanceof Error ? e.message : String(e) });
      });
    return () => controller.abort();
    // `key` names every input of the fit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, problem]);
  return { out, busy: !problem && out?.key !== key };
}

/** The explorer's state, the data, both projections, the separation scores, the pre-image error and the actions. */
export function useKernelPca({ nSamples, seed, value, defaultValue, onValueChange }: KpcaInputs) {
  const clean = useMemo(() => sanitizeDefaultValue<KernelPcaState>('KernelPcaExplorer', defaultValue, STATE_CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<KernelPcaState>({ value, defaultValue: { ...DEFAULT_STATE, ...clean }, onChange: onValueChange });
  const n = Math.max(2, Math.min(400, Math.round(nSamples) || 2));
  const data = useMemo(() => makeKpcaData(state.dataset, n, seed), [state.dataset, n, seed]);
  const problem = dataProblem(data.X, state.nComponents);
  const linear = useMemo(() => (problem ? null : linearProjection(data.X)), [data, problem]);
  const { out, busy } = useKernelFit(data, state, problem);
  // While a new fit runs, the last one stays on screen (dimmed).
  const fit = problem ? null : (out?.result ?? null);
  const error = problem ?? (linear && 'error' in linear ? linear.error : null) ?? (!busy ? (out?.error ?? null) : null);
  const linZ = linear && 'Z' in linear ? linear.Z : null;
  const linAcc = linZ ? thresholdAccuracy(linZ.map((z) => z[0]), data.y) : null;
  const kerAcc = fit ? thresholdAccuracy(fit.Z.map((z) => z[0]), data.y) : null;
  const err = fit?.R ? preImageError(data.X, fit.R) : null;
  const actions = {
    setGamma: (gamma: number) => setState((s) => ({ ...s, gamma })),
    setComponents: (nComponents: KernelPcaState['nComponents']) => setState((s) => ({ ...s, nComponents })),
    setPreImage: (preImage: boolean) => setState((s) => ({ ...s, preImage })),
    setDataset: (dataset: KernelPcaState['dataset']) => setState((s) => ({ ...s, dataset })),
  };
  return {
    state,
    data,
    linZ,
    fit,
    busy,
    error,
    linAcc,
    kerAcc,
    err,
    actions,
    status: error ?? statusText(state, null, fit, busy, linAcc, kerAcc, err),
  };
}

/** Everything {@link useKernelPca} returns. */
export type KpcaModel = ReturnType<typeof useKernelPca>;
