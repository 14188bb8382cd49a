import { useEffect, useRef, useState, type ReactNode } from 'react';
import { loadTraceFile, type LoadedTraces } from '../common/traceInput';
import { TraceDropZone } from '../common/traceInput/TraceDropZone';
import { ToggleButton } from '../kit/buttons';
import { FdsnForm } from './FdsnForm';
import { fileNameOf, VIEWER_LOAD_OPTIONS, type SeismogramFdsnOptions } from './source';

/** Props of {@link RecordLoader}. */
export interface RecordLoaderProps {
  /** Called with each record that loaded (file or FDSN). */
  onLoad: (loaded: LoadedTraces) => void;
  /** The FDSN form's options, or false for no form. */
  fdsn: SeismogramFdsnOptions | false;
  /** The plot: a file dropped on it loads. */
  children: ReactNode;
}

/**
 * The plot as a drop target, the file button, and the "Load from FDSN" toggle with its
 * form. Files are prepared as they are (a one-component record stays one trace; gaps up to
 * ten minutes padded, mixed rates brought to the lowest), with notes.
 */
export function RecordLoader({ onLoad, fdsn, children }: RecordLoaderProps) {
  const [formOpen, setFormOpen] = useState(false);
  return (
    <>
      <TraceDropZone
        onLoad={onLoad}
        options={VIEWER_LOAD_OPTIONS}
        className="gl-seis-drop"
        actions={
          fdsn !== false && (
            <ToggleButton pressed={formOpen} onPressedChange={setFormOpen} aria-expanded={formOpen}>
              Load from FDSN
            </ToggleButton>
          )
        }
      >
        {children}
      </TraceDropZone>
      {fdsn !== false && formOpen && <FdsnForm options={fdsn} onLoad={onLoad} />}
    </>
  );
}

/** What loading `src` is doing: nothing, loading (with the file's name), or failed (with why). */
export type SourceState = { state: 'idle' } | { state: 'loading'; message: string } | { state: 'error'; message: string };

/**
 * Fetches and prepares the record at `src` (a miniSEED or SAC URL) once per URL, in an
 * effect (never on a server), and hands it to `onLoad`; aborted on unmount or a new URL.
 */
export function useSourceRecord(src: string | undefined, onLoad: (loaded: LoadedTraces) => void): SourceState {
  // Loading from the first render (and on a server), so the status never claims an empty record is the record.
  const [state, setState] = useState<SourceState>(() => (src ? { state: 'loading', message: `Loading ${fileNameOf(src)}…` } : { state: 'idle' }));
  const onLoadRef = useRef(onLoad);
  onLoadRef.current = onLoad;
  useEffect(() => {
    if (!src) return;
    const controller = new AbortController();
    const name = fileNameOf(src);
    setState({ state: 'loading', message: `Loading ${name}…` });
    fetch(src, { signal: controller.signal })
      .then((r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return r.arrayBuffer();
      })
      .then((b) => {
        if (controller.signal.aborted) return;
        onLoadRef.current(loadTraceFile(new Uint8Array(b), name, VIEWER_LOAD_OPTIONS));
        setState({ state: 'idle' });
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setState({ state: 'error', message: `Could not load ${name}: ${err instanceof Error ? err.message : String(err)}` });
      });
    return () => controller.abort();
  }, [src]);
  return src ? state : { state: 'idle' };
}
