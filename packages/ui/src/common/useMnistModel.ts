import type { CNN, WasmPaths } from '@geolearn/algorithms/nn';
import { useEffect, useState } from 'react';
import { shippedModelUrls } from '../assets';
import { ensureBackend, loadMnistModel, type MnistModelKind, type MnistModelSource } from './mnistModels';

/** What {@link useMnistModel} has so far. */
export interface MnistModelState {
  /** The loaded model, or null while loading or after an error. */
  model: CNN | null;
  /** The TF.js backend in use, once started. */
  backend: string | null;
  /** Why loading failed, or null. */
  error: string | null;
}

/**
 * Starts TF.js and loads an MNIST model in an effect; disposes it (every tensor) when the
 * kind or source changes and on unmount, even if loading finishes after that.
 */
export function useMnistModel(kind: MnistModelKind, source: MnistModelSource | undefined, wasmPaths: WasmPaths | undefined): MnistModelState {
  const [state, setState] = useState<MnistModelState>({ model: null, backend: null, error: null });
  useEffect(() => {
    let alive = true;
    let loaded: CNN | null = null;
    setState((s) => ({ ...s, model: null, error: null }));
    ensureBackend(wasmPaths)
      .then(async (report) => {
        const m = await loadMnistModel(source ?? shippedModelUrls(kind));
        if (!alive) {
          m.dispose();
          return;
        }
        loaded = m;
        setState({ model: m, backend: report.backend, error: null });
      })
      .catch((e: unknown) => {
        if (alive) setState({ model: null, backend: null, error: e instanceof Error ? e.message : String(e) });
      });
    return () => {
      alive = false;
      loaded?.dispose();
    };
    // The source object is compared by identity: pass a stable one (module constant or useMemo).
  }, [kind, source, wasmPaths]);
  return state;
}
