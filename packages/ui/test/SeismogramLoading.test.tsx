import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FdsnError, FdsnTimeoutError, FormatError, NoDataError, type FetchLike, type FetchResponseLike } from '@geolearn/algorithms/seismic';
import { Seismogram, type LoadedTraces } from '../src';
import { cornersForRate, spectrogramWindow } from '../src/Seismogram/model';
import { fdsnErrorText, fileNameOf, utcLabel } from '../src/Seismogram/source';
import { colaBytes } from './traceInputFiles';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const small = { synthetic: { duration: 20, distance: 20 } };
const windowOf = (el: Element) => [Number(el.getAttribute('data-start')), Number(el.getAttribute('data-end'))];
const fileOf = (bytes: Uint8Array, name: string) => new File([bytes.slice().buffer as ArrayBuffer], name);
const COLA_GROUP = /1 component \(LHZ\), 4200 s at 1 Hz/;

/** A fetch answer with a status and a body. */
function answer(status: number, body: Uint8Array | string = ''): FetchResponseLike {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return {
    status,
    statusText: '',
    headers: { get: (h: string) => (h.toLowerCase() === 'content-length' ? String(bytes.length) : null) },
    arrayBuffer: () => Promise.resolve(bytes.slice().buffer as ArrayBuffer),
    text: () => Promise.resolve(typeof body === 'string' ? body : ''),
  };
}

describe('Seismogram: a file dropped or picked', () => {
  it('shows a dropped miniSEED record with its id and start time, and keeps it when a corrupt file follows', async () => {
    const onRecordChange = vi.fn<(l: LoadedTraces) => void>();
    render(<Seismogram {...small} onRecordChange={onRecordChange} />);
    const zone = screen.getByTestId('trace-drop');
    fireEvent.drop(zone, { dataTransfer: { types: ['Files'], files: [fileOf(colaBytes(), 'IU.COLA.00.LHZ.mseed')] } });
    await waitFor(() => expect(onRecordChange).toHaveBeenCalledTimes(1));
    expect(screen.getByRole('group', { name: COLA_GROUP })).toBeTruthy();
    expect(windowOf(screen.getByRole('slider', { name: /Time window/ }))).toEqual([0, 4200]);
    expect(screen.getByTestId('view-readout').textContent).toMatch(/^IU\.COLA\.00\.LH, t = 0 at 2010-02-27 06:50:00 UTC · 0\.00–4200 s/);
    expect(document.querySelector('[data-marker="tP"]')).toBeNull(); // a real record has no known arrivals
    const bad = colaBytes();
    bad[6] = 88;
    fireEvent.change(screen.getByLabelText('Open a miniSEED or SAC file'), { target: { files: [fileOf(bad, 'broken.mseed')] } });
    await waitFor(() => expect(zone.getAttribute('data-state')).toBe('error'));
    expect(screen.getByTestId('trace-drop-message').textContent).toMatch(/Could not load broken\.mseed: miniSEED: not a SEED data record header.*previous record is still shown/);
    expect(screen.getByRole('group', { name: COLA_GROUP })).toBeTruthy();
    expect(onRecordChange).toHaveBeenCalledTimes(1);
  });

  it('keeps a band-pass that fits the new rate, and falls back to default corners otherwise', () => {
    expect(cornersForRate([0.01, 0.05], 1)).toEqual([0.01, 0.05]);
    expect(cornersForRate([1, 10], 1)).toEqual([0.04, 0.4]);
    expect(cornersForRate(null, 1)).toBeNull();
    expect(cornersForRate(undefined, 100)).toBeNull();
  });

  it('leaves the loaders out when loadable is false, and the FDSN form when fdsn is false', () => {
    render(<Seismogram {...small} loadable={false} />);
    expect(screen.queryByTestId('trace-drop')).toBeNull();
    cleanup();
    render(<Seismogram {...small} fdsn={false} />);
    expect(screen.getByTestId('trace-drop')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load from FDSN' })).toBeNull();
  });
});

describe('Seismogram: src', () => {
  it('loads the record at src once, saying so meanwhile, and opens it on the defaultValue window with its band-pass', async () => {
    let resolve: (r: Response) => void = () => {};
    const fetchMock = vi.fn(() => new Promise<Response>((r) => (resolve = r)));
    vi.stubGlobal('fetch', fetchMock);
    render(<Seismogram src="/assets/data/IU.COLA.00.LHZ.2010-02-27.mseed" defaultValue={{ start: 2000, end: 3600, bandpass: [0.01, 0.05] }} showSpectrogram />);
    expect(screen.getByTestId('status').textContent).toBe('Loading IU.COLA.00.LHZ.2010-02-27.mseed…');
    await act(async () => resolve(new Response(colaBytes().slice().buffer as ArrayBuffer)));
    await waitFor(() => expect(screen.getByRole('group', { name: COLA_GROUP })).toBeTruthy());
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(windowOf(screen.getByRole('slider', { name: /Time window/ }))).toEqual([2000, 3600]);
    expect(screen.getByRole('button', { name: 'Band-pass' }).getAttribute('aria-pressed')).toBe('true');
    expect((screen.getByRole('textbox', { name: 'High corner (Hz)' }) as HTMLInputElement).value).toBe('0.05');
    expect(screen.getByTestId('status').textContent).toMatch(/^No picks yet/);
    expect(screen.getByTestId('spectrogram-key')).toBeTruthy();
  });

  it('renders on a server as loading, without fetching', () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    const html = renderToString(<Seismogram src="https://example.org/data/y.mseed" showSpectrogram />);
    expect(html).toMatch(/Loading y\.mseed…/);
    expect(html).toMatch(/class="gl-trace-drop[^"]*" data-state="idle"/);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('says why src failed, in the status, and marks the frame as an error', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response('', { status: 404 }))));
    render(<Seismogram src="https://example.org/x/missing.sac" />);
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('Could not load missing.sac: HTTP 404'));
    expect(screen.getByTestId('seismogram').getAttribute('data-state')).toBe('error');
  });
});

