export * from './LinearRegression';
