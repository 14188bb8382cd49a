export * from './objectives';
export * from './minimize';
export * from './search';
