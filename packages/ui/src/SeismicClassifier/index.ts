export * from './SeismicClassifier';
