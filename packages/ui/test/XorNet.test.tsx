import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { XorNet } from '../src';

afterEach(cleanup);

describe('XorNet', () => {
  it('the hand-set binary network gets all four rows right', () => {
    render(<XorNet />);
    expect(screen.getByTestId('status').getAttribute('data-correct')).toBe('4');
    expect(document.querySelectorAll('tr[data-correct="true"]').length).toBe(4);
    fireEvent.click(screen.getByRole('button', { name: 'Next input' }));
    expect(screen.getByTestId('status').textContent).toMatch(/Input \(0, 1\) → h = \(1, 0\) → y = 1/);
  });

  it('a single neuron never gets more than three right', () => {
    render(<XorNet defaultValue={{ mode: 'single' }} />);
    const status = screen.getByTestId('status');
    for (const [w1, w2, b] of [[1, 1, -0.5], [1, 1, -1.5], [-1, 1, -0.5], [2, -1, 0.3], [-1, -1, 1.5]]) {
      fireEvent.change(screen.getByRole('slider', { name: 'w₁' }), { target: { value: String(w1) } });
      fireEvent.change(screen.getByRole('slider', { name: 'w₂' }), { target: { value: String(w2) } });
      fireEvent.change(screen.getByRole('slider', { name: 'b' }), { target: { value: String(b) } });
      expect(Number(status.getAttribute('data-correct'))).toBeLessThanOrEqual(3);
    }
  });

  it('trains a 2-3-1 MLP to solve XOR, deterministically from the seed', () => {
    const { unmount } = render(<XorNet seed={0} defaultValue={{ mode: 'trained', step: 600 }} />);
    const status = screen.getByTestId('status');
    expect(status.getAttribute('data-correct')).toBe('4');
    const text = status.textContent;
    unmount();
    render(<XorNet seed={0} defaultValue={{ mode: 'trained', step: 600 }} />);
    expect(screen.getByTestId('status').textContent).toBe(text);
  });

  it('steps and resets, and stops its animation on unmount', () => {
    const onValueChange = vi.fn();
    const cancel = vi.spyOn(globalThis, 'cancelAnimationFrame');
    const { unmount } = render(<XorNet defaultValue={{ mode: 'trained' }} onValueChange={onValueChange} />);
    fireEvent.click(screen.getByRole('button', { name: 'Step ×10' }));
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ step: 10 }));
    expect(screen.getByTestId('xor-loss').getAttribute('data-points')).toBe('10');
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    });
    unmount();
    expect(cancel).toHaveBeenCalled();
    cancel.mockRestore();
  });
});
