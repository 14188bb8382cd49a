import { useEffect, useId, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { BaseStyles } from '../../kit/BaseStyles';
import { loadTraceFile, type LoadedTraces, type LoadTraceOptions } from './loadTraceFile';

/** What the drop zone is doing, as its `data-state`. */
export type TraceDropState = 'idle' | 'over' | 'loading' | 'error';

/** Props of {@link TraceDropZone}. */
export interface TraceDropZoneProps {
  /** Called with the prepared traces of a file that loaded; never called for a file that failed (the caller keeps its previous trace). */
  onLoad: (loaded: LoadedTraces) => void;
  /** How the file is prepared (model rate, window, components…); see `loadTraceFile`. Default: as the file is, one-component records kept. */
  options?: LoadTraceOptions;
  /** Called with the error of a file that failed (its message is shown in the zone already). */
  onError?: (error: Error) => void;
  /** The content a file can be dropped on (the widget's plot). */
  children?: ReactNode;
  /** Text of the file button. Default "Open a miniSEED or SAC file". */
  label?: string;
  /** Words after the button. Default "or drop one on the plot". */
  hint?: ReactNode;
  /** More controls for the zone's bar, after the hint (e.g. a "Load from FDSN" toggle). */
  actions?: ReactNode;
  /** Refuses drops and disables the button. Default false. */
  disabled?: boolean;
  /** Class added to the root `div.gl-trace-drop`. */
  className?: string;
  /** `data-testid` of the root; the file input gets `${testId}-input`, the message `${testId}-message`. Default "trace-drop". */
  testId?: string;
}

/** The drop zone's CSS (tokens only), rendered once per document. */
export const traceDropCss = String.raw`
.gl-trace-drop { position: relative; display: flex; flex-direction: column; gap: 6px; min-width: 0; max-width: 100%; border-radius: 6px; }
.gl-trace-drop[data-state="over"] { outline: 3px dashed var(--gl-accent); outline-offset: 2px; }
.gl-trace-drop[data-state="loading"] .gl-trace-drop-content { opacity: 0.6; }
.gl-trace-drop-bar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; min-width: 0; }
.gl-trace-drop-pick { display: inline-flex; align-items: center; position: relative; }
.gl-trace-drop-pick:focus-within { outline: 3px solid var(--gl-focus); outline-offset: 2px; }
.gl-trace-drop-pick[data-state="disabled"] { opacity: 0.55; cursor: not-allowed; }
.gl-trace-drop-input { position: absolute; inset: 0; width: 100%; height: 100%; opacity: 0; cursor: pointer; font-size: 0; }
.gl-trace-drop-hint { color: var(--gl-muted); }
.gl-trace-drop-message { display: block; min-height: 1.4em; overflow-wrap: anywhere; font-size: 0.9em; }
.gl-trace-drop-message:empty { display: none; }
.gl-trace-drop[data-state="error"] .gl-trace-drop-message { color: var(--gl-diverged); }
`;

/** Renders {@link traceDropCss} once per document (React 19 hoists and deduplicates it by `href`). */
export function TraceDropStyles() {
  return (
    <style href="gl-trace-drop" precedence="default">
      {traceDropCss}
    </style>
  );
}

/** The bytes of a picked or dropped file (Blob.arrayBuffer, or FileReader where it is missing). */
export function fileBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error ?? new Error('the file could not be read'));
    r.readAsArrayBuffer(file);
  });
}

/** What the zone says after a load: the notes, or why the file was refused. */
export function loadMessage(name: string, result: LoadedTraces | Error): string {
  if (result instanceof Error) return `Could not load ${name || 'the file'}: ${result.message}. The previous record is still shown.`;
  const n = result.traces.length;
  return `Loaded ${result.id} (${n} component${n === 1 ? '' : 's'}, ${result.length} samples at ${result.sampleRate} Hz). ${result.notes.slice(1).join('. ')}`.trim();
}

/**
 * A place to bring a seismic record into a widget (class `gl-trace-drop`, `data-state`
 * idle | over | loading | error): drop a miniSEED or SAC file on its content, or pick one
 * with the labelled file button (a real `<input type="file">`, so it is keyboard-usable and
 * names itself to screen readers). The file is read and prepared with `loadTraceFile`; a
 * file that loads goes to `onLoad` and its notes (gaps padded, rates resampled…) are shown;
 * a file that fails shows its FormatError's or ValidationError's message and `onLoad` is not
 * called, so the widget keeps its previous trace.
 */
export function TraceDropZone({ onLoad, options, onError, children, label = 'Open a miniSEED or SAC file', hint = 'or drop one on the plot', actions, disabled = false, className, testId = 'trace-drop' }: TraceDropZoneProps) {
  const id = useId();
  const [state, setState] = useState<TraceDropState>('idle');
  const [message, setMessage] = useState('');
  const depth = useRef(0); // dragenter/dragleave pairs (children fire their own)
  const latest = useRef(0); // the newest file wins; older ones finishing late are ignored
  const alive = useRef(true);
  const optionsKey = JSON.stringify(options ?? {});
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const load = async (file: File) => {
    const token = ++latest.current;
    setState('loading');
    setMessage(`Reading ${file.name}…`);
    let result: LoadedTraces | Error;
    try {
      const bytes = await fileBytes(file);
      result = loadTraceFile(bytes, file.name, JSON.parse(optionsKey) as LoadTraceOptions);
    } catch (err) {
      result = err instanceof Error ? err : new Error(String(err));
    }
    if (!alive.current || token !== latest.current) return;
    setMessage(loadMessage(file.name, result));
    if (result instanceof Error) {
      setState('error');
      onError?.(result);
    } else {
      setState('idle');
      onLoad(result);
    }
  };

  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
  const dropProps = disabled
    ? {}
    : {
        onDragEnter: (e: DragEvent) => {
          if (!hasFiles(e)) return;
          e.preventDefault();
          depth.current++;
          if (state !== 'loading') setState('over');
        },
        onDragOver: (e: DragEvent) => {
          if (!hasFiles(e)) return;
          e.preventDefault();
          if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
        },
        onDragLeave: () => {
          depth.current = Math.max(0, depth.current - 1);
          if (depth.current === 0 && state === 'over') setState(message.startsWith('Could not') ? 'error' : 'idle');
        },
        onDrop: (e: DragEvent) => {
          e.preventDefault();
          depth.current = 0;
          const file = e.dataTransfer?.files?.[0];
          if (file) void load(file);
          else setState(message.startsWith('Could not') ? 'error' : 'idle');
        },
      };

  return (
    <div className={className ? `gl-trace-drop ${className}` : 'gl-trace-drop'} data-state={state} data-testid={testId} {...dropProps}>
      <BaseStyles />
      <TraceDropStyles />
      {children !== undefined && <div className="gl-trace-drop-content">{children}</div>}
      <div className="gl-trace-drop-bar">
        <label className="gl-button gl-trace-drop-pick" htmlFor={id} data-state={disabled ? 'disabled' : 'enabled'}>
          <input
            id={id}
            type="file"
            className="gl-trace-drop-input"
            accept=".mseed,.miniseed,.ms,.msd,.seed,.sac,.SAC,application/vnd.fdsn.mseed"
            disabled={disabled}
            data-testid={`${testId}-input`}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void load(file);
              e.currentTarget.value = ''; // picking the same file again loads it again
            }}
          />
          {label}
        </label>
        {hint && <span className="gl-trace-drop-hint">{hint}</span>}
        {actions}
      </div>
      <output className="gl-trace-drop-message" aria-live="polite" data-testid={`${testId}-message`}>
        {message}
      </output>
    </div>
  );
}
