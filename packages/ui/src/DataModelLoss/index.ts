export * from './DataModelLoss';
