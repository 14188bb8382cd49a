export * from './ClusteringComparison';
