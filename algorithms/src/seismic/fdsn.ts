/**
 * A client for FDSN dataselect web services (FDSN Web Service Specifications 1.2, the
 * `fdsnws-dataselect` service): the query
 * `{baseUrl}/fdsnws/dataselect/1/query?net=…&sta=…&loc=…&cha=…&starttime=…&endtime=…&format=miniseed`
 * returns the miniSEED records of the asked channels that overlap the time window, which
 * {@link readMiniSeed} turns into traces. Every data centre that runs FDSN services (IRIS/
 * EarthScope, GEOFON, RESIF, INGV, ORFEUS…) answers it the same way.
 *
 * HTTP status codes, as the specification gives them: 200 data; 204 no data (the default
 * `nodata=204`); 400 bad request; 401/403 restricted data; 404 no data when `nodata=404`
 * (or a wrong URL); 413 request too large; 414 URI too long; 500 and 503 server trouble.
 *
 * Uses the global `fetch` (Node ≥ 18 and browsers); tests inject their own.
 */
import { ValidationError } from '../core/errors';
import { checkScalar, describeValue } from '../core/validation';
import { readMiniSeed, type MiniSeedFile } from './miniseed';
import { sliceTrace } from './traces';

/** The response fields {@link fetchDataselect} reads (a subset of the Fetch API's `Response`). */
export interface FetchResponseLike {
  /** HTTP status code. */
  status: number;
  /** HTTP status text ("Bad Request"). */
  statusText?: string;
  /** Response headers; only `content-length` is read. */
  headers?: { get(name: string): string | null };
  /** The body as bytes. */
  arrayBuffer(): Promise<ArrayBuffer>;
  /** The body as text (for error messages). */
  text(): Promise<string>;
}

/** A `fetch` as {@link fetchDataselect} calls it: `fetch(url, { signal, headers })`. */
export type FetchLike = (url: string, init: { signal: AbortSignal; headers: Record<string, string> }) => Promise<FetchResponseLike>;

/** Options of {@link fetchDataselect}. */
export interface FetchDataselectOptions {
  /**
   * Root of the data centre's FDSN services ("https://service.iris.edu"), or the dataselect
   * path itself ("…/fdsnws/dataselect/1" or "…/fdsnws/dataselect/1/query"). http or https,
   * without a query string. Required.
   */
  baseUrl: string;
  /**
   * Network code ("IU"): letters and digits, 1–2 characters (miniSEED 2), with the FDSN
   * wildcards `?` (one character) and `*` (any), or a comma-separated list of such codes.
   * Upper-cased. Required.
   */
  network: string;
  /** Station code ("COLA"), 1–5 characters, wildcards and lists as for `network`. Required. */
  station: string;
  /** Location code ("00"), 0–2 characters; "" or "--" means the blank location. Default "*" (any). */
  location?: string;
  /** Channel code ("LHZ", "BH?", "HH*"), 1–3 characters, wildcards and lists as for `network`. Required. */
  channel: string;
  /**
   * Start of the window: a `Date`, or an ISO 8601 string ("2010-02-27T06:50:00",
   * "2010-02-27T06:50:00.5Z", "2010-02-27"). A string without a time zone is UTC, as in
   * the FDSN specification. Required.
   */
  start: Date | string;
  /** End of the window, after `start`; same forms. Required. */
  end: Date | string;
  /**
   * Cut the traces to [start, end]: the service sends whole records, which begin before
   * `start` and end after `end` (a 512-byte Steim record holds seconds to minutes). The
   * untouched records stay in `records`. Default true.
   */
  trim?: boolean;
  /** Longest window asked for, in seconds. Default 86,400 (one day); at most 31 days. */
  maxWindowSeconds?: number;
  /** Time after which the request is abandoned, in ms (the whole exchange, body included). Default 30,000. */
  timeoutMs?: number;
  /** Largest response accepted, in bytes. Default 2²⁷ (128 MiB); larger ones are an {@link FdsnError} 'too-large'. */
  maxBytes?: number;
  /** Cancels the request from outside (a UI's Cancel button): an {@link FdsnError} 'aborted'. */
  signal?: AbortSignal;
  /** The `fetch` to use. Default the global `fetch`. */
  fetch?: FetchLike;
}

