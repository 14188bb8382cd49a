import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OverfittingExplorer, overfittingData } from '../src';

afterEach(cleanup);

const errors = () => {
  const s = screen.getByTestId('status');
  return { train: Number(s.getAttribute('data-train')), test: Number(s.getAttribute('data-test')) };
};

describe('OverfittingExplorer', () => {
  it('splits a seeded dataset into train and test', () => {
    const a = overfittingData(0);
    expect(a.yTrain).toHaveLength(28);
    expect(a.yTest).toHaveLength(12);
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
});
