import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VOLCANIC_CLASSES } from '@geolearn/algorithms/seismic';
import { WaveformFeatures, VOLCANIC_CLASS_COLORS, featureReference, zScores, type WaveformFeaturesState } from '../src';
import { featureSizes } from '../src/WaveformFeatures/model';

afterEach(cleanup);

describe('featureReference', () => {
  it('standardises the pooled set: class averages of z balance out', () => {
    const ref = featureReference(0, 3);
    expect(featureReference(0, 3)).toBe(ref); // cached
    expect(ref.mean).toHaveLength(102);
    // The pooled mean of z is 0, so the six class means (equal class sizes) sum to 0.
    for (const j of [1, 4, 10, 40, 80]) {
      const s = VOLCANIC_CLASSES.reduce((a, c) => a + ref.classMeanZ[c][j], 0);
      expect(Math.abs(s)).toBeLessThan(1e-9);
    }
    // Length is constant (3000 samples): σ = 0 and z = 0.
    expect(ref.std[0]).toBe(0);
    expect(zScores(ref.mean, ref).every((v) => Math.abs(v) < 1e-12)).toBe(true);
  });
});

describe('WaveformFeatures', () => {
  it('shows 34 features of the chosen domain and switches class and domain', () => {
    const onValueChange = vi.fn();
    render(<WaveformFeatures referencePerClass={2} onValueChange={onValueChange} />);
    const table = screen.getByTestId('feature-table');
    expect(within(table).getAllByRole('row')).toHaveLength(35);
    expect(within(table).getByRole('rowheader', { name: 'Rényi entropy (α = 2, 30 bins)' })).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: /^TOR/ }));
    expect(onValueChange).toHaveBeenLastCalledWith({ eventClass: 'TOR', eventSeed: 0, domain: 'temporal' });
    expect(screen.getByTestId('event-waveform').getAttribute('data-class')).toBe('TOR');
    fireEvent.click(screen.getByRole('radio', { name: 'Cepstral' }));
    expect(document.querySelector('tr[data-key="length"]')!.textContent).toMatch(/cepstral/);
    expect(screen.getByTestId('status').textContent).toMatch(/^TOR event, seed 0: nearest class average \(cepstral features\) is/);
  });

  it('is controlled by value and deterministic for a seed', () => {
    const value: WaveformFeaturesState = { eventClass: 'VT', eventSeed: 4, domain: 'spectral' };
    const onValueChange = vi.fn();
    const a = render(<WaveformFeatures referencePerClass={2} value={value} onValueChange={onValueChange} />);
    const z1 = document.querySelector('tr[data-key="kurtosis"]')!.getAttribute('data-z');
    fireEvent.click(screen.getByRole('button', { name: 'New event' }));
    expect(onValueChange).toHaveBeenCalledWith({ ...value, eventSeed: 5 });
    expect(screen.getByTestId('event-waveform').getAttribute('data-seed')).toBe('4');
    a.unmount();
    render(<WaveformFeatures referencePerClass={2} value={value} />);
    expect(document.querySelector('tr[data-key="kurtosis"]')!.getAttribute('data-z')).toBe(z1);
  });

  it('takes a typed seed, never below 0', () => {
    const onValueChange = vi.fn();
    render(<WaveformFeatures referencePerClass={2} onValueChange={onValueChange} />);
    const input = screen.getByRole('spinbutton', { name: 'Event seed' });
    fireEvent.change(input, { target: { value: '12' } });
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ eventSeed: 12 }));
    fireEvent.change(input, { target: { value: '-3' } });
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ eventSeed: 0 }));
  });
});

describe('WaveformFeatures on the design system', () => {
  it('reports a bad defaultValue once and uses the default', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(<WaveformFeatures referencePerClass={2} defaultValue={{ eventClass: 'XX' as never, eventSeed: -2, colour: 1 } as never} />);
    expect(warn).toHaveBeenCalled();
    expect(screen.getByTestId('event-waveform').getAttribute('data-class')).toBe('LP');
    expect(screen.getByTestId('event-waveform').getAttribute('data-seed')).toBe('0');
    warn.mockRestore();
  });

  it('prints negative numbers with the minus sign and uses theme colours only', () => {
    render(<WaveformFeatures referencePerClass={2} defaultValue={{ eventClass: 'VT' }} />);
    const cells = [...document.querySelectorAll('[data-testid="feature-table"] td')].map((c) => c.textContent ?? '');
    expect(cells.some((c) => c.includes('−'))).toBe(true);
    expect(cells.some((c) => /(^|[\s(])-\d/.test(c))).toBe(false);
    expect(Object.values(VOLCANIC_CLASS_COLORS).every((c) => c.startsWith('var(--gl-'))).toBe(true);
    expect(new Set(Object.values(VOLCANIC_CLASS_COLORS)).size).toBe(6);
  });

  it('narrows the table on a phone: no "#" or "Domain" column, a narrower chart', () => {
    const s = featureSizes(760, 560, 358, true);
    expect(s.compact).toBe(true);
    expect(s.width).toBe(358);
    expect(s.chartWidth).toBeLessThanOrEqual(140);
    expect(featureSizes(760, 560, 760, false)).toMatchObject({ compact: false, chartWidth: 220 });
  });
});
