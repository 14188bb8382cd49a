export { KMeans, type KMeansOptions, type KMeansStep, type KMeansJSON } from './KMeans';
export { MiniBatchKMeans, type MiniBatchKMeansOptions, type MiniBatchKMeansStep } from './MiniBatchKMeans';
export { DBSCAN, type DBSCANOptions, type DBSCANKind } from './DBSCAN';
export { GaussianMixture, type GaussianMixtureOptions, type GaussianMixtureStep, type CovarianceType } from './GaussianMixture';
export { AgglomerativeClustering, type AgglomerativeClusteringOptions, type Linkage } from './AgglomerativeClustering';
export { SpectralClustering, type SpectralClusteringOptions, type SpectralClusteringStep } from './SpectralClustering';
