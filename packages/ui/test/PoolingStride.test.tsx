import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PoolingStride } from '../src';
import { inputMap, leftOver, outputSize, padded, pool, problem, DEFAULT_STATE } from '../src/PoolingStride/model';
import { expectAnimationStopsOnUnmount } from './helpers';

afterEach(cleanup);

describe('PoolingStride model', () => {
  it('gives the output size ⌊(n + 2p − k)/s⌋ + 1', () => {
    expect(outputSize(8, 2, 2, 0)).toBe(4);
    expect(outputSize(8, 3, 1, 1)).toBe(8); // "same"
    expect(outputSize(7, 2, 2, 0)).toBe(3); // floor: the last row is dropped
    expect(leftOver(7, 2, 2, 0)).toBe(1);
    expect(outputSize(5, 3, 2, 1)).toBe(3);
    expect(outputSize(3, 6, 1, 1)).toBe(0); // k > n + 2p
    expect(problem({ ...DEFAULT_STATE, size: 3, kernel: 6, padding: 1 })).toMatch(/does not fit/);
  });

  it('pools a hand-worked 4×4 map', () => {
    const x = [
      [1, 3, 2, 0],
      [5, 6, 1, 2],
      [0, 2, 9, 4],
      [3, 1, 8, 7],
    ];
    expect(pool(x, 2, 2, 0, 'max')).toEqual([
      [6, 2],
      [3, 9],
    ]);
    expect(pool(x, 2, 2, 0, 'average')).toEqual([
      [3.75, 1.25],
      [1.5, 7],
    ]);
    // Padding 1, k = 2, s = 2: ⌊(4 + 2 − 2)/2⌋ + 1 = 3; the corner window sees three zeros and x₀₀.
    expect(padded([[4]], 1)).toEqual([
      [0, 0, 0],
      [0, 4, 0],
      [0, 0, 0],
    ]);
    const p = pool(x, 2, 2, 1, 'average');
    expect(p.length).toBe(3);
    expect(p[0][0]).toBe(0.25);
  });

  it('makes a seeded map of digits 0–9', () => {
    const a = inputMap(8, 3);
    expect(a).toEqual(inputMap(8, 3));
    expect(a.flat().every((v) => Number.isInteger(v) && v >= 0 && v <= 9)).toBe(true);
  });
});

describe('PoolingStride', () => {
  it('steps the window over the output and shows the formula', () => {
    const onValueChange = vi.fn();
    render(<PoolingStride onValueChange={onValueChange} />);
    const status = screen.getByTestId('status');
    expect(status.getAttribute('data-out')).toBe('4');
    expect(status.textContent).toMatch(/Output 4×4 from 8×8 · window 1 of 16/);
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ position: 1 }));
    expect(screen.getByTestId('window').getAttribute('data-col')).toBe('1');
    expect(document.querySelector('.gl-maths')!.textContent).toContain('4');
  });

  it('resizes the output with k, s, p and reports an impossible window', () => {
    render(<PoolingStride defaultValue={{ size: 4, kernel: 3, stride: 1, padding: 1 }} />);
    expect(screen.getByTestId('output-grid').getAttribute('data-size')).toBe('4');
    const k = screen.getByRole('slider', { name: 'Kernel size k' });
    fireEvent.change(k, { target: { value: '6' } });
    fireEvent.change(screen.getByRole('slider', { name: 'Padding p' }), { target: { value: '0' } });
    expect(screen.getByTestId('status').textContent).toMatch(/does not fit: k = 6 is larger than n \+ 2p = 4/);
    expect(screen.getByRole('figure').getAttribute('data-state')).toBe('error');
    expect(screen.getByTestId('output-grid').getAttribute('data-size')).toBe('0');
  });

  it('moves the window from the keyboard and by clicking an output cell', () => {
    render(<PoolingStride />);
    const grid = screen.getByRole('group', { name: /^Output 4×4/ });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowRight' });
    expect(screen.getByTestId('status').getAttribute('data-position')).toBe('5');
    fireEvent.click(screen.getByTestId('out-3-3'));
    expect(screen.getByTestId('status').getAttribute('data-position')).toBe('15');
    expect(screen.getByRole('figure').getAttribute('data-state')).toBe('done');
  });

  it('switches to average pooling', () => {
    render(<PoolingStride defaultValue={{ op: 'average' }} />);
    expect(screen.getByTestId('status').textContent).toMatch(/average = /);
    fireEvent.click(screen.getByRole('radio', { name: 'Max' }));
    expect(screen.getByTestId('status').textContent).toMatch(/max = /);
  });

  it('cancels its animation frame on unmount', () => {
    expectAnimationStopsOnUnmount(<PoolingStride />);
  });
});
