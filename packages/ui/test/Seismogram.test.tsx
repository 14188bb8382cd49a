import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Seismogram, clampView, type SeismogramView } from '../src';

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
