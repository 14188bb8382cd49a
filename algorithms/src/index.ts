/**
 * @geolearn/algorithms: the methods of the course "AI and Machine Learning for
 * Geosciences", named and configured like scikit-learn's. No DOM; safe on a server.
 * Neural networks (TensorFlow.js) live in the `@geolearn/algorithms/nn` entry point and
 * seismic waveforms in `@geolearn/algorithms/seismic`, so that this one stays light.
 */
export { RandomState, checkRandomState, validateRandomState, type RandomStateLike } from './core/random';
export { ValidationError, NotFittedError, type ValidationProblem } from './core/errors';
export * from './core/matrix';
export * from './core/validation';
export * from './core/params';
export * from './core/json';
export { BaseEstimator, ClassifierBase, RegressorBase, TransformerBase, readEstimatorJSON, type EstimatorClass, type EstimatorJSONHeader } from './core/base';

export * from './optimize';

export * from './linear_model';
export * from './svm';
export * from './tree';
export * from './ensemble';
export * from './cluster';
export * from './decomposition';
export * from './metrics';
export * from './preprocessing';
export * from './model_selection';
export * from './datasets';
export * from './pointcloud';
