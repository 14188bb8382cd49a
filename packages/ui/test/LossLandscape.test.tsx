import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LossLandscape, type LossLandscapeState } from '../src';
import { expectAnimationStopsOnUnmount } from './helpers';

afterEach(cleanup);

describe('LossLandscape', () => {
  it('steps down the loss and reports each state', () => {
    const onValueChange = vi.fn();
    render(<LossLandscape onValueChange={onValueChange} />);
    const status = screen.getByTestId('status');
    const loss0 = Number(status.getAttribute('data-loss'));
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ iteration: 1 }));
    expect(Number(status.getAttribute('data-loss'))).toBeLessThan(loss0);
  });

  it('is controlled by value', () => {
    const value: LossLandscapeState = { start: [0, 0], learningRate: 0.01, optimizer: 'adam', iteration: 5 };
    const onValueChange = vi.fn();
    render(<LossLandscape value={value} onValueChange={onValueChange} />);
    expect(screen.getByTestId('status').textContent).toMatch(/Step 5/);
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(onValueChange).toHaveBeenCalledWith({ ...value, iteration: 6 });
    // Still showing the controlled value until the parent changes it.
    expect(screen.getByTestId('status').textContent).toMatch(/Step 5/);
  });

  it('moves the start point from the keyboard and restarts', () => {
    render(<LossLandscape defaultValue={{ iteration: 3 }} />);
    const handle = screen.getByRole('button', { name: /Starting point/ });
    const before = handle.getAttribute('aria-label');
    fireEvent.keyDown(handle, { key: 'ArrowRight' });
    expect(handle.getAttribute('aria-label')).not.toBe(before);
    expect(screen.getByTestId('status').textContent).toMatch(/Step 0/);
  });

  it('cancels its animation frame on unmount', () => {
    expectAnimationStopsOnUnmount(<LossLandscape />);
  });
});

describe('LossLandscape: objectives, racing, 3-D', () => {
  it('switches objective and resets the run', () => {
    const onValueChange = vi.fn();
    render(<LossLandscape defaultValue={{ iteration: 4 }} onValueChange={onValueChange} />);
    expect(screen.getByTestId('data-panel')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Objective' }), { target: { value: 'saddle' } });
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ objective: 'saddle', iteration: 0, start: [1.8, 0.02], learningRate: 0.1 }));
    expect(screen.queryByTestId('data-panel')).toBeNull();
  });

  it('races several optimizers, each with its path', () => {
    render(<LossLandscape defaultValue={{ iteration: 5, optimizers: ['gd', 'momentum', 'adam'] }} />);
    const paths = Array.from(document.querySelectorAll('[data-testid="gd-path"]'));
    expect(paths.map((p) => p.getAttribute('data-optimizer'))).toEqual(['gd', 'momentum', 'adam']);
    expect(paths.map((p) => p.getAttribute('data-points'))).toEqual(['6', '6', '6']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Momentum' }));
    expect(document.querySelectorAll('[data-testid="gd-path"]')).toHaveLength(2);
    expect(screen.getByTestId('status').textContent).toMatch(/Step 0 of 100 · Gradient descent .* · Adam/);
  });

  it('rotates the 3-D surface from the keyboard', () => {
    const onValueChange = vi.fn();
    render(<LossLandscape onValueChange={onValueChange} />);
    fireEvent.click(screen.getByRole('button', { name: '3-D surface' }));
    const surface = screen.getByRole('button', { name: /3-D surface seen from azimuth 35° and elevation 40°/ });
    fireEvent.keyDown(surface, { key: 'ArrowLeft' });
    fireEvent.keyDown(surface, { key: 'ArrowDown', shiftKey: true });
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ view: 'surface', rotation: [30, 25] }));
  });
});
