import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { makeQuiz, SpotTheSeismogram } from '@geolearn/ui';
import { explainerParameters } from '../gallery';

const meta = {
  title: '1 Introduction/Spot the seismogram',
  component: SpotTheSeismogram,
  args: { width: 720, height: 440, seed: 0, onValueChange: fn() },
  parameters: explainerParameters('spot-the-seismogram', {
    try: 'Before you check, decide which series is the seismogram and say why in one sentence. Then check, and press "New series" for another round.',
    notice: 'After the answer each series shows its spectrum. The random walk\'s power falls steeply with frequency, white noise is flat, the temperature record has one peak, and only the seismogram is a transient: quiet, a sudden onset, then a decaying coda.',
    think: 'Which property of the signal did you use to decide: its shape in time, its spectrum, or both? What would a machine need as input to decide the same way?',
    about: [
      'The slides open with a quiz from Valentine & Trampert (2012): which of four series is the seismogram? One is a stock index, a random walk x_t = x_{t−1}·e^{ε_t}; one a monthly temperature record, an annual cycle plus noise; one Gaussian white noise, x_t ~ 𝒩(0, 1); and one a long-period seismogram.',
      'The spectrum is the periodogram P(f) = |Σ_t w_t x_t e^{−2πift}|²/n averaged in log-spaced bands: a random walk\'s power falls as f⁻², white noise is flat, the seasonal series has one peak at 1/12 cycle per sample. The seismogram alone is a transient: quiet, then an emergent onset (P), larger S waves and a decaying coda. Telling them apart is learning what a representation must capture.',
      'Series and order are seeded (`seed`); "New series" draws the next round. The radio buttons are one group: Tab into it, arrows choose, the button checks.',
    ],
  }),
} satisfies Meta<typeof SpotTheSeismogram>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The quiz, unanswered: four series, one of them a seismogram. */
export const Default: Story = {};

/** Another seeded round: new series in a new order. */
export const AnotherRound: Story = { args: { seed: 4 } };

const LETTERS = ['A', 'B', 'C', 'D'];
/**
 * The answer of a round, from the quiz's own seeded maths (the page does not say it before the
 * check). The real record takes the synthetic seismogram's place: the answer is the same with it.
 */
const answerOf = (seed: number, round = 0) => makeQuiz(seed, round, 600).answer;

/** From the keyboard: arrows move through the radio group to the seismogram, the button checks, the spectra and onsets appear. */
export const TestKeyboardAnswer: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  // The synthetic seismogram (the real record has no marked onsets), and a deterministic picture.
  args: { realRecord: false },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const answer = answerOf(args.seed ?? 0);
    const root = canvas.getByTestId('spot-the-seismogram');
    await expect(root).toHaveAttribute('data-record', 'off');
    const check = canvas.getByRole('button', { name: 'Check answer' });
    await expect(check).toBeDisabled();
    await expect(canvas.queryAllByTestId('spectrum')).toHaveLength(0);
    // Nothing in the page gives the answer away before the check.
    await expect(canvasElement.querySelector('[data-answer], [data-kind]')).toBeNull();
    const first = canvas.getByRole('radio', { name: /Series A/ });
    first.focus();
    await userEvent.keyboard(' ');
    for (let k = 0; k < answer; k++) await userEvent.keyboard('{ArrowDown}');
    await expect(canvas.getByRole('radio', { name: new RegExp(`Series ${LETTERS[answer]}`) })).toBeChecked();
    await userEvent.click(check);
    const status = canvas.getByTestId('status');
    await expect(status).toHaveTextContent(new RegExp(`Right: series ${LETTERS[answer]} is the seismogram`));
    await expect(status).toHaveAttribute('aria-live', 'polite');
    await expect(status).toHaveAttribute('data-correct', 'true');
    await expect(canvas.getAllByTestId('spectrum')).toHaveLength(4);
    await expect(canvas.getByTestId('onsets')).toBeInTheDocument();
  },
};

/** A wrong pick: the answer says what the chosen series is, and which one is the seismogram and why. */
export const TestWrongAnswer: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { realRecord: false },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const answer = answerOf(args.seed ?? 0);
    const wrong = (answer + 1) % 4;
    await userEvent.click(canvas.getByRole('radio', { name: new RegExp(`Series ${LETTERS[wrong]}`) }));
    await userEvent.click(canvas.getByRole('button', { name: 'Check answer' }));
    const status = canvas.getByTestId('status');
    await expect(status).toHaveTextContent(new RegExp(`Not quite: series ${LETTERS[wrong]} is .*The seismogram is series ${LETTERS[answer]}`));
    await expect(status).toHaveAttribute('data-correct', 'false');
    await expect(canvas.getByTestId(`series-${LETTERS[answer]}`)).toHaveAttribute('data-kind', 'seismogram');
    await expect(canvas.getByTestId(`series-${LETTERS[wrong]}`)).toHaveAttribute('data-state', 'wrong');
  },
};

