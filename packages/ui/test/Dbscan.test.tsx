import { DBSCAN } from '@geolearn/algorithms';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Dbscan } from '../src/Dbscan';
import { canonicalLabels, frameAt, growDbscan, kindsOf, makeDbscanData, type Pt } from '../src/Dbscan/model';

afterEach(cleanup);

describe('Dbscan model', () => {
  // Hand-worked: 0, 1, 2 and 10 on the x axis, 2.6 between; ε = 1.1, minSamples = 3.
  // Neighbourhoods: 0 → {0,1}, 1 → {0,1,2}, 2 → {1,2,2.6}, 2.6 → {2,2.6}, 10 → {10}.
  // Core: 1 and 2 only. From 1: step 1 adds 0 and 2; step 2 adds 2.6 (a neighbour of core 2).
  // 0 and 2.6 are border, 10 is noise.
  const X: Pt[] = [[0, 0], [1, 0], [2, 0], [10, 0], [2.6, 0]];
  it('grows ring by ring, with core, border and noise worked by hand', () => {
    const g = growDbscan(X, 1.1, 3, 1);
    expect(g.error).toBeNull();
    expect(g.core).toEqual([false, true, true, false, false]);
    expect(g.labels).toEqual([0, 0, 0, -1, 0]);
    expect(g.reachedAt.slice(0, 3)).toEqual([1, 0, 1]);
    expect(g.reachedAt[4]).toBe(2);
    expect(kindsOf(g)).toEqual(['border', 'core', 'core', 'noise', 'border']);
    expect(frameAt(g, 1).frontier).toEqual([0, 2]);
    expect(frameAt(g, g.lastStep).done).toBe(true);
    // A non-core seed falls back to the first core sample.
    expect(growDbscan(X, 1.1, 3, 0).start).toBe(1);
  });

  it('ends with DBSCAN’s labels, up to the clusters’ numbering', () => {
    for (const name of ['moons', 'blobs'] as const) {
      const data = makeDbscanData(name, 200, 3);
      for (const [eps, m] of [[0.2, 5], [0.12, 4], [0.3, 10]] as const) {
        const ref = new DBSCAN({ eps, minSamples: m }).fit(data);
        const g = growDbscan(data, eps, m, 0);
        expect(canonicalLabels(g.labels)).toEqual(canonicalLabels(ref.labels));
        expect(kindsOf(g)).toEqual(ref.sampleKinds);
      }
    }
  });

  it('reports eps ≤ 0 and identical points, never throws', () => {
    expect(growDbscan(X, 0, 3, 0).error).toMatch(/ε must be a positive/);
    expect(growDbscan(X, -1, 3, 0).error).toMatch(/ε must be a positive/);
    const same = makeDbscanData('identical', 20, 0);
    const g = growDbscan(same, 0.2, 5, 0);
    expect(g.labels.every((l) => l === 0)).toBe(true);
    expect(growDbscan([], 0.2, 5, 0).error).toMatch(/no points/);
  });
});

describe('Dbscan component', () => {
  it('steps, reaches the end and shows noise as crosses', () => {
    render(<Dbscan />);
    const status = screen.getByTestId('status');
    expect(status!.getAttribute('data-step')).toBe('0');
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(status!.getAttribute('data-step')).toBe('1');
    expect(status.textContent).toMatch(/grows by/);
    fireEvent.click(screen.getByRole('button', { name: 'To the end' }));
    expect(status!.getAttribute('data-done')).toBe('true');
    expect(status.textContent).toMatch(/Done: 2 clusters/);
    expect(Number(screen.getByTestId('points').getAttribute('data-noise'))).toBeGreaterThan(0);
  });

  it('shows a message for ε = 0 and for identical points', () => {
    const { unmount } = render(<Dbscan defaultValue={{ eps: 0 }} />);
    expect(screen.getByTestId('status').textContent).toMatch(/ε must be a positive/);
    expect(document.querySelector('.gl-explainer')!.getAttribute('data-state')).toBe('error');
    unmount();
    render(<Dbscan defaultValue={{ dataset: 'identical', step: 100 }} />);
    expect(screen.getByTestId('status').textContent).toMatch(/1 cluster/);
  });

  it('a new seed sample restarts from there', () => {
    render(<Dbscan defaultValue={{ step: 3 }} />);
    const field = screen.getByRole('textbox', { name: 'Seed sample #' });
    fireEvent.change(field, { target: { value: '7' } });
    fireEvent.blur(field);
    expect(screen.getByTestId('status')!.getAttribute('data-step')).toBe('0');
  });
});
