import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { LearningTypes } from '@geolearn/ui';
import { explainerParameters } from '../gallery';

const meta = {
  title: '2 Definitions/Types of learning',
  component: LearningTypes,
  args: { width: 960, seed: 0, onValueChange: fn() },
  parameters: explainerParameters('learning-types', {
    try: 'Pick "Cluster volcano events" and read E, T and P. Switch off P. Then open "Vocabulary" and hover N, F and 𝕐; then "Types of learning": click a point to re-label it, and press Play.',
    notice: 'Without any one of E, T and P the word "learning" loses its meaning. The supervised boundary follows your labels; k-means ignores them; the grid-world agent is never told the way, only rewarded, and its arrows turn towards the goal.',
    think: 'Which of the three types would you use to pick P arrivals? To group tremor signals? Where do the labels come from in each case, and what plays the role of the performance P?',
    about: [
      "Mitchell's definition as the slides word it: an algorithm learns from experience E with respect to a task T and performance P if its performance at the task improves with experience. All three elements are required.",
      'The vocabulary: samples xᵢ ∈ 𝕏 and labels yᵢ ∈ 𝕐 (i = 1…N), features x = (x₁, …, x_F), targets y = (y₁, …, y_T); an image is x ∈ ℝ^{H×W×C} with a scalar label y ∈ {0, 1, …, K}.',
      'The three types of learning, each live: supervised (a logistic regression on labelled points), unsupervised (k-means with k = 2 on the same points without labels) and reinforcement (ε-greedy Q-learning in a 4 × 4 grid world, Q(s,a) ← Q(s,a) + α[r + γ maxₐ′ Q(s′,a′) − Q(s,a)], seeded).',
    ],
  }),
} satisfies Meta<typeof LearningTypes>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Experience, task and performance of a first task: detecting earthquakes. */
export const Default: Story = {};

/** The vocabulary table and the image x ∈ ℝ^{H×W×C}. */
export const Vocabulary: Story = { args: { defaultValue: { part: 'vocabulary' } } };

/** The three types of learning side by side. */
export const TypesOfLearning: Story = { args: { defaultValue: { part: 'types' } } };

/** After 200 episodes the arrows lead from S to the goal, around the pit. */
export const LearnedPolicy: Story = { args: { defaultValue: { part: 'types', episodes: 200 } } };

/** Switching off the performance: not learning. */
export const TestThreeElements: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: /Keep the performance$/ }));
    await expect(canvas.getByTestId('verdict')).toHaveAttribute('data-state', 'not-learning');
    await expect(canvas.getByTestId('status')).toHaveTextContent(/no performance measure/);
  },
};

/** Focusing the labels {yᵢ} lights every label cell of the table. */
export const TestSymbolHighlight: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { part: 'vocabulary' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    canvas.getByTestId('symbol-yi').focus();
    await waitFor(() => expect(canvas.getByTestId('vocab-table').querySelectorAll('td[data-lit="on"]')).toHaveLength(5));
  },
};

/** Re-labelling a point moves the boundary; Step plays one Q-learning episode. */
export const TestRelabelAndStep: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { part: 'types' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const line = canvas.getByTestId('boundary');
    const before = line.getAttribute('x1') + ',' + line.getAttribute('y1');
    await userEvent.click(canvas.getByRole('button', { name: /Point 1: class 0/ }));
    await waitFor(() => expect(canvas.getByTestId('boundary').getAttribute('x1') + ',' + canvas.getByTestId('boundary').getAttribute('y1')).not.toBe(before));
    await userEvent.click(canvas.getByRole('button', { name: /Step/ }));
    await expect(canvas.getByTestId('status')).toHaveAttribute('data-episodes', '1');
  },
};
