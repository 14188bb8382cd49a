import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LearningRateExplorer, learningRateRegime } from '../src';
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
});
