export * from './KMeansStepper';
