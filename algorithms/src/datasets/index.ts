export * from './line';
export { makeMoons, makeCircles, makeBlobs, MAX_DATASET_VALUES, type LabelledDataset, type MakeMoonsOptions, type MakeCirclesOptions, type MakeBlobsOptions, type BlobsDataset } from './shapes';
export * from './generators';
export * from './playground';
export * from './iris';
