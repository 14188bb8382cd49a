import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, userEvent, within } from 'storybook/test';
import { LearningRateExplorer } from '@geolearn/ui';

const meta = {
  title: '3 Regression/Learning rate',
  component: LearningRateExplorer,
  args: { width: 760, height: 460 },
  parameters: {
    docs: {
      description: {
        component:
          'The learning rate η of θ ← θ − η∇𝓛(θ). On the parabola 𝓛(θ) = ½Lθ² one step gives θₜ₊₁ = (1 − ηL)θₜ: the error shrinks while |1 − ηL| < 1, that is for η < 2/L, flips sign every step once η > 1/L (oscillation), and grows beyond 2/L (divergence). On a bowl ½θᵀHθ the same holds with L = λmax(H), the largest curvature. Your η is on the log slider, beside four runs at 0.04, 0.6, 0.94 and 1.4 × 2/L: too small (slow), good, too large (oscillating), diverging — shown as it happens ("diverged at step 12").\n\n' +
          'Embed it: `<iframe src="https://your.host/geolearn/iframe.html?id=3-regression-learning-rate--default&viewMode=story" width="100%" height="820" style="border:0" title="Learning rate"></iframe>`',
      },
    },
  },
} satisfies Meta<typeof LearningRateExplorer>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Step twelve times: the diverging run says so at step 12, the others are still going. */
export const Default: Story = {
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
export const TooLarge: Story = {
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
export const Bowl: Story = {
  args: { defaultValue: { iteration: 20, learningRate: 0.03 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Problem' }), 'bowl');
    await expect(canvas.getByTestId('status')).toHaveTextContent(/too small: slow/);
    await expect(canvas.getByTestId('run-diverging-status')).toHaveTextContent(/diverged at step 1\d/);
    await expect(canvas.getByTestId('run-good-status')).toHaveTextContent(/step 20/);
  },
};
