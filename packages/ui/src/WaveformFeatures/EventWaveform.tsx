import { VOLCANIC_CLASS_NAMES, type VolcanicClass, type VolcanicEvent } from '@geolearn/algorithms/seismic';
import { scaleLinear } from 'd3-scale';
import { Axis } from '../common/Axis';
import { tracePathD } from '../common/waveform';
import { VOLCANIC_CLASS_COLORS } from './model';

/** Props of {@link EventWaveform}. */
export interface EventWaveformProps {
  event: VolcanicEvent;
  eventClass: VolcanicClass;
  seed: number;
  /** Size with the time axis, px. */
  width: number;
  height: number;
}

const AXIS_H = 38;

/** The event's waveform in its class colour, its onset (dashed) and a time axis in seconds. */
export function EventWaveform({ event, eventClass, seed, width, height }: EventWaveformProps) {
  const n = event.signal.length;
  const plotH = Math.max(40, height - AXIS_H);
  const duration = (n - 1) / event.sampleRate;
  const xs = scaleLinear().domain([0, duration]).range([0, width]);
  const onsetX = xs(event.onset);
  return (
    <svg
      className="gl-wf-wave"
      width={width}
      height={height}
      role="img"
      aria-label={`${eventClass} (${VOLCANIC_CLASS_NAMES[eventClass]}) event, seed ${seed}: ${(n / event.sampleRate).toFixed(0)} s at ${event.sampleRate} Hz, onset at ${event.onset.toFixed(1)} s.`}
      data-testid="event-waveform"
      data-class={eventClass}
      data-seed={seed}
    >
      <rect className="gl-plot-bg gl-wf-bg" width={width} height={plotH} />
      <path d={tracePathD(event.signal, width, plotH)} fill="none" stroke={VOLCANIC_CLASS_COLORS[eventClass]} strokeWidth={1} />
      <line className="gl-wf-onset" x1={onsetX} x2={onsetX} y1={0} y2={plotH} />
      <text className="gl-wf-small" x={onsetX + 4} y={12}>
        onset
      </text>
      <Axis scale={xs} orient="bottom" offset={plotH} ticks={Math.max(2, Math.floor(width / 80))} label="time (s)" />
    </svg>
  );
}
