import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataModelLoss, type DataModelLossState } from '../src';

afterEach(cleanup);

describe('DataModelLoss', () => {
  const value: DataModelLossState = { points: [[1, 1], [2, 3], [3, 3]], a: 0, b: 0 };

  it('shows the loss as the mean area of the residual squares', () => {
    render(<DataModelLoss value={value} />);
    // residuals 1, 3, 3: (1 + 9 + 9) / 3
    expect(Number(screen.getByTestId('status').getAttribute('data-loss'))).toBeCloseTo(19 / 3);
    expect(document.querySelectorAll('[data-testid="residual-square"]')).toHaveLength(3);
  });

  it('moves the intercept and slope handles from the keyboard', () => {
    const onValueChange = vi.fn();
    render(<DataModelLoss defaultValue={value} onValueChange={onValueChange} />);
    fireEvent.keyDown(screen.getByRole('button', { name: /Intercept b/ }), { key: 'ArrowUp' });
    expect(onValueChange).toHaveBeenLastCalledWith({ ...value, b: 0.1 });
    fireEvent.keyDown(screen.getByRole('button', { name: /Slope a/ }), { key: 'ArrowUp', shiftKey: true });
    // the line turns about its intercept: a = (ŷ(5) + 0.5 − b)/5
    expect(onValueChange.mock.lastCall![0].a).toBeCloseTo(0.1);
    fireEvent.keyDown(screen.getByRole('button', { name: /Data point 2/ }), { key: 'ArrowLeft' });
    expect(onValueChange.mock.lastCall![0].points[1][0]).toBeCloseTo(1.9);
  });

  it('fits θ* = argmin 𝓛 (closed form)', () => {
    const onValueChange = vi.fn();
    // matchMedia reduce: the fit jumps.
    vi.stubGlobal('matchMedia', () => ({ matches: true, addEventListener() {}, removeEventListener() {} }));
    render(<DataModelLoss defaultValue={value} onValueChange={onValueChange} />);
    fireEvent.click(screen.getByRole('button', { name: /Fit/ }));
    const last = onValueChange.mock.lastCall![0] as DataModelLossState;
    // x̄ = 2, ȳ = 7/3, a* = Σ(x−x̄)(y−ȳ)/Σ(x−x̄)² = 2/2 = 1, b* = 7/3 − 2 = 1/3
    expect(last.a).toBeCloseTo(1);
    expect(last.b).toBeCloseTo(1 / 3);
    expect(screen.getByTestId('status').textContent).toMatch(/this is θ\*/);
    vi.unstubAllGlobals();
  });
});
