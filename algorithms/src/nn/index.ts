/**
 * `@geolearn/algorithms/nn`: neural networks on TensorFlow.js (and a plain-TypeScript
 * engine for small MLPs). Importing this module sets no backend: call `initBackend()`.
 * For the MLP without TF.js, import `@geolearn/algorithms/mlp` instead.
 */
export { initBackend, backendReport, handleContextLost, isSoftwareRenderer, BackendError } from './backend';
export type { BackendProblem, BackendName, BackendReport, BackendAttempt, InitBackendOptions, WasmPaths, ContextLossReport, BackendBound } from './backend';
export { registerWasmConv2DBackpropFilter } from './kernels';
export { TfNet, packWeights, unpackWeights } from './net';
export { ACTIVATIONS, LOSSES, REGULARIZATIONS, MAX_NETWORK_PARAMETERS, checkSavedModel, planNetwork } from './spec';
export type { Activation, LossName, Regularization, LayerSpec, Size2, LayerOutput, WeightSpec, TfNetOptions } from './net';
export { PlainOptimizer, TfOptimizer, OPTIMIZERS, DEFAULT_OPTIMIZER_SETTINGS } from './optimizers';
export type { OptimizerName, OptimizerSettings } from './optimizers';
export { BatchSampler } from './stepper';
export type { StepResult } from './stepper';
export { CNN } from './cnn';
export type { CNNOptions, SavedModelJSON, LayerActivation } from './cnn';
export { loadMnist, preprocessDigit, augmentDigit, sampleBilinear, MNIST_SIZE, MNIST_PIXELS, MNIST_TEST_PER_CLASS } from './mnist';
export type { MnistSet, MnistSplit, MnistPackage, LoadMnistOptions, PreprocessDigitOptions, AugmentDigitOptions } from './mnist';
export { MLP, gridPoints, PLAIN_ENGINE_MAX_PARAMETERS, GRID_ON_TFJS_MIN_POINTS, MAX_GRID_POINTS, MAX_TRAINING_STEPS } from './mlp';
export type { MLPOptions, MLPEngine, MLPJSON, LayerWeights, NeuronOutputs, GridSpec } from './mlp';
export { Autoencoder } from './autoencoder';
export type { AutoencoderOptions } from './autoencoder';
export { buildPicker, countParameters, pickerLoss, trainPickerBatch, predictPicker, splitProbabilities, pickRecord, pickRecordSteps, modelPickThreshold, PICKER_ENCODER_PREFIX, type PickerOptions, type PickRecordOptions, type RecordPicks } from './seismic/picker';
export { saveLayersModel, loadLayersModel, setTrainable, type LayersModelJSON, type SavedLayersModel } from './seismic/io';
export { buildDetector, detectorLength, freezeDetector, prepareDetectorInput, trainDetectorBatch, predictDetector, detectorOutputs, evaluateDetector, DETECTOR_FILTERS, type DetectorOptions, type DetectorLoss } from './seismic/detector';
