import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OverfittingExplorer, overfittingData } from '../src';

afterEach(cleanup);

const errors = () => {
  const s = screen.getByTestId('status');
  return { train: Number(s.getAttribute('data-train')), test: Number(s.getAttribute('data-test')) };
};

describe('OverfittingExplorer', () => {
  it('splits a seeded dataset into train and test, 80/20 as in the slides', () => {
    const a = overfittingData(0);
    expect(a.yTrain).toHaveLength(32);
    expect(a.yTest).toHaveLength(8);
    expect(overfittingData(0).yTest).toEqual(a.yTest);
  });

  it('overfits at high degree and ridge pulls the test error back', () => {
    const onValueChange = vi.fn();
    render(<OverfittingExplorer onValueChange={onValueChange} />);
    const e3 = errors();
    fireEvent.change(screen.getByRole('slider', { name: /Degree/ }), { target: { value: '15' } });
    expect(onValueChange).toHaveBeenLastCalledWith({ degree: 15, lambda: 0 });
    const e15 = errors();
    expect(e15.train).toBeLessThan(e3.train);
    expect(e15.test).toBeGreaterThan(e3.test);
    fireEvent.change(screen.getByRole('slider', { name: /Ridge strength/ }), { target: { value: '-3' } });
    expect(onValueChange).toHaveBeenLastCalledWith({ degree: 15, lambda: 0.001 });
    expect(errors().test).toBeLessThan(e15.test);
  });

  it('writes the penalty over the weights only, λ‖w‖², and says the intercept is not penalised', () => {
    render(<OverfittingExplorer />);
    expect(screen.getByTestId('penalty-note').textContent).toMatch(/intercept θ₀ is not penalised/);
    const maths = document.querySelector('.gl-maths')!.textContent!;
    expect(maths).toMatch(/‖\s*𝐰\s*‖|‖w‖|\|\s*w/);
    expect(maths).not.toMatch(/‖θ‖/);
    expect(document.querySelector('.gl-caption')!.textContent).toMatch(/split 80\/20/);
  });

  it('is a kit explainer: log slider for λ with 0 at its left end, bad defaultValue reported', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { container } = render(<OverfittingExplorer defaultValue={{ degree: 2.5, lambda: 0.01 }} />);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('degree').textContent).toBe('3');
    expect(screen.getByTestId('lambda').textContent).toBe('λ = 0.01');
    expect(container.querySelectorAll('.gl-slider[data-scale="log"]')).toHaveLength(1);
    fireEvent.keyDown(screen.getByRole('slider', { name: /Ridge strength/ }), { key: 'Home' });
    expect(screen.getByTestId('lambda').textContent).toBe('λ = 0 (no penalty)');
    expect(container.querySelectorAll('[data-gl-panel]')).toHaveLength(3);
    warn.mockRestore();
  });
});
