export * from './TreeAndForest';
