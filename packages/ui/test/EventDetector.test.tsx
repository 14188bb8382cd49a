import { ValidationError } from '@geolearn/algorithms';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initBackend } from '@geolearn/algorithms/nn';
import { EventDetector } from '../src/EventDetector';
import { cellPath, detectorFlags, detectorIntervals, epicentreXY, eventInWindow, generatedStream, onEvent, recordToSource, scoreWindows, staLtaFlags, staLtaOf, statusText, toScan, windowStarts } from '../src/EventDetector/model';
import { detectorLambdaTask, detectorScanTask } from '../src/EventDetector/task';

afterEach(cleanup);
beforeAll(async () => {
  await initBackend({ order: ['wasm', 'cpu'] });
});

/** The shipped files as file: URLs (under vitest, import.meta.url assets resolve to a dev-server URL). */
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../assets/models/seismic-detector');
const model = { modelUrl: pathToFileURL(path.join(dir, 'model.json')).href, weightsUrl: pathToFileURL(path.join(dir, 'weights.bin')).href };

describe('EventDetector model', () => {
  it('draws the cells and epicentres north up, clockwise', () => {
    // Cell 1 (near, 0–120°) is a pie slice from the centre; cell 4 (far) an annulus piece.
    expect(cellPath(1, 100).startsWith('M0,0L0.00,-44.00')).toBe(true); // 22 km of 50 → 44 px, due north
    expect(cellPath(4, 100)).toMatch(/^M0.00,-100.00A100,100/);
    const [x, y] = epicentreXY(50, 90, 100); // due east at the far edge
    expect(x).toBeCloseTo(100, 9);
    expect(y).toBeCloseTo(0, 9);
    const [x2, y2] = epicentreXY(25, 180, 100); // south, half-way
    expect(x2).toBeCloseTo(0, 9);
    expect(y2).toBeCloseTo(50, 9);
  });

  it('scores a hand-made scan window by window: one hit, one false alarm', () => {
    // Windows every second over 60 s; p_event high for starts 10–12 (event P at 15 s, S at 16.5 s) and 40 (nothing there).
    const starts = Float64Array.from({ length: 51 }, (_, i) => i);
    const probs = new Float32Array(51 * 7);
    for (let i = 0; i < 51; i++) probs[i * 7] = [10, 11, 12, 40].includes(i) ? 0.1 : 0.95;
    const scan = toScan({ starts, probs, ms: 1 });
    expect(scan.pEvent[10]).toBeCloseTo(0.9, 6);
    expect(detectorIntervals(scan, 0.5)).toEqual([{ start: 10, end: 22 }, { start: 40, end: 50 }]);
    const events = [{ cell: 1, snrDb: 5, distance: 10, depth: 5, backAzimuth: 10, pArrival: 15, sArrival: 16.5 }];
    // The event's signal spans [14.5, 26.5] s: windows starting at 5 … 26 touch it; the other 51 − 22 = 29 are noise.
    const score = scoreWindows(starts, detectorFlags(scan, 0.5), events);
    expect(score).toMatchObject({ hits: 1, misses: 0, falseAlarms: 1, noiseWindows: 29 });
    // STA/LTA: a ratio of 4 at 15.2 s only flags the windows starting at 6 … 15 (they hold that sample).
    const ratio = new Float64Array(6000);
    ratio[1520] = 4;
    const flags = staLtaFlags(ratio, windowStarts(60), 3, 100);
    expect(flags.filter(Boolean)).toHaveLength(10);
    expect(scoreWindows(windowStarts(60), flags, events)).toMatchObject({ hits: 1, falseAlarms: 0 });
    expect(onEvent({ start: 40, end: 50 }, events)).toBe(false);
    expect(eventInWindow(events, 8)?.cell).toBe(1);
    expect(eventInWindow(events, 16)).toBeNull();
    expect(statusText({ error: null, scanning: false, scan, detector: score, staLta: null, nDetector: 2, nStaLta: 3, threshold: 0.5, staLtaOn: 3 })).toBe(
      'Detector (p_event ≥ 0.50): 1 hit, 0 misses, 1 of 29 noise windows flagged. STA/LTA (on at 3.0): 3 detections.',
    );
  });

  it('makes a stream with STA/LTA triggers, and refuses a record without horizontals', () => {
    const s = generatedStream(20, 3, 75);
    expect(s.events).toHaveLength(2);
    const sta = staLtaOf(s, 3);
    const starts = windowStarts(75);
    expect(scoreWindows(starts, staLtaFlags(sta.ratio, starts, 3, 100), s.events)?.hits).toBe(2);
    const z = { data: new Float64Array(2000) };
    expect(() => recordToSource({ traces: [z], components: ['Z'], sampleRate: 100, length: 2000, id: 'X', name: 'x.mseed' })).toThrow(/needs Z, N and E/);
    const r = recordToSource({ traces: [z, z, z], components: ['Z', '1', '2'], sampleRate: 100, length: 2000, id: 'X', name: 'x.mseed' });
    expect(r.duration).toBe(20);
    expect(r.events).toBeNull();
  });
});

