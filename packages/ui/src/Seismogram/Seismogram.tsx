import type { SyntheticSeismogramOptions } from '@geolearn/algorithms/seismic';
import { useState } from 'react';
import { Tex } from '../common/Tex';
import { ColorLegend } from '../kit/ColorLegend';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { explainerFrameProps, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend } from '../kit/Legend';
import { PerformanceReadout } from '../kit/PerformanceReadout';
import type { LoadedTraces } from '../common/traceInput';
import { fmt, PHASE_COLORS, type PhasePicks, type SeismogramTrace, type SeismogramView } from './model';
import { RecordLoader } from './RecordLoader';
import { utcLabel, type SeismogramFdsnOptions } from './source';
import { SeismogramControls } from './SeismogramControls';
import { SeismogramStyles } from './styles';
import { TracePlot } from './TracePlot';
import { useSeismogram, type SeismogramModel } from './useSeismogram';

export { clampView, PHASE_COLORS, type PhasePicks, type SeismogramTrace, type SeismogramView } from './model';
export { FDSN_DEFAULTS, fdsnErrorText, type FdsnQuery, type SeismogramFdsnOptions } from './source';

/** Props of {@link Seismogram}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface SeismogramProps extends ExplainerCommonProps, ExplainerStateProps<SeismogramView> {
  /** Width of the plot in px. Default 720 (shrinks to the container). */
  width?: number;
  /** Height of the plot in px (traces, ratio, spectrogram and time axis; the controls come below). Default 420. */
  height?: number;
  /** The record to show, one entry per component; a seeded synthetic three-component (Z, N, E) record when absent. */
  traces?: readonly SeismogramTrace[];
  /** Sampling rate of `traces` in Hz. Default 100 (ignored for the synthetic record). */
  sampleRate?: number;
  /** Unit of the samples, for the amplitude axis. Default "counts" for `traces`, "ground velocity, P peak = 1" for the synthetic record. */
  units?: string;
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
  /** The spectrogram of the trace as shown ('shown': band-passed when the filter is on) or of the raw trace ('raw', to see what the filter keeps). Default 'shown'. */
  spectrogramOf?: 'shown' | 'raw';
  /**
   * URL of a miniSEED or SAC record to show instead of `traces` (fetched once on mount; the
   * plot is empty and the status says "Loading…" until it arrives, or why it failed). E.g.
   * `colaRecordUrl()`, the shipped IU.COLA.00.LHZ record of the 2010 Maule earthquake.
   */
  src?: string;
  /** Let the student load their own record: a miniSEED or SAC file dropped on the plot or picked with the file button, and the "Load from FDSN" form. A loaded record replaces `traces`. Default true. */
  loadable?: boolean;
  /** Options of the "Load from FDSN" form (first values, an injected `fetch`, the timeout), or false to leave the form out. Default {}. */
  fdsn?: SeismogramFdsnOptions | false;
  /** Called with each record the student (or `src`) loads: the prepared traces and their notes. */
  onRecordChange?: (loaded: LoadedTraces) => void;
  /** Highest frequency of the spectrogram in Hz. Default min(Nyquist, 25). */
  maxFrequency?: number;
  /** Narrowest view in seconds. Default 20 samples. */
  minSpan?: number;
  /** Exercise mode: each true arrival stays hidden (not drawn, not described) until the student has picked that phase. Default false. */
  exercise?: boolean;
  /** Controlled state (view window, picks, scaling, band-pass, ratio). */
  value?: SeismogramView;
  /** Initial state when uncontrolled (unknown fields or bad values are reported once and ignored). Default the whole record. */
  defaultValue?: Partial<SeismogramView>;
  /** Called with every new state (pan, zoom, pick…). */
  onValueChange?: (view: SeismogramView) => void;
  /** Called after every canvas redraw with its duration in ms (for a performance readout). */
  onDraw?: (ms: number) => void;
  /** Show the redraw time (developer telemetry). Default false. */
  showPerformance?: boolean;
  /** Accessible name and title of the widget. Default "Seismogram". */
  label?: string;
}

/**
 * A three-component seismogram (Z, N, E) on a shared time axis with an amplitude axis per
 * trace, the true P and S arrivals (solid; hidden until picked in an exercise) and the picks
 * (dashed), optionally band-passed (Butterworth, zero phase), with the STA/LTA ratio and
 * its threshold and the spectrogram of one component below, all on the same time scale.
 * Drag, the wheel or the keys pan and zoom it; it stays smooth on an hour of 100 Hz data
 * because each redraw min/max-decimates the visible samples to one segment per pixel column.
 * Picking P and S, the slides' regression task, is placing two times.
 */
