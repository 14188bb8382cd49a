/**
 * @geolearn/ui: embeddable React explainers for machine learning in the geosciences.
 * Every component is safe to import on a server and themed by `--gl-*` CSS variables.
 * The MNIST explainers (DigitDrawingPad, FeatureMaps) are in `@geolearn/ui/mnist`, so that an
 * app that does not use them gets none of their models, WASM or digits.
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
export * from './LearningTypes';
export * from './Playground';
export * from './Seismogram';
export * from './common/traceInput';
export * from './SpotTheSeismogram';
export * from './WaveformFeatures';
export * from './hooks/usePlayback';
export * from './PoolingStride';
export * from './worker';
export * from './SvmMargin';
export * from './KernelTrick';
export * from './ParameterCount';
export * from './KMeansStepper';
export * from './Backpropagation';
export * from './PcaExplorer';
export * from './Dbscan';
export * from './GaussianMixtureEm';
export * from './KernelPcaExplorer';
export * from './RegularizationPaths';
export * from './ModelChooser';
export * from './ConfusionMatrix';
export * from './Representation';
export * from './IcaVsPca';
export * from './TreeAndForest';
export * from './SpectralSteps';
export * from './ClusteringComparison';
export * from './LidarClassification';
