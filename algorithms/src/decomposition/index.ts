export { PCA, type PCAOptions, type PCAJSON } from './PCA';
export { TruncatedSVD, type TruncatedSVDOptions } from './TruncatedSVD';
export { svd, type SVDResult } from './svd';
export { FastICA, type FastICAOptions, type FastICAStep } from './FastICA';
export { KernelPCA, type KernelPCAOptions, type KernelPCAKernel } from './KernelPCA';
export { makeSources, type MakeSourcesOptions, type SourcesDataset, type SourceKind } from './sources';
