import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SearchComparison, gridSearchCost, humanDuration } from '../src';

afterEach(cleanup);

describe('SearchComparison', () => {
  it('does the slide arithmetic: ¼ hour for 2 parameters, over 30 years for 5', () => {
    expect(gridSearchCost(100, 2, 0.1).seconds).toBeCloseTo(1000);
    expect(humanDuration(1000)).toBe('16.7 minutes');
    expect(humanDuration(gridSearchCost(100, 5, 0.1).seconds)).toBe('31.7 years');
  });

  it('counts the loss evaluations of each method', () => {
    render(<SearchComparison />);
    expect(screen.getByTestId('grid').getAttribute('data-count')).toBe('100');
    expect(screen.getByTestId('random').getAttribute('data-count')).toBe('100');
    expect(Number(screen.getByTestId('gd').getAttribute('data-count'))).toBeLessThan(100);
  });

  it('steps from reset and is controlled', () => {
    const onValueChange = vi.fn();
    render(<SearchComparison onValueChange={onValueChange} />);
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ shown: 1 }));
    expect(screen.getByTestId('status').textContent).toMatch(/grid 1, random 1, gradient descent 1\./);
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Values per parameter' }), { target: { value: '10' } });
    expect(screen.getByTestId('cost-2').textContent).toMatch(/100 evaluations/);
  });

  it('is a kit explainer: sequential map with a colour key, kit sliders, bad defaultValue reported', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { container } = render(<SearchComparison defaultValue={{ gridPoints: 1 }} />);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('grid').getAttribute('data-count')).toBe('100');
    expect(screen.getByTestId('loss-key').getAttribute('data-kind') ?? container.querySelector('.gl-color-legend')?.getAttribute('data-kind')).toBe('sequential');
    expect(container.querySelectorAll('.gl-slider')).toHaveLength(2);
    expect(container.querySelectorAll('[data-gl-panel]')).toHaveLength(4);
    expect(container.querySelector('.gl-perf')).toBeNull();
    warn.mockRestore();
  });

  it('writes huge counts as m × 10ᵏ, not 1.00e+10', () => {
    render(<SearchComparison />);
    expect(screen.getByTestId('cost-5').textContent).toMatch(/1\.00 × 10¹⁰ evaluations × 0\.1 s = 1\.00 × 10⁹ s ≈ 31\.7 years/);
  });
});
