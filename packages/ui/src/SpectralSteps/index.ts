export * from './SpectralSteps';
