import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeLidarScene, ValidationError } from '@geolearn/algorithms';
import { LidarClassification } from '../src';
import { columnRange, confusion, DEFAULT_STATE, FEATURE_NAMES, recalls, rotated, statusText, trainCount } from '../src/LidarClassification/model';
import { lidarClassifyTask, trainMask, type LidarTaskResult } from '../src/LidarClassification/task';
import { paintPoints } from '../src/LidarClassification/useLidarClassification';

afterEach(cleanup);

/** Drains the task, timing each step (a main-thread slice of the fallback). */
function drain(payload: unknown): { result: LidarTaskResult; progress: number[]; maxStepMs: number } {
  const g = lidarClassifyTask(payload);
  const progress: number[] = [];
  let maxStepMs = 0;
  for (;;) {
    const t0 = performance.now();
    const r = g.next();
    maxStepMs = Math.max(maxStepMs, performance.now() - t0);
    if (r.done) return { result: r.value, progress, maxStepMs };
    if (typeof r.value.progress === 'number') progress.push(r.value.progress);
  }
}

describe('LidarClassification model', () => {
  it('confusion matrix over the unlabelled points, by hand', () => {
    // Truth 0 0 1 1 2, prediction 0 1 1 1 0, point 0 labelled: C over points 1–4.
    const { C, accuracy, n } = confusion([0, 0, 1, 1, 2], [0, 1, 1, 1, 0], [1, 0, 0, 0, 0], 3);
    expect(C).toEqual([
      [0, 1, 0],
      [0, 2, 0],
      [1, 0, 0],
    ]);
    expect(n).toBe(4);
    expect(accuracy).toBe(0.5);
    expect(recalls(C)).toEqual([0, 1, 0]);
    expect(recalls([[0, 0], [0, 3]])[0]).toBeNaN();
  });

  it('rotation wraps the azimuth and clamps the elevation to [5°, 90°]', () => {
    expect(rotated([350, 30], 20, 0)).toEqual([10, 30]);
    expect(rotated([10, 30], -20, 100)).toEqual([350, 90]);
    expect(rotated([0, 10], 0, -50)).toEqual([0, 5]);
  });

  it('labelled subset size, feature range and the status line', () => {
    expect(trainCount(0.05, 1000)).toBe(50);
    expect(trainCount(0.0001, 1000)).toBe(2);
    expect(trainMask(1000, 0.05, 0).reduce((a, b) => a + b, 0)).toBe(50);
    expect(columnRange([1, 5, 1, 5], 2, 0)).toEqual([1, 2]);
    expect(columnRange([1, 5, 3, 7], 2, 1)).toEqual([5, 7]);
    expect(statusText({ n: 1000, nTrain: 50, running: false, progress: 1, accuracy: 0.9, error: null })).toBe('Trained on 50 labelled points (5.0 %); accuracy on the other 950: 90.0 %');
    expect(statusText({ n: 1000, nTrain: 50, running: true, progress: 0.4, accuracy: null, error: null })).toMatch(/\(40 %\)…$/);
    expect(statusText({ n: 0, nTrain: 2, running: false, progress: null, accuracy: null, error: 'nPoints: bad' })).toBe('Cannot classify: nPoints: bad');
    expect(FEATURE_NAMES).toHaveLength(16);
    expect(FEATURE_NAMES).toContain(DEFAULT_STATE.feature);
  });
});

