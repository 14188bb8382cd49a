import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { minMaxDecimate } from '@geolearn/algorithms/seismic';
import { Axis } from '../common/Axis';
import { conceptColor } from '../common/colors';
import { clientToLocal } from '../hooks/useMovable';
import { component, fmtS, SECONDS, traceLayout, WINDOW } from './model';
import type { PhasePickerModel } from './usePhasePicker';

const NAMES = ['Z', 'N', 'E'];
const P_COLOR = conceptColor('pWave');
const S_COLOR = conceptColor('sWave');

/** An SVG path of one trace: per pixel column a segment from its min to its max (no peak lost). */
function tracePath(x: Float32Array, plotW: number, y0: number, h: number): string {
  const cols = Math.max(1, Math.min(WINDOW, Math.floor(plotW)));
  const { min, max } = minMaxDecimate(x, 0, WINDOW, cols);
  let peak = 0;
  for (let i = 0; i < cols; i++) peak = Math.max(peak, Math.abs(min[i]), Math.abs(max[i]));
  const k = peak > 0 ? (h / 2 - 2) / peak : 0;
  const mid = y0 + h / 2;
  let d = '';
  for (let i = 0; i < cols; i++) {
    const px = ((i + 0.5) * plotW) / cols;
    d += `M${px.toFixed(1)},${(mid - max[i] * k).toFixed(1)}L${px.toFixed(1)},${(mid - min[i] * k + 0.5).toFixed(1)}`;
  }
  return d;
}

/** A probability curve as a polyline, one point per pixel column (its largest value, so peaks stay). */
function probPath(q: Float32Array, c: number, plotW: number, ys: ScaleLinear<number, number>, reduce: 'max' | 'min'): string {
  const cols = Math.max(1, Math.min(WINDOW, Math.floor(plotW)));
  const pts: string[] = [];
  for (let i = 0; i < cols; i++) {
    const a = Math.floor((i * WINDOW) / cols);
    const b = Math.max(a + 1, Math.floor(((i + 1) * WINDOW) / cols));
    let v = reduce === 'max' ? 0 : 1;
    for (let t = a; t < b; t++) v = reduce === 'max' ? Math.max(v, q[t * 3 + c]) : Math.min(v, q[t * 3 + c]);
    pts.push(`${(((i + 0.5) * plotW) / cols).toFixed(1)},${ys(v).toFixed(1)}`);
  }
  return `M${pts.join('L')}`;
}

/** Props of {@link TracePanel}. */
export interface TracePanelProps {
  model: PhasePickerModel;
  /** Width of the whole plot with margins, px. */
  width: number;
  compact: boolean;
}

/**
 * The window's three components with, under them, the model's q_P, q_S and q_noise over time
 * (as the slides' figures) and the pick threshold; the picks as vertical lines across both
 * (model: solid, STA/LTA: dashed, yours: dotted, truth when shown: green). The traces are a
 * slider for your pick of the chosen phase: click or drag to place it, arrow keys to move it.
 */
