/**
 * The trained MNIST models shipped with the UI package (written by `pnpm train:mnist` into
 * packages/ui/assets/models) and the TF.js backend they run on. Browser-only at run time:
 * everything here is called from effects, never during render.
 */
import { shippedWasmPaths } from '../assets';
import { backendReport, CNN, initBackend, type BackendReport, type SavedModelJSON, type WasmPaths } from '@geolearn/algorithms/nn';

/** The two models of the slides: the fully connected 784-128-10 network and the small CNN. */
export type MnistModelKind = 'fc' | 'cnn';

/** Where a model comes from: URLs of its model.json and weights.bin, or the loaded data. */
export type MnistModelSource = { modelUrl: string; weightsUrl: string } | { modelJSON: SavedModelJSON; weightData: ArrayBuffer | ArrayBufferView };

let backend: Promise<BackendReport> | null = null;

/**
 * Starts TF.js once per page (WebGL on a real GPU, else WASM, else CPU; see `initBackend`).
 * `wasmPaths` is where the page serves @tensorflow/tfjs-backend-wasm's .wasm files; by default
 * the copies shipped in this package's assets (see ../assets.ts).
 */
export function ensureBackend(wasmPaths?: WasmPaths): Promise<BackendReport> {
  const ready = backendReport();
  if (ready) return Promise.resolve(ready);
  backend ??= initBackend({ wasmPaths: wasmPaths ?? shippedWasmPaths() }).catch((e) => {
    backend = null;
    throw e;
  });
  return backend;
}

/** Loads a model as a {@link CNN} (a dense-only network loads as one too). The caller disposes it. */
export async function loadMnistModel(source: MnistModelSource): Promise<CNN> {
  if ('modelJSON' in source) return CNN.load(source.modelJSON, source.weightData);
  const [m, w] = await Promise.all([fetch(source.modelUrl), fetch(source.weightsUrl)]);
  if (!m.ok || !w.ok) throw new Error(`could not fetch the model (${m.ok ? w.status : m.status})`);
  return CNN.load((await m.json()) as SavedModelJSON, await w.arrayBuffer());
}

/** Display names of the layers of a model, by type and position. */
export function layerTitle(type: string, index: number, count: Record<string, number>): string {
  count[type] = (count[type] ?? 0) + 1;
  const k = count[type];
  switch (type) {
    case 'input': return 'Input layer';
    case 'conv2d': return `Convolution layer ${k}`;
    case 'maxPool2d': return `Downsampling layer ${k}`;
    case 'dense': return `Fully-connected layer ${k}`;
    case 'flatten': return 'Flatten';
    case 'dropout': return 'Dropout';
    default: return `${type} ${index}`;
  }
}
