import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KMeans, sliderRange } from '@geolearn/algorithms';
import { KMeansStepper, type KMeansStepperState } from '../src/KMeansStepper';
import { K_SLIDER, STATE_CHECKS, bestOfRuns, dataProblem, drawCenters, elbowCurve, inertiaOf, makeKMeansData, runFrom, voronoiCells, type Pt } from '../src/KMeansStepper/model';
import { expectAnimationStopsOnUnmount } from './helpers';

afterEach(cleanup);

describe('KMeansStepper model', () => {
  // Hand-worked: points 0, 1 and 10, 11 on the x axis; centroids start at 0 and 1.
  // Assign: {0} → μ₁, {1, 10, 11} → μ₂; inertia 0 + (1−1)² + 9² + 10² = 181.
  // Update: μ₁ = 0, μ₂ = 22/3; assign again: {0, 1}, {10, 11}; update: μ = 0.5 and 10.5, inertia 4 × 0.25 = 1.
  const X: Pt[] = [[0, 0], [1, 0], [10, 0], [11, 0]];
  it('steps Lloyd’s algorithm as the slide lists it, with the inertia worked by hand', () => {
    const run = runFrom(X, [[0, 0], [1, 0]]);
    expect(run.error).toBeNull();
    const s = run.steps;
    expect(s.map((t) => t.step).slice(0, 4)).toEqual(['initialise', 'assign', 'update', 'repeat']);
    expect(s[0].inertia).toBeNull();
    expect(s[1].labels).toEqual([0, 1, 1, 1]);
    expect(s[1].inertia).toBeCloseTo(181, 10);
    expect(s[2].centers[1][0]).toBeCloseTo(22 / 3, 10);
    // After the update the labels are the old ones, the centres new: 0 + (1−22/3)² + (10−22/3)² + (11−22/3)².
    expect(s[2].inertia).toBeCloseTo((1 - 22 / 3) ** 2 + (10 - 22 / 3) ** 2 + (11 - 22 / 3) ** 2, 10);
    const last = s[s.length - 1];
    expect(last.converged).toBe(true);
    expect(last.centers.map((c) => c[0])).toEqual([0.5, 10.5]);
    expect(inertiaOf(X, last.centers, last.labels!)).toBeCloseTo(1, 12);
    // Each assignment lowers (or keeps) the inertia.
    const assigned = s.filter((t) => t.step === 'assign').map((t) => t.inertia!);
    for (let i = 1; i < assigned.length; i++) expect(assigned[i]).toBeLessThanOrEqual(assigned[i - 1] + 1e-12);
  });

  it('cuts the box into Voronoi cells', () => {
    const cells = voronoiCells([[0, 0], [2, 0]], [-1, 3, -1, 1]);
    // The bisector is x = 1: cell 1 is [−1, 1] × [−1, 1], cell 2 is [1, 3] × [−1, 1].
    const xsOf = (poly: Pt[]) => poly.map((p) => p[0]);
    expect(Math.max(...xsOf(cells[0]))).toBeCloseTo(1);
    expect(Math.min(...xsOf(cells[1]))).toBeCloseTo(1);
    // A duplicate centroid gets no cell.
    expect(voronoiCells([[0, 0], [0, 0]], [-1, 1, -1, 1])[1]).toEqual([]);
  });

  it('says what is wrong with k > n and identical points, never throws', () => {
    expect(dataProblem([[0, 0], [1, 1]], 5)).toMatch(/k = 5 is more than the 2 points/);
    expect(dataProblem(Array.from({ length: 6 }, () => [1, 1] as Pt), 3)).toMatch(/All 6 points are identical/);
    expect(runFrom([[0, 0]], [[0, 0], [1, 1]]).error).toMatch(/nClusters/);
    expect(() => drawCenters(Array.from({ length: 6 }, () => [1, 1] as Pt), 3, 'k-means++', 0)).not.toThrow();
  });

  it('finds the bad local minimum of the preset and the best of 10 runs beats it', () => {
    const data = makeKMeansData('blobs', 300, 0);
    const bad = runFrom(data, drawCenters(data, 4, 'random', 2)).steps.at(-1)!;
    const good = bestOfRuns(data, 4, 'random', 2)!;
    expect(good.inertias).toHaveLength(10);
    expect(good.inertias[0]).toBeCloseTo(bad.inertia ?? inertiaOf(data, bad.centers, bad.labels!), 6);
    expect(good.inertias[good.best] * 3).toBeLessThan(good.inertias[0]);
  });
});

