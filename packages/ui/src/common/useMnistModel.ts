import type { CNN, WasmPaths } from '@geolearn/algorithms/nn';
import { useEffect, useState } from 'react';
import { loadHeldOutDigits } from './mnistDigits';
import { loadMnistRuntime, type MnistModelKind, type MnistModelSource } from './mnistModels';

/** What {@link useMnistModel} has so far. */
export interface MnistModelState {
  /** The loaded model, or null while loading or after an error. */
  model: CNN | null;
  /** The TF.js backend in use, once started. */
  backend: string | null;
  /** Why loading failed, or null. */
  error: string | null;
  /** The temperature T to apply to the model's probabilities, softmax(log p / T) (1 until loaded). */
  temperature: number;
}

/**
 * Loads TF.js (a dynamic import, on mount: apps get it as a lazy chunk), starts it and loads an
 * MNIST model, and the held-out digits beside it, in an effect; disposes the model (every
 * tensor) when the kind or source changes (a failed digits load only leaves them blank) and on unmount, even if loading finishes after that.
 * With `enabled` false it loads nothing (and drops a loaded model).
 */
export function useMnistModel(kind: MnistModelKind, source: MnistModelSource | undefined, wasmPaths: WasmPaths | undefined, enabled = true): MnistModelState {
  const [state, setState] = useState<MnistModelState>({ model: null, backend: null, error: null, temperature: 1 });
  useEffect(() => {
    if (!enabled) {
      setState({ model: null, backend: null, error: null, temperature: 1 });
      return;
    }
    let alive = true;
    let loaded: CNN | null = null;
    setState((s) => ({ ...s, model: null, error: null }));
    Promise.all([loadMnistRuntime().then((rt) => rt.startMnistModel(kind, source, wasmPaths)), loadHeldOutDigits().catch(() => undefined)])
      .then(([{ model, backend, temperature }]) => {
        if (!alive) {
          model.dispose();
          return;
        }
        loaded = model;
        setState({ model, backend, error: null, temperature });
      })
      .catch((e: unknown) => {
        if (alive) setState({ model: null, backend: null, error: e instanceof Error ? e.message : String(e), temperature: 1 });
      });
    return () => {
      alive = false;
      loaded?.dispose();
    };
    // The source object is compared by identity: pass a stable one (module constant or useMemo).
  }, [kind, source, wasmPaths, enabled]);
  return state;
}
