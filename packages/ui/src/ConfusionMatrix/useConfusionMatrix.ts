import { useMemo } from 'react';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import {
  DEFAULT_STATE,
  fitLive,
  frameState,
  liveMatrix,
  makeLiveData,
  matrixProblem,
  metricsOf,
  NATIVE_ROWS,
  STATE_CHECKS,
  statusText,
  TABLE3,
  TABLE3_COUNTS,
  type CmSource,
  type ConfusionMatrixState,
  type LiveDataset,
  type LiveFit,
} from './model';

/** What the hook needs from the props. */
export interface CmInputs {
  nSamples: number;
  seed: number;
  value?: ConfusionMatrixState;
  defaultValue?: Partial<ConfusionMatrixState>;
  onValueChange?: (state: ConfusionMatrixState) => void;
}

/** The live classifier, or why it could not be fitted. */
function useLiveFit(dataset: LiveDataset, nSamples: number, seed: number, on: boolean): { fit: LiveFit | null; error: string | null } {
  return useMemo(() => {
    if (!on) return { fit: null, error: null };
    try {
      return { fit: fitLive(makeLiveData(dataset, nSamples, seed), seed), error: null };
    } catch (e) {
      return { fit: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [dataset, nSamples, seed, on]);
}

/**
 * The confusion matrix's state and everything derived from it: the live classifier (fitted
 * once per data set; moving the threshold only re-predicts 20 % of the points), or Table 3,
 * the canonical counts, the metrics, the status and the actions.
 */
export function useConfusionMatrix({ nSamples, seed, value, defaultValue, onValueChange }: CmInputs) {
  const clean = useMemo(() => sanitizeDefaultValue<ConfusionMatrixState>('ConfusionMatrix', defaultValue, STATE_CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<ConfusionMatrixState>({ value, defaultValue: { ...DEFAULT_STATE, rows: NATIVE_ROWS[clean.source ?? DEFAULT_STATE.source], ...clean }, onChange: onValueChange });
  const live = state.source === 'live';
  const { fit, error } = useLiveFit(state.dataset, nSamples, seed, live);
  const predicted = useMemo(() => (fit ? liveMatrix(fit, state.threshold) : null), [fit, state.threshold]);
  const C = live ? (predicted?.C ?? null) : TABLE3_COUNTS;
  const names = live ? (fit?.classes.map((c) => `class ${c}`) ?? []) : [...TABLE3.classes];
  const problem = error ?? matrixProblem(C);
  const metrics = useMemo(() => metricsOf(C && !problem ? C : [[0]]), [C, problem]);
  const binary = live && (fit?.classes.length ?? 0) === 2;
  const K = C?.length ?? 0;
  const cell = state.cell && state.cell[0] < K && state.cell[1] < K ? state.cell : null;
  const set = (patch: Partial<ConfusionMatrixState>) => setState((s) => ({ ...s, ...patch }));
  const actions = {
    setSource: (source: CmSource) => set({ source, rows: NATIVE_ROWS[source], cell: null }),
    setDataset: (dataset: LiveDataset) => set({ dataset, cell: null }),
    setThreshold: (threshold: number) => set({ threshold }),
    transpose: () => setState((s) => ({ ...s, rows: s.rows === 'true' ? 'predicted' : 'true' })),
    focusCell: (c: [number, number] | null) => setState((s) => (s.cell?.[0] === c?.[0] && s.cell?.[1] === c?.[1] ? s : { ...s, cell: c })),
  };
  return {
    state,
    fit,
    yPred: predicted?.yPred ?? null,
    C: problem ? null : C,
    names,
    metrics,
    binary,
    cell,
    problem,
    actions,
    status: statusText(metrics, names, { ...state, cell }, problem, binary),
    frameState: frameState(problem),
  };
}

/** Everything {@link useConfusionMatrix} returns. */
export type CmModel = ReturnType<typeof useConfusionMatrix>;
