import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, fn, userEvent, within } from 'storybook/test';
import { LearningRateExplorer } from '@geolearn/ui';
import { explainerParameters } from '../gallery';

const meta = {
  title: '3 Regression/Learning rate',
  component: LearningRateExplorer,
  args: { width: 760, height: 460, onValueChange: fn() },
  parameters: explainerParameters('learning-rate', {
    try: 'Step the four fixed runs a dozen times. Then slide your own η up slowly, past 1/L and past 2/L, and watch your run change its behaviour.',
    notice: 'Below 1/L the error shrinks without changing sign; between 1/L and 2/L it flips sign every step but still shrinks; beyond 2/L every step overshoots more than the last, and the run diverges.',
    think: 'On a bowl with one steep and one flat direction, which curvature limits η, and what does that mean for the flat direction?',
    about: [
      'The learning rate η of θ ← θ − η∇𝓛(θ). On the parabola 𝓛(θ) = ½Lθ² one step gives θₜ₊₁ = (1 − ηL)θₜ: the error shrinks while |1 − ηL| < 1, that is for η < 2/L, flips sign every step once η > 1/L (oscillation), and grows beyond 2/L (divergence).',
      'On a bowl ½θᵀHθ the same holds with L = λmax(H), the largest curvature. Your η is on the log slider, beside four runs at 0.04, 0.6, 0.94 and 1.4 × 2/L: too small (slow), good, too large (oscillating), diverging — shown as it happens ("diverged at step 12").',
    ],
  }),
} satisfies Meta<typeof LearningRateExplorer>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The four regimes and your η, before the first step. */
export const Default: Story = {};

/** The same runs after 40 steps: slow, good, oscillating and diverged side by side. */
export const FortySteps: Story = { name: 'After 40 steps', args: { defaultValue: { iteration: 40 } } };

/** Step twelve times: the diverging run says so at step 12, the others are still going. */
export const TestStepTwelve: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const step = canvas.getByRole('button', { name: 'Step' });
    for (let k = 0; k < 11; k++) await userEvent.click(step);
    await expect(canvas.getByTestId('run-diverging-status')).not.toHaveTextContent(/diverged/);
    await userEvent.click(step);
    await expect(canvas.getByTestId('run-diverging-status')).toHaveTextContent('diverged at step 12');
    await expect(canvas.getByTestId('run-good-status')).toHaveTextContent(/step 12 · 𝓛 = /);
    await expect(canvas.getByTestId('run-yours').getAttribute('data-points')).toBe('13');
  },
};

/** Move η past 2/L on the slider: your run is labelled diverging and diverges. */
export const TestTooLarge: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { iteration: 40 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const slider = canvas.getByRole('slider', { name: /Learning rate/ });
    await expect(canvas.getByTestId('status')).toHaveTextContent(/η = 0.1 \(good\)/);
    await fireEvent.change(slider, { target: { value: String(Math.log10(0.6)) } });
    await expect(canvas.getByTestId('eta')).toHaveTextContent('0.6');
    await expect(canvas.getByTestId('status')).toHaveTextContent(/diverging\): diverged at step \d+/);
    await expect(canvas.getByTestId('status')).toHaveAttribute('data-diverged', 'true');
  },
};

/** The same four regimes on a 2-D bowl, whose largest curvature sets 2/L. */
export const TestBowl: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { iteration: 20, learningRate: 0.03 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Problem' }), 'bowl');
    await expect(canvas.getByTestId('status')).toHaveTextContent(/too small: slow/);
    await expect(canvas.getByTestId('run-diverging-status')).toHaveTextContent(/diverged at step 1\d/);
    await expect(canvas.getByTestId('run-good-status')).toHaveTextContent(/step 20/);
  },
};

/** Issue 13, "Other" defect: after 40 steps every visible number uses the minus sign "−", never a hyphen (log η labels included). */
export const TestDefectsMinusSign: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { iteration: 40 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByTestId('run-diverging-status')).toHaveTextContent(/diverged/);
    await expect(canvasElement.innerText).not.toMatch(/(^|[\s(=,:[])-\d/m);
    await expect(canvasElement.querySelector('.gl-maths')?.textContent ?? '').not.toMatch(/-\d/);
  },
};
