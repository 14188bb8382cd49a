export * from './BatchSizeExplorer';
