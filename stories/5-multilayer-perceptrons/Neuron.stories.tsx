import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, fn, userEvent, waitFor, within } from 'storybook/test';
import { Neuron } from '@geolearn/ui';
import { explainerParameters } from '../gallery';

const meta = {
  title: '5 Multilayer perceptrons/Neuron',
  component: Neuron,
  args: { width: 640, height: 260, onValueChange: fn() },
  parameters: explainerParameters('neuron', {
    try: 'Move one weight and then the bias, and follow z along the activation curve. Then switch the activation to ReLU and push z below zero.',
    notice: 'The weights tilt and the bias shifts: both only move z. In the grey bands the sigmoid is flat, so changing a weight hardly changes h — and the gradient that learning needs is almost zero there.',
    think: 'If a neuron starts deep in a grey band, what happens to it during gradient descent? Why does ReLU help, and when does it fail?',
    about: [
      'A neuron, or unit, takes inputs **x** and outputs the activation h = φ(Σᵢ wᵢxᵢ + b), with wᵢ the weights, b the bias and φ the activation function: the sigmoid σ(z) = 1/(1 + e⁻ᶻ) or the rectified linear unit ReLU(z) = max(0, z).',
      'The grey bands are where φ saturates (φ′(z) ≈ 0): there the gradient vanishes and gradient descent sits on a plateau. ReLU has no plateau for z > 0, one reason it is preferred to the sigmoid.',
    ],
  }),
} satisfies Meta<typeof Neuron>;
export default meta;
type Story = StoryObj<typeof meta>;

/** One sigmoid neuron with two inputs. */
export const Default: Story = {};

/** Negative weights and a small bias: z < 0, where the sigmoid is small and ReLU is exactly zero. */
export const NegativeWeights: Story = { args: { defaultValue: { inputs: [1, 1], weights: [-1, -0.5], bias: 0.5 } } };

const hOf = (el: HTMLElement) => Number(el.getAttribute('data-h'));

/** Raise the weight w₁: z grows and the sigmoid's output h with it. */
export const TestWeight: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
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
export const TestSaturated: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const bias = canvas.getByRole('slider', { name: 'Bias b' });
    fireEvent.change(bias, { target: { value: '5' } });
    await waitFor(() => expect(canvas.getByTestId('activation-curve')).toHaveAttribute('data-saturated', 'true'));
    await expect(canvas.getByTestId('status')).toHaveTextContent(/saturated region/);
  },
};

/** Switch to ReLU: negative z gives exactly zero, on ReLU's flat half. */
export const TestRelu: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { inputs: [1, 1], weights: [-1, -0.5], bias: 0.5 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: /Activation/ }), 'relu');
    await waitFor(() => expect(hOf(canvas.getByTestId('status'))).toBe(0));
    await expect(canvasElement.querySelectorAll('[data-testid="plateau"]').length).toBe(1);
    await expect(canvas.getByTestId('activation-curve')).toHaveAttribute('data-saturated', 'true');
  },
};

/**
 * Issue 13, neuron defect: ReLU at negative z is a dead unit (gradient exactly 0), not "saturated";
 * numbers carry the minus sign "−", never a hyphen.
 */
export const TestDefectsDeadRelu: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { inputs: [1, 1], weights: [-1, -0.5], bias: 0.5 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: /Activation/ }), 'relu');
    const status = canvas.getByTestId('status');
    await waitFor(() => expect(status).toHaveAttribute('data-dead', 'true'));
    await expect(status).toHaveTextContent(/z = −1\.00.*a dead unit: ReLU′\(z\) = 0 exactly/);
    await expect(status).not.toHaveTextContent(/saturated/);
    await expect(canvas.getByTestId('activation-curve')).toHaveAccessibleName(/dead half \(z ≤ 0\)/);
    await expect(canvas.getByTestId('activation-curve')).toHaveTextContent(/dead: φ′ = 0/);
    // The sigmoid at the same z is saturated-or-not, never "dead".
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: /Activation/ }), 'sigmoid');
    await waitFor(() => expect(status).toHaveAttribute('data-dead', 'false'));
    await expect(status).not.toHaveTextContent(/dead/);
    // A real minus sign in every visible number.
    await expect(canvasElement.innerText).not.toMatch(/(^|[\s(=,:[])-\d/m);
  },
};
