export * from './PolynomialFeatures';
export * from './StandardScaler';
export * from './Pipeline';
