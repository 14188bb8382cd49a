import { useEffect, useId, useMemo, useState } from 'react';
import { conceptColor } from '../common/colors';
import { Tex } from '../common/Tex';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { Button } from '../kit/buttons';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { explainerFrameProps, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend } from '../kit/Legend';
import { cardState, frameState, INITIAL_STATE, LETTERS, quizSizes, statusText, STATE_CHECKS, type RecordState, type SpotTheSeismogramState } from './model';
import { makeQuiz, type RealQuizRecord } from './quiz';
import { loadColaRecord, parseColaRecord } from './realRecord';
import { SeriesCard } from './SeriesCard';
import { SpotStyles } from './styles';

export { QUIZ_EXPLANATIONS, type RecordState, type SpotTheSeismogramState } from './model';

/** Props of {@link SpotTheSeismogram}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface SpotTheSeismogramProps extends Omit<ExplainerCommonProps, 'showPerformance'>, ExplainerStateProps<SpotTheSeismogramState> {
  /** Width in px of the grid of four series. Default 720 (shrinks to the container; one column below 640 px). */
  width?: number;
  /** Height in px of the grid of four series (two rows of two). Default 460. */
  height?: number;
  /** Seed of the series and of their order. Default 0. */
  seed?: number;
  /** Samples per synthetic series. Default 600. */
  length?: number;
  /**
   * The real record of the first round (the slides' quiz): `true` fetches the shipped
   * IU.COLA.00.LHZ record of the 2010 Maule earthquake lazily on mount and puts it in the
   * seismogram's place once it arrives (until then, and on the server, the synthetic
   * seismogram shows); the file's bytes use them at once; `false` keeps the synthetic one.
   * The root's `data-record` says which: off, loading, real or failed. Default true.
   */
  realRecord?: boolean | ArrayBuffer | Uint8Array;
  /** Called with every new state (choice, check, new round). */
  onValueChange?: (state: SpotTheSeismogramState) => void;
  /** Accessible name and title. Default "Can you spot the seismogram?". */
  label?: string;
}

