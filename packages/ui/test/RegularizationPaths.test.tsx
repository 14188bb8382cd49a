import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Lasso, sliderRange } from '@geolearn/algorithms';
import { RegularizationPaths } from '../src';
import { DIABETES, entryPoints, LAMBDA_GRID, LAMBDA_SLIDER, STATE_CHECKS, evaluate, fitAt, fmt, prepare, statusText, type PathPoint } from '../src/RegularizationPaths/model';

afterEach(cleanup);

describe('RegularizationPaths model', () => {
  it('splits the diabetes data 80/20 and z-scores on the training rows', () => {
    const p = prepare(DIABETES, 0);
    expect(p.Xtrain.length).toBe(354);
    expect(p.Xtest.length).toBe(88);
    for (let j = 0; j < 10; j++) {
      const m = p.Xtrain.reduce((s, r) => s + r[j], 0) / p.Xtrain.length;
      const v = p.Xtrain.reduce((s, r) => s + (r[j] - m) ** 2, 0) / p.Xtrain.length;
      expect(m).toBeCloseTo(0, 10);
      expect(v).toBeCloseTo(1, 10);
    }
    expect(prepare(DIABETES, 0).ytest).toEqual(p.ytest); // seeded
    expect(prepare(DIABETES, 1).ytest).not.toEqual(p.ytest);
  });

  it('hand-worked lasso: one z-scored feature, w = S(xᵀy/N, λ)', () => {
    // x = (−1, 1, −1, 1, …) z-scored already, y = 2x + 5: xᵀỹ/N = 2, so w(λ) = max(2 − λ, 0).
    const rows = Array.from({ length: 20 }, (_, i) => [i % 2 ? 1 : -1, (i % 2 ? 1 : -1) * 2 + 5]);
    const p = { names: ['x'], Xtrain: rows.map((r) => [r[0]]), ytrain: rows.map((r) => r[1]), Xtest: [[1]], ytest: [7], yMean: 5 };
    expect(fitAt('lasso', 0.5, p).coef[0]).toBeCloseTo(1.5, 8);
    expect(fitAt('lasso', 3, p).coef[0]).toBe(0);
    // Ridge at the same scaling: w = (xᵀỹ/N)/(‖x‖²/N + λ) = 2/(1 + λ).
    expect(fitAt('ridge', 1, p).coef[0]).toBeCloseTo(1, 8);
    // Elastic net ρ = ½: w = S(2, λ/2)/(1 + λ/2) → λ = 2: 1/2.
    expect(fitAt('enet', 2, p).coef[0]).toBeCloseTo(0.5, 8);
    const e = evaluate([2], 5, p);
    expect(e.testMse).toBe(0);
  });

  it('finds where a weight enters, linearly in λ between knots', () => {
    const pt = (lambda: number, c: number): PathPoint => ({ lambda, coef: [c], trainMse: 0, testMse: 0 });
    // w(λ) = 2 − λ for λ < 2: on the grid 0.5, 1, 1.5, 3 it enters at λ = 2.
    expect(entryPoints([pt(0.5, 1.5), pt(1, 1), pt(1.5, 0.5), pt(3, 0)])[0]).toBeCloseTo(2, 10);
    expect(entryPoints([pt(1, 1), pt(2, 1)])[0]).toBeNull(); // never zero on the grid
  });

  it('says how many weights are non-zero with real minus signs', () => {
    const s = statusText({ model: 'lasso', lambda: 1, seed: 0 }, { coef: [0, -1.5], intercept: 1, trainMse: 2, testMse: 4, testPred: [] }, ['a', 'b']);
    expect(s).toBe('Lasso at λ = 1: 1 of 2 weights non-zero (zero: a). Test MSE 4 (RMSE 2), training MSE 2.');
    expect(fmt(-0.5)).toBe('−0.5');
  });
});

describe('RegularizationPaths', () => {
  it('renders the lasso on the diabetes data and fills in the path', async () => {
    vi.useFakeTimers();
    render(<RegularizationPaths width={700} />);
    const status = screen.getByTestId('status');
    expect(status.textContent).toMatch(/^Lasso at λ = 1: 8 of 10 weights non-zero \(zero: age, s2\)/);
    await act(async () => {
      await vi.runAllTimersAsync();
    });
    expect(status.getAttribute('data-path')).toBe('done');
    expect(document.querySelectorAll('.gl-rp-entry').length).toBeGreaterThanOrEqual(9);
    vi.useRealTimers();
  });

  it('large λ zeroes every lasso weight; ridge keeps them all', () => {
    const onValueChange = vi.fn();
    render(<RegularizationPaths defaultValue={{ lambda: 100 }} onValueChange={onValueChange} />);
    const status = screen.getByTestId('status');
    expect(status.getAttribute('data-nonzero')).toBe('0');
    fireEvent.click(screen.getByRole('radio', { name: 'Ridge' }));
    expect(status.getAttribute('data-nonzero')).toBe('10');
    expect(onValueChange).toHaveBeenLastCalledWith({ model: 'ridge', lambda: 100, seed: 11 });
  });

  it('moves λ with the handle keys (1/20 decade) and the slider', () => {
    render(<RegularizationPaths />);
    const handle = screen.getByRole('button', { name: /Regularisation strength λ = 1;/ });
    fireEvent.keyDown(handle, { key: 'ArrowRight', shiftKey: true });
    expect(screen.getByTestId('status').textContent).toMatch(/λ = 3\.16/);
    fireEvent.keyDown(handle, { key: 'End' });
    expect(screen.getByTestId('status').textContent).toMatch(/λ = 1000: 0 of 10/);
  });

  it('reports bad data in the status instead of throwing', () => {
    render(<RegularizationPaths data={{ names: ['x'], rows: [[1, 2]] }} />);
    expect(screen.getByTestId('status').textContent).toMatch(/at least 10 rows/);
    expect(screen.getByRole('figure').getAttribute('data-state')).toBe('error');
  });

  it('warns once about a bad defaultValue and falls back', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(<RegularizationPaths defaultValue={{ lambda: -1, model: 'ols' as never }} />);
    expect(warn).toHaveBeenCalled();
    expect(screen.getByTestId('status').textContent).toMatch(/^Lasso at λ = 1:/);
    warn.mockRestore();
  });
});

describe('RegularizationPaths λ slider from Lasso.paramSpec', () => {
  it("is Lasso's alpha range (log), and so is the path grid", () => {
    const spec = sliderRange(Lasso.paramSpec.alpha)!;
    expect(LAMBDA_SLIDER).toEqual({ min: spec.min, max: spec.max, scale: 'log' });
    expect(LAMBDA_GRID[0]).toBeCloseTo(spec.min, 12);
    expect(LAMBDA_GRID[LAMBDA_GRID.length - 1]).toBeCloseTo(spec.max, 9);
    render(<RegularizationPaths />);
    const input = screen.getByTestId('lambda-slider');
    expect(Number(input.getAttribute('min'))).toBeCloseTo(Math.log10(spec.min), 12);
    expect(Number(input.getAttribute('max'))).toBeCloseTo(Math.log10(spec.max), 12);
    expect(STATE_CHECKS.lambda(spec.max)).toBe(true);
    expect(STATE_CHECKS.lambda(spec.max * 2)).toBe(false);
    expect(STATE_CHECKS.lambda(-1)).toBe(false);
  });
});
