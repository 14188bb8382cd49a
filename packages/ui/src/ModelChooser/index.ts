export * from './ModelChooser';
