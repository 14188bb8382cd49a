/**
 * `@geolearn/algorithms/mlp`: the neural-network pieces that need no TF.js. The multilayer
 * perceptron on its plain-TypeScript engine (`engine: 'plain'`, or 'auto', which is plain
 * here), its activations, losses, optimisers, mini-batch stepping and serialisation, the
 * saved-model format, and the MNIST preprocessing shared with the drawing pad.
 *
 * Nothing here imports `@tensorflow/*`, so an app (the Playground, the XOR network) that
 * imports only this entry bundles no TF.js. `@geolearn/algorithms/nn` exports the same
 * {@link MLP} with the 'tfjs' engine plugged in, plus the CNN and autoencoders.
 */
export { MLP, gridPoints, PLAIN_ENGINE_MAX_PARAMETERS, GRID_ON_TFJS_MIN_POINTS, MAX_GRID_POINTS, MAX_TRAINING_STEPS } from './mlpPlain';
export type { MLPOptions, MLPEngine, MLPJSON, LayerWeights, NeuronOutputs, GridSpec } from './mlpPlain';
export { PlainOptimizer, OPTIMIZERS, DEFAULT_OPTIMIZER_SETTINGS } from './plainOptimizer';
export type { OptimizerName, OptimizerSettings } from './plainOptimizer';
export { BatchSampler } from './stepper';
export type { StepResult } from './stepper';
export { ACTIVATIONS, LOSSES, REGULARIZATIONS, MAX_NETWORK_PARAMETERS, packWeights, unpackWeights, checkSavedModel, planNetwork } from './spec';
export type { Activation, LossName, Regularization, LayerSpec, Size2, LayerOutput, WeightSpec, SavedModelJSON } from './spec';
export { loadMnist, preprocessDigit, augmentDigit, MNIST_SIZE, MNIST_PIXELS, MNIST_TEST_PER_CLASS } from './mnist';
export type { MnistSet, MnistSplit, MnistPackage, LoadMnistOptions, PreprocessDigitOptions, AugmentDigitOptions } from './mnist';
