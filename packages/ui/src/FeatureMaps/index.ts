export * from './FeatureMaps';
