/**
 * @geolearn/ui: embeddable React explainers for machine learning in the geosciences.
 * Every component is safe to import on a server and themed by `--gl-*` CSS variables.
 */
export * from './hooks/useControllableState';
export * from './hooks/useAnimationLoop';
export * from './hooks/useReducedMotion';
export * from './common/Responsive';
export * from './common/Tex';
export * from './common/Axis';
export * from './common/theme';
export * from './common/field';
export * from './kit';
export * from './LossLandscape';
export * from './Neuron';
export * from './ConvolutionExplorer';
export * from './XorNet';
export * from './LearningRateExplorer';
export * from './SearchComparison';
export * from './BatchSizeExplorer';
export * from './OverfittingExplorer';
export * from './DataModelLoss';
export * from './Playground';
export * from './Seismogram';
export * from './SpotTheSeismogram';
export * from './WaveformFeatures';
export * from './DigitDrawingPad';
export * from './FeatureMaps';
export * from './hooks/usePlayback';
