export * from './LearningTypes';
