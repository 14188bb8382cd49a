export * from './LinearRegression';
export * from './Ridge';
export * from './ElasticNet';
export * from './SGDRegressor';
export * from './LogisticRegression';
export * from './paths';
