import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Neuron } from '../src';
import { ACTIVATIONS, isSaturated } from '../src/common/activations';

afterEach(cleanup);

describe('Neuron', () => {
  it('computes h = φ(Σ wᵢxᵢ + b) with the live numbers', () => {
    render(<Neuron defaultValue={{ inputs: [1, 2], weights: [0.5, -1], bias: 0.25, activation: 'relu' }} />);
    // z = 0.5 − 2 + 0.25 = −1.25, ReLU → 0
    const status = screen.getByTestId('status');
    expect(Number(status.getAttribute('data-h'))).toBe(0);
    expect(status.textContent).toMatch(/z = -1\.25/);
    expect(status.textContent).toMatch(/saturated/);
  });

  it('moves with the sliders and reports every state', () => {
    const onValueChange = vi.fn();
    render(<Neuron onValueChange={onValueChange} />);
    fireEvent.change(screen.getByRole('slider', { name: 'Bias b' }), { target: { value: '2' } });
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ bias: 2 }));
    // Default: z = 1.5·1 + 0.8·(−0.5) + 2 = 3.1, σ(3.1) = 0.957
    expect(Number(screen.getByTestId('status').getAttribute('data-h'))).toBeCloseTo(1 / (1 + Math.exp(-3.1)), 6);
  });

  it('shades the sigmoid plateaus where φ′ < 0.02', () => {
    expect(isSaturated('sigmoid', 5)).toBe(true);
    expect(isSaturated('sigmoid', 1)).toBe(false);
    expect(ACTIVATIONS.sigmoid.df(3.89)).toBeLessThan(0.0201);
    expect(ACTIVATIONS.tanh.df(2.65)).toBeLessThan(0.0201);
    render(<Neuron />);
    expect(document.querySelectorAll('[data-testid="plateau"]').length).toBe(2);
  });
});
