/**
 * @geolearn/ui/mnist: the explainers that run a trained MNIST network (TensorFlow.js, its WASM
 * binaries, the shipped models and the held-out digits), in an entry of their own.
 *
 * Why a separate entry: bundlers (Vite, webpack 5) emit every `new URL(…, import.meta.url)` asset
 * of every module reachable from an entry, dynamic imports included. Keeping these two components
 * out of `@geolearn/ui` means an app that does not import them gets none of their ~2 MB of
 * weights, WASM and digits. TF.js itself still loads lazily, when one of them mounts.
 */
export * from './DigitDrawingPad';
export * from './FeatureMaps';
export * from './Manifold';
