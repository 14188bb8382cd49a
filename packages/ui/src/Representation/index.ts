export * from './Representation';
