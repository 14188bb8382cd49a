import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { spectrogram, syntheticSeismogram } from '@geolearn/algorithms/seismic';
import { Seismogram, clampView, PHASE_COLORS, type SeismogramView } from '../src';
import { conceptColor } from '../src/common/colors';
import { autoPickP, bandpassed, cleanCorners, defaultCorners, fmtAmplitude, focusedOn, spectrogramExtent } from '../src/Seismogram/model';

afterEach(cleanup);

const windowOf = (el: Element) => [Number(el.getAttribute('data-start')), Number(el.getAttribute('data-end'))];
// A small record (10 s at 100 Hz) keeps the tests fast.
const small = { synthetic: { duration: 20, distance: 20 } };

describe('clampView', () => {
  it('keeps the window inside the record and at least minSpan wide', () => {
    expect(clampView(-5, 5, 60, 1)).toEqual([0, 10]);
    expect(clampView(55, 65, 60, 1)).toEqual([50, 60]);
    expect(clampView(10, 10.1, 60, 1)).toEqual([10, 11]);
    expect(clampView(0, 100, 60, 1)).toEqual([0, 60]);
  });
});

describe('Seismogram', () => {
  it('shows the whole synthetic record with its true arrivals by default', () => {
    render(<Seismogram {...small} />);
    const slider = screen.getByRole('slider', { name: /Time window/ });
    expect(windowOf(slider)).toEqual([0, 20]);
    expect(screen.getByRole('group', { name: /3 components \(Z, N, E\), 20.00 s at 100 Hz, true P at/ })).toBeTruthy();
    expect(document.querySelector('[data-marker="tP"]')).not.toBeNull();
    expect(document.querySelector('[data-marker="tS"]')).not.toBeNull();
  });

  it('pans with the arrow keys, zooms with + and −, resets with Home', () => {
    const onValueChange = vi.fn();
    render(<Seismogram {...small} onValueChange={onValueChange} />);
    const slider = screen.getByRole('slider');
    fireEvent.keyDown(slider, { key: '+' });
    const [s1, e1] = windowOf(slider);
    expect(e1 - s1).toBeCloseTo(20 / 1.5, 9);
    expect(s1).toBeCloseTo(10 - 10 / 1.5, 9);
    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    expect(windowOf(slider)[0]).toBeCloseTo(s1 + 0.1 * (e1 - s1), 9);
    fireEvent.keyDown(slider, { key: '-' });
    fireEvent.keyDown(slider, { key: '-' });
    expect(windowOf(slider)).toEqual([0, 20]);
    fireEvent.keyDown(slider, { key: '+' });
    fireEvent.keyDown(slider, { key: 'Home' });
    expect(windowOf(slider)).toEqual([0, 20]);
    expect(onValueChange).toHaveBeenCalledWith(expect.objectContaining({ start: 0, end: 20 }));
  });

  it('is controlled by value: it reports changes and keeps showing the value', () => {
    const value: SeismogramView = { start: 2, end: 6 };
    const onValueChange = vi.fn();
    render(<Seismogram {...small} value={value} onValueChange={onValueChange} />);
    const slider = screen.getByRole('slider');
    expect(windowOf(slider)).toEqual([2, 6]);
    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    expect(onValueChange).toHaveBeenCalledWith({ start: 2.4, end: 6.4 });
    expect(windowOf(slider)).toEqual([2, 6]);
  });

  it('picks P and S at the cursor and says how far they are from the truth', () => {
    render(<Seismogram {...small} defaultValue={{ start: 4, end: 8 }} />);
    const slider = screen.getByRole('slider');
    fireEvent.keyDown(slider, { key: 'p' });
    const status = screen.getByTestId('status');
    expect(status.getAttribute('data-pick-p')).toBe('6');
    expect(status.textContent).toMatch(/P picked at 6.00 s, [+−][\d.]+ s from the true arrival/);
    fireEvent.click(screen.getByRole('button', { name: 'Pick S' }));
    expect(status.textContent).toMatch(/S picked at 6.00 s/);
    fireEvent.click(screen.getByRole('button', { name: 'Clear picks' }));
    expect(status.textContent).toMatch(/No picks yet/);
  });

  it('picks P with STA/LTA close to the true arrival', () => {
    render(<Seismogram synthetic={{ duration: 40, distance: 40, snr: 20 }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Pick P by STA/LTA' }));
    const pick = Number(screen.getByTestId('status').getAttribute('data-pick-p'));
    const truth = Number(document.querySelector('[data-marker="tP"]')!.getAttribute('data-time'));
    expect(Math.abs(pick - truth)).toBeLessThan(1.5);
  });

  it('draws given traces with no arrivals, and toggles the amplitude scaling', () => {
    const samples = Float64Array.from({ length: 1000 }, (_, i) => Math.sin(i / 10));
    const onValueChange = vi.fn();
    render(<Seismogram traces={[{ label: 'BHZ', samples }]} sampleRate={50} onValueChange={onValueChange} showSpectrogram />);
    expect(windowOf(screen.getByRole('slider'))).toEqual([0, 20]);
    expect(document.querySelector('[data-marker="tP"]')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Scale to view' }));
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ scaling: 'view' }));
    expect(screen.getByRole('button', { name: 'Scale to view' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('is deterministic for a seed and leaves no wheel listener behind', () => {
    const a = render(<Seismogram {...small} seed={5} />);
    const t1 = document.querySelector('[data-marker="tS"]')!.getAttribute('data-time');
    a.unmount();
    const b = render(<Seismogram {...small} seed={5} />);
    expect(document.querySelector('[data-marker="tS"]')!.getAttribute('data-time')).toBe(t1);
    const surface = screen.getByTestId('pan-surface');
    const remove = vi.spyOn(surface, 'removeEventListener');
    b.unmount();
    expect(remove).toHaveBeenCalledWith('wheel', expect.any(Function));
  });
});

describe('Seismogram model (issue 13)', () => {
  it('picks P on the one-hour record at the arrival, not in the LTA warm-up or the noise', () => {
    const rec = syntheticSeismogram({ duration: 3600, originTime: 1700, distance: 60, snr: 40, codaDecay: 8, randomState: 3 });
    const r = autoPickP(rec.traces.Z, rec.sampleRate, defaultCorners(rec.sampleRate));
    expect(r.pick).not.toBeNull();
    expect(Math.abs(r.pick! - rec.pArrival)).toBeLessThan(1.5);
    // The first LTA window is skipped: no ratio (so no trigger) before it is full.
    expect(r.warmUp).toBe(r.settings.lta);
    expect(Math.max(...r.ratio.subarray(0, Math.round(r.warmUp * rec.sampleRate)))).toBe(0);
    // And the view moves to a minute around the pick.
    const v = focusedOn({ start: 0, end: 3600 }, r.pick!, 3600, 0.2);
    expect(v.end - v.start).toBe(60);
    expect(r.pick!).toBeGreaterThan(v.start);
    expect(r.pick!).toBeLessThan(v.end);
  });

  it('keeps a view that already shows the pick, and clamps to the record', () => {
    const v = { start: 0, end: 60 };
    expect(focusedOn(v, 12, 60, 0.2)).toBe(v);
    expect(focusedOn({ start: 0, end: 600 }, 595, 600, 0.2)).toEqual({ start: 540, end: 600 });
  });

  it('band-passes with zero phase: a pulse\'s peak stays at its time', () => {
    const fs = 100;
    const x = Float64Array.from({ length: 2000 }, (_, i) => Math.exp(-(((i - 1000) / 8) ** 2)) * Math.cos((2 * Math.PI * 4 * (i - 1000)) / fs));
    const y = bandpassed(x, fs, [1, 10]);
    let at = 0;
    for (let i = 0; i < y.length; i++) if (Math.abs(y[i]) > Math.abs(y[at])) at = i;
    expect(at).toBe(1000);
    expect(cleanCorners([20, 5], fs)[0]).toBeLessThan(cleanCorners([20, 5], fs)[1]);
    expect(cleanCorners([1, 80], fs)[1]).toBeLessThanOrEqual(45);
  });

  it('places the spectrogram so that each frame sits under the samples it was computed from', () => {
    const fs = 100;
    const x = Float64Array.from({ length: 3000 }, (_, i) => Math.sin(i / 3));
    const L = 256;
    const hop = 64;
    const s = spectrogram(x, { sampleRate: fs, windowLength: L, hop });
    const e = spectrogramExtent(L, hop, s.times.length, fs);
    for (const m of [0, 5, s.times.length - 1]) expect(e.left + (m + 0.5) * e.pixel).toBeCloseTo(s.times[m], 12);
  });

  it('formats amplitudes compactly with the minus sign', () => {
    expect(fmtAmplitude(-2100000)).toBe('−2.1M');
    expect(fmtAmplitude(0.5)).toBe('0.5');
    expect(fmtAmplitude(0)).toBe('0');
    expect(PHASE_COLORS.P).toBe(conceptColor('pWave'));
    expect(PHASE_COLORS.S).toBe(conceptColor('sWave'));
  });
});

describe('Seismogram view (issue 13)', () => {
  it('shows the STA/LTA ratio with its threshold after an automatic pick', () => {
    const onValueChange = vi.fn();
    render(<Seismogram synthetic={{ duration: 40, distance: 40, snr: 20 }} onValueChange={onValueChange} />);
    expect(screen.queryByTestId('ratio-track')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Pick P by STA/LTA' }));
    const track = screen.getByTestId('ratio-track');
    expect(track.getAttribute('data-threshold')).toBe('5');
    expect(screen.getByTestId('threshold')).toBeTruthy();
    expect(track.textContent).toMatch(/trigger: STA\/LTA > 5/);
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ showRatio: true, picks: { P: expect.any(Number) } }));
    expect(screen.getByRole('button', { name: 'STA/LTA trace' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('moves the view to the pick on a long record', () => {
    render(<Seismogram synthetic={{ duration: 300, originTime: 150, distance: 40, snr: 30 }} />);
    const slider = screen.getByRole('slider');
    expect(windowOf(slider)).toEqual([0, 300]);
    fireEvent.click(screen.getByRole('button', { name: 'Pick P by STA/LTA' }));
    const pick = Number(screen.getByTestId('status').getAttribute('data-pick-p'));
    const [s, e] = windowOf(slider);
    expect(e - s).toBe(60);
    expect(pick).toBeGreaterThan(s);
    expect(pick).toBeLessThan(e);
  });

  it('has an amplitude axis with units on every trace', () => {
    const samples = Float64Array.from({ length: 1000 }, (_, i) => 2000 * Math.sin(i / 10));
    render(<Seismogram traces={[{ label: 'BHZ', samples }]} sampleRate={50} units="counts" />);
    expect(document.body.textContent).toMatch(/amplitude \(counts\)/);
    expect(screen.getByTestId('amplitude-axis-0').textContent).toMatch(/1\.6k.*0.*−1\.6k|−1\.6k.*0.*1\.6k/);
    cleanup();
    render(<Seismogram {...small} />);
    expect(document.body.textContent).toMatch(/amplitude \(ground velocity, P peak = 1\)/);
    expect(screen.getByTestId('amplitude-axis-2')).toBeTruthy();
  });

  it('band-passes the traces from the control, with valid corners', () => {
    const onValueChange = vi.fn();
    render(<Seismogram {...small} onValueChange={onValueChange} />);
    const low = screen.getByRole('textbox', { name: 'Low corner (Hz)' }) as HTMLInputElement;
    expect(low.disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Band-pass' }));
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ bandpass: [1, 10] }));
    fireEvent.change(screen.getByRole('textbox', { name: 'High corner (Hz)' }), { target: { value: '5' } });
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ bandpass: [1, 5] }));
    expect(screen.getByRole('button', { name: 'Band-pass' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('hides the true arrivals in an exercise until the student has picked', () => {
    render(<Seismogram {...small} exercise defaultValue={{ start: 4, end: 12 }} />);
    expect(document.querySelector('[data-marker="tP"]')).toBeNull();
    expect(document.querySelector('[data-marker="tS"]')).toBeNull();
    expect(screen.getByRole('group', { name: /true arrivals hidden until you pick/ })).toBeTruthy();
    expect(document.body.innerHTML).not.toMatch(/true P at/);
    expect(screen.getByTestId('status').textContent).toMatch(/^Exercise/);
    fireEvent.click(screen.getByRole('button', { name: 'Pick P' }));
    expect(document.querySelector('[data-marker="tP"]')).not.toBeNull();
    expect(document.querySelector('[data-marker="tS"]')).toBeNull();
    expect(screen.getByTestId('status').textContent).toMatch(/from the true arrival/);
  });

  it('reports a bad defaultValue once and uses the default', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(<Seismogram {...small} defaultValue={{ start: 'x' as unknown as number, zoom: 3 } as never} />);
    expect(warn).toHaveBeenCalled();
    expect(windowOf(screen.getByRole('slider'))).toEqual([0, 20]);
    warn.mockRestore();
  });
});
