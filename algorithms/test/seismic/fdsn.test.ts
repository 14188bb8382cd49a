/**
 * fetchDataselect against a small FDSN dataselect service started here (node:http on
 * 127.0.0.1, port 0) that serves the real IU.COLA.00.LHZ record of the 2010 Maule earthquake
 * (test/fixtures/seismic, see its README for the attribution). No outside network.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FDSN_MESSAGE_LIMIT,
  FdsnError,
  FdsnTimeoutError,
  FormatError,
  NoDataError,
  fetchDataselect,
  readMiniSeed,
  type FetchDataselectOptions,
} from '@geolearn/algorithms/seismic';
import { ValidationError } from '../../src/core/errors';

const FILE = new Uint8Array(readFileSync(new URL('../fixtures/seismic/IU.COLA.00.LHZ.2010-02-27.mseed', import.meta.url)));
const { records } = readMiniSeed(FILE);
/** Most seconds the stub serves in one request (413 above). */
const MAX_WINDOW_S = 3 * 3600;

/** FDSN time (UTC, zone optional) → epoch ms, or NaN. */
function parseTime(s: string | null): number {
  if (!s || !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?Z?$/.test(s)) return NaN;
  return Date.parse(s.endsWith('Z') ? s : s.length === 10 ? `${s}T00:00:00Z` : `${s}Z`);
}

/** Matches an FDSN code pattern (wildcards ? and *, comma lists) against a code. */
function matches(pattern: string, code: string): boolean {
  return pattern.split(',').some((p) => {
    const re = new RegExp(`^${p.replace(/[?]/g, '.').replace(/\*/g, '.*')}$`);
    return re.test(p === '--' ? '' : code);
  });
}

const requests: string[] = [];

/** The stub service: the dataselect query on the COLA file, plus routes for the error tests. */
function handle(req: IncomingMessage, res: ServerResponse): void {
  const u = new URL(req.url ?? '/', 'http://127.0.0.1');
  requests.push(u.pathname + u.search);
  const text = (status: number, body: string) => {
    res.writeHead(status, { 'Content-Type': 'text/plain' });
    res.end(body);
  };
  if (u.pathname !== '/fdsnws/dataselect/1/query') return text(404, `Error 404: Not Found\n${u.pathname} is not a service here`);
  const q = u.searchParams;
  const [net, sta, loc, cha] = ['net', 'sta', 'loc', 'cha'].map((k) => q.get(k));
  const start = parseTime(q.get('starttime'));
  const end = parseTime(q.get('endtime'));
  if (!net || !sta || !loc || !cha || q.get('format') !== 'miniseed') return text(400, 'Error 400: Bad Request\nmissing net, sta, loc, cha or format=miniseed');
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) return text(400, `Error 400: Bad Request\nbad starttime/endtime ${q.get('starttime')} ${q.get('endtime')}`);
  if ((end - start) / 1000 > MAX_WINDOW_S) return text(413, `Error 413: Request Entity Too Large\nwindow longer than ${MAX_WINDOW_S} s`);
  if (sta === 'SLOW') {
    setTimeout(() => text(204, ''), 3000);
    return;
  }
  if (sta === 'STALL') {
    // Headers now, then a body that never finishes.
    res.writeHead(200, { 'Content-Type': 'application/vnd.fdsn.mseed' });
    res.write(FILE.subarray(0, 512));
    return;
  }
  if (sta === 'JUNK') {
    res.writeHead(200, { 'Content-Type': 'application/vnd.fdsn.mseed' });
    res.end(Buffer.from('this is not miniSEED at all, but it is long enough to hold a header'));
    return;
  }
  if (sta === 'LONG') return text(400, `Error 400: Bad Request\n${'x'.repeat(5000)}`);
  if (sta === 'OOPS') return text(500, 'Error 500: Internal Server Error');
  if (sta === 'EMPTY') return text(200, '');
  if (!(matches(net, 'IU') && matches(sta, 'COLA') && matches(loc, '00') && matches(cha, 'LHZ'))) return text(204, '');
  // Whole records overlapping [start, end), as real services send them.
  const chunks = records.filter((r) => r.startTime < end && r.startTime + (r.sampleCount * 1000) / r.sampleRate > start).map((r) => FILE.subarray(r.offset, r.offset + r.recordLength));
  if (chunks.length === 0) return text(204, '');
  res.writeHead(200, { 'Content-Type': 'application/vnd.fdsn.mseed' });
  res.end(Buffer.concat(chunks));
}

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const cola = (o: Partial<FetchDataselectOptions> = {}): FetchDataselectOptions => ({
  baseUrl: base,
  network: 'IU',
  station: 'COLA',
  location: '00',
  channel: 'LHZ',
  start: '2010-02-27T06:50:00',
  end: '2010-02-27T08:00:00',
  ...o,
});

