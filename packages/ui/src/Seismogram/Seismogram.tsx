import {
  COMPONENTS,
  nextPowerOfTwo,
  spectrogram,
  staLtaTrigger,
  syntheticSeismogram,
  type SyntheticSeismogramOptions,
} from '@geolearn/algorithms/seismic';
import { scaleLinear } from 'd3-scale';
import {
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import { Axis } from '../common/Axis';
import { Tex } from '../common/Tex';
import { buttonStyle, cssVar, rootStyle, themeVariables } from '../common/theme';
import { drawTrace, peakAmplitude, spectrogramImage, visibleAmplitude } from '../common/waveform';
import { useControllableState } from '../hooks/useControllableState';
import { prepareCanvas } from '../common/canvas';

/** One trace of a {@link Seismogram}: a component's samples and its name. */
export interface SeismogramTrace {
  /** Name shown beside the trace ("Z", "N", "E", "BHZ"…). */
  label: string;
  /** The samples, evenly spaced at the record's sampling rate. */
  samples: ArrayLike<number>;
}

/** P and S times in seconds from the first sample; either may be absent. */
export interface PhasePicks {
  /** P arrival time in s. */
  P?: number;
  /** S arrival time in s. */
  S?: number;
}

/** The explainer's state: plain JSON, so it can live in a permalink. */
export interface SeismogramView {
  /** Left edge of the view in seconds from the first sample. */
  start: number;
  /** Right edge of the view in seconds (> start). */
  end: number;
  /** The user's (or a picker's) P and S picks, drawn dashed. */
  picks?: PhasePicks;
  /** Amplitude scale: 'shared' (one scale for the whole record and every component, so the S/P ratio by component shows) or 'view' (each trace fills its track within the view). Default 'shared'. */
  scaling?: 'shared' | 'view';
}

/** Props of {@link Seismogram}. */
export interface SeismogramProps {
  /** Width of the plot in px. Default 720. */
  width?: number;
  /** Height of the plot in px (traces, spectrogram and time axis; the controls come below). Default 420. */
  height?: number;
  /** The record to show, one entry per component; a seeded synthetic three-component (Z, N, E) record when absent. */
  traces?: readonly SeismogramTrace[];
  /** Sampling rate of `traces` in Hz. Default 100 (ignored for the synthetic record). */
  sampleRate?: number;
  /** True P and S arrivals, drawn solid. Default the synthetic record's exact arrivals (none for given `traces`). */
  arrivals?: PhasePicks;
  /** Options of the synthetic record (see `syntheticSeismogram`), used when `traces` is absent. Default a 60 s local earthquake 40 km away. */
  synthetic?: Omit<SyntheticSeismogramOptions, 'randomState'>;
  /** Seed of the synthetic record. Default 0. */
  seed?: number;
  /** Show the spectrogram of one trace under the traces. Default false. */
  showSpectrogram?: boolean;
  /** Which trace the spectrogram is of (its index). Default 0 (Z). */
  spectrogramTrace?: number;
  /** Highest frequency of the spectrogram in Hz. Default min(Nyquist, 25). */
  maxFrequency?: number;
  /** Narrowest view in seconds. Default 20 samples. */
  minSpan?: number;
  /** Controlled state (view window and picks). */
  value?: SeismogramView;
  /** Initial state when uncontrolled. Default the whole record. */
  defaultValue?: Partial<SeismogramView>;
  /** Called with every new state (pan, zoom, pick…). */
  onValueChange?: (view: SeismogramView) => void;
  /** Called after every canvas redraw with its duration in ms (for a performance readout). */
  onDraw?: (ms: number) => void;
  /** Accessible name and title of the widget. Default "Seismogram". */
  label?: string;
  /** Class of the root element. */
  className?: string;
  /** Style of the root element (set `--gl-*` variables here to theme it). */
  style?: CSSProperties;
}

const MARGIN = { top: 22, right: 14, bottom: 40, left: 56 };
const GAP = 8;
/** Colours of the P and S markers (≥ 4.5:1 on white). */
export const PHASE_COLORS = { P: '#0969da', S: '#cf222e' } as const;

/** Keeps a view inside the record and at least `minSpan` wide. */
export function clampView(start: number, end: number, duration: number, minSpan: number): [number, number] {
  const span = Math.min(duration, Math.max(minSpan, Number.isFinite(end - start) ? end - start : duration));
  let s = Number.isFinite(start) ? start : 0;
  if (s + span > duration) s = duration - span;
  if (s < 0) s = 0;
  return [s, s + span];
}

const fmt = (t: number) => (Math.abs(t) >= 100 ? t.toFixed(0) : t.toFixed(2));

/**
 * A three-component seismogram (Z, N, E) on a shared time axis, with the true P and S
 * arrivals (solid) and the picks (dashed), and optionally the spectrogram of one component
 * below. Drag, the wheel or the keys pan and zoom it; it stays smooth on an hour of 100 Hz
 * data because each redraw min/max-decimates the visible samples to one segment per pixel
 * column. Picking P and S, the slides' regression task, is placing two times: press P or S
 * (or the buttons) to pick at the cursor, or let an STA/LTA trigger pick P.
 */
export function Seismogram({
  width = 720,
  height = 420,
  traces,
  sampleRate = 100,
  arrivals,
  synthetic,
  seed = 0,
  showSpectrogram = false,
  spectrogramTrace = 0,
  maxFrequency,
  minSpan: minSpanProp,
  value,
  defaultValue,
  onValueChange,
  onDraw,
  label = 'Seismogram',
  className,
  style,
}: SeismogramProps) {
  const id = useId();
  const syntheticKey = JSON.stringify(synthetic ?? {});
  const given = traces !== undefined && traces.length > 0;
  // The synthetic record depends on its options and seed only (not on inline props that change identity).
  const synth = useMemo(
    () => (given ? null : syntheticSeismogram({ ...(JSON.parse(syntheticKey) as SyntheticSeismogramOptions), randomState: seed })),
    [given, syntheticKey, seed],
  );
  const arrivalsKey = arrivals === undefined ? '' : JSON.stringify(arrivals);
  const record = useMemo(() => {
    const truth: PhasePicks | undefined = arrivalsKey ? (JSON.parse(arrivalsKey) as PhasePicks) : undefined;
    if (!synth) return { traces: traces ?? [], sampleRate, arrivals: truth ?? {} };
    return {
      traces: COMPONENTS.map((c) => ({ label: c, samples: synth.traces[c] })),
      sampleRate: synth.sampleRate,
      arrivals: truth ?? { P: synth.pArrival, S: synth.sArrival },
    };
  }, [synth, traces, sampleRate, arrivalsKey]);
  const fs = record.sampleRate;
  const nSamples = record.traces.reduce((m, t) => Math.max(m, t.samples.length), 0);
  const duration = nSamples / fs;
  const minSpan = Math.min(duration, minSpanProp ?? 20 / fs);
  const sharedPeak = useMemo(() => record.traces.reduce((m, t) => Math.max(m, peakAmplitude(t.samples)), 0), [record]);

  const initial: SeismogramView = { start: 0, end: duration, ...defaultValue };
  const [view, setViewRaw] = useControllableState<SeismogramView>({ value, defaultValue: initial, onChange: onValueChange });
  const [start, end] = clampView(view.start, view.end, duration, minSpan);
  const span = end - start;
  const picks = view.picks ?? {};
  const scaling = view.scaling ?? 'shared';
  const setView = (s: number, e: number) =>
    setViewRaw((v) => {
      const [a, b] = clampView(s, e, duration, minSpan);
      return a === v.start && b === v.end ? v : { ...v, start: a, end: b };
    });
  /** Pans by a fraction of the current span. */
  const pan = (fraction: number) => setViewRaw((v) => {
    const [a, b] = clampView(v.start, v.end, duration, minSpan);
    const [s, e] = clampView(a + fraction * (b - a), b + fraction * (b - a), duration, minSpan);
    return s === v.start && e === v.end ? v : { ...v, start: s, end: e };
  });
  /** Zooms by `factor` (< 1 zooms in) around time `at` (default the centre). */
  const zoom = (factor: number, at?: number) => setViewRaw((v) => {
    const [a, b] = clampView(v.start, v.end, duration, minSpan);
    const c = at ?? (a + b) / 2;
    const newSpan = Math.min(duration, Math.max(minSpan, (b - a) * factor));
    const t = (c - a) / (b - a);
    const [s, e] = clampView(c - t * newSpan, c + (1 - t) * newSpan, duration, minSpan);
    return s === v.start && e === v.end ? v : { ...v, start: s, end: e };
  });
  const resetView = () => {
    const d = { start: 0, end: duration, ...defaultValue };
    setView(d.start, d.end);
  };
  const [cursor, setCursor] = useState<number | null>(null);
  const cursorTime = cursor !== null && cursor >= start && cursor <= end ? cursor : (start + end) / 2;
  const setPick = (phase: 'P' | 'S', t: number | undefined) => setViewRaw((v) => ({ ...v, picks: { ...v.picks, [phase]: t } }));
  const [autoMessage, setAutoMessage] = useState<string | null>(null);
  const autoPick = () => {
    const x = record.traces[0].samples;
    try {
      const { windows } = staLtaTrigger(x, { sampleRate: fs, sta: 0.3, lta: Math.min(10, (0.4 * x.length) / fs), on: 5, off: 1.5 });
      if (windows.length === 0) {
        setAutoMessage('STA/LTA found no onset above the threshold 5.');
        return;
      }
      setAutoMessage(null);
      setPick('P', windows[0].startTime);
    } catch (err) {
      setAutoMessage(`STA/LTA could not run: ${(err as Error).message}`);
    }
  };

  // Layout: the traces, then the spectrogram, share the time axis.
  const plotW = Math.max(60, width - MARGIN.left - MARGIN.right);
  const plotH = Math.max(60, height - MARGIN.top - MARGIN.bottom);
  const nTr = record.traces.length;
  const specH = showSpectrogram ? Math.round((plotH - GAP * nTr) * 0.36) : 0;
  const trackH = Math.max(12, (plotH - specH - (showSpectrogram ? GAP : 0) - GAP * (nTr - 1)) / nTr);
  const specTop = nTr * (trackH + GAP);
  const xs = useMemo(() => scaleLinear().domain([start, end]).range([0, plotW]), [start, end, plotW]);

  const specIndex = Math.min(Math.max(0, spectrogramTrace), nTr - 1);
  const fmax = Math.min(fs / 2, maxFrequency ?? 25);
  const spec = useMemo(() => {
    if (!showSpectrogram) return null;
    const x = record.traces[specIndex].samples;
    const L = Math.min(x.length, nextPowerOfTwo(Math.round(2.56 * fs)));
    const hop = Math.max(1, Math.floor(L / 4), Math.ceil((x.length - L) / 2000));
    const s = spectrogram(x, { sampleRate: fs, windowLength: L, hop });
    // Pixel m spans frame m's centre ± hop/2: the image's left edge is at (L − hop)/2 samples.
    return { image: spectrogramImage(s, fmax), left: (L - hop) / 2 / fs, pixel: hop / fs };
  }, [showSpectrogram, record, specIndex, fs, fmax]);
  const fScale = useMemo(
    () => (spec ? scaleLinear().domain(spec.image.frequencyRange).range([specTop + specH, specTop]) : null),
    [spec, specTop, specH],
  );

  const canvasRef = useRef<HTMLCanvasElement>(null);
  const specCanvas = useRef<HTMLCanvasElement | null>(null);
  const onDrawRef = useRef(onDraw);
  onDrawRef.current = onDraw;
  useLayoutEffect(() => {
    specCanvas.current = null;
    if (!spec || typeof document === 'undefined') return;
    const c = document.createElement('canvas');
    c.width = spec.image.width;
    c.height = spec.image.height;
    const ctx = c.getContext('2d');
    if (!ctx || typeof ImageData === 'undefined') return;
    ctx.putImageData(new ImageData(spec.image.data as Uint8ClampedArray<ArrayBuffer>, spec.image.width, spec.image.height), 0, 0);
    specCanvas.current = c;
  }, [spec]);
  useLayoutEffect(() => {
    const t0 = performance.now();
    const ctx = prepareCanvas(canvasRef.current, plotW, plotH);
    if (!ctx) return;
    const canvas = ctx.canvas;
    ctx.clearRect(0, 0, plotW, plotH);
    const fg = getComputedStyle(canvas).getPropertyValue('--gl-fg').trim() || themeVariables['--gl-fg'];
    ctx.strokeStyle = fg;
    ctx.lineWidth = 1;
    ctx.lineJoin = 'round';
    const i0 = start * fs;
    const i1 = end * fs;
    record.traces.forEach((tr, j) => {
      const amp = scaling === 'view' ? visibleAmplitude(tr.samples, i0, i1, plotW) : sharedPeak;
      ctx.save();
      ctx.beginPath();
      ctx.rect(0, j * (trackH + GAP), plotW, trackH);
      ctx.clip();
      drawTrace(ctx, tr.samples, i0, i1, { x: 0, width: plotW, yMid: j * (trackH + GAP) + trackH / 2, halfHeight: trackH / 2 - 1, amplitude: amp });
      ctx.restore();
    });
    const img = specCanvas.current;
    if (spec && img) {
      ctx.imageSmoothingEnabled = true;
      const sx = (start - spec.left) / spec.pixel;
      const sw = span / spec.pixel;
      // Clip the source to the image (and the destination in proportion), as the spec says drawImage does.
      const a = Math.max(0, sx);
      const b = Math.min(img.width, sx + sw);
      if (b > a) {
        const x0 = ((a - sx) / sw) * plotW;
        const x1 = ((b - sx) / sw) * plotW;
        ctx.drawImage(img, a, 0, b - a, img.height, x0, specTop, x1 - x0, specH);
      }
    }
    const ms = performance.now() - t0;
    canvas.dataset.drawMs = ms.toFixed(3);
    onDrawRef.current?.(ms);
  }, [record, start, end, span, fs, plotW, plotH, trackH, scaling, sharedPeak, spec, specTop, specH]);

  // Drag to pan (one pointer), pinch to zoom (two), tap to place the cursor.
  const pointers = useRef(new Map<number, number>());
  const gesture = useRef<{ x: number; start: number; end: number; dist: number; moved: boolean } | null>(null);
  const localX = (e: { clientX: number; currentTarget: Element }) => {
    const svg = (e.currentTarget as SVGElement).ownerSVGElement ?? (e.currentTarget as SVGSVGElement);
    return e.clientX - svg.getBoundingClientRect().left - MARGIN.left;
  };
  const beginGesture = () => {
    const xsNow = [...pointers.current.values()];
    const mid = xsNow.reduce((a, b) => a + b, 0) / xsNow.length;
    const dist = xsNow.length > 1 ? Math.abs(xsNow[0] - xsNow[1]) : 0;
    gesture.current = { x: mid, start, end, dist, moved: gesture.current?.moved ?? false };
  };
  const onPointerDown = (e: PointerEvent<SVGRectElement>) => {
    pointers.current.set(e.pointerId, localX(e));
    gesture.current = null;
    beginGesture();
    try {
      e.currentTarget.setPointerCapture?.(e.pointerId);
    } catch {
      // A synthetic pointer (no active pointer of that id) cannot be captured; dragging still works.
    }
  };
  const onPointerMove = (e: PointerEvent<SVGRectElement>) => {
    const g = gesture.current;
    if (!g || !pointers.current.has(e.pointerId)) return;
    pointers.current.set(e.pointerId, localX(e));
    const xsNow = [...pointers.current.values()];
    const mid = xsNow.reduce((a, b) => a + b, 0) / xsNow.length;
    const s0 = g.end - g.start;
    if (xsNow.length > 1 && g.dist > 10) {
      const dist = Math.abs(xsNow[0] - xsNow[1]);
      const newSpan = s0 * (g.dist / Math.max(10, dist));
      const at = g.start + (g.x / plotW) * s0;
      const t = (mid / plotW);
      g.moved = true;
      setView(at - t * newSpan, at - t * newSpan + newSpan);
      return;
    }
    const dx = mid - g.x;
    if (Math.abs(dx) >= 3) g.moved = true;
    if (!g.moved) return;
    const dt = (-dx / plotW) * s0;
    setView(g.start + dt, g.end + dt);
  };
  const onPointerUp = (e: PointerEvent<SVGRectElement>) => {
    const g = gesture.current;
    const x = pointers.current.get(e.pointerId);
    pointers.current.delete(e.pointerId);
    if (e.currentTarget.hasPointerCapture?.(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    if (g && !g.moved && x !== undefined && pointers.current.size === 0) setCursor(xs.invert(x));
    if (pointers.current.size > 0) beginGesture();
    else gesture.current = null;
  };

  // The wheel zooms around the pointer (horizontal wheel or Shift pans); a non-passive
  // listener, so that the page does not scroll while the pointer is over the traces.
  const surfaceRef = useRef<SVGRectElement>(null);
  const wheelRef = useRef<(e: WheelEvent) => void>(() => {});
  wheelRef.current = (e: WheelEvent) => {
    e.preventDefault();
    const rect = surfaceRef.current?.getBoundingClientRect();
    const horizontal = Math.abs(e.deltaX) > Math.abs(e.deltaY) || e.shiftKey;
    const delta = horizontal ? (Math.abs(e.deltaX) > Math.abs(e.deltaY) ? e.deltaX : e.deltaY) : e.deltaY;
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
    if (horizontal) pan((delta * unit) / plotW);
    else zoom(Math.exp(delta * unit * 0.002), rect ? xs.invert(e.clientX - rect.left) : undefined);
  };
  useEffect(() => {
    const el = surfaceRef.current;
    if (!el) return;
    const on = (e: WheelEvent) => wheelRef.current(e);
    el.addEventListener('wheel', on, { passive: false });
    return () => el.removeEventListener('wheel', on);
  }, []);

  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    const k = e.key;
    const big = e.shiftKey ? 0.5 : 0.1;
    if (k === 'ArrowLeft' || k === 'ArrowDown') pan(-big);
    else if (k === 'ArrowRight' || k === 'ArrowUp') pan(big);
    else if (k === 'PageUp') pan(-1);
    else if (k === 'PageDown') pan(1);
    else if (k === '+' || k === '=') zoom(1 / 1.5);
    else if (k === '-' || k === '_' || k === '−') zoom(1.5);
    else if (k === 'Home') resetView();
    else if (k === 'End') setView(duration - span, duration);
    else if (k === 'p' || k === 'P') setPick('P', cursorTime);
    else if (k === 's' || k === 'S') setPick('S', cursorTime);
    else return;
    e.preventDefault();
    if (k.startsWith('Arrow') || k.startsWith('Page') || k === 'Home' || k === 'End' || k === '+' || k === '=' || k === '-' || k === '_' || k === '−') setCursor(null);
  };
  const [focused, setFocused] = useState(false);

  const truth = record.arrivals;
  const describePick = (phase: 'P' | 'S') => {
    const p = picks[phase];
    if (p === undefined) return null;
    const t = truth[phase];
    const err = t !== undefined ? `, ${p - t >= 0 ? '+' : '−'}${Math.abs(p - t).toFixed(2)} s from the true arrival` : '';
    return `${phase} picked at ${fmt(p)} s${err}`;
  };
  const pickText = [describePick('P'), describePick('S')].filter(Boolean).join(' · ');
  const status = autoMessage ?? (pickText ? `${pickText}.` : 'No picks yet: press P or S (or the buttons) to pick at the cursor.');
  const truthText =
    truth.P !== undefined || truth.S !== undefined
      ? `, true P at ${truth.P !== undefined ? fmt(truth.P) : '—'} s and S at ${truth.S !== undefined ? fmt(truth.S) : '—'} s`
      : '';

  const markers: { key: string; t: number; phase: 'P' | 'S'; picked: boolean }[] = [];
  (['P', 'S'] as const).forEach((ph) => {
    if (truth[ph] !== undefined) markers.push({ key: `t${ph}`, t: truth[ph]!, phase: ph, picked: false });
    if (picks[ph] !== undefined) markers.push({ key: `p${ph}`, t: picks[ph]!, phase: ph, picked: true });
  });
  const trackLabels = record.traces.map((t) => t.label).join(', ');

  return (
    <figure
      className={className}
      aria-labelledby={`${id}-title`}
      style={rootStyle({ margin: 0, display: 'inline-flex', flexDirection: 'column', gap: 8, maxWidth: '100%', ...style })}
      data-testid="seismogram"
    >
      <div id={`${id}-title`} style={{ fontWeight: 600 }}>{label}</div>
      <div style={{ position: 'relative', width, height, touchAction: 'none' }}>
        <canvas
          ref={canvasRef}
          aria-hidden="true"
          data-testid="trace-canvas"
          style={{ position: 'absolute', left: MARGIN.left, top: MARGIN.top, width: plotW, height: plotH }}
        />
        <svg
          width={width}
          height={height}
          role="group"
          aria-label={`${label}: ${nTr} component${nTr > 1 ? 's' : ''} (${trackLabels}), ${fmt(duration)} s at ${fs} Hz${truthText}.`}
          style={{ position: 'absolute', left: 0, top: 0, overflow: 'visible' }}
        >
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            {record.traces.map((t, j) => (
              <g key={j} aria-hidden="true">
                <rect y={j * (trackH + GAP)} width={plotW} height={trackH} fill="none" stroke={cssVar('--gl-border')} />
                <text x={-10} y={j * (trackH + GAP) + trackH / 2} dy="0.32em" textAnchor="end" fontSize={13} fontWeight={600} fill={cssVar('--gl-fg')}>
                  {t.label}
                </text>
              </g>
            ))}
            {spec && fScale && (
              <g aria-hidden="true">
                <rect y={specTop} width={plotW} height={specH} fill="none" stroke={cssVar('--gl-border')} />
                <Axis scale={fScale} orient="left" offset={0} ticks={3} label="Hz" />
              </g>
            )}
            <Axis scale={xs} orient="bottom" offset={plotH} ticks={Math.max(2, Math.floor(plotW / 90))} label="time (s)" />
            <g pointerEvents="none" aria-hidden="true" data-testid="markers">
              {markers.map((m) => {
                if (m.t < start || m.t > end) return null;
                const x = xs(m.t);
                return (
                  <g key={m.key} data-marker={m.key} data-time={m.t}>
                    <line x1={x} x2={x} y1={-4} y2={plotH} stroke={PHASE_COLORS[m.phase]} strokeWidth={m.picked ? 2 : 1.5} strokeDasharray={m.picked ? '5 3' : undefined} />
                    {/* P labels left of their line, S labels right, picks below the truths: never on top of each other. */}
                    <text x={m.phase === 'P' ? x - 3 : x + 3} y={m.picked ? -2 : -12} textAnchor={m.phase === 'P' ? 'end' : 'start'} fontSize={11} fontWeight={600} fill={PHASE_COLORS[m.phase]}>
                      {m.picked ? `${m.phase} pick` : m.phase}
                    </text>
                  </g>
                );
              })}
              {cursor !== null && cursor >= start && cursor <= end && (
                <line x1={xs(cursor)} x2={xs(cursor)} y1={0} y2={plotH} stroke={cssVar('--gl-muted')} strokeDasharray="2 3" data-testid="cursor" />
              )}
            </g>
            <g
              role="slider"
              tabIndex={0}
              aria-label="Time window: arrow keys pan, plus and minus zoom, Home shows the whole record, P and S pick at the cursor"
              aria-valuemin={0}
              aria-valuemax={Number((duration - span).toFixed(2))}
              aria-valuenow={Number(start.toFixed(2))}
              aria-valuetext={`${fmt(start)} to ${fmt(end)} s of ${fmt(duration)} s`}
              data-testid="time-window"
              data-start={start}
              data-end={end}
              onKeyDown={onKeyDown}
              onFocus={() => setFocused(true)}
              onBlur={() => setFocused(false)}
              style={{ outline: 'none' }}
            >
              <rect
                ref={surfaceRef}
                width={plotW}
                height={plotH}
                fill="transparent"
                stroke={focused ? cssVar('--gl-focus') : 'none'}
                strokeWidth={2}
                style={{ cursor: 'grab', touchAction: 'none' }}
                onPointerDown={onPointerDown}
                onPointerMove={onPointerMove}
                onPointerUp={onPointerUp}
                onPointerCancel={onPointerUp}
                data-testid="pan-surface"
              />
            </g>
          </g>
        </svg>
      </div>
      <div role="group" aria-label="View and picking controls" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <button type="button" style={buttonStyle} aria-label="Pan left" onClick={() => { setCursor(null); pan(-0.25); }}>◀</button>
        <button type="button" style={buttonStyle} aria-label="Pan right" onClick={() => { setCursor(null); pan(0.25); }}>▶</button>
        <button type="button" style={buttonStyle} aria-label="Zoom in" onClick={() => { setCursor(null); zoom(1 / 1.5); }}>+</button>
        <button type="button" style={buttonStyle} aria-label="Zoom out" onClick={() => { setCursor(null); zoom(1.5); }}>−</button>
        <button type="button" style={buttonStyle} onClick={() => { setCursor(null); resetView(); }}>Whole record</button>
        <button
          type="button"
          style={scaling === 'view' ? { ...buttonStyle, borderColor: cssVar('--gl-accent'), boxShadow: `inset 0 0 0 1px ${cssVar('--gl-accent')}`, fontWeight: 600 } : buttonStyle}
          aria-pressed={scaling === 'view'}
          onClick={() => setViewRaw((v) => ({ ...v, scaling: (v.scaling ?? 'shared') === 'view' ? 'shared' : 'view' }))}>
          Scale to view
        </button>
        <button type="button" style={{ ...buttonStyle, color: PHASE_COLORS.P }} onClick={() => setPick('P', cursorTime)}>Pick P</button>
        <button type="button" style={{ ...buttonStyle, color: PHASE_COLORS.S }} onClick={() => setPick('S', cursorTime)}>Pick S</button>
        <button type="button" style={buttonStyle} onClick={autoPick}>Pick P by STA/LTA</button>
        <button type="button" style={buttonStyle} disabled={picks.P === undefined && picks.S === undefined} onClick={() => { setAutoMessage(null); setViewRaw((v) => ({ ...v, picks: {} })); }}>
          Clear picks
        </button>
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'baseline' }}>
        <span data-testid="view-readout" style={{ fontVariantNumeric: 'tabular-nums', color: cssVar('--gl-muted') }}>
          {fmt(start)}–{fmt(end)} s ({fmt(span)} s shown)
        </span>
        <output aria-live="polite" data-testid="status" data-pick-p={picks.P ?? ''} data-pick-s={picks.S ?? ''} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {status}
        </output>
      </div>
      <figcaption style={{ display: 'grid', gap: 4, color: cssVar('--gl-fg') }}>
        <span style={{ color: cssVar('--gl-muted') }}>
          Solid lines: true arrivals; dashed: picks. Drag, scroll or use the keys to explore.
        </span>
        <Tex block>{String.raw`t_P=t_0+\frac{r}{v_P},\quad t_S=t_0+\frac{r}{v_S},\quad r\approx\frac{t_S-t_P}{1/v_S-1/v_P}`}</Tex>
        {spec && <Tex block>{String.raw`P(t,f)=\frac{2\,\bigl|\sum_n w[n]\,x[n+tf_s]\,e^{-2\pi i f n/f_s}\bigr|^2}{f_s\sum_n w[n]^2}\ \ \text{(spectrogram, dB)}`}</Tex>}
      </figcaption>
    </figure>
  );
}
