import { KernelPCA } from '@geolearn/algorithms';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { KernelPcaExplorer } from '../src/KernelPcaExplorer';
import { dataProblem, kpcaParams, linearProjection, makeKpcaData, preImageError, projectionsFromJson, sigmaOf, thresholdAccuracy, DEFAULT_STATE, type Pt } from '../src/KernelPcaExplorer/model';

afterEach(cleanup);

describe('KernelPcaExplorer model', () => {
  it('scores a threshold and the pre-image error, worked by hand', () => {
    // Values 1, 2, 3, 4 with classes 0, 0, 1, 1: a cut between 2 and 3 gets all four right.
    expect(thresholdAccuracy([1, 2, 3, 4], [0, 0, 1, 1])).toBe(1);
    // Classes 0, 1, 0, 1: the best cut gets 3 of 4 (after 1: {1} | {2, 3, 4} → 0 | 1 gives 1 + 2 = 3).
    expect(thresholdAccuracy([1, 2, 3, 4], [0, 1, 0, 1])).toBe(0.75);
    // Error: ‖(0,0) − (3,4)‖² = 25 and 0, mean 12.5.
    expect(preImageError([[0, 0], [1, 1]], [[3, 4], [1, 1]])).toBe(12.5);
    // σ = 1/√(2γ): γ = 0.5 ↔ σ = 1.
    expect(sigmaOf(0.5)).toBe(1);
  });

  it('linear PCA keeps the circles nested, RBF kernel PCA unfolds them', () => {
    const { X, y } = makeKpcaData('circles', 300, 0);
    const lin = linearProjection(X);
    if (!('Z' in lin)) throw new Error(lin.error);
    expect(thresholdAccuracy(lin.Z.map((z) => z[0]), y)).toBeLessThan(0.7);
    const k = new KernelPCA(kpcaParams(DEFAULT_STATE)).fit(X);
    const Z = k.transform(X);
    expect(thresholdAccuracy(Z.map((z) => z[0]), y)).toBe(1);
    // With 8 components the pre-images land near the samples.
    const k8 = new KernelPCA(kpcaParams({ ...DEFAULT_STATE, nComponents: 8 })).fit(X);
    const R8 = k8.inverseTransform(k8.transform(X));
    expect(preImageError(X, R8)).toBeLessThan(0.01);
    // The projections and pre-images read from the JSON equal transform and inverseTransform.
    const fromJson = projectionsFromJson(k8.toJSON());
    const Z8 = k8.transform(X);
    for (const i of [0, 17, 299]) {
      expect(fromJson.Z[i][0]).toBeCloseTo(Z8[i][0], 8);
      expect(fromJson.R![i][0]).toBeCloseTo(R8[i][0], 6);
      expect(fromJson.R![i][1]).toBeCloseTo(R8[i][1], 6);
    }
  });

  it('reports identical points and too many components', () => {
    expect(dataProblem(makeKpcaData('identical', 30, 0).X, 2)).toMatch(/identical/);
    expect(dataProblem([[0, 0], [1, 1]] as Pt[], 4)).toMatch(/4 components are more than the 2 points/);
  });
});

describe('KernelPcaExplorer component', () => {
  it('fits, shows three panels and the pre-images', async () => {
    render(<KernelPcaExplorer nSamples={120} />);
    const status = screen.getByTestId('status');
    await waitFor(() => expect(status.getAttribute('data-busy')).toBe('false'), { timeout: 10000 });
    expect(status.textContent).toMatch(/separates 100 % of the two classes/);
    expect(document.querySelectorAll('[data-gl-panel]').length).toBe(3);
    expect(screen.getByTestId('kernel-plot').getAttribute('data-n')).toBe('120');
    expect(screen.getByTestId('pre-images').getAttribute('data-n')).toBe('120');
    fireEvent.click(screen.getByRole('button', { name: 'Pre-images' }));
    expect(screen.queryByTestId('pre-images')).toBeNull();
  });

  it('says why identical points have no components, never throws', () => {
    render(<KernelPcaExplorer defaultValue={{ dataset: 'identical' }} />);
    expect(screen.getByTestId('status').textContent).toMatch(/identical/);
    expect(document.querySelector('.gl-explainer')!.getAttribute('data-state')).toBe('error');
  });
});