/** What {@link fetchDataselect} returns: the traces and records read from the answer, and the URL asked. */
export interface DataselectResult extends MiniSeedFile {
  /** The query URL that was fetched. */
  url: string;
  /** Size of the response body in bytes. */
  bytes: number;
}

/** What went wrong with an FDSN request, as a stable code that UIs and tests can match on. */
export type FdsnProblem =
  /** 204 (or an empty 200): the service has no data for this channel and window. */
  | 'no-data'
  /** 400: the service refused the parameters; its message says which. */
  | 'bad-request'
  /** 401 or 403: restricted data. */
  | 'unauthorized'
  /** 404: no data (services asked `nodata=404`), or no dataselect service at that URL. */
  | 'not-found'
  /** 413 (or a body above `maxBytes`): the request asks for too much data; shorten the window. */
  | 'too-large'
  /** Any other HTTP status (414, 429, 500, 503, …). */
  | 'http'
  /** No HTTP answer at all: DNS, refused connection, CORS, offline. */
  | 'network'
  /** No complete answer within `timeoutMs`. */
  | 'timeout'
  /** Cancelled by the caller's `signal`. */
  | 'aborted';

/** Longest service message kept in an {@link FdsnError} (characters). */
export const FDSN_MESSAGE_LIMIT = 500;

/**
 * Thrown by {@link fetchDataselect} for a request that gave no data: the HTTP status (null
 * without an answer), the service's own message (truncated to {@link FDSN_MESSAGE_LIMIT}
 * characters) and the URL. Subclasses: {@link NoDataError}, {@link FdsnTimeoutError}.
 */
export class FdsnError extends Error {
  override name = 'FdsnError';
  /** The kind of problem. */
  readonly problem: FdsnProblem;
  /** HTTP status code, or null when there was no HTTP answer. */
  readonly status: number | null;
  /** The service's text body (truncated), or the network error's message; "" when none. */
  readonly body: string;
  /** The query URL. */
  readonly url: string;

  constructor(problem: FdsnProblem, status: number | null, message: string, url: string, body = '') {
    super(message);
    this.problem = problem;
    this.status = status;
    this.url = url;
    this.body = body;
  }
}

/** HTTP 204 (or an empty 200): the service holds no data for the channel and window asked. */
export class NoDataError extends FdsnError {
  override name = 'NoDataError';
  constructor(url: string, status = 204) {
    super('no-data', status, `FDSN dataselect: no data for this channel and time window (HTTP ${status})`, url);
  }
}

/** The service did not answer completely within `timeoutMs`. */
export class FdsnTimeoutError extends FdsnError {
  override name = 'FdsnTimeoutError';
  /** The time limit, in ms. */
  readonly timeoutMs: number;
  constructor(url: string, timeoutMs: number) {
    super('timeout', null, `FDSN dataselect: no complete answer within ${timeoutMs} ms (the service may be slow or the window too long)`, url);
    this.timeoutMs = timeoutMs;
  }
}

const CODE_LIMITS = { network: 2, station: 5, location: 2, channel: 3 } as const;

/**
 * Validates an FDSN code (or comma-separated list of codes): letters, digits and the
 * wildcards `?` and `*`, 1…max characters each (0 allowed for a location, sent as "--").
 */
