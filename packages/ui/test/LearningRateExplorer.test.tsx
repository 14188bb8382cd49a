import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LearningRateExplorer, diagnoseCurve, learningRateRegime } from '../src';
import { parabola, runOf } from '../src/LearningRateExplorer/model';
import { expectAnimationStopsOnUnmount } from './helpers';

afterEach(cleanup);

describe('LearningRateExplorer', () => {
  it('classifies η against 2/L', () => {
    expect(learningRateRegime(0.02, 4)).toBe('too-small');
    expect(learningRateRegime(0.3, 4)).toBe('good');
    expect(learningRateRegime(0.45, 4)).toBe('too-large');
    expect(learningRateRegime(0.6, 4)).toBe('diverging');
  });

  it('shows the diverging run as it diverges, at step 12', () => {
    render(<LearningRateExplorer defaultValue={{ iteration: 11 }} />);
    expect(screen.getByTestId('run-diverging-status').textContent).not.toMatch(/diverged/);
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(screen.getByTestId('run-diverging-status').textContent).toBe('diverged at step 12');
  });

  it('is controlled: the slider reports a new η', () => {
    const onValueChange = vi.fn();
    const value = { learningRate: 0.1, problem: 'bowl' as const, iteration: 5 };
    render(<LearningRateExplorer value={value} onValueChange={onValueChange} />);
    fireEvent.change(screen.getByRole('slider', { name: /Learning rate/ }), { target: { value: String(Math.log10(0.7)) } });
    expect(onValueChange).toHaveBeenLastCalledWith({ ...value, learningRate: 0.7 });
    expect(screen.getByTestId('status').textContent).toMatch(/Step 5 of 40/);
  });

  it('cancels its animation frame on unmount', () => {
    expectAnimationStopsOnUnmount(<LearningRateExplorer />);
  });

  it('reads the live curve in words: slow → raise η, growing → lower η', () => {
    const run = (eta: number) => runOf(parabola(4), [2.5], eta, 12);
    expect(diagnoseCurve(run(0.01))).toBe('slow');
    expect(diagnoseCurve(run(0.3))).toBe('good');
    expect(diagnoseCurve(run(0.47))).toBe('oscillating');
    expect(diagnoseCurve(run(0.7))).toBe('growing');
    expect(diagnoseCurve(run(0.3).slice(0, 2))).toBe('wait');
    render(<LearningRateExplorer defaultValue={{ iteration: 40, learningRate: 0.01 }} />);
    expect(screen.getByTestId('diagnosis').textContent).toMatch(/slowly: raise η/);
    fireEvent.change(screen.getByRole('slider', { name: /Learning rate/ }), { target: { value: String(Math.log10(0.7)) } });
    expect(screen.getByTestId('diagnosis').textContent).toMatch(/growing: lower η/);
    expect(document.querySelector('figure')!.getAttribute('data-state')).toBe('diverged');
  });

  it('draws the η ruler on a real log axis: decades labelled, minor ticks between', () => {
    const { container } = render(<LearningRateExplorer />);
    const ruler = container.querySelector('.gl-lr-ruler')!;
    const labels = [...ruler.querySelectorAll('.gl-tick text, .gl-axis text')].map((t) => t.textContent);
    expect(labels).toEqual(expect.arrayContaining(['0.01', '0.1', '1']));
    expect(ruler.querySelectorAll('.gl-tick-minor').length).toBeGreaterThan(5);
  });

  it('is a kit explainer: kit slider, no telemetry by default, bad defaultValue reported', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { container } = render(<LearningRateExplorer defaultValue={{ learningRate: -1 }} />);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(container.querySelector('.gl-slider')?.getAttribute('data-scale')).toBe('log');
    expect(screen.getByTestId('eta').textContent).toBe('0.1');
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(container.querySelector('.gl-perf')).toBeNull();
    warn.mockRestore();
  });
});
