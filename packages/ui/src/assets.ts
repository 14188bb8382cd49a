/**
 * URLs of the assets shipped in packages/ui/assets. This file sits at the root of src/ on
 * purpose: `../assets/…` then resolves the same from src/assets.ts (the gallery, built from
 * source) and from dist/index.js (the published package), and bundlers (Vite, webpack 5,
 * Parcel, esbuild) turn `new URL(literal, import.meta.url)` into emitted files: no CDN.
 */

/** The shipped MNIST models' files (written by `pnpm train:mnist`). */
export function shippedModelUrls(kind: 'fc' | 'cnn'): { modelUrl: string; weightsUrl: string } {
  return kind === 'cnn'
    ? { modelUrl: new URL('../assets/models/mnist-cnn/model.json', import.meta.url).href, weightsUrl: new URL('../assets/models/mnist-cnn/weights.bin', import.meta.url).href }
    : { modelUrl: new URL('../assets/models/mnist-fc/model.json', import.meta.url).href, weightsUrl: new URL('../assets/models/mnist-fc/weights.bin', import.meta.url).href };
}

/**
 * TF.js's WASM binaries (copied from @tensorflow/tfjs-backend-wasm 4.22, whose JavaScript must
 * match them; a test checks they are identical), so that the WASM backend works with no
 * setup and never loads from a CDN.
 */
export function shippedWasmPaths(): Record<'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm' | 'tfjs-backend-wasm-threaded-simd.wasm', string> {
  return {
    'tfjs-backend-wasm.wasm': new URL('../assets/tfjs-wasm/tfjs-backend-wasm.wasm', import.meta.url).href,
    'tfjs-backend-wasm-simd.wasm': new URL('../assets/tfjs-wasm/tfjs-backend-wasm-simd.wasm', import.meta.url).href,
    'tfjs-backend-wasm-threaded-simd.wasm': new URL('../assets/tfjs-wasm/tfjs-backend-wasm-threaded-simd.wasm', import.meta.url).href,
  };
}
