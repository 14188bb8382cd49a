export * from './Playground';
export {
  decodePlaygroundState,
  encodePlaygroundState,
  sanitizePlaygroundState,
  DEFAULT_PLAYGROUND_STATE,
  PLAYGROUND_RANGES,
  type PlaygroundState,
  type PlaygroundEdit,
  type PlaygroundSettings,
  type PlaygroundDataset,
  type FeatureName,
  type ProblemType,
  type PlaygroundActivation,
  type PlaygroundRegularization,
  type DecodedPlaygroundState,
} from './state';
export { parsePointsCsv, formatPointsCsv, type CsvResult } from './csv';
