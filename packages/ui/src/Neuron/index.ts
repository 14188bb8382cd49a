export * from './Neuron';
