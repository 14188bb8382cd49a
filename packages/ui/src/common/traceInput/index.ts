/**
 * Bringing real seismic records into the explainers: `loadTraceFile` (pure: read, merge,
 * group, resample, band-pass, window, with notes) and `TraceDropZone` (drop a file on a
 * widget or pick one; shows the notes or the error and keeps the previous trace).
 */
export {
  loadTraceFile,
  prepareTraces,
  readTraceBytes,
  sniffFormat,
  type LoadTraceOptions,
  type LoadedTraces,
  type MissingComponents,
} from './loadTraceFile';
export { TraceDropZone, TraceDropStyles, fileBytes, loadMessage, traceDropCss, type TraceDropZoneProps, type TraceDropState } from './TraceDropZone';
