import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '@geolearn/algorithms';
import { Manifold } from '../src/Manifold';
import { manifoldWindowsTask } from '../src/Manifold/windows';
import { runTaskInWorker } from '../src/worker/runFit';
import { cumulativeVariance, makeWindows, projectWindows, randomImages, roughness, shufflePixels, statusText, DEFAULT_STATE } from '../src/Manifold/model';

afterEach(cleanup);

describe('Manifold model', () => {
  it('measures roughness by hand and keeps the pixel values when shuffling', () => {
    // 2 × 2 image [[0, 1], [1, 1]]: edges (0,1) (0,2) (1,3) (2,3) differ by 1, 1, 0, 0 → 1/2.
    expect(roughness([0, 1, 1, 1], 2)).toBe(0.5);
    const img = randomImages(1, 3)[0];
    expect(roughness(img)).toBeGreaterThan(0.3);
    expect(roughness(img)).toBeLessThan(0.37);
    const s = shufflePixels(img, 1);
    expect(Array.from(s).sort()).toEqual(Array.from(img).sort());
    expect(Array.from(s)).not.toEqual(Array.from(img));
    // Deterministic given the seed.
    expect(Array.from(randomImages(1, 3)[0])).toEqual(Array.from(img));
  });

  it('PCA of a set on one line needs one axis; white noise needs them all', () => {
    const line = Array.from({ length: 20 }, (_, i) => [i, 2 * i, -i]);
    expect(cumulativeVariance(line, 3)[0]).toBeCloseTo(1, 10);
    const w = makeWindows({ count: 120, length: 40, jitter: 0, seed: 0 });
    expect(w.seismic[0]).toHaveLength(120);
    expect(Math.hypot(...w.noise[5])).toBeCloseTo(1, 10);
    const p = projectWindows(w);
    // Seismic windows: a polarisation times a wavelet, so a few axes hold 90 %; noise needs far more.
    expect(p.k90.seismic).not.toBeNull();
    expect(p.k90.seismic!).toBeLessThanOrEqual(6);
    expect(p.curves.noise[2]).toBeLessThan(0.1);
    expect(p.k90.noise === null || p.k90.noise > 30).toBe(true);
    // Jittered onsets curve the region into more dimensions.
    const pj = projectWindows(makeWindows({ count: 120, length: 40, jitter: 0.2, seed: 0 }));
    expect(pj.curves.seismic[2]).toBeLessThan(p.curves.seismic[2]);
    expect(statusText(DEFAULT_STATE, 7, p)).toMatch(/Digit 7\. Waveform windows in ℝ¹²⁰: 3 principal axes hold/);
  });
});

describe('the windows task', () => {
  it('projects the same windows as on the main thread, with progress, and checks its payload', async () => {
    const o = { count: 40, length: 16, jitter: 0.1, seed: 2 };
    const progress: (number | null)[] = [];
    const viaTask = await runTaskInWorker('manifold.windows', o, { onProgress: (p) => progress.push(p), minIntervalMs: 0, sliceMs: 0 });
    expect(viaTask).toEqual(projectWindows(makeWindows(o)));
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toBe(1);
    expect(() => manifoldWindowsTask({ ...o, count: 5 }).next()).toThrow(/count/);
    expect(() => manifoldWindowsTask({ ...o, jitter: -1 }).next()).toThrow(ValidationError);
    expect(() => manifoldWindowsTask(null).next()).toThrow(/payload/);
  });
});

describe('Manifold component', () => {
  it('loads the shipped digits, shuffles and resamples, and switches to 3-D', async () => {
    const { container } = render(<Manifold />);
    const root = container.querySelector('.gl-explainer')!;
    // The windows are drawn and projected off the render (in the worker; here the fallback), the root busy meanwhile.
    expect(root.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByTestId('windows-progress').getAttribute('data-state')).toBe('running');
    await waitFor(() => expect(screen.getByTestId('digit').hasAttribute('data-loaded')).toBe(true));
    await screen.findByTestId('window-plot', {}, { timeout: 10000 });
    expect(root.hasAttribute('aria-busy')).toBe(false);
    expect(screen.getByTestId('status').textContent).toMatch(/^Digit 0\./);
    fireEvent.click(screen.getByTestId('shuffle'));
    expect(screen.getByTestId('digit').hasAttribute('data-shuffled')).toBe(true);
    expect(screen.getByTestId('status').textContent).toMatch(/shuffled/);
    fireEvent.click(screen.getByTestId('resample'));
    expect(screen.getByTestId('random-images').getAttribute('data-draw')).toBe('1');
    await act(async () => {
      fireEvent.change(screen.getByRole('combobox', { name: 'Digit' }), { target: { value: '21' } });
    });
    expect(screen.getByTestId('status').textContent).toMatch(/^Digit 7\./);
    expect(screen.getByTestId('digit').hasAttribute('data-shuffled')).toBe(false);
    fireEvent.click(screen.getByRole('radio', { name: '3-D' }));
    expect(screen.getByTestId('window-plot').getAttribute('data-view')).toBe('3d');
    const rot = screen.getByTestId('rotate');
    fireEvent.keyDown(rot, { key: 'ArrowRight' });
    expect(rot.getAttribute('data-rotation')).toBe('40,25');
    expect(Number(screen.getByTestId('status').getAttribute('data-k90-seismic'))).toBeGreaterThan(0);
    // A new jitter reprojects: the last projection stays (dimmed) meanwhile.
    const k90 = Number(screen.getByTestId('status').getAttribute('data-k90-seismic'));
    fireEvent.keyDown(screen.getByRole('slider', { name: /Onset jitter/ }), { key: 'End' });
    expect(screen.getByTestId('window-plot')).not.toBeNull();
    await waitFor(() => expect(root.hasAttribute('aria-busy')).toBe(false), { timeout: 10000 });
    expect(Number(screen.getByTestId('status').getAttribute('data-k90-seismic'))).toBeGreaterThanOrEqual(k90);
  }, 20000);

  it('cleans a bad defaultValue and shows a message for a bad width', () => {
    const { container } = render(<Manifold width={-1} defaultValue={{ digit: 99, view: 'x' as never }} />);
    expect(container.textContent).toMatch(/width must be a positive number/);
  });
});
