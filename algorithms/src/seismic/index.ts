/**
 * @geolearn/algorithms/seismic: waveforms as data. Synthetic three-component seismograms and
 * volcano-seismic events with exact labels, the slides' hand-made features (Table 1), signal
 * helpers (FFT, Butterworth filters, envelope, STA/LTA, spectrogram, min/max decimation for
 * drawing), and readers for miniSEED and SAC files.
 */
export { FormatError, type FormatProblem, type SeismicFormat } from './errors';
export { MAX_FFT_LENGTH, MAX_SIGNAL_SAMPLES, MAX_DECIMATE_COLUMNS } from './_checks';
export {
  fft,
  ifft,
  rfft,
  irfft,
  rfftFrequencies,
  isPowerOfTwo,
  nextPowerOfTwo,
  spectralWindow,
  powerSpectrum,
  type ComplexArray,
  type WindowType,
  type PowerSpectrum,
  type PowerSpectrumOptions,
} from './fft';
export {
  butterworth,
  frequencyResponse,
  sosfilt,
  sosfiltfilt,
  bandpass,
  type SecondOrderSections,
  type FilterType,
  type ButterworthOptions,
  type BandpassOptions,
} from './filter';
export { hilbert, envelope } from './envelope';
export {
  staLta,
  triggerOnset,
  staLtaTrigger,
  type StaLtaOptions,
  type TriggerOptions,
  type TriggerWindow,
  type StaLtaTriggerOptions,
  type TimedTriggerWindow,
} from './trigger';
export { spectrogram, type Spectrogram, type SpectrogramOptions } from './spectrogram';
export { minMaxDecimate, type MinMaxColumns } from './decimate';
export { seismicNoise, type SeismicNoiseOptions } from './noise';
export {
  syntheticSeismogram,
  ricker,
  bruneVelocity,
  COMPONENTS,
  type Component,
  type ThreeComponents,
  type SourceType,
  type SyntheticSeismogram,
  type SyntheticSeismogramOptions,
  type SyntheticSeismogramParameters,
} from './synthetic';
export {
  volcanicEvent,
  makeVolcanicDataset,
  VOLCANIC_CLASSES,
  VOLCANIC_CLASS_NAMES,
  SLIDES_CLASS_COUNTS,
  type VolcanicClass,
  type VolcanicEvent,
  type VolcanicEventOptions,
  type VolcanicDataset,
  type VolcanicDatasetOptions,
} from './volcanic';
export {
  waveformFeatures,
  waveformFeatureVector,
  waveformFeatureMatrix,
  waveformFeatureInfo,
  FEATURE_DOMAINS,
  FEATURES_PER_DOMAIN,
  type FeatureDomain,
  type WaveformFeature,
  type WaveformFeatureInfo,
  type WaveformFeatureOptions,
} from './features';
export { readMiniSeed, type MiniSeedFile, type MiniSeedRecordHeader, type SeismicTrace } from './miniseed';
export { readSac, type SacFile, type SacHeader } from './sac';
export {
  fetchDataselect,
  parseFdsnTime,
  FdsnError,
  NoDataError,
  FdsnTimeoutError,
  FDSN_MESSAGE_LIMIT,
  type FetchDataselectOptions,
  type DataselectResult,
  type FdsnProblem,
  type FetchLike,
  type FetchResponseLike,
} from './fdsn';
export {
  mergeTraces,
  groupComponents,
  fitWindow,
  windowStarts,
  sliceTrace,
  checkTraceFinite,
  traceId,
  TraceError,
  COMPONENT_SETS,
  type TraceProblem,
  type TraceGap,
  type TraceOverlap,
  type MergeTracesOptions,
  type MergedTraces,
  type ComponentGroup,
  type GroupComponentsOptions,
  type FitWindowOptions,
} from './traces';
export { prepareStreams, type PrepareStreamsOptions, type PreparedStream } from './prepare';
export { resample, resampleTrace, resampledLength, type ResampleOptions, type InterpolationMethod } from './resample';
export { makePickingDataset, makePickingWindow, pickingDatasetPlan, type PickingWindowPlan, evaluatePickingDataset, PICKING_SNR_BANDS, type PickingBandReport, type EvaluatePickingOptions, pickingTargets, normalizeWindow, preparePickingWindow, PICKING_HIGHPASS, pickPeaks, evaluatePicks, staLtaPick, isHeldOutSeed, PICKING_SAMPLE_RATE, PICKING_WINDOW, PICK_CLASSES, DEFAULT_PICK_SIGMA, PICKING_HELD_OUT, type PickingWindowOptions, type PickingWindow, type PickingDatasetOptions, type PickingDataset, type PickPeaksOptions, type Pick, type EvaluatePicksOptions, type PickScore, type PickEvaluation, type StaLtaPickOptions } from './picking';
export * from './detection';
export { autoencoderWindows, denoisingWindows, snrDb, AUTOENCODER_WINDOW_TYPES, AUTOENCODER_WINDOW_TYPE_NAMES, AUTOENCODER_WINDOW_LENGTH, AUTOENCODER_SAMPLE_RATE, AUTOENCODER_DISTANCE_RANGE, MAX_AUTOENCODER_WINDOWS, type AutoencoderWindowType, type AutoencoderWindowOptions, type AutoencoderDatasetOptions, type AutoencoderDataset, type DenoisingDatasetOptions, type DenoisingDataset } from './autoencoderData';
export { onsetSnrDb, ONSET_SNR_BANDS, type OnsetSnrOptions } from './snr';
