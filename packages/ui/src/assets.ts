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