/**
 * The slides' quiz with the real IU.COLA record (fetched lazily): once it has arrived
 * (`data-record="real"`), the right answer names the station and the event.
 */
export const TestRealRecord: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const root = canvas.getByTestId('spot-the-seismogram');
    await waitFor(() => expect(root).toHaveAttribute('data-record', 'real'), { timeout: 10_000 });
    const answer = answerOf(args.seed ?? 0);
    await userEvent.click(canvas.getByRole('radio', { name: new RegExp(`Series ${LETTERS[answer]}`) }));
    await userEvent.click(canvas.getByRole('button', { name: 'Check answer' }));
    await expect(canvas.getByTestId('status')).toHaveTextContent(new RegExp(`Right: series ${LETTERS[answer]} is the seismogram. A real record`));
    await expect(within(canvas.getByTestId(`series-${LETTERS[answer]}`)).getByTestId('series-name')).toHaveTextContent(/IU\.COLA/);
    // A real record carries no synthetic onset marks.
    await expect(canvas.queryByTestId('onsets')).toBeNull();
  },
};

/** "New series" draws a new seeded round and clears the choice. */
export const TestNewRound: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { seed: 4, realRecord: false },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const before = canvas.getByRole('img', { name: /Series A/ }).innerHTML;
    await userEvent.click(canvas.getByRole('radio', { name: /Series B/ }));
    await userEvent.click(canvas.getByRole('button', { name: 'New series' }));
    await expect(canvas.getByRole('img', { name: /Series A/ }).innerHTML).not.toBe(before);
    await expect(canvas.getByRole('button', { name: 'Check answer' })).toBeDisabled();
    await expect(canvas.getAllByRole('radio').filter((r) => (r as HTMLInputElement).checked)).toHaveLength(0);
    // The new round's answer is its own: pick it and check.
    const answer = answerOf(args.seed ?? 0, 1);
    await userEvent.click(canvas.getByRole('radio', { name: new RegExp(`Series ${LETTERS[answer]}`) }));
    await userEvent.click(canvas.getByRole('button', { name: 'Check answer' }));
    await expect(canvas.getByTestId('status')).toHaveAttribute('data-correct', 'true');
  },
};

/**
 * Issue 13, spot-the-seismogram defects: nothing in the page gives the answer away before the
 * check (no `data-answer`, no kind); after it, the slope printed under each spectrum is the fitted
 * one and agrees with the text: the random walk's β is near −2 (minus sign U+2212), white noise's
 * near 0, each within its printed error band or 0.5.
 */
export const TestDefectsSlopes: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { realRecord: false },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvasElement.querySelector('[data-answer], [data-kind]')).toBeNull();
    const answer = answerOf(args.seed ?? 0);
    await userEvent.click(canvas.getByRole('radio', { name: new RegExp(`Series ${LETTERS[answer]}`) }));
    await userEvent.click(canvas.getByRole('button', { name: 'Check answer' }));
    await waitFor(() => expect(canvas.getAllByTestId('spectrum')).toHaveLength(4));
    const cardOf = (kind: string) => canvasElement.querySelector(`[data-kind="${kind}"]`) as HTMLElement;
    for (const [kind, ideal, text] of [['stock', -2, 'β ≈ −2'], ['noise', 0, 'β ≈ 0']] as const) {
      const card = cardOf(kind);
      await expect(card).not.toBeNull();
      await expect(card.querySelector('.gl-spot-why')).toHaveTextContent(text);
      const spectrum = within(card).getByTestId('spectrum');
      const fitted = Number(spectrum.getAttribute('data-slope'));
      const printed = /β = (−?[\d.]+) ± ([\d.]+)/.exec(spectrum.getAttribute('aria-label') ?? '');
      await expect(printed).not.toBeNull();
      const value = Number(printed![1].replace('−', '-'));
      const error = Number(printed![2]);
      // Printed as fitted (one decimal), and consistent with the text.
      await expect(Math.abs(value - fitted)).toBeLessThanOrEqual(0.051);
      await expect(Math.abs(fitted - ideal)).toBeLessThanOrEqual(Math.max(0.5, 2.5 * error));
      await expect(spectrum.getAttribute('aria-label')).not.toMatch(/β = -/);
    }
  },
};
