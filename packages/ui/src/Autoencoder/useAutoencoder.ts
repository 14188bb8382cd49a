import { useEffect, useMemo, useRef, useState } from 'react';
import { seismicAutoencoderUrls, seismicDenoiserUrls } from '../autoencoderAssets';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { isAbortError } from '../worker/runFit';
import { runNnTaskInWorker } from '../worker/runNn';
import { readModelFiles } from './fetchModel';
import {
  DEFAULT_STATE,
  compressionRatio,
  decodePoint,
  denoiseExamples,
  encodeAll,
  exampleRow,
  frameState,
  latentWindows,
  parseDenseAutoencoder,
  pooledSnrDb,
  reconstructionFigures,
  runLayers,
  STATE_CHECKS,
  statusText,
  windowLabel,
  type AutoencoderState,
  type DenseAutoencoder,
} from './model';
import type { AutoencoderTrainResult, AutoencoderTrainSnapshot, DenoiseResult } from './task';

/** The nn worker task of this explainer (registered in worker/nnTasks.ts). */
export const AUTOENCODER_TASK = 'autoencoder.run';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** URLs of a saved model's two files. */
export interface ModelFileUrls {
  /** model.json. */
  modelUrl: string;
  /** weights.bin. */
  weightsUrl: string;
}

/** Where the explainer's two models are served. */
export interface AutoencoderModelUrls {
  /** The fully connected autoencoder with a 2-D code. Default the shipped seismic-autoencoder. */
  autoencoder?: ModelFileUrls;
  /** The convolutional denoiser. Default the shipped seismic-denoiser. */
  denoiser?: ModelFileUrls;
}

/** What the hook needs from the props. */
export interface AutoencoderInputs {
  value?: AutoencoderState;
  defaultValue?: Partial<AutoencoderState>;
  onValueChange?: (state: AutoencoderState) => void;
  /** Training windows when the student trains in the page. */
  trainWindows: number;
  /** Seed of a training run in the page. */
  seed: number;
  /** Model files, if not the shipped ones. */
  modelUrls?: AutoencoderModelUrls;
}

/** The shipped dense autoencoder, loaded once (main thread, no TF.js: see model.ts). */
function useShippedAutoencoder(urls: ModelFileUrls | undefined) {
  const [ae, setAe] = useState<DenseAutoencoder | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    readModelFiles(urls ?? seismicAutoencoderUrls())
      .then((f) => live && setAe(parseDenseAutoencoder(f.modelJSON, f.weightData)))
      .catch((e: unknown) => live && setError(`Could not load the trained autoencoder: ${message(e)}`));
    return () => {
      live = false;
    };
  }, [urls?.modelUrl, urls?.weightsUrl]); // eslint-disable-line react-hooks/exhaustive-deps
  return { ae, error };
}

/** The denoiser's outputs for the examples, computed once in the nn worker when first asked for. */
function useDenoised(active: boolean, noisy: Float32Array | null, urls: ModelFileUrls | undefined) {
  const [result, setResult] = useState<DenoiseResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (!active || !noisy || started.current) return;
    started.current = true;
    const ctl = new AbortController();
    runNnTaskInWorker<DenoiseResult>(AUTOENCODER_TASK, { job: 'denoise', urls: urls ?? seismicDenoiserUrls(), noisy }, { signal: ctl.signal })
      .then((r) => setResult(r))
      .catch((e: unknown) => {
        started.current = false;
        if (!isAbortError(e) && !ctl.signal.aborted) setError(`Could not run the denoiser: ${message(e)}`);
      });
    return () => ctl.abort();
  }, [active, noisy]); // eslint-disable-line react-hooks/exhaustive-deps
  return { result, error };
}

