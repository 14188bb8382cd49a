export * from './PhasePicker';
