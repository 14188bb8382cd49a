import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConvolutionExplorer } from '../src';
import { convolve2d, convolveAt, gridFrom, KERNELS } from '../src/ConvolutionExplorer/convolve';
import { expectAnimationStopsOnUnmount } from './helpers';

afterEach(cleanup);

describe('convolve2d', () => {
  it('flips the kernel, as (A ∗ B)ᵢⱼ = Σ Aₙₘ Bᵢ₋ₙ,ⱼ₋ₘ says', () => {
    // A one-pixel impulse convolved with B reproduces B itself (not B mirrored).
    const A = gridFrom([[0, 0, 0], [0, 1, 0], [0, 0, 0]]);
    const B = gridFrom([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    expect(Array.from(convolve2d(A, B).data)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Hand-worked: at (0, 0) only A₁₁ = 1 lies under the window, times B₋₁,₋₁ → B's top-left (index 0) = 1.
    expect(convolveAt(A, B, 0, 0).value).toBe(1);
  });

  it('agrees with the one-pixel form everywhere, and smoothing keeps the mean of a flat image', () => {
    const A = gridFrom(Array.from({ length: 6 }, (_, i) => Array.from({ length: 7 }, (_, j) => Math.sin(i + 2 * j))));
    const B = gridFrom(KERNELS.derivative1x5.rows);
    const full = convolve2d(A, B);
    for (let i = 0; i < 6; i++) for (let j = 0; j < 7; j++) expect(convolveAt(A, B, i, j).value).toBeCloseTo(full.data[i * 7 + j], 12);
    const flat = gridFrom(Array.from({ length: 9 }, () => Array(9).fill(1)));
    const s = convolve2d(flat, gridFrom(KERNELS.smooth5.rows));
    expect(s.data[4 * 9 + 4]).toBeCloseTo(1, 12);
  });
});

describe('ConvolutionExplorer', () => {
  it('steps the window and reports each state', () => {
    const onValueChange = vi.fn();
    render(<ConvolutionExplorer onValueChange={onValueChange} />);
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ position: 1 }));
    expect(screen.getByTestId('status').textContent).toMatch(/\(0, 1\)/);
  });

  it('moves the window with the arrow keys and edits the kernel', () => {
    render(<ConvolutionExplorer defaultValue={{ preset: 'identity', kernel: KERNELS.identity.rows }} />);
    const win = screen.getByRole('button', { name: /Kernel window/ });
    fireEvent.keyDown(win, { key: 'ArrowDown' });
    fireEvent.keyDown(win, { key: 'ArrowRight' });
    expect(win.getAttribute('data-i')).toBe('1');
    expect(win.getAttribute('data-j')).toBe('1');
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Kernel row 2, column 2' }), { target: { value: '2' } });
    expect((screen.getByRole('combobox', { name: 'Kernel' }) as HTMLSelectElement).value).toBe('custom');
  });

  it('cancels its animation frame on unmount', () => {
    expectAnimationStopsOnUnmount(<ConvolutionExplorer />);
  });
});
