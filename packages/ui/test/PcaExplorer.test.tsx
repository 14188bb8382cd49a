import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PcaExplorer, type PcaExplorerState } from '../src/PcaExplorer';
import { covariance, DEFAULT_STATE, eigen2, fitPca, matVec, reconstruct, reconstructionError, shapeCloud, standardCloud, withAxis1, withAxis2, type Vec2 } from '../src/PcaExplorer/model';

afterEach(cleanup);

describe('PcaExplorer model', () => {
  it('works the covariance and its eigenpairs by hand', () => {
    // Points (−1, −1), (1, 1), (−1, 1), (1, −1) stretched ×2 along x₁: (−2, −1), (2, 1), (−2, 1), (2, −1).
    // Mean 0; C = XᵀX/3 = [[16/3, 0], [0, 4/3]]; eigenvalues 16/3 and 4/3, eigenvectors the axes.
    const X: Vec2[] = [[-2, -1], [2, 1], [-2, 1], [2, -1]];
    const { mean, C } = covariance(X);
    expect(mean).toEqual([0, 0]);
    expect(C[0][0]).toBeCloseTo(16 / 3, 12);
    expect(C[0][1]).toBeCloseTo(0, 12);
    expect(C[1][1]).toBeCloseTo(4 / 3, 12);
    const e = eigen2(C);
    expect(e.values[0]).toBeCloseTo(16 / 3, 12);
    expect(e.values[1]).toBeCloseTo(4 / 3, 12);
    expect(Math.abs(e.vectors[0][0])).toBeCloseTo(1, 12);
    // [[2, 1], [1, 2]]: λ = 3 with (1, 1)/√2, λ = 1 with (−1, 1)/√2.
    const f = eigen2([[2, 1], [1, 2]]);
    expect(f.values).toEqual([3, 1]);
    expect(f.vectors[0][0]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(f.vectors[0][1]).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('agrees with PCA from @geolearn/algorithms: same axes (up to sign) and variances, C v = λ v', () => {
    for (const [angle, spread] of [[30, [1.6, 0.5]], [-70, [0.4, 2]], [95, [1, 0.9]]] as const) {
      const X = shapeCloud(standardCloud(300, 1), { center: [0.5, -1], angle, spread: [...spread] as Vec2 });
      const fit = fitPca(X);
      const mine = eigen2(fit.C);
      for (let i = 0; i < 2; i++) {
        const v = fit.components[i];
        const dot = v[0] * mine.vectors[i][0] + v[1] * mine.vectors[i][1];
        expect(Math.abs(dot)).toBeCloseTo(1, 10);
        expect(fit.variances[i]).toBeCloseTo(mine.values[i], 10);
        const Cv = matVec(fit.C, v);
        expect(Cv[0]).toBeCloseTo(fit.variances[i] * v[0], 10);
        expect(Cv[1]).toBeCloseTo(fit.variances[i] * v[1], 10);
      }
      expect(fit.ratios[0] + fit.ratios[1]).toBeCloseTo(1, 12);
      // Dropping PC₂ costs (n − 1)/n · λ₂ per sample; keeping both costs nothing.
      expect(reconstructionError(X, reconstruct(fit, 1))).toBeCloseTo((299 / 300) * fit.variances[1], 10);
      expect(reconstructionError(X, reconstruct(fit, 2))).toBeCloseTo(0, 10);
    }
  });

  it('turns handle drags into the cloud’s angle and spreads', () => {
    const s = withAxis1(DEFAULT_STATE, [DEFAULT_STATE.center[0], DEFAULT_STATE.center[1] + 3]);
    expect(s.angle).toBe(90);
    expect(s.spread[0]).toBe(1.5);
    expect(withAxis2(s, [DEFAULT_STATE.center[0] - 1, DEFAULT_STATE.center[1] + 42]).spread[1]).toBe(0.5);
  });

  it('says so for identical samples, never throws', () => {
    const fit = fitPca(shapeCloud(standardCloud(20, 0), { center: [1, 1], angle: 0, spread: [0, 0] }));
    expect(fit.problem).toMatch(/identical/);
  });
});

describe('PcaExplorer', () => {
  it('walks the three steps: covariance, eigenvectors with C v = λ v, projection', () => {
    render(<PcaExplorer />);
    expect(screen.getByTestId('covariance')).toBeTruthy();
    expect(screen.queryByTestId('eigen-check')).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: '2 Eigenvectors' }));
    const rows = screen.getByTestId('eigen-check').querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    rows.forEach((r) => expect(Number(r.getAttribute('data-gap'))).toBeLessThan(1e-9));
    expect(screen.getByTestId('pc1')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: '3 Project' }));
    expect(screen.getByTestId('variance-ratio').getAttribute('data-ratios')!.split(',')).toHaveLength(2);
    expect(screen.getByTestId('status').textContent).toMatch(/k = 1 keeps \d+\.\d % of the variance/);
    fireEvent.click(screen.getByRole('radio', { name: 'k = 2' }));
    expect(Number(screen.getByTestId('reconstruction-error').getAttribute('data-error'))).toBeLessThan(1e-9);
  });

  it('rotates the cloud from the keyboard on the axis handle', () => {
    const onValueChange = vi.fn();
    render(<PcaExplorer onValueChange={onValueChange} />);
    const before = Number(screen.getByTestId('c12').textContent!.replace('−', '-'));
    const handle = screen.getByRole('button', { name: /Long axis/ });
    for (let i = 0; i < 5; i++) fireEvent.keyDown(handle, { key: 'ArrowDown', shiftKey: true });
    const last = onValueChange.mock.lastCall![0] as PcaExplorerState;
    expect(last.angle).toBeLessThan(DEFAULT_STATE.angle);
    const after = Number(screen.getByTestId('c12').textContent!.replace('−', '-'));
    expect(after).toBeLessThan(before);
  });

  it('projects the samples (toggle) and reports it', () => {
    const onValueChange = vi.fn();
    render(<PcaExplorer onValueChange={onValueChange} />);
    fireEvent.click(screen.getByRole('button', { name: 'Project the samples' }));
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ step: 3, projected: true }));
    expect(screen.getByTestId('projection')).toBeTruthy();
  });

  it('is an Explainer with rest props and a ref; a flat cloud gives a message', () => {
    const ref = { current: null as HTMLElement | null };
    render(<PcaExplorer ref={ref} id="pca" data-course="8" defaultValue={{ spread: [0, 0] }} />);
    const fig = screen.getByRole('figure', { name: 'Principal component analysis' });
    expect(fig.id).toBe('pca');
    expect(ref.current).toBe(fig);
    expect(fig.getAttribute('data-state')).toBe('error');
    expect(screen.getByTestId('status').textContent).toMatch(/identical/);
  });
});

