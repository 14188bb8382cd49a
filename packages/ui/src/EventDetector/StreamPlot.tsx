import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { scaleLinear } from 'd3-scale';
import { minMaxDecimate, type DetectionInterval } from '@geolearn/algorithms/seismic';
import { Axis } from '../common/Axis';
import { conceptColor } from '../common/colors';
import { clientToLocal } from '../hooks/useMovable';
import { onEvent, WINDOW_SECONDS, type Scan, type StreamSource } from './model';

/** Props of {@link StreamPlot}. */
export interface StreamPlotProps {
  width: number;
  source: StreamSource;
  view: number;
  span: number;
  cursor: number;
  onCursor: (start: number) => void;
  scan: Scan | null;
  threshold: number;
  ratio: Float64Array | null;
  staLtaOn: number;
  detIntervals: DetectionInterval[];
  staIntervals: DetectionInterval[];
}

const M = { left: 62, right: 8, top: 6 };
const TRACK = 42;
const CURVE = 58;
const GAP = 10;
const COMPONENTS = ['Z', 'N', 'E'] as const;

/** An SVG path of samples [i0, i1) as one min–max segment per pixel column. */
function tracePath(x: ArrayLike<number>, i0: number, i1: number, cols: number, x0: number, w: number, mid: number, half: number, amp: number): string {
  if (i1 - i0 < 2 || amp <= 0) return '';
  const c = Math.max(1, Math.min(cols, i1 - i0));
  const { min, max } = minMaxDecimate(x, i0, i1, c);
  let d = '';
  for (let k = 0; k < c; k++) {
    const px = (x0 + ((k + 0.5) * w) / c).toFixed(1);
    d += `M${px},${(mid - (max[k] / amp) * half).toFixed(1)}V${(mid - (min[k] / amp) * half).toFixed(1)}`;
  }
  return d;
}

/** Total height of the plot for a width (fixed rows). */
export const STREAM_PLOT_HEIGHT = M.top + 3 * TRACK + 2 * (CURVE + GAP) + 34;

/**
 * The stream and both detectors on one time axis: Z, N, E (with true P and S arrivals), the
 * detector's p_event per window (at the window's centre) with its threshold and detections,
 * and STA/LTA's characteristic function with its trigger level and triggers. Detections that
 * match an event are green, false alarms red. Click, or focus and use ←/→, to move the current
 * window (the shaded band, shown on the map).
 */
