import { useEffect, useMemo, useRef, useState } from 'react';
import type { FeatureDomain } from '@geolearn/algorithms/seismic';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { isAbortError, runFitEvaluateInWorker } from '../worker/runFit';
import { runNnTaskInWorker } from '../worker/runNn';
import { useWorkerTask } from '../worker/useWorkerFit';
import type { SeismicCnnResult, SeismicCnnSnapshot } from './cnnTask';
import type { DataOptions } from './data';
import {
  accuracyOf,
  cnnPayload,
  confusionOf,
  DEFAULT_STATE,
  featureSplit,
  frameState,
  STATE_CHECKS,
  statusText,
  workerRequest,
  type Balance,
  type ClassifierKind,
  type FeatureSplit,
  type SeismicClassifierState,
  type SeismicData,
} from './model';

/** The nn worker task that trains the CNN (registered in worker/nnTasks.ts). */
export const CNN_TASK = 'seismicClassifier.cnn';
/** The fit worker task that generates the events and their features (registered in worker/registry.ts). */
export const DATA_TASK = 'seismicClassifier.data';

/** What the hook needs from the props. */
export interface SeismicInputs {
  nSamples: number;
  seed: number;
  epochs: number;
  value?: SeismicClassifierState;
  defaultValue?: Partial<SeismicClassifierState>;
  onValueChange?: (state: SeismicClassifierState) => void;
}

/** One fitted classifier's held-out result. */
export interface HeldOut {
  /** Confusion matrix, rows true. */
  C: number[][];
  accuracy: number;
}

/** The ablation: held-out accuracy with each domain alone and with all three. */
export type Ablation = { domains: FeatureDomain[]; accuracy: number }[];

const ABLATION: FeatureDomain[][] = [['temporal'], ['spectral'], ['cepstral'], ['temporal', 'spectral', 'cepstral']];

