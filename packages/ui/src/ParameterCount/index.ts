export * from './ParameterCount';
