export { KMeans, type KMeansOptions, type KMeansStep, type KMeansJSON } from './KMeans';
export { MiniBatchKMeans, type MiniBatchKMeansOptions, type MiniBatchKMeansStep, type MiniBatchKMeansJSON } from './MiniBatchKMeans';
export { KMeansBase, type KMeansFitted, type KMeansFittedJSON } from './_kmeansBase';
export { DBSCAN, type DBSCANOptions, type DBSCANKind, type DBSCANJSON } from './DBSCAN';
export { GaussianMixture, type GaussianMixtureOptions, type GaussianMixtureStep, type CovarianceType, type GaussianMixtureJSON } from './GaussianMixture';
export { AgglomerativeClustering, type AgglomerativeClusteringOptions, type Linkage, type AgglomerativeClusteringJSON } from './AgglomerativeClustering';
export { SpectralClustering, type SpectralClusteringOptions, type SpectralClusteringStep, type SpectralClusteringJSON } from './SpectralClustering';
