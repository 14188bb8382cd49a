import { GaussianMixture } from '@geolearn/algorithms';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { GaussianMixtureEm } from '../src/GaussianMixtureEm';
import { mixRgb } from '../src/GaussianMixtureEm/GmmPlot';
import { dataProblem, ellipse, logGauss, makeGmmData, responsibilities, runEm, type EmStep, type Pt } from '../src/GaussianMixtureEm/model';

afterEach(cleanup);

describe('GaussianMixtureEm model', () => {
  it('computes responsibilities and ellipses worked by hand', () => {
    // Two unit Gaussians at 0 and (2, 0), equal weights. At x = (1, 0) both densities are
    // equal, so γ = (½, ½); at x = (0, 0): γ₁ = 1 / (1 + e^{−2}) (the exponents are 0 and −2).
    const step: EmStep = { iteration: 1, means: [[0, 0], [2, 0]], covariances: [[[1, 0], [0, 1]], [[1, 0], [0, 1]]], weights: [0.5, 0.5], lowerBound: null, converged: false };
    const g = responsibilities([[1, 0], [0, 0]], step);
    expect(g[0][0]).toBeCloseTo(0.5, 12);
    expect(g[1][0]).toBeCloseTo(1 / (1 + Math.exp(-2)), 12);
    expect(logGauss([0, 0], [0, 0], [[1, 0], [0, 1]])).toBeCloseTo(-Math.log(2 * Math.PI), 12);
    // Σ = [[4, 0], [0, 1]]: 1σ half-axes 2 and 1 along x₁; 2σ doubles them. Σ = [[2, 1], [1, 2]]: λ = 3, 1 at 45°.
    expect(ellipse([[4, 0], [0, 1]], 2)).toEqual({ rx: 4, ry: 2, angle: 0 });
    const e = ellipse([[2, 1], [1, 2]]);
    expect(e.rx).toBeCloseTo(Math.sqrt(3), 12);
    expect(e.ry).toBeCloseTo(1, 12);
    expect(e.angle).toBeCloseTo(Math.PI / 4, 12);
    expect(mixRgb([0.5, 0.5], [[200, 0, 0], [0, 100, 50]])).toEqual([100, 50, 25]);
  });

  it('steps EM with a rising log-likelihood and ends where GaussianMixture.fit ends', () => {
    const X = makeGmmData('anisotropic', 300, 0);
    for (const type of ['full', 'tied', 'diag', 'spherical'] as const) {
      const run = runEm(X, 3, type, 0, 'random');
      expect(run.error).toBeNull();
      const ll = run.steps.flatMap((s) => (s.lowerBound === null ? [] : [s.lowerBound]));
      for (let i = 1; i < ll.length; i++) expect(ll[i]).toBeGreaterThanOrEqual(ll[i - 1] - 1e-9);
      const ref = new GaussianMixture({ nComponents: 3, covarianceType: type, randomState: 0, initParams: 'random' }).fit(X);
      expect(run.steps.at(-1)!.means[0][0]).toBeCloseTo(ref.means[0][0], 8);
      // The responsibilities of the last step equal predictProba of the fitted mixture.
      const g = responsibilities(X.slice(0, 5), run.steps.at(-1)!);
      const p = ref.predictProba(X.slice(0, 5));
      for (let i = 0; i < 5; i++) for (let k = 0; k < 3; k++) expect(g[i][k]).toBeCloseTo(p[i][k], 6);
    }
  });

  it('reports k > n and identical points, never throws', () => {
    const three: Pt[] = [[0, 0], [1, 1], [2, 0]];
    expect(dataProblem(three, 5)).toMatch(/k = 5 is more than the 3 points/);
    expect(runEm(three, 5, 'full', 0).error).toMatch(/k = 5/);
    const same = makeGmmData('identical', 30, 0);
    expect(dataProblem(same, 2)).toMatch(/identical/);
    expect(() => runEm(same, 2, 'full', 0)).not.toThrow();
  });
});

describe('GaussianMixtureEm component', () => {
  it('steps, charts the log-likelihood and switches covariance type', () => {
    render(<GaussianMixtureEm />);
    const status = screen.getByTestId('status');
    expect(status.getAttribute('data-iteration')).toBe('0');
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(status.getAttribute('data-iteration')).toBe('1');
    expect(screen.getByTestId('ll-chart').getAttribute('data-points')).toBe('1');
    expect(screen.getByTestId('components').getAttribute('data-k')).toBe('3');
    fireEvent.click(screen.getByRole('radio', { name: 'spherical' }));
    expect(status.getAttribute('data-iteration')).toBe('0');
  });

  it('shows a message for k > n, never throws', () => {
    render(<GaussianMixtureEm data={[[0, 0], [1, 1], [2, 0]]} defaultValue={{ k: 5 }} />);
    expect(screen.getByTestId('status').textContent).toMatch(/k = 5 is more than the 3 points/);
    expect(document.querySelector('.gl-explainer')!.getAttribute('data-state')).toBe('error');
  });
});

describe('GaussianMixtureEm iteration limit', () => {
  it('says so when EM stops at maxIter', async () => {
    const { statusText } = await import('../src/GaussianMixtureEm/model');
    const run = runEm(makeGmmData('anisotropic', 300, 0), 3, 'full', 0, 'random', 2);
    expect(run.steps.at(-1)!.limit).toBe(true);
    expect(statusText(run, run.steps.at(-1), null)).toMatch(/iteration limit \(2\) without converging/);
  });
});
