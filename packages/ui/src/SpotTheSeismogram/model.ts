/**
 * The quiz's model: its state, the checks of a `defaultValue`, what each series is, the
 * status text and the layout. Pure functions of plain values, no React.
 */
import { fieldCheck, type FieldChecks } from '../hooks/useControllableState';
import type { ExplainerState } from '../kit/Explainer';
import type { Quiz, QuizSeries, QuizSeriesKind } from './quiz';

/** The quiz's state: plain JSON, so it can live in a permalink. */
export interface SpotTheSeismogramState {
  /** The series the student chose (0 … 3, shown as A … D), or null. */
  choice: number | null;
  /** Whether the answer has been checked (reveals spectra and explanations). */
  revealed: boolean;
  /** Which round (each round draws four new series in a new order). */
  round: number;
}

/** The state before any answer. */
export const INITIAL_STATE: SpotTheSeismogramState = { choice: null, revealed: false, round: 0 };

/** How a `defaultValue` is checked field by field (bad fields are reported once and dropped). */
export const STATE_CHECKS: FieldChecks<SpotTheSeismogramState> = {
  choice: (v: unknown): v is number | null => v === null || fieldCheck.integer(0, 3)(v),
  revealed: fieldCheck.boolean,
  round: fieldCheck.integer(0, 1e9),
};

/** Letters of the four series. */
export const LETTERS = ['A', 'B', 'C', 'D'] as const;

/** Whether the real record is off, on its way, shown, or could not be loaded (the root's `data-record`). */
export type RecordState = 'off' | 'loading' | 'real' | 'failed';

/** What each series is, and why it looks the way it does. */
export const QUIZ_EXPLANATIONS: Record<QuizSeriesKind, { name: string; why: string }> = {
  stock: {
    name: 'a stock index (random walk)',
    why: 'Each value is the previous one plus a random step, so it wanders without ever starting or stopping; its power falls as 1/f², a log–log slope β ≈ −2.',
  },
  temperature: {
    name: 'monthly temperatures (seasonal)',
    why: 'The same annual cycle repeats every 12 samples: one sharp spectral peak at 1/12 cycle per sample, and no onset.',
  },
  noise: {
    name: 'Gaussian white noise',
    why: 'Independent draws: every frequency carries the same power (a flat spectrum, β ≈ 0), and nothing ever happens.',
  },
  seismogram: {
    name: 'a long-period seismogram',
    why: 'Quiet background noise, then an emergent onset at the P wave, larger S waves and a coda that decays: a transient, with its energy in a band of low frequencies above the noise.',
  },
};

/** The real record's explanation: its own onsets are later phases and the surface waves. */
export const REAL_WHY =
  'A real record: quiet at first, then later body waves arrive, and about 40 minutes in the large surface waves that travelled round the Earth\'s surface, followed by a long decaying coda: a transient, not a process that goes on the same way for ever.';

/** The name of a series, for the reveal (a real record names its station and event). */
export function seriesName(s: QuizSeries): string {
  return s.source ?? QUIZ_EXPLANATIONS[s.kind].name;
}

/** Why a series looks the way it does. */
export function seriesWhy(s: QuizSeries): string {
  return s.source ? REAL_WHY : QUIZ_EXPLANATIONS[s.kind].why;
}

/** β with its standard error, as printed under each spectrum ("β = −2.1 ± 0.2"), with the minus sign U+2212. */
export function formatSlope(slope: number, error: number): string {
  const m = (v: number) => v.toFixed(1).replace('-', '−');
  const b = Math.abs(slope) < 0.05 ? '0.0' : m(slope);
  return `β = ${b} ± ${error.toFixed(1)}`;
}

/** The status line: what to do, or whether the choice was right and why. */
export function statusText(state: SpotTheSeismogramState, quiz: Quiz): string {
  const { choice, revealed } = state;
  if (!revealed) {
    return choice === null
      ? 'Pick the series you think is the seismogram, then check your answer.'
      : `You picked series ${LETTERS[choice]}. Check your answer when ready.`;
  }
  const answer = quiz.series[quiz.answer];
  const why = seriesWhy(answer);
  if (choice === quiz.answer) return `Right: series ${LETTERS[quiz.answer]} is the seismogram. ${why}`;
  const c = choice ?? 0;
  return `Not quite: series ${LETTERS[c]} is ${seriesName(quiz.series[c])}. The seismogram is series ${LETTERS[quiz.answer]}: ${why}`;
}

/** The frame's `data-state`: idle while unanswered, done once checked. */
export function frameState(state: SpotTheSeismogramState): ExplainerState {
  return state.revealed ? 'done' : 'idle';
}

/** A card's `data-state`: nothing about the answer before it is checked. */
export function cardState(i: number, state: SpotTheSeismogramState, answer: number): 'idle' | 'chosen' | 'right' | 'wrong' | 'answer' {
  if (!state.revealed) return state.choice === i ? 'chosen' : 'idle';
  if (i === answer) return state.choice === i ? 'right' : 'answer';
  return state.choice === i ? 'wrong' : 'idle';
}

/** Sizes of the grid of four cards. */
export interface QuizSizes {
  /** Columns of cards (1 when compact or narrow, else 2). */
  cols: number;
  /** Width of one card, px. */
  cardWidth: number;
  /** Width of the plots inside a card, px. */
  plotWidth: number;
  /** Height of the trace and of the spectrum, px. */
  traceHeight: number;
  spectrumHeight: number;
}

/** Gap between cards, px. */
export const GRID_GAP = 12;

/**
 * The layout: two columns of cards at the requested size, one column below 480 px or in the
 * compact frame; each card gives about half its height to the trace and half to the spectrum.
 */
export function quizSizes(width: number, height: number, avail: number, compact: boolean): QuizSizes {
  const w = Math.max(160, Math.min(width, avail));
  const cols = compact || w < 480 ? 1 : 2;
  const cardWidth = Math.floor((w - GRID_GAP * (cols - 1)) / cols);
  const rows = Math.ceil(4 / cols);
  const cardH = cols === 1 ? Math.max(150, Math.min(220, Math.round(cardWidth * 0.55))) + 44 : Math.max(120, Math.floor((height - GRID_GAP * (rows - 1)) / rows));
  const traceHeight = Math.round((cardH - 44) * 0.5);
  return { cols, cardWidth, plotWidth: cardWidth - 16, traceHeight, spectrumHeight: Math.max(48, cardH - 44 - traceHeight - 6) };
}
