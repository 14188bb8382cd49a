import { useEffect, useMemo, useRef, useState } from 'react';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { isAbortError } from '../worker/runFit';
import { runNnTaskInWorker } from '../worker/runNn';
import type { DetectorSource } from '../EventDetector/task';
import { DEFAULT_STATE, frameState, STATE_CHECKS, statusText, type TransferLearningState } from './model';
import type { TransferResult, TransferSnapshot } from './task';

/** The nn worker task (registered in worker/nnTasks.ts). */
export const TRANSFER_TASK = 'transferLearning.run';

/** What the hook needs from the props. */
export interface TransferInputs {
  model: DetectorSource;
  epochs: number;
  nTest: number;
  value?: TransferLearningState;
  defaultValue?: Partial<TransferLearningState>;
  onValueChange?: (state: TransferLearningState) => void;
}

/**
 * The transfer-learning explainer's state and run: the four models trained in the nn worker on
 * demand (cancelled on unmount or a new run), their held-out curves as they come.
 */
export function useTransferLearning({ model, epochs, nTest, value, defaultValue, onValueChange }: TransferInputs) {
  const clean = useMemo(() => sanitizeDefaultValue<TransferLearningState>('TransferLearning', defaultValue, STATE_CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<TransferLearningState>({ value, defaultValue: { ...DEFAULT_STATE, ...clean }, onChange: onValueChange });
  const rootRef = useRef<HTMLElement>(null);
  const [history, setHistory] = useState<TransferSnapshot[]>([]);
  const [result, setResult] = useState<TransferResult | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ctl = useRef<AbortController | null>(null);
  useEffect(() => () => ctl.current?.abort(), []);
  const set = (patch: Partial<TransferLearningState>) => setState((s) => ({ ...s, ...patch }));
  const train = () => {
    ctl.current?.abort();
    const c = new AbortController();
    ctl.current = c;
    setHistory([]);
    setResult(null);
    setError(null);
    setProgress(0);
    const payload = { model, nLabelled: state.nLabelled, nTest, epochs, frozen: state.frozen, seed: state.seed };
    runNnTaskInWorker<TransferResult, TransferSnapshot>(TRANSFER_TASK, payload, {
      signal: c.signal,
      onProgress: setProgress,
      onSnapshot: (s) => setHistory((h) => [...h, s]),
    }).then(
      (r) => {
        if (c.signal.aborted) return;
        setHistory(r.history);
        setResult(r);
        setProgress(null);
      },
      (e: unknown) => {
        if (c.signal.aborted || isAbortError(e)) return;
        setError(`Training failed: ${e instanceof Error ? e.message : String(e)}`);
        setProgress(null);
      },
    );
  };
  const cancel = () => {
    ctl.current?.abort();
    ctl.current = null;
    setProgress(null);
  };
  const running = progress !== null;
  const actions = {
    setLabelled: (nLabelled: number) => set({ nLabelled: Math.round(nLabelled) }),
    setFrozen: (frozen: number) => set({ frozen: Math.round(frozen) }),
    setMetric: (metric: TransferLearningState['metric']) => set({ metric }),
    newSeed: () => setState((s) => ({ ...s, seed: (s.seed + 1) % 2 ** 31 })),
    train,
    cancel,
  };
  const status = statusText({ error, running, history, nLabelled: state.nLabelled, epochs });
  return { state, history, result, progress, running, error, actions, rootRef, status, frameState: frameState({ error, running, done: result !== null }) };
}

/** Everything {@link useTransferLearning} returns. */
export type TransferModel = ReturnType<typeof useTransferLearning>;
