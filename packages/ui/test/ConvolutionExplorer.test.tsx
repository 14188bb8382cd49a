import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConvolutionExplorer } from '../src';
import { convolve2d, convolveAt, flipKernel, gridFrom, kernelText, KERNELS, windowProducts } from '../src/ConvolutionExplorer/convolve';
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

describe('ConvolutionExplorer (issue 13 defects)', () => {
  it('the 1×5 derivative preset computes +∂/∂x: a ramp of slope 1 gives 1', () => {
    const ramp = gridFrom([Array.from({ length: 9 }, (_, m) => m)]);
    expect(convolve2d(ramp, gridFrom(KERNELS.derivative1x5.rows)).data[4]).toBeCloseTo(1, 12);
    expect(KERNELS.derivative1x5.label).toMatch(/∂\/∂x/);
  });

  it('lists the window products with the flipped kernel; they sum to the output pixel', () => {
    const A = gridFrom(Array.from({ length: 6 }, (_, i) => Array.from({ length: 6 }, (_, j) => Math.cos(i * j))));
    const B = gridFrom([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    expect(flipKernel([[1, 2, 3], [4, 5, 6], [7, 8, 9]])).toEqual([[9, 8, 7], [6, 5, 4], [3, 2, 1]]);
    for (const [i, j] of [[0, 0], [2, 3], [5, 5]]) {
      const p = windowProducts(A, B, i, j);
      const sum = p.flat().reduce((s, t) => s + t.product, 0);
      expect(sum).toBeCloseTo(convolveAt(A, B, i, j).value, 12);
    }
    // At the corner, 5 of the 9 window pixels lie in the zero padding.
    expect(windowProducts(A, B, 0, 0).flat().filter((t) => t.padded).length).toBe(5);
  });

  it('shows the 25 products, the flipped kernel, the zero padding and exact kernel values', () => {
    render(<ConvolutionExplorer />);
    expect(screen.getByTestId('products').querySelectorAll('.gl-conv-cell').length).toBe(25);
    expect(screen.getByTestId('products').querySelectorAll('g[data-padded]').length).toBe(16);
    expect(screen.getByTestId('kernel-flipped')).toBeTruthy();
    expect(document.querySelector('.gl-conv-pad')).toBeTruthy();
    expect(kernelText(1 / 256)).toBe('0.0039');
    expect(screen.getByTestId('kernel').textContent).toContain('0.0039');
    expect(kernelText(-0.2)).toBe('−0.2');
  });

  it('has a speed control, stored in the state', () => {
    const onValueChange = vi.fn();
    render(<ConvolutionExplorer onValueChange={onValueChange} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Speed' }), { target: { value: '4' } });
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ speed: 4 }));
  });

  it('reports a bad defaultValue once and uses the default', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(<ConvolutionExplorer defaultValue={{ kernel: [[1, 2], [3]] as never, image: 'cat' as never }} />);
    expect(warn).toHaveBeenCalled();
    expect((screen.getByRole('combobox', { name: 'Kernel' }) as HTMLSelectElement).value).toBe('smooth5');
    warn.mockRestore();
  });
});
