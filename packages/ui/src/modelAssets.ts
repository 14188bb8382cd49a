/**
 * URLs of the MNIST models and of TF.js's WASM binaries. Imported only by the lazily loaded
 * MNIST runtime (common/mnistRuntime.ts), so these `new URL(…, import.meta.url)` sit in a
 * chunk of their own that an app reaches only when a component that needs them mounts. At the
 * root of src/ for the reason given in ./assets.ts.
 */

/** The shipped MNIST models' files (written by `pnpm train:mnist`). */
export function shippedModelUrls(kind: 'fc' | 'cnn'): { modelUrl: string; weightsUrl: string } {
  return kind === 'cnn'
    ? { modelUrl: new URL('../assets/models/mnist-cnn/model.json', import.meta.url).href, weightsUrl: new URL('../assets/models/mnist-cnn/weights.bin', import.meta.url).href }
    : { modelUrl: new URL('../assets/models/mnist-fc/model.json', import.meta.url).href, weightsUrl: new URL('../assets/models/mnist-fc/weights.bin', import.meta.url).href };
}

export { shippedWasmPaths } from './wasmAssets';
