import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RandomState } from '@geolearn/algorithms';
import { Backpropagation } from '../src';
import { backward, finiteDifference, forward, initialTheta, lossAt, N_PARAMS, PHASES, thetaAfter, update, W2 } from '../src/Backpropagation/model';
import { expectAnimationStopsOnUnmount } from './helpers';

afterEach(cleanup);

describe('Backpropagation model', () => {
  it('works a hand case: all parameters 0, x = (1, 2), y = 1', () => {
    const t = new Array(N_PARAMS).fill(0);
    const f = forward(t, [1, 2], 1);
    expect(f.h).toEqual([0.5, 0.5]);
    expect(f.yhat).toBe(0.5);
    expect(f.loss).toBe(0.125); // ½(0.5 − 1)²
    const b = backward(t, [1, 2], 1);
    expect(b.delta2).toBe(-0.125); // (ŷ − y)·ŷ(1 − ŷ) = −0.5·0.25
    expect(b.grad.map((g) => g + 0)).toEqual([0, 0, 0, 0, 0, 0, -0.0625, -0.0625, -0.125]); // δ⁽¹⁾ = δ⁽²⁾·w⁽²⁾·… = 0
  });

  it('matches the central finite difference for every parameter, to 1e−8', () => {
    const rng = new RandomState(7);
    for (let trial = 0; trial < 50; trial++) {
      const t = Array.from({ length: N_PARAMS }, () => rng.normal(0, 1.5));
      const x: [number, number] = [rng.uniform(-2, 2), rng.uniform(-2, 2)];
      const y = rng.uniform(0, 1);
      const { grad } = backward(t, x, y);
      for (let k = 0; k < N_PARAMS; k++) expect(Math.abs(grad[k] - finiteDifference(t, k, x, y, 1e-5))).toBeLessThan(1e-8);
    }
  });

  it('lowers the loss with a small step and replays deterministically', () => {
    const t0 = initialTheta(1);
    expect(t0.slice(4, 6)).toEqual([0, 0]); // biases start at zero
    const t1 = update(t0, backward(t0, [1, 0.5], 1).grad, 0.1);
    expect(lossAt(t1, [1, 0.5], 1)).toBeLessThan(lossAt(t0, [1, 0.5], 1));
    expect(thetaAfter(t0, 3, [1, 0.5], 1, 0.5)).toEqual(thetaAfter(t0, 3, [1, 0.5], 1, 0.5));
  });
});

describe('Backpropagation', () => {
  const step = (n: number) => {
    for (let i = 0; i < n; i++) fireEvent.click(screen.getByRole('button', { name: 'Step' }));
  };

  it('steps forward → loss → backward → update, one phase at a time', () => {
    const onValueChange = vi.fn();
    render(<Backpropagation onValueChange={onValueChange} />);
    const status = screen.getByTestId('status');
    expect(status.getAttribute('data-phase')).toBe('ready');
    step(1);
    expect(status.textContent).toMatch(/forward pass: hidden layer/);
    step(2);
    expect(status.textContent).toMatch(/loss 𝓛 = ½/);
    expect(screen.getByTestId('grad-backprop').textContent).toMatch(/press Step/);
    step(1);
    expect(status.textContent).toMatch(/backward pass: δ⁽²⁾/);
    expect(screen.getByTestId('grad-diff').getAttribute('data-agree')).toBe('true');
    step(2);
    expect(status.getAttribute('data-phase')).toBe('update');
    const loss0 = Number(status.getAttribute('data-loss'));
    step(1);
    expect(status.getAttribute('data-iteration')).toBe('1');
    expect(Number(status.getAttribute('data-loss'))).toBeLessThan(loss0);
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ step: PHASES.length + 1 }));
  });

  it('checks a hidden weight picked on the diagram against the finite difference', () => {
    render(<Backpropagation defaultValue={{ step: 5 }} />);
    fireEvent.click(screen.getByTestId('param-1'));
    expect((screen.getByRole('combobox', { name: 'Parameter' }) as HTMLSelectElement).value).toBe('1');
    const bp = Number(screen.getByTestId('grad-backprop').getAttribute('data-value'));
    const fd = Number(screen.getByTestId('grad-fd').getAttribute('data-value'));
    expect(Math.abs(bp - fd)).toBeLessThan(1e-8);
    expect(document.querySelector('.gl-maths')!.textContent).toContain('h');
    fireEvent.keyDown(screen.getByTestId(`param-${W2(1)}`), { key: 'Enter' });
    expect((screen.getByRole('combobox', { name: 'Parameter' }) as HTMLSelectElement).value).toBe(String(W2(1)));
  });

  it('says when h is too small (rounding) and agrees at the default h', () => {
    render(<Backpropagation defaultValue={{ step: 5, h: 1e-10, selected: W2(0) }} />);
    expect(screen.getByTestId('grad-diff').textContent).toMatch(/✗ off \(h too small/);
    expect(screen.getByTestId('grad-diff').getAttribute('data-agree')).toBe('false');
  });

  it('restarts when η or the sample changes', () => {
    render(<Backpropagation defaultValue={{ step: 9 }} />);
    fireEvent.change(screen.getByRole('slider', { name: 'Target y' }), { target: { value: '0.5' } });
    expect(screen.getByTestId('status').getAttribute('data-step')).toBe('0');
  });

  it('cancels its animation frame on unmount', () => {
    expectAnimationStopsOnUnmount(<Backpropagation />);
  });
});