export function TracePanel({ model, width, compact }: TracePanelProps) {
  const L = traceLayout(width, compact);
  const { w, q, state } = model;
  const xs = useMemo(() => scaleLinear().domain([0, SECONDS]).range([0, L.plotW]), [L.plotW]);
  const ys = useMemo(() => scaleLinear().domain([0, 1]).range([L.probTop + L.probH, L.probTop]), [L.probTop, L.probH]);
  const traces = useMemo(() => (w ? [0, 1, 2].map((c) => tracePath(component(w.x, c), L.plotW, c * (L.track + L.gap), L.track)) : []), [w, L.plotW, L.track, L.gap]);
  const curves = useMemo(() => (q ? { P: probPath(q, 0, L.plotW, ys, 'max'), S: probPath(q, 1, L.plotW, ys, 'max'), N: probPath(q, 2, L.plotW, ys, 'min') } : null), [q, L.plotW, ys]);
  const tracesH = 3 * L.track + 2 * L.gap;
  return (
    <div className="gl-stack gl-pp-stack" style={{ width, height: L.height }}>
      <svg width={width} height={L.height} role="group" aria-label={`Three components Z, N, E of ${w?.source ?? 'no window'}, 30 s at 100 Hz, with the model's P, S and noise probabilities below`} className="gl-pp-svg">
        <g transform={`translate(${L.margin.left},${L.margin.top})`}>
          {[0, 1, 2].map((c) => (
            <g key={c} aria-hidden="true">
              <rect className="gl-pp-frame" y={c * (L.track + L.gap)} width={L.plotW} height={L.track} />
              <text className="gl-pp-track-label" x={-8} y={c * (L.track + L.gap) + L.track / 2} dy="0.32em" textAnchor="end">
                {NAMES[c]}
              </text>
            </g>
          ))}
          <g aria-hidden="true" data-testid="traces">
            {traces.map((d, c) => (
              <path key={c} d={d} className="gl-pp-trace" />
            ))}
          </g>
          <ProbabilityTrack model={model} L={L} xs={xs} ys={ys} curves={curves} />
          <Axis scale={xs} orient="bottom" offset={L.plotH} ticks={Math.max(2, Math.floor(L.plotW / 80))} label="time (s)" />
          <PickLines model={model} xs={xs} top={-4} bottom={L.plotH} />
          <PickArea model={model} xs={xs} width={L.plotW} height={tracesH} />
        </g>
      </svg>
      {state.showTruth && w?.pTrue === null && <p className="gl-pp-note">A real record has no known arrivals: compare your picks with the model's.</p>}
    </div>
  );
}

function ProbabilityTrack({ model, L, xs, ys, curves }: { model: PhasePickerModel; L: ReturnType<typeof traceLayout>; xs: ScaleLinear<number, number>; ys: ScaleLinear<number, number>; curves: { P: string; S: string; N: string } | null }) {
  const th = model.state.threshold;
  return (
    <g data-testid="probabilities" data-state={curves ? 'ready' : 'empty'}>
      <rect className="gl-pp-frame" y={L.probTop} width={L.plotW} height={L.probH} aria-hidden="true" />
      <Axis scale={ys} orient="left" offset={0} ticks={2} label="q" />
      {curves ? (
        <g aria-hidden="true">
          <path d={curves.N} className="gl-pp-noise" />
          <path d={curves.P} className="gl-pp-curve" stroke={P_COLOR} data-testid="curve-P" />
          <path d={curves.S} className="gl-pp-curve" stroke={S_COLOR} data-testid="curve-S" />
        </g>
      ) : (
        <text className="gl-pp-wait" x={L.plotW / 2} y={L.probTop + L.probH / 2} textAnchor="middle">
          {model.win.busy ? 'the model is picking…' : 'no probabilities yet'}
        </text>
      )}
      <line className="gl-pp-threshold" x1={0} x2={xs(SECONDS)} y1={ys(th)} y2={ys(th)} data-testid="threshold-line" data-threshold={th} />
    </g>
  );
}

function PickLines({ model, xs, top, bottom }: { model: PhasePickerModel; xs: ScaleLinear<number, number>; top: number; bottom: number }) {
  const { picks, sta, state, w } = model;
  const lines: { key: string; t: number; color: string; kind: 'model' | 'sta' | 'mine' | 'truth'; text: string }[] = [];
  picks.P.forEach((p, i) => lines.push({ key: `mP${i}`, t: p.index / 100, color: P_COLOR, kind: 'model', text: 'P' }));
  picks.S.forEach((p, i) => lines.push({ key: `mS${i}`, t: p.index / 100, color: S_COLOR, kind: 'model', text: 'S' }));
  if (sta !== null) lines.push({ key: 'sta', t: sta, color: 'var(--gl-muted)', kind: 'sta', text: 'STA/LTA' });
  if (state.myP !== null) lines.push({ key: 'myP', t: state.myP, color: P_COLOR, kind: 'mine', text: 'your P' });
  if (state.myS !== null) lines.push({ key: 'myS', t: state.myS, color: S_COLOR, kind: 'mine', text: 'your S' });
  if (state.showTruth && w?.pTrue != null) lines.push({ key: 'tP', t: w.pTrue, color: conceptColor('optimum'), kind: 'truth', text: 'true P' });
  if (state.showTruth && w?.sTrue != null) lines.push({ key: 'tS', t: w.sTrue, color: conceptColor('optimum'), kind: 'truth', text: 'true S' });
  return (
    <g pointerEvents="none" aria-hidden="true" data-testid="picks">
      {lines.map((m) => (
        <g key={m.key} className="gl-pp-pick" data-kind={m.kind} data-pick={m.key} data-time={m.t.toFixed(2)}>
          <line x1={xs(m.t)} x2={xs(m.t)} y1={top} y2={bottom} stroke={m.color} />
          {m.kind !== 'model' && (
            <text x={xs(m.t) + 3} y={m.kind === 'truth' ? bottom - 4 : m.kind === 'sta' ? 10 : 22} fill={m.color} className="gl-pp-pick-label">
              {m.text}
            </text>
          )}
        </g>
      ))}
    </g>
  );
}

/** The focusable, clickable area over the traces: a slider for your pick of the chosen phase. */
function PickArea({ model, xs, width, height }: { model: PhasePickerModel; xs: ScaleLinear<number, number>; width: number; height: number }) {
  const { state, actions } = model;
  const rect = useRef<SVGRectElement>(null);
  const [drag, setDrag] = useState(false);
  const [focused, setFocused] = useState(false);
  const mine = state.phase === 'P' ? state.myP : state.myS;
  const placeAt = (e: PointerEvent) => {
    const p = rect.current && clientToLocal(rect.current, e.clientX, e.clientY);
    if (p) actions.place(state.phase, xs.invert(Math.min(width, Math.max(0, p[0]))));
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const k = e.key.toLowerCase();
    if (k === 'p' || k === 's') return actions.setPhase(k.toUpperCase() as 'P' | 'S');
    const at = mine ?? SECONDS / 2;
    const stepS = e.shiftKey ? 0.5 : 0.05;
    const moves: Record<string, number> = { ArrowLeft: at - stepS, ArrowDown: at - stepS, ArrowRight: at + stepS, ArrowUp: at + stepS, Home: 0, End: SECONDS, PageDown: at - 1, PageUp: at + 1 };
    if (e.key in moves) {
      e.preventDefault();
      actions.place(state.phase, mine === null && e.key.startsWith('Arrow') ? at : moves[e.key]);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      actions.place(state.phase, NaN);
    }
  };
  return (
    <g
      role="slider"
      tabIndex={0}
      className="gl-focusable"
      aria-label={`Your ${state.phase} pick: click or drag on the traces, or use the arrow keys (Shift: 0.5 s steps); P and S switch the phase, Delete removes it`}
      aria-valuemin={0}
      aria-valuemax={SECONDS}
      aria-valuenow={mine ?? 0}
      aria-valuetext={mine === null ? `no ${state.phase} pick yet` : `your ${state.phase} pick at ${fmtS(mine)}`}
      data-testid="pick-area"
      data-phase={state.phase}
      onKeyDown={onKeyDown}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
    >
      <rect
        ref={rect}
        className="gl-plot-area gl-pp-area"
        width={width}
        height={height}
        data-focused={focused ? '' : undefined}
        data-dragging={drag ? '' : undefined}
        onPointerDown={(e) => {
          (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
          setDrag(true);
          placeAt(e);
        }}
        onPointerMove={(e) => drag && placeAt(e)}
        onPointerUp={() => setDrag(false)}
        onPointerCancel={() => setDrag(false)}
      />
    </g>
  );
}
