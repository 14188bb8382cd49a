export * from './PcaExplorer';
