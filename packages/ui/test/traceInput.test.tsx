import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ValidationError } from '@geolearn/algorithms';
import { FormatError, TraceError } from '@geolearn/algorithms/seismic';
import { loadTraceFile, readTraceBytes, sniffFormat, TraceDropZone, type LoadedTraces } from '../src/common/traceInput';
import { colaBytes, colaRecords, concat, sacBytes, sine, withChannel, withRate } from './traceInputFiles';

afterEach(cleanup);

/** The error `f` throws (fails the test when it throws nothing). */
function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error');
}

describe('loadTraceFile: reading', () => {
  it('reads the real COLA miniSEED record: one component, 4,200 samples at 1 Hz, kept as it is', () => {
    const r = loadTraceFile(colaBytes(), 'IU.COLA.00.LHZ.2010-02-27.mseed');
    expect(r.format).toBe('miniseed');
    expect(r.id).toBe('IU.COLA.00.LH');
    expect(r.components).toEqual(['Z']);
    expect(r.traces).toHaveLength(1);
    expect(r.sampleRate).toBe(1);
    expect(r.length).toBe(4200);
    expect(r.traces[0].channel).toBe('LHZ');
    // libmseed's figures for this file (assets/data/README.md).
    expect(Math.min(...r.traces[0].data)).toBe(-2121836);
    expect(Math.max(...r.traces[0].data)).toBe(1342348);
    expect(r.startTime! - Date.UTC(2010, 1, 27, 6, 50, 0)).toBeCloseTo(69.539, 2);
    expect(r.notes[0]).toBe('IU.COLA.00.LHZ.2010-02-27.mseed: miniSEED, 1 trace');
    expect(r.resampledFrom).toBeNull();
  });

  it('tells the formats by their magic bytes, whatever the file is called, and reads SAC', () => {
    expect(sniffFormat(colaBytes())).toBe('miniseed');
    const sac = sacBytes(sine(500));
    expect(sniffFormat(sac)).toBe('sac');
    expect(sniffFormat(new Uint8Array(700))).toBeNull();
    const r = loadTraceFile(sac, 'record.mseed'); // a misleading name
    expect(r.format).toBe('sac');
    expect(r.id).toBe('XX.GEOL.00.HH');
    expect(r.sampleRate).toBe(100);
    expect(r.traces[0].data[25]).toBeCloseTo(Math.fround(sine(500)[25]), 6);
    expect(readTraceBytes(colaBytes(), 'a.sac').format).toBe('miniseed');
  });

  it('refuses a corrupt file with the reader\'s FormatError, after trying both readers', () => {
    const bad = colaBytes();
    bad[6] = 'X'.charCodeAt(0); // the first record's quality letter
    const err = thrown(() => loadTraceFile(bad, 'broken.mseed'));
    expect(err).toBeInstanceOf(FormatError);
    expect(err.message).toMatch(/^miniSEED: not a SEED data record header.*it is not a SAC file either \(at byte 0\)$/);
    expect((err as FormatError).problem).toBe('corrupt');
  });

  it('refuses a truncated file and an empty one', () => {
    const cut = colaBytes().slice(0, 1000);
    const err = thrown(() => loadTraceFile(cut, 'cut.mseed'));
    expect(err).toBeInstanceOf(FormatError);
    expect((err as FormatError).problem).toBe('truncated');
    expect(thrown(() => loadTraceFile(new Uint8Array(0), 'empty.sac')).message).toMatch(/empty\.sac is empty/);
  });

  it('refuses NaN samples with a clear message (models never see NaN)', () => {
    const x = sine(300);
    x[120] = NaN;
    const err = thrown(() => loadTraceFile(sacBytes(x), 'nan.sac'));
    expect(err).toBeInstanceOf(FormatError);
    expect(err.message).toMatch(/sample 120 is NaN, not a finite number: the record is damaged or has missing data, and models must never see NaN/);
  });
});

