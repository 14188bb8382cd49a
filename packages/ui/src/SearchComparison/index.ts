export * from './SearchComparison';