/** Awaits p and returns what it rejected with (fails if it resolved). */
async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

describe('fetchDataselect on a local FDSN service', () => {
  it('returns the whole COLA record, sample for sample as libmseed decodes it', async () => {
    const r = await fetchDataselect(cola());
    expect(r.traces).toHaveLength(1);
    const t = r.traces[0];
    expect(t).toMatchObject({ network: 'IU', station: 'COLA', location: '00', channel: 'LHZ', sampleRate: 1 });
    expect(t.data).toHaveLength(4200);
    expect(Math.min(...t.data)).toBe(-2121836);
    expect(Math.max(...t.data)).toBe(1342348);
    expect(new Date(t.startTime!).toISOString()).toBe('2010-02-27T06:50:00.069Z');
    expect(r.records).toHaveLength(36);
    expect(r.bytes).toBe(FILE.length);
    const q = new URL(r.url).searchParams;
    expect(Object.fromEntries(q)).toEqual({ net: 'IU', sta: 'COLA', loc: '00', cha: 'LHZ', starttime: '2010-02-27T06:50:00.000000', endtime: '2010-02-27T08:00:00.000000', format: 'miniseed', nodata: '204' });
  });

  it('cuts the whole records of a shorter window to it (or not, trim: false), from Dates, wildcards and a blank location', async () => {
    const start = new Date(Date.UTC(2010, 1, 27, 7, 10));
    const end = new Date(Date.UTC(2010, 1, 27, 7, 20));
    const r = await fetchDataselect(cola({ start, end, channel: 'LH?', location: '*', network: 'iu' }));
    const t = r.traces[0];
    // Samples at 07:10:00.069 + k s: the first at or after 07:10, the last before 07:20.
    expect(new Date(t.startTime!).toISOString()).toBe('2010-02-27T07:10:00.069Z');
    expect(t.data.length).toBe(600);
    const whole = await fetchDataselect(cola({ start, end, trim: false }));
    const w = whole.traces[0];
    expect(w.startTime!).toBeLessThan(start.getTime());
    expect(w.startTime! + w.data.length * 1000).toBeGreaterThan(end.getTime());
    expect(w.data.length).toBeLessThan(1200); // a few records, not the whole file
    expect(r.records).toEqual(whole.records);
    // The cut trace is the matching stretch of the whole one.
    const off = Math.round((t.startTime! - w.startTime!) / 1000);
    expect(Array.from(t.data)).toEqual(Array.from(w.data.subarray(off, off + 600)));
    expect(r.url).toContain('cha=LH%3F');
    expect(new URL(r.url).searchParams.get('net')).toBe('IU');
    const blank = await rejection(fetchDataselect(cola({ location: '' })));
    expect(new URL((blank as FdsnError).url).searchParams.get('loc')).toBe('--');
  });

  it('accepts the base URL with or without the service path and a trailing slash', async () => {
    for (const b of [`${base}/`, `${base}/fdsnws/dataselect/1`, `${base}/fdsnws/dataselect/1/`, `${base}/fdsnws/dataselect/1/query`]) {
      const r = await fetchDataselect(cola({ baseUrl: b, start: '2010-02-27T07:00:00Z', end: '2010-02-27T07:01:00Z' }));
      expect(new URL(r.url).pathname).toBe('/fdsnws/dataselect/1/query');
      expect(r.traces[0].data.length).toBeGreaterThan(0);
    }
  });

  it('reads a time zone offset and fractional seconds as UTC instants', async () => {
    const r = await fetchDataselect(cola({ start: '2010-02-26T22:50:00.25-08:00', end: '2010-02-27T07:00:00.5+00:00' }));
    const q = new URL(r.url).searchParams;
    expect(q.get('starttime')).toBe('2010-02-27T06:50:00.250000');
    expect(q.get('endtime')).toBe('2010-02-27T07:00:00.500000');
  });

  it('HTTP 204 outside the window or for another station is a NoDataError (an FdsnError)', async () => {
    const e = await rejection(fetchDataselect(cola({ start: '2011-01-01T00:00:00', end: '2011-01-01T01:00:00' })));
    expect(e).toBeInstanceOf(NoDataError);
    expect(e).toBeInstanceOf(FdsnError);
    expect(e).toMatchObject({ problem: 'no-data', status: 204 });
    const other = await rejection(fetchDataselect(cola({ station: 'ANMO' })));
    expect(other).toBeInstanceOf(NoDataError);
    const empty = await rejection(fetchDataselect(cola({ station: 'EMPTY' })));
    expect(empty).toMatchObject({ problem: 'no-data', status: 200 });
  });

  it('400, 404, 413 and 500 are FdsnErrors with the status and the service text, truncated', async () => {
    const tooLong = await rejection(fetchDataselect(cola({ end: '2010-02-27T10:50:01' })));
    expect(tooLong).toBeInstanceOf(FdsnError);
    expect(tooLong).toMatchObject({ problem: 'too-large', status: 413 });
    expect(tooLong.message).toMatch(/HTTP 413.*window longer than 10800 s/);
    const long = (await rejection(fetchDataselect(cola({ station: 'LONG' })))) as FdsnError;
    expect(long).toMatchObject({ problem: 'bad-request', status: 400 });
    expect(long.body.length).toBe(FDSN_MESSAGE_LIMIT + 1);
    expect(long.body.endsWith('…')).toBe(true);
    const notFound = await rejection(fetchDataselect(cola({ baseUrl: `${base}/elsewhere/fdsnws/dataselect/1` })));
    expect(notFound).toMatchObject({ problem: 'not-found', status: 404 });
    expect(notFound.message).toContain('/elsewhere/fdsnws/dataselect/1/query is not a service here');
    const oops = await rejection(fetchDataselect(cola({ station: 'OOPS' })));
    expect(oops).toMatchObject({ problem: 'http', status: 500 });
  });

  it('honours the timeout, waiting for the headers or for the body', async () => {
    const t0 = Date.now();
    const slow = await rejection(fetchDataselect(cola({ station: 'SLOW', timeoutMs: 200 })));
    expect(slow).toBeInstanceOf(FdsnTimeoutError);
    expect(slow).toMatchObject({ problem: 'timeout', status: null, timeoutMs: 200 });
    const stall = await rejection(fetchDataselect(cola({ station: 'STALL', timeoutMs: 300 })));
    expect(stall).toBeInstanceOf(FdsnTimeoutError);
    expect(Date.now() - t0).toBeLessThan(2500);
  });

  it("a caller's AbortSignal cancels the request", async () => {
    const c = new AbortController();
    const p = fetchDataselect(cola({ station: 'SLOW', signal: c.signal }));
    setTimeout(() => c.abort(), 50);
    expect(await rejection(p)).toMatchObject({ name: 'FdsnError', problem: 'aborted' });
  });

  it('a body that is not miniSEED is the reader’s FormatError', async () => {
    const e = await rejection(fetchDataselect(cola({ station: 'JUNK' })));
    expect(e).toBeInstanceOf(FormatError);
  });

  it('a refused connection is an FdsnError "network"', async () => {
    // A port that was just free: listen, note it, close.
    const s = createServer();
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const port = (s.address() as AddressInfo).port;
    await new Promise<void>((r) => s.close(() => r()));
    const e = await rejection(fetchDataselect(cola({ baseUrl: `http://127.0.0.1:${port}` })));
    expect(e).toBeInstanceOf(FdsnError);
    expect(e).toMatchObject({ problem: 'network', status: null });
  });
});