describe('loadTraceFile: gaps, overlaps, rates, components, windows', () => {
  it('pads a gap with zeros and says so, or refuses it when asked or too long', () => {
    const recs = colaRecords();
    const gapped = concat([...recs.slice(0, 20), ...recs.slice(21)]); // record 20 (105 samples) missing
    const r = loadTraceFile(gapped, 'gap.mseed', { maxGapSeconds: 600 });
    expect(r.length).toBe(4200);
    expect(r.gaps).toHaveLength(1);
    expect(r.gaps[0].samples).toBe(105);
    expect(r.notes.join(' | ')).toMatch(/a gap of 1[0-9.]+ ?(s|min).*\(105 samples\).*padded with zeros/);
    const at = Math.round((r.gaps[0].start - r.startTime!) / 1000);
    expect(Array.from(r.traces[0].data.subarray(at, at + 105)).every((v) => v === 0)).toBe(true);
    const long = thrown(() => loadTraceFile(gapped, 'gap.mseed')); // default: pads at most 60 s
    expect(long).toBeInstanceOf(TraceError);
    expect(long).toBeInstanceOf(ValidationError);
    expect((long as TraceError).reason).toBe('gap');
    expect(long.message).toMatch(/IU\.COLA\.00\.LHZ has a gap of 105 s at 2010-02-27 .*longer than the 60 s/);
    expect(thrown(() => loadTraceFile(gapped, 'gap.mseed', { gaps: 'refuse' })).message).toMatch(/gaps are refused here/);
  });

  it('merges an overlap (a record sent twice) and says so', () => {
    const recs = colaRecords();
    const twice = concat([...recs.slice(0, 6), recs[5], ...recs.slice(6)]);
    const r = loadTraceFile(twice, 'twice.mseed');
    expect(r.length).toBe(4200);
    expect(r.overlaps).toHaveLength(1);
    expect(r.overlaps[0].identical).toBe(true);
    expect(r.notes.join(' | ')).toMatch(/recorded twice with the same values \(merged: kept once\)/);
    expect(Array.from(r.traces[0].data)).toEqual(Array.from(loadTraceFile(colaBytes(), 'a').traces[0].data));
  });

  it('refuses mixed sampling rates by default, or resamples to the lowest rate, or to targetRate', () => {
    const [rec] = colaRecords(); // 112 samples from 06:50:00
    // The same record again as an "LHN" channel whose header says 2 Hz: two components at two rates.
    const mixed = concat([rec, withRate(withChannel(rec, 'LHN'), 2)]);
    const err = thrown(() => loadTraceFile(mixed, 'mixed.mseed'));
    expect(err).toBeInstanceOf(TraceError);
    expect((err as TraceError).reason).toBe('mixed-sample-rates');
    expect(err.message).toMatch(/mixes sampling rates \(IU\.COLA\.00\.LHZ at 1 Hz, IU\.COLA\.00\.LHN at 2 Hz\)/);
    const low = loadTraceFile(mixed, 'mixed.mseed', { mixedRates: 'resample' });
    expect(low.sampleRate).toBe(1);
    expect(low.components).toEqual(['Z', 'N']);
    expect(low.resampledFrom).toEqual([1, 2]);
    expect(low.notes.join(' | ')).toMatch(/all resampled to the lowest, 1 Hz, after an anti-alias low-pass/);
    // N at 2 Hz spans half the time (56 s): both are trimmed to the span they share.
    expect(low.length).toBe(56);
    expect(low.notes.join(' | ')).toMatch(/trimmed to the span all components share/);
    // Within one channel too: a record whose header says 2 Hz amid 1 Hz records.
    const recs = colaRecords().slice(0, 4);
    const odd = thrown(() => loadTraceFile(concat([recs[0], recs[1], withRate(recs[2], 2), recs[3]]), 'odd.mseed'));
    expect((odd as TraceError).reason).toBe('mixed-sample-rates');
    const up = loadTraceFile(mixed, 'mixed.mseed', { targetRate: 4 });
    expect(up.sampleRate).toBe(4);
    expect(up.notes.join(' | ')).toMatch(/each piece resampled to 4 Hz before merging/);
  });

  it('resamples to a model\'s rate with an anti-alias filter going down, and says so', () => {
    const r = loadTraceFile(sacBytes(sine(3000), 0.01), 'hh.sac', { targetRate: 40 });
    expect(r.sampleRate).toBe(40);
    expect(r.length).toBe(1200);
    expect(r.resampledFrom).toEqual([100]);
    expect(r.notes.join(' | ')).toMatch(/resampled from 100 Hz to 40 Hz after an anti-alias low-pass at 16 Hz/);
  });

  it('keeps, replicates, zero-fills or refuses a one-component record', () => {
    const keep = loadTraceFile(colaBytes(), 'cola.mseed');
    expect(keep.traces).toHaveLength(1);
    const rep = loadTraceFile(colaBytes(), 'cola.mseed', { components: 'replicate' });
    expect(rep.components).toEqual(['Z', 'N', 'E']);
    expect(rep.traces.map((t) => t.channel)).toEqual(['LHZ', 'LHN', 'LHE']);
    expect(Array.from(rep.traces[2].data)).toEqual(Array.from(rep.traces[0].data));
    expect(rep.filled).toEqual(['N', 'E']);
    expect(rep.notes.join(' | ')).toMatch(/Z copied into N and E/);
    const zeros = loadTraceFile(colaBytes(), 'cola.mseed', { components: 'zeros' });
    expect(zeros.traces[1].data.every((v) => v === 0)).toBe(true);
    const err = thrown(() => loadTraceFile(colaBytes(), 'cola.mseed', { components: 'refuse' }));
    expect((err as TraceError).reason).toBe('components');
    expect(err.message).toMatch(/only Z is in the file; this model needs three components/);
  });

  it('refuses or pads a record shorter than the window', () => {
    const one = colaRecords()[0]; // 112 samples
    const err = thrown(() => loadTraceFile(one, 'short.mseed', { window: 300 }));
    expect((err as TraceError).reason).toBe('too-short');
    expect(err.message).toMatch(/holds 112 samples at 1 Hz \(112 s\), shorter than the window of 300 \(300 s\)/);
    const pad = loadTraceFile(one, 'short.mseed', { window: 300, short: 'pad' });
    expect(pad.length).toBe(300);
    expect(pad.padded).toBe(188);
    expect(pad.notes.join(' | ')).toMatch(/112 samples padded with 188 zeros/);
  });

  it('band-passes when asked (zero phase), and refuses a band above Nyquist', () => {
    const r = loadTraceFile(colaBytes(), 'cola.mseed', { bandpass: { freqmin: 0.01, freqmax: 0.05 } });
    expect(r.notes.join(' | ')).toMatch(/band-passed 0\.01–0\.05 Hz/);
    const raw = loadTraceFile(colaBytes(), 'cola.mseed').traces[0].data;
    const mean = (a: Float64Array) => a.reduce((s, v) => s + v, 0) / a.length;
    expect(Math.abs(mean(r.traces[0].data))).toBeLessThan(Math.abs(mean(raw)) + 1);
    const err = thrown(() => loadTraceFile(colaBytes(), 'cola.mseed', { bandpass: { freqmin: 0.1, freqmax: 0.6 } }));
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.message).toMatch(/bandpass\.freqmax.*below the Nyquist frequency 0\.5 Hz/);
    expect(thrown(() => loadTraceFile(colaBytes(), 'x', { components: 'all' as never })).message).toMatch(/components.*'keep', 'replicate', 'zeros', 'refuse'/);
    expect(thrown(() => loadTraceFile(colaBytes(), 'x', { window: -3 })).message).toMatch(/window/);
  });
});

