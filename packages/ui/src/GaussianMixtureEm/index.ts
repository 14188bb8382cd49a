export * from './GaussianMixtureEm';
