/**
 * The MNIST runtime: starts TF.js and loads the shipped models. Loaded only through
 * `loadMnistRuntime()` (a dynamic import) so that TF.js, the model URLs and the WASM URLs stay
 * out of the initial chunk of every app. Browser-only at run time (called from effects), with
 * a Node path for `file:` URLs (SSR, tests).
 */
import { backendReport, CNN, initBackend, type BackendReport, type SavedModelJSON, type WasmPaths } from '@geolearn/algorithms/nn';
import { shippedModelUrls, shippedWasmPaths } from '../modelAssets';
import fcCalibration from '../../assets/models/mnist-fc/calibration.json';
import cnnCalibration from '../../assets/models/mnist-cnn/calibration.json';
import { cleanTemperature } from './calibration';
import type { MnistModelKind, MnistModelSource } from './mnistModels';

export { shippedModelUrls };

let backend: Promise<BackendReport> | null = null;

/**
 * Starts TF.js once per page (WebGL on a real GPU, else WASM, else CPU; see `initBackend`).
 * `wasmPaths` is where the page serves @tensorflow/tfjs-backend-wasm's .wasm files; by default
 * the installed package's own files (see ../modelAssets.ts).
 */
export function ensureBackend(wasmPaths?: WasmPaths): Promise<BackendReport> {
  const ready = backendReport();
  if (ready) return Promise.resolve(ready);
  backend ??= initBackend({ wasmPaths: wasmPaths ?? shippedWasmPaths() }).catch((e: unknown) => {
    backend = null;
    throw e;
  });
  return backend;
}

/** A file's bytes: fetch in a browser, the file itself for a `file:` URL under Node. */
async function readUrl(href: string): Promise<Response | Uint8Array> {
  const url = new URL(href, typeof location === 'undefined' ? undefined : location.href);
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const fs = url.protocol === 'file:' ? (proc?.getBuiltinModule?.('node:fs') as { promises: { readFile(u: URL): Promise<Uint8Array> } } | undefined) : undefined;
  if (fs) return new Uint8Array(await fs.promises.readFile(url));
  const res = await fetch(url);
  if (!res.ok) throw new Error(`could not fetch ${url.pathname.split('/').pop()} (${res.status})`);
  return res;
}

/** Loads a model as a {@link CNN} (a dense-only network loads as one too). The caller disposes it. */
export async function loadMnistModel(source: MnistModelSource): Promise<CNN> {
  if ('modelJSON' in source) return CNN.load(source.modelJSON, source.weightData);
  const [m, w] = await Promise.all([readUrl(source.modelUrl), readUrl(source.weightsUrl)]);
  const json = (m instanceof Uint8Array ? JSON.parse(new TextDecoder().decode(m)) : await m.json()) as SavedModelJSON;
  return CNN.load(json, w instanceof Uint8Array ? w : await w.arrayBuffer());
}

/**
 * The temperature T of softmax(z / T) for a model: the shipped model's calibration.json
 * (written by `pnpm calibrate:mnist`; a few bytes, bundled), or the `temperature` of a given
 * source (default 1, uncalibrated).
 */
export function mnistTemperature(kind: MnistModelKind, source: MnistModelSource | undefined): number {
  if (source) return cleanTemperature(source.temperature);
  return cleanTemperature((kind === 'cnn' ? cnnCalibration : fcCalibration).temperature);
}

/** Starts the backend, then loads the model of `kind` (the shipped one unless `source` is given) and its temperature. */
export async function startMnistModel(kind: MnistModelKind, source: MnistModelSource | undefined, wasmPaths: WasmPaths | undefined): Promise<{ model: CNN; backend: string; temperature: number }> {
  const report = await ensureBackend(wasmPaths);
  return { model: await loadMnistModel(source ?? shippedModelUrls(kind)), backend: report.backend, temperature: mnistTemperature(kind, source) };
}
