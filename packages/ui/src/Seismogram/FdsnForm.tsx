import { fetchDataselect } from '@geolearn/algorithms/seismic';
import { useEffect, useId, useRef, useState } from 'react';
import { prepareTraces, type LoadedTraces } from '../common/traceInput';
import { Button } from '../kit/buttons';
import { fdsnErrorText, FDSN_DEFAULTS, utcLabel, VIEWER_LOAD_OPTIONS, type FdsnQuery, type SeismogramFdsnOptions } from './source';

/** The form's fields, in order, with their labels and widths (characters). */
const FIELDS: readonly { key: keyof FdsnQuery; label: string; size: number; hint?: string }[] = [
  { key: 'network', label: 'Network', size: 4 },
  { key: 'station', label: 'Station', size: 6 },
  { key: 'location', label: 'Location', size: 4, hint: '"" or -- for blank' },
  { key: 'channel', label: 'Channel', size: 5 },
  { key: 'start', label: 'Start (UTC)', size: 19 },
  { key: 'end', label: 'End (UTC)', size: 19 },
  { key: 'baseUrl', label: 'Service base URL', size: 26 },
];

type FormState = { state: 'idle' | 'loading' | 'error' | 'done'; message: string };

/**
 * "Load from FDSN": asks a dataselect web service (`fetchDataselect`) for a channel and a
 * time window, prepares the answer like a dropped file, and hands it to `onLoad`. Every
 * failure (no data, 400, 404, 413, timeout, offline) is said in the form's message, and the
 * viewer keeps its record. Cancel aborts a running request; unmounting does too.
 */
export function FdsnForm({ options, onLoad }: { options: SeismogramFdsnOptions; onLoad: (loaded: LoadedTraces) => void }) {
  const id = useId();
  const [query, setQuery] = useState<FdsnQuery>(() => ({ ...FDSN_DEFAULTS, ...options.defaults }));
  const [status, setStatus] = useState<FormState>({ state: 'idle', message: '' });
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  const submit = async () => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setStatus({ state: 'loading', message: `Asking ${query.baseUrl} for ${query.network}.${query.station}.${query.location}.${query.channel}…` });
    try {
      const answer = await fetchDataselect({ ...query, fetch: options.fetch, timeoutMs: options.timeoutMs, signal: controller.signal });
      const loaded = prepareTraces(answer.traces, VIEWER_LOAD_OPTIONS, { format: 'miniseed', name: answer.url, notes: [`FDSN: ${answer.bytes} bytes of miniSEED`] });
      if (running.current !== controller) return;
      onLoad(loaded);
      const from = loaded.startTime === null ? '' : ` from ${utcLabel(loaded.startTime)}`;
      setStatus({ state: 'done', message: `Loaded ${loaded.id}${from}: ${loaded.length} samples at ${loaded.sampleRate} Hz. ${loaded.notes.slice(1).join('. ')}`.trim() });
    } catch (err) {
      if (running.current !== controller) return;
      setStatus({ state: 'error', message: `${fdsnErrorText(err)} The previous record is still shown.` });
    } finally {
      if (running.current === controller) running.current = null;
    }
  };

  const loading = status.state === 'loading';
  return (
    <form
      className="gl-seis-fdsn"
      aria-label="Load from an FDSN dataselect service"
      data-state={status.state}
      data-testid="fdsn-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="gl-seis-fdsn-fields">
        {FIELDS.map((f) => (
          <span key={f.key} className="gl-field gl-seis-text" data-field={f.key}>
            <label htmlFor={`${id}-${f.key}`}>{f.label}</label>
            <input
              id={`${id}-${f.key}`}
              className="gl-seis-text-input"
              type={f.key === 'baseUrl' ? 'url' : 'text'}
              value={query[f.key]}
              size={f.size}
              spellCheck={false}
              autoComplete="off"
              title={f.hint}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setQuery((q) => ({ ...q, [f.key]: value }));
              }}
            />
          </span>
        ))}
      </div>
      <div className="gl-seis-row">
        <Button type="submit" disabled={loading}>
          Fetch
        </Button>
        <Button disabled={!loading} onClick={() => running.current?.abort()}>
          Cancel
        </Button>
      </div>
      <output className="gl-seis-fdsn-message" aria-live="polite" data-testid="fdsn-message">
        {status.message}
      </output>
    </form>
  );
}
