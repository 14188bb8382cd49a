export * from './RegularizationPaths';