describe('EventDetector tasks', () => {
  it('refuse bad payloads with a typed error', async () => {
    await expect(detectorScanTask(null).next()).rejects.toThrow(ValidationError);
    await expect(detectorScanTask({ model: { modelUrl: 'a', weightsUrl: 'b' }, Z: [1], N: new Float32Array(1), E: new Float32Array(1) }).next()).rejects.toThrow(/Float32Array/);
    await expect(detectorLambdaTask({ lambda: -1, nTrain: 8, nTest: 8, epochs: 1, seed: 0 }).next()).rejects.toThrow(/lambda/);
    await expect(detectorLambdaTask({ lambda: 0.1, nTrain: 8, nTest: 8, epochs: 0, seed: 0 }).next()).rejects.toThrow(/epochs/);
  });
});

describe('EventDetector component (main-thread fallback)', () => {
  it('scans the stream with the shipped model, shows the map and both scores, and moves the window', async () => {
    const onValueChange = vi.fn();
    render(<EventDetector model={model} duration={60} defaultValue={{ snrDb: 15, cursor: 10 }} onValueChange={onValueChange} lambdaRun={{ nTrain: 8, nTest: 8, epochs: 1 }} />);
    const status = screen.getByTestId('status');
    expect(status.textContent).toMatch(/STA\/LTA/);
    await waitFor(() => expect(status.textContent).toMatch(/^Detector \(/), { timeout: 30_000 });
    expect(status.textContent).toMatch(/^Detector \(p_event ≥ 0.50\): \d+ hits?, \d+ miss(es)?, \d+ of \d+ noise windows flagged\. STA\/LTA/);
    expect(screen.getByTestId('p-event-curve').getAttribute('d')).toMatch(/^M/);
    expect(screen.getByTestId('cell-map').getAttribute('data-best')).not.toBe('-1');
    expect(screen.getByTestId('score-detector').textContent).toMatch(/\d/);
    // ← / → on the plot move the current window by a second.
    fireEvent.keyDown(screen.getByTestId('stream-window'), { key: 'ArrowRight' });
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ cursor: 11 }));
    fireEvent.change(screen.getByRole('slider', { name: 'Detector threshold on p_event' }), { target: { value: '0.9' } });
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ threshold: 0.9 }));
    expect(status.textContent).toMatch(/p_event ≥ 0.90/);
  });

  it('retrains with a λ and lists the run', async () => {
    render(<EventDetector model={model} duration={60} lambdaRun={{ nTrain: 8, nTest: 8, epochs: 1 }} />);
    await act(async () => {
      fireEvent.click(screen.getByTestId('retrain'));
    });
    await waitFor(() => expect(screen.getByTestId('lambda-runs').textContent).toMatch(/held-out loss \d/), { timeout: 30_000 });
  });

  it('cleans a bad defaultValue and shows a bad width as a message', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(<EventDetector model={model} duration={60} defaultValue={{ threshold: 7 } as never} />);
    expect(warn).toHaveBeenCalled();
    expect((screen.getByRole('slider', { name: 'Detector threshold on p_event' }) as HTMLInputElement).value).toBe('0.5');
    warn.mockRestore();
    cleanup();
    render(<EventDetector model={model} width={0} />);
    expect(screen.getByText(/width must be a positive number/)).toBeTruthy();
  });
});
