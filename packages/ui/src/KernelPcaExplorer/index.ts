export * from './KernelPcaExplorer';
