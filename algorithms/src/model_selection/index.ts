export { trainTestSplit, type TrainTestSplitOptions, type TrainTestSplit } from './trainTestSplit';
export * from './curves';