export function Seismogram({
  width = 720,
  height = 420,
  traces,
  sampleRate = 100,
  units,
  arrivals,
  synthetic,
  seed = 0,
  showSpectrogram = false,
  spectrogramTrace = 0,
  spectrogramOf = 'shown',
  src,
  loadable = true,
  fdsn = {},
  onRecordChange,
  maxFrequency,
  minSpan,
  exercise = false,
  value,
  defaultValue,
  onValueChange,
  onDraw,
  showPerformance = false,
  label = 'Seismogram',
  ...rest
}: SeismogramProps) {
  const model = useSeismogram({ traces, sampleRate, units, arrivals, synthetic, seed, showSpectrogram, spectrogramTrace, spectrogramOf, maxFrequency, minSpan, exercise, value, defaultValue, onValueChange, src, onRecordChange });
  const [drawMs, setDrawMs] = useState<number | undefined>(undefined);
  const draw = (ms: number) => {
    onDraw?.(ms);
    if (showPerformance) setDrawMs(ms);
  };
  const picked = model.picks.P !== undefined || model.picks.S !== undefined;
  return (
    <Explainer
      data-testid="seismogram"
      {...explainerFrameProps(rest, { label, width, height })}
      state={model.source.state === 'error' ? 'error' : picked ? 'done' : 'idle'}
      status={model.status}
      statusProps={{ 'data-testid': 'status', 'data-pick-p': model.picks.P ?? '', 'data-pick-s': model.picks.S ?? '' }}
      controlsLabel="View and picking controls"
      controls={<SeismogramControls model={model} />}
      legend={<SeismogramLegend model={model} exercise={exercise} />}
      footer={<PerformanceReadout show={showPerformance} frameTime={drawMs} />}
      caption="Solid lines: true arrivals; dashed: picks. Drag, scroll or use the keys to explore; the band-pass filters forwards and backwards, so the onsets do not move. The STA/LTA picker runs on Z band-passed between the corners, skips the first LTA window (its warm-up, shaded) and picks where the ratio first exceeds 5. The spectrogram shows P(t, f) in dB on the same time axis."
      maths={<SeismogramMaths model={model} />}
    >
      {(layout: ExplainerLayout) => {
        const w = layout.plotWidth(width);
        // Narrow screens keep enough height for three tracks (and the ratio or spectrogram).
        const h = w < width ? Math.max(Math.round((height * w) / width), Math.min(height, 340)) : height;
        const { id, startTime } = model.record;
        const plot = (
          <>
            <TracePlot model={model} width={w} height={h} label={label} exercise={exercise} onDraw={draw} />
            <span className="gl-seis-readout" data-testid="view-readout" data-record={id ?? ''}>
              {id && `${id}${startTime !== null ? `, t = 0 at ${utcLabel(startTime)}` : ''} · `}
              {fmt(model.start)}–{fmt(model.end)} s ({fmt(model.span)} s shown) · amplitude in {model.record.units}
            </span>
          </>
        );
        return (
          <div className="gl-panel" data-gl-panel="" data-source={model.source.state}>
            <SeismogramStyles />
            {loadable ? (
              <div className="gl-seis-loader" style={{ maxWidth: w }}>
                <RecordLoader onLoad={model.actions.showRecord} fdsn={fdsn}>
                  {plot}
                </RecordLoader>
              </div>
            ) : (
              plot
            )}
          </div>
        );
      }}
    </Explainer>
  );
}

/** The key to the marks, and the spectrogram's colour map. */
function SeismogramLegend({ model, exercise }: { model: SeismogramModel; exercise: boolean }) {
  return (
    <div className="gl-legend-row">
      <Legend
        label="Key to the seismogram"
        items={[
          ...(model.record.arrivals.P !== undefined ? [{ label: exercise ? 'true P (after your pick)' : 'true P', color: PHASE_COLORS.P }] : []),
          { label: 'P pick', color: PHASE_COLORS.P, shape: 'dashed' as const },
          ...(model.record.arrivals.S !== undefined ? [{ label: exercise ? 'true S (after your pick)' : 'true S', color: PHASE_COLORS.S }] : []),
          { label: 'S pick', color: PHASE_COLORS.S, shape: 'dashed' as const },
          ...(model.showRatio ? [{ label: 'STA/LTA trigger threshold', color: 'var(--gl-accent)', shape: 'dashed' as const }] : []),
        ]}
      />
      {model.spec && <ColorLegend kind="sequential" title="spectrogram power (dB)" domain={model.spec.image.range} ticks={4} width={200} format={(v) => String(Math.round(v)).replace('-', '−')} testId="spectrogram-key" />}
    </div>
  );
}

/** Travel times and the distance from S − P; the picker's ratio; the spectrogram when shown. */
function SeismogramMaths({ model }: { model: SeismogramModel }) {
  return (
    <>
      <Tex block>{String.raw`t_P=t_0+\frac{r}{v_P},\quad t_S=t_0+\frac{r}{v_S},\quad r\approx\frac{t_S-t_P}{1/v_S-1/v_P}`}</Tex>
      <Tex block>{String.raw`\frac{\mathrm{STA}}{\mathrm{LTA}}(t)=\frac{\frac{1}{n_s}\sum_{k<n_s} x_{t-k}^2}{\frac{1}{n_l}\sum_{k<n_l} x_{t-k}^2}`}</Tex>
      {model.spec && <Tex block>{String.raw`P(t,f)=\frac{2\,\bigl|\sum_n w[n]\,x[n+tf_s]\,e^{-2\pi i f n/f_s}\bigr|^2}{f_s\sum_n w[n]^2}`}</Tex>}
    </>
  );
}