describe('fetchDataselect with an injected fetch', () => {
  it('calls it with the query URL and a signal, and reads its answer', async () => {
    const seen: string[] = [];
    const r = await fetchDataselect(
      cola({
        baseUrl: 'https://fdsn.example.org',
        fetch: async (url, init) => {
          seen.push(url);
          expect(init.signal).toBeInstanceOf(AbortSignal);
          return { status: 200, headers: { get: () => null }, arrayBuffer: async () => FILE.slice().buffer, text: async () => '' };
        },
      }),
    );
    expect(seen[0]).toMatch(/^https:\/\/fdsn\.example\.org\/fdsnws\/dataselect\/1\/query\?net=IU&sta=COLA&loc=00&cha=LHZ&/);
    expect(r.traces[0].data).toHaveLength(4200);
  });

  it('refuses an announced body above maxBytes before reading it', async () => {
    let read = false;
    const e = await rejection(
      fetchDataselect(
        cola({
          maxBytes: 1000,
          fetch: async () => ({ status: 200, headers: { get: (h: string) => (h === 'content-length' ? '18432' : null) }, arrayBuffer: async () => ((read = true), new ArrayBuffer(0)), text: async () => '' }),
        }),
      ),
    );
    expect(e).toMatchObject({ problem: 'too-large' });
    expect(read).toBe(false);
  });

  it('a fetch that throws is an FdsnError "network"', async () => {
    const e = await rejection(fetchDataselect(cola({ fetch: async () => Promise.reject(new TypeError('fetch failed')) })));
    expect(e).toMatchObject({ problem: 'network' });
    expect(e.message).toContain('fetch failed');
  });
});

