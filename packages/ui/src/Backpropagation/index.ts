export * from './Backpropagation';