/** The real record: decoded at once from given bytes, fetched after mount for `true`, none for `false`. */
function useRealRecord(option: SpotTheSeismogramProps['realRecord']): { record: RealQuizRecord | null; state: RecordState } {
  const bytes = option === true || option === false || option === undefined ? null : option;
  const given = useMemo(() => {
    if (!bytes) return null;
    try {
      return parseColaRecord(bytes);
    } catch {
      return null;
    }
  }, [bytes]);
  const fetchIt = option === undefined || option === true;
  const [fetched, setFetched] = useState<{ record: RealQuizRecord | null; failed: boolean }>({ record: null, failed: false });
  useEffect(() => {
    if (!fetchIt) return;
    let live = true;
    loadColaRecord().then(
      (record) => live && setFetched({ record, failed: false }),
      () => live && setFetched({ record: null, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [fetchIt]);
  if (bytes) return { record: given, state: given ? 'real' : 'failed' };
  if (!fetchIt) return { record: null, state: 'off' };
  return { record: fetched.record, state: fetched.record ? 'real' : fetched.failed ? 'failed' : 'loading' };
}

/**
 * The slides' opening quiz (Valentine & Trampert, 2012): four series side by side, a random
 * walk, a seasonal temperature record, Gaussian noise and a long-period seismogram (in the
 * first round the real IU.COLA record of the 2010 Maule earthquake), in a seeded order. The
 * student picks one and checks; the answer shows each series' spectrum with its fitted
 * log–log slope β and the seismogram's onsets, the two things that tell a seismogram from
 * other series. The answer is not in the page (no attribute names it) until it is checked.
 */
export function SpotTheSeismogram({
  width = 720,
  height = 460,
  seed = 0,
  length = 600,
  realRecord = true,
  value,
  defaultValue,
  onValueChange,
  ...rest
}: SpotTheSeismogramProps) {
  const id = useId();
  const clean = useMemo(() => sanitizeDefaultValue<SpotTheSeismogramState>('SpotTheSeismogram', defaultValue, STATE_CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<SpotTheSeismogramState>({ value, defaultValue: { ...INITIAL_STATE, ...clean }, onChange: onValueChange });
  const real = useRealRecord(realRecord);
  const n = Math.max(64, Math.round(Number.isFinite(length) ? length : 600));
  const quiz = useMemo(() => makeQuiz(seed, state.round, n, real.record), [seed, state.round, n, real.record]);
  const { choice, revealed } = state;
  const correct = revealed && choice === quiz.answer;
  return (
    <Explainer
      data-testid="spot-the-seismogram"
      {...explainerFrameProps(rest, { label: 'Can you spot the seismogram?', width, height })}
      data-record={real.state}
      state={frameState(state)}
      status={statusText(state, quiz)}
      statusProps={{ 'data-testid': 'status', 'data-correct': revealed ? String(correct) : '' }}
      controlsLabel="Quiz controls"
      controls={
        <>
          <Button disabled={choice === null || revealed} onClick={() => setState((st) => ({ ...st, revealed: true }))}>
            Check answer
          </Button>
          <Button onClick={() => setState((st) => ({ choice: null, revealed: false, round: st.round + 1 }))}>New series</Button>
        </>
      }
      legend={
        revealed ? (
          <Legend
            label="Key to the series"
            items={[
              { label: 'P arrival', color: conceptColor('pWave') },
              { label: 'S arrival', color: conceptColor('sWave') },
              { label: 'spectrum P(f)', color: 'var(--gl-accent)' },
              { label: 'fitted P ∝ f^β (below 0.1 cycle/sample)', color: 'var(--gl-fg)', shape: 'dashed' },
            ]}
          />
        ) : undefined
      }
      caption={
        <>
          After Valentine &amp; Trampert (2012). The spectra are periodograms averaged (as logs) in log-spaced bands, in cycles per sample. β is
          fitted to each series below 0.1 cycle per sample; from one short series it scatters about the ideal value by about its ± error.
          {real.state === 'real' && round0(state) && revealed && ' The seismogram of this first round is a real record (IU.COLA, data: IRIS DMC via libmseed).'}
        </>
      }
      maths={
        <>
          <Tex block>{String.raw`P(f)=\frac{1}{n}\Bigl|\sum_{t=0}^{n-1} w_t\,x_t\,e^{-2\pi i f t}\Bigr|^2`}</Tex>
          <Tex block>{String.raw`P(f)\propto f^{\beta}:\ \beta\approx-2\ \text{(random walk)},\ \beta\approx 0\ \text{(white noise)}`}</Tex>
        </>
      }
    >
      {(layout: ExplainerLayout) => {
        const sizes = quizSizes(width, height, layout.plotWidth(width), layout.compact);
        return (
          <fieldset className="gl-spot-fieldset">
            <SpotStyles />
            <legend>Which of the four series is the seismogram?</legend>
            <div className="gl-spot-grid" style={{ gridTemplateColumns: `repeat(${sizes.cols}, ${sizes.cardWidth}px)` }}>
              {quiz.series.map((s, i) => (
                <SeriesCard
                  key={`${state.round}-${i}`}
                  series={s}
                  letter={LETTERS[i]}
                  width={sizes.cardWidth}
                  plotWidth={sizes.plotWidth}
                  traceHeight={sizes.traceHeight}
                  spectrumHeight={sizes.spectrumHeight}
                  name={`${id}-choice`}
                  state={cardState(i, state, quiz.answer)}
                  checked={choice === i}
                  revealed={revealed}
                  onChoose={() => setState((st) => (st.revealed ? st : { ...st, choice: i }))}
                />
              ))}
            </div>
          </fieldset>
        );
      }}
    </Explainer>
  );
}

const round0 = (s: SpotTheSeismogramState) => s.round === 0;
