export * from './ConfusionMatrix';
