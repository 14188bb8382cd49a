export * from './ConvolutionExplorer';
export type { KernelPreset, ExplorerImage } from './convolve';
