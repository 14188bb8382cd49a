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
    expect(status.textContent).toMatch(/z = −1\.25/);
    // ReLU at negative z is a dead unit (φ′ = 0 exactly), not a saturated one.
    expect(status.textContent).toMatch(/dead unit/);
    expect(status.textContent).not.toMatch(/saturated/);
    expect(status.getAttribute('data-dead')).toBe('true');
    expect(screen.getByTestId('activation-curve').getAttribute('data-dead')).toBe('true');
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

describe('Neuron (design system)', () => {
  it('calls the sigmoid plateau saturated, with a real minus sign', () => {
    render(<Neuron defaultValue={{ bias: -6, weights: [0.5, 0.5] }} />);
    const status = screen.getByTestId('status');
    expect(status.textContent).toMatch(/saturated region/);
    expect(status.textContent).toMatch(/z = −5\.75/);
    expect(status.getAttribute('data-dead')).toBe('false');
  });

  it('reports a bad defaultValue once and keeps the default neuron', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(<Neuron defaultValue={{ activation: 'softsign' as never, inputs: 'x' as never }} />);
    expect(warn).toHaveBeenCalled();
    expect(screen.getByRole('combobox', { name: /Activation/ })).toHaveProperty('value', 'sigmoid');
    warn.mockRestore();
  });

  it('passes id, aria and data props to the root figure', () => {
    render(<Neuron id="n1" data-x="1" />);
    const fig = document.getElementById('n1')!;
    expect(fig.tagName).toBe('FIGURE');
    expect(fig.getAttribute('data-x')).toBe('1');
    expect(fig.className).toContain('gl-explainer');
  });
});
