export * from './OverfittingExplorer';
