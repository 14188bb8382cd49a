export * from './TransferLearning';