export function StreamPlot(p: StreamPlotProps) {
  const { width, source, view, span, cursor } = p;
  const plotW = Math.max(40, width - M.left - M.right);
  const xs = scaleLinear().domain([view, view + span]).range([0, plotW]);
  const fs = source.sampleRate;
  const i0 = Math.max(0, Math.floor(view * fs));
  const i1 = Math.min(source.traces.Z.length, Math.ceil((view + span) * fs));
  let amp = 0;
  for (const c of COMPONENTS) {
    const { min, max } = minMaxDecimate(source.traces[c], i0, Math.max(i0 + 1, i1), 1);
    amp = Math.max(amp, Math.abs(min[0]), Math.abs(max[0]));
  }
  const yP = M.top + 3 * TRACK + GAP;
  const yS = yP + CURVE + GAP;
  const pScale = scaleLinear().domain([0, 1]).range([yP + CURVE, yP]);
  const rMax = Math.max(2 * p.staLtaOn, 5);
  const rScale = scaleLinear().domain([0, rMax]).range([yS + CURVE, yS]);
  const area = useRef<SVGRectElement>(null);
  const inView = (t: number) => t >= view && t <= view + span;
  const onPointer = (e: PointerEvent<SVGRectElement>) => {
    const pt = area.current ? clientToLocal(area.current, e.clientX, e.clientY) : null;
    if (pt) p.onCursor(xs.invert(pt[0]) - WINDOW_SECONDS / 2);
  };
  const onKey = (e: KeyboardEvent) => {
    const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!d) return;
    e.preventDefault();
    p.onCursor(cursor + d * (e.shiftKey ? 10 : 1));
  };
  // p_event at window centres, in view.
  let pPath = '';
  if (p.scan) {
    for (let i = 0; i < p.scan.starts.length; i++) {
      const t = p.scan.starts[i] + WINDOW_SECONDS / 2;
      if (t < view - 1 || t > view + span + 1) continue;
      pPath += `${pPath ? 'L' : 'M'}${xs(t).toFixed(1)},${pScale(p.scan.pEvent[i]).toFixed(1)}`;
    }
  }
  let rPath = '';
  if (p.ratio && i1 - i0 > 2) {
    const c = Math.max(1, Math.min(plotW, i1 - i0));
    const { max } = minMaxDecimate(p.ratio, i0, i1, c);
    for (let k = 0; k < c; k++) rPath += `${k ? 'L' : 'M'}${(((k + 0.5) * plotW) / c).toFixed(1)},${rScale(Math.min(rMax, max[k])).toFixed(1)}`;
  }
  const bars = (iv: DetectionInterval[], y: number, cls: string) =>
    iv.map((d, k) => {
      if (d.end < view || d.start > view + span) return null;
      const a = xs(Math.max(view, d.start));
      const b = xs(Math.min(view + span, d.end));
      const ok = onEvent(d, source.events);
      return <rect key={k} className={cls} data-state={ok ? 'hit' : 'false-alarm'} x={a} y={y + CURVE - 6} width={Math.max(2, b - a)} height={6} fill={conceptColor(ok ? 'optimum' : 'diverged')} />;
    });
  return (
    <svg className="gl-ed-stream" width={width} height={STREAM_PLOT_HEIGHT} role="group" aria-label="Three-component stream, detector probability and STA/LTA over time">
      <g transform={`translate(${M.left},0)`}>
        <rect ref={area} className="gl-ed-area" x={0} y={M.top} width={plotW} height={yS + CURVE - M.top} fill="transparent" onPointerDown={onPointer} />
        <rect className="gl-ed-window" x={xs(cursor)} y={M.top} width={Math.max(1, xs(cursor + WINDOW_SECONDS) - xs(cursor))} height={yS + CURVE - M.top} pointerEvents="none" />
        {COMPONENTS.map((c, k) => {
          const mid = M.top + k * TRACK + TRACK / 2;
          return (
            <g key={c} pointerEvents="none">
              <text className="gl-ed-label" x={-8} y={mid + 4} textAnchor="end">{c}</text>
              <path className="gl-ed-trace" d={tracePath(source.traces[c], i0, i1, plotW, 0, plotW, mid, TRACK / 2 - 2, amp)} stroke={conceptColor('data')} />
            </g>
          );
        })}
        {(source.events ?? []).flatMap((e, k) => [
          inView(e.pArrival) ? <line key={`p${k}`} className="gl-ed-arrival" data-phase="P" x1={xs(e.pArrival)} x2={xs(e.pArrival)} y1={M.top} y2={M.top + 3 * TRACK} stroke={conceptColor('pWave')} /> : null,
          inView(e.sArrival) ? <line key={`s${k}`} className="gl-ed-arrival" data-phase="S" x1={xs(e.sArrival)} x2={xs(e.sArrival)} y1={M.top} y2={M.top + 3 * TRACK} stroke={conceptColor('sWave')} /> : null,
        ])}
        <g pointerEvents="none">
          <text className="gl-ed-label" x={-8} y={yP + 12} textAnchor="end">p_event</text>
          <line className="gl-ed-threshold" x1={0} x2={plotW} y1={pScale(p.threshold)} y2={pScale(p.threshold)} />
          <path className="gl-ed-curve" d={pPath} stroke={conceptColor('test')} data-testid="p-event-curve" />
          {bars(p.detIntervals, yP, 'gl-ed-detection')}
          <text className="gl-ed-label" x={-8} y={yS + 12} textAnchor="end">STA/LTA</text>
          <line className="gl-ed-threshold" x1={0} x2={plotW} y1={rScale(p.staLtaOn)} y2={rScale(p.staLtaOn)} />
          <path className="gl-ed-curve" d={rPath} stroke={conceptColor('residual')} />
          {bars(p.staIntervals, yS, 'gl-ed-trigger')}
        </g>
        <Axis scale={xs} orient="bottom" offset={yS + CURVE + 2} label="time (s)" ticks={Math.max(2, Math.floor(plotW / 90))} />
        <g className="gl-focusable" tabIndex={0} role="slider" aria-label="Current window start (s)" aria-valuemin={0} aria-valuemax={Math.max(0, source.duration - WINDOW_SECONDS)} aria-valuenow={Math.round(cursor)} aria-valuetext={`window ${cursor.toFixed(0)}–${(cursor + WINDOW_SECONDS).toFixed(0)} s`} onKeyDown={onKey} data-testid="stream-window">
          <rect className="gl-focus-box" x={-2} y={M.top - 2} width={plotW + 4} height={yS + CURVE - M.top + 4} />
        </g>
      </g>
    </svg>
  );
}
