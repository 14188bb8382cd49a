export * from './Playground';
export {
  decodePlaygroundState,
  encodePlaygroundState,
  parsePointsCsv,
  formatPointsCsv,
  DEFAULT_PLAYGROUND_STATE,
  type PlaygroundState,
  type PlaygroundEdit,
  type PlaygroundDataset,
  type FeatureName,
  type ProblemType,
  type PlaygroundActivation,
  type PlaygroundRegularization,
  type DecodedPlaygroundState,
  type CsvResult,
} from './state';