function checkCode(value: unknown, name: keyof typeof CODE_LIMITS): string {
  if (typeof value !== 'string') throw new ValidationError(name, 'wrong-type', `must be a string such as ${name === 'network' ? '"IU"' : name === 'station' ? '"COLA"' : name === 'location' ? '"00"' : '"LHZ"'}, got ${describeValue(value)}`);
  const max = CODE_LIMITS[name];
  const parts = value.trim().toUpperCase().split(',');
  const out = parts.map((p) => {
    const c = p.trim();
    if (name === 'location' && (c === '' || c === '--')) return '--';
    if (!/^[A-Z0-9?*]+$/.test(c)) throw new ValidationError(name, 'bad-option', `${JSON.stringify(c)} is not an FDSN ${name} code: use letters, digits and the wildcards ? and *${name === 'location' ? ', or "" / "--" for the blank location' : ''}`);
    if (c.length > max) throw new ValidationError(name, 'out-of-range', `${JSON.stringify(c)} has ${c.length} characters; a miniSEED 2 ${name} code has at most ${max}`);
    return c;
  });
  return out.join(',');
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A Date or ISO 8601 string as epoch milliseconds. Strings are parsed here, not by
 * `Date.parse`, which reads a string without a zone as local time: FDSN times are UTC.
 */
export function parseFdsnTime(value: unknown, name: string): number {
  if (value instanceof Date) {
    const t = value.getTime();
    if (!Number.isFinite(t)) throw new ValidationError(name, 'not-finite', 'is an invalid Date');
    return t;
  }
  if (typeof value !== 'string') throw new ValidationError(name, 'wrong-type', `must be a Date or an ISO 8601 string such as "2010-02-27T06:50:00Z", got ${describeValue(value)}`);
  const m = ISO.exec(value.trim());
  if (!m) throw new ValidationError(name, 'bad-option', `${JSON.stringify(value)} is not an ISO 8601 time; write "YYYY-MM-DDTHH:MM:SS[.fff][Z]"`);
  const [, Y, Mo, D, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const year = +Y, month = +Mo, day = +D, hour = +h, minute = +mi, second = +s;
  const daysIn = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysIn || hour > 23 || minute > 59 || second > 59) {
    throw new ValidationError(name, 'out-of-range', `${JSON.stringify(value)} is not a valid date and time`);
  }
  let t = Date.UTC(year, month - 1, day, hour, minute, second) + (frac ? Number(`0.${frac}`) * 1000 : 0);
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offH = +digits.slice(0, 2), offM = +digits.slice(2);
    if (offH > 23 || offM > 59) throw new ValidationError(name, 'out-of-range', `time zone ${zone} is not valid`);
    t -= sign * (offH * 60 + offM) * 60000;
  }
  // Date.UTC maps years 0–99 to 1900–1999; FDSN data start in the 1960s anyway.
  if (year < 1900 || year > 2999) throw new ValidationError(name, 'out-of-range', `year ${year} is outside 1900…2999`);
  return t;
}

/** Epoch ms as the FDSN time format, `YYYY-MM-DDTHH:MM:SS.ffffff` (UTC, no zone letter). */
function fdsnTime(t: number): string {
  const iso = new Date(Math.floor(t)).toISOString(); // …T06:50:00.123Z
  const micro = Math.round((t - Math.floor(t / 1000) * 1000) * 1000);
  return `${iso.slice(0, 19)}.${String(Math.min(micro, 999999)).padStart(6, '0')}`;
}

