export * from './LossLandscape';
