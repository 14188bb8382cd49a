export * from './KernelTrick';