/** Training a new autoencoder in the worker, on the student's request. */
function useTraining(trainWindows: number, seed: number, onTrained: (ae: DenseAutoencoder) => void) {
  const [history, setHistory] = useState<AutoencoderTrainSnapshot[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [diverged, setDiverged] = useState(false);
  const ctl = useRef<AbortController | null>(null);
  useEffect(() => () => ctl.current?.abort(), []);
  const train = (epochs: number) => {
    if (running) return;
    const c = new AbortController();
    ctl.current = c;
    setRunning(true);
    setHistory([]);
    setError(null);
    setDiverged(false);
    setProgress(0);
    runNnTaskInWorker<AutoencoderTrainResult, AutoencoderTrainSnapshot>(AUTOENCODER_TASK, { job: 'train', epochs, count: trainWindows, seed }, {
      signal: c.signal,
      onProgress: setProgress,
      onSnapshot: (s) => setHistory((h) => [...h, s]),
      minIntervalMs: 50,
    }).then(
      (r) => {
        if (c.signal.aborted) return;
        setHistory(r.history);
        setDiverged(r.diverged);
        setRunning(false);
        if (r.history.length > 0) onTrained(parseDenseAutoencoder(r.modelJSON, r.weightData));
      },
      (e: unknown) => {
        if (c.signal.aborted || isAbortError(e)) return;
        setError(e instanceof Error ? e : new Error(String(e)));
        setRunning(false);
      },
    );
  };
  const cancel = () => {
    ctl.current?.abort();
    ctl.current = null;
    setRunning(false);
    setProgress(null);
  };
  return { history, progress, running, error, diverged, train, cancel };
}

/**
 * The autoencoder explainer's state and everything derived from it: the held-out windows and
 * their latent codes and reconstructions (shipped weights, or weights the student trained
 * here), the decoded waveform of the chosen latent point, the denoiser's outputs (nn worker),
 * training in the worker, the figures and the status.
 */
export function useAutoencoder({ value, defaultValue, onValueChange, trainWindows, seed, modelUrls }: AutoencoderInputs) {
  const clean = useMemo(() => sanitizeDefaultValue<AutoencoderState>('Autoencoder', defaultValue, STATE_CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<AutoencoderState>({ value, defaultValue: { ...DEFAULT_STATE, ...clean }, onChange: onValueChange });
  const rootRef = useRef<HTMLElement>(null);
  const shipped = useShippedAutoencoder(modelUrls?.autoencoder);
  const [trained, setTrained] = useState<DenseAutoencoder | null>(null);
  const [useTrained, setUseTrained] = useState(false);
  const training = useTraining(trainWindows, seed, (ae) => {
    setTrained(ae);
    setUseTrained(true);
    setState((s) => ({ ...s, z: null }));
  });
  const ae = useTrained && trained ? trained : shipped.ae;
  const data = useMemo(() => latentWindows(), []);
  const examples = useMemo(() => (state.mode === 'denoise' ? denoiseExamples() : null), [state.mode]);
  const denoised = useDenoised(state.mode === 'denoise', examples?.noisy ?? null, modelUrls?.denoiser);

  const derived = useMemo(() => {
    if (!ae) return null;
    const L = ae.inputSize;
    const codes = encodeAll(ae, data.x, data.count);
    const recon = new Float32Array(data.count * L);
    for (let k = 0; k < data.count; k++) recon.set(runLayers(ae.decoder, codes.subarray(k * ae.latentDim, (k + 1) * ae.latentDim)), k * L);
    const rows = (keep: (t: number) => boolean) => [...Array(data.count).keys()].filter((k) => keep(data.type[k]));
    const byType = [0, 1, 2].map((t) => pooledSnrDb(data.x, recon, L, rows((u) => u === t)));
    return { codes, recon, L, byType, quakeSnr: pooledSnrDb(data.x, recon, L, rows((u) => u !== 0)), ratio: compressionRatio(L, ae.latentDim) };
  }, [ae, data]);

  const k = Math.min(state.window, data.count - 1);
  const windowView = derived
    ? (() => {
        const L = derived.L;
        const x = data.x.subarray(k * L, (k + 1) * L);
        const y = derived.recon.subarray(k * L, (k + 1) * L);
        return { x, y, code: [derived.codes[2 * k], derived.codes[2 * k + 1]] as [number, number], label: windowLabel(data, k), ...reconstructionFigures(x, y) };
      })()
    : null;
  const z = state.z ?? windowView?.code ?? null;
  const decoded = useMemo(() => (ae && z ? decodePoint(ae, z) : null), [ae, z?.[0], z?.[1]]); // eslint-disable-line react-hooks/exhaustive-deps

  const denoiseView = (() => {
    if (!examples || !denoised.result) return null;
    const L = examples.length;
    const r = exampleRow(state.snrDb, state.example);
    const c = examples.clean.subarray(r * L, (r + 1) * L);
    const n = examples.noisy.subarray(r * L, (r + 1) * L);
    const o = denoised.result.denoised.subarray(r * L, (r + 1) * L);
    const inDb = reconstructionFigures(c, n).snrDb;
    const outDb = reconstructionFigures(c, o).snrDb;
    return { clean: c, noisy: n, out: o, inDb, outDb, distance: examples.distance[r], ratio: compressionRatio(L, denoised.result.latentDim), latentDim: denoised.result.latentDim };
  })();

  const set = (patch: Partial<AutoencoderState>) => setState((s) => ({ ...s, ...patch }));
  const actions = {
    setMode: (mode: AutoencoderState['mode']) => set({ mode }),
    setColourBy: (colourBy: AutoencoderState['colourBy']) => set({ colourBy }),
    selectWindow: (window: number) => set({ window: Math.max(0, Math.min(data.count - 1, Math.round(window))), z: null }),
    setZ: (p: readonly [number, number]) => set({ z: [p[0], p[1]] }),
    clearZ: () => set({ z: null }),
    setSnrDb: (snrDb: AutoencoderState['snrDb']) => set({ snrDb }),
    setExample: (example: number) => set({ example }),
    setEpochs: (epochs: AutoencoderState['epochs']) => set({ epochs }),
    train: () => training.train(state.epochs),
    cancelTraining: training.cancel,
    useShipped: () => {
      setUseTrained(false);
      set({ z: null });
    },
    useTrained: () => trained && setUseTrained(true),
  };

  const error = shipped.error ?? (state.mode === 'denoise' ? denoised.error : null);
  const loading = state.mode === 'denoise' ? !denoiseView : !derived;
  const last = training.history[training.history.length - 1];
  const status = statusText({
    state,
    loading,
    error,
    training: training.running ? { epoch: last?.epoch ?? 0, epochs: state.epochs, loss: last?.loss ?? NaN } : null,
    window: windowView ? { label: windowView.label, snrDb: windowView.snrDb } : null,
    z: state.z,
    denoise: denoiseView ? { inDb: denoiseView.inDb, outDb: denoiseView.outDb } : null,
    source: useTrained && trained ? 'trained' : 'shipped',
  });
  return {
    state,
    actions,
    rootRef,
    data,
    ae,
    derived,
    windowView,
    z,
    decoded,
    denoiseView,
    training,
    source: (useTrained && trained ? 'trained' : 'shipped') as 'trained' | 'shipped',
    hasTrained: trained !== null,
    loading,
    error,
    status,
    frameState: frameState(loading, error, training.running),
  };
}

/** Everything {@link useAutoencoder} returns. */
export type AutoencoderModel = ReturnType<typeof useAutoencoder>;
