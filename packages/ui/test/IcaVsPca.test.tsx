import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IcaVsPca, type IcaVsPcaState } from '../src';
import { absCorrTable, corr, det2, makeSources, mix, separate, standardise, statusText, DEFAULT_STATE } from '../src/IcaVsPca/model';

afterEach(cleanup);

describe('IcaVsPca model', () => {
  it('mixes and correlates by hand', () => {
    // x = A s with A = [[1, 2], [0, 1]], s₁ = (1, −1), s₂ = (1, 1): x₁ = (3, 1), x₂ = (1, 1).
    const [x1, x2] = mix([[1, 2], [0, 1]], [[1, -1], [1, 1]]);
    expect(x1).toEqual([3, 1]);
    expect(x2).toEqual([1, 1]);
    expect(det2([[1, 2], [0, 1]])).toBe(1);
    // corr((1,2,3), (2,4,6)) = 1, with (3,2,1) = −1, and a constant gives 0.
    expect(corr([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(corr([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(corr([1, 2, 3], [5, 5, 5])).toBe(0);
    expect(absCorrTable([[1, 2, 3]], [[3, 2, 1], [1, 2, 3]])).toEqual([[1, 1]]);
    expect(standardise([1, 3])).toEqual([-1, 1]);
  });

  it('ICA recovers the sources where PCA does not', () => {
    const src = makeSources('hum');
    expect(src[0]).toHaveLength(1000);
    const sep = separate(DEFAULT_STATE, src);
    expect(sep.converged).toBe(true);
    for (const row of sep.icaCorr!) expect(Math.max(...row)).toBeGreaterThan(0.99);
    expect(Math.min(...sep.pcaCorr!.map((r) => Math.max(...r)))).toBeLessThan(0.9);
  });

  it('reports a singular A and a FastICA that did not converge, never throws', () => {
    const src = makeSources('sawtooth');
    const singular = separate({ ...DEFAULT_STATE, mixing: [[1, 2], [0.5, 1]] }, src);
    expect(singular.problem).toMatch(/det A = 0/);
    expect(singular.ica).toBeNull();
    const zero = separate({ ...DEFAULT_STATE, mixing: [[0, 0], [0, 0]] }, src);
    expect(zero.problem).toMatch(/parallel/);
    const stopped = separate({ ...DEFAULT_STATE, maxIter: 1 }, src);
    expect(stopped.converged).toBe(false);
    expect(stopped.warnings[0]).toMatch(/did not converge/);
    expect(statusText(stopped, 1)).toMatch(/did not converge: it stopped at max_iter = 1 after 1 iteration/);
  });
});

describe('IcaVsPca', () => {
  it('shows the separation and the |corr| table', () => {
    render(<IcaVsPca />);
    const status = screen.getByTestId('status');
    expect(status.textContent).toMatch(/FastICA converged after \d+ iterations? and recovers both sources/);
    expect(status.getAttribute('data-converged')).toBe('true');
    expect(screen.getByTestId('corr-table').querySelectorAll('td[data-high]')).toHaveLength(2);
  });

  it('moves a mixing vector from the keyboard and reports the new A', () => {
    const onValueChange = vi.fn();
    render(<IcaVsPca onValueChange={onValueChange} />);
    const handle = screen.getByRole('button', { name: /Mixing vector a₁/ });
    fireEvent.keyDown(handle, { key: 'ArrowUp' });
    const next = onValueChange.mock.calls.at(-1)![0] as IcaVsPcaState;
    expect(next.mixing[0][0]).toBe(1);
    expect(next.mixing[1][0]).toBeGreaterThan(0.4);
  });

  it('says when FastICA stops early, and when A is singular', () => {
    const { rerender } = render(<IcaVsPca value={{ ...DEFAULT_STATE, maxIter: 1 }} />);
    expect(screen.getByTestId('status').textContent).toMatch(/did not converge/);
    expect(screen.getByTestId('status').getAttribute('data-iterations')).toBe('1');
    rerender(<IcaVsPca value={{ ...DEFAULT_STATE, mixing: [[1, 1], [1, 1]] }} />);
    expect(screen.getByTestId('status').textContent).toMatch(/parallel/);
    expect(document.querySelector('.gl-explainer')!.getAttribute('data-state')).toBe('error');
  });

  it('edits A from a number field', () => {
    const onValueChange = vi.fn();
    render(<IcaVsPca onValueChange={onValueChange} />);
    const field = screen.getByRole('textbox', { name: 'a₁₂' });
    fireEvent.change(field, { target: { value: '1' } });
    fireEvent.blur(field);
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ mixing: [[1, 1], [0.4, 1]] }));
  });
});