describe('KMeansStepper', () => {
  it('steps through initialise, assign, update, repeat and reports each state', () => {
    const onValueChange = vi.fn();
    render(<KMeansStepper onValueChange={onValueChange} />);
    const status = screen.getByTestId('status');
    expect(status.getAttribute('data-phase')).toBe('initialise');
    expect(screen.getByTestId('points').getAttribute('data-labelled')).toBe('no');
    const step = screen.getByRole('button', { name: 'Step' });
    fireEvent.click(step);
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ step: 1 }));
    expect(status.getAttribute('data-phase')).toBe('assign');
    expect(screen.getByTestId('points').getAttribute('data-labelled')).toBe('yes');
    expect(screen.getByTestId('voronoi').getAttribute('data-cells')).toBe('4');
    fireEvent.click(step);
    expect(status.getAttribute('data-phase')).toBe('update');
    expect(status.textContent).toMatch(/Update the centroids/);
  });

  it('moves an initial centroid from the keyboard and starts over', () => {
    const onValueChange = vi.fn();
    render(<KMeansStepper defaultValue={{ step: 5 }} onValueChange={onValueChange} />);
    const handle = screen.getByRole('button', { name: /Initial centroid μ₁/ });
    const before = handle.getAttribute('aria-label');
    fireEvent.keyDown(handle, { key: 'ArrowRight' });
    expect(handle.getAttribute('aria-label')).not.toBe(before);
    const last = onValueChange.mock.lastCall![0] as KMeansStepperState;
    expect(last.step).toBe(0);
    expect(last.centers).toHaveLength(4);
  });

  it('shows the bad start and the best of 10 runs', () => {
    render(<KMeansStepper defaultValue={{ dataset: 'moons' }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Bad start' }));
    fireEvent.click(screen.getByRole('button', { name: 'Best of 10 runs' }));
    const panel = screen.getByTestId('best-of');
    expect(panel.getAttribute('data-inertias')!.split(',')).toHaveLength(10);
    expect(screen.getAllByTestId('best-centers')).toHaveLength(1);
  });

  it('changes k and the data set', () => {
    const onValueChange = vi.fn();
    render(<KMeansStepper onValueChange={onValueChange} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Data set' }), { target: { value: 'moons' } });
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ dataset: 'moons', k: 2, step: 0 }));
    fireEvent.change(screen.getByRole('slider', { name: 'Clusters k' }), { target: { value: '6' } });
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ k: 6 }));
    expect(document.querySelectorAll('[data-testid^="centroid-"]')).toHaveLength(6);
  });

  it('shows a message for k > n and for identical points, never throws', () => {
    render(<KMeansStepper data={[[0, 0], [1, 1], [2, 2]]} defaultValue={{ k: 5 }} />);
    expect(screen.getByTestId('status').textContent).toMatch(/k = 5 is more than the 3 points/);
    expect(screen.getByRole('figure').getAttribute('data-state')).toBe('error');
    cleanup();
    render(<KMeansStepper data={Array.from({ length: 8 }, () => [2, 2])} defaultValue={{ k: 3 }} />);
    expect(screen.getByTestId('status').textContent).toMatch(/All 8 points are identical/);
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(screen.getByTestId('status').textContent).toMatch(/identical/);
    cleanup();
    render(<KMeansStepper data={[[0, 0], [1, NaN], [4, 4], [5, 5]]} defaultValue={{ k: 2 }} />);
    expect(screen.getByTestId('status').textContent).toMatch(/1 row of data without two finite coordinates left out/);
  });

  it('draws the elbow curve once computed (off the main thread, or in slices)', async () => {
    render(<KMeansStepper />);
    const chart = screen.getByTestId('elbow-chart');
    await waitFor(() => expect(chart.getAttribute('data-points')).toBe('8'));
    const expected = elbowCurve(makeKMeansData('blobs', 300, 0));
    expect(chart.getAttribute('aria-label')).toContain(`4: ${Number(expected[3][1].toPrecision(4))}`);
    // The inertia falls steeply up to the four blobs, then flattens.
    expect(expected[2][1] / expected[3][1]).toBeGreaterThan(3);
    expect(expected[3][1] / expected[4][1]).toBeLessThan(1.5);
  });

  it('is an Explainer with rest props and a ref', () => {
    const ref = { current: null as HTMLElement | null };
    render(<KMeansStepper ref={ref} id="km" data-course="8" theme="dark" />);
    const fig = screen.getByRole('figure', { name: 'k-means, step by step' });
    expect(fig.id).toBe('km');
    expect(fig.getAttribute('data-course')).toBe('8');
    expect(ref.current).toBe(fig);
    expect(screen.getAllByRole('radio')).toHaveLength(2);
  });

  it('cancels its animation frame on unmount', () => {
    expectAnimationStopsOnUnmount(<KMeansStepper />);
  });
});

describe('KMeansStepper k slider from KMeans.paramSpec', () => {
  it("takes its ends and step from specRange(KMeans, 'nClusters'), inside the spec's range", () => {
    const spec = sliderRange(KMeans.paramSpec.nClusters)!;
    expect(K_SLIDER).toMatchObject({ scale: 'linear', step: 1 });
    expect(K_SLIDER.min).toBeGreaterThanOrEqual(spec.min);
    expect(K_SLIDER.max).toBeLessThanOrEqual(spec.max);
    render(<KMeansStepper />);
    const input = screen.getByTestId('k-slider');
    expect(Number(input.getAttribute('min'))).toBe(K_SLIDER.min);
    expect(Number(input.getAttribute('max'))).toBe(K_SLIDER.max);
    expect(Number(input.getAttribute('step'))).toBe(1);
    expect(STATE_CHECKS.k(K_SLIDER.max)).toBe(true);
    expect(STATE_CHECKS.k(K_SLIDER.max + 1)).toBe(false);
    expect(STATE_CHECKS.k(2.5)).toBe(false);
  });
});
