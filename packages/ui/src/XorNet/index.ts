export * from './XorNet';
