import { scaleLinear } from 'd3-scale';
import { useMemo, useState } from 'react';
import { Axis } from '../common/Axis';
import { visibleAmplitude } from '../common/waveform';
import { fmt, fmtAmplitude, MARGIN, PHASE_COLORS, trackLayout, GAP } from './model';
import { ratioPeak, useTraceCanvas } from './useTraceCanvas';
import { useTraceGestures } from './useTraceGestures';
import type { SeismogramModel } from './useSeismogram';

/** Props of {@link TracePlot}. */
export interface TracePlotProps {
  model: SeismogramModel;
  /** Size of the whole plot (with margins), px. */
  width: number;
  height: number;
  /** Accessible name of the record. */
  label: string;
  /** Whether the true arrivals are hidden in an exercise (said in the description). */
  exercise: boolean;
  onDraw?: (ms: number) => void;
}

/**
 * The traces, the STA/LTA ratio and the spectrogram on one time axis: a canvas for the
 * samples under an SVG for the axes (time; amplitude with units per track; ratio with its
 * threshold; frequency), the arrivals and picks, the cursor and the focusable time window.
 */
export function TracePlot({ model, width, height, label, exercise, onDraw }: TracePlotProps) {
  const { record, shown, start, end, span, duration, fs, truth, picks, cursor, showRatio, spec, picker } = model;
  const t = trackLayout(width, height, shown.length, showRatio, spec !== null);
  const xs = useMemo(() => scaleLinear().domain([start, end]).range([0, t.plotW]), [start, end, t.plotW]);
  const canvasRef = useTraceCanvas(model, t, onDraw);
  const g = useTraceGestures(model, xs, t.plotW);
  const [focused, setFocused] = useState(false);
  const nTr = shown.length;
  const truthText =
    truth.P !== undefined || truth.S !== undefined
      ? `, true P at ${truth.P !== undefined ? fmt(truth.P) : '—'} s and S at ${truth.S !== undefined ? fmt(truth.S) : '—'} s`
      : exercise
        ? ', true arrivals hidden until you pick'
        : '';
  const markers: { key: string; t: number; phase: 'P' | 'S'; picked: boolean }[] = [];
  (['P', 'S'] as const).forEach((ph) => {
    if (truth[ph] !== undefined) markers.push({ key: `t${ph}`, t: truth[ph]!, phase: ph, picked: false });
    if (picks[ph] !== undefined) markers.push({ key: `p${ph}`, t: picks[ph]!, phase: ph, picked: true });
  });
  return (
    <div className="gl-stack gl-seis-stack" style={{ width, height }}>
      <canvas ref={canvasRef} aria-hidden="true" data-testid="trace-canvas" style={{ left: MARGIN.left, top: MARGIN.top, width: t.plotW, height: t.plotH }} />
      <svg
        width={width}
        height={height}
        role="group"
        className="gl-seis-svg"
        aria-label={`${label}: ${nTr} component${nTr > 1 ? 's' : ''} (${shown.map((s) => s.label).join(', ')}), ${fmt(duration)} s at ${fs} Hz${truthText}; amplitude in ${record.units}.`}
      >
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          <AmplitudeAxes model={model} plotW={t.plotW} trackH={t.trackH} />
          {showRatio && picker && <RatioAxis model={model} top={t.ratioTop} height={t.ratioH} plotW={t.plotW} />}
          {spec && (
            <g aria-hidden="true">
              <rect className="gl-seis-frame" y={t.specTop} width={t.plotW} height={t.specH} />
              <Axis scale={scaleLinear().domain(spec.image.frequencyRange).range([t.specTop + t.specH, t.specTop])} orient="left" offset={0} ticks={3} label="Hz" />
            </g>
          )}
          <Axis scale={xs} orient="bottom" offset={t.plotH} ticks={Math.max(2, Math.floor(t.plotW / 90))} label="time (s)" />
          <g pointerEvents="none" aria-hidden="true" data-testid="markers">
            {markers.map((m) =>
              m.t < start || m.t > end ? null : (
                <g key={m.key} data-marker={m.key} data-time={m.t} className="gl-seis-marker" data-picked={m.picked ? '' : undefined}>
                  <line x1={xs(m.t)} x2={xs(m.t)} y1={-4} y2={t.plotH} stroke={PHASE_COLORS[m.phase]} />
                  {/* P labels left of their line, S labels right, picks below the truths: never on top of each other. */}
                  <text x={m.phase === 'P' ? xs(m.t) - 3 : xs(m.t) + 3} y={m.picked ? -2 : -12} textAnchor={m.phase === 'P' ? 'end' : 'start'} fill={PHASE_COLORS[m.phase]}>
                    {m.picked ? `${m.phase} pick` : m.phase}
                  </text>
                </g>
              ),
            )}
            {cursor !== null && cursor >= start && cursor <= end && <line className="gl-seis-cursor" x1={xs(cursor)} x2={xs(cursor)} y1={0} y2={t.plotH} data-testid="cursor" />}
          </g>
          <g
            role="slider"
            tabIndex={0}
            className="gl-focusable"
            aria-label="Time window: arrow keys pan, plus and minus zoom, Home shows the whole record, P and S pick at the cursor"
            aria-valuemin={0}
            aria-valuemax={Number((duration - span).toFixed(2))}
            aria-valuenow={Number(start.toFixed(2))}
            aria-valuetext={`${fmt(start)} to ${fmt(end)} s of ${fmt(duration)} s`}
            data-testid="time-window"
            data-start={start}
            data-end={end}
            onKeyDown={g.onKeyDown}
            onFocus={() => setFocused(true)}
            onBlur={() => setFocused(false)}
          >
            <rect ref={g.surfaceRef} className="gl-plot-area gl-seis-surface" width={t.plotW} height={t.plotH} data-focused={focused ? '' : undefined} data-testid="pan-surface" {...g.surfaceProps} />
          </g>
        </g>
      </svg>
    </div>
  );
}

