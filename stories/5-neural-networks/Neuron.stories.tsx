import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, userEvent, waitFor, within } from 'storybook/test';
import { Neuron } from '@geolearn/ui';

const meta = {
  title: '5 Neural networks/Neuron',
  component: Neuron,
  args: { width: 640, height: 260 },
  parameters: {
    docs: {
      description: {
        component: [
          'A neuron, or unit, takes inputs **x** and outputs the activation h = φ(Σᵢ wᵢxᵢ + b), with wᵢ the weights, b the bias and φ the activation function: the sigmoid σ(z) = 1/(1 + e⁻ᶻ) or the rectified linear unit ReLU(z) = max(0, z).',
          'The grey bands are where φ saturates (φ′(z) ≈ 0): there the gradient vanishes and gradient descent sits on a plateau. ReLU has no plateau for z > 0, one reason it is preferred to the sigmoid.',
          'Embed: `<iframe src="https://your.host/geolearn/iframe.html?id=5-neural-networks-neuron--default&viewMode=story" width="100%" height="560" style="border:0" title="A neuron"></iframe>`',
        ].join('\n\n'),
      },
    },
  },
} satisfies Meta<typeof Neuron>;
export default meta;
type Story = StoryObj<typeof meta>;

const hOf = (el: HTMLElement) => Number(el.getAttribute('data-h'));

/** Raise the weight w₁: z grows and the sigmoid's output h with it. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    const h0 = hOf(status);
    const w1 = canvas.getByRole('slider', { name: 'Weight w₁' });
    fireEvent.change(w1, { target: { value: '1.8' } });
    await waitFor(() => expect(hOf(status)).toBeGreaterThan(h0));
    await expect(w1).toHaveAttribute('aria-valuetext', '1.80');
    await expect(canvas.getByTestId('neuron-output')).toHaveTextContent(`h = ${hOf(status).toFixed(3)}`);
  },
};

/** A large bias pushes z into the sigmoid's plateau: the status warns that the gradient vanishes. */
export const Saturated: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const bias = canvas.getByRole('slider', { name: 'Bias b' });
    fireEvent.change(bias, { target: { value: '5' } });
    await waitFor(() => expect(canvas.getByTestId('activation-curve')).toHaveAttribute('data-saturated', 'true'));
    await expect(canvas.getByTestId('status')).toHaveTextContent(/saturated region/);
  },
};

/** Switch to ReLU: negative z gives exactly zero, on ReLU's flat half. */
export const Relu: Story = {
  args: { defaultValue: { inputs: [1, 1], weights: [-1, -0.5], bias: 0.5 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: /Activation/ }), 'relu');
    await waitFor(() => expect(hOf(canvas.getByTestId('status'))).toBe(0));
    await expect(canvasElement.querySelectorAll('[data-testid="plateau"]').length).toBe(1);
    await expect(canvas.getByTestId('activation-curve')).toHaveAttribute('data-saturated', 'true');
  },
};
