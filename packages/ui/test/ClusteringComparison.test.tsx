import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClusteringComparison } from '../src';
import {
  alignColours,
  cellResult,
  DEFAULT_STATE,
  frameState,
  makeComparisonData,
  paramsOf,
  paramsProblem,
  standardise,
  STATE_CHECKS,
  withDefaults,
  withParam,
  type ClusteringComparisonState,
} from '../src/ClusteringComparison/model';
import { fitManyTask } from '../src/worker/registry';

afterEach(cleanup);

describe('ClusteringComparison model', () => {
  it('standardises each column (hand-worked)', () => {
    // Column 1: mean 2, sd 1 → ∓1; column 2 is constant → 0.
    expect(standardise([[1, 10], [3, 10]])).toEqual([[-1, 0], [1, 0]]);
  });

  it('matches cluster colours to the generating groups, noise muted', () => {
    // Cluster 1 covers group 0, cluster 0 covers group 1, one noise sample.
    expect(alignColours([0, 0, 1, 1, 1], [1, 1, 0, 0, -1])).toEqual({ [-1]: -1, 1: 0, 0: 1 });
    // A third cluster with no group left takes the first unused colour.
    expect(alignColours([0, 0, 1, 1], [0, 0, 1, 2])).toEqual({ [-1]: -1, 0: 0, 1: 1, 2: 2 });
    const r = cellResult('s', [0, 0, 1, 1], [5, 5, 7, 7], 12);
    expect(r.ari).toBe(1);
    expect(r.clusters).toBe(2);
  });

  it('makes six seeded, standardised data sets', () => {
    const a = makeComparisonData('moons', 200, 3);
    const b = makeComparisonData('moons', 200, 3);
    expect(a).toEqual(b);
    const mean = a.X.reduce((s, r) => s + r[0], 0) / 200;
    expect(Math.abs(mean)).toBeLessThan(1e-9);
    expect(new Set(makeComparisonData('none', 50, 0).y)).toEqual(new Set([0]));
  });

  it('applies an edit to the cell or to its whole column', () => {
    const s: ClusteringComparisonState = { ...DEFAULT_STATE, selected: { dataset: 'moons', method: 'gmm' } };
    const col = withParam(s, 'k', 4);
    expect(Object.keys(col.overrides)).toHaveLength(6);
    expect(paramsOf(col, 'blobs', 'gmm').k).toBe(4);
    const one = withParam({ ...s, scope: 'cell' }, 'covarianceType', 'diag');
    expect(Object.keys(one.overrides)).toEqual(['moons/gmm']);
    expect(withDefaults(col).overrides).toEqual({});
  });

  it('names bad parameters instead of fitting them', () => {
    const p = paramsOf(DEFAULT_STATE, 'blobs', 'minibatch');
    expect(paramsProblem('minibatch', { ...p, k: 12 }, 10)).toMatch(/k = 12 is more than the 10 samples/);
    expect(paramsProblem('dbscan', { ...p, eps: 0 }, 10)).toMatch(/ε must be > 0/);
    expect(STATE_CHECKS.overrides({ 'moons/gmm': { k: 3 } })).toBe(true);
    expect(STATE_CHECKS.overrides({ 'mars/gmm': { k: 3 } })).toBe(false);
    expect(frameState({ fitted: 30, total: 30, invalid: 0, running: false, last: null, error: null, nError: null })).toBe('done');
  });

  it('the worker task gives a mixture its labels (predict)', () => {
    const { X } = makeComparisonData('blobs', 60, 0);
    const gen = fitManyTask({ jobs: [{ estimator: 'GaussianMixture', params: { nComponents: 3, randomState: 0 }, X, output: 'labels' }] });
    let r = gen.next();
    while (!r.done) r = gen.next();
    expect(r.value[0].labels).toHaveLength(60);
  });
});

describe('ClusteringComparison', () => {
  it('fills every cell, with ARI and time, and says done', async () => {
    render(<ClusteringComparison n={60} worker={false} />);
    const root = document.querySelector('.gl-explainer')!;
    await waitFor(() => expect(root.getAttribute('data-state')).toBe('done'), { timeout: 10000 });
    const cells = document.querySelectorAll('.gl-cc-cell');
    expect(cells).toHaveLength(30);
    cells.forEach((c) => expect(c.getAttribute('data-state')).toBe('done'));
    expect(screen.getByTestId('cell-blobs-gmm').textContent).toMatch(/ARI \d\.\d\d · \d+ ms/);
    expect(screen.getByTestId('cell-blobs-gmm').hasAttribute('aria-label')).toBe(false);
    expect(screen.getByTestId('status').textContent).toMatch(/30 cells fitted/);
    expect(screen.getByTestId('definitions').textContent).toMatch(/homogeneous subsets/);
  });

  it('opens a cell\u2019s parameters and refits its column', async () => {
    const onValueChange = vi.fn();
    render(<ClusteringComparison n={60} worker={false} onValueChange={onValueChange} />);
    const root = document.querySelector('.gl-explainer')!;
    await waitFor(() => expect(root.getAttribute('data-state')).toBe('done'), { timeout: 10000 });
    fireEvent.click(screen.getByTestId('cell-moons-minibatch'));
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ selected: { dataset: 'moons', method: 'minibatch' } }));
    const k = screen.getByRole('slider', { name: /k \(clusters\)/ });
    fireEvent.keyDown(k, { key: 'ArrowRight' });
    fireEvent.change(k, { target: { value: '4' } });
    const last = onValueChange.mock.calls.at(-1)![0] as ClusteringComparisonState;
    expect(last.overrides['blobs/minibatch']?.k).toBeGreaterThan(2);
    await waitFor(() => expect(root.getAttribute('data-state')).toBe('done'), { timeout: 10000 });
    expect(Number(screen.getByTestId('cell-blobs-minibatch').getAttribute('data-clusters'))).toBe(last.overrides['blobs/minibatch']!.k);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByTestId('params-panel')).toBeNull();
  });

  it('cancels, then fits what is left', async () => {
    render(<ClusteringComparison n={400} worker={false} />);
    const root = document.querySelector('.gl-explainer')!;
    await waitFor(() => expect(document.querySelector('.gl-progress-bar[aria-busy="true"]')).not.toBeNull());
    expect(root.getAttribute('data-state')).not.toBe('playing');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    });
    expect(document.querySelector('.gl-progress-bar[aria-busy="true"]')).toBeNull();
    expect(screen.getByTestId('status').textContent).toMatch(/Cancelled|fitted/);
    fireEvent.click(screen.getByTestId('fit-grid'));
    await waitFor(() => expect(root.getAttribute('data-state')).toBe('done'), { timeout: 20000 });
  });

  it('reports bad input in the status, never throws', async () => {
    const { unmount } = render(<ClusteringComparison n={3} worker={false} />);
    expect(screen.getByTestId('status').textContent).toMatch(/n must be a whole number/);
    expect(document.querySelector('.gl-explainer')!.getAttribute('data-state')).toBe('error');
    unmount();
    render(<ClusteringComparison n={10} worker={false} defaultValue={{ overrides: { 'blobs/gmm': { k: 12 } } }} />);
    await waitFor(() => expect(document.querySelector('.gl-explainer')!.getAttribute('data-state')).toBe('done'), { timeout: 10000 });
    expect(screen.getByTestId('cell-blobs-gmm').getAttribute('data-state')).toBe('invalid');
    expect(screen.getByTestId('status').textContent).toMatch(/k = 12 is more than the 10 samples/);
  });
});
