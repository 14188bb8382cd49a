export * from './Dbscan';
