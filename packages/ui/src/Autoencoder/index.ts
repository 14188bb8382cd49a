export * from './Autoencoder';
