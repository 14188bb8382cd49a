/**
 * KMeans and PCA against their ml.js peers on the same data (scikit-learn 1.2.1 reference
 * datasets): make_blobs(10000, 5 centres) and digits (1797 × 64). Run with
 * `npx vitest bench --run algorithms/bench/unsupervised.bench.ts`.
 *
 * scikit-learn's own fits, measured on the reference machine kind (fixtures README): KMeans
 * (k = 5, nInit 10) 13.4 ms, PCA 4.1 ms.
 */
import { kmeans } from 'ml-kmeans';
import { PCA as MlPCA } from 'ml-pca';
import { bench, describe } from 'vitest';
import { KMeans } from '../src/cluster';
import { PCA } from '../src/decomposition';
import { dataset } from '../test/fixtures/sklearn';

const blobs = dataset('blobs').X;
const digits = dataset('digits').X;

function inertiaOf(X: number[][], labels: number[], centres: number[][]): number {
  return X.reduce((s, x, i) => s + x.reduce((t, v, j) => t + (v - centres[labels[i]][j]) ** 2, 0), 0);
}

// Printed once, so the closing note can report equal-or-better inertia.
const ours = new KMeans({ nClusters: 5, randomState: 0 }).fit(blobs);
const ours1 = new KMeans({ nClusters: 5, nInit: 1, randomState: 0 }).fit(blobs);
const peer = kmeans(blobs, 5, { seed: 0 });
console.log(
  `[inertia] KMeans nInit 10: ${ours.inertia.toFixed(3)}; KMeans nInit 1: ${ours1.inertia.toFixed(3)}; ml-kmeans: ${inertiaOf(blobs, peer.clusters, peer.centroids).toFixed(3)} (scikit-learn 18117.852)`,
);

describe('KMeans k=5 on 10,000 blobs', () => {
  bench('geolearn KMeans (nInit 10, as scikit-learn)', () => {
    new KMeans({ nClusters: 5, nInit: 10, randomState: 0 }).fit(blobs);
  });
  bench('geolearn KMeans (nInit 1)', () => {
    new KMeans({ nClusters: 5, nInit: 1, randomState: 0 }).fit(blobs);
  });
  bench('ml-kmeans (1 run, k-means++)', () => {
    kmeans(blobs, 5, { seed: 0 });
  });
});

describe('PCA on digits 1797×64', () => {
  bench('geolearn PCA', () => {
    new PCA().fit(digits);
  });
  bench('ml-pca', () => {
    new MlPCA(digits);
  });
});
