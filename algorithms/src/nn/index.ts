/**
 * `@geolearn/algorithms/nn`: neural networks on TensorFlow.js (and a plain-TypeScript
 * engine for small MLPs). Importing this module sets no backend: call `initBackend()`.
 */
export { initBackend, backendReport, handleContextLost, isSoftwareRenderer } from './backend';
export type { BackendName, BackendReport, BackendAttempt, InitBackendOptions, WasmPaths, ContextLossReport, BackendBound } from './backend';
export { registerWasmConv2DBackpropFilter } from './kernels';
export { TfNet, packWeights, unpackWeights } from './net';
export type { Activation, LossName, Regularization, LayerSpec, Size2, LayerOutput, WeightSpec, TfNetOptions } from './net';
export { PlainOptimizer, TfOptimizer, OPTIMIZERS, DEFAULT_OPTIMIZER_SETTINGS } from './optimizers';
export type { OptimizerName, OptimizerSettings } from './optimizers';
export { BatchSampler } from './stepper';
export type { StepResult } from './stepper';
export { CNN } from './cnn';
export type { CNNOptions, SavedModelJSON, LayerActivation } from './cnn';
export { loadMnist, preprocessDigit, augmentDigit, MNIST_SIZE, MNIST_PIXELS, MNIST_TEST_PER_CLASS } from './mnist';
export type { MnistSet, MnistSplit, MnistPackage, LoadMnistOptions, PreprocessDigitOptions, AugmentDigitOptions } from './mnist';
export { MLP, gridPoints, PLAIN_ENGINE_MAX_PARAMETERS, GRID_ON_TFJS_MIN_POINTS } from './mlp';
export type { MLPOptions, MLPEngine, MLPJSON, LayerWeights, NeuronOutputs, GridSpec } from './mlp';
export { Autoencoder } from './autoencoder';
export type { AutoencoderOptions } from './autoencoder';