/** A File holding `bytes` (happy-dom's File reads them back with arrayBuffer()). */
const fileOf = (bytes: Uint8Array, name: string) => new File([bytes.slice().buffer as ArrayBuffer], name);

describe('TraceDropZone', () => {
  it('loads a picked file through the labelled input, then shows a refusal and keeps the previous trace', async () => {
    const onLoad = vi.fn<(r: LoadedTraces) => void>();
    const onError = vi.fn();
    render(
      <TraceDropZone onLoad={onLoad} onError={onError}>
        <div data-testid="plot">plot</div>
      </TraceDropZone>,
    );
    const zone = screen.getByTestId('trace-drop');
    expect(zone.getAttribute('data-state')).toBe('idle');
    expect(zone.classList.contains('gl-trace-drop')).toBe(true);
    const input = screen.getByLabelText('Open a miniSEED or SAC file') as HTMLInputElement;
    expect(input.type).toBe('file');
    fireEvent.change(input, { target: { files: [fileOf(colaBytes(), 'cola.mseed')] } });
    await waitFor(() => expect(onLoad).toHaveBeenCalledTimes(1));
    expect(onLoad.mock.calls[0][0].length).toBe(4200);
    expect(screen.getByTestId('trace-drop-message').textContent).toMatch(/^Loaded IU\.COLA\.00\.LH \(1 component, 4200 samples at 1 Hz\)/);
    const bad = colaBytes();
    bad[6] = 88;
    fireEvent.change(input, { target: { files: [fileOf(bad, 'broken.mseed')] } });
    await waitFor(() => expect(zone.getAttribute('data-state')).toBe('error'));
    expect(onLoad).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0][0]).toBeInstanceOf(FormatError);
    expect(screen.getByTestId('trace-drop-message').textContent).toMatch(/^Could not load broken\.mseed: miniSEED: not a SEED data record header.*The previous record is still shown\.$/);
  });

  it('shows the drag over the zone and loads a dropped file with the options', async () => {
    const onLoad = vi.fn<(r: LoadedTraces) => void>();
    render(<TraceDropZone onLoad={onLoad} options={{ components: 'replicate' }} />);
    const zone = screen.getByTestId('trace-drop');
    const file = fileOf(colaBytes(), 'cola.mseed');
    const dataTransfer = { types: ['Files'], files: [file], dropEffect: 'none' };
    fireEvent.dragEnter(zone, { dataTransfer });
    expect(zone.getAttribute('data-state')).toBe('over');
    fireEvent.dragLeave(zone, { dataTransfer });
    expect(zone.getAttribute('data-state')).toBe('idle');
    fireEvent.dragEnter(zone, { dataTransfer });
    fireEvent.drop(zone, { dataTransfer });
    expect(zone.getAttribute('data-state')).toBe('loading');
    await waitFor(() => expect(onLoad).toHaveBeenCalledTimes(1));
    expect(onLoad.mock.calls[0][0].components).toEqual(['Z', 'N', 'E']);
    expect(zone.getAttribute('data-state')).toBe('idle');
    expect(screen.getByTestId('trace-drop-message').textContent).toMatch(/Z copied into N and E/);
  });

  it('is disabled on request', () => {
    render(<TraceDropZone onLoad={() => {}} disabled />);
    expect((screen.getByLabelText('Open a miniSEED or SAC file') as HTMLInputElement).disabled).toBe(true);
  });
});
