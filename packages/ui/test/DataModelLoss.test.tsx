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
    // Shift moves 10 steps (1.0); the line turns about its intercept: a = (ŷ(5) + 1 − b)/5
    expect(onValueChange.mock.lastCall![0].a).toBeCloseTo(0.2);
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

  it('drags a point through useMovable: the pointer maps through the plot box (CSS-scaled page)', () => {
    const onValueChange = vi.fn();
    render(<DataModelLoss defaultValue={value} onValueChange={onValueChange} width={520} height={420} />);
    const area = document.querySelector('.gl-plot-bg') as SVGRectElement;
    // The plot area is drawn at half size on screen (a slide scaled by 0.5): 6 data units over its box.
    const side = Number(area.getAttribute('width'));
    area.getBoundingClientRect = () => ({ left: 100, top: 50, width: side / 2, height: side / 2, right: 100 + side / 2, bottom: 50 + side / 2, x: 100, y: 50, toJSON() {} }) as DOMRect;
    const point = screen.getByRole('button', { name: /Data point 1:/ });
    fireEvent.pointerDown(point, { clientX: 0, clientY: 0, pointerId: 1, button: 0 });
    // The centre of the box on screen is (3, 3) in data units.
    fireEvent.pointerMove(point, { clientX: 100 + side / 4, clientY: 50 + side / 4, pointerId: 1 });
    fireEvent.pointerUp(point, { pointerId: 1 });
    const p = onValueChange.mock.lastCall![0].points[0];
    expect(p[0]).toBeCloseTo(3, 5);
    expect(p[1]).toBeCloseTo(3, 5);
  });

  it('is a kit explainer: frame, data-state, minus signs, bad input reported', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { container } = render(<DataModelLoss defaultValue={{ a: -1.5, b: 'x' as unknown as number, bogus: 1 } as never} data-x="1" />);
    const root = container.querySelector('figure.gl-explainer')!;
    expect(root.getAttribute('data-state')).toBe('idle');
    expect(root.getAttribute('data-x')).toBe('1');
    expect(warn).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId('status').textContent).toMatch(/θ = \(−1\.5, 3\.5\)/);
    expect(container.querySelectorAll('[data-gl-panel]').length).toBeGreaterThan(0);
    cleanup();
    render(<DataModelLoss width={0} />);
    expect(screen.getByRole('alert').textContent).toMatch(/width must be a positive number/);
    warn.mockRestore();
  });
});
