import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SpectralSteps, type SpectralStepsState } from '../src';
import { DEFAULT_STATE, epsilonGraph, fitRequest, makeData, runSpectral, statusText } from '../src/SpectralSteps/model';

afterEach(cleanup);

describe('SpectralSteps model', () => {
  it('builds the ε graph by hand', () => {
    // Points 0, 1, 3 on a line with ε = 1.5: only 0–1 are close (distance 1); 1–3 is 2 apart.
    expect(epsilonGraph([[0, 0], [1, 0], [3, 0]], 1.5)).toEqual([
      [0, 1, 0],
      [1, 0, 0],
      [0, 0, 0],
    ]);
  });

  it('sorts the rows by true class and finds the moons where k-means does not', () => {
    const data = makeData('moons');
    expect(data.X).toHaveLength(200);
    expect(data.y.indexOf(1)).toBe(100);
    expect(data.y.slice(100).every((v) => v === 1)).toBe(true);
    const run = runSpectral(DEFAULT_STATE, data);
    const r = run.result!;
    expect(r.ari).toBeGreaterThan(0.95);
    expect(r.rawAri).toBeLessThan(0.5);
    expect(r.nGraphComponents).toBe(1);
    // L = I − D^{−½}WD^{−½} has 1 on its diagonal (no isolated sample) and λ₁ = 0.
    expect(r.L[0]).toBeCloseTo(1, 12);
    expect(Math.abs(r.eigenvalues[0])).toBeLessThan(1e-8);
  });

  it('warns as scikit-learn when the graph is in pieces, and reports bad k or ε', () => {
    const data = makeData('moons');
    const pieces = runSpectral({ ...DEFAULT_STATE, graph: 'epsilon', epsilon: 0.1 }, data);
    expect(pieces.result!.warnings[0]).toMatch(/Graph is not fully connected/);
    expect(statusText(DEFAULT_STATE, pieces)).toMatch(/^Warning: Graph is not fully connected/);
    expect(fitRequest({ ...DEFAULT_STATE, nNeighbors: 500 }, data)).toMatch(/k = 500 neighbours is more than the 200 samples/);
    expect(fitRequest({ ...DEFAULT_STATE, nNeighbors: 1 }, data)).toMatch(/no edges/);
    expect(fitRequest({ ...DEFAULT_STATE, graph: 'epsilon', epsilon: 0 }, data)).toMatch(/ε must be positive/);
    expect(runSpectral({ ...DEFAULT_STATE, graph: 'epsilon', epsilon: -1 }, data).error).toMatch(/ε must be positive/);
  });
});

describe('SpectralSteps', () => {
  it('fits (main-thread fallback) and shows the four steps and the scores', async () => {
    render(<SpectralSteps worker={false} />);
    const status = screen.getByTestId('status');
    await waitFor(() => expect(status.getAttribute('data-ari')).not.toBeNull(), { timeout: 5000 });
    expect(Number(status.getAttribute('data-ari'))).toBeGreaterThan(0.95);
    expect(Number(status.getAttribute('data-raw-ari'))).toBeLessThan(0.5);
    expect(screen.getByTestId('affinity')).toBeTruthy();
    expect(screen.getByTestId('embedding').querySelectorAll('circle')).toHaveLength(200);
  });

  it('switches to the ε graph and shows the disconnected-graph warning', async () => {
    const onValueChange = vi.fn();
    render(<SpectralSteps worker={false} defaultValue={{ epsilon: 0.1 }} onValueChange={onValueChange} />);
    fireEvent.click(screen.getByRole('radio', { name: 'ε radius' }));
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ graph: 'epsilon' } satisfies Partial<SpectralStepsState>));
    const status = screen.getByTestId('status');
    await waitFor(() => expect(status.textContent).toMatch(/Graph is not fully connected/), { timeout: 5000 });
    expect(document.querySelector('.gl-explainer')!.getAttribute('data-state')).toBe('diverged');
  });

  it('gives a message for k > n, never a throw', () => {
    render(<SpectralSteps worker={false} value={{ ...DEFAULT_STATE, nNeighbors: 300 }} />);
    expect(screen.getByTestId('status').textContent).toMatch(/k = 300 neighbours is more than the 200 samples/);
    expect(document.querySelector('.gl-explainer')!.getAttribute('data-state')).toBe('error');
  });
});
