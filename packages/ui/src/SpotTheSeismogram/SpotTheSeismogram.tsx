import { scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { useId, useMemo, type CSSProperties } from 'react';
import { Tex } from '../common/Tex';
import { buttonStyle, cssVar, rootStyle } from '../common/theme';
import { peakAmplitude, tracePathD } from '../common/waveform';
import { useControllableState } from '../hooks/useControllableState';
import { makeQuiz, type QuizSeries, type QuizSeriesKind } from './quiz';

/** The quiz's state: plain JSON, so it can live in a permalink. */
export interface SpotTheSeismogramState {
  /** The series the student chose (0 … 3, shown as A … D), or null. */
  choice: number | null;
  /** Whether the answer has been checked (reveals spectra and explanations). */
  revealed: boolean;
  /** Which round (each round draws four new series in a new order). */
  round: number;
}

/** Props of {@link SpotTheSeismogram}. */
export interface SpotTheSeismogramProps {
  /** Width in px of the grid of four series. Default 720. */
  width?: number;
  /** Height in px of the grid of four series (two rows of two). Default 460. */
  height?: number;
  /** Seed of the series and of their order. Default 0. */
  seed?: number;
  /** Samples per series. Default 600. */
  length?: number;
  /** Controlled state. */
  value?: SpotTheSeismogramState;
  /** Initial state when uncontrolled. */
  defaultValue?: Partial<SpotTheSeismogramState>;
  /** Called with every new state (choice, check, new round). */
  onValueChange?: (state: SpotTheSeismogramState) => void;
  /** Accessible name and title. Default "Can you spot the seismogram?". */
  label?: string;
  /** Class of the root element. */
  className?: string;
  /** Style of the root element (set `--gl-*` variables here to theme it). */
  style?: CSSProperties;
}

const LETTERS = ['A', 'B', 'C', 'D'];

/** What each series is, and why it looks the way it does. */
export const QUIZ_EXPLANATIONS: Record<QuizSeriesKind, { name: string; why: string }> = {
  stock: {
    name: 'a stock index (random walk)',
    why: 'Each value is the previous one plus a random step, so it wanders without ever starting or stopping; its power falls as 1/f² (slope −2 in log–log).',
  },
  temperature: {
    name: 'monthly temperatures (seasonal)',
    why: 'The same annual cycle repeats every 12 samples: one sharp spectral peak at 1/12 cycle per sample, and no onset.',
  },
  noise: {
    name: 'Gaussian white noise',
    why: 'Independent draws: every frequency carries the same power (a flat spectrum, slope 0), and nothing ever happens.',
  },
  seismogram: {
    name: 'a long-period seismogram',
    why: 'Quiet background noise, then an emergent onset at the P wave, larger S waves and a coda that decays: a transient, with its energy in a band of low frequencies above the noise.',
  },
};

const SEISMIC_COLOR = '#1a7f37';

/**
 * The slides' opening quiz (Valentine & Trampert, 2012): four series side by side, a random
 * walk, a seasonal temperature record, Gaussian noise and a long-period seismogram, in a
 * seeded order. The student picks one and checks; the answer shows each series' spectrum and
 * the seismogram's onset, the two things that tell a seismogram from other series.
 */
export function SpotTheSeismogram({
  width = 720,
  height = 460,
  seed = 0,
  length = 600,
  value,
  defaultValue,
  onValueChange,
  label = 'Can you spot the seismogram?',
  className,
  style,
}: SpotTheSeismogramProps) {
  const id = useId();
  const [state, setState] = useControllableState<SpotTheSeismogramState>({
    value,
    defaultValue: { choice: null, revealed: false, round: 0, ...defaultValue },
    onChange: onValueChange,
  });
  const n = Math.max(64, Math.round(length));
  const quiz = useMemo(() => makeQuiz(seed, state.round, n), [seed, state.round, n]);
  const { choice, revealed } = state;
  const correct = revealed && choice === quiz.answer;

  const cols = width >= 480 ? 2 : 1;
  const gap = 12;
  const panelW = Math.floor((width - gap * (cols - 1)) / cols);
  const rows = Math.ceil(4 / cols);
  const panelH = Math.max(120, Math.floor((height - gap * (rows - 1)) / rows));
  const traceH = Math.round((panelH - 44) * 0.5);
  const specH = panelH - 44 - traceH - 6;

  const status = !revealed
    ? choice === null
      ? 'Pick the series you think is the seismogram, then check your answer.'
      : `You picked series ${LETTERS[choice]}. Check your answer when ready.`
    : correct
      ? `Right: series ${LETTERS[quiz.answer]} is the seismogram. ${QUIZ_EXPLANATIONS.seismogram.why}`
      : `Not quite: series ${LETTERS[choice ?? 0]} is ${QUIZ_EXPLANATIONS[quiz.series[choice ?? 0].kind].name}. The seismogram is series ${LETTERS[quiz.answer]}: ${QUIZ_EXPLANATIONS.seismogram.why}`;

  return (
    <figure
      className={className}
      aria-labelledby={`${id}-title`}
      style={rootStyle({ margin: 0, display: 'inline-flex', flexDirection: 'column', gap: 8, maxWidth: '100%', ...style })}
      data-testid="spot-the-seismogram"
      data-answer={quiz.answer}
    >
      <div id={`${id}-title`} style={{ fontWeight: 600 }}>{label}</div>
      <fieldset style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
        <legend style={{ padding: 0, marginBottom: 6 }}>Which of the four series is the seismogram?</legend>
        <div style={{ display: 'grid', gridTemplateColumns: `repeat(${cols}, ${panelW}px)`, gap }}>
          {quiz.series.map((s, i) => (
            <SeriesPanel
              key={`${state.round}-${i}`}
              series={s}
              letter={LETTERS[i]}
              width={panelW}
              traceH={traceH}
              specH={specH}
              name={`${id}-choice`}
              checked={choice === i}
              revealed={revealed}
              isAnswer={i === quiz.answer}
              onChoose={() => setState((st) => (st.revealed ? st : { ...st, choice: i }))}
            />
          ))}
        </div>
      </fieldset>
      <div role="group" aria-label="Quiz controls" style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        <button type="button" style={buttonStyle} disabled={choice === null || revealed} onClick={() => setState((st) => ({ ...st, revealed: true }))}>
          Check answer
        </button>
        <button type="button" style={buttonStyle} onClick={() => setState((st) => ({ choice: null, revealed: false, round: st.round + 1 }))}>
          New series
        </button>
      </div>
      <output
        aria-live="polite"
        data-testid="status"
        data-correct={revealed ? String(correct) : ''}
        style={{ fontWeight: revealed ? 600 : undefined, color: revealed ? (correct ? SEISMIC_COLOR : cssVar('--gl-path')) : undefined, maxWidth: width }}
      >
        {status}
      </output>
      <figcaption style={{ display: 'grid', gap: 4, maxWidth: width }}>
        <span style={{ color: cssVar('--gl-muted') }}>
          After Valentine &amp; Trampert (2012). The spectra are periodograms averaged in log-spaced bands, in cycles per sample:
        </span>
        <Tex block>{String.raw`P(f)=\frac{1}{n}\Bigl|\sum_{t=0}^{n-1} w_t\,x_t\,e^{-2\pi i f t}\Bigr|^2,\qquad P(f)\propto f^{\beta}:\ \beta\approx-2\ \text{(random walk)},\ \beta\approx 0\ \text{(white noise)}`}</Tex>
      </figcaption>
    </figure>
  );
}

interface SeriesPanelProps {
  series: QuizSeries;
  letter: string;
  width: number;
  traceH: number;
  specH: number;
  name: string;
  checked: boolean;
  revealed: boolean;
  isAnswer: boolean;
  onChoose: () => void;
}

function SeriesPanel({ series, letter, width, traceH, specH, name, checked, revealed, isAnswer, onChoose }: SeriesPanelProps) {
  const innerW = width - 16;
  const values = series.values;
  // Centre on the mean so the stock index and the temperatures fill their box like the others.
  let mean = 0;
  for (let i = 0; i < values.length; i++) mean += values[i];
  mean /= values.length;
  const centred = values.map((v) => v - mean);
  const amp = peakAmplitude(centred) * 1.05;
  const d = tracePathD(centred, innerW, traceH, amp);
  const explanation = QUIZ_EXPLANATIONS[series.kind];
  const border = revealed && isAnswer ? SEISMIC_COLOR : checked ? cssVar('--gl-accent') : cssVar('--gl-border');
  const fx = scaleLog().domain([series.spectrum.frequency[0], 0.5]).range([28, innerW - 4]);
  const fy = scaleLog().domain([1e-5, 1]).range([specH - 14, 4]).clamp(true);
  const specPath = line<number>()
    .x((_, k) => fx(series.spectrum.frequency[k]))
    .y((p) => fy(p))(series.spectrum.power) ?? '';
  const xOf = (sample: number) => (sample / Math.max(1, values.length - 1)) * innerW;
  return (
    <div
      data-testid={`series-${letter}`}
      data-kind={revealed ? series.kind : undefined}
      style={{ border: `2px solid ${border}`, borderRadius: 8, padding: 6, display: 'flex', flexDirection: 'column', gap: 4, background: cssVar('--gl-bg') }}
    >
      <label style={{ display: 'flex', alignItems: 'center', gap: 8, minHeight: 44, cursor: revealed ? 'default' : 'pointer', fontWeight: 600 }}>
        <input type="radio" name={name} checked={checked} disabled={revealed && !checked} onChange={onChoose} style={{ width: 22, height: 22, margin: 0, accentColor: cssVar('--gl-accent') }} />
        Series {letter}
      </label>
      {revealed && (
        <div style={{ marginTop: -8, color: isAnswer ? SEISMIC_COLOR : cssVar('--gl-fg'), fontWeight: isAnswer ? 600 : 400 }} data-testid="series-name">
          {explanation.name[0].toUpperCase() + explanation.name.slice(1)}
        </div>
      )}
      <svg width={innerW} height={traceH} role="img" aria-label={`Series ${letter}: ${values.length} values${revealed ? `, ${explanation.name}` : ''}.`} style={{ display: 'block', overflow: 'hidden' }}>
        <rect width={innerW} height={traceH} fill={cssVar('--gl-surface')} />
        <path d={d} fill="none" stroke={cssVar('--gl-fg')} strokeWidth={1} />
        {revealed && series.onsets && (
          <g data-testid="onsets">
            {(['P', 'S'] as const).map((ph) => (
              <g key={ph}>
                <line x1={xOf(series.onsets![ph])} x2={xOf(series.onsets![ph])} y1={0} y2={traceH} stroke={ph === 'P' ? '#0969da' : '#cf222e'} strokeWidth={2} />
                <text x={xOf(series.onsets![ph]) + 4} y={13} fontSize={12} fontWeight={600} fill={ph === 'P' ? '#0969da' : '#cf222e'}>
                  {ph}
                </text>
              </g>
            ))}
          </g>
        )}
      </svg>
      {revealed ? (
        <>
          <svg width={innerW} height={specH} role="img" aria-label={`Spectrum of series ${letter}: log–log slope ${series.slope.toFixed(1)}.`} data-testid="spectrum" style={{ display: 'block' }}>
            <rect x={28} width={innerW - 32} height={specH - 14} fill={cssVar('--gl-surface')} />
            <path d={specPath} fill="none" stroke={isAnswer ? SEISMIC_COLOR : cssVar('--gl-accent')} strokeWidth={2} />
            <text x={2} y={12} fontSize={10} fill={cssVar('--gl-fg')}>P(f)</text>
            <text x={innerW - 4} y={specH - 2} fontSize={10} textAnchor="end" fill={cssVar('--gl-fg')}>
              frequency (log), slope {series.slope.toFixed(1)}
            </text>
          </svg>
          <p style={{ margin: 0, fontSize: 13 }}>{explanation.why}</p>
        </>
      ) : (
        <div style={{ height: specH, display: 'grid', placeItems: 'center', color: cssVar('--gl-muted'), fontSize: 13, background: cssVar('--gl-surface'), borderRadius: 4 }}>
          Spectrum shown after you answer
        </div>
      )}
    </div>
  );
}
