import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BatchSizeExplorer } from '../src';

afterEach(cleanup);

describe('BatchSizeExplorer', () => {
  it('takes N/B steps per epoch for each method', () => {
    render(<BatchSizeExplorer defaultValue={{ epochs: 1 }} />);
    const pts = (k: string) => Number(document.querySelector(`[data-testid="path-${k}"]`)!.getAttribute('data-points'));
    expect(pts('full')).toBe(2);
    expect(pts('stochastic')).toBe(65);
    expect(pts('mini')).toBe(9);
  });

  it('steps an epoch and changes the batch size, deterministically for a seed', () => {
    const onValueChange = vi.fn();
    const { unmount } = render(<BatchSizeExplorer seed={3} onValueChange={onValueChange} />);
    fireEvent.click(screen.getByRole('button', { name: 'Step one epoch' }));
    expect(onValueChange).toHaveBeenLastCalledWith({ batchSize: 8, learningRate: 0.1, epochs: 1 });
    fireEvent.change(screen.getByRole('combobox', { name: 'Mini-batch size B' }), { target: { value: '16' } });
    expect(onValueChange).toHaveBeenLastCalledWith({ batchSize: 16, learningRate: 0.1, epochs: 1 });
    const first = screen.getByTestId('loss-stochastic').textContent;
    unmount();
    render(<BatchSizeExplorer seed={3} defaultValue={{ epochs: 1, batchSize: 16 }} />);
    expect(screen.getByTestId('loss-stochastic').textContent).toBe(first);
  });

  it('says the time axis is modelled, not measured', () => {
    render(<BatchSizeExplorer defaultValue={{ epochs: 2 }} />);
    const chart = screen.getByTestId('loss-per-second');
    expect(chart.textContent).toMatch(/modelled time \(ms\), not measured/);
    expect(screen.getByTestId('modelled-note').textContent).toMatch(/modelled, not measured: each step costs c₀ \+ B·c₁ = 0.5 \+ B · 0.02 ms/);
  });

  it('is a kit explainer: no telemetry by default, bad defaultValue reported, panels marked', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { container } = render(<BatchSizeExplorer defaultValue={{ epochs: -3, bogus: true } as never} />);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId('status').textContent).toMatch(/^Epoch 0 of 20/);
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(container.querySelector('.gl-perf')).toBeNull();
    expect(container.querySelectorAll('[data-gl-panel]').length).toBe(4);
    expect(container.querySelector('.gl-slider')?.getAttribute('data-scale')).toBe('log');
    warn.mockRestore();
  });
});
