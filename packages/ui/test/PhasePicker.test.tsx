import { ValidationError } from '@geolearn/algorithms';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PhasePicker } from '../src/PhasePicker';
import { checkRecord, histogram, meanStd, modelPicks, pickRows, syntheticWindow, statusText } from '../src/PhasePicker/model';
import { checkPhasePickerPayload, phasePickerTask } from '../src/PhasePicker/task';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The shipped files as file: URLs (under vitest, import.meta.url assets resolve to a dev-server URL). */
const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../assets/models/seismic-picker');
const urls = { modelUrl: pathToFileURL(path.join(dir, 'model.json')).href, weightsUrl: pathToFileURL(path.join(dir, 'weights.bin')).href };
const pickerModelUrls = () => urls;

afterEach(cleanup);

describe('PhasePicker model', () => {
  it('bins residuals by hand: 10 bins of 0.1 s over [−0.5, 0.5], the outside clamped to the ends', () => {
    expect(histogram([-0.5, -0.04, 0, 0.04, 0.6], -0.5, 0.5, 10)).toEqual([1, 0, 0, 0, 1, 2, 0, 0, 0, 1]);
    const ms = meanStd([-0.1, 0.1, 0.3]);
    expect(ms.mean).toBeCloseTo(0.1, 12);
    expect(ms.std).toBeCloseTo(Math.sqrt((0.04 + 0 + 0.04) / 3), 12);
  });

  it('compares picks with the truth: pick − truth, the model pick nearest the truth', () => {
    const w = { x: new Float32Array(9000), pTrue: 5, sTrue: 9.5, source: 'test' };
    const picks = { P: [{ index: 300, probability: 0.6 }, { index: 510, probability: 0.9 }], S: [] };
    const rows = pickRows(w, picks, 5.3, 4.9, 9.6);
    expect(rows.find((r) => r.who === 'Model' && r.phase === 'P')!.residual).toBeCloseTo(0.1, 12);
    expect(rows.find((r) => r.who === 'Model' && r.phase === 'S')!.time).toBeNull();
    expect(rows.find((r) => r.who === 'STA/LTA')!.residual).toBeCloseTo(0.3, 12);
    expect(rows.find((r) => r.who === 'You' && r.phase === 'S')!.residual).toBeCloseTo(0.1, 12);
    const q = new Float32Array(9000);
    for (let t = 0; t < 3000; t++) q[t * 3 + 2] = 1;
    q[700 * 3] = 0.8;
    q[700 * 3 + 2] = 0.2;
    expect(modelPicks(q, 0.5).P.map((p) => p.index)).toEqual([700]);
    expect(modelPicks(q, 0.9).P).toEqual([]);
    expect(statusText({ error: null, busy: false, loading: false, w, picks, showTruth: true, rows })).toMatch(/model P \+0\.10 s/);
  });

  it('says, with the truth shown, how far the P onset stands out of the noise (more at a higher SNR)', () => {
    const lo = syntheticWindow({ snrDb: 0, distance: 40, seed: 3 });
    const hi = syntheticWindow({ snrDb: 20, distance: 40, seed: 3 });
    expect(hi.onsetSnr!).toBeGreaterThan(lo.onsetSnr! + 5);
    const none = { P: [], S: [] };
    const text = statusText({ error: null, busy: false, loading: false, w: hi, picks: none, showTruth: true, rows: pickRows(hi, none, null, null, null) });
    expect(text).toContain(`The P onset stands ${hi.onsetSnr!.toFixed(1)} dB out of the noise`);
    expect(statusText({ error: null, busy: false, loading: false, w: hi, picks: none, showTruth: false, rows: [] })).not.toMatch(/onset/);
  });

  it('moves S − P with the distance and keeps the window deterministic', () => {
    const near = syntheticWindow({ snrDb: 10, distance: 20, seed: 1 });
    const far = syntheticWindow({ snrDb: 10, distance: 110, seed: 1 });
    expect(far.sTrue! - far.pTrue!).toBeGreaterThan(near.sTrue! - near.pTrue! + 8);
    expect(Array.from(syntheticWindow({ snrDb: 10, distance: 20, seed: 1 }).x.slice(0, 20))).toEqual(Array.from(near.x.slice(0, 20)));
  });

  it('refuses NaN and short records with a message, replicates one component', () => {
    const long = Array.from({ length: 3500 }, (_, i) => Math.sin(i / 10));
    const nan = long.slice();
    nan[1234] = NaN;
    const r1 = checkRecord({ components: [nan], sampleRate: 100, name: 'x.mseed' });
    expect(r1.ok).toBe(false);
    expect(!r1.ok && r1.message).toMatch(/sample 1234 of Z .* NaN\. The model never sees NaN/);
    const r2 = checkRecord({ components: [long.slice(0, 2000)], sampleRate: 100 });
    expect(!r2.ok && r2.message).toMatch(/lasts 20\.0 s, shorter than the picker's 30 s window/);
    const r3 = checkRecord({ components: [long], sampleRate: 100 });
    expect(r3.ok && r3.components).toHaveLength(3);
    expect(r3.ok && r3.notes[0]).toMatch(/one component: Z is copied/);
    expect(checkRecord({ components: [long], sampleRate: 50 }).ok).toBe(false);
    expect(checkRecord({ components: [long, long.slice(0, 3200)], sampleRate: 100 }).ok).toBe(false);
  });
});

describe('the picker task', () => {
  it('rejects bad payloads with a typed error naming the field', () => {
    const urls = pickerModelUrls();
    expect(() => checkPhasePickerPayload(null)).toThrow(ValidationError);
    expect(() => checkPhasePickerPayload({ ...urls, kind: 'window', x: new Float32Array(10) })).toThrow(/^x:/);
    expect(() => checkPhasePickerPayload({ ...urls, kind: 'batch', n: 0, threshold: 0.5 })).toThrow(/^n:/);
    expect(() => checkPhasePickerPayload({ ...urls, kind: 'nope' })).toThrow(/^kind:/);
  });

  it('scores a small held-out batch with progress, STA/LTA beside', async () => {
    const { ensureNnBackend } = await import('../src/worker/nnServe');
    await ensureNnBackend();
    const gen = phasePickerTask({ ...pickerModelUrls(), kind: 'batch', n: 6, threshold: 0.5 });
    const progress: number[] = [];
    let r = await gen.next();
    while (!r.done) {
      if (typeof r.value.progress === 'number') progress.push(r.value.progress);
      r = await gen.next();
    }
    expect(progress[progress.length - 1]).toBe(1);
    const res = r.value;
    expect(res.kind).toBe('batch');
    if (res.kind === 'batch') {
      expect(res.n).toBe(6);
      expect(res.report.P.arrivals).toBe(6);
      expect(res.threshold).toBe(0.5);
    }
  }, 30000);
});

describe('PhasePicker component', () => {
  it('runs the model on the window, takes keyboard picks, and reveals residuals on request', async () => {
    const onValueChange = vi.fn();
    render(<PhasePicker onValueChange={onValueChange} allowFiles={false} modelUrls={urls} />);
    const status = screen.getByTestId('status');
    await waitFor(() => expect(screen.getByTestId('probabilities').getAttribute('data-state')).toBe('ready'), { timeout: 20000 });
    expect(status.textContent).toMatch(/The model picks \d+ P and \d+ S/);
    const area = screen.getByTestId('pick-area');
    await act(async () => {
      fireEvent.keyDown(area, { key: 'ArrowRight' });
    });
    expect(onValueChange.mock.calls.at(-1)![0].myP).toBe(15);
    await act(async () => {
      fireEvent.keyDown(area, { key: 'ArrowRight' });
      fireEvent.keyDown(area, { key: 's' });
    });
    expect(onValueChange.mock.calls.at(-1)![0]).toMatchObject({ myP: 15.05, phase: 'S' });
    expect(screen.getByTestId('residual-You-P').textContent).toBe('·');
    await act(async () => {
      fireEvent.click(screen.getByTestId('show-truth'));
    });
    expect(screen.getByTestId('residual-You-P').textContent).toMatch(/s$/);
    expect(screen.getByTestId('picks').querySelector('[data-kind="truth"]')).not.toBeNull();
    expect(status.textContent).toMatch(/Residuals \(pick − truth\)/);
  }, 40000);

  it('refuses a record with NaN samples and explains a one-component record', async () => {
    const n = 3600;
    const bad = Array.from({ length: n }, (_, i) => (i === 50 ? NaN : Math.sin(i / 7)));
    const { unmount } = render(<PhasePicker record={{ components: [bad], sampleRate: 100, name: 'bad.sac' }} allowFiles={false} modelUrls={urls} />);
    expect(screen.getByTestId('status').textContent).toMatch(/bad\.sac: sample 50 of Z .* NaN/);
    expect(document.querySelector('.gl-explainer')!.getAttribute('data-state')).toBe('error');
    unmount();
    const one = Array.from({ length: n }, (_, i) => Math.sin(i / 7) * Math.exp(-((i - 1500) ** 2) / 1e4));
    render(<PhasePicker record={{ components: [one], sampleRate: 100, name: 'one.sac' }} allowFiles={false} modelUrls={urls} />);
    expect(screen.getByText(/one component: Z is copied into the missing ones/)).toBeTruthy();
    expect(screen.getByTestId('start-slider')).toBeTruthy();
    expect(screen.getByTestId('pick-whole')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('probabilities').getAttribute('data-state')).toBe('ready'), { timeout: 20000 });
  }, 40000);

  it('cleans a bad defaultValue and shows a message for a bad width', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { container } = render(<PhasePicker width={0} defaultValue={{ snrDb: 99, phase: 'X' as never }} allowFiles={false} modelUrls={urls} />);
    expect(container.textContent).toMatch(/width must be a positive number/);
    warn.mockRestore();
  });
});
