import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { Backpropagation } from '@geolearn/ui';
import { explainerParameters } from '../gallery';

const meta = {
  title: '5 Multilayer perceptrons/Backpropagation',
  component: Backpropagation,
  args: { width: 560, height: 300, onValueChange: fn() },
  parameters: explainerParameters('backpropagation', {
    try: 'Press Step six times: the forward pass fills the units, the loss box gets 𝓛, the backward pass writes the δ’s and gradients, and the update changes every weight. Then click a hidden weight.',
    notice: 'The backward pass goes right to left and reuses δ⁽²⁾ for both hidden units. The gradient from backpropagation and the finite difference agree to about 10⁻¹⁰ — unless h is made very large (truncation) or very small (rounding).',
    think: 'A network with a million weights: how many forward passes would the finite-difference check need for one gradient, and how many backward passes does backpropagation need?',
    about: [
      'A 2-2-1 network with sigmoid units φ = σ on one sample (x, y): h = σ(W⁽¹⁾x + b⁽¹⁾), ŷ = σ(w⁽²⁾·h + b⁽²⁾), loss 𝓛 = ½(ŷ − y)² (the ½ cancels the 2 of the derivative). Step goes through the slide’s stages one phase at a time: feed forward (hidden layer, output), loss, back propagation (δ⁽²⁾ = (ŷ − y)·ŷ(1 − ŷ) and ∂𝓛/∂w⁽²⁾ = δ⁽²⁾h; then δ⁽¹⁾ = δ⁽²⁾w⁽²⁾ ⊙ h(1 − h) and ∂𝓛/∂W⁽¹⁾ = δ⁽¹⁾xᵀ), and gradient descent θ ← θ − η∂𝓛/∂θ. The weights start random (seeded, “New initial weights” draws others), the biases at zero.',
      'Click a link or a bias (or pick it in the list; links are focusable and Enter selects) to write its chain rule with the current numbers, ∂𝓛/∂w = ∂𝓛/∂ŷ · ∂ŷ/∂z · ∂z/∂w, and to compare it with the central finite difference (𝓛(w + h) − 𝓛(w − h))/2h, whose error is O(h²) plus rounding ε/h. The maths runs in plain TypeScript (no TF.js); a unit test checks every gradient against finite differences.',
    ],
  }),
} satisfies Meta<typeof Backpropagation>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Ready to step: random weights, biases 0, x = (1, 0.5), y = 1. */
export const Default: Story = {};

/** After the backward pass of the first iteration: every gradient is on the diagram. */
export const AfterBackwardPass: Story = { name: 'After the backward pass', args: { defaultValue: { step: 5, selected: 1 } } };

/** A huge learning rate: the update overshoots. */
export const LargeLearningRate: Story = { name: 'Large learning rate (η = 10)', args: { defaultValue: { learningRate: 10, step: 6 } } };

/** Six steps: forward, forward, loss, backward, backward, update; the backprop gradient agrees with the finite difference. */
export const TestOneIteration: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    const stepButton = canvas.getByRole('button', { name: 'Step' });
    const phases: string[] = [];
    for (let i = 0; i < 6; i++) {
      await userEvent.click(stepButton);
      phases.push(status.getAttribute('data-phase')!);
    }
    await expect(phases).toEqual(['hidden', 'output', 'loss', 'back-output', 'back-hidden', 'update']);
    await expect(canvas.getByTestId('grad-diff').getAttribute('data-agree')).toBe('true');
  },
};

/** Pick a hidden weight by clicking its link: the check follows it and still agrees. */
export const TestPickWeight: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { step: 5 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByTestId('param-2'));
    await expect(canvas.getByRole('combobox', { name: 'Parameter' })).toHaveValue('2');
    await expect(canvas.getByTestId('grad-diff').getAttribute('data-agree')).toBe('true');
  },
};
