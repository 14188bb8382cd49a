import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { SpotTheSeismogram } from '@geolearn/ui';

const meta = {
  title: '1 Introduction/Spot the seismogram',
  component: SpotTheSeismogram,
  args: { width: 720, height: 440, seed: 0 },
  parameters: {
    docs: {
      description: {
        component: [
          'The slides open with a quiz from Valentine & Trampert (2012): which of four series is the seismogram? One is a stock index, a random walk x_t = x_{t−1}·e^{ε_t}; one a monthly temperature record, an annual cycle plus noise; one Gaussian white noise, x_t ~ 𝒩(0, 1); and one a long-period seismogram.',
          'After the answer each series shows its spectrum, the periodogram P(f) = |Σ_t w_t x_t e^{−2πift}|²/n averaged in log-spaced bands: a random walk\'s power falls as f⁻², white noise is flat, the seasonal series has one peak at 1/12 cycle per sample. The seismogram alone is a transient: quiet, then an emergent onset (P), larger S waves and a decaying coda. Telling them apart is learning what a representation must capture.',
          'Series and order are seeded (`seed`); "New series" draws the next round. The radio buttons are one group: Tab into it, arrows choose, the button checks.',
          'Embed: `<iframe src="https://your.host/geolearn/iframe.html?id=1-introduction-spot-the-seismogram--default&viewMode=story" width="100%" height="640" style="border:0" title="Can you spot the seismogram?"></iframe>`',
        ].join('\n\n'),
      },
    },
  },
} satisfies Meta<typeof SpotTheSeismogram>;
export default meta;
type Story = StoryObj<typeof meta>;

const LETTERS = ['A', 'B', 'C', 'D'];

/** From the keyboard: arrows move through the radio group to the seismogram, the button checks, the spectra appear. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const answer = Number(canvasElement.querySelector('[data-testid="spot-the-seismogram"]')!.getAttribute('data-answer'));
    const check = canvas.getByRole('button', { name: 'Check answer' });
    await expect(check).toBeDisabled();
    await expect(canvas.queryAllByTestId('spectrum')).toHaveLength(0);
    const first = canvas.getByRole('radio', { name: /Series A/ });
    first.focus();
    await userEvent.keyboard(' ');
    for (let k = 0; k < answer; k++) await userEvent.keyboard('{ArrowDown}');
    await expect(canvas.getByRole('radio', { name: new RegExp(`Series ${LETTERS[answer]}`) })).toBeChecked();
    await userEvent.click(check);
    const status = canvas.getByTestId('status');
    await expect(status).toHaveTextContent(new RegExp(`Right: series ${LETTERS[answer]} is the seismogram`));
    await expect(status).toHaveAttribute('aria-live', 'polite');
    await expect(canvas.getAllByTestId('spectrum')).toHaveLength(4);
    await expect(canvas.getByTestId('onsets')).toBeInTheDocument();
  },
};

/** A wrong pick: the answer says what the chosen series is, and which one is the seismogram and why. */
export const WrongAnswer: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const answer = Number(canvasElement.querySelector('[data-testid="spot-the-seismogram"]')!.getAttribute('data-answer'));
    const wrong = (answer + 1) % 4;
    await userEvent.click(canvas.getByRole('radio', { name: new RegExp(`Series ${LETTERS[wrong]}`) }));
    await userEvent.click(canvas.getByRole('button', { name: 'Check answer' }));
    const status = canvas.getByTestId('status');
    await expect(status).toHaveTextContent(new RegExp(`Not quite: series ${LETTERS[wrong]} is .*The seismogram is series ${LETTERS[answer]}`));
    await expect(status).toHaveAttribute('data-correct', 'false');
    await expect(canvas.getByTestId(`series-${LETTERS[answer]}`)).toHaveAttribute('data-kind', 'seismogram');
  },
};

/** "New series" draws a new seeded round and clears the choice. */
export const NewRound: Story = {
  args: { seed: 4 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const root = canvasElement.querySelector('[data-testid="spot-the-seismogram"]')!;
    const before = canvas.getByRole('img', { name: /Series A/ }).innerHTML;
    await userEvent.click(canvas.getByRole('radio', { name: /Series B/ }));
    await userEvent.click(canvas.getByRole('button', { name: 'New series' }));
    await expect(canvas.getByRole('img', { name: /Series A/ }).innerHTML).not.toBe(before);
    await expect(canvas.getByRole('button', { name: 'Check answer' })).toBeDisabled();
    await expect(canvas.getAllByRole('radio').filter((r) => (r as HTMLInputElement).checked)).toHaveLength(0);
    await expect(Number(root.getAttribute('data-answer'))).toBeGreaterThanOrEqual(0);
  },
};