describe('PcaExplorer: the SVD view', () => {
  it('decomposes A = UΣVᵀ (worked by hand for a diagonal A) and the product gives A back', async () => {
    const { svd2 } = await import('../src/PcaExplorer/svdModel');
    // A = diag(3, −2): σ = 3, 2; the unit circle ends as the ellipse with semi-axes 3 and 2.
    const d = svd2([[3, 0], [0, -2]]);
    expect(d.S[0]).toBeCloseTo(3, 12);
    expect(d.S[1]).toBeCloseTo(2, 12);
    expect(d.product[1][1]).toBeCloseTo(-2, 12);
    const last = d.stages[3].circle;
    expect(Math.max(...last.map((p) => Math.abs(p[0])))).toBeCloseTo(3, 6);
    const e = svd2([[1.5, 1], [0.3, 1.2]]);
    e.product.flat().forEach((v, i) => expect(v).toBeCloseTo([1.5, 1, 0.3, 1.2][i], 12));
  });

  it('shows the view, edits A, and links the data’s SVD to λ', () => {
    render(<PcaExplorer defaultValue={{ step: 2 }} />);
    fireEvent.click(screen.getByRole('button', { name: 'SVD view' }));
    const lambda = screen.getByTestId('data-svd').getAttribute('data-lambda')!.split(',').map(Number);
    const shown = screen.getByTestId('eigen-check').previousElementSibling!.textContent!;
    expect(shown).toContain(`λ₁ = ${lambda[0].toFixed(3)}`);
    const before = screen.getByTestId('svd-numbers').getAttribute('data-s');
    fireEvent.change(screen.getByTestId('a12'), { target: { value: '0' } });
    fireEvent.blur(screen.getByTestId('a12'));
    expect(screen.getByTestId('svd-numbers').getAttribute('data-s')).not.toBe(before);
  });
});
