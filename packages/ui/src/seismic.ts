/**
 * @geolearn/ui/seismic: the explainers that run TensorFlow.js models on seismic traces (the
 * ConvNetQuake-style detector, the PhaseNet-style picker, transfer learning, the autoencoder
 * and the learned-features classifier), in an entry of their own, for the reason given in
 * ./mnist.ts: their weights and TF.js's WASM binaries are `new URL(…, import.meta.url)` assets
 * that a bundler would otherwise emit for every app importing `@geolearn/ui`.
 */
/** Runs a TF.js task of `NN_TASKS` in a Web Worker (for apps that add their own). */
export { runNnTaskInWorker } from './worker/runNn';
export * from './SeismicClassifier';
export * from './PhasePicker';
export * from './Autoencoder';
export * from './EventDetector';
export * from './TransferLearning';
