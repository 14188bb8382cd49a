export * from './DigitDrawingPad';
export type { Stroke } from './rasterize';
export type { MnistModelKind, MnistModelSource } from '../common/mnistModels';
