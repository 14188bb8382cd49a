/**
 * The design system every explainer is built on: the frame, the controls, the plot
 * parts and the base CSS. Exported for users too.
 */
export * from './Explainer';
export * from './explainerProps';
export * from './BaseStyles';
export * from './buttons';
export * from './Segmented';
export * from './Slider';
export * from './NumberField';
export * from './MovablePoint';
export * from './PerformanceReadout';
export * from './Legend';
export * from './ColorLegend';
export * from './Heatmap';
export * from './ContourPlot';
export * from '../common/LineChart';
export * from '../common/colors';
export * from '../styles/tokens';
export * from '../styles/baseCss';
export * from '../hooks/useMovable';
export * from '../hooks/useContainerWidth';
export * from '../hooks/useColorScheme';