/** The dataselect query endpoint for a base URL given with or without the service path. */
function queryEndpoint(baseUrl: unknown): URL {
  if (typeof baseUrl !== 'string' || baseUrl.trim() === '') throw new ValidationError('baseUrl', 'wrong-type', `must be the service's URL, such as "https://service.iris.edu", got ${describeValue(baseUrl)}`);
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    throw new ValidationError('baseUrl', 'bad-option', `${JSON.stringify(baseUrl)} is not an absolute URL (write it with http:// or https://)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ValidationError('baseUrl', 'bad-option', `must be an http or https URL, got ${url.protocol}`);
  if (url.search || url.hash) throw new ValidationError('baseUrl', 'bad-option', 'must not carry a query string or fragment: the parameters are options of fetchDataselect');
  const path = url.pathname.replace(/\/+$/, '');
  if (/\/fdsnws\/dataselect\/1\/query$/.test(path)) url.pathname = path;
  else if (/\/fdsnws\/dataselect\/1$/.test(path)) url.pathname = `${path}/query`;
  else url.pathname = `${path}/fdsnws/dataselect/1/query`;
  return url;
}

/** The first `FDSN_MESSAGE_LIMIT` characters of a service's text, whitespace collapsed. */
function truncate(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > FDSN_MESSAGE_LIMIT ? `${t.slice(0, FDSN_MESSAGE_LIMIT)}…` : t;
}

const STATUS_PROBLEMS: Record<number, [FdsnProblem, string]> = {
  400: ['bad-request', 'the service refused the request (bad parameters)'],
  401: ['unauthorized', 'the data are restricted (authentication needed)'],
  403: ['unauthorized', 'the data are restricted (access forbidden)'],
  404: ['not-found', 'no data, or no FDSN dataselect service at this URL'],
  413: ['too-large', 'the request asks for too much data; shorten the time window or use fewer channels'],
};

/**
 * Asks an FDSN dataselect service for the miniSEED records of a channel in a time window
 * and reads them with {@link readMiniSeed}. The service returns whole records, which start
 * a little before `start` and end a little after `end`; the traces are cut to [start, end]
 * unless `trim` is false. Gaps in the data come back as separate traces (see `mergeTraces`
 * to join them).
 *
 * Errors: a bad argument is a ValidationError naming it (nothing is fetched); HTTP 204
 * (or an empty 200) is a {@link NoDataError} — the choice here is an error, not an empty
 * result, so that "no data" is never mistaken for a flat trace; 400, 401/403, 404, 413
 * and other statuses are an {@link FdsnError} with the status and the service's message; no
 * answer within `timeoutMs` is an {@link FdsnTimeoutError}; a network failure is an
 * FdsnError 'network'; a body that is not valid miniSEED is the reader's `FormatError`.
 *
 * @example
 * const { traces } = await fetchDataselect({
 *   baseUrl: 'https://service.iris.edu', network: 'IU', station: 'COLA', location: '00',
 *   channel: 'LHZ', start: '2010-02-27T06:50:00', end: '2010-02-27T08:00:00',
 * });
 */
export async function fetchDataselect(options: FetchDataselectOptions): Promise<DataselectResult> {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) throw new ValidationError('options', 'bad-option', 'expected { baseUrl, network, station, location, channel, start, end }');
  const endpoint = queryEndpoint(options.baseUrl);
  const net = checkCode(options.network, 'network');
  const sta = checkCode(options.station, 'station');
  const loc = checkCode(options.location ?? '*', 'location');
  const cha = checkCode(options.channel, 'channel');
  const start = parseFdsnTime(options.start, 'start');
  const end = parseFdsnTime(options.end, 'end');
  if (!(end > start)) throw new ValidationError('end', 'out-of-range', `must be after start (${fdsnTime(start)}), got ${fdsnTime(end)}`);
  const maxWindow = checkScalar(options.maxWindowSeconds ?? 86400, 'maxWindowSeconds', { min: 0, exclusiveMin: true, max: 31 * 86400 });
  if ((end - start) / 1000 > maxWindow) {
    throw new ValidationError('end', 'too-large', `the window is ${((end - start) / 1000).toFixed(0)} s long, above maxWindowSeconds = ${maxWindow} s: ask for a shorter window, or raise maxWindowSeconds`);
  }
  const timeoutMs = checkScalar(options.timeoutMs ?? 30000, 'timeoutMs', { min: 0, exclusiveMin: true, max: 3_600_000 });
  const maxBytes = checkScalar(options.maxBytes ?? 2 ** 27, 'maxBytes', { min: 1, integer: true });
  const trim = options.trim ?? true;
  if (typeof trim !== 'boolean') throw new ValidationError('trim', 'wrong-type', `must be true or false, got ${describeValue(trim)}`);
  const doFetch = options.fetch ?? ((globalThis as { fetch?: FetchLike }).fetch as FetchLike | undefined);
  if (typeof doFetch !== 'function') throw new ValidationError('fetch', 'bad-option', 'no global fetch here (Node ≥ 18 or a browser has one): pass options.fetch');
  const outer = options.signal;
  if (outer !== undefined && (outer === null || typeof outer !== 'object' || typeof outer.aborted !== 'boolean' || typeof outer.addEventListener !== 'function')) throw new ValidationError('signal', 'bad-option', 'must be an AbortSignal');

  const params = new URLSearchParams({ net, sta, loc, cha, starttime: fdsnTime(start), endtime: fdsnTime(end), format: 'miniseed', nodata: '204' });
  endpoint.search = params.toString();
  const url = endpoint.toString();

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  if (outer) {
    if (outer.aborted) controller.abort();
    else outer.addEventListener('abort', onAbort, { once: true });
  }
  // Whatever happens inside, an abort becomes the right typed error.
  const failure = (e: unknown): FdsnError => {
    if (timedOut) return new FdsnTimeoutError(url, timeoutMs);
    if (outer?.aborted) return new FdsnError('aborted', null, 'FDSN dataselect: the request was cancelled', url);
    const msg = e instanceof Error ? `${e.message}${e.cause instanceof Error ? ` (${e.cause.message})` : ''}` : String(e);
    return new FdsnError('network', null, `FDSN dataselect: no answer from ${endpoint.host} (${msg})`, url, truncate(msg));
  };
  let bytes: Uint8Array;
  try {
    let res: FetchResponseLike;
    try {
      res = await doFetch(url, { signal: controller.signal, headers: { Accept: 'application/vnd.fdsn.mseed, application/octet-stream, */*' } });
    } catch (e) {
      throw failure(e);
    }
    const status = res.status;
    if (status === 204) throw new NoDataError(url);
    if (status !== 200) {
      let body = '';
      try {
        body = truncate(await res.text());
      } catch (e) {
        if (timedOut || outer?.aborted) throw failure(e);
      }
      const [problem, what] = STATUS_PROBLEMS[status] ?? ['http', `the service answered HTTP ${status}${res.statusText ? ` ${res.statusText}` : ''}`];
      throw new FdsnError(problem, status, `FDSN dataselect: ${what} (HTTP ${status})${body ? `: ${body}` : ''}`, url, body);
    }
    const announced = Number(res.headers?.get('content-length') ?? NaN);
    if (announced > maxBytes) throw new FdsnError('too-large', status, `FDSN dataselect: the answer is ${announced} bytes, above maxBytes = ${maxBytes}; shorten the window`, url);
    let buffer: ArrayBuffer;
    try {
      buffer = await res.arrayBuffer();
    } catch (e) {
      throw failure(e);
    }
    if (buffer.byteLength > maxBytes) throw new FdsnError('too-large', status, `FDSN dataselect: the answer is ${buffer.byteLength} bytes, above maxBytes = ${maxBytes}; shorten the window`, url);
    bytes = new Uint8Array(buffer);
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onAbort);
  }
  // Some services answer an empty 200 instead of 204.
  if (bytes.length === 0) throw new NoDataError(url, 200);
  const file = readMiniSeed(bytes);
  if (!trim) return { ...file, url, bytes: bytes.length };
  const traces = file.traces.map((t) => sliceTrace(t, start, end)).filter((t) => t !== null);
  // Records that all fall outside the window (a service rounding generously) are no data.
  if (traces.length === 0 && file.traces.length > 0) throw new NoDataError(url, 200);
  return { traces, records: file.records, url, bytes: bytes.length };
}