/** Fits one classifier on one split and predicts its held-out events, both in the worker. */
async function fitHeldOut(kind: ClassifierKind, s: FeatureSplit, seed: number, signal: AbortSignal): Promise<number[]> {
  const req = workerRequest(kind, seed);
  const r = await runFitEvaluateInWorker({ estimator: req.estimator, params: req.params as never, X: s.XTrain, y: s.yTrain, evaluate: { predict: s.XTest } }, { signal });
  return Array.from(r.outputs.predict as ArrayLike<number>);
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The features side: the chosen fit, then the ablation, refitted whenever the data, classifier or groups change. */
function useFeatureFits(data: SeismicData | null, kind: ClassifierKind, domains: FeatureDomain[], seed: number) {
  const [result, setResult] = useState<HeldOut | null>(null);
  const [ablation, setAblation] = useState<Ablation | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [doneFor, setDoneFor] = useState<{ data: SeismicData; kind: ClassifierKind; key: string; seed: number } | null>(null);
  const key = domains.join('+');
  useEffect(() => {
    setError(null);
    setResult(null);
    setAblation(null);
    setBusy(data !== null);
    if (!data) return;
    const ctl = new AbortController();
    const groups = key.split('+') as FeatureDomain[];
    (async () => {
      const s = featureSplit(data, groups);
      const yPred = await fitHeldOut(kind, s, seed, ctl.signal);
      const C = confusionOf(s.yTest, yPred);
      setResult({ C, accuracy: accuracyOf(C) });
      const ab: Ablation = [];
      for (const g of ABLATION) {
        const sg = g.join('+') === key ? null : featureSplit(data, g);
        const acc = sg ? accuracyOf(confusionOf(sg.yTest, await fitHeldOut(kind, sg, seed, ctl.signal))) : accuracyOf(C);
        ab.push({ domains: g, accuracy: acc });
      }
      setAblation(ab);
      setBusy(false);
      setDoneFor({ data, kind, key, seed });
    })().catch((e: unknown) => {
      if (isAbortError(e) || ctl.signal.aborted) return;
      setError(`The fit failed: ${message(e)}`);
      setBusy(false);
      setDoneFor({ data, kind, key, seed });
    });
    return () => ctl.abort();
  }, [data, kind, key, seed]);
  // Busy from the first render that has data, not only once the effect has run: no frame between
  // the events arriving and the fit starting looks settled (the gallery's snapshots wait on it).
  const settled = data === null || (doneFor !== null && doneFor.data === data && doneFor.kind === kind && doneFor.key === key && doneFor.seed === seed);
  return { result, ablation, busy: busy || !settled, error };
}

/** The learned side: the CNN trained on demand in the nn worker, reset when the data change. */
function useCnn(data: SeismicData | null, epochs: number, seed: number) {
  const [history, setHistory] = useState<SeismicCnnSnapshot[]>([]);
  const [result, setResult] = useState<(HeldOut & { parameters: number; diverged: boolean }) | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const ctl = useRef<AbortController | null>(null);
  useEffect(() => {
    setHistory([]);
    setResult(null);
    setProgress(null);
    setError(null);
    return () => {
      ctl.current?.abort();
      ctl.current = null;
      setBusy(false);
    };
  }, [data]);
  const train = () => {
    if (!data || busy) return;
    const c = new AbortController();
    ctl.current = c;
    setBusy(true);
    setHistory([]);
    setResult(null);
    setError(null);
    setProgress(0);
    const payload = cnnPayload(data, epochs, seed);
    runNnTaskInWorker<SeismicCnnResult, SeismicCnnSnapshot>(CNN_TASK, payload, {
      signal: c.signal,
      onProgress: setProgress,
      onSnapshot: (s) => setHistory((h) => [...h, s]),
    }).then(
      (r) => {
        if (c.signal.aborted) return;
        const C = confusionOf(payload.testLabels, r.predicted);
        setHistory(r.history);
        setResult({ C, accuracy: accuracyOf(C), parameters: r.parameters, diverged: r.diverged });
        setBusy(false);
      },
      (e: unknown) => {
        if (c.signal.aborted || isAbortError(e)) return;
        setError(e instanceof Error ? e : new Error(String(e)));
        setBusy(false);
      },
    );
  };
  const cancel = () => {
    ctl.current?.abort();
    ctl.current = null;
    setBusy(false);
    setProgress(null);
  };
  return { history, result, progress, busy, error, train, cancel };
}

/**
 * The events, their features and split, generated in the fit worker (the main thread's
 * fallback runs the same steps in slices) whenever an input changes; the run in progress is
 * cancelled (its worker terminated) when the inputs change again or the explainer unmounts.
 */
function useSeismicData(options: DataOptions) {
  const { nSamples, balance, snr, seed } = options;
  const task = useWorkerTask<SeismicData>(DATA_TASK, { minIntervalMs: 50 });
  const { run, cancel } = task;
  useEffect(() => {
    void run({ nSamples, balance, snr, seed } satisfies DataOptions);
    return cancel;
  }, [run, cancel, nSamples, balance, snr, seed]);
  return {
    data: task.result,
    progress: task.progress,
    // Also before the first run starts (the first render): nothing to show yet.
    running: task.running || (task.result === null && task.error === null),
    error: task.error ? `Could not generate the events: ${message(task.error)}` : null,
  };
}

/**
 * The seismic classifier's state and everything derived from it: the events, their
 * features and split (regenerated in the worker when the balance, the SNR or the seed change), the chosen
 * classifier's held-out confusion matrix and the ablation by feature group (fitted off the
 * main thread), and the CNN trained on demand.
 */
export function useSeismicClassifier({ nSamples, seed, epochs, value, defaultValue, onValueChange }: SeismicInputs) {
  const clean = useMemo(() => sanitizeDefaultValue<SeismicClassifierState>('SeismicClassifier', defaultValue, STATE_CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<SeismicClassifierState>({ value, defaultValue: { ...DEFAULT_STATE, ...clean }, onChange: onValueChange });
  const rootRef = useRef<HTMLElement>(null);
  const built = useSeismicData({ nSamples, balance: state.balance, snr: state.snr, seed });
  const { data } = built;
  const features = useFeatureFits(data, state.classifier, state.domains, seed);
  const cnn = useCnn(data, epochs, seed);
  const [cell, setCell] = useState<{ which: 'features' | 'cnn'; cell: [number, number] } | null>(null);
  const set = (patch: Partial<SeismicClassifierState>) => setState((s) => ({ ...s, ...patch }));
  const actions = {
    setBalance: (balance: Balance) => set({ balance }),
    setSnr: (snr: number) => set({ snr }),
    setClassifier: (classifier: ClassifierKind) => set({ classifier }),
    toggleDomain: (d: FeatureDomain) =>
      setState((s) => {
        const on = s.domains.includes(d);
        if (on && s.domains.length === 1) return s; // at least one group stays
        const next = (['temporal', 'spectral', 'cepstral'] as FeatureDomain[]).filter((x) => (x === d ? !on : s.domains.includes(x)));
        return { ...s, domains: next };
      }),
    transpose: () => setState((s) => ({ ...s, rows: s.rows === 'true' ? 'predicted' : 'true' })),
    trainCnn: cnn.train,
    cancelCnn: cnn.cancel,
    focusCell: (which: 'features' | 'cnn', c: [number, number] | null) => setCell(c ? { which, cell: c } : null),
  };
  const error = built.error ?? features.error;
  const lastEpoch = cnn.history[cnn.history.length - 1];
  const status = statusText({
    state,
    nTest: data?.testIndex.length ?? 0,
    features: features.result,
    featuresBusy: features.busy,
    cnn: cnn.result ? { accuracy: cnn.result.accuracy, epoch: epochs } : lastEpoch ? { accuracy: lastEpoch.testAccuracy, epoch: lastEpoch.epoch } : null,
    cnnBusy: cnn.busy,
    error,
    generating: built.running,
  });
  return {
    state,
    data,
    built,
    features,
    cnn,
    cell,
    actions,
    rootRef,
    status,
    error,
    /** Work in flight that the student did not start (the events, the feature fits): the root is `aria-busy`. */
    busy: built.running || features.busy,
    // Only the CNN's training, which the student starts, counts as playing; the automatic feature fit does not.
    frameState: frameState({ error, busy: cnn.busy, done: features.result !== null }),
  };
}

/** Everything {@link useSeismicClassifier} returns. */
export type SeismicModel = ReturnType<typeof useSeismicClassifier>;