describe('fetchDataselect argument checks (nothing is fetched)', () => {
  const cases: [string, Partial<FetchDataselectOptions>, RegExp][] = [
    ['baseUrl', { baseUrl: '' }, /^baseUrl:/],
    ['baseUrl', { baseUrl: 'service.iris.edu' }, /absolute URL/],
    ['baseUrl', { baseUrl: 'ftp://x.org' }, /http or https/],
    ['baseUrl', { baseUrl: 'http://x.org/?net=IU' }, /query string/],
    ['network', { network: 'IUX' }, /at most 2/],
    ['network', { network: 'I-U' }, /not an FDSN network code/],
    ['network', { network: 7 as unknown as string }, /must be a string/],
    ['station', { station: 'COLLEGE' }, /at most 5/],
    ['location', { location: '000' }, /at most 2/],
    ['channel', { channel: 'LHZZ' }, /at most 3/],
    ['channel', { channel: '' }, /not an FDSN channel code/],
    ['start', { start: '2010-02-30T00:00:00' }, /not a valid date/],
    ['start', { start: 'yesterday' }, /not an ISO 8601 time/],
    ['start', { start: new Date(NaN) }, /invalid Date/],
    ['start', { start: 1267253400000 as unknown as string }, /Date or an ISO 8601 string/],
    ['end', { end: '2010-02-27T06:50:00' }, /must be after start/],
    ['end', { end: '2010-02-27T06:00:00' }, /must be after start/],
    ['end', { end: '2010-03-05T00:00:00' }, /above maxWindowSeconds = 86400/],
    ['maxWindowSeconds', { maxWindowSeconds: -1 }, /maxWindowSeconds/],
    ['timeoutMs', { timeoutMs: 0 }, /timeoutMs/],
    ['maxBytes', { maxBytes: 0.5 }, /maxBytes/],
    ['trim', { trim: 'yes' as unknown as boolean }, /true or false/],
  ];
  for (const [arg, o, msg] of cases) {
    it(`${arg}: ${JSON.stringify(o)}`, async () => {
      const before = requests.length;
      const e = await rejection(fetchDataselect(cola(o)));
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).argument).toBe(arg);
      expect(e.message).toMatch(msg);
      expect(requests.length).toBe(before);
    });
  }

  it('refuses a missing options object', async () => {
    expect(await rejection(fetchDataselect(null as unknown as FetchDataselectOptions))).toBeInstanceOf(ValidationError);
  });
});