describe('Seismogram: Load from FDSN', () => {
  const open = () => fireEvent.click(screen.getByRole('button', { name: 'Load from FDSN' }));
  const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Fetch' }));

  it('asks the service for the channel and window in the form, and shows the answer cut to the window', async () => {
    const fetchMock = vi.fn<FetchLike>(() => Promise.resolve(answer(200, colaBytes())));
    render(<Seismogram {...small} fdsn={{ fetch: fetchMock }} />);
    expect(screen.queryByTestId('fdsn-form')).toBeNull();
    open();
    expect(screen.getByRole('button', { name: 'Load from FDSN' }).getAttribute('aria-expanded')).toBe('true');
    expect((screen.getByLabelText('Station') as HTMLInputElement).value).toBe('COLA');
    fireEvent.change(screen.getByLabelText('Start (UTC)'), { target: { value: '2010-02-27T07:00:00' } });
    fireEvent.change(screen.getByLabelText('End (UTC)'), { target: { value: '2010-02-27T07:30:00' } });
    fireEvent.change(screen.getByLabelText('Service base URL'), { target: { value: 'http://127.0.0.1:8080' } });
    submit();
    await waitFor(() => expect(screen.getByTestId('fdsn-form').getAttribute('data-state')).toBe('done'));
    const url = new URL(fetchMock.mock.calls[0][0]);
    expect(url.origin + url.pathname).toBe('http://127.0.0.1:8080/fdsnws/dataselect/1/query');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ net: 'IU', sta: 'COLA', loc: '00', cha: 'LHZ', format: 'miniseed' });
    // Trimmed to 07:00–07:30: 1,800 s at 1 Hz (the samples fall at .069 s past each second).
    expect(screen.getByRole('group', { name: /1 component \(LHZ\), 1800 s at 1 Hz/ })).toBeTruthy();
    expect(screen.getByTestId('fdsn-message').textContent).toMatch(/^Loaded IU\.COLA\.00\.LH from 2010-02-27 07:00:00 UTC: 1800 samples at 1 Hz/);
  });

  it.each([
    [204, '', /^No data: the service has nothing for this channel and time window \(HTTP 204\)/],
    [400, 'Error 400: Bad Request\nUnrecognized channel code', /^The service refused the request \(HTTP 400\): Error 400: Bad Request Unrecognized channel code\. Check the codes/],
    [404, '', /^Not found \(HTTP 404\)/],
    [413, '', /^Too much data asked \(HTTP 413\): shorten the time window/],
  ])('shows HTTP %i as a typed message and keeps the previous record', async (status, body, message) => {
    const fetchMock = vi.fn<FetchLike>(() => Promise.resolve(answer(status, body)));
    render(<Seismogram {...small} fdsn={{ fetch: fetchMock }} />);
    open();
    submit();
    await waitFor(() => expect(screen.getByTestId('fdsn-form').getAttribute('data-state')).toBe('error'));
    expect(screen.getByTestId('fdsn-message').textContent).toMatch(message);
    expect(screen.getByTestId('fdsn-message').textContent).toMatch(/The previous record is still shown\.$/);
    expect(screen.getByRole('group', { name: /3 components \(Z, N, E\), 20\.00 s at 100 Hz/ })).toBeTruthy();
  });

  it('honours the timeout, and Cancel aborts a request', async () => {
    const hang: FetchLike = (_url, init) =>
      new Promise((_, reject) => init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    render(<Seismogram {...small} fdsn={{ fetch: hang, timeoutMs: 30 }} />);
    open();
    submit();
    expect(screen.getByTestId('fdsn-form').getAttribute('data-state')).toBe('loading');
    await waitFor(() => expect(screen.getByTestId('fdsn-message').textContent).toMatch(/no complete answer within 30 ms.*Try a shorter window/));
    cleanup();
    render(<Seismogram {...small} fdsn={{ fetch: hang, timeoutMs: 60000 }} />);
    open();
    submit();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.getByTestId('fdsn-message').textContent).toBe('Cancelled. The previous record is still shown.'));
  });

  it('names a field the client refuses before asking', async () => {
    const fetchMock = vi.fn<FetchLike>();
    render(<Seismogram {...small} fdsn={{ fetch: fetchMock }} />);
    open();
    fireEvent.change(screen.getByLabelText('Channel'), { target: { value: 'LHZZ' } });
    submit();
    await waitFor(() => expect(screen.getByTestId('fdsn-form').getAttribute('data-state')).toBe('error'));
    expect(screen.getByTestId('fdsn-message').textContent).toMatch(/channel/);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('Seismogram source helpers', () => {
  it('words each FDSN failure', () => {
    expect(fdsnErrorText(new NoDataError('u'))).toMatch(/^No data/);
    expect(fdsnErrorText(new FdsnTimeoutError('u', 5))).toMatch(/within 5 ms/);
    expect(fdsnErrorText(new FdsnError('network', null, 'FDSN dataselect: no answer from x', 'u'))).toMatch(/offline.*CORS/);
    expect(fdsnErrorText(new FormatError('miniseed', 'corrupt', 'bad'))).toMatch(/^The service answered, but not with readable miniSEED: miniSEED: bad/);
  });

  it('sizes the spectrogram frame for long low-rate records, as before for short fast ones', () => {
    expect(spectrogramWindow(6000, 100)).toEqual({ windowLength: 256, hop: 64 });
    expect(spectrogramWindow(4200, 1)).toEqual({ windowLength: 256, hop: 64 });
    expect(spectrogramWindow(10, 100).windowLength).toBe(10);
    expect(fileNameOf('https://a.b/c/IU.COLA.mseed?x=1')).toBe('IU.COLA.mseed');
    expect(utcLabel(Date.UTC(2010, 1, 27, 6, 50, 0, 69))).toBe('2010-02-27 06:50:00 UTC');
  });
});
