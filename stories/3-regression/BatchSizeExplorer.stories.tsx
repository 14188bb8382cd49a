import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { BatchSizeExplorer } from '@geolearn/ui';
import { explainerParameters } from '../gallery';

const meta = {
  title: '3 Regression/Batch size',
  component: BatchSizeExplorer,
  args: { width: 860, height: 320, seed: 0, onValueChange: fn() },
  parameters: explainerParameters('batch-size', {
    try: 'Step one epoch at a time, then change the mini-batch size B and compare the three paths and the two loss charts.',
    notice: 'Stochastic descent (B = 1) takes many small, noisy steps per epoch; full batch takes one exact step. Per epoch the small batches win; per second of compute the answer depends on the fixed cost of an update.',
    think: 'If one update costs as much as ten samples, which B reaches a given loss soonest? Why is some noise in the gradient not necessarily bad?',
    about: [
      'Full-batch, stochastic and mini-batch gradient descent on the same least-squares line fit, all with the same η. The full-batch gradient ∂𝓛/∂θ = (1/N) Σᵢ ∂𝓛⁽ⁱ⁾/∂θ is exact; a mini-batch 𝓑 of B samples estimates it by (1/B) Σ_{i∈𝓑} ∂𝓛⁽ⁱ⁾/∂θ, noisily for small B, but makes N/B updates per epoch.',
      'The paths show the noise (path length ÷ distance travelled), the charts the loss per epoch and per second of modelled compute (c₀ + B·c₁ per step: a fixed cost per update plus a cost per sample).',
    ],
  }),
} satisfies Meta<typeof BatchSizeExplorer>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The three batch sizes at their common start, before the first epoch. */
export const Default: Story = {};

/** After five epochs: compare the paths' noise and the losses per epoch and per second. */
export const FiveEpochs: Story = { name: 'After 5 epochs', args: { defaultValue: { epochs: 5 } } };

const points = (el: Element | null) => Number(el!.getAttribute('data-points'));

/** Step two epochs: stochastic descent took 64 steps per epoch, full batch one; its path is noisier. */
export const TestTwoEpochs: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const step = canvas.getByRole('button', { name: 'Step one epoch' });
    await userEvent.click(step);
    await userEvent.click(step);
    await expect(canvas.getByTestId('status')).toHaveTextContent(/^Epoch 2 of 20/);
    await expect(points(canvasElement.querySelector('[data-testid="path-full"]'))).toBe(3);
    await expect(points(canvasElement.querySelector('[data-testid="path-stochastic"]'))).toBe(129);
    await expect(points(canvasElement.querySelector('[data-testid="path-mini"]'))).toBe(17);
    const noise = (k: string) => Number(canvas.getByTestId(`noise-${k}`).textContent);
    await expect(noise('stochastic')).toBeGreaterThan(noise('full'));
  },
};

/** A larger mini-batch takes fewer, straighter steps per epoch. */
export const TestLargerBatch: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { epochs: 5 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(points(canvasElement.querySelector('[data-testid="path-mini"]'))).toBe(41);
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Mini-batch size B' }), '32');
    await expect(points(canvasElement.querySelector('[data-testid="path-mini"]'))).toBe(11);
    await expect(canvas.getByTestId('status')).toHaveTextContent(/Mini-batch \(B = 32\)/);
  },
};
