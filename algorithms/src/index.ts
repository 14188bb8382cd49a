/**
 * @geolearn/algorithms: the methods of the course "AI and Machine Learning for
 * Geosciences", named and configured like scikit-learn's. No DOM; safe on a server.
 */
export { RandomState, checkRandomState, type RandomStateLike } from './core/random';
export { ValidationError, NotFittedError, type ValidationProblem } from './core/errors';
export * from './core/matrix';
export * from './core/validation';

export * from './optimize/objectives';
export * from './optimize/minimize';

export * from './linear_model/LinearRegression';

export * from './datasets/line';
