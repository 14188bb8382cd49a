export { PCA, type PCAOptions, type PCAJSON } from './PCA';
export { TruncatedSVD, type TruncatedSVDOptions, type TruncatedSVDJSON } from './TruncatedSVD';
export { svd, type SVDResult } from './svd';
export { FastICA, type FastICAOptions, type FastICAStep, type FastICAJSON } from './FastICA';
export { KernelPCA, type KernelPCAOptions, type KernelPCAKernel, type KernelPCAJSON } from './KernelPCA';
export { makeSources, type MakeSourcesOptions, type SourcesDataset, type SourceKind } from './sources';
