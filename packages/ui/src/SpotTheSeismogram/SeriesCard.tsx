import { scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { conceptColor } from '../common/colors';
import { peakAmplitude, tracePathD } from '../common/waveform';
import { formatSlope, seriesName, seriesWhy } from './model';
import type { QuizSeries } from './quiz';

/** Props of {@link SeriesCard}. */
export interface SeriesCardProps {
  /** The series. */
  series: QuizSeries;
  /** Its letter (A … D). */
  letter: string;
  /** Width of the card and of its plots, px. */
  width: number;
  plotWidth: number;
  /** Heights of the trace and spectrum, px. */
  traceHeight: number;
  spectrumHeight: number;
  /** Name of the radio group. */
  name: string;
  /** The card's state (`cardState`): says nothing about the answer before it is checked. */
  state: 'idle' | 'chosen' | 'right' | 'wrong' | 'answer';
  /** Whether it is chosen, and whether the answer has been checked. */
  checked: boolean;
  revealed: boolean;
  /** Called when the student chooses it. */
  onChoose: () => void;
}

const PHASES = [
  { phase: 'P', color: conceptColor('pWave') },
  { phase: 'S', color: conceptColor('sWave') },
] as const;

/** One series of the quiz: its radio button, its trace, and after the answer its name, spectrum and why. */
export function SeriesCard({ series, letter, width, plotWidth, traceHeight, spectrumHeight, name, state, checked, revealed, onChoose }: SeriesCardProps) {
  const values = series.values;
  // Centre on the mean so the stock index and the temperatures fill their box like the others.
  let mean = 0;
  for (let i = 0; i < values.length; i++) mean += values[i];
  mean /= values.length;
  const centred = values.map((v) => v - mean);
  const d = tracePathD(centred, plotWidth, traceHeight, peakAmplitude(centred) * 1.05);
  const label = seriesName(series);
  const xOf = (sample: number) => (sample / Math.max(1, values.length - 1)) * plotWidth;
  return (
    <div className="gl-panel gl-spot-card" data-gl-panel="" data-testid={`series-${letter}`} data-state={state} data-kind={revealed ? series.kind : undefined} style={{ width }}>
      <label className="gl-spot-choice">
        <input type="radio" name={name} checked={checked} disabled={revealed && !checked} onChange={onChoose} />
        Series {letter}
      </label>
      {revealed && (
        <div className="gl-spot-name" data-testid="series-name">
          {label[0].toUpperCase() + label.slice(1)}
        </div>
      )}
      <svg className="gl-spot-plot" width={plotWidth} height={traceHeight} role="img" aria-label={`Series ${letter}${revealed ? `: ${label}` : ''}.`}>
        <rect className="gl-spot-bg" width={plotWidth} height={traceHeight} />
        <path className="gl-spot-trace" d={d} />
        {revealed && series.onsets && (
          <g data-testid="onsets">
            {PHASES.map(({ phase, color }) => {
              const x = xOf(series.onsets![phase]);
              return (
                <g key={phase}>
                  <line x1={x} x2={x} y1={0} y2={traceHeight} stroke={color} strokeWidth={2} />
                  <text className="gl-spot-onset-label" x={x + 4} y={13} fill={color}>
                    {phase}
                  </text>
                </g>
              );
            })}
          </g>
        )}
      </svg>
      {revealed ? (
        <>
          <Spectrum series={series} letter={letter} width={plotWidth} height={spectrumHeight} />
          <p className="gl-spot-why">{seriesWhy(series)}</p>
        </>
      ) : (
        <div className="gl-spot-hidden" style={{ height: spectrumHeight }}>
          Spectrum shown after you answer
        </div>
      )}
    </div>
  );
}

/** The binned spectrum on log–log axes with the fitted power law over the fit band, and β printed as fitted. */
function Spectrum({ series, letter, width, height }: { series: QuizSeries; letter: string; width: number; height: number }) {
  const { frequency, power } = series.spectrum;
  const fx = scaleLog().domain([frequency[0], 0.5]).range([28, width - 4]);
  const fy = scaleLog().domain([1e-5, 1]).range([height - 14, 4]).clamp(true);
  const path = line<number>().x((_, k) => fx(frequency[k])).y((p) => fy(p))(power) ?? '';
  const [f0, f1] = series.fitBand;
  const at = (f: number) => Math.exp(series.intercept + series.slope * Math.log(f));
  const beta = formatSlope(series.slope, series.slopeError);
  return (
    <svg className="gl-spot-plot" width={width} height={height} role="img" aria-label={`Spectrum of series ${letter}: log–log slope ${beta} below 0.1 cycle per sample.`} data-testid="spectrum" data-slope={series.slope}>
      <rect className="gl-spot-bg" x={28} width={Math.max(0, width - 32)} height={Math.max(0, height - 14)} />
      <path className="gl-spot-spectrum" d={path} />
      {f1 > f0 && <line className="gl-spot-fit" x1={fx(f0)} y1={fy(at(f0))} x2={fx(f1)} y2={fy(at(f1))} data-testid="slope-fit" />}
      <text className="gl-spot-text" x={2} y={12}>
        P(f)
      </text>
      <text className="gl-spot-text" x={width - 4} y={height - 2} textAnchor="end">
        frequency (log) · {beta}
      </text>
    </svg>
  );
}
