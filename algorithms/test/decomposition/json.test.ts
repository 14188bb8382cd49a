import { describe, expect, it } from 'vitest';
import { FastICA, KernelPCA, PCA, TruncatedSVD, ValidationError, makeSources } from '../../src';

// Every fitted decomposition round-trips through plain JSON (permalinks and export) and
// transforms new data exactly as before.
describe('decompositions as JSON', () => {
  const { X } = makeSources({ nSamples: 300, randomState: 0 });
  const probe = X.slice(0, 5);
  const roundTrip = <T extends { toJSON(): unknown }>(m: T) => JSON.parse(JSON.stringify(m.toJSON()));

  it('FastICA', () => {
    const m = new FastICA({ nComponents: 3, randomState: 0 }).fit(X);
    expect(FastICA.fromJSON(roundTrip(m)).transform(probe)).toEqual(m.transform(probe));
  });

  it('TruncatedSVD', () => {
    const m = new TruncatedSVD({ nComponents: 2 }).fit(X);
    expect(TruncatedSVD.fromJSON(roundTrip(m)).transform(probe)).toEqual(m.transform(probe));
  });

  it('KernelPCA, with its inverse transform', () => {
    const m = new KernelPCA({ nComponents: 2, kernel: 'rbf', gamma: 0.5, fitInverseTransform: true }).fit(X.slice(0, 80));
    const back = KernelPCA.fromJSON(roundTrip(m));
    expect(back.transform(probe)).toEqual(m.transform(probe));
    expect(back.inverseTransform(m.transform(probe))).toEqual(m.inverseTransform(m.transform(probe)));
  });

  it('rejects JSON of another estimator', () => {
    const pca = new PCA().fit(X).toJSON();
    expect(() => FastICA.fromJSON(pca as never)).toThrow(ValidationError);
    expect(() => KernelPCA.fromJSON(pca as never)).toThrow(ValidationError);
    expect(() => TruncatedSVD.fromJSON(pca as never)).toThrow(ValidationError);
  });
});
