/**
 * Where the seismogram's record comes from, besides its props: a file (dropped or picked),
 * a URL (`src`), or an FDSN dataselect service. Pure helpers: the loaded traces as the
 * viewer's record, the FDSN form's fields and checks, and the words for each FDSN failure.
 */
import { ValidationError } from '@geolearn/algorithms';
import { FdsnError, FormatError, NoDataError, type FetchLike } from '@geolearn/algorithms/seismic';
import type { LoadedTraces, LoadTraceOptions } from '../common/traceInput';
import type { PhasePicks, SeismogramTrace } from './model';

/** The record the viewer draws. */
export interface SeismogramRecord {
  traces: readonly SeismogramTrace[];
  sampleRate: number;
  arrivals: PhasePicks;
  units: string;
  /** "IU.COLA.00.LH" for a loaded record, null for the props' or the synthetic one. */
  id: string | null;
  /** Time of the first sample (epoch ms) of a loaded record; null otherwise. */
  startTime: number | null;
}

/** A loaded file or FDSN answer as the viewer's record: one trace per component, named by its channel, in counts. */
export function recordFromLoaded(l: LoadedTraces): SeismogramRecord {
  return {
    traces: l.traces.map((t, i) => ({ label: t.channel || l.components[i], samples: t.data })),
    sampleRate: l.sampleRate,
    arrivals: {},
    units: 'counts',
    id: l.id,
    startTime: l.startTime,
  };
}

/** How the viewer prepares a file: as it is (one component kept), gaps up to ten minutes padded, mixed rates brought to the lowest. */
export const VIEWER_LOAD_OPTIONS: LoadTraceOptions = { components: 'keep', maxGapSeconds: 600, mixedRates: 'resample' };

/** "2010-02-27 06:50:00 UTC" (to the second). */
export function utcLabel(ms: number): string {
  return `${new Date(Math.round(ms)).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The last part of a URL's path ("IU.COLA.00.LHZ.2010-02-27.mseed"), for messages. */
export function fileNameOf(url: string): string {
  const path = url.split(/[?#]/)[0];
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || url;
}

/** The FDSN form's fields (strings, as typed). */
export interface FdsnQuery {
  /** Root of the data centre's FDSN services. */
  baseUrl: string;
  network: string;
  station: string;
  /** "" or "--" for the blank location. */
  location: string;
  channel: string;
  /** ISO 8601 UTC, "2010-02-27T06:50:00". */
  start: string;
  end: string;
}

/** The form's first values: the 2010 Maule earthquake at IU.COLA, the gallery's real record. */
export const FDSN_DEFAULTS: FdsnQuery = {
  baseUrl: 'https://service.iris.edu',
  network: 'IU',
  station: 'COLA',
  location: '00',
  channel: 'LHZ',
  start: '2010-02-27T06:50:00',
  end: '2010-02-27T08:00:00',
};

/** Options of the "Load from FDSN" form. */
export interface SeismogramFdsnOptions {
  /** The form's first values. Default {@link FDSN_DEFAULTS}. */
  defaults?: Partial<FdsnQuery>;
  /** The `fetch` to use (tests and offline demos inject one). Default the global fetch. */
  fetch?: FetchLike;
  /** Time allowed for the whole request, ms. Default 30,000. */
  timeoutMs?: number;
}

/**
 * What to tell the student when a request fails, by its type: HTTP 204 (no data), 400
 * (the service's own reason), 404, 413 (too much), a timeout, no answer at all (offline or
 * CORS), an answer that is not miniSEED, a field the client refused before asking.
 */
export function fdsnErrorText(err: unknown): string {
  if (err instanceof NoDataError) return `No data: the service has nothing for this channel and time window (HTTP ${err.status}). Check the codes, or try another window.`;
  if (err instanceof FdsnError) {
    switch (err.problem) {
      case 'timeout':
        return `${err.message}. Try a shorter window, or try again later.`;
      case 'bad-request':
        return `The service refused the request (HTTP 400)${err.body ? `: ${err.body}` : ''}. Check the codes and times.`;
      case 'not-found':
        return `Not found (HTTP 404): no data for this request, or no dataselect service at this base URL.`;
      case 'too-large':
        return `Too much data asked (${err.status === 413 ? 'HTTP 413' : 'the answer is too large'}): shorten the time window or ask for fewer channels.`;
      case 'unauthorized':
        return `Restricted data (HTTP ${err.status}): this service needs a login for it.`;
      case 'network':
        return `${err.message}. You may be offline, the base URL may be wrong, or the service may not accept requests from this page (CORS).`;
      case 'aborted':
        return 'Cancelled.';
      default:
        return err.message;
    }
  }
  if (err instanceof FormatError) return `The service answered, but not with readable miniSEED: ${err.message}`;
  if (err instanceof ValidationError) return err.message;
  return err instanceof Error ? err.message : String(err);
}
