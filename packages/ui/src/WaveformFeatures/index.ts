export * from './WaveformFeatures';
export { featureReference, zScores, type FeatureReference } from './reference';
