import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { XorNet } from '../src';
import { verdict } from '../src/XorNet/model';

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

describe('XorNet (issue 13 defects)', () => {
  it('opens the trained MLP with a real loss, not NaN', () => {
    render(<XorNet defaultValue={{ mode: 'trained' }} />);
    const text = screen.getByTestId('status').textContent ?? '';
    expect(text).toMatch(/Step 0 of 2000 · loss 0\.\d+/);
    expect(text).not.toMatch(/NaN/);
  });

  it('marks an output of 0.50 undecided, never ✓', () => {
    expect(verdict(0.5, 0)).toBe('undecided');
    expect(verdict(0.4999, 0)).toBe('undecided');
    expect(verdict(0.49, 0)).toBe('right');
    expect(verdict(0.51, 0)).toBe('wrong');
  });

  it('says a 2-2-1 run stuck at 3 of 4 is a poor local minimum and offers new initial weights', () => {
    const onValueChange = vi.fn();
    render(<XorNet seed={1} maxSteps={2000} defaultValue={{ mode: 'trained', hidden: 2, step: 2000 }} onValueChange={onValueChange} />);
    const status = screen.getByTestId('status');
    expect(Number(status.getAttribute('data-correct'))).toBeLessThan(4);
    // Seed 1 leaves two rows at 0.50: undecided, not counted as right.
    expect(document.querySelectorAll('tr[data-verdict="undecided"]').length).toBeGreaterThan(0);
    expect(status.textContent).toMatch(/poor local minimum/);
    fireEvent.click(screen.getByRole('button', { name: 'New initial weights' }));
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ init: 1, step: 0 }));
  });

  it('shows the Adam rule it trains with, and outlines the points', () => {
    render(<XorNet defaultValue={{ mode: 'trained' }} />);
    expect(document.querySelector('.gl-maths')?.textContent).toMatch(/Adam/);
    expect(document.querySelector('.gl-maths')?.textContent).toMatch(/β/);
    expect(document.querySelectorAll('.gl-xor-point-ring').length).toBe(4);
  });

  it('reports a bad defaultValue once and uses the default', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(<XorNet defaultValue={{ mode: 'bogus' as never, row: 9 }} />);
    expect(warn).toHaveBeenCalled();
    expect(screen.getByTestId('status').textContent).toMatch(/Input \(0, 0\)/);
    warn.mockRestore();
  });
});

describe('XorNet model', () => {
  it('its pure forward pass matches the MLP it reads the weights from', async () => {
    const { MLP } = await import('@geolearn/algorithms/mlp');
    const { forward } = await import('../src/XorNet/model');
    const mlp = new MLP({ layerSizes: [2, 3, 1], activation: 'tanh', loss: 'binaryCrossentropy', optimizer: 'adam', learningRate: 0.05, batchSize: 4, engine: 'plain', randomState: 2 });
    mlp.setData([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 0]);
    for (let i = 0; i < 50; i++) mlp.step();
    const l0 = mlp.getWeights(0);
    const l1 = mlp.getWeights(1);
    const w = { W1: l0.weights, b1: l0.bias, W2: l1.weights.map((r) => r[0]), b2: l1.bias[0] };
    const out = mlp.neuronOutputs([[0.3, 0.8]]).output[0];
    expect(forward(w, [0.3, 0.8]).y).toBeCloseTo(out, 6);
    mlp.dispose();
  });
});
