import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, fn, userEvent, within } from 'storybook/test';
import { SearchComparison } from '@geolearn/ui';
import { explainerParameters } from '../gallery';

const meta = {
  title: '3 Regression/Search comparison',
  component: SearchComparison,
  args: { width: 780, height: 260, seed: 0, onValueChange: fn() },
  parameters: explainerParameters('search-comparison', {
    try: 'Press Reset, then Step a few times and watch where each method spends its loss evaluations. Then make the grid finer with its slider.',
    notice: 'The grid spends most evaluations far from the minimum; random search is no smarter but costs only what you give it; gradient descent walks straight in with a handful. In the arithmetic below, one more parameter multiplies the grid\'s cost by k.',
    think: 'A network has a million parameters. How many evaluations would a grid of 10 values per parameter need, and what does gradient descent need that grid search does not?',
    about: [
      'How do we minimise 𝓛(a, b) = (1/N) Σ (a xᵢ + b − yᵢ)²? Three answers from the slides on the same line fit, each with the count of loss evaluations it used. Grid search tests every θ of a grid: exhaustive, but k values per parameter cost kᵈ evaluations in d dimensions — at 0.1 s per evaluation, 100 values per parameter take ¼ hour for 2 parameters and over 30 years for 5 (the arithmetic below is live: change the numbers).',
      'Random search draws θ at random: it costs what you decide to spend. Gradient descent θ ← θ − η∇𝓛(θ) evaluates the loss (and its gradient) once per step and converges in far fewer evaluations, but needs a differentiable loss.',
    ],
  }),
} satisfies Meta<typeof SearchComparison>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The three searches after their full budget, and the slide's cost arithmetic. */
export const Default: Story = {};

const count = (el: Element) => Number(el.getAttribute('data-count'));

/** Every evaluation shown: the grid used 100, random search 100, gradient descent far fewer; and the slide's arithmetic. */
export const TestCounts: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(count(canvas.getByTestId('grid'))).toBe(100);
    await expect(count(canvas.getByTestId('random'))).toBe(100);
    await expect(count(canvas.getByTestId('gd'))).toBeLessThan(100);
    await expect(canvas.getByTestId('cost-2')).toHaveTextContent(/10,000 evaluations × 0.1 s = 1,000 s ≈ 16.7 minutes/);
    await expect(canvas.getByTestId('cost-5')).toHaveTextContent(/31.7 years/);
  },
};

/** Reset, then Step: each method has spent one evaluation; a finer grid costs its square. */
export const TestStepAndGrid: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Reset' }));
    await expect(count(canvas.getByTestId('grid'))).toBe(0);
    await userEvent.click(canvas.getByRole('button', { name: 'Step' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Step' }));
    await expect(canvas.getByTestId('status')).toHaveTextContent('Loss evaluations: grid 2, random 2, gradient descent 2.');
    await fireEvent.change(canvas.getByRole('slider', { name: /Grid values per parameter/ }), { target: { value: '20' } });
    await expect(count(canvas.getByTestId('grid'))).toBe(400);
    await expect(canvas.getByTestId('grid-summary')).toHaveTextContent(/^400 loss evaluations/);
  },
};

/** Change the slide's numbers: 1 s per evaluation and 10 values per parameter. */
export const TestCostArithmetic: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await fireEvent.change(canvas.getByRole('spinbutton', { name: 'Seconds per evaluation' }), { target: { value: '1' } });
    await fireEvent.change(canvas.getByRole('spinbutton', { name: 'Values per parameter' }), { target: { value: '10' } });
    await expect(canvas.getByTestId('cost-2')).toHaveTextContent(/100 evaluations × 1 s = 100 s ≈ 1.67 minutes/);
    await expect(canvas.getByTestId('cost-5')).toHaveTextContent(/100,000 evaluations × 1 s = 100,000 s ≈ 1.16 days/);
  },
};
