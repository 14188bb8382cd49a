export * from './LearningRateExplorer';