/** Per track: its frame, its name, and an amplitude axis (−a, 0, +a) in the record's units. */
function AmplitudeAxes({ model, plotW, trackH }: { model: SeismogramModel; plotW: number; trackH: number }) {
  const { shown, scaling, sharedPeak, start, end, fs, record } = model;
  const blockH = shown.length * (trackH + GAP) - GAP;
  const title = `amplitude (${record.units})`;
  return (
    <g aria-hidden="true">
      {shown.map((tr, j) => {
        const y0 = j * (trackH + GAP);
        const amp = (scaling === 'view' ? visibleAmplitude(tr.samples, start * fs, end * fs, plotW) : sharedPeak) || 1;
        // The canvas maps ±amp to ±(trackH/2 − 1) about the middle: the same scale here.
        const ys = scaleLinear().domain([-amp, amp]).range([y0 + trackH - 1, y0 + 1]);
        const ticks = trackH >= 48 ? [-amp * 0.8, 0, amp * 0.8] : [0];
        return (
          <g key={j} data-testid={`amplitude-axis-${j}`}>
            <rect className="gl-seis-frame" y={y0} width={plotW} height={trackH} />
            {ticks.map((v) => (
              <g key={v} className="gl-tick gl-seis-amp" transform={`translate(0,${ys(v)})`}>
                <line x2={-5} />
                <text x={-8} dy="0.32em" textAnchor="end">
                  {fmtAmplitude(Number(v.toPrecision(2)))}
                </text>
              </g>
            ))}
            <text className="gl-seis-track-label" x={6} y={y0 + 14}>
              {tr.label}
            </text>
          </g>
        );
      })}
      {/* The full title when it fits beside the tracks; else just "amplitude" (the units are also under the plot). */}
      <text className="gl-axis-title gl-seis-units" transform={`translate(${-58},${blockH / 2}) rotate(-90)`} textAnchor="middle">
        {title.length * 6 <= blockH ? title : 'amplitude'}
      </text>
    </g>
  );
}

/** The STA/LTA ratio's axis, with the trigger-on threshold and the skipped warm-up window. */
function RatioAxis({ model, top, height, plotW }: { model: SeismogramModel; top: number; height: number; plotW: number }) {
  const p = model.picker!;
  const peak = ratioPeak(model, plotW);
  const ys = scaleLinear().domain([0, peak]).range([top + height - 1, top + 1]);
  const xs = scaleLinear().domain([model.start, model.end]).range([0, plotW]);
  const warmEnd = Math.min(plotW, Math.max(0, xs(p.warmUp)));
  return (
    <g aria-hidden="true" data-testid="ratio-track" data-threshold={p.settings.on}>
      <rect className="gl-seis-frame" y={top} width={plotW} height={height} />
      {warmEnd > 0 && <rect className="gl-seis-warmup" y={top} width={warmEnd} height={height} data-testid="warm-up" />}
      <line className="gl-seis-threshold" x1={0} x2={plotW} y1={ys(p.settings.on)} y2={ys(p.settings.on)} data-testid="threshold" />
      <text className="gl-seis-small" x={plotW - 4} y={ys(p.settings.on) - 3} textAnchor="end">
        {`trigger: STA/LTA > ${p.settings.on}`}
      </text>
      {[0, p.settings.on].map((v) => (
        <g key={v} className="gl-tick gl-seis-amp" transform={`translate(0,${ys(v)})`}>
          <line x2={-5} />
          <text x={-8} dy="0.32em" textAnchor="end">
            {v}
          </text>
        </g>
      ))}
      <text className="gl-seis-track-label" x={6} y={top + 14}>
        STA/LTA
      </text>
    </g>
  );
}