describe('lidarClassifyTask (worker task)', () => {
  it('classifies a small scene well, with rising progress and short steps', () => {
    const { result, progress, maxStepMs } = drain({ nPoints: 2500, seed: 1, trainFraction: 0.1, nTrees: 15, radii: [1, 2, 3] });
    const scene = makeLidarScene({ nPoints: 2500, randomState: 1 });
    expect(result.predictions).toHaveLength(2500);
    expect(result.features).toHaveLength(2500 * 16);
    expect(result.names).toEqual(FEATURE_NAMES);
    const { accuracy } = confusion(scene.labels, result.predictions, result.train, 5);
    expect(accuracy).toBeGreaterThan(0.85);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]);
    expect(progress.at(-1)).toBeCloseTo(1, 9);
    // Each step is a slice of the main-thread fallback: 500 points, one tree or 500 predictions
    // (a few ms on an idle CPU; the bound is loose for a shared one).
    expect(progress.length).toBeGreaterThan(2500 / 500 + 15);
    expect(maxStepMs).toBeLessThan(2000);
    expect(result.importances.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  it('rejects a bad payload with a ValidationError', () => {
    expect(() => drain(null)).toThrow(ValidationError);
    expect(() => drain({ nPoints: 500, seed: 0, trainFraction: 0, nTrees: 3 })).toThrow(/trainFraction/);
    expect(() => drain({ nPoints: 3, seed: 0, trainFraction: 0.1, nTrees: 3 })).toThrow(/nPoints/);
    expect(() => drain({ nPoints: 500, seed: 0, trainFraction: 0.1, nTrees: 3, radii: [2, 1] })).toThrow(/radii/);
  });

  it('paints truth (labelled bold), errors (0 right, 1 wrong, 2 labelled) and a feature in [0, 1]', () => {
    const labels = Int32Array.from([0, 1, 2]);
    const run = { predictions: Int32Array.from([0, 2, 2]), train: Uint8Array.from([1, 0, 0]), features: Float64Array.from([0, 10, 5]), names: ['f'] } as unknown as LidarTaskResult;
    const truth = paintPoints('truth', labels, run, 0);
    expect(Array.from(truth.bold)).toEqual([1, 0, 0]);
    expect(Array.from(paintPoints('errors', labels, run, 0).values)).toEqual([2, 1, 0]);
    expect(Array.from(paintPoints('feature', labels, run, 0).values)).toEqual([0, 1, 0.5]);
    expect(paintPoints('prediction', labels, null, 0).kind).toBe('classes');
  });
});

describe('<LidarClassification>', () => {
  it('trains (main-thread fallback), shows the confusion matrix and the accuracy, recolours and rotates', async () => {
    const onValueChange = vi.fn();
    render(<LidarClassification nPoints={1500} defaultValue={{ nTrees: 8, trainFraction: 0.1 }} worker={false} onValueChange={onValueChange} />);
    expect(screen.getByTestId('status').textContent).toMatch(/^Computing features and training on 150 labelled points of 1500/);
    await waitFor(() => expect(screen.getByTestId('status').textContent).toMatch(/accuracy on the other 1350: \d+\.\d %$/), { timeout: 20000 });
    const acc = Number(screen.getByTestId('status').getAttribute('data-accuracy'));
    expect(acc).toBeGreaterThan(0.8);
    expect(screen.getByTestId('confusion').getAttribute('data-state')).toBe('current');
    expect(screen.getByTestId('importances')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Errors' }));
    expect(screen.getByTestId('status').getAttribute('data-color-by')).toBe('errors');
    fireEvent.change(screen.getByRole('combobox', { name: 'Feature' }), { target: { value: 'verticality r=1' } });
    expect(screen.getByTestId('status').getAttribute('data-color-by')).toBe('feature');
    expect(screen.getByTestId('feature-legend')).toBeTruthy();
    const rotate = screen.getByTestId('rotate');
    expect(rotate.getAttribute('data-rotation')).toBe('30,35');
    fireEvent.keyDown(rotate, { key: 'ArrowLeft' });
    expect(rotate.getAttribute('data-rotation')).toBe('25,35');
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ rotation: [25, 35], colorBy: 'feature', feature: 'verticality r=1' }));
  });

  it('shows a bad point count in the status instead of throwing', () => {
    render(<LidarClassification nPoints={3} worker={false} />);
    expect(screen.getByTestId('status').textContent).toMatch(/^Cannot classify: nPoints: must be in \[10, 2000000\], got 3/);
    expect(screen.getByRole('figure').getAttribute('data-state')).toBe('error');
  });

  it('cancels the run on unmount and on Cancel, and warns once about a bad defaultValue', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { unmount } = render(<LidarClassification nPoints={1500} defaultValue={{ nTrees: 5, trainFraction: 7 } as never} worker={false} />);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByTestId('status').textContent).toContain('Training cancelled');
    // The cancelled run never reports (its worker or slices stopped).
    await act(async () => {
      await new Promise((r) => setTimeout(r, 400));
    });
    expect(screen.getByTestId('status').textContent).toContain('Training cancelled');
    unmount();
  });
});
